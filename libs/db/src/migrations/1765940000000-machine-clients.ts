import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/** The agency's ADMIN, acting for its own agency (scalar sub-selects: evaluated once per statement). */
const OWN_ADMIN = `agency_id = app_agency() AND (SELECT app_has_role('ADMIN'))`;

/**
 * Machine clients (issue 16 part 3): a bank's or telecom's own system, signing in with OAuth 2.0 client credentials.
 *
 * - `machine_clients`: one per client, of one agency, with the roles it acts with (never ADMIN). Its id is also the
 *   id of the client's account in `users` (no password, e-mail `<client_id>@machine.caselink.invalid`): the account is
 *   what request events, read marks and risk signals name as their author, what the acting context's app.user_id
 *   holds and what auth_user_active() checks on every call, so the access table, row-level security and the audit
 *   trail treat the client exactly as a user of its agency with those roles. The account is hidden from every user
 *   list (the restrictive policy below): it is managed here, not as a user.
 * - `machine_client_secrets`: Argon2id hashes of the secrets (shown once), with a hint of the last characters. A
 *   rotation adds a secret and gives the old ones an end (`expires_at`, the grace period); an end only ever moves
 *   earlier. The app role never reads a hash: only machine_client_credentials() (the token endpoint, before any agency
 *   is acting) returns them.
 * - Revocation sets `revoked_at` once; a trigger switches the account off in the same transaction, so every call with
 *   a token already issued is refused at once (auth_user_active), like a deactivated user's.
 *
 * An agency's admins see and change only their own agency's clients; no other role sees them at all.
 */
