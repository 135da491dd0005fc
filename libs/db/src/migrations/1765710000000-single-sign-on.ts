import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Single sign-on by OpenID Connect, per agency (issue 12 part 2): each agency may name its identity provider
 * (issuer, client, the e-mail domain its users sign in with, the claim holding their roles, whether a second
 * factor at the provider is required); log-ins in flight (state, nonce, PKCE verifier) are kept hashed, single
 * use and for 10 minutes; and provider identities (issuer, subject) are tied to one user of one agency.
 *
 * The callback runs before any agency is known: it reaches the configuration and the log-in states only through
 * the SECURITY DEFINER functions below, which return what the flow needs and nothing else. The client secret is
 * not readable by the app role at all (the GraphQL field is write-only; only sso_agency_config() returns it).
 */
export class SingleSignOn1765710000000 implements MigrationInterface {
  name = 'SingleSignOn1765710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_sso (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id) ON DELETE CASCADE,
        issuer text NOT NULL CONSTRAINT agency_sso_issuer_check CHECK (issuer ~ '^https?://'),
        client_id text NOT NULL CONSTRAINT agency_sso_client_id_check CHECK (length(client_id) BETWEEN 1 AND 255),
        client_secret text NOT NULL CONSTRAINT agency_sso_client_secret_check CHECK (length(client_secret) BETWEEN 1 AND 512),
        email_domain text NOT NULL CONSTRAINT agency_sso_email_domain_check
          CHECK (email_domain = lower(email_domain) AND email_domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
        roles_claim text NOT NULL DEFAULT 'roles' CONSTRAINT agency_sso_roles_claim_check CHECK (roles_claim ~ '^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$'),
        require_mfa boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL
      );
      CREATE INDEX agency_sso_updated_by_idx ON agency_sso (updated_by);
      ALTER TABLE agency_sso ENABLE ROW LEVEL SECURITY;
      ALTER TABLE agency_sso FORCE ROW LEVEL SECURITY;
      CREATE POLICY agency_sso_read ON agency_sso FOR SELECT USING (agency_id = app_agency() OR app_is_national_admin());
      CREATE POLICY agency_sso_create ON agency_sso FOR INSERT WITH CHECK (agency_id = app_agency() OR app_is_national_admin());
      CREATE POLICY agency_sso_change ON agency_sso FOR UPDATE
        USING (agency_id = app_agency() OR app_is_national_admin()) WITH CHECK (agency_id = app_agency() OR app_is_national_admin());
      -- Writes: the agency's ADMIN (or the national admin, who is an ADMIN), never other roles (as 1765200000000).
      CREATE POLICY agency_sso_roles_insert ON agency_sso AS RESTRICTIVE FOR INSERT TO ${APP_ROLE}
        WITH CHECK ((SELECT app_has_role('ADMIN')) OR (SELECT app_is_system()));
      CREATE POLICY agency_sso_roles_update ON agency_sso AS RESTRICTIVE FOR UPDATE TO ${APP_ROLE}
        USING ((SELECT app_has_role('ADMIN')) OR (SELECT app_is_system()))
        WITH CHECK ((SELECT app_has_role('ADMIN')) OR (SELECT app_is_system()));
      -- Every column but the secret, which is written and never read back.
      GRANT SELECT (agency_id, issuer, client_id, email_domain, roles_claim, require_mfa, enabled, updated_at, updated_by) ON agency_sso TO ${APP_ROLE};
      GRANT INSERT ON agency_sso TO ${APP_ROLE};
      GRANT UPDATE (issuer, client_id, client_secret, email_domain, roles_claim, require_mfa, enabled, updated_at, updated_by) ON agency_sso TO ${APP_ROLE};

      -- Log-ins in flight. No grants and no policies: only the functions below touch the table.
      CREATE TABLE sso_login_states (
        state_hash bytea PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL DEFAULT now() + interval '10 minutes',
        used_at timestamptz
      );
      CREATE INDEX sso_login_states_agency_idx ON sso_login_states (agency_id);
      CREATE INDEX sso_login_states_expires_idx ON sso_login_states (expires_at);
      REVOKE ALL ON sso_login_states FROM PUBLIC;
      ALTER TABLE sso_login_states ENABLE ROW LEVEL SECURITY;
      ALTER TABLE sso_login_states FORCE ROW LEVEL SECURITY;

