import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Agencies, users, refresh sessions, audit trail and notifications, with row-level security.
 * Every table is FORCE ROW LEVEL SECURITY; the acting agency comes from app.agency_id, which the
 * api and worker set with set_config(..., true) inside each transaction.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_agency() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('app.agency_id', true), '')::uuid $$;
      CREATE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
      CREATE FUNCTION app_is_national_admin() RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT coalesce(current_setting('app.national_admin', true), '') = 'on' $$;

      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT agencies_name_key UNIQUE,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('POLICE', 'BANK', 'TELECOM', 'FOREIGN_PARTNER')),
        region text NOT NULL,
        coordinating boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        failed_attempts int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);
      CREATE INDEX users_agency_idx ON users (agency_id, created_at, id);

      CREATE TABLE refresh_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        family_id uuid NOT NULL,
        token_hash bytea NOT NULL CONSTRAINT refresh_sessions_token_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by uuid,
        client_address text
      );
      CREATE INDEX refresh_sessions_family_idx ON refresh_sessions (family_id);

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chain_key uuid NOT NULL,
        sequence bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_email text,
        agency_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        client_address text,
        outcome text NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILURE')),
        details jsonb,
        prev_hash bytea NOT NULL,
        hash bytea NOT NULL
      );
      CREATE UNIQUE INDEX audit_events_chain_sequence_key ON audit_events (chain_key, sequence);

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        payload jsonb NOT NULL,
        dedupe_key text NOT NULL CONSTRAINT notifications_dedupe_key_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
    `);

    await q.query(`
      -- The canonical text that each audit row's hash covers: jsonb text output is deterministic.
      CREATE FUNCTION audit_canonical(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_build_array(e.chain_key, e.sequence, e.id,
          to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          e.actor_user_id, e.actor_email, e.agency_id, e.action, e.entity_type, e.entity_id,
          e.client_address, e.outcome, e.details)::text
      $$;

      -- Fills the chain fields under a per-chain lock, so concurrent writers line up one after another.
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public AS $$
      DECLARE last_row audit_events;
      BEGIN
        NEW.chain_key := coalesce(NEW.agency_id, '00000000-0000-0000-0000-000000000000'::uuid);
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.chain_key::text, 0));
        SELECT * INTO last_row FROM audit_events WHERE chain_key = NEW.chain_key ORDER BY sequence DESC LIMIT 1;
        NEW.sequence := coalesce(last_row.sequence, 0) + 1;
        NEW.occurred_at := clock_timestamp();
        NEW.prev_hash := coalesce(last_row.hash, decode(repeat('00', 32), 'hex'));
        NEW.hash := sha256(NEW.prev_hash || convert_to(audit_canonical(NEW), 'UTF8'));
        RETURN NEW;
      END $$;
      CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

      -- Append-only even for a careless owner: changing history needs an explicit DISABLE TRIGGER.
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      -- Walks the acting agency's chain in order and names the first row whose links or content do not add up.
      CREATE FUNCTION audit_verify_chain()
      RETURNS TABLE (ok boolean, checked_count bigint, first_broken_id uuid, first_broken_sequence bigint, reason text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        r audit_events;
        expected_prev bytea := decode(repeat('00', 32), 'hex');
        expected_seq bigint := 1;
        n bigint := 0;
      BEGIN
        FOR r IN SELECT * FROM audit_events WHERE chain_key = app_agency() ORDER BY sequence LOOP
          n := n + 1;
          IF r.sequence <> expected_seq THEN
            RETURN QUERY SELECT false, n, r.id, r.sequence, format('sequence %s expected, found %s (a row is missing)', expected_seq, r.sequence);
            RETURN;
          END IF;
          IF r.prev_hash <> expected_prev THEN
            RETURN QUERY SELECT false, n, r.id, r.sequence, 'prev_hash does not match the previous row''s hash'::text;
            RETURN;
          END IF;
          IF r.hash <> sha256(r.prev_hash || convert_to(audit_canonical(r), 'UTF8')) THEN
            RETURN QUERY SELECT false, n, r.id, r.sequence, 'content does not match its hash (row was altered)'::text;
            RETURN;
          END IF;
          expected_prev := r.hash;
          expected_seq := expected_seq + 1;
        END LOOP;
        RETURN QUERY SELECT true, n, NULL::uuid, NULL::bigint, NULL::text;
      END $$;
    `);

    await q.query(`
      -- Log-in and token refresh happen before the agency is known: these two look-ups, and nothing
      -- else, cross the agency wall, and they return only what authentication needs.
      CREATE FUNCTION auth_find_user_by_email(p_email text)
      RETURNS TABLE (id uuid, agency_id uuid, password_hash text, active boolean, failed_attempts int, locked_until timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.id, u.agency_id, u.password_hash, u.active, u.failed_attempts, u.locked_until
        FROM users u WHERE u.email = lower(p_email)
      $$;
      CREATE FUNCTION auth_find_refresh_session(p_token_hash bytea)
      RETURNS TABLE (id uuid, user_id uuid, agency_id uuid, family_id uuid, expires_at timestamptz, revoked_at timestamptz, replaced_by uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT s.id, s.user_id, s.agency_id, s.family_id, s.expires_at, s.revoked_at, s.replaced_by
        FROM refresh_sessions s WHERE s.token_hash = p_token_hash
      $$;
      REVOKE ALL ON FUNCTION auth_find_user_by_email(text), auth_find_refresh_session(bytea),
        audit_verify_chain() FROM PUBLIC;
    `);

    await q.query(`
      ALTER TABLE agencies ENABLE ROW LEVEL SECURITY;
      ALTER TABLE agencies FORCE ROW LEVEL SECURITY;
      CREATE POLICY agencies_read ON agencies FOR SELECT USING (id = app_agency() OR app_is_national_admin());
      CREATE POLICY agencies_create ON agencies FOR INSERT WITH CHECK (app_is_national_admin());

      ALTER TABLE users ENABLE ROW LEVEL SECURITY;
      ALTER TABLE users FORCE ROW LEVEL SECURITY;
      CREATE POLICY users_read ON users FOR SELECT USING (agency_id = app_agency() OR app_is_national_admin());
      -- The national admin may create the first admin of a new agency, nothing else elsewhere.
      CREATE POLICY users_create ON users FOR INSERT WITH CHECK (agency_id = app_agency() OR app_is_national_admin());
      CREATE POLICY users_change ON users FOR UPDATE USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency());

      ALTER TABLE refresh_sessions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE refresh_sessions FORCE ROW LEVEL SECURITY;
      CREATE POLICY refresh_sessions_own ON refresh_sessions FOR ALL
        USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency());

      ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
      CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (agency_id = app_agency());
      CREATE POLICY audit_events_write ON audit_events FOR INSERT WITH CHECK (
        agency_id = app_agency() OR (agency_id IS NULL AND app_agency() IS NULL));

      ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
      ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
      CREATE POLICY notifications_read ON notifications FOR SELECT
        USING (agency_id = app_agency() AND (app_user() IS NULL OR user_id = app_user()));
      CREATE POLICY notifications_write ON notifications FOR INSERT WITH CHECK (agency_id = app_agency());
      CREATE POLICY notifications_mark ON notifications FOR UPDATE
        USING (agency_id = app_agency() AND user_id = app_user()) WITH CHECK (agency_id = app_agency());
    `);

    await q.query(`
      GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      GRANT SELECT, INSERT ON agencies TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON users TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON refresh_sessions TO ${APP_ROLE};
      GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON notifications TO ${APP_ROLE};
      GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text), auth_find_refresh_session(bytea),
        audit_verify_chain() TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notifications, refresh_sessions, users, agencies;
      DROP FUNCTION auth_find_user_by_email(text), auth_find_refresh_session(bytea), audit_verify_chain(),
        audit_events_append_only(), audit_events_chain(), audit_canonical(audit_events), app_agency(), app_user(), app_is_national_admin();
      DROP TABLE audit_events;
    `);
  }
}
