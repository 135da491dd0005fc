import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';
import { DEFINER, GoldenMinutesFromStops1765990000000, GUARDS, MEDIANS } from './1765990000000-golden-minutes-from-stops';

/**
 * The lock a refresh of a case takes: one of 256 per case bucket (class 1766 of the two-key advisory locks), so that a
 * transaction touching many cases (a bulk load, a purge) holds at most 256, not one per case.
 */
const BUCKET = (id: string) => `(hashtext(${id}::text) & 255)`;
const LOCK_BUCKET = (bucket: string) => `pg_advisory_xact_lock(1766, ${bucket})`;

/** Refreshes a case's row if it has one or now has a stop (looked at under the case's lock: see the class comment). */
const touch = (id: string) => `
          PERFORM ${LOCK_BUCKET(BUCKET(id))};
          IF EXISTS (SELECT 1 FROM dashboard_case_stops d WHERE d.case_id = ${id})
             OR EXISTS (SELECT 1 FROM agency_requests r WHERE r.case_id = ${id} AND r.type = 'FREEZE' AND r.sent_at IS NOT NULL) THEN
            PERFORM dashboard_case_stops_refresh(ARRAY[${id}]);
          END IF;`;

/**
 * The dashboard's golden minutes kept by the writers (issue 14: a national supervisor's ten years read every case with
 * a freeze and its first statement, ~0.7 s at 1M). dashboard_case_stops holds, per case with a freeze sent, what the
 * medians need (when it was reported, first stopped, first held) beside the case's owner, report day and fraud type
 * for the scope. Constraint triggers deferred to commit refresh a case's row from its freezes, statements and case row
 * (golden_minutes_of_cases(), the one definition): at commit, and one transaction per case at a time (an advisory
 * lock per bucket of cases), so two writers of one case — the first freeze and a statement taken earlier, say — each
 * read what the other committed, and no lock taken mid-transaction (the audit chain's, a case row held FOR UPDATE while
 * a statement is recorded: hence no foreign key on the case, whose check would lock it) can close a cycle with it. (A
 * transaction writing statements or freezes of several cases locks them in the order it wrote them: two such
 * transactions crossing on the same cases could deadlock and one be aborted; the api writes one case per transaction.)
 */
