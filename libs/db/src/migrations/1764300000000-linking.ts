import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_WARNINGLIST, normalizeIdentifier } from '@caselink/domain';
import { APP_ROLE, LINKER_ROLE } from '../roles';

/**
 * Evidence linking. Postings map a normalised identifier to the cases that hold it (never a pairwise
 * case-to-case table); series are connected cases, kept by the linker (union-find over postings).
 *
 * The linker is its own database role: it reads every case's identifiers (kind and canonical value,
 * nothing else of a case) and writes postings, series and hub flags. The app role reads those tables
 * only for cases it may see; blind hits cross the wall through one SECURITY DEFINER function that
 * names the other agency and nothing of its case.
 *
 * Every change to identifiers lands in evidence_changes in the same transaction (a trigger, so no
 * writer can forget) and is announced with NOTIFY at commit; the worker turns those rows into
 * `evidence-link` jobs and deletes them once linked. Redis losing a job loses nothing: the rows stay.
 */
export class Linking1764300000000 implements MigrationInterface {
  name = 'Linking1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Transactions: payment trails now, banks' answers to freezes later. Canonical accounts make the
    // fund trace an index walk.
    await q.query(`
      ALTER TABLE transfers ALTER COLUMN statement_id DROP NOT NULL;
      ALTER TABLE transfers
        ADD COLUMN source text NOT NULL DEFAULT 'PAYMENT_TRAIL' CHECK (source IN ('PAYMENT_TRAIL','BANK_RESPONSE')),
        ADD COLUMN from_kind text, ADD COLUMN from_canonical text, ADD COLUMN to_kind text, ADD COLUMN to_canonical text;
      UPDATE transfers t SET from_kind = i.kind, from_canonical = i.canonical
        FROM identifiers i WHERE i.transfer_id = t.id AND i.raw_value = t.from_account;
      UPDATE transfers t SET to_kind = i.kind, to_canonical = i.canonical
        FROM identifiers i WHERE i.transfer_id = t.id AND i.raw_value = t.to_account;
      ALTER TABLE transfers
        ALTER COLUMN from_kind SET NOT NULL, ALTER COLUMN from_canonical SET NOT NULL,
        ALTER COLUMN to_kind SET NOT NULL, ALTER COLUMN to_canonical SET NOT NULL,
        ADD CONSTRAINT transfers_statement_source CHECK ((source = 'PAYMENT_TRAIL') = (statement_id IS NOT NULL));
      CREATE INDEX transfers_from_idx ON transfers (from_canonical, occurred_at);
      CREATE INDEX transfers_to_idx ON transfers (to_canonical);
      ALTER TABLE identifiers DROP CONSTRAINT identifiers_source_check,
        ADD CONSTRAINT identifiers_source_check CHECK (source IN ('STATEMENT','TRANSFER','MANUAL','IMPORT','BANK_RESPONSE'));
    `);

    await q.query(`
      -- Derived data, rebuilt by a relink: no foreign key (checking one per row doubled the rebuild);
      -- a case's postings go when its identifiers do.
      CREATE TABLE evidence_postings (
        kind text NOT NULL,
        canonical text NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        records int NOT NULL CHECK (records > 0),
        PRIMARY KEY (kind, canonical, case_id)
      );
      CREATE INDEX evidence_postings_case_idx ON evidence_postings (case_id);

      CREATE TABLE warninglist_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        canonical text NOT NULL,
        raw_value text NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        built_in boolean NOT NULL DEFAULT false,
        agency_id uuid REFERENCES agencies(id),
        added_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT warninglist_entries_value_key UNIQUE (kind, canonical),
        CHECK (built_in OR agency_id IS NOT NULL)
      );

      -- Identifiers held by unusually many cases: they do not glue series until someone confirms them.
      CREATE TABLE evidence_hubs (
        kind text NOT NULL,
        canonical text NOT NULL,
        case_count int NOT NULL,
        state text NOT NULL DEFAULT 'REVIEW' CHECK (state IN ('REVIEW','CONFIRMED')),
        flagged_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid REFERENCES users(id),
        reviewed_by_agency uuid REFERENCES agencies(id),
        reviewed_at timestamptz,
        PRIMARY KEY (kind, canonical)
      );

      CREATE TABLE evidence_series (
        id uuid PRIMARY KEY,
        case_count int NOT NULL CHECK (case_count >= 2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE series_members (
        case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        series_id uuid NOT NULL REFERENCES evidence_series(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX series_members_series_idx ON series_members (series_id);

      -- The outbox of linking: one row per case and transaction that changed its identifiers, or per
      -- value whose standing changed (warninglisted, unlisted, hub confirmed or dismissed).
      CREATE TABLE evidence_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid,
        term_kind text,
        term_canonical text,
        tx bigint NOT NULL DEFAULT txid_current(),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evidence_changes_case_tx_key UNIQUE (case_id, tx),
        CHECK ((case_id IS NULL) <> (term_kind IS NULL AND term_canonical IS NULL))
      );

      CREATE TABLE relink_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED','RUNNING','DONE','FAILED')),
        phase text,
        done bigint NOT NULL DEFAULT 0,
        total bigint NOT NULL DEFAULT 0,
        stats jsonb,
        error text,
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      -- One full rebuild at a time.
      CREATE UNIQUE INDEX relink_runs_one_active ON relink_runs ((true)) WHERE state IN ('QUEUED','RUNNING');

      CREATE TABLE fund_traces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        transfer_id uuid NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
        max_hops int NOT NULL CHECK (max_hops BETWEEN 1 AND 12),
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED','RUNNING','DONE','FAILED')),
        done int NOT NULL DEFAULT 0,
        result jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE INDEX fund_traces_agency_idx ON fund_traces (agency_id, created_at DESC);
    `);

