import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Deep fund traces whose job Redis lost stayed QUEUED for ever. The worker now sweeps for them, acting for no
 * agency: fund_traces_stalled() is its one look across agencies (ids only, like requests_due()), and answers
 * nothing to a caller acting for an agency.
 */
export class FundTraceSweep1765000000000 implements MigrationInterface {
  name = 'FundTraceSweep1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX fund_traces_open_idx ON fund_traces (created_at) WHERE state IN ('QUEUED','RUNNING');
      CREATE FUNCTION fund_traces_stalled(p_min_age interval) RETURNS TABLE (id uuid, agency_id uuid, requested_by uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.id, t.agency_id, t.requested_by FROM fund_traces t
        WHERE t.state IN ('QUEUED','RUNNING') AND t.created_at < now() - p_min_age AND app_agency() IS NULL
        ORDER BY t.created_at LIMIT 500
      $$;
      REVOKE ALL ON FUNCTION fund_traces_stalled(interval) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION fund_traces_stalled(interval) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION fund_traces_stalled(interval); DROP INDEX fund_traces_open_idx;`);
  }
}
