import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Product figures for Prometheus (issue 13): the worker's metrics scrape reads them as SYSTEM (no agency), which
 * row-level security shows no request at all, so one SECURITY DEFINER function returns national counts and
 * durations only — never an id, agency or value of a request. A caller acting for an agency gets nothing
 * (as requests_due()), so the figures cannot leak through the api's connection either.
 *
 * Rows: ('open', type, state, n) for requests still open (a state with a way out, per request_transitions),
 * ('overdue', type, '', n), and for freezes sent in the last 30 days the seconds from sending to the bank's first
 * event ('freeze_first_event', quantile, …) and to the answer ('freeze_answered', …), as p50/p90 plus a count.
 */
export class Metrics1765800000000 implements MigrationInterface {
  name = 'Metrics1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION metrics_request_figures()
      RETURNS TABLE (figure text, label1 text, label2 text, value double precision)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH open AS (
          SELECT r.type, r.state, r.overdue_at FROM agency_requests r
          WHERE r.sent_at IS NOT NULL AND EXISTS (SELECT 1 FROM request_transitions t WHERE t.type = r.type AND t.from_state = r.state)
        ), freezes AS (
          SELECT EXTRACT(EPOCH FROM (
                   (SELECT min(e.created_at) FROM request_events e WHERE e.request_id = r.id AND e.agency_id = r.to_agency_id) - r.sent_at
                 )) AS first_event,
                 EXTRACT(EPOCH FROM (r.answered_at - r.sent_at)) AS answered
          FROM agency_requests r
          WHERE r.type = 'FREEZE' AND r.sent_at > now() - interval '30 days'
        )
        SELECT * FROM (
          SELECT 'open', type, state, count(*)::float8 FROM open GROUP BY type, state
          UNION ALL
          SELECT 'overdue', type, '', count(*)::float8 FROM open WHERE overdue_at IS NOT NULL GROUP BY type
          UNION ALL
          SELECT 'freeze_first_event', q.quantile, '', percentile_cont(q.p) WITHIN GROUP (ORDER BY f.first_event)
            FROM freezes f, (VALUES ('0.5', 0.5::float8), ('0.9', 0.9::float8)) q(quantile, p) WHERE f.first_event IS NOT NULL GROUP BY q.quantile, q.p
          UNION ALL
          SELECT 'freeze_first_event', 'count', '', count(first_event)::float8 FROM freezes
          UNION ALL
          SELECT 'freeze_answered', q.quantile, '', percentile_cont(q.p) WITHIN GROUP (ORDER BY f.answered)
            FROM freezes f, (VALUES ('0.5', 0.5::float8), ('0.9', 0.9::float8)) q(quantile, p) WHERE f.answered IS NOT NULL GROUP BY q.quantile, q.p
          UNION ALL
          SELECT 'freeze_answered', 'count', '', count(answered)::float8 FROM freezes
        ) figures WHERE app_agency() IS NULL
      $$;
      REVOKE ALL ON FUNCTION metrics_request_figures() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION metrics_request_figures() TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION metrics_request_figures()');
  }
}
