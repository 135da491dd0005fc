import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

export const DEFINER = 'SECURITY DEFINER SET search_path = public, pg_temp';
export const GUARDS = `
        -- The readers of cases (access table: the dashboard is for investigators, supervisors and analysts).
        IF me IS NULL OR NOT app_has_role('INVESTIGATOR','SUPERVISOR','ANALYST') THEN RETURN; END IF;
        IF p_region THEN
          prefix := app_supervised_region();
          IF prefix IS NULL THEN
            RAISE EXCEPTION 'region figures are for supervisors of a police agency' USING ERRCODE = '42501';
          END IF;
        END IF;`;
const IN_SCOPE = `c.reported_on >= p_since AND (p_fraud_type IS NULL OR c.fraud_type = p_fraud_type)
              AND (c.agency_id = me OR c.id IN (SELECT x FROM app_granted_cases() x)
                   OR (prefix IS NOT NULL AND c.agency_id IN (SELECT a.id FROM agencies a WHERE a.kind = 'POLICE' AND a.region LIKE prefix || '%')))`;
export const MEDIANS = `
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM greatest(g.first_stop_at - g.reported_at, interval '0')))
                   FILTER (WHERE g.first_stop_at IS NOT NULL))::numeric,
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM greatest(g.first_held_at - g.first_stop_at, interval '0')))
                   FILTER (WHERE g.first_held_at IS NOT NULL))::numeric`;

/**
 * The dashboard's golden minutes at national scale (issue 14): dashboard_golden_minutes() read the first victim
 * statement of every case reported in the period — a million for a national supervisor's ten years, 10 s — to count
 * them and take medians over the few that were stopped. It now starts from the freezes sent (the only cases the medians
 * and the stopped/held counts can hold) and reads statements for those alone; the count of cases reported in the
 * period is the dashboard's own (dashboard_figures() sums it from the rollups the writers keep, over the same scope),
 * so the function no longer returns it. Scope and guards as in 1765930000000.
 */
export class GoldenMinutesFromStops1765990000000 implements MigrationInterface {
  name = 'GoldenMinutesFromStops1765990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION dashboard_golden_minutes(date, text, boolean);
      CREATE FUNCTION dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean)
      RETURNS TABLE (stopped bigint, held bigint, report_to_stop_seconds numeric, stop_to_held_seconds numeric)
      LANGUAGE plpgsql STABLE ${DEFINER} AS $$
      DECLARE
        me uuid := app_agency();
        prefix text;
      BEGIN${GUARDS}
        RETURN QUERY
          WITH stops AS (
            SELECT r.case_id, min(r.sent_at) AS first_stop_at, min(r.held_at) AS first_held_at
            FROM agency_requests r WHERE r.type = 'FREEZE' AND r.sent_at IS NOT NULL
              -- A freeze is sent after its case was created, and the api takes a report day up to 14 hours after the
              -- case's creation: freezes sent two days before the period's first China day hold no case of it.
              AND r.sent_at >= (p_since::timestamp AT TIME ZONE 'Asia/Shanghai') - interval '2 days'
            GROUP BY r.case_id
          ), g AS (
            SELECT coalesce((SELECT min(s.taken_at) FROM victim_statements s WHERE s.case_id = c.id), c.created_at) AS reported_at,
                   st.first_stop_at, st.first_held_at
            FROM stops st JOIN cases c ON c.id = st.case_id
            WHERE ${IN_SCOPE}
          )
          SELECT count(g.first_stop_at), count(g.first_held_at),${MEDIANS}
          FROM g;
      END $$;
      REVOKE ALL ON FUNCTION dashboard_golden_minutes(date, text, boolean) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION dashboard_golden_minutes(date, text, boolean) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION dashboard_golden_minutes(date, text, boolean);
      CREATE FUNCTION dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean)
      RETURNS TABLE (cases bigint, stopped bigint, held bigint, report_to_stop_seconds numeric, stop_to_held_seconds numeric)
      LANGUAGE plpgsql STABLE ${DEFINER} AS $$
      DECLARE
        me uuid := app_agency();
        prefix text;
      BEGIN${GUARDS}
        RETURN QUERY
          WITH scope AS (
            SELECT c.id FROM cases c
            WHERE ${IN_SCOPE}
          ), g AS (
            SELECT * FROM golden_minutes_of_cases(ARRAY(SELECT id FROM scope))
          )
          SELECT count(*), count(g.first_stop_at), count(g.first_held_at),${MEDIANS}
          FROM g;
      END $$;
      REVOKE ALL ON FUNCTION dashboard_golden_minutes(date, text, boolean) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION dashboard_golden_minutes(date, text, boolean) TO ${APP_ROLE};
    `);
  }
}
