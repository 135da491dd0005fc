import { MigrationInterface, QueryRunner } from 'typeorm';
import { RETENTION_CLASSES, RETENTION_MAX_DAYS, RetentionClass } from '@caselink/domain';
import { APP_ROLE } from '../roles';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Retention and purge as data (issue 13). The national centre sets a period per data class (`retention_rules`,
 * floors from libs/domain, the audit trail at least a year); a supervisor puts a case under legal hold
 * (`legal_holds`), which keeps its material from every purge. The worker's `retention` queue purges through
 * `retention_purge_batch()` — one batch of one class per transaction, counted per agency in
 * `retention_run_counts` — and `retention_audit_class()` writes one audit row per agency and class (class, count,
 * rule; never the content), once. Files go through `retention_file_removals`, written in the purge's transaction
 * and emptied after the file is gone, so a crash between the two leaves work to finish, never a lost file removal.
 * The functions answer only the system acting for no agency: an api session (even the national admin's) cannot
 * purge anything itself. The audit trail is never purged: its table stays append-only.
 */
export class Retention1765900000000 implements MigrationInterface {
  name = 'Retention1765900000000';

  async up(q: QueryRunner): Promise<void> {
    const classes = Object.entries(RETENTION_CLASSES) as Array<[RetentionClass, (typeof RETENTION_CLASSES)[RetentionClass]]>;
    await q.query(`
      CREATE TABLE retention_rules (
        data_class text PRIMARY KEY,
        period_days integer NOT NULL,
        min_days integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id),
        CONSTRAINT retention_rules_period CHECK (period_days >= min_days AND period_days <= ${RETENTION_MAX_DAYS})
      );
      INSERT INTO retention_rules (data_class, period_days, min_days) VALUES
        ${classes.map(([c, i]) => `(${lit(c)}, ${i.defaultDays}, ${i.minDays})`).join(',\n        ')};
      CREATE TRIGGER retention_rules_fixed_columns BEFORE UPDATE OF data_class, min_days ON retention_rules
        FOR EACH ROW EXECUTE FUNCTION forbid_column_change('data_class', 'min_days');

      -- When a case was closed, kept by the database from its status (a client cannot set it).
      ALTER TABLE cases ADD COLUMN closed_at timestamptz;
      UPDATE cases SET closed_at = updated_at WHERE status = 'CLOSED';
      CREATE FUNCTION cases_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.closed_at := CASE WHEN NEW.status = 'CLOSED' THEN now() END;
        ELSIF current_user = '${APP_ROLE}' THEN
          NEW.closed_at := OLD.closed_at; -- never the app's to set (an operator may correct it as the owner)
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER cases_closed_at BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION cases_closed_at();

      -- Purged files leave their record: what was there (name, size, sha256) and when it went.
      ALTER TABLE attachments ADD COLUMN purged_at timestamptz;
      ALTER TABLE imports ADD COLUMN purged_at timestamptz;
      ALTER TABLE risk_signal_uploads ADD COLUMN purged_at timestamptz;
      CREATE FUNCTION purged_at_by_retention_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.purged_at IS DISTINCT FROM OLD.purged_at THEN
          RAISE EXCEPTION 'purged_at is set by the retention queue only' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER attachments_purged_at BEFORE UPDATE OF purged_at ON attachments
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION purged_at_by_retention_only();
      CREATE TRIGGER imports_purged_at BEFORE UPDATE OF purged_at ON imports
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION purged_at_by_retention_only();
      CREATE TRIGGER risk_signal_uploads_purged_at BEFORE UPDATE OF purged_at ON risk_signal_uploads
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION purged_at_by_retention_only();

      CREATE TABLE legal_holds (
        case_id uuid PRIMARY KEY REFERENCES cases (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        set_by uuid NOT NULL REFERENCES users (id),
        set_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX legal_holds_agency_id_idx ON legal_holds (agency_id);
      CREATE INDEX legal_holds_set_by_idx ON legal_holds (set_by);

      CREATE TABLE retention_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id text NOT NULL UNIQUE,
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL')),
        requested_by uuid REFERENCES users (id),
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        failure text
      );
      CREATE INDEX retention_runs_queued_at_idx ON retention_runs (queued_at DESC);
      CREATE INDEX retention_runs_requested_by_idx ON retention_runs (requested_by);

      CREATE TABLE retention_run_counts (
        run_id uuid NOT NULL REFERENCES retention_runs (id),
        data_class text NOT NULL REFERENCES retention_rules (data_class),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        purged integer NOT NULL CHECK (purged >= 0),
        rule_days integer NOT NULL,
        -- How many of them the audit trail already tells of: a class taken up again after a crash audits the rest.
        audited integer NOT NULL DEFAULT 0 CHECK (audited <= purged),
        PRIMARY KEY (run_id, data_class, agency_id)
      );
      CREATE INDEX retention_run_counts_agency_id_idx ON retention_run_counts (agency_id);
      CREATE INDEX retention_run_counts_data_class_idx ON retention_run_counts (data_class);

      CREATE TABLE retention_file_removals (
        storage_key text PRIMARY KEY,
        queued_at timestamptz NOT NULL DEFAULT now()
      );

      -- Rows a batch looks for, by when their period starts.
      CREATE INDEX notifications_created_at_idx ON notifications (created_at);
      CREATE INDEX risk_signals_reported_at_idx ON risk_signals (reported_at);
      CREATE INDEX refresh_sessions_expires_at_idx ON refresh_sessions (expires_at);
      CREATE INDEX cases_closed_at_idx ON cases (closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX sign_in_challenges_expires_at_idx ON sign_in_challenges (expires_at);
      CREATE INDEX sso_login_states_expires_at_idx ON sso_login_states (expires_at);

      ALTER TABLE retention_rules ENABLE ROW LEVEL SECURITY;
      ALTER TABLE retention_rules FORCE ROW LEVEL SECURITY;
      ALTER TABLE legal_holds ENABLE ROW LEVEL SECURITY;
      ALTER TABLE legal_holds FORCE ROW LEVEL SECURITY;
      ALTER TABLE retention_runs ENABLE ROW LEVEL SECURITY;
      ALTER TABLE retention_runs FORCE ROW LEVEL SECURITY;
      ALTER TABLE retention_run_counts ENABLE ROW LEVEL SECURITY;
      ALTER TABLE retention_run_counts FORCE ROW LEVEL SECURITY;
      ALTER TABLE retention_file_removals ENABLE ROW LEVEL SECURITY;
      ALTER TABLE retention_file_removals FORCE ROW LEVEL SECURITY;

      -- The rules are national and not secret; only the national centre's admin changes a period.
      CREATE POLICY retention_rules_read ON retention_rules FOR SELECT USING (true);
      CREATE POLICY retention_rules_write ON retention_rules FOR UPDATE
        USING (app_is_national_admin() AND app_has_role('ADMIN'))
        WITH CHECK (app_is_national_admin() AND app_has_role('ADMIN') AND updated_by = app_user());
      GRANT SELECT ON retention_rules TO ${APP_ROLE};
      GRANT UPDATE (period_days, updated_at, updated_by) ON retention_rules TO ${APP_ROLE};

      -- A hold is case material of the owning agency: its case readers see it, its supervisors set and lift it.
      CREATE POLICY legal_holds_read ON legal_holds FOR SELECT
        USING (agency_id = app_agency() AND (app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST') OR app_is_system()));
      CREATE POLICY legal_holds_set ON legal_holds FOR INSERT WITH CHECK (
        agency_id = app_agency() AND app_has_role('SUPERVISOR') AND set_by = app_user()
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.agency_id = app_agency()));
      CREATE POLICY legal_holds_release ON legal_holds FOR DELETE
        USING (agency_id = app_agency() AND app_has_role('SUPERVISOR'));
      GRANT SELECT, INSERT, DELETE ON legal_holds TO ${APP_ROLE};

      -- Runs say when and how, not what: any agency's admins and auditors see them (access table); the national admin queues one.
      CREATE POLICY retention_runs_read ON retention_runs FOR SELECT USING (app_has_role('ADMIN', 'AUDITOR') OR app_is_system());
      CREATE POLICY retention_runs_queue ON retention_runs FOR INSERT WITH CHECK (
        app_is_national_admin() AND app_has_role('ADMIN') AND trigger = 'MANUAL' AND status = 'QUEUED'
        AND requested_by = app_user() AND started_at IS NULL AND finished_at IS NULL);
      GRANT SELECT, INSERT ON retention_runs TO ${APP_ROLE};
      -- How many rows of an agency went: that agency's own, all for the national admin.
      CREATE POLICY retention_run_counts_read ON retention_run_counts FOR SELECT
        USING (agency_id = app_agency() OR app_is_national_admin() OR app_is_system());
      GRANT SELECT ON retention_run_counts TO ${APP_ROLE};
      CREATE POLICY retention_file_removals_system ON retention_file_removals FOR ALL
        USING (app_is_system() AND app_agency() IS NULL) WITH CHECK (false);
      GRANT SELECT, DELETE ON retention_file_removals TO ${APP_ROLE};

      CREATE FUNCTION retention_assert_system() RETURNS void LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF app_agency() IS NOT NULL OR NOT app_is_system() THEN
          RAISE EXCEPTION 'retention runs only as the system, acting for no agency' USING ERRCODE = '42501';
        END IF;
      END $$;

      -- A run of a job: made (or taken up again after a crash) when the worker starts the job.
      CREATE FUNCTION retention_run_begin(p_job_id text, p_trigger text) RETURNS uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_id uuid;
      BEGIN
        PERFORM retention_assert_system();
        -- A run whose job was lost (Redis flushed, failed for good while killed) would show as active for ever.
        UPDATE retention_runs SET status = 'FAILED', finished_at = now(), failure = 'abandoned: its job was lost (no progress for 6 hours)'
        WHERE status IN ('QUEUED', 'RUNNING') AND job_id <> p_job_id AND coalesce(started_at, queued_at) < now() - interval '6 hours';
        INSERT INTO retention_runs (job_id, trigger, status, started_at) VALUES (p_job_id, p_trigger, 'RUNNING', now())
        ON CONFLICT (job_id) DO UPDATE SET status = 'RUNNING', started_at = coalesce(retention_runs.started_at, now()),
          finished_at = NULL, failure = NULL
        RETURNING id INTO v_id;
        RETURN v_id;
      END $$;

      CREATE FUNCTION retention_run_finish(p_run uuid, p_failure text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM retention_assert_system();
        UPDATE retention_runs SET status = CASE WHEN p_failure IS NULL THEN 'DONE' ELSE 'FAILED' END,
          finished_at = now(), failure = left(p_failure, 500) WHERE id = p_run;
      END $$;

      -- Adds one batch's rows to the run's counts per agency (rows of no agency are purged, not counted); how many.
      -- Called only inside retention_purge_batch(), as its owner: the app role may not execute it.
      CREATE FUNCTION retention_count(p_run uuid, p_class text, p_days integer, p_agencies uuid[]) RETURNS integer
      LANGUAGE sql SET search_path = public, pg_temp AS $$
        WITH counted AS (
          INSERT INTO retention_run_counts AS c (run_id, data_class, agency_id, purged, rule_days)
          SELECT p_run, p_class, a, count(*), p_days FROM unnest(p_agencies) a WHERE a IS NOT NULL GROUP BY a
          ON CONFLICT (run_id, data_class, agency_id) DO UPDATE SET purged = c.purged + EXCLUDED.purged, rule_days = EXCLUDED.rule_days)
        SELECT coalesce(cardinality(p_agencies), 0)
      $$;
      REVOKE ALL ON FUNCTION retention_count(uuid, text, integer, uuid[]) FROM PUBLIC;

      -- One batch of one class: at most p_batch rows (of each table the class spans), oldest first, none of a case
      -- under legal hold. Returns how many went; counts are added per agency to the run.
      CREATE FUNCTION retention_purge_batch(p_run uuid, p_class text, p_batch integer) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_days integer;
        v_cut timestamptz;
        v_n integer := 0;
        v_part integer;
      BEGIN
        PERFORM retention_assert_system();
        IF p_class = 'AUDIT_TRAIL' THEN
          RAISE EXCEPTION 'the audit trail is never purged by the retention queue' USING ERRCODE = '42501';
        END IF;
        SELECT period_days INTO v_days FROM retention_rules WHERE data_class = p_class;
        IF v_days IS NULL THEN RAISE EXCEPTION 'no retention rule for %', p_class USING ERRCODE = '22023'; END IF;
        v_cut := now() - make_interval(days => v_days);

        IF p_class = 'SIGN_IN_SESSIONS' THEN
          WITH gone AS (
            DELETE FROM refresh_sessions WHERE id IN (
              SELECT id FROM refresh_sessions
              WHERE least(coalesce(revoked_at, 'infinity'), expires_at, coalesce(family_expires_at, 'infinity')) < v_cut
              ORDER BY expires_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;
          WITH gone AS (
            DELETE FROM sign_in_challenges WHERE id IN (
              SELECT id FROM sign_in_challenges WHERE least(coalesce(used_at, 'infinity'), expires_at) < v_cut
              LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;
          WITH gone AS (
            DELETE FROM sso_login_states WHERE state_hash IN (
              SELECT state_hash FROM sso_login_states WHERE least(coalesce(used_at, 'infinity'), expires_at) < v_cut
              LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'NOTIFICATIONS' THEN
          WITH gone AS (
            DELETE FROM notifications WHERE id IN (
              SELECT id FROM notifications WHERE created_at < v_cut ORDER BY created_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'IMPORT_FILES' THEN
          -- A hold placed while this batch runs waits for it, or is seen by it.
          LOCK TABLE legal_holds IN SHARE MODE;
          WITH picked AS (
            SELECT i.id, i.storage_key FROM imports i
            WHERE i.purged_at IS NULL AND i.finished_at < v_cut
              AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = i.case_id)
            ORDER BY i.finished_at LIMIT p_batch FOR UPDATE OF i SKIP LOCKED
          ), rows_gone AS (
            DELETE FROM import_rows r USING picked WHERE r.import_id = picked.id
          ), files AS (
            INSERT INTO retention_file_removals (storage_key)
            SELECT storage_key FROM picked WHERE storage_key IS NOT NULL ON CONFLICT DO NOTHING
          ), gone AS (
            UPDATE imports i SET purged_at = now() FROM picked WHERE i.id = picked.id RETURNING i.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;
          WITH picked AS (
            SELECT u.id, u.storage_key FROM risk_signal_uploads u
            WHERE u.purged_at IS NULL AND u.finished_at < v_cut
            ORDER BY u.finished_at LIMIT p_batch FOR UPDATE OF u SKIP LOCKED
          ), files AS (
            INSERT INTO retention_file_removals (storage_key)
            SELECT storage_key FROM picked WHERE storage_key IS NOT NULL ON CONFLICT DO NOTHING
          ), gone AS (
            UPDATE risk_signal_uploads u SET purged_at = now() FROM picked WHERE u.id = picked.id RETURNING u.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'RISK_SIGNALS' THEN
          WITH gone AS (
            DELETE FROM risk_signals WHERE id IN (
              SELECT id FROM risk_signals WHERE reported_at < v_cut ORDER BY reported_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING reporting_agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(reporting_agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'DISMISSED_ALERTS' THEN
          WITH gone AS (
            DELETE FROM alerts WHERE id IN (
              SELECT id FROM alerts WHERE status = 'DISMISSED' AND status_at < v_cut ORDER BY status_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING reporting_agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(reporting_agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'CLOSED_CASE_EVIDENCE' THEN
          -- A hold placed while this batch runs waits for it, or is seen by it.
          LOCK TABLE legal_holds IN SHARE MODE;
          WITH picked AS (
            SELECT a.id, a.storage_key FROM attachments a JOIN cases c ON c.id = a.case_id
            WHERE a.purged_at IS NULL AND c.status = 'CLOSED' AND c.closed_at < v_cut
              AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = a.case_id)
            ORDER BY c.closed_at LIMIT p_batch FOR UPDATE OF a SKIP LOCKED FOR SHARE OF c
          ), files AS (
            INSERT INTO retention_file_removals (storage_key) SELECT storage_key FROM picked ON CONFLICT DO NOTHING
          ), gone AS (
            UPDATE attachments a SET purged_at = now() FROM picked WHERE a.id = picked.id RETURNING a.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'EXPIRED_HOLDS' THEN
          -- A hold placed while this batch runs waits for it, or is seen by it.
          LOCK TABLE legal_holds IN SHARE MODE;
          WITH gone AS (
            DELETE FROM request_attachments ra USING (
              SELECT x.request_id, x.attachment_id FROM request_attachments x JOIN agency_requests r ON r.id = x.request_id
              WHERE r.type = 'FREEZE' AND r.state = 'EXPIRED' AND r.expires_at < v_cut
                AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = r.case_id)
              ORDER BY r.expires_at LIMIT p_batch FOR UPDATE OF x SKIP LOCKED) picked
            WHERE ra.request_id = picked.request_id AND ra.attachment_id = picked.attachment_id
            RETURNING ra.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSE
          RAISE EXCEPTION 'unknown data class %', p_class USING ERRCODE = '22023';
        END IF;

        RETURN v_n;
      END $$;

      -- The class is done for this run: one audit row per agency with what went (class, count, rule), each row purged told
      -- once. With no class (at the start of every run): whatever any other run purged and could not tell (its job failed
      -- for good between a batch and the end of its class).
      CREATE FUNCTION retention_audit_class(p_run uuid, p_class text, p_request_id text) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_n integer;
      BEGIN
        PERFORM retention_assert_system();
        -- Lock first, in a statement of its own: the UPDATE below then reads every count as it now stands, so two
        -- executions of one run (a job BullMQ thought stalled) never tell the same rows twice.
        PERFORM 1 FROM retention_run_counts c
          WHERE (CASE WHEN p_class IS NULL THEN c.run_id <> p_run ELSE c.run_id = p_run AND c.data_class = p_class END) AND c.purged > c.audited
          ORDER BY c.run_id, c.data_class, c.agency_id FOR UPDATE;
        WITH due AS (
          UPDATE retention_run_counts c SET audited = c.purged
          FROM retention_run_counts o
          WHERE (CASE WHEN p_class IS NULL THEN c.run_id <> p_run ELSE c.run_id = p_run AND c.data_class = p_class END) AND c.purged > c.audited
            AND o.run_id = c.run_id AND o.data_class = c.data_class AND o.agency_id = c.agency_id
          RETURNING c.run_id, c.data_class, c.agency_id, c.purged - o.audited AS purged, c.rule_days)
        INSERT INTO audit_events (id, actor_user_id, actor_email, agency_id, action, entity_type, entity_id,
          client_address, outcome, details, chain_key, sequence, occurred_at, prev_hash, hash)
        SELECT gen_random_uuid(), NULL, NULL, d.agency_id, 'RETENTION_PURGED', 'RetentionRun', d.run_id::text, NULL, 'SUCCESS',
          jsonb_strip_nulls(jsonb_build_object('dataClass', d.data_class, 'purged', d.purged, 'ruleDays', d.rule_days, 'requestId', p_request_id)),
          '00000000-0000-0000-0000-000000000000', 0, now(), '', ''
        FROM due d ORDER BY d.run_id, d.data_class, d.agency_id;
        GET DIAGNOSTICS v_n = ROW_COUNT;
        RETURN v_n;
      END $$;

      -- A purged file is no longer served through a request either (its record stays on the case); otherwise as in
      -- migration 1765400000000-side-doors (a sender reads it only while it reads the case).
      CREATE OR REPLACE FUNCTION request_attachment_file(p_request uuid, p_attachment uuid)
      RETURNS TABLE (file_name text, content_type text, size_bytes bigint, sha256 text, storage_key text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id AND ra.attachment_id = p_attachment
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL AND a.purged_at IS NULL
          AND ((r.from_agency_id = app_agency() AND app_reads_case(r.case_id)) OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
      $$;

      REVOKE ALL ON FUNCTION retention_assert_system(), retention_run_begin(text, text), retention_run_finish(uuid, text),
        retention_purge_batch(uuid, text, integer), retention_audit_class(uuid, text, text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION retention_assert_system(), retention_run_begin(text, text), retention_run_finish(uuid, text),
        retention_purge_batch(uuid, text, integer), retention_audit_class(uuid, text, text) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION request_attachment_file(p_request uuid, p_attachment uuid)
      RETURNS TABLE (file_name text, content_type text, size_bytes bigint, sha256 text, storage_key text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id AND ra.attachment_id = p_attachment
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND ((r.from_agency_id = app_agency() AND app_reads_case(r.case_id)) OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
      $$;
      DROP FUNCTION retention_audit_class(uuid, text, text), retention_purge_batch(uuid, text, integer), retention_count(uuid, text, integer, uuid[]),
        retention_run_finish(uuid, text), retention_run_begin(text, text), retention_assert_system();
      DROP TABLE retention_file_removals, retention_run_counts, retention_runs, legal_holds, retention_rules;
      DROP INDEX notifications_created_at_idx, risk_signals_reported_at_idx, refresh_sessions_expires_at_idx, cases_closed_at_idx,
        sign_in_challenges_expires_at_idx, sso_login_states_expires_at_idx;
      DROP TRIGGER attachments_purged_at ON attachments;
      DROP TRIGGER imports_purged_at ON imports;
      DROP TRIGGER risk_signal_uploads_purged_at ON risk_signal_uploads;
      DROP FUNCTION purged_at_by_retention_only();
      ALTER TABLE attachments DROP COLUMN purged_at;
      ALTER TABLE imports DROP COLUMN purged_at;
      ALTER TABLE risk_signal_uploads DROP COLUMN purged_at;
      DROP TRIGGER cases_closed_at ON cases;
      DROP FUNCTION cases_closed_at();
      ALTER TABLE cases DROP COLUMN closed_at;
    `);
  }
}
