import { MigrationInterface, QueryRunner } from 'typeorm';
import { DASHBOARD_MEMBER_ROLLUP_SPANS, DASHBOARD_ROLLUP_SPANS } from '@caselink/domain';
import { APP_ROLE } from '../roles';

/**
 * Dashboard rollups kept by the writers (issue 14: the supervisor dashboard over any period, ten years included,
 * p95 < 100 ms). Per owning agency and China day — and per calendar month and year, so that a ten-year period sums
 * ~10 years, 11 months and 30 days per key instead of ~3,650 days — statement-level triggers on the source tables keep, in the writer's own transaction:
 *
 * - dashboard_case_rollup: cases by report day, fraud type, status and province set (count, loss);
 * - dashboard_member_rollup: series members by the day they joined, the owner and the case's fraud type;
 * - dashboard_series_scope: per series, how many members each owning agency has of each fraud type (a series counts
 *   for a scope when one of its members does: a distinct count, so it cannot be summed by day).
 *
 * dashboard_figures() sums them for the agencies in scope (the caller's own, plus its region's police for a
 * supervisor) and reads row by row only the granted cases (live shares, task forces) owned by others.
 * Status is kept as it is (not "open"), so the open statuses stay the vocabulary's, read at query time.
 *
 * Deletes: a case's delete subtracts its series members before the row goes (a BEFORE trigger): the members'
 * own delete, cascaded from it, can no longer see the case's fraud type and skips them. TRUNCATE of a source
 * table empties the rollups it feeds.
 */
export const CHINA_DAY = (ts: string) => `((${ts} + interval '8 hours') AT TIME ZONE 'UTC')::date`;
// Spans: D a day, M a calendar month (day = its first day), Y a calendar year (cases only: the series growth needs months).
/** The span codes as SQL literals, from the one vocabulary. */
export const SPAN_WORDS = DASHBOARD_ROLLUP_SPANS.map((s) => `'${s}'`).join(', ');
const MEMBER_SPAN_WORDS = DASHBOARD_MEMBER_ROLLUP_SPANS.map((s) => `'${s}'`).join(', ');
export const SPANS = (spans: string) => `CROSS JOIN (VALUES ${spans}) sp(span)`;
export const spanDay = (day: string) => `CASE sp.span WHEN 'Y' THEN date_trunc('year', ${day})::date WHEN 'M' THEN date_trunc('month', ${day})::date ELSE ${day} END`;

/** Adds signed case rows (agency_id, reported_on, fraud_type, status, provinces, total_loss, s) to the case rollup. */
export const applyCases = (src: string) => `
  INSERT INTO dashboard_case_rollup AS r (agency_id, span, day, fraud_type, status, provinces, cases, loss)
  SELECT d.agency_id, sp.span, ${spanDay('d.reported_on')}, d.fraud_type, d.status, d.provinces, sum(d.s), sum(d.s * d.total_loss)
  FROM (${src}) d ${SPANS("('D'), ('M'), ('Y')")}
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (agency_id, span, day, fraud_type, status, provinces)
  DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss`;

/** Adds signed member rows (series_id, agency_id, joined_at, fraud_type, s) to the member rollup and the series scope. */
export const applyMembers = (src: string) => `
  WITH d AS MATERIALIZED (${src}),
  days AS (
    INSERT INTO dashboard_member_rollup AS r (agency_id, span, day, fraud_type, members)
    SELECT d.agency_id, sp.span, ${spanDay(CHINA_DAY('d.joined_at'))}, d.fraud_type, sum(d.s)
    FROM d ${SPANS("('D'), ('M')")} GROUP BY 1, 2, 3, 4 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_id, span, day, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members
  )
  INSERT INTO dashboard_series_scope AS r (series_id, agency_id, fraud_type, members)
  SELECT d.series_id, d.agency_id, d.fraud_type, sum(d.s) FROM d GROUP BY 1, 2, 3 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (series_id, agency_id, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members`;

export const CASE_COLS = 'agency_id, reported_on, fraud_type, status, provinces, total_loss';
export const MEMBER_COLS = (m: string, c: string) => `${m}.series_id, ${m}.agency_id, ${m}.joined_at, ${c}.fraud_type`;