export class GoldenMinutesKept1766000000000 implements MigrationInterface {
  name = 'GoldenMinutesKept1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_case_stops (
        -- No foreign key: its check would take a key-share lock on the case at commit, and a statement being recorded
        -- holds the case FOR UPDATE while its own commit waits for our bucket (a deadlock). A case with a row has sent
        -- freezes, which keep it (agency_requests.case_id has no ON DELETE) and whose deletion refreshes the row.
        case_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        reported_on date NOT NULL,
        fraud_type text NOT NULL,
        reported_at timestamptz NOT NULL,
        first_stop_at timestamptz NOT NULL,
        first_held_at timestamptz
      );
      CREATE INDEX dashboard_case_stops_reported_idx ON dashboard_case_stops (reported_on);
      COMMENT ON TABLE dashboard_case_stops IS 'Per case with a freeze sent: reported, first stopped, first held (the golden minutes), with its owner, report day and fraud type; kept by triggers';
      -- As the case rollup: the app role reads its own agency's rows in the roles that read cases; only triggers write.
      ALTER TABLE dashboard_case_stops ENABLE ROW LEVEL SECURITY;
      ALTER TABLE dashboard_case_stops FORCE ROW LEVEL SECURITY;
      CREATE POLICY dashboard_case_stops_read ON dashboard_case_stops FOR SELECT TO ${APP_ROLE}
        USING (agency_id = (SELECT app_agency()) AND ((SELECT app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST')) OR (SELECT app_is_system())));
      GRANT SELECT ON dashboard_case_stops TO ${APP_ROLE};

      -- Recomputes these cases' rows (none for a case without a freeze sent, or gone).
      CREATE FUNCTION dashboard_case_stops_refresh(p_cases uuid[]) RETURNS void LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        -- In bucket order, so that two transactions refreshing the same cases cannot wait on each other in a cycle.
        PERFORM ${LOCK_BUCKET('b')} FROM (SELECT DISTINCT ${BUCKET('x')} AS b FROM unnest(p_cases) x ORDER BY 1) l;
        -- A new statement (a new snapshot after the locks): what the writer before us committed is seen.
        DELETE FROM dashboard_case_stops d WHERE d.case_id = ANY (p_cases);
        INSERT INTO dashboard_case_stops (case_id, agency_id, reported_on, fraud_type, reported_at, first_stop_at, first_held_at)
        SELECT g.case_id, c.agency_id, c.reported_on, c.fraud_type, g.reported_at, g.first_stop_at, g.first_held_at
        FROM golden_minutes_of_cases(p_cases) g JOIN cases c ON c.id = g.case_id
        WHERE g.first_stop_at IS NOT NULL;
      END $$;
      -- Every case at once (the backfill, a TRUNCATE of statements): the table locked instead of a lock per case (as many
      -- locks as cases would not fit in the lock table).
      CREATE FUNCTION dashboard_case_stops_rebuild() RETURNS void LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        LOCK TABLE dashboard_case_stops IN EXCLUSIVE MODE;
        TRUNCATE dashboard_case_stops;
        INSERT INTO dashboard_case_stops (case_id, agency_id, reported_on, fraud_type, reported_at, first_stop_at, first_held_at)
        SELECT g.case_id, c.agency_id, c.reported_on, c.fraud_type, g.reported_at, g.first_stop_at, g.first_held_at
        FROM golden_minutes_of_cases(ARRAY(SELECT DISTINCT r.case_id FROM agency_requests r WHERE r.type = 'FREEZE' AND r.sent_at IS NOT NULL)) g
        JOIN cases c ON c.id = g.case_id
        WHERE g.first_stop_at IS NOT NULL;
      END $$;
      CREATE FUNCTION dashboard_case_stops_of_request() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        -- A freeze sent or held (or moved earlier) on a case that has its row: the earliest times can only move earlier,
        -- so under the case's lock the committed row takes the new times as they are (no read of the case's other
        -- freezes, however many). Anything else is recomputed.
        IF NEW.type = 'FREEZE' AND NEW.sent_at IS NOT NULL AND (TG_OP = 'INSERT' OR (OLD.type = 'FREEZE' AND OLD.case_id = NEW.case_id
             AND (OLD.sent_at IS NULL OR NEW.sent_at <= OLD.sent_at) AND (OLD.held_at IS NULL OR NEW.held_at <= OLD.held_at))) THEN
          PERFORM ${LOCK_BUCKET(BUCKET('NEW.case_id'))};
          UPDATE dashboard_case_stops d SET first_stop_at = least(d.first_stop_at, NEW.sent_at), first_held_at = least(d.first_held_at, NEW.held_at)
          WHERE d.case_id = NEW.case_id;
          IF FOUND THEN RETURN NULL; END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM dashboard_case_stops_refresh(ARRAY[NEW.case_id]); END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.case_id <> NEW.case_id) THEN PERFORM dashboard_case_stops_refresh(ARRAY[OLD.case_id]); END IF;
        RETURN NULL;
      END $$;
      -- Most statements belong to cases never stopped (a bulk load: all of them): after the lock, a look is enough. Written
      -- out per row without arrays: this runs for every statement written (about 9 µs each in a bulk insert).
      CREATE FUNCTION dashboard_case_stops_of_statement() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        IF TG_OP <> 'DELETE' THEN ${touch('NEW.case_id')} END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.case_id <> NEW.case_id) THEN ${touch('OLD.case_id')} END IF;
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_case_stops_of_case() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN${touch('NEW.id')}
        RETURN NULL;
      END $$;
      CREATE FUNCTION dashboard_case_stops_truncated() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        IF TG_TABLE_NAME = 'agency_requests' THEN TRUNCATE dashboard_case_stops;
        ELSE PERFORM dashboard_case_stops_rebuild();
        END IF;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION dashboard_case_stops_refresh(uuid[]), dashboard_case_stops_rebuild(), dashboard_case_stops_of_request(),
        dashboard_case_stops_of_statement(), dashboard_case_stops_of_case(), dashboard_case_stops_truncated() FROM PUBLIC;
      CREATE TRIGGER dashboard_case_stops_truncate AFTER TRUNCATE ON agency_requests FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_stops_truncated();
      CREATE TRIGGER dashboard_case_stops_truncate AFTER TRUNCATE ON victim_statements FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_stops_truncated();

      CREATE CONSTRAINT TRIGGER dashboard_case_stops_ins AFTER INSERT ON agency_requests DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.type = 'FREEZE' AND NEW.sent_at IS NOT NULL) EXECUTE FUNCTION dashboard_case_stops_of_request();
      CREATE CONSTRAINT TRIGGER dashboard_case_stops_upd AFTER UPDATE OF type, case_id, sent_at, held_at ON agency_requests DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN ((NEW.type = 'FREEZE' OR OLD.type = 'FREEZE') AND (NEW.type, NEW.case_id, NEW.sent_at, NEW.held_at) IS DISTINCT FROM (OLD.type, OLD.case_id, OLD.sent_at, OLD.held_at))
        EXECUTE FUNCTION dashboard_case_stops_of_request();
      CREATE CONSTRAINT TRIGGER dashboard_case_stops_del AFTER DELETE ON agency_requests DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (OLD.type = 'FREEZE' AND OLD.sent_at IS NOT NULL) EXECUTE FUNCTION dashboard_case_stops_of_request();
      CREATE CONSTRAINT TRIGGER dashboard_case_stops_ins AFTER INSERT ON victim_statements DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION dashboard_case_stops_of_statement();
      CREATE CONSTRAINT TRIGGER dashboard_case_stops_upd AFTER UPDATE OF case_id, taken_at ON victim_statements DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN ((NEW.case_id, NEW.taken_at) IS DISTINCT FROM (OLD.case_id, OLD.taken_at)) EXECUTE FUNCTION dashboard_case_stops_of_statement();
      CREATE CONSTRAINT TRIGGER dashboard_case_stops_del AFTER DELETE ON victim_statements DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION dashboard_case_stops_of_statement();
      -- The owner, the report day or the fraud type moved (a transfer, a correction): the row follows; a case's created_at
      -- (its report time without statements) never changes.
      CREATE CONSTRAINT TRIGGER dashboard_case_stops_upd AFTER UPDATE OF agency_id, reported_on, fraud_type ON cases DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN ((NEW.agency_id, NEW.reported_on, NEW.fraud_type) IS DISTINCT FROM (OLD.agency_id, OLD.reported_on, OLD.fraud_type))
        EXECUTE FUNCTION dashboard_case_stops_of_case();

      -- Backfill.
      SELECT dashboard_case_stops_rebuild();

      DROP FUNCTION dashboard_golden_minutes(date, text, boolean);
      CREATE FUNCTION dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean)
      RETURNS TABLE (stopped bigint, held bigint, report_to_stop_seconds numeric, stop_to_held_seconds numeric)
      LANGUAGE plpgsql STABLE ${DEFINER} AS $$
      DECLARE
        me uuid := app_agency();
        prefix text;
      BEGIN${GUARDS}
        RETURN QUERY
          SELECT count(*), count(g.first_held_at),${MEDIANS}
          FROM dashboard_case_stops g
          WHERE g.reported_on >= p_since AND (p_fraud_type IS NULL OR g.fraud_type = p_fraud_type)
            AND (g.agency_id = me OR g.case_id IN (SELECT x FROM app_granted_cases() x)
                 OR (prefix IS NOT NULL AND g.agency_id IN (SELECT a.id FROM agencies a WHERE a.kind = 'POLICE' AND a.region LIKE prefix || '%')));
      END $$;
      REVOKE ALL ON FUNCTION dashboard_golden_minutes(date, text, boolean) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION dashboard_golden_minutes(date, text, boolean) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER dashboard_case_stops_ins ON agency_requests; DROP TRIGGER dashboard_case_stops_upd ON agency_requests;
      DROP TRIGGER dashboard_case_stops_del ON agency_requests; DROP TRIGGER dashboard_case_stops_ins ON victim_statements;
      DROP TRIGGER dashboard_case_stops_upd ON victim_statements; DROP TRIGGER dashboard_case_stops_del ON victim_statements;
      DROP TRIGGER dashboard_case_stops_upd ON cases; DROP TRIGGER dashboard_case_stops_truncate ON agency_requests;
      DROP TRIGGER dashboard_case_stops_truncate ON victim_statements;
      DROP FUNCTION dashboard_case_stops_refresh(uuid[]), dashboard_case_stops_rebuild(), dashboard_case_stops_of_request(), dashboard_case_stops_of_statement(),
        dashboard_case_stops_of_case(), dashboard_case_stops_truncated();
      DROP TABLE dashboard_case_stops;
    `);
    // Its dashboard_golden_minutes() again (that migration's up drops this one's first).
    await new GoldenMinutesFromStops1765990000000().up(q);
  }
}
