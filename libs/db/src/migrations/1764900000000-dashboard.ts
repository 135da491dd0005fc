import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * The supervisor dashboard (design rule 5: supervisors see what their task forces hold, and aggregate figures for
 * their region).
 *
 * dashboard_figures() computes every figure in one statement and has the invoker's rights: called by the app role
 * it sees only what row-level security lets the caller read (own cases, live shares, task forces; requests the
 * agency sent; tasks of its task forces). dashboard_region_figures() is the one crossing: for an active SUPERVISOR
 * of a police agency acting for that agency, it runs the same figures as the owner over the agency's region (cases
 * owned and requests sent by police agencies whose GB/T 2260 code lies in it, tasks of task forces they lead) plus
 * what the caller reads anyway. Both return aggregate rows only — counts, sums, a median — never a record.
 */
export class Dashboard1764900000000 implements MigrationInterface {
  name = 'Dashboard1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Cases reported in a period (the dashboard's main filter).
      CREATE INDEX cases_reported_on_idx ON cases (reported_on);
      -- Requests sent in a period, per sender.
      CREATE INDEX agency_requests_sent_idx ON agency_requests (sent_at) WHERE sent_at IS NOT NULL;

      -- One row per figure and key: figure names the figure, k1/k2 its keys, n/n2 counts, amount/amount2 sums.
      -- p_region: null = under the caller's row-level security only; else a GB/T 2260 prefix ('' = all of China)
      -- whose police agencies' records count too (only dashboard_region_figures, as the owner, passes one; the app
      -- role passing one still sees no more than its policies allow).
      CREATE FUNCTION dashboard_figures(p_region text, p_since date, p_fraud_type text)
      RETURNS TABLE (figure text, k1 text, k2 text, n bigint, n2 bigint, amount numeric, amount2 numeric)
      LANGUAGE plpgsql STABLE SET search_path = public AS $fn$
      DECLARE
        me uuid := app_agency();
        case_scope text := 'true';
        request_scope text := 'r.from_agency_id = $4';
        task_scope text := 'app_in_task_force(t.task_force_id)';
        member_scope text := 'true';
        region_agencies text := 'SELECT a.id FROM agencies a WHERE a.kind = ''POLICE'' AND a.region LIKE $5';
      BEGIN
        IF me IS NULL THEN RETURN; END IF;
        IF p_region IS NOT NULL THEN
          -- What the caller reads (cases_read, set-wise) plus its region's records.
          case_scope := format('(c.agency_id = $4 OR c.agency_id IN (%s) OR c.id IN (SELECT g FROM app_granted_cases() g))', region_agencies);
          request_scope := format('(r.from_agency_id = $4 OR r.from_agency_id IN (%s))', region_agencies);
          task_scope := format('(app_in_task_force(t.task_force_id) OR f.lead_agency_id IN (%s))', region_agencies);
          member_scope := format('(m.agency_id = $4 OR m.agency_id IN (%s) OR m.case_id IN (SELECT g FROM app_granted_cases() g))', region_agencies);
        END IF;
        RETURN QUERY EXECUTE format($q$
          -- One pass over the cases of the period, grouped by fraud type, by the set of provinces and in total; the
          -- province figures unnest the (few thousand) sets afterwards instead of every case's.
          WITH case_groups AS MATERIALIZED (
            SELECT GROUPING(c.fraud_type, c.provinces) AS g, c.fraud_type, c.provinces, count(*) AS n,
                   count(*) FILTER (WHERE c.status IN ('REPORTED','INVESTIGATING')) AS open, coalesce(sum(c.total_loss), 0) AS loss
            FROM cases c WHERE c.reported_on >= $2 AND ($3::text IS NULL OR c.fraud_type = $3) AND %1$s
            GROUP BY GROUPING SETS ((c.fraud_type), (c.provinces), ())
          ),
          requests AS MATERIALIZED (
            SELECT r.type, r.state, r.case_id, r.account_canonical, r.sent_at, r.answered_at, r.held_at, r.amount_held, r.overdue_at
            FROM agency_requests r
            WHERE r.sent_at IS NOT NULL AND ($3::text IS NULL OR r.fraud_type = $3) AND %2$s
              AND (r.sent_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai')
                   OR (r.overdue_at IS NOT NULL AND r.state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS')))
          ),
          sent AS (SELECT * FROM requests WHERE sent_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai')),
          freezes AS (SELECT * FROM sent WHERE type = 'FREEZE'),
          members AS MATERIALIZED (
            -- A member carries its case's owner: no join with cases unless a fraud type is asked for.
            SELECT m.series_id, m.joined_at FROM series_members m
            WHERE ($3::text IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = m.case_id AND c.fraud_type = $3)) AND %4$s
          )
          SELECT CASE WHEN g = 3 THEN 'cases' ELSE 'fraud_type' END, fraud_type, NULL::text, n, open, loss, NULL::numeric
            FROM case_groups WHERE g IN (1, 3)
          UNION ALL
          SELECT 'province', pr, NULL, sum(n)::bigint, sum(open)::bigint, sum(loss), NULL
            FROM case_groups, unnest(provinces) pr WHERE g = 2 GROUP BY pr
          UNION ALL
          SELECT 'requests', s.type, s.state, count(*), NULL, NULL, NULL FROM sent s GROUP BY s.type, s.state
          UNION ALL
          SELECT 'freezes', NULL, NULL, count(*) FILTER (WHERE f.answered_at IS NOT NULL), count(*) FILTER (WHERE f.held_at IS NOT NULL),
                 -- An emergency stop and the freeze after it hold the same money: count each account of a case once.
                 (SELECT coalesce(sum(h), 0) FROM (SELECT max(x.amount_held) AS h FROM freezes x WHERE x.held_at IS NOT NULL
                                                   GROUP BY x.case_id, x.account_canonical) held),
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.answered_at - f.sent_at))
                   FILTER (WHERE f.answered_at IS NOT NULL)::numeric
            FROM freezes f
          UNION ALL
          SELECT 'overdue_requests', NULL, NULL, count(*), NULL, NULL, NULL FROM requests r
            WHERE r.overdue_at IS NOT NULL AND r.state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS')
          UNION ALL
          SELECT 'tasks', NULL, NULL, count(*) FILTER (WHERE t.due_at <= now()), count(*), NULL, NULL
            FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id
            WHERE f.closed_at IS NULL AND t.status IN ('OPEN','IN_PROGRESS') AND %3$s
          UNION ALL
          -- Series growth, from the current membership: when each case joined its series, when each series formed.
          -- Days as China day numbers (UTC+8 all year): arithmetic per row instead of a time-zone conversion.
          SELECT 'series_joined', d::text, NULL, n, NULL, NULL, NULL FROM (
            SELECT floor((extract(epoch FROM m.joined_at) + 28800) / 86400)::int AS d, count(*) AS n
            FROM members m WHERE m.joined_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai') GROUP BY 1) j
          UNION ALL
          SELECT 'series_new', d::text, NULL, n, NULL, NULL, NULL FROM (
            SELECT floor((extract(epoch FROM e.created_at) + 28800) / 86400)::int AS d, count(*) AS n
            FROM evidence_series e WHERE e.id IN (SELECT series_id FROM members) AND e.created_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai') GROUP BY 1) s
          UNION ALL
          SELECT 'series_before', NULL, NULL,
                 (SELECT count(*) FROM members m WHERE m.joined_at < ($2::timestamp AT TIME ZONE 'Asia/Shanghai')),
                 (SELECT count(*) FROM evidence_series e WHERE e.id IN (SELECT series_id FROM members) AND e.created_at < ($2::timestamp AT TIME ZONE 'Asia/Shanghai')),
                 NULL, NULL
        $q$, case_scope, request_scope, task_scope, member_scope)
        USING p_region, p_since, p_fraud_type, me, coalesce(p_region, '') || '%';
      END $fn$;

      -- series_members as cases_read reads, set-wise (as suspects_read does): a member carries its case's owner, and
      -- app_granted_cases() holds the live shares and task-force cases, hashed once per query instead of
      -- app_can_read_case() once per row (68k calls for a national figure).
      DROP POLICY series_members_read ON series_members;
      CREATE POLICY series_members_read ON series_members FOR SELECT TO ${APP_ROLE}
        USING (agency_id = (SELECT app_agency()) OR case_id IN (SELECT g FROM app_granted_cases() g));

      -- The region of the acting agency as a GB/T 2260 prefix, for an active SUPERVISOR of a police agency acting
      -- for it; null for anyone else. 100000 (the national centre) covers the whole country.
      CREATE FUNCTION app_supervised_region() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT CASE WHEN a.region = '100000' THEN '' ELSE regexp_replace(a.region, '(00)+$', '') END
        FROM agencies a JOIN users u ON u.agency_id = a.id
        WHERE a.id = app_agency() AND a.kind = 'POLICE' AND u.id = app_user() AND u.active AND 'SUPERVISOR' = ANY (u.roles)
      $$;

      -- Region figures: aggregates only, for a police supervisor's own region; refused to anyone else.
      CREATE FUNCTION dashboard_region_figures(p_since date, p_fraud_type text)
      RETURNS TABLE (figure text, k1 text, k2 text, n bigint, n2 bigint, amount numeric, amount2 numeric)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE prefix text := app_supervised_region();
      BEGIN
        IF prefix IS NULL THEN
          RAISE EXCEPTION 'region figures are for supervisors of a police agency' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY SELECT * FROM dashboard_figures(prefix, p_since, p_fraud_type);
      END $$;

      REVOKE ALL ON FUNCTION dashboard_figures(text, date, text), app_supervised_region(), dashboard_region_figures(date, text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION dashboard_figures(text, date, text), app_supervised_region(), dashboard_region_figures(date, text) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION dashboard_region_figures(date, text), app_supervised_region(), dashboard_figures(text, date, text);
      DROP POLICY series_members_read ON series_members;
      CREATE POLICY series_members_read ON series_members FOR SELECT TO ${APP_ROLE} USING (app_can_read_case(case_id));
      DROP INDEX cases_reported_on_idx, agency_requests_sent_idx;
    `);
  }
}