    await q.query(`
      -- Whether a value may link cases: not on the warninglist and not a hub awaiting review.
      CREATE FUNCTION evidence_linkable(p_kind text, p_canonical text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT NOT EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = p_kind AND w.canonical = p_canonical)
           AND NOT EXISTS (SELECT 1 FROM evidence_hubs h WHERE h.kind = p_kind AND h.canonical = p_canonical AND h.state = 'REVIEW')
      $$;

      CREATE FUNCTION evidence_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public AS $$
      DECLARE ids text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          WITH ins AS (INSERT INTO evidence_changes (case_id) SELECT DISTINCT case_id FROM old_rows ON CONFLICT DO NOTHING RETURNING id, case_id)
          SELECT string_agg(id::text, ',') INTO ids FROM ins;
        ELSE
          WITH ins AS (INSERT INTO evidence_changes (case_id) SELECT DISTINCT case_id FROM new_rows ON CONFLICT DO NOTHING RETURNING id, case_id)
          SELECT string_agg(id::text, ',') INTO ids FROM ins;
        END IF;
        -- Delivered at commit only; a payload too big for NOTIFY asks listeners to sweep the table.
        IF ids IS NOT NULL THEN
          PERFORM pg_notify('evidence_changed', CASE WHEN length(ids) < 7000 THEN ids ELSE 'sweep' END);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER identifiers_inserted AFTER INSERT ON identifiers REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION evidence_changed();
      CREATE TRIGGER identifiers_updated AFTER UPDATE ON identifiers REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION evidence_changed();
      CREATE TRIGGER identifiers_deleted AFTER DELETE ON identifiers REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION evidence_changed();

      CREATE FUNCTION evidence_term_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public AS $$
      DECLARE r record; change_id bigint;
      BEGIN
        IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
        INSERT INTO evidence_changes (term_kind, term_canonical) VALUES (r.kind, r.canonical) RETURNING id INTO change_id;
        PERFORM pg_notify('evidence_changed', change_id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER warninglist_changed AFTER INSERT OR DELETE ON warninglist_entries
        FOR EACH ROW EXECUTE FUNCTION evidence_term_changed();
      -- Reviews by people; the linker's own flagging is handled where it happens.
      CREATE TRIGGER hub_reviewed AFTER UPDATE OF state OR DELETE ON evidence_hubs
        FOR EACH ROW WHEN (current_user <> '${LINKER_ROLE}') EXECUTE FUNCTION evidence_term_changed();

      -- Blind hits: for a case the caller may read, the other agencies holding a case with one of its
      -- linkable values which the caller may not read. The agency and an opaque case reference (to ask
      -- for access) cross the wall; nothing of that case's content does.
      CREATE FUNCTION case_blind_hits(p_case uuid)
      RETURNS TABLE (kind text, canonical text, agency_id uuid, case_id uuid, pending_request boolean)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE me uuid := app_agency();
      BEGIN
        IF me IS NULL OR NOT (
             EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = me)
          OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = me AND s.revoked_at IS NULL)) THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT mine.kind, mine.canonical, other.agency_id, other.case_id,
                 EXISTS (SELECT 1 FROM access_requests r WHERE r.case_id = other.case_id AND r.requesting_agency_id = me AND r.status = 'PENDING')
          FROM evidence_postings mine
          JOIN evidence_postings other ON other.kind = mine.kind AND other.canonical = mine.canonical AND other.case_id <> mine.case_id
          WHERE mine.case_id = p_case
            AND evidence_linkable(mine.kind, mine.canonical)
            AND other.agency_id <> me
            AND NOT EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = other.case_id AND s.agency_id = me AND s.revoked_at IS NULL)
          ORDER BY other.agency_id, mine.kind, mine.canonical
          LIMIT 500;
      END $$;

      -- How many members of a series the caller cannot see, for a caller who sees at least one.
      CREATE FUNCTION series_hidden_count(p_series uuid) RETURNS int
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE me uuid := app_agency(); visible int; total int;
      BEGIN
        SELECT count(*) FILTER (WHERE m.agency_id = me OR EXISTS (
                 SELECT 1 FROM case_shares s WHERE s.case_id = m.case_id AND s.agency_id = me AND s.revoked_at IS NULL)),
               count(*)
          INTO visible, total FROM series_members m WHERE m.series_id = p_series;
        IF me IS NULL OR visible = 0 THEN RETURN NULL; END IF;
        RETURN total - visible;
      END $$;
      REVOKE ALL ON FUNCTION evidence_changed(), evidence_term_changed(), case_blind_hits(uuid), series_hidden_count(uuid) FROM PUBLIC;
    `);

