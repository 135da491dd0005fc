import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Failed-attempt counters for e-mails that match no account (issue 11, auth races). Known accounts lock
 * after LOGIN_POLICY.maxFailedAttempts failures and then answer ACCOUNT_LOCKED; unknown e-mails count and
 * "lock" the same way, so that the lock cannot be used to tell which e-mails have an account. Only the
 * sha256 of the lower-cased e-mail is kept (people type passwords into the e-mail field).
 */
export class AuthRaces1765500000000 implements MigrationInterface {
  name = 'AuthRaces1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_unknown_login_attempts (
        email_hash bytea PRIMARY KEY,
        failed_attempts int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_attempt_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX auth_unknown_login_attempts_last_idx ON auth_unknown_login_attempts (last_attempt_at);
      -- No grants and no policies: only the function below (run as the BYPASSRLS owner) touches the table.
      REVOKE ALL ON auth_unknown_login_attempts FROM PUBLIC;
      ALTER TABLE auth_unknown_login_attempts ENABLE ROW LEVEL SECURITY;
      ALTER TABLE auth_unknown_login_attempts FORCE ROW LEVEL SECURITY;

      -- One attempt for an unknown e-mail, counted like users.failed_attempts (the lock-setting failure
      -- resets the count; attempts while locked change nothing). The row lock lines parallel attempts up.
      CREATE FUNCTION auth_claim_unknown_login_attempt(p_email_hash bytea, p_max int, p_lock_minutes int)
      RETURNS TABLE (was_locked boolean, locked_until timestamptz)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        r auth_unknown_login_attempts%ROWTYPE;
      BEGIN
        -- Rows idle for 30 days go, so spraying random e-mails cannot grow the table without bound.
        DELETE FROM auth_unknown_login_attempts a WHERE a.last_attempt_at < now() - interval '30 days';
        INSERT INTO auth_unknown_login_attempts (email_hash) VALUES (p_email_hash) ON CONFLICT (email_hash) DO NOTHING;
        SELECT * INTO r FROM auth_unknown_login_attempts a WHERE a.email_hash = p_email_hash FOR UPDATE;
        IF r.locked_until > now() THEN
          RETURN QUERY SELECT true, r.locked_until;
          RETURN;
        END IF;
        IF r.failed_attempts + 1 >= p_max THEN
          r.failed_attempts := 0;
          r.locked_until := now() + make_interval(mins => p_lock_minutes);
        ELSE
          r.failed_attempts := r.failed_attempts + 1;
        END IF;
        UPDATE auth_unknown_login_attempts a SET failed_attempts = r.failed_attempts, locked_until = r.locked_until, last_attempt_at = now()
        WHERE a.email_hash = p_email_hash;
        RETURN QUERY SELECT false, CASE WHEN r.locked_until > now() THEN r.locked_until END;
      END $$;
      REVOKE ALL ON FUNCTION auth_claim_unknown_login_attempt(bytea, int, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_claim_unknown_login_attempt(bytea, int, int) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION auth_claim_unknown_login_attempt(bytea, int, int);
      DROP TABLE auth_unknown_login_attempts;
    `);
  }
}