export class MachineClients1765940000000 implements MigrationInterface {
  name = 'MachineClients1765940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The account is of the client's agency, and a secret of its client's (composite keys: checked at the end of the
      -- statement, so the account, the client and its first secret go in together).
      CREATE UNIQUE INDEX users_id_agency_key ON users (id, agency_id);
      CREATE TABLE machine_clients (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id text NOT NULL CONSTRAINT machine_clients_client_id_check CHECK (client_id ~ '^mc_[0-9a-f]{24}$'),
        name text NOT NULL CONSTRAINT machine_clients_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        roles text[] NOT NULL CONSTRAINT machine_clients_roles_check CHECK (cardinality(roles) > 0 AND NOT (roles && ARRAY['ADMIN', 'SYSTEM'])),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        last_used_at timestamptz,
        CONSTRAINT machine_clients_revoked_check CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
        CONSTRAINT machine_clients_account_fkey FOREIGN KEY (id, agency_id) REFERENCES users (id, agency_id),
        CONSTRAINT machine_clients_id_agency_key UNIQUE (id, agency_id)
      );
      CREATE UNIQUE INDEX machine_clients_client_id_key ON machine_clients (client_id);
      CREATE INDEX machine_clients_agency_idx ON machine_clients (agency_id, created_at);
      CREATE INDEX machine_clients_created_by_idx ON machine_clients (created_by);
      CREATE INDEX machine_clients_revoked_by_idx ON machine_clients (revoked_by);
      CREATE TRIGGER machine_clients_fixed_columns BEFORE UPDATE OF id, agency_id, client_id, roles, created_by, created_at ON machine_clients
        FOR EACH ROW EXECUTE FUNCTION forbid_column_change('id', 'agency_id', 'client_id', 'roles', 'created_by', 'created_at');

      CREATE TABLE machine_client_secrets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        machine_client_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        secret_hash text NOT NULL,
        hint text NOT NULL CONSTRAINT machine_client_secrets_hint_check CHECK (length(hint) BETWEEN 1 AND 8),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        CONSTRAINT machine_client_secrets_client_fkey FOREIGN KEY (machine_client_id, agency_id) REFERENCES machine_clients (id, agency_id)
      );
      CREATE INDEX machine_client_secrets_client_idx ON machine_client_secrets (machine_client_id, agency_id);
      CREATE INDEX machine_client_secrets_created_by_idx ON machine_client_secrets (created_by);
      CREATE TRIGGER machine_client_secrets_fixed_columns
        BEFORE UPDATE OF id, machine_client_id, agency_id, secret_hash, hint, created_by, created_at ON machine_client_secrets
        FOR EACH ROW EXECUTE FUNCTION forbid_column_change('id', 'machine_client_id', 'agency_id', 'secret_hash', 'hint', 'created_by', 'created_at');

      -- An end only moves earlier: a rotated-out secret never comes back, and a grace period is never lengthened.
      CREATE FUNCTION machine_client_secrets_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.expires_at IS NOT NULL AND (NEW.expires_at IS NULL OR NEW.expires_at > OLD.expires_at) THEN
          RAISE EXCEPTION 'machine_client_secrets.expires_at only moves earlier' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER machine_client_secrets_guard BEFORE UPDATE OF expires_at ON machine_client_secrets
        FOR EACH ROW EXECUTE FUNCTION machine_client_secrets_guard();

      -- Revoked once, for good; the account goes off with it (SECURITY DEFINER: the app role cannot see the account).
      CREATE FUNCTION machine_clients_revoke() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.revoked_by IS DISTINCT FROM OLD.revoked_by) THEN
          RAISE EXCEPTION 'machine_clients: a revoked client stays revoked' USING ERRCODE = '42501';
        END IF;
        IF OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL THEN
          UPDATE users SET active = false, updated_at = now() WHERE id = NEW.id;
          UPDATE machine_client_secrets SET expires_at = NEW.revoked_at
            WHERE machine_client_id = NEW.id AND (expires_at IS NULL OR expires_at > NEW.revoked_at);
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER machine_clients_revoke BEFORE UPDATE OF revoked_at, revoked_by ON machine_clients
        FOR EACH ROW EXECUTE FUNCTION machine_clients_revoke();

      ALTER TABLE machine_clients ENABLE ROW LEVEL SECURITY;
      ALTER TABLE machine_clients FORCE ROW LEVEL SECURITY;
      CREATE POLICY machine_clients_read ON machine_clients FOR SELECT TO ${APP_ROLE} USING (${OWN_ADMIN});
      CREATE POLICY machine_clients_create ON machine_clients FOR INSERT TO ${APP_ROLE} WITH CHECK (${OWN_ADMIN} AND created_by = app_user());
      CREATE POLICY machine_clients_change ON machine_clients FOR UPDATE TO ${APP_ROLE}
        USING (${OWN_ADMIN}) WITH CHECK (${OWN_ADMIN} AND revoked_by = app_user());
      GRANT SELECT, INSERT ON machine_clients TO ${APP_ROLE};
      GRANT UPDATE (revoked_at, revoked_by) ON machine_clients TO ${APP_ROLE};

      ALTER TABLE machine_client_secrets ENABLE ROW LEVEL SECURITY;
      ALTER TABLE machine_client_secrets FORCE ROW LEVEL SECURITY;
      CREATE POLICY machine_client_secrets_read ON machine_client_secrets FOR SELECT TO ${APP_ROLE} USING (${OWN_ADMIN});
      CREATE POLICY machine_client_secrets_create ON machine_client_secrets FOR INSERT TO ${APP_ROLE} WITH CHECK (${OWN_ADMIN} AND created_by = app_user());
      CREATE POLICY machine_client_secrets_change ON machine_client_secrets FOR UPDATE TO ${APP_ROLE} USING (${OWN_ADMIN}) WITH CHECK (${OWN_ADMIN});
      -- Every column but the hash, which is written and never read back by the app role.
      GRANT SELECT (id, machine_client_id, agency_id, hint, created_by, created_at, expires_at) ON machine_client_secrets TO ${APP_ROLE};
      GRANT INSERT (machine_client_id, agency_id, secret_hash, hint, created_by) ON machine_client_secrets TO ${APP_ROLE};
      GRANT UPDATE (expires_at) ON machine_client_secrets TO ${APP_ROLE};

      -- Whether a user row is a machine client's account (SECURITY DEFINER: whoever asks, the answer does not depend on
      -- who may see machine_clients).
      CREATE FUNCTION machine_account(p_user uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM machine_clients c WHERE c.id = p_user)
      $$;
      -- A client's account is no user to manage: no user list, user(id), reset, role change or deactivation reaches it.
      -- The client itself sees its own row (me, and the author name of its answers).
      CREATE POLICY users_hide_machine_accounts ON users AS RESTRICTIVE FOR SELECT TO ${APP_ROLE}
        USING (id = app_user() OR NOT machine_account(id));
      CREATE POLICY users_hide_machine_accounts_update ON users AS RESTRICTIVE FOR UPDATE TO ${APP_ROLE}
        USING (id = app_user() OR NOT machine_account(id));
      CREATE POLICY users_hide_machine_accounts_delete ON users AS RESTRICTIVE FOR DELETE TO ${APP_ROLE}
        USING (NOT machine_account(id));
    `);

    await q.query(`
      -- What the token endpoint needs of a client, before any agency is acting: the client, its agency's state and its
      -- secrets' hashes — the current ones, and the one rotated out last (to tell a rotated-out secret from a wrong one).
      CREATE FUNCTION machine_client_credentials(p_client_id text)
      RETURNS TABLE (id uuid, agency_id uuid, agency_kind text, agency_active boolean, email text, name text, roles text[],
                     revoked_at timestamptz, secrets jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.id, c.agency_id, a.kind::text, a.active, u.email, c.name, c.roles, c.revoked_at,
               coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'hash', s.secret_hash, 'current', s.expires_at IS NULL OR s.expires_at > now())
                                          ORDER BY (s.expires_at IS NULL OR s.expires_at > now()) DESC, s.created_at DESC)
                         FROM (SELECT s.* FROM machine_client_secrets s WHERE s.machine_client_id = c.id
                               ORDER BY (s.expires_at IS NULL OR s.expires_at > now()) DESC, s.created_at DESC LIMIT 4) s), '[]'::jsonb)
        FROM machine_clients c JOIN agencies a ON a.id = c.agency_id JOIN users u ON u.id = c.id
        WHERE c.client_id = p_client_id
      $$;

      -- The client, acting as itself with a token just issued, notes when it was last used (its admins see it).
      CREATE FUNCTION machine_client_used(p_client uuid) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE machine_clients SET last_used_at = now() WHERE id = p_client AND id = app_user() AND agency_id = app_agency() AND revoked_at IS NULL
      $$;

      REVOKE ALL ON FUNCTION machine_account(uuid), machine_client_credentials(text), machine_client_used(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION machine_account(uuid), machine_client_credentials(text), machine_client_used(uuid) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY users_hide_machine_accounts ON users;
      DROP POLICY users_hide_machine_accounts_update ON users;
      DROP POLICY users_hide_machine_accounts_delete ON users;
      DROP FUNCTION machine_client_credentials(text);
      DROP FUNCTION machine_client_used(uuid);
      DROP FUNCTION machine_account(uuid);
      -- The clients' accounts stay (switched off): their answers and audit rows still name them.
      UPDATE users SET active = false WHERE id IN (SELECT id FROM machine_clients);
      DROP TABLE machine_client_secrets;
      DROP TABLE machine_clients;
      DROP FUNCTION machine_client_secrets_guard();
      DROP FUNCTION machine_clients_revoke();
      DROP INDEX users_id_agency_key;
    `);
  }
}
