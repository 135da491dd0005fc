import { MigrationInterface, QueryRunner } from 'typeorm';
import { SINCE_TS } from './1765960000000-dashboard-rollups';
import { dashboardFiguresEdit, FIGURES_BY_PROVINCE } from './1766010000000-dashboard-province-rollup';

/**
 * The series a dashboard scope counts, one row per series (issue 14: at 1M cases the figures read 158k rows of
 * dashboard_series_scope — per series, owner and fraud type — and made them distinct, for every period, 90 days
 * included, before counting series created before and in the period). dashboard_series_reach holds per series its
 * creation time, the owners of its members and the owner/fraud-type pairs; a series counts for a scope when its owners
 * meet the scope's agencies (or, for one fraud type, its pairs meet the scope's pairs for that type).
 *
 * Kept from dashboard_series_scope by statement-level triggers in the writer's transaction, each series' row recomputed
 * after its evidence_series row is locked (in id order): two writers of one series' members take turns, the second
 * seeing the first's commit. A series' creation time follows evidence_series; a series that goes takes its row along.
 */
const OLD_IN_SERIES = `in_series AS MATERIALIZED (
        SELECT s.series_id FROM dashboard_series_scope s WHERE s.agency_id = ANY ($6) AND s.members > 0 AND ($3::text IS NULL OR s.fraud_type = $3)
        UNION SELECT series_id FROM granted_members
      ),`;
const NEW_IN_SERIES = `in_series AS MATERIALIZED (
        -- The series with a member in scope (of the fraud type), with their creation times; and those of granted members.
        %3$s
        UNION SELECT e.id, e.created_at FROM evidence_series e WHERE e.id IN (SELECT series_id FROM granted_members)
      ),`;
// Which rows say that: the one row per series, read by the owner (the region figures, through the definer's wrapper);
// under row-level security (the caller's own agency, dashboard_figures called by the app role) its own scope rows.
const SERIES_ROWS = `
    series_rows text := CASE WHEN row_security_active('cases')
      THEN 'SELECT e.id, e.created_at FROM evidence_series e WHERE e.id IN (SELECT s.series_id FROM dashboard_series_scope s WHERE s.agency_id = ANY ($6) AND s.members > 0 AND ($3::text IS NULL OR s.fraud_type = $3))'
      ELSE 'SELECT r.series_id, r.created_at FROM dashboard_series_reach r WHERE CASE WHEN $3::text IS NULL THEN r.agencies && $6 ELSE r.pairs && ARRAY(SELECT a::text || ''/'' || $3 FROM unnest($6) a) END'
    END;
    scope uuid[];
  BEGIN`;
const OLD_SERIES_NEW = 'FROM evidence_series e WHERE e.id IN (SELECT series_id FROM in_series) AND e.created_at >= ' + SINCE_TS + ' GROUP BY 1) s';
const NEW_SERIES_NEW = 'FROM in_series e WHERE e.created_at >= ' + SINCE_TS + ' GROUP BY 1) s';
const OLD_SERIES_BEFORE = '(SELECT count(*) FROM evidence_series e WHERE e.id IN (SELECT series_id FROM in_series) AND e.created_at < ' + SINCE_TS + ')';
const NEW_SERIES_BEFORE = '(SELECT count(*) FROM in_series e WHERE e.created_at < ' + SINCE_TS + ')';

const FIGURES_BY_REACH = dashboardFiguresEdit(FIGURES_BY_PROVINCE, [
  [OLD_IN_SERIES, NEW_IN_SERIES], [OLD_SERIES_NEW, NEW_SERIES_NEW], [OLD_SERIES_BEFORE, NEW_SERIES_BEFORE],
  ['\n    scope uuid[];\n  BEGIN', SERIES_ROWS], ['$q$, request_scope, task_scope)', '$q$, request_scope, task_scope, series_rows)'],
]);

export class DashboardSeriesReach1766020000000 implements MigrationInterface {
  name = 'DashboardSeriesReach1766020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_series_reach (
        series_id uuid PRIMARY KEY REFERENCES evidence_series(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        agencies uuid[] NOT NULL,
        pairs text[] NOT NULL
      );
      COMMENT ON TABLE dashboard_series_reach IS 'Per series with members: its creation time, its members'' owners and owner/fraud-type pairs (which dashboard scopes count it); kept by triggers';
      -- Every owner's members: which agencies share a series is not the app role's to read (no grant, no policy); the
      -- region figures read it as the owner.
      ALTER TABLE dashboard_series_reach ENABLE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_series_reach FORCE ROW LEVEL SECURITY;