    const readable = (table: string, using: string) => `
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
      CREATE POLICY ${table}_read ON ${table} FOR SELECT TO ${APP_ROLE} USING (${using});
      CREATE POLICY ${table}_linker ON ${table} FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);`;
    await q.query(`
      ${readable('evidence_postings', 'app_can_read_case(case_id)')}
      ${readable('series_members', 'app_can_read_case(case_id)')}
      ${readable('evidence_series', 'EXISTS (SELECT 1 FROM series_members m WHERE m.series_id = evidence_series.id)')}
      ${readable('evidence_hubs', `app_is_national_admin() OR EXISTS (SELECT 1 FROM evidence_postings p WHERE p.kind = evidence_hubs.kind AND p.canonical = evidence_hubs.canonical)`)}
      CREATE POLICY evidence_hubs_review ON evidence_hubs FOR UPDATE TO ${APP_ROLE}
        USING (app_is_national_admin() OR EXISTS (SELECT 1 FROM evidence_postings p WHERE p.kind = evidence_hubs.kind AND p.canonical = evidence_hubs.canonical))
        WITH CHECK (reviewed_by_agency = app_agency());
      CREATE POLICY evidence_hubs_dismiss ON evidence_hubs FOR DELETE TO ${APP_ROLE}
        USING (app_is_national_admin() OR EXISTS (SELECT 1 FROM evidence_postings p WHERE p.kind = evidence_hubs.kind AND p.canonical = evidence_hubs.canonical));

      -- The warninglist is shared knowledge: every agency reads it; an agency adds and removes its own entries.
      ALTER TABLE warninglist_entries ENABLE ROW LEVEL SECURITY;
      ALTER TABLE warninglist_entries FORCE ROW LEVEL SECURITY;
      CREATE POLICY warninglist_read ON warninglist_entries FOR SELECT TO ${APP_ROLE} USING (app_agency() IS NOT NULL);
      CREATE POLICY warninglist_linker ON warninglist_entries FOR SELECT TO ${LINKER_ROLE} USING (true);
      CREATE POLICY warninglist_add ON warninglist_entries FOR INSERT TO ${APP_ROLE}
        WITH CHECK (agency_id = app_agency() AND NOT built_in AND agency_kind(app_agency()) = 'POLICE');
      CREATE POLICY warninglist_remove ON warninglist_entries FOR DELETE TO ${APP_ROLE}
        USING (agency_id = app_agency() OR app_is_national_admin());

      ALTER TABLE evidence_changes ENABLE ROW LEVEL SECURITY;
      ALTER TABLE evidence_changes FORCE ROW LEVEL SECURITY;
      CREATE POLICY evidence_changes_linker ON evidence_changes FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      ALTER TABLE relink_runs ENABLE ROW LEVEL SECURITY;
      ALTER TABLE relink_runs FORCE ROW LEVEL SECURITY;
      CREATE POLICY relink_runs_national ON relink_runs FOR ALL TO ${APP_ROLE}
        USING (app_is_national_admin()) WITH CHECK (app_is_national_admin() AND agency_id = app_agency());
      CREATE POLICY relink_runs_linker ON relink_runs FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      ALTER TABLE fund_traces ENABLE ROW LEVEL SECURITY;
      ALTER TABLE fund_traces FORCE ROW LEVEL SECURITY;
      CREATE POLICY fund_traces_own ON fund_traces FOR ALL TO ${APP_ROLE}
        USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency() AND app_can_read_case(case_id));

      -- What the linker may read of a case: its identifiers' values and the case's owner and author (to
      -- tell the owner about a new link). No narratives, victims or transfers.
      CREATE POLICY identifiers_linker ON identifiers FOR SELECT TO ${LINKER_ROLE} USING (true);
      CREATE POLICY cases_linker ON cases FOR SELECT TO ${LINKER_ROLE} USING (true);
      CREATE POLICY notifications_linker ON notifications FOR INSERT TO ${LINKER_ROLE} WITH CHECK (kind = 'LINK_HIT');
      -- ON CONFLICT (dedupe_key) needs to see the key it conflicts with, and RETURNING what it wrote (to push it live): LINK_HIT rows only.
      CREATE POLICY notifications_linker_keys ON notifications FOR SELECT TO ${LINKER_ROLE} USING (kind = 'LINK_HIT');
    `);

