import { MigrationInterface, QueryRunner } from 'typeorm';
import { AccountProduct, AlertStatus, DEFAULT_THRESHOLDS, MAX_SIGNAL_AMOUNT, NATIONAL_THRESHOLD_REGION, RiskRule, RiskSignalKind } from '@caselink/domain';
import { APP_ROLE, LINKER_ROLE } from '../roles';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/**
 * Risk signals and alerts (issue 6, part 3). Banks and telecoms report events (account openings, SIM
 * registrations, cash withdrawals, transfers); the worker's rules raise alerts with thresholds set per region;
 * an alert whose identifiers match a case's becomes a lead on that case. Subjects are a keyed hash of the ID
 * number (as suspects' are), never the number.
 *
 * Who sees what: a reporter its own signals and the alerts raised from them (and of those, the identifiers that
 * came from its own signals); police the alerts of their region (a province bureau its province and its cities,
 * a city bureau its city, the national centre all); whoever may read a case its leads, and through them the
 * alerts. The region's police learn of a lead on a case they may not read only what a blind hit tells: which
 * agency holds a case with the matched value (alert_region_leads), never the case's id or number. Evaluation
 * crosses reporters (accounts across banks) and matches alerts against every case's identifiers: the worker
 * does it as the linking role, which already reads identifier values of every case and nothing else of them;
 * the app role gains no cross-agency read here.
 */
export class RiskSignals1764700000000 implements MigrationInterface {
  name = 'RiskSignals1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_signal_uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        created_by uuid NOT NULL REFERENCES users(id),
        file_name text NOT NULL,
        storage_key text NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        rows_total int,
        -- Data rows read and settled (stored, duplicate or refused), in the same transaction as their batch:
        -- a restarted job resumes after them.
        rows_done int NOT NULL DEFAULT 0,
        accepted int NOT NULL DEFAULT 0,
        duplicates int NOT NULL DEFAULT 0,
        error_rows int NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX risk_signal_uploads_agency_idx ON risk_signal_uploads (agency_id, created_at DESC);