export class DashboardRollups1765960000000 implements MigrationInterface {
  name = 'DashboardRollups1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_case_rollup (
        agency_id uuid NOT NULL,
        span "char" NOT NULL CHECK (span::text IN (${SPAN_WORDS})),
        day date NOT NULL,
        fraud_type text NOT NULL,
        status text NOT NULL,
        provinces text[] NOT NULL,
        cases bigint NOT NULL,
        loss numeric(20,2) NOT NULL,
        PRIMARY KEY (agency_id, span, day, fraud_type, status, provinces)
      );
      COMMENT ON TABLE dashboard_case_rollup IS 'Cases per owning agency, report day (span D), month or year (M, Y: the first day), fraud type, status and province set; kept by triggers on cases';
      CREATE TABLE dashboard_member_rollup (
        agency_id uuid NOT NULL,
        span "char" NOT NULL CHECK (span::text IN (${MEMBER_SPAN_WORDS})),
        day date NOT NULL,
        fraud_type text NOT NULL,
        members bigint NOT NULL,
        PRIMARY KEY (agency_id, span, day, fraud_type)
      );
      COMMENT ON TABLE dashboard_member_rollup IS 'Series members per owning agency, China day joined (span D) or month (M: its first day) and the case''s fraud type; kept by triggers';
      CREATE TABLE dashboard_series_scope (
        series_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        fraud_type text NOT NULL,
        members integer NOT NULL,
        PRIMARY KEY (series_id, agency_id, fraud_type)
      );
      CREATE INDEX dashboard_series_scope_agency_idx ON dashboard_series_scope (agency_id, fraud_type) INCLUDE (series_id) WHERE members > 0;
      COMMENT ON TABLE dashboard_series_scope IS 'Members of each series per owning agency and fraud type (which series a scope counts); kept by triggers';

      -- The app role reads its own agency's rows only, and only in the roles that read cases (as cases_roles_select);
      -- only the trigger functions (the owner's) write.
      ALTER TABLE dashboard_case_rollup ENABLE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_case_rollup FORCE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_member_rollup ENABLE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_member_rollup FORCE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_series_scope ENABLE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_series_scope FORCE ROW LEVEL SECURITY;
      CREATE POLICY dashboard_case_rollup_read ON dashboard_case_rollup FOR SELECT TO ${APP_ROLE}
        USING (agency_id = (SELECT app_agency()) AND ((SELECT app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST')) OR (SELECT app_is_system())));
      CREATE POLICY dashboard_member_rollup_read ON dashboard_member_rollup FOR SELECT TO ${APP_ROLE}
        USING (agency_id = (SELECT app_agency()));
      CREATE POLICY dashboard_series_scope_read ON dashboard_series_scope FOR SELECT TO ${APP_ROLE}
        USING (agency_id = (SELECT app_agency()));
      GRANT SELECT ON dashboard_case_rollup, dashboard_member_rollup, dashboard_series_scope TO ${APP_ROLE};

      -- Backfill.
      ${applyCases(`SELECT ${CASE_COLS}, 1 AS s FROM cases`)};
      ${applyMembers(`SELECT ${MEMBER_COLS('m', 'c')}, 1 AS s FROM series_members m JOIN cases c ON c.id = m.case_id`)};

      CREATE FUNCTION dashboard_rollup_cases_ins() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${applyCases(`SELECT ${CASE_COLS}, 1 AS s FROM new_rows`)};
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_rollup_cases_del() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${applyCases(`SELECT ${CASE_COLS}, -1 AS s FROM old_rows`)};
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_rollup_cases_upd() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- Rows whose grouped columns did not change cancel out (HAVING) and touch nothing.
        ${applyCases(`SELECT ${CASE_COLS}, 1 AS s FROM new_rows UNION ALL SELECT ${CASE_COLS}, -1 FROM old_rows`)};
        -- A case's fraud type moves its series members with it.
        ${applyMembers(`SELECT ${MEMBER_COLS('m', 'n')}, 1 AS s FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.fraud_type <> n.fraud_type JOIN series_members m ON m.case_id = n.id
          UNION ALL SELECT ${MEMBER_COLS('m', 'o')}, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.fraud_type <> n.fraud_type JOIN series_members m ON m.case_id = n.id`)};
        RETURN NULL;
      END $$;
      -- Before a case goes, its members leave the rollups (their cascaded delete no longer sees the case).
      CREATE FUNCTION dashboard_rollup_case_members_gone() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${applyMembers(`SELECT ${MEMBER_COLS('m', 'OLD')}, -1 AS s FROM series_members m WHERE m.case_id = OLD.id`)};
        RETURN OLD;
      END $$;
      CREATE FUNCTION dashboard_rollup_members_ins() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${applyMembers(`SELECT ${MEMBER_COLS('m', 'c')}, 1 AS s FROM new_rows m JOIN cases c ON c.id = m.case_id`)};
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_rollup_members_del() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- Members of a case being deleted were subtracted by its BEFORE trigger: the join leaves them out.
        ${applyMembers(`SELECT ${MEMBER_COLS('m', 'c')}, -1 AS s FROM old_rows m JOIN cases c ON c.id = m.case_id`)};
        DELETE FROM dashboard_series_scope s WHERE s.members = 0 AND s.series_id IN (SELECT series_id FROM old_rows);
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_rollup_members_upd() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${applyMembers(`SELECT ${MEMBER_COLS('m', 'c')}, 1 AS s FROM new_rows m JOIN cases c ON c.id = m.case_id
          UNION ALL SELECT ${MEMBER_COLS('m', 'c')}, -1 FROM old_rows m JOIN cases c ON c.id = m.case_id`)};
        DELETE FROM dashboard_series_scope s WHERE s.members = 0 AND s.series_id IN (SELECT series_id FROM old_rows);
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_rollup_truncate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_TABLE_NAME = 'cases' THEN TRUNCATE dashboard_case_rollup; END IF;
        TRUNCATE dashboard_member_rollup, dashboard_series_scope;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION dashboard_rollup_cases_ins(), dashboard_rollup_cases_del(), dashboard_rollup_cases_upd(), dashboard_rollup_case_members_gone(),
        dashboard_rollup_members_ins(), dashboard_rollup_members_del(), dashboard_rollup_members_upd(), dashboard_rollup_truncate() FROM PUBLIC;

      CREATE TRIGGER dashboard_rollup_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_cases_ins();
      CREATE TRIGGER dashboard_rollup_del AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_cases_del();
      CREATE TRIGGER dashboard_rollup_upd AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_cases_upd();
      -- "zz": after any other BEFORE DELETE trigger on cases has had its say.
      CREATE TRIGGER zz_dashboard_rollup_members_gone BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION dashboard_rollup_case_members_gone();
      CREATE TRIGGER dashboard_rollup_truncate AFTER TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_truncate();
      CREATE TRIGGER dashboard_rollup_ins AFTER INSERT ON series_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_members_ins();
      CREATE TRIGGER dashboard_rollup_del AFTER DELETE ON series_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_members_del();
      CREATE TRIGGER dashboard_rollup_upd AFTER UPDATE ON series_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_members_upd();
      CREATE TRIGGER dashboard_rollup_truncate AFTER TRUNCATE ON series_members FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollup_truncate();
    `);
    await q.query(FIGURES);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER dashboard_rollup_ins ON cases; DROP TRIGGER dashboard_rollup_del ON cases; DROP TRIGGER dashboard_rollup_upd ON cases;
      DROP TRIGGER zz_dashboard_rollup_members_gone ON cases; DROP TRIGGER dashboard_rollup_truncate ON cases;
      DROP TRIGGER dashboard_rollup_ins ON series_members; DROP TRIGGER dashboard_rollup_del ON series_members;
      DROP TRIGGER dashboard_rollup_upd ON series_members; DROP TRIGGER dashboard_rollup_truncate ON series_members;
      DROP FUNCTION dashboard_rollup_cases_ins(), dashboard_rollup_cases_del(), dashboard_rollup_cases_upd(), dashboard_rollup_case_members_gone(),
        dashboard_rollup_members_ins(), dashboard_rollup_members_del(), dashboard_rollup_members_upd(), dashboard_rollup_truncate();
      DROP TABLE dashboard_case_rollup, dashboard_member_rollup, dashboard_series_scope;
    `);
    // The from-rows figures of migration 1765920000000 come back with that migration's down/up; not restored here.
  }
}

// Rollup rows of days on or after $2 (the period's first day) and before it, each day counted once: days up to the
// end of $2's month ($8 its next month), months up to the end of its year ($10 the next year), then years; before:
// years before $2's year ($11), its months before $2's month ($9), its days before $2.
export const AFTER = (r: string, years = true) => `((${r}.span = 'D' AND ${r}.day >= $2 AND ${r}.day < $8)
  OR (${r}.span = 'M' AND ${r}.day >= $8 ${years ? `AND ${r}.day < $10` : ''}) ${years ? `OR (${r}.span = 'Y' AND ${r}.day >= $10)` : ''})`;
export const BEFORE = (r: string) => `((${r}.span = 'M' AND ${r}.day < $9) OR (${r}.span = 'D' AND ${r}.day >= $9 AND ${r}.day < $2))`;
export const SINCE_TS = `($2::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/**
 * The figures from the rollups. Same rows out as the from-rows version of migration 1765920000000 (its requests,
 * freezes and tasks parts are unchanged); p_months: the series growth is bucketed by calendar month (periods over
 * 184 days), so month rollups may answer it. Scope: the agencies whose rollups count ($6) are the caller's own and,
 * for the owner's call from dashboard_region_figures, its region's police; the granted cases (live shares, task
 * forces) of other owners are read row by row. Called by the app role (row-level security active) with a region by
 * hand, the scope stays its own: the rollups' policies would hide the region's rows anyway.
 */
export const FIGURES = `
  DROP FUNCTION dashboard_region_figures(date, text);
  DROP FUNCTION dashboard_figures(text, date, text);
  CREATE FUNCTION dashboard_figures(p_region text, p_since date, p_fraud_type text, p_months boolean DEFAULT false)
  RETURNS TABLE (figure text, k1 text, k2 text, n bigint, n2 bigint, amount numeric, amount2 numeric)
  LANGUAGE plpgsql STABLE SET search_path = public AS $fn$
  DECLARE
    me uuid := app_agency();
    request_scope text := 'r.from_agency_id = $4';
    task_scope text := 'app_in_task_force(t.task_force_id)';
    region_agencies text := 'SELECT a.id FROM agencies a WHERE a.kind = ''POLICE'' AND a.region LIKE $5';
    scope uuid[];
  BEGIN
    IF me IS NULL THEN RETURN; END IF;
    scope := ARRAY[me];
    IF p_region IS NOT NULL THEN
      request_scope := format('(r.from_agency_id = $4 OR r.from_agency_id IN (%s))', region_agencies);
      task_scope := format('(app_in_task_force(t.task_force_id) OR f.lead_agency_id IN (%s))', region_agencies);
      IF NOT row_security_active('cases') THEN
        scope := scope || ARRAY(SELECT a.id FROM agencies a WHERE a.kind = 'POLICE' AND a.region LIKE p_region || '%' AND a.id <> me);
      END IF;
    END IF;
    RETURN QUERY EXECUTE format($q$
      WITH granted AS MATERIALIZED (SELECT DISTINCT g FROM app_granted_cases() g),
      case_groups AS MATERIALIZED (
        -- The rollups of the agencies in scope and the granted cases of other owners, grouped by fraud type, by the set
        -- of provinces and in total; the province figures unnest the sets afterwards.
        SELECT GROUPING(x.fraud_type, x.provinces) AS g, x.fraud_type, x.provinces, coalesce(sum(x.n), 0)::bigint AS n,
               coalesce(sum(x.n) FILTER (WHERE x.status = ANY (vocab_open_case_statuses())), 0)::bigint AS open, coalesce(sum(x.loss), 0) AS loss
        FROM (
          SELECT r.fraud_type, r.provinces, r.status, r.cases AS n, r.loss FROM dashboard_case_rollup r
          WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3) AND ${AFTER('r')}
          UNION ALL
          SELECT c.fraud_type, c.provinces, c.status, 1, c.total_loss FROM cases c
          WHERE c.id IN (SELECT g FROM granted) AND c.agency_id <> ALL ($6) AND c.reported_on >= $2 AND ($3::text IS NULL OR c.fraud_type = $3)
        ) x
        GROUP BY GROUPING SETS ((x.fraud_type), (x.provinces), ())
        HAVING GROUPING(x.fraud_type, x.provinces) = 3 OR sum(x.n) <> 0
      ),
      requests AS MATERIALIZED (
        SELECT r.type, r.state, r.case_id, r.account_canonical, r.sent_at, r.answered_at, r.held_at, r.amount_held, r.overdue_at
        FROM agency_requests r
        WHERE r.sent_at IS NOT NULL AND ($3::text IS NULL OR r.fraud_type = $3) AND %1$s
          AND (r.sent_at >= ${SINCE_TS}
               OR (r.overdue_at IS NOT NULL AND r.state = ANY (vocab_open_request_states())))
      ),
      sent AS (SELECT * FROM requests WHERE sent_at >= ${SINCE_TS}),
      freezes AS (SELECT * FROM sent WHERE type = 'FREEZE'),
      granted_members AS MATERIALIZED (
        -- A member carries its case's owner: members of granted cases of owners out of scope, row by row.
        SELECT m.series_id, m.joined_at FROM series_members m
        WHERE m.case_id IN (SELECT g FROM granted) AND m.agency_id <> ALL ($6)
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = m.case_id AND c.fraud_type = $3))
      ),
      in_series AS MATERIALIZED (
        SELECT s.series_id FROM dashboard_series_scope s WHERE s.agency_id = ANY ($6) AND s.members > 0 AND ($3::text IS NULL OR s.fraud_type = $3)
        UNION SELECT series_id FROM granted_members
      ),
      member_days AS MATERIALIZED (
        SELECT r.span, r.day, r.members FROM dashboard_member_rollup r WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3)
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
        WHERE r.overdue_at IS NOT NULL AND r.state = ANY (vocab_open_request_states())
      UNION ALL
      SELECT 'tasks', NULL, NULL, count(*) FILTER (WHERE t.due_at <= now()), count(*), NULL, NULL
        FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id
        WHERE f.closed_at IS NULL AND t.status = ANY (vocab_open_task_statuses()) AND %2$s
      UNION ALL
      -- Series growth, from the current membership. Days as China day numbers (UTC+8 all year); with p_months, a
      -- month's joins come keyed by its first day (the month buckets start there).
      SELECT 'series_joined', d::text, NULL, sum(j.n)::bigint, NULL, NULL, NULL FROM (
        SELECT r.day - DATE '1970-01-01' AS d, r.members AS n FROM member_days r
        WHERE CASE WHEN $7 THEN ${AFTER('r', false)} ELSE r.span = 'D' AND r.day >= $2 END
        UNION ALL
        SELECT floor((extract(epoch FROM m.joined_at) + 28800) / 86400)::int, 1 FROM granted_members m WHERE m.joined_at >= ${SINCE_TS}) j
        GROUP BY d HAVING sum(j.n) <> 0
      UNION ALL
      SELECT 'series_new', d::text, NULL, n, NULL, NULL, NULL FROM (
        SELECT floor((extract(epoch FROM e.created_at) + 28800) / 86400)::int AS d, count(*) AS n
        FROM evidence_series e WHERE e.id IN (SELECT series_id FROM in_series) AND e.created_at >= ${SINCE_TS} GROUP BY 1) s
      UNION ALL
      SELECT 'series_before', NULL, NULL,
             ((SELECT coalesce(sum(r.members), 0) FROM member_days r WHERE ${BEFORE('r')})
              + (SELECT count(*) FROM granted_members m WHERE m.joined_at < ${SINCE_TS}))::bigint,
             (SELECT count(*) FROM evidence_series e WHERE e.id IN (SELECT series_id FROM in_series) AND e.created_at < ${SINCE_TS}),
             NULL, NULL
    $q$, request_scope, task_scope)
    USING p_region, p_since, p_fraud_type, me, coalesce(p_region, '') || '%', scope, coalesce(p_months, false),
          (date_trunc('month', p_since) + interval '1 month')::date, date_trunc('month', p_since)::date,
          (date_trunc('year', p_since) + interval '1 year')::date, date_trunc('year', p_since)::date;
  END $fn$;

  CREATE FUNCTION dashboard_region_figures(p_since date, p_fraud_type text, p_months boolean DEFAULT false)
  RETURNS TABLE (figure text, k1 text, k2 text, n bigint, n2 bigint, amount numeric, amount2 numeric)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE prefix text := app_supervised_region();
  BEGIN
    IF prefix IS NULL THEN
      RAISE EXCEPTION 'region figures are for supervisors of a police agency' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT * FROM dashboard_figures(prefix, p_since, p_fraud_type, p_months);
  END $$;

  REVOKE ALL ON FUNCTION dashboard_figures(text, date, text, boolean), dashboard_region_figures(date, text, boolean) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION dashboard_figures(text, date, text, boolean), dashboard_region_figures(date, text, boolean) TO ${APP_ROLE};
`;