      CREATE FUNCTION dashboard_series_reach_refresh(p_series uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM 1 FROM evidence_series e WHERE e.id = ANY (p_series) ORDER BY e.id FOR NO KEY UPDATE;
        INSERT INTO dashboard_series_reach AS r (series_id, created_at, agencies, pairs)
        SELECT s.series_id, e.created_at, array_agg(DISTINCT s.agency_id ORDER BY s.agency_id), array_agg(DISTINCT s.agency_id::text || '/' || s.fraud_type ORDER BY s.agency_id::text || '/' || s.fraud_type)
        FROM dashboard_series_scope s JOIN evidence_series e ON e.id = s.series_id
        WHERE s.series_id = ANY (p_series) AND s.members > 0
        GROUP BY s.series_id, e.created_at
        ON CONFLICT (series_id) DO UPDATE SET created_at = EXCLUDED.created_at, agencies = EXCLUDED.agencies, pairs = EXCLUDED.pairs;
        DELETE FROM dashboard_series_reach r WHERE r.series_id = ANY (p_series)
          AND NOT EXISTS (SELECT 1 FROM dashboard_series_scope s WHERE s.series_id = r.series_id AND s.members > 0);
      END $$;
      CREATE FUNCTION dashboard_series_reach_of_new() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- The rollup's upserts run for every case written, mostly with no member row: nothing to do then.
        IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
        PERFORM dashboard_series_reach_refresh(ARRAY(SELECT DISTINCT series_id FROM new_rows));
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_series_reach_of_old() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- The rollup's upserts run for every case written, mostly with no member row: nothing to do then.
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
        PERFORM dashboard_series_reach_refresh(ARRAY(SELECT DISTINCT series_id FROM old_rows));
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_series_reach_truncated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        TRUNCATE dashboard_series_reach;
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_series_reach_created() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE dashboard_series_reach r SET created_at = n.created_at FROM new_rows n WHERE r.series_id = n.id AND r.created_at <> n.created_at;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION dashboard_series_reach_refresh(uuid[]), dashboard_series_reach_of_new(), dashboard_series_reach_of_old(),
        dashboard_series_reach_truncated(), dashboard_series_reach_created() FROM PUBLIC;
      CREATE TRIGGER dashboard_series_reach_ins AFTER INSERT ON dashboard_series_scope REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_series_reach_of_new();
      CREATE TRIGGER dashboard_series_reach_upd AFTER UPDATE ON dashboard_series_scope REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_series_reach_of_new();
      CREATE TRIGGER dashboard_series_reach_del AFTER DELETE ON dashboard_series_scope REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_series_reach_of_old();
      CREATE TRIGGER dashboard_series_reach_truncate AFTER TRUNCATE ON dashboard_series_scope FOR EACH STATEMENT EXECUTE FUNCTION dashboard_series_reach_truncated();
      CREATE TRIGGER dashboard_series_reach_created AFTER UPDATE ON evidence_series REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_series_reach_created();

      -- Backfill: the refresh itself, over every series with members (row locks only: no lock-table entries).
      SELECT dashboard_series_reach_refresh(ARRAY(SELECT DISTINCT series_id FROM dashboard_series_scope WHERE members > 0));
    `);
    await q.query(FIGURES_BY_REACH);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER dashboard_series_reach_ins ON dashboard_series_scope; DROP TRIGGER dashboard_series_reach_upd ON dashboard_series_scope;
      DROP TRIGGER dashboard_series_reach_del ON dashboard_series_scope; DROP TRIGGER dashboard_series_reach_truncate ON dashboard_series_scope;
      DROP TRIGGER dashboard_series_reach_created ON evidence_series;
      DROP FUNCTION dashboard_series_reach_refresh(uuid[]), dashboard_series_reach_of_new(), dashboard_series_reach_of_old(), dashboard_series_reach_truncated(),
        dashboard_series_reach_created();
      DROP TABLE dashboard_series_reach;
    `);
    await q.query(FIGURES_BY_PROVINCE);
  }
}
