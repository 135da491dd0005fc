import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Whether a user may still act, answerable in the same statement that sets the acting agency (one
 * round trip per request instead of two). Reveals one bit about one user id the caller already holds.
 */
export class UserActiveCheck1764200000000 implements MigrationInterface {
  name = 'UserActiveCheck1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION auth_user_active(p_user uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$ SELECT coalesce((SELECT active FROM users WHERE id = p_user), false) $$;
      REVOKE ALL ON FUNCTION auth_user_active(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_user_active(uuid) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION auth_user_active(uuid)');
  }
}
