import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * The audit trail anchored outside the database (issue 13). The worker's `audit-anchor` queue signs each chain's
 * head (last sequence and its hash) with a key PostgreSQL never sees and appends it to a store outside PostgreSQL
 * (libs/storage AnchorStore); nothing of it is kept here, so the owner role that could rewrite the trail cannot
 * touch the heads that would show it. Row-level security shows the worker, acting as SYSTEM for no agency, no audit
 * row at all, so two SECURITY DEFINER functions read what publication needs — every chain's head, and a chain's
 * hashes at given sequences (to check that the last published head still matches before signing a new one) —
 * and answer nothing to any other caller (an api session acting for an agency, even the national admin's).
 * Hashes and sequences only: never an event's content.
 */
export class AuditAnchors1765910000000 implements MigrationInterface {
  name = 'AuditAnchors1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Every chain's last row, found chain by chain through the (chain_key, sequence) index.
      CREATE FUNCTION audit_chain_heads()
      RETURNS TABLE (chain_key uuid, sequence bigint, hash bytea)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH RECURSIVE chains(k) AS (
          (SELECT e.chain_key FROM audit_events e ORDER BY e.chain_key LIMIT 1)
          UNION ALL
          SELECT (SELECT e.chain_key FROM audit_events e WHERE e.chain_key > c.k ORDER BY e.chain_key LIMIT 1) FROM chains c WHERE c.k IS NOT NULL
        )
        SELECT c.k, h.sequence, h.hash FROM chains c
        CROSS JOIN LATERAL (SELECT e.sequence, e.hash FROM audit_events e WHERE e.chain_key = c.k ORDER BY e.sequence DESC LIMIT 1) h
        WHERE c.k IS NOT NULL AND app_agency() IS NULL AND app_is_system()
      $$;

      CREATE FUNCTION audit_chain_hashes(p_chain uuid, p_sequences bigint[])
      RETURNS TABLE (sequence bigint, hash bytea)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT e.sequence, e.hash FROM audit_events e
        WHERE e.chain_key = p_chain AND e.sequence = ANY (p_sequences) AND app_agency() IS NULL AND app_is_system()
        ORDER BY e.sequence
      $$;

      REVOKE ALL ON FUNCTION audit_chain_heads(), audit_chain_hashes(uuid, bigint[]) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION audit_chain_heads(), audit_chain_hashes(uuid, bigint[]) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION audit_chain_hashes(uuid, bigint[]), audit_chain_heads()');
  }
}
