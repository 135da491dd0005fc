import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';
import { AFTER, applyCases, applyMembers, CASE_COLS, FIGURES, MEMBER_COLS, SPAN_WORDS, SPANS, spanDay } from './1765960000000-dashboard-rollups';

/**
 * The case rollup without the province set (issue 14: the dashboard over ten years at 1M cases). Keyed by each case's
 * set of provinces, dashboard_case_rollup held 200k year rows for a national supervisor's ten years (38k distinct sets:
 * a case's victims live in several provinces), and summing them took most of the figures' 613 ms. Now:
 *
 * - dashboard_case_rollup: cases per owning agency, span and day, fraud type and status (count, loss);
 * - dashboard_province_rollup: the same per province, one row per province of the case's set (a case counts once in
 *   each of its provinces, as the province figures always counted it).
 *
 * Kept by the same statement-level triggers (their functions replaced), in the writer's transaction. The figures are
 * those of 1765960000000 with the case part read from the two rollups, and the series part reading only the member
 * rollup rows it uses; everything else is unchanged.
 */
const applyBoth = (src: string) => `
  WITH d AS MATERIALIZED (${src}),
  by_case AS (
    INSERT INTO dashboard_case_rollup AS r (agency_id, span, day, fraud_type, status, cases, loss)
    SELECT d.agency_id, sp.span, ${spanDay('d.reported_on')}, d.fraud_type, d.status, sum(d.s), sum(d.s * d.total_loss)
    FROM d ${SPANS("('D'), ('M'), ('Y')")}
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (agency_id, span, day, fraud_type, status) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss
  )
  INSERT INTO dashboard_province_rollup AS r (agency_id, span, day, fraud_type, status, province, cases, loss)
  SELECT d.agency_id, sp.span, ${spanDay('d.reported_on')}, d.fraud_type, d.status, pr, sum(d.s), sum(d.s * d.total_loss)
  FROM d CROSS JOIN unnest(d.provinces) pr ${SPANS("('D'), ('M'), ('Y')")}
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (agency_id, span, day, fraud_type, status, province) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss`;

/** The case trigger functions (as in 1765960000000), over `apply`. */
const caseTriggers = (apply: (src: string) => string) => `
  CREATE OR REPLACE FUNCTION dashboard_rollup_cases_ins() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    ${apply(`SELECT ${CASE_COLS}, 1 AS s FROM new_rows`)};
    RETURN NULL;
  END $$;
  CREATE OR REPLACE FUNCTION dashboard_rollup_cases_del() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    ${apply(`SELECT ${CASE_COLS}, -1 AS s FROM old_rows`)};
    RETURN NULL;
  END $$;
  CREATE OR REPLACE FUNCTION dashboard_rollup_cases_upd() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    -- Rows whose grouped columns did not change cancel out (HAVING) and touch nothing.
    ${apply(`SELECT ${CASE_COLS}, 1 AS s FROM new_rows UNION ALL SELECT ${CASE_COLS}, -1 FROM old_rows`)};
    -- A case's fraud type moves its series members with it.
    ${applyMembers(`SELECT ${MEMBER_COLS('m', 'n')}, 1 AS s FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.fraud_type <> n.fraud_type JOIN series_members m ON m.case_id = n.id
      UNION ALL SELECT ${MEMBER_COLS('m', 'o')}, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.fraud_type <> n.fraud_type JOIN series_members m ON m.case_id = n.id`)};
    RETURN NULL;
  END $$;`;

/** Replaces `from` in `text`, which must hold it exactly once (the figures below are 1765960000000's, edited). */
function edit(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`dashboard figures: expected once: ${from.slice(0, 80)}`);
  return text.replace(from, () => to);
}

/** Later migrations' edits of these figures, each [from, to] as edit() takes them. */
export const dashboardFiguresEdit = (text: string, edits: Array<[string, string]>): string => edits.reduce((t, [from, to]) => edit(t, from, to), text);

const OLD_CASE_GROUPS = `case_groups AS MATERIALIZED (
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
      ),`;
const NEW_CASE_GROUPS = `granted_cases AS MATERIALIZED (
        -- The granted cases of other owners, row by row.
        SELECT c.fraud_type, c.provinces, c.status, c.total_loss FROM cases c
        WHERE c.id IN (SELECT g FROM granted) AND c.agency_id <> ALL ($6) AND c.reported_on >= $2 AND ($3::text IS NULL OR c.fraud_type = $3)
      ),
      case_groups AS MATERIALIZED (
        -- The case rollup of the agencies in scope and the granted cases, by fraud type and in total (g = 1).
        SELECT GROUPING(x.fraud_type) AS g, x.fraud_type, coalesce(sum(x.n), 0)::bigint AS n,
               coalesce(sum(x.n) FILTER (WHERE x.status = ANY (vocab_open_case_statuses())), 0)::bigint AS open, coalesce(sum(x.loss), 0) AS loss
        FROM (
          SELECT r.fraud_type, r.status, r.cases AS n, r.loss FROM dashboard_case_rollup r
          WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3) AND ${AFTER('r')}
          UNION ALL
          SELECT g.fraud_type, g.status, 1, g.total_loss FROM granted_cases g
        ) x
        GROUP BY ROLLUP (x.fraud_type)
        HAVING GROUPING(x.fraud_type) = 1 OR sum(x.n) <> 0
      ),
      province_groups AS MATERIALIZED (
        -- The same per province: the province rollup, and each granted case once in each of its provinces.
        SELECT x.province, sum(x.n)::bigint AS n, coalesce(sum(x.n) FILTER (WHERE x.status = ANY (vocab_open_case_statuses())), 0)::bigint AS open, sum(x.loss) AS loss
        FROM (
          SELECT r.province, r.status, r.cases AS n, r.loss FROM dashboard_province_rollup r
          WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3) AND ${AFTER('r')}
          UNION ALL
          SELECT pr, g.status, 1, g.total_loss FROM granted_cases g CROSS JOIN unnest(g.provinces) pr
        ) x
        GROUP BY x.province HAVING sum(x.n) <> 0
      ),`;