    await q.query(`
      GRANT SELECT ON evidence_postings, series_members, evidence_series TO ${APP_ROLE};
      GRANT SELECT, UPDATE (state, reviewed_by, reviewed_by_agency, reviewed_at), DELETE ON evidence_hubs TO ${APP_ROLE};
      GRANT SELECT, INSERT, DELETE ON warninglist_entries TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE (state, error, finished_at) ON relink_runs TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON fund_traces TO ${APP_ROLE};
      GRANT EXECUTE ON FUNCTION case_blind_hits(uuid), series_hidden_count(uuid) TO ${APP_ROLE};

      GRANT SELECT, INSERT, UPDATE, DELETE ON evidence_postings, series_members, evidence_series, evidence_hubs, evidence_changes, relink_runs TO ${LINKER_ROLE};
      GRANT SELECT ON warninglist_entries TO ${LINKER_ROLE};
      GRANT SELECT (id, case_id, agency_id, kind, canonical) ON identifiers TO ${LINKER_ROLE};
      GRANT SELECT (id, agency_id, case_number, created_by) ON cases TO ${LINKER_ROLE};
      GRANT INSERT, SELECT (id, agency_id, user_id, kind, payload, dedupe_key, created_at) ON notifications TO ${LINKER_ROLE};
    `);

    // The relink builds postings in a temporary table first.
    await q.query(`DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO ${LINKER_ROLE}', current_database()); END $$`);

    // The built-in warninglist, normalised by the same code as every clue.
    for (const w of DEFAULT_WARNINGLIST) {
      const r = normalizeIdentifier(w.kind, w.value);
      if (!r.ok) throw new Error(`built-in warninglist value ${w.kind} ${w.value}: ${r.reason}`);
      await q.query(
        `INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, built_in) VALUES ($1, $2, $3, $4, true) ON CONFLICT DO NOTHING`,
        [w.kind, r.canonical, w.value, w.reason],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER identifiers_inserted ON identifiers;
      DROP TRIGGER identifiers_updated ON identifiers;
      DROP TRIGGER identifiers_deleted ON identifiers;
      DROP POLICY identifiers_linker ON identifiers;
      DROP POLICY cases_linker ON cases;
      DROP POLICY notifications_linker ON notifications;
      DROP POLICY notifications_linker_keys ON notifications;
      DROP TABLE fund_traces, relink_runs, evidence_changes, series_members, evidence_series, evidence_hubs, warninglist_entries, evidence_postings;
      DROP FUNCTION evidence_changed(), evidence_term_changed(), case_blind_hits(uuid), series_hidden_count(uuid), evidence_linkable(text, text);
      DROP INDEX transfers_from_idx, transfers_to_idx;
      ALTER TABLE identifiers DROP CONSTRAINT identifiers_source_check,
        ADD CONSTRAINT identifiers_source_check CHECK (source IN ('STATEMENT','TRANSFER','MANUAL','IMPORT'));
      ALTER TABLE transfers DROP CONSTRAINT transfers_statement_source,
        DROP COLUMN source, DROP COLUMN from_kind, DROP COLUMN from_canonical, DROP COLUMN to_kind, DROP COLUMN to_canonical;
      ALTER TABLE transfers ALTER COLUMN statement_id SET NOT NULL;
    `);
  }
}
