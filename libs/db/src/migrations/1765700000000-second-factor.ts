import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Sign-in an agency's security officer signs off (issue 12): second factors (TOTP, passkeys) with hashed
 * recovery codes, single-use sign-in challenges, each agency's sign-in policy (second factor required, idle
 * lock, absolute session lifetime) and the national one, agencies that can be switched off, and sessions
 * that know how they were opened, when they must end however often they are refreshed, and whether the
 * portal locked them.
 *
 * Log-in runs before the agency is known, then acts as the user with no roles (as the counters do): every
 * table here is readable and writable by its own user in that context, by the agency's ADMIN for resets,
 * and by nobody else.
 */
export class SecondFactor1765700000000 implements MigrationInterface {
  name = 'SecondFactor1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agencies
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN second_factor_required boolean NOT NULL DEFAULT false,
        ADD COLUMN idle_lock_minutes int NOT NULL DEFAULT 30 CONSTRAINT agencies_idle_lock_minutes_check CHECK (idle_lock_minutes BETWEEN 1 AND 240),
        ADD COLUMN session_hours int NOT NULL DEFAULT 12 CONSTRAINT agencies_session_hours_check CHECK (session_hours BETWEEN 1 AND 24);
      -- Agencies change only in these columns: the agency's own admin sets its policy, the national admin may
      -- also switch an agency off (the guard on 'active' is below).
      CREATE POLICY agencies_change ON agencies FOR UPDATE
        USING (id = app_agency() OR app_is_national_admin()) WITH CHECK (id = app_agency() OR app_is_national_admin());
      CREATE POLICY agencies_roles_update ON agencies AS RESTRICTIVE FOR UPDATE TO ${APP_ROLE}
        USING ((SELECT app_has_role('ADMIN'))) WITH CHECK ((SELECT app_has_role('ADMIN')));
      GRANT UPDATE (active, second_factor_required, idle_lock_minutes, session_hours) ON agencies TO ${APP_ROLE};
      -- SECURITY INVOKER: current_user must be the caller (as a definer it would always be the owner).
      CREATE FUNCTION agencies_guard_active() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF NEW.active IS DISTINCT FROM OLD.active AND NOT app_is_national_admin() AND current_user = '${APP_ROLE}' THEN
          RAISE EXCEPTION 'only the national centre switches agencies on or off' USING ERRCODE = '42501';
        END IF;
        IF NEW.active IS DISTINCT FROM OLD.active AND OLD.id = app_agency() AND NOT NEW.active AND current_user = '${APP_ROLE}' THEN
          RAISE EXCEPTION 'the national centre cannot switch itself off' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agencies_guard_active BEFORE UPDATE ON agencies FOR EACH ROW EXECUTE FUNCTION agencies_guard_active();

      -- The national centre's rule for everyone (one row).
      CREATE TABLE sign_in_settings (
        id boolean PRIMARY KEY DEFAULT true CONSTRAINT sign_in_settings_one_row CHECK (id),
        second_factor_required_for_all boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL
      );
      INSERT INTO sign_in_settings DEFAULT VALUES;
      ALTER TABLE sign_in_settings ENABLE ROW LEVEL SECURITY;
      ALTER TABLE sign_in_settings FORCE ROW LEVEL SECURITY;
      CREATE POLICY sign_in_settings_read ON sign_in_settings FOR SELECT USING (true);
      CREATE POLICY sign_in_settings_change ON sign_in_settings FOR UPDATE
        USING (app_is_national_admin()) WITH CHECK (app_is_national_admin());
      GRANT SELECT ON sign_in_settings TO ${APP_ROLE};
      GRANT UPDATE (second_factor_required_for_all, updated_at, updated_by) ON sign_in_settings TO ${APP_ROLE};

      ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