      CREATE TABLE user_sso_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_sso_identities_pkey PRIMARY KEY (issuer, subject)
      );
      CREATE INDEX user_sso_identities_user_idx ON user_sso_identities (user_id);
      CREATE INDEX user_sso_identities_agency_idx ON user_sso_identities (agency_id);
      ALTER TABLE user_sso_identities ENABLE ROW LEVEL SECURITY;
      ALTER TABLE user_sso_identities FORCE ROW LEVEL SECURITY;
      CREATE POLICY user_sso_identities_read ON user_sso_identities FOR SELECT USING (agency_id = app_agency() OR app_is_national_admin());
      -- An identity joins a user of the acting agency only (the sub-select reads users under their own policy).
      CREATE POLICY user_sso_identities_create ON user_sso_identities FOR INSERT WITH CHECK (
        agency_id = app_agency() AND EXISTS (SELECT 1 FROM users u WHERE u.id = user_id AND u.agency_id = user_sso_identities.agency_id));
      CREATE POLICY user_sso_identities_roles_insert ON user_sso_identities AS RESTRICTIVE FOR INSERT TO ${APP_ROLE}
        WITH CHECK ((SELECT app_has_role('ADMIN')) OR (SELECT app_is_system()));
      GRANT SELECT, INSERT ON user_sso_identities TO ${APP_ROLE};
    `);

    await q.query(`
      -- What the log-in flow needs of an agency, before any agency is acting (start and callback).
      -- second_factor_required: the agency's or the national sign-in policy (migration 1765700000000); a sign-on must
      -- then carry the provider's MFA whatever require_mfa says, or it would be a way round the second factor.
      CREATE FUNCTION sso_agency_config(p_agency uuid)
      RETURNS TABLE (agency_id uuid, agency_kind text, agency_active boolean, issuer text, client_id text, client_secret text,
                     email_domain text, roles_claim text, require_mfa boolean, enabled boolean, second_factor_required boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.id, a.kind::text, a.active, s.issuer, s.client_id, s.client_secret, s.email_domain, s.roles_claim, s.require_mfa, s.enabled,
               a.second_factor_required OR coalesce((SELECT g.second_factor_required_for_all FROM sign_in_settings g), false)
        FROM agency_sso s JOIN agencies a ON a.id = s.agency_id WHERE s.agency_id = p_agency
      $$;

      -- The log-in page's list: names only, of active agencies whose sign-on is on.
      CREATE FUNCTION sso_agencies()
      RETURNS TABLE (id uuid, name text, name_en text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.id, a.name, a.name_en FROM agency_sso s JOIN agencies a ON a.id = s.agency_id
        WHERE s.enabled AND a.active ORDER BY a.name_en
      $$;

      CREATE FUNCTION sso_begin_login(p_state_hash bytea, p_agency uuid, p_nonce text, p_code_verifier text, p_return_to text)
      RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- Old states go, so abandoned log-ins cannot grow the table without bound.
        DELETE FROM sso_login_states s WHERE s.expires_at < now() - interval '1 day';
        INSERT INTO sso_login_states (state_hash, agency_id, nonce, code_verifier, return_to)
        VALUES (p_state_hash, p_agency, p_nonce, p_code_verifier, p_return_to);
      END $$;

      -- Takes a state once: the first caller gets status OK, a replay USED, a late one EXPIRED (no row: unknown).
      -- The row lock makes two parallel callbacks with one state line up; the second sees used_at.
      CREATE FUNCTION sso_take_login_state(p_state_hash bytea)
      RETURNS TABLE (agency_id uuid, nonce text, code_verifier text, return_to text, status text)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE r sso_login_states%ROWTYPE;
      BEGIN
        SELECT * INTO r FROM sso_login_states s WHERE s.state_hash = p_state_hash FOR UPDATE;
        IF r.state_hash IS NULL THEN RETURN; END IF;
        IF r.used_at IS NOT NULL THEN
          RETURN QUERY SELECT r.agency_id, NULL::text, NULL::text, NULL::text, 'USED'::text;
          RETURN;
        END IF;
        UPDATE sso_login_states s SET used_at = now() WHERE s.state_hash = p_state_hash;
        IF r.expires_at <= now() THEN
          RETURN QUERY SELECT r.agency_id, NULL::text, NULL::text, NULL::text, 'EXPIRED'::text;
          RETURN;
        END IF;
        RETURN QUERY SELECT r.agency_id, r.nonce, r.code_verifier, r.return_to, 'OK'::text;
      END $$;

      -- Whose is this provider identity, across agencies (an identity of another agency must refuse, not re-link).
      CREATE FUNCTION sso_find_identity(p_issuer text, p_subject text)
      RETURNS TABLE (user_id uuid, agency_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT i.user_id, i.agency_id FROM user_sso_identities i WHERE i.issuer = p_issuer AND i.subject = p_subject
      $$;

      REVOKE ALL ON FUNCTION sso_agency_config(uuid), sso_agencies(), sso_begin_login(bytea, uuid, text, text, text),
        sso_take_login_state(bytea), sso_find_identity(text, text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION sso_agency_config(uuid), sso_agencies(), sso_begin_login(bytea, uuid, text, text, text),
        sso_take_login_state(bytea), sso_find_identity(text, text) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION sso_find_identity(text, text), sso_take_login_state(bytea), sso_begin_login(bytea, uuid, text, text, text),
        sso_agencies(), sso_agency_config(uuid);
      DROP TABLE user_sso_identities, sso_login_states, agency_sso;
    `);
  }
}