const OLD_CASE_ROWS = `SELECT CASE WHEN g = 3 THEN 'cases' ELSE 'fraud_type' END, fraud_type, NULL::text, n, open, loss, NULL::numeric
        FROM case_groups WHERE g IN (1, 3)
      UNION ALL
      SELECT 'province', pr, NULL, sum(n)::bigint, sum(open)::bigint, sum(loss), NULL
        FROM case_groups, unnest(provinces) pr WHERE g = 2 GROUP BY pr`;
const NEW_CASE_ROWS = `SELECT CASE WHEN g = 1 THEN 'cases' ELSE 'fraud_type' END, fraud_type, NULL::text, n, open, loss, NULL::numeric FROM case_groups
      UNION ALL
      SELECT 'province', province, NULL, n, open, loss, NULL FROM province_groups`;

// The member rollup's rows the series figures use, not all of the scope's: months before the period's month (the
// members before it) and, when the growth is by month, after its first month; days from its month on (to the end of
// its first month when by month).
const OLD_MEMBER_DAYS = `SELECT r.span, r.day, r.members FROM dashboard_member_rollup r WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3)`;
const NEW_MEMBER_DAYS = `SELECT r.span, r.day, r.members FROM dashboard_member_rollup r WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3)
          AND ((r.span = 'M' AND (r.day < $9 OR ($7 AND r.day >= $8))) OR (r.span = 'D' AND r.day >= $9 AND (NOT $7 OR r.day < $8)))`;

// 1765960000000 replaced 1765920000000's functions; these replace its own.
const DROPS = (text: string) => edit(text, `DROP FUNCTION dashboard_region_figures(date, text);
  DROP FUNCTION dashboard_figures(text, date, text);`, `DROP FUNCTION dashboard_region_figures(date, text, boolean);
  DROP FUNCTION dashboard_figures(text, date, text, boolean);`);
export const FIGURES_BY_PROVINCE = DROPS(edit(edit(edit(FIGURES, OLD_CASE_GROUPS, NEW_CASE_GROUPS), OLD_CASE_ROWS, NEW_CASE_ROWS), OLD_MEMBER_DAYS, NEW_MEMBER_DAYS));

export class DashboardProvinceRollup1766010000000 implements MigrationInterface {
  name = 'DashboardProvinceRollup1766010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_province_rollup (
        agency_id uuid NOT NULL,
        span "char" NOT NULL CHECK (span::text IN (${SPAN_WORDS})),
        day date NOT NULL,
        fraud_type text NOT NULL,
        status text NOT NULL,
        province text NOT NULL,
        cases bigint NOT NULL,
        loss numeric(20,2) NOT NULL,
        PRIMARY KEY (agency_id, span, day, fraud_type, status, province)
      );
      COMMENT ON TABLE dashboard_province_rollup IS 'Cases per owning agency, report day (span D), month or year (M, Y: the first day), fraud type, status and province (each of the case''s provinces); kept by triggers on cases';
      ALTER TABLE dashboard_province_rollup ENABLE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_province_rollup FORCE ROW LEVEL SECURITY;
      CREATE POLICY dashboard_province_rollup_read ON dashboard_province_rollup FOR SELECT TO ${APP_ROLE}
        USING (agency_id = (SELECT app_agency()) AND ((SELECT app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST')) OR (SELECT app_is_system())));
      GRANT SELECT ON dashboard_province_rollup TO ${APP_ROLE};

      TRUNCATE dashboard_case_rollup;
      ALTER TABLE dashboard_case_rollup DROP CONSTRAINT dashboard_case_rollup_pkey, DROP COLUMN provinces, ADD PRIMARY KEY (agency_id, span, day, fraud_type, status);
      COMMENT ON TABLE dashboard_case_rollup IS 'Cases per owning agency, report day (span D), month or year (M, Y: the first day), fraud type and status; kept by triggers on cases';
      ${caseTriggers(applyBoth)}
      CREATE OR REPLACE FUNCTION dashboard_rollup_truncate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_TABLE_NAME = 'cases' THEN TRUNCATE dashboard_case_rollup, dashboard_province_rollup; END IF;
        TRUNCATE dashboard_member_rollup, dashboard_series_scope;
        RETURN NULL;
      END $$;
      -- Backfill.
      ${applyBoth(`SELECT ${CASE_COLS}, 1 AS s FROM cases`)};
    `);
    await q.query(FIGURES_BY_PROVINCE);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      TRUNCATE dashboard_case_rollup;
      ALTER TABLE dashboard_case_rollup DROP CONSTRAINT dashboard_case_rollup_pkey, ADD COLUMN provinces text[] NOT NULL,
        ADD PRIMARY KEY (agency_id, span, day, fraud_type, status, provinces);
      ${caseTriggers(applyCases)}
      CREATE OR REPLACE FUNCTION dashboard_rollup_truncate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_TABLE_NAME = 'cases' THEN TRUNCATE dashboard_case_rollup; END IF;
        TRUNCATE dashboard_member_rollup, dashboard_series_scope;
        RETURN NULL;
      END $$;
      ${applyCases(`SELECT ${CASE_COLS}, 1 AS s FROM cases`)};
      DROP TABLE dashboard_province_rollup;
    `);
    await q.query(DROPS(FIGURES));
  }
}