      CREATE TABLE second_factors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        kind text NOT NULL CONSTRAINT second_factors_kind_check CHECK (kind IN ('TOTP', 'PASSKEY')),
        label text NOT NULL CONSTRAINT second_factors_label_check CHECK (char_length(label) BETWEEN 1 AND 80),
        -- TOTP: the shared secret, encrypted by the api (AES-256-GCM); the last time step used, so a code is
        -- accepted once (RFC 6238 section 5.2).
        totp_secret bytea,
        totp_last_step bigint,
        -- Passkeys: the credential as WebAuthn registered it.
        credential_id text CONSTRAINT second_factors_credential_key UNIQUE,
        public_key bytea,
        sign_count bigint,
        transports text[],
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        CONSTRAINT second_factors_shape CHECK (
          (kind = 'TOTP' AND totp_secret IS NOT NULL AND credential_id IS NULL)
          OR (kind = 'PASSKEY' AND credential_id IS NOT NULL AND public_key IS NOT NULL AND sign_count IS NOT NULL))
      );
      CREATE INDEX second_factors_user_idx ON second_factors (user_id);
      CREATE INDEX second_factors_agency_idx ON second_factors (agency_id);

      CREATE TABLE recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        code_hash bytea NOT NULL CONSTRAINT recovery_codes_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      );
      CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);
      CREATE INDEX recovery_codes_agency_idx ON recovery_codes (agency_id);

      -- Short-lived, single-use links between two steps: password then second factor, a TOTP secret shown then
      -- confirmed, WebAuthn options then the authenticator's answer. Only the sha256 of the token is kept.
      CREATE TABLE sign_in_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL CONSTRAINT sign_in_challenges_token_key UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        purpose text NOT NULL CONSTRAINT sign_in_challenges_purpose_check
          CHECK (purpose IN ('SECOND_FACTOR', 'TOTP_ENROLMENT', 'PASSKEY_REGISTRATION', 'PASSKEY_SIGN_IN', 'UNLOCK')),
        webauthn_challenge text,
        totp_secret bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX sign_in_challenges_user_idx ON sign_in_challenges (user_id, purpose);
      CREATE INDEX sign_in_challenges_agency_idx ON sign_in_challenges (agency_id);
      CREATE INDEX sign_in_challenges_expiry_idx ON sign_in_challenges (expires_at);

      ALTER TABLE refresh_sessions
        ADD COLUMN method text NOT NULL DEFAULT 'PASSWORD'
          CONSTRAINT refresh_sessions_method_check CHECK (method IN ('PASSWORD', 'TOTP', 'PASSKEY', 'RECOVERY_CODE', 'SSO')),
        -- The family's start and absolute end: refreshing never moves them.
        ADD COLUMN signed_in_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN family_expires_at timestamptz,
        ADD COLUMN user_agent text,
        ADD COLUMN locked_at timestamptz,
        ADD COLUMN ended_reason text;
      UPDATE refresh_sessions SET family_expires_at = least(expires_at, created_at + interval '12 hours');
      ALTER TABLE refresh_sessions ALTER COLUMN family_expires_at SET NOT NULL;
      CREATE INDEX refresh_sessions_user_live_idx ON refresh_sessions (user_id) WHERE revoked_at IS NULL AND replaced_by IS NULL;

      -- Own rows (sign-in acts as the user), the agency's admin (status and resets), worker jobs (clean-up).
      ${['second_factors', 'recovery_codes', 'sign_in_challenges']
        .map(
          (t) => `
      ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;
      CREATE POLICY ${t}_read ON ${t} FOR SELECT
        USING (agency_id = app_agency() AND (user_id = app_user() OR app_has_role('ADMIN') OR app_is_system()));
      CREATE POLICY ${t}_write ON ${t} FOR INSERT WITH CHECK (agency_id = app_agency() AND user_id = app_user());
      CREATE POLICY ${t}_change ON ${t} FOR UPDATE
        USING (agency_id = app_agency() AND user_id = app_user()) WITH CHECK (agency_id = app_agency() AND user_id = app_user());
      CREATE POLICY ${t}_remove ON ${t} FOR DELETE
        USING (agency_id = app_agency() AND (user_id = app_user() OR app_has_role('ADMIN') OR app_is_system()));`,
        )
        .join('\n')}
      GRANT SELECT, INSERT, DELETE ON second_factors, recovery_codes, sign_in_challenges TO ${APP_ROLE};
      GRANT UPDATE (label, totp_last_step, sign_count, last_used_at) ON second_factors TO ${APP_ROLE};
      GRANT UPDATE (used_at) ON recovery_codes TO ${APP_ROLE};
      GRANT UPDATE (used_at, webauthn_challenge) ON sign_in_challenges TO ${APP_ROLE};

      -- The second step of a log-in arrives with only the challenge: whose it is, before acting as that user.
      CREATE FUNCTION auth_find_sign_in_challenge(p_token_hash bytea)
      RETURNS TABLE (id uuid, user_id uuid, agency_id uuid, purpose text, expires_at timestamptz, used_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.id, c.user_id, c.agency_id, c.purpose, c.expires_at, c.used_at FROM sign_in_challenges c WHERE c.token_hash = p_token_hash
      $$;
      REVOKE ALL ON FUNCTION auth_find_sign_in_challenge(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_sign_in_challenge(bytea) TO ${APP_ROLE};
      GRANT UPDATE (method, family_expires_at, user_agent, locked_at, ended_reason) ON refresh_sessions TO ${APP_ROLE};

      -- Changing one's own password: the api checks the current one first (PostgreSQL cannot verify Argon2); the
      -- users policy otherwise lets a user change only their own sign-in counters.
      CREATE FUNCTION account_set_own_password(p_hash text) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE users SET password_hash = p_hash, password_changed_at = now(), updated_at = now()
        WHERE id = app_user() AND agency_id = app_agency() AND active
      $$;
      REVOKE ALL ON FUNCTION account_set_own_password(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION account_set_own_password(text) TO ${APP_ROLE};

      -- Log-in looks the account up before its agency is known: now also whether the agency is switched on.
      DROP FUNCTION auth_find_user_by_email(text);
      CREATE FUNCTION auth_find_user_by_email(p_email text)
      RETURNS TABLE (id uuid, agency_id uuid, password_hash text, active boolean, failed_attempts int, locked_until timestamptz, agency_active boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.agency_id, u.password_hash, u.active, u.failed_attempts, u.locked_until, a.active
        FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.email = lower(p_email)
      $$;
      REVOKE ALL ON FUNCTION auth_find_user_by_email(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text) TO ${APP_ROLE};

      -- Every request checks its user is still active (setActingContext): a switched-off agency's users are not.
      CREATE OR REPLACE FUNCTION auth_user_active(p_user uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
        SELECT coalesce((SELECT u.active AND a.active FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = p_user), false)
      $$;

      -- An access token names its session (refresh family): every request checks, in the round trip that sets the
      -- agency, that the session was not ended (by its user, an admin, a password change), locked or past its end,
      -- so ending a session ends its access token at once instead of up to 15 minutes later.
      CREATE FUNCTION auth_session_live(p_user uuid, p_family uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
        SELECT p_family IS NULL OR EXISTS (
          SELECT 1 FROM refresh_sessions s WHERE s.family_id = p_family AND s.user_id = p_user
            AND s.revoked_at IS NULL AND s.locked_at IS NULL AND s.family_expires_at > now())
      $$;
      REVOKE ALL ON FUNCTION auth_session_live(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_session_live(uuid, uuid) TO ${APP_ROLE};

      DROP FUNCTION auth_find_refresh_session(bytea);
      CREATE FUNCTION auth_find_refresh_session(p_token_hash bytea)
      RETURNS TABLE (id uuid, user_id uuid, agency_id uuid, family_id uuid, expires_at timestamptz, revoked_at timestamptz, replaced_by uuid,
                     family_expires_at timestamptz, locked_at timestamptz, created_at timestamptz, method text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.id, s.user_id, s.agency_id, s.family_id, s.expires_at, s.revoked_at, s.replaced_by, s.family_expires_at, s.locked_at, s.created_at, s.method
        FROM refresh_sessions s WHERE s.token_hash = p_token_hash
      $$;
      REVOKE ALL ON FUNCTION auth_find_refresh_session(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_refresh_session(bytea) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION auth_find_user_by_email(text);
      CREATE FUNCTION auth_find_user_by_email(p_email text)
      RETURNS TABLE (id uuid, agency_id uuid, password_hash text, active boolean, failed_attempts int, locked_until timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.agency_id, u.password_hash, u.active, u.failed_attempts, u.locked_until FROM users u WHERE u.email = lower(p_email)
      $$;
      REVOKE ALL ON FUNCTION auth_find_user_by_email(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text) TO ${APP_ROLE};
      DROP FUNCTION auth_find_refresh_session(bytea);
      CREATE FUNCTION auth_find_refresh_session(p_token_hash bytea)
      RETURNS TABLE (id uuid, user_id uuid, agency_id uuid, family_id uuid, expires_at timestamptz, revoked_at timestamptz, replaced_by uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.id, s.user_id, s.agency_id, s.family_id, s.expires_at, s.revoked_at, s.replaced_by FROM refresh_sessions s WHERE s.token_hash = p_token_hash
      $$;
      REVOKE ALL ON FUNCTION auth_find_refresh_session(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_refresh_session(bytea) TO ${APP_ROLE};
      CREATE OR REPLACE FUNCTION auth_user_active(p_user uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$ SELECT coalesce((SELECT active FROM users WHERE id = p_user), false) $$;
      DROP FUNCTION account_set_own_password(text);
      DROP FUNCTION auth_session_live(uuid, uuid);
      DROP FUNCTION auth_find_sign_in_challenge(bytea);
      DROP INDEX refresh_sessions_user_live_idx;
      ALTER TABLE refresh_sessions DROP COLUMN method, DROP COLUMN signed_in_at, DROP COLUMN family_expires_at,
        DROP COLUMN user_agent, DROP COLUMN locked_at, DROP COLUMN ended_reason;
      DROP TABLE sign_in_challenges, recovery_codes, second_factors, sign_in_settings;
      ALTER TABLE users DROP COLUMN password_changed_at;
      DROP TRIGGER agencies_guard_active ON agencies;
      DROP FUNCTION agencies_guard_active();
      REVOKE UPDATE (active, second_factor_required, idle_lock_minutes, session_hours) ON agencies FROM ${APP_ROLE};
      DROP POLICY agencies_roles_update ON agencies;
      DROP POLICY agencies_change ON agencies;
      ALTER TABLE agencies DROP COLUMN active, DROP COLUMN second_factor_required, DROP COLUMN idle_lock_minutes, DROP COLUMN session_hours;
    `);
  }
}