      CREATE TABLE risk_signals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reporting_agency_id uuid NOT NULL REFERENCES agencies(id),
        kind text NOT NULL CHECK (kind IN (${list(Object.values(RiskSignalKind))})),
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
        occurred_at timestamptz NOT NULL,
        region text NOT NULL CHECK (region ~ '^[0-9]{6}$'),
        subject_hash bytea CHECK (octet_length(subject_hash) = 32),
        account text,
        account_kind text CHECK (account_kind IN ('BANK_CARD','BANK_ACCOUNT')),
        product text CHECK (product IN (${list(Object.values(AccountProduct))})),
        phone text,
        -- Bounded so that sums of a day's withdrawals stay far from any limit (the api refuses more first).
        amount numeric(18,2) CHECK (amount > 0 AND amount <= ${MAX_SIGNAL_AMOUNT}),
        direction text CHECK (direction IN ('IN','OUT')),
        counterpart text,
        counterpart_kind text CHECK (counterpart_kind IN ('BANK_CARD','BANK_ACCOUNT')),
        upload_id uuid REFERENCES risk_signal_uploads(id) ON DELETE SET NULL,
        -- The unit of evaluation: one reportRiskSignals call or one batch of an upload (its job id).
        batch_id text NOT NULL,
        reported_by uuid REFERENCES users(id),
        reported_at timestamptz NOT NULL DEFAULT now(),
        evaluated_at timestamptz,
        CONSTRAINT risk_signals_reference_key UNIQUE (reporting_agency_id, reference),
        CHECK ((account IS NULL) = (account_kind IS NULL) AND (counterpart IS NULL) = (counterpart_kind IS NULL)),
        CHECK (kind <> 'ACCOUNT_OPENING' OR (subject_hash IS NOT NULL AND account IS NOT NULL AND product IS NOT NULL)),
        CHECK (kind <> 'SIM_REGISTRATION' OR (subject_hash IS NOT NULL AND phone IS NOT NULL)),
        CHECK (kind <> 'CASH_WITHDRAWAL' OR (account IS NOT NULL AND amount IS NOT NULL)),
        CHECK (kind <> 'TRANSFER' OR (account IS NOT NULL AND amount IS NOT NULL AND direction IS NOT NULL))
      );
      CREATE INDEX risk_signals_account_idx ON risk_signals (reporting_agency_id, account, kind, occurred_at) WHERE account IS NOT NULL;
      CREATE INDEX risk_signals_subject_idx ON risk_signals (subject_hash, kind) WHERE subject_hash IS NOT NULL;
      CREATE INDEX risk_signals_list_idx ON risk_signals (reporting_agency_id, reported_at DESC, id DESC);
      -- What the evaluation and its sweep look for; small, since evaluated rows leave it.
      CREATE INDEX risk_signals_pending_idx ON risk_signals (batch_id) WHERE evaluated_at IS NULL;
      COMMENT ON COLUMN risk_signals.subject_hash IS 'HMAC-SHA256 of the canonical ID number under SUBJECT_HASH_KEY (as suspects.subject_hash); never the number';

      CREATE TABLE risk_thresholds (
        region text NOT NULL CHECK (region ~ '^[0-9]{6}$'),
        rule text NOT NULL CHECK (rule IN (${list(Object.values(RiskRule))})),
        value numeric(18,2) NOT NULL CHECK (value > 0),
        set_by uuid REFERENCES users(id),
        set_by_agency uuid REFERENCES agencies(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region, rule)
      );

      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Rule, reporter or subject, account and window: the same crossing evaluated twice is one alert, and a
        -- later crossing in the same window updates it.
        alert_key text NOT NULL CONSTRAINT alerts_alert_key_key UNIQUE,
        rule text NOT NULL CHECK (rule IN (${list(Object.values(RiskRule))})),
        region text NOT NULL CHECK (region ~ '^[0-9]{6}$'),
        reporting_agency_id uuid NOT NULL REFERENCES agencies(id),
        subject_hash bytea CHECK (octet_length(subject_hash) = 32),
        -- Unbounded: a sum of signals' amounts must never fail the evaluation's INSERT (its job would retry forever).
        observed numeric NOT NULL,
        threshold numeric(18,2) NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        signal_count int NOT NULL CHECK (signal_count > 0),
        status text NOT NULL DEFAULT 'NEW' CHECK (status IN (${list(Object.values(AlertStatus))})),
        status_note text CHECK (length(status_note) <= 2000),
        status_by uuid REFERENCES users(id),
        status_at timestamptz,
        raised_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (window_end >= window_start)
      );
      CREATE INDEX alerts_region_idx ON alerts (region, raised_at DESC, id DESC);
      CREATE INDEX alerts_reporter_idx ON alerts (reporting_agency_id, raised_at DESC, id DESC);
      CREATE INDEX alerts_list_idx ON alerts (raised_at DESC, id DESC);

      -- The accounts and phones behind an alert, each with the reporter whose signal carried it (a bank sees its
      -- own accounts of an accounts-across-banks alert, not the other banks').
      CREATE TABLE alert_identifiers (
        alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('BANK_CARD','BANK_ACCOUNT','PHONE')),
        value text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        alert_region text NOT NULL,
        PRIMARY KEY (alert_id, kind, value)
      );
      CREATE INDEX alert_identifiers_value_idx ON alert_identifiers (kind, value);

      CREATE TABLE alert_leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        -- Copied by the worker: the read policy compares it without joining cases, and alert_region_leads tells
        -- the region's police whose case it is. The case number is read from cases, under the reader's policy.
        case_owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        alert_region text NOT NULL,
        matched_kind text NOT NULL,
        matched_value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alert_leads_alert_case_key UNIQUE (alert_id, case_id)
      );
      CREATE INDEX alert_leads_case_idx ON alert_leads (case_id);
    `);

    await q.query(`
      -- Whether a police agency of region p_agency covers an event in p_region (libs/domain regionCovers).
      CREATE FUNCTION risk_region_covers(p_agency text, p_region text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN p_agency IS NULL OR p_region IS NULL THEN false
          WHEN p_agency = '100000' THEN true
          WHEN p_agency LIKE '__0000' THEN left(p_region, 2) = left(p_agency, 2)
          WHEN p_agency LIKE '____00' THEN left(p_region, 4) = left(p_agency, 4)
          ELSE p_region = p_agency END
      $$;
      -- The acting agency's region when it is police, else null. Invoker's rights: an agency reads its own row.
      CREATE FUNCTION app_police_region() RETURNS text LANGUAGE sql STABLE AS $$
        SELECT a.region FROM agencies a WHERE a.id = app_agency() AND a.kind = 'POLICE'
      $$;
      -- The threshold of a rule for a region: the region itself, its city, its province, then the national default.
      CREATE FUNCTION risk_threshold(p_region text, p_rule text) RETURNS numeric LANGUAGE sql STABLE AS $$
        SELECT t.value FROM risk_thresholds t
        WHERE t.rule = p_rule AND t.region IN (p_region, left(p_region, 4) || '00', left(p_region, 2) || '0000', '${NATIONAL_THRESHOLD_REGION}')
        ORDER BY CASE t.region WHEN p_region THEN 0 WHEN left(p_region, 4) || '00' THEN 1 WHEN left(p_region, 2) || '0000' THEN 2 ELSE 3 END
        LIMIT 1
      $$;

      ALTER TABLE risk_signal_uploads ENABLE ROW LEVEL SECURITY;
      ALTER TABLE risk_signal_uploads FORCE ROW LEVEL SECURITY;
      CREATE POLICY risk_signal_uploads_own ON risk_signal_uploads FOR ALL TO ${APP_ROLE}
        USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency() AND agency_kind(app_agency()) IN ('BANK','TELECOM'));
      -- The sweep finds uploads whose job Redis lost (ids and states only).
      CREATE POLICY risk_signal_uploads_linker ON risk_signal_uploads FOR SELECT TO ${LINKER_ROLE} USING (true);

      ALTER TABLE risk_signals ENABLE ROW LEVEL SECURITY;
      ALTER TABLE risk_signals FORCE ROW LEVEL SECURITY;
      CREATE POLICY risk_signals_own ON risk_signals FOR SELECT TO ${APP_ROLE} USING (reporting_agency_id = app_agency());
      -- Banks report accounts and money, telecoms SIM cards; in their own name only.
      CREATE POLICY risk_signals_report ON risk_signals FOR INSERT TO ${APP_ROLE} WITH CHECK (
        reporting_agency_id = app_agency()
        AND agency_kind(app_agency()) = CASE WHEN kind = 'SIM_REGISTRATION' THEN 'TELECOM' ELSE 'BANK' END);
      CREATE POLICY risk_signals_linker ON risk_signals FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      ALTER TABLE risk_thresholds ENABLE ROW LEVEL SECURITY;
      ALTER TABLE risk_thresholds FORCE ROW LEVEL SECURITY;
      -- Police, banks and telecoms (a reporter sees the lines it is measured against); not foreign partners.
      CREATE POLICY risk_thresholds_read ON risk_thresholds FOR SELECT TO ${APP_ROLE} USING ((SELECT agency_kind(app_agency())) IN ('POLICE','BANK','TELECOM'));
      -- Police set thresholds for regions they cover (roles are checked by the api); the national centre the defaults.
      CREATE POLICY risk_thresholds_set ON risk_thresholds FOR INSERT TO ${APP_ROLE}
        WITH CHECK (risk_region_covers((SELECT app_police_region()), region) AND set_by_agency = app_agency());
      CREATE POLICY risk_thresholds_change ON risk_thresholds FOR UPDATE TO ${APP_ROLE}
        USING (risk_region_covers((SELECT app_police_region()), region))
        WITH CHECK (risk_region_covers((SELECT app_police_region()), region) AND set_by_agency = app_agency());
      CREATE POLICY risk_thresholds_linker ON risk_thresholds FOR SELECT TO ${LINKER_ROLE} USING (true);

      ALTER TABLE alert_leads ENABLE ROW LEVEL SECURITY;
      ALTER TABLE alert_leads FORCE ROW LEVEL SECURITY;
      -- Whoever reads the case (owner, share, task force: cases_read set-wise, as suspects_read). The alert's
      -- region's police get what a blind hit tells through alert_region_leads, not these rows.
      CREATE POLICY alert_leads_read ON alert_leads FOR SELECT TO ${APP_ROLE} USING (
        case_owner_agency_id = (SELECT app_agency()) OR case_id IN (SELECT g FROM app_granted_cases() g));
      CREATE POLICY alert_leads_linker ON alert_leads FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      -- For the police of the alerts' region, the leads on cases they may not read: the agency holding the case and
      -- the matched value, as a blind hit tells; no case id or number crosses the wall. Leads they may read come
      -- from alert_leads itself.
      CREATE FUNCTION alert_region_leads(p_alerts uuid[])
      RETURNS TABLE (id uuid, alert_id uuid, owner_agency_id uuid, matched_kind text, matched_value text, created_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT l.id, l.alert_id, l.case_owner_agency_id, l.matched_kind, l.matched_value, l.created_at
        FROM alert_leads l
        WHERE l.alert_id = ANY(p_alerts)
          AND app_agency() IS NOT NULL
          AND risk_region_covers(app_police_region(), l.alert_region)
          AND l.case_owner_agency_id <> app_agency()
          AND l.case_id NOT IN (SELECT g FROM app_granted_cases() g)
        ORDER BY l.created_at, l.id
      $$;
      REVOKE ALL ON FUNCTION alert_region_leads(uuid[]) FROM PUBLIC;

      ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
      ALTER TABLE alerts FORCE ROW LEVEL SECURITY;
      CREATE POLICY alerts_read ON alerts FOR SELECT TO ${APP_ROLE} USING (
        reporting_agency_id = (SELECT app_agency())
        OR risk_region_covers((SELECT app_police_region()), region)
        OR EXISTS (SELECT 1 FROM alert_leads l WHERE l.alert_id = alerts.id));
      -- The region's police acknowledge or dismiss (column grants keep the rest fixed).
      CREATE POLICY alerts_status ON alerts FOR UPDATE TO ${APP_ROLE}
        USING (risk_region_covers((SELECT app_police_region()), region))
        WITH CHECK (risk_region_covers((SELECT app_police_region()), region));
      CREATE POLICY alerts_linker ON alerts FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      ALTER TABLE alert_identifiers ENABLE ROW LEVEL SECURITY;
      ALTER TABLE alert_identifiers FORCE ROW LEVEL SECURITY;
      CREATE POLICY alert_identifiers_read ON alert_identifiers FOR SELECT TO ${APP_ROLE} USING (
        (agency_id = (SELECT app_agency()) AND EXISTS (
          SELECT 1 FROM alerts a WHERE a.id = alert_identifiers.alert_id AND a.reporting_agency_id = (SELECT app_agency())))
        OR risk_region_covers((SELECT app_police_region()), alert_region)
        OR EXISTS (SELECT 1 FROM alert_leads l WHERE l.alert_id = alert_identifiers.alert_id));
      CREATE POLICY alert_identifiers_linker ON alert_identifiers FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      -- What else the rules engine reads: agencies' kind and region (public directory facts), police users to
      -- notify (ids and roles, not names or e-mails), suspects' subject hashes (to match subjects to cases).
      CREATE POLICY agencies_risk_linker ON agencies FOR SELECT TO ${LINKER_ROLE} USING (true);
      CREATE POLICY users_risk_linker ON users FOR SELECT TO ${LINKER_ROLE}
        USING (EXISTS (SELECT 1 FROM agencies a WHERE a.id = users.agency_id AND a.kind = 'POLICE'));
      CREATE POLICY suspects_risk_linker ON suspects FOR SELECT TO ${LINKER_ROLE} USING (subject_hash IS NOT NULL);
      CREATE POLICY notifications_risk_linker ON notifications FOR INSERT TO ${LINKER_ROLE} WITH CHECK (kind IN ('ALERT_RAISED','ALERT_LEAD'));
      CREATE POLICY notifications_risk_linker_keys ON notifications FOR SELECT TO ${LINKER_ROLE} USING (kind IN ('ALERT_RAISED','ALERT_LEAD'));
    `);

    await q.query(`
      GRANT EXECUTE ON FUNCTION risk_region_covers(text, text), app_police_region(), risk_threshold(text, text) TO ${APP_ROLE}, ${LINKER_ROLE};
      GRANT SELECT, INSERT, UPDATE (status, rows_total, rows_done, accepted, duplicates, error_rows, errors, failure, started_at, finished_at)
        ON risk_signal_uploads TO ${APP_ROLE};
      GRANT SELECT, INSERT ON risk_signals TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE (value, set_by, set_by_agency, updated_at) ON risk_thresholds TO ${APP_ROLE};
      GRANT SELECT, UPDATE (status, status_note, status_by, status_at, updated_at) ON alerts TO ${APP_ROLE};
      GRANT SELECT ON alert_identifiers, alert_leads TO ${APP_ROLE};
      GRANT EXECUTE ON FUNCTION alert_region_leads(uuid[]) TO ${APP_ROLE};

      GRANT SELECT, UPDATE (evaluated_at) ON risk_signals TO ${LINKER_ROLE};
      GRANT SELECT ON risk_thresholds TO ${LINKER_ROLE};
      GRANT SELECT (id, agency_id, status, created_at) ON risk_signal_uploads TO ${LINKER_ROLE};
      GRANT SELECT, INSERT, UPDATE ON alerts, alert_identifiers, alert_leads TO ${LINKER_ROLE};
      GRANT SELECT (id, kind, region) ON agencies TO ${LINKER_ROLE};
      GRANT SELECT (id, agency_id, roles, active) ON users TO ${LINKER_ROLE};
      GRANT SELECT (case_id, subject_hash) ON suspects TO ${LINKER_ROLE};
      -- suspects_read (for every role) calls it; without an agency it returns nothing, the linker's own policy applies.
      GRANT EXECUTE ON FUNCTION app_granted_cases() TO ${LINKER_ROLE};
    `);

    for (const [rule, value] of Object.entries(DEFAULT_THRESHOLDS)) {
      await q.query('INSERT INTO risk_thresholds (region, rule, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [NATIONAL_THRESHOLD_REGION, rule, value]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY agencies_risk_linker ON agencies;
      DROP POLICY users_risk_linker ON users;
      DROP POLICY suspects_risk_linker ON suspects;
      DROP POLICY notifications_risk_linker ON notifications;
      DROP POLICY notifications_risk_linker_keys ON notifications;
      REVOKE SELECT (id, kind, region) ON agencies FROM ${LINKER_ROLE};
      REVOKE SELECT (id, agency_id, roles, active) ON users FROM ${LINKER_ROLE};
      REVOKE SELECT (case_id, subject_hash) ON suspects FROM ${LINKER_ROLE};
      REVOKE EXECUTE ON FUNCTION app_granted_cases() FROM ${LINKER_ROLE};
      DROP FUNCTION alert_region_leads(uuid[]);
      DROP TABLE alert_leads, alert_identifiers, alerts, risk_thresholds, risk_signals, risk_signal_uploads;
      DROP FUNCTION risk_region_covers(text, text), app_police_region(), risk_threshold(text, text);
    `);
  }
}
