import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_DEADLINES } from '@caselink/domain';
import { APP_ROLE } from '../roles';

/**
 * Requests between agencies: freezes (police → bank), telecom requests (police → telecom) and
 * cooperation requests (police → foreign partner), with a timeline/thread of events, explicit
 * attachments for cooperation, answer deadlines held as data, and read marks for unread counts.
 *
 * The addressed agency sees a request once it is sent, and only what is on the request row: the case
 * number and fraud type are copied there at sending, so a bank or partner never reads the case tables.
 * Banks' downstream transfers enter the case through one SECURITY DEFINER function that checks the
 * caller is the addressed bank of an answerable freeze.
 */
export class Requests1764400000000 implements MigrationInterface {
  name = 'Requests1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_deadline_rules (
        type text NOT NULL,
        kind text NOT NULL,
        urgency text NOT NULL CHECK (urgency IN ('URGENT','NORMAL')),
        answer_within interval NOT NULL CHECK (answer_within > interval '0'),
        PRIMARY KEY (type, kind, urgency)
      );

      CREATE TABLE request_counters (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        year int NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (agency_id, year)
      );

      CREATE TABLE agency_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('FREEZE','TELECOM','COOPERATION')),
        kind text NOT NULL,
        reference text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        case_number text NOT NULL,
        fraud_type text NOT NULL,
        from_agency_id uuid NOT NULL REFERENCES agencies(id),
        to_agency_id uuid NOT NULL REFERENCES agencies(id),
        created_by uuid NOT NULL REFERENCES users(id),
        state text NOT NULL DEFAULT 'DRAFT',
        urgency text NOT NULL CHECK (urgency IN ('URGENT','NORMAL')),
        legal_basis_doc text CHECK (length(legal_basis_doc) <= 100),
        legal_basis text CHECK (legal_basis IN ('TREATY','MUTUAL_LEGAL_ASSISTANCE','RECIPROCITY')),
        -- freeze
        account text,
        account_kind text,
        account_canonical text,
        bank_name text,
        amount numeric(18,2) CHECK (amount > 0),
        amount_held numeric(18,2) CHECK (amount_held >= 0),
        balance numeric(18,2) CHECK (balance >= 0),
        extensions int NOT NULL DEFAULT 0,
        held_at timestamptz,
        expires_at timestamptz,
        expiry_warned_at timestamptz,
        source_transfer_id uuid REFERENCES transfers(id) ON DELETE SET NULL,
        -- telecom
        target_kind text,
        target_value text,
        target_canonical text,
        subscriber jsonb,
        -- cooperation
        subjects jsonb,
        summary text CHECK (length(summary) <= 4000),
        -- answers and clock
        answer_note text CHECK (length(answer_note) <= 2000),
        deadline_at timestamptz,
        sent_at timestamptz,
        acknowledged_at timestamptz,
        answered_at timestamptz,
        overdue_at timestamptz,
        version int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- References are per sending agency (region, year, sequence), as case numbers are.
        CONSTRAINT agency_requests_reference_key UNIQUE (from_agency_id, reference),
        CHECK (from_agency_id <> to_agency_id),
        CHECK (type <> 'FREEZE' OR (account_canonical IS NOT NULL AND amount IS NOT NULL AND legal_basis_doc IS NOT NULL)),
        CHECK (type <> 'TELECOM' OR (target_canonical IS NOT NULL AND legal_basis_doc IS NOT NULL)),
        CHECK (type <> 'COOPERATION' OR (legal_basis IS NOT NULL AND summary IS NOT NULL))
      );
      -- Sending the same freeze twice (case, account, kind) finds the live one instead of a second.
      CREATE UNIQUE INDEX agency_requests_live_freeze ON agency_requests (case_id, account_canonical, kind)
        WHERE type = 'FREEZE' AND state NOT IN ('NO_FUNDS','ACCOUNT_NOT_FOUND','REJECTED','RELEASED','EXPIRED');
      CREATE INDEX agency_requests_inbox_idx ON agency_requests (to_agency_id, updated_at DESC, id DESC) WHERE sent_at IS NOT NULL;
      CREATE INDEX agency_requests_outbox_idx ON agency_requests (from_agency_id, updated_at DESC, id DESC);
      CREATE INDEX agency_requests_case_idx ON agency_requests (case_id);
      CREATE INDEX agency_requests_due_idx ON agency_requests (deadline_at) WHERE overdue_at IS NULL AND state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS');
      CREATE INDEX agency_requests_expiry_idx ON agency_requests (expires_at) WHERE state IN ('FROZEN','PARTIALLY_FROZEN','EXTENDED');

      -- The timeline: state changes, answers and messages, written by either side.
      CREATE TABLE request_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES agency_requests(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        author_id uuid REFERENCES users(id),
        author_name text,
        kind text NOT NULL CHECK (kind IN ('STATE','MESSAGE','OVERDUE','EXPIRY_WARNING')),
        from_state text,
        to_state text,
        body text CHECK (length(body) <= 8000),
        data jsonb,
        dedupe_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX request_events_request_idx ON request_events (request_id, created_at);

      -- Cooperation attachments the sender chose for the partner, each with its handling code.
      CREATE TABLE request_attachments (
        request_id uuid NOT NULL REFERENCES agency_requests(id) ON DELETE CASCADE,
        attachment_id uuid NOT NULL REFERENCES attachments(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        may_pass_on boolean NOT NULL,
        may_use_in_court boolean NOT NULL,
        must_ask_before_acting boolean NOT NULL,
        added_by uuid NOT NULL REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (request_id, attachment_id)
      );

      -- What each user has read: unread = the request changed (version) since.
      CREATE TABLE request_reads (
        user_id uuid NOT NULL REFERENCES users(id),
        request_id uuid NOT NULL REFERENCES agency_requests(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        read_version int NOT NULL,
        PRIMARY KEY (user_id, request_id)
      );
    `);

    await q.query(`
      CREATE FUNCTION app_sees_request(p_request uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM agency_requests r WHERE r.id = p_request)
      $$;

      ALTER TABLE agency_requests ENABLE ROW LEVEL SECURITY;
      ALTER TABLE agency_requests FORCE ROW LEVEL SECURITY;
      -- The addressed agency sees a request once it has been sent (a draft withdrawn unsent stays unseen).
      CREATE POLICY agency_requests_read ON agency_requests FOR SELECT
        USING (from_agency_id = app_agency() OR (to_agency_id = app_agency() AND sent_at IS NOT NULL));
      CREATE POLICY agency_requests_send ON agency_requests FOR INSERT WITH CHECK (
        from_agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE' AND app_can_read_case(case_id)
        AND agency_kind(to_agency_id) = CASE type WHEN 'FREEZE' THEN 'BANK' WHEN 'TELECOM' THEN 'TELECOM' ELSE 'FOREIGN_PARTNER' END);
      CREATE POLICY agency_requests_change ON agency_requests FOR UPDATE
        USING (from_agency_id = app_agency() OR (to_agency_id = app_agency() AND sent_at IS NOT NULL))
        WITH CHECK (from_agency_id = app_agency() OR to_agency_id = app_agency());

      -- What each side may change (the column grants below keep the request's identity fixed: type, kind,
      -- case, agencies, reference, account, target, amount asked): the sender its sending, legal documents and
      -- holds it extends; the addressed agency its answer. The clock (overdue, warnings) acts as the sender.
      CREATE FUNCTION agency_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF app_agency() = OLD.to_agency_id AND app_agency() <> OLD.from_agency_id THEN
          IF (NEW.legal_basis_doc, NEW.deadline_at, NEW.sent_at, NEW.overdue_at, NEW.extensions, NEW.expiry_warned_at)
             IS DISTINCT FROM (OLD.legal_basis_doc, OLD.deadline_at, OLD.sent_at, OLD.overdue_at, OLD.extensions, OLD.expiry_warned_at) THEN
            RAISE EXCEPTION 'the addressed agency changes only its answer' USING ERRCODE = '42501';
          END IF;
        ELSIF app_agency() = OLD.from_agency_id THEN
          IF (NEW.amount_held, NEW.balance, NEW.subscriber, NEW.answer_note, NEW.acknowledged_at, NEW.answered_at, NEW.held_at)
             IS DISTINCT FROM (OLD.amount_held, OLD.balance, OLD.subscriber, OLD.answer_note, OLD.acknowledged_at, OLD.answered_at, OLD.held_at)
             AND NOT (OLD.state = 'SENT' AND NEW.state = 'WITHDRAWN') THEN
            RAISE EXCEPTION 'the sending agency does not write the answer' USING ERRCODE = '42501';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agency_requests_guard BEFORE UPDATE ON agency_requests FOR EACH ROW EXECUTE FUNCTION agency_requests_guard();

      ALTER TABLE request_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE request_events FORCE ROW LEVEL SECURITY;
      CREATE POLICY request_events_read ON request_events FOR SELECT USING (app_sees_request(request_id));
      CREATE POLICY request_events_write ON request_events FOR INSERT WITH CHECK (agency_id = app_agency() AND app_sees_request(request_id));

      ALTER TABLE request_attachments ENABLE ROW LEVEL SECURITY;
      ALTER TABLE request_attachments FORCE ROW LEVEL SECURITY;
      CREATE POLICY request_attachments_read ON request_attachments FOR SELECT USING (app_sees_request(request_id));
      -- Only the sender, onto its own cooperation draft, and only evidence of that request's case it can read.
      CREATE POLICY request_attachments_add ON request_attachments FOR INSERT WITH CHECK (
        agency_id = app_agency() AND EXISTS (
          SELECT 1 FROM agency_requests r JOIN attachments a ON a.id = attachment_id AND a.case_id = r.case_id
          WHERE r.id = request_id AND r.from_agency_id = app_agency() AND r.type = 'COOPERATION' AND r.state = 'DRAFT'));

      ALTER TABLE request_reads ENABLE ROW LEVEL SECURITY;
      ALTER TABLE request_reads FORCE ROW LEVEL SECURITY;
      CREATE POLICY request_reads_own ON request_reads FOR ALL
        USING (user_id = app_user() AND agency_id = app_agency()) WITH CHECK (user_id = app_user() AND agency_id = app_agency() AND app_sees_request(request_id));

      ALTER TABLE request_counters ENABLE ROW LEVEL SECURITY;
      ALTER TABLE request_counters FORCE ROW LEVEL SECURITY;
      CREATE POLICY request_counters_own ON request_counters FOR ALL USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency());

      -- Deadlines are public rules, not anyone's records.
      ALTER TABLE request_deadline_rules ENABLE ROW LEVEL SECURITY;
      ALTER TABLE request_deadline_rules FORCE ROW LEVEL SECURITY;
      CREATE POLICY request_deadline_rules_read ON request_deadline_rules FOR SELECT USING (true);
      CREATE POLICY request_deadline_rules_national ON request_deadline_rules FOR UPDATE USING (app_is_national_admin()) WITH CHECK (app_is_national_admin());
    `);

    await q.query(`
      -- A bank's answer to a freeze carries where the money went next: transfers out of the frozen
      -- account, added to the case (and, through their identifiers, to linking and fund tracing). The
      -- bank cannot write to the case tables; this function checks it is the addressed bank of a freeze
      -- it may still answer, and writes exactly those rows. Values arrive normalised by the api.
      CREATE FUNCTION record_downstream_transfers(p_request uuid, p_rows jsonb) RETURNS int
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE r agency_requests; row jsonb; t_id uuid; n int := 0;
      BEGIN
        SELECT * INTO r FROM agency_requests WHERE id = p_request;
        IF r.id IS NULL OR r.type <> 'FREEZE' OR r.to_agency_id IS DISTINCT FROM app_agency() OR r.state NOT IN ('SENT','ACKNOWLEDGED') THEN
          RAISE EXCEPTION 'not an answerable freeze of the calling bank' USING ERRCODE = '42501';
        END IF;
        FOR row IN SELECT * FROM jsonb_array_elements(p_rows) LOOP
          INSERT INTO transfers (case_id, agency_id, source, from_account, to_account, bank, amount, occurred_at, channel,
                                 from_kind, from_canonical, to_kind, to_canonical)
          VALUES (r.case_id, app_agency(), 'BANK_RESPONSE', r.account, row->>'toAccount', row->>'bank', (row->>'amount')::numeric,
                  (row->>'occurredAt')::timestamptz, 'BANK_TRANSFER', r.account_kind, r.account_canonical, row->>'toKind', row->>'toCanonical')
          RETURNING id INTO t_id;
          INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, transfer_id, note)
          VALUES (r.case_id, app_agency(), row->>'toKind', row->>'toAccount', row->>'toCanonical', 'BANK_RESPONSE', t_id, 'downstream of ' || r.reference);
          n := n + 1;
        END LOOP;
        RETURN n;
      END $$;

      -- Work the clock owes: unanswered requests past their deadline, holds about to lapse or lapsed.
      -- The worker's sweep reads it (ids and agencies only) outside any agency's transaction, then acts
      -- as each sending agency; a session acting for an agency gets nothing from it.
      CREATE FUNCTION requests_due() RETURNS TABLE (id uuid, from_agency_id uuid, due text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT * FROM (
        SELECT r.id, r.from_agency_id, 'ANSWER' FROM agency_requests r
          WHERE r.overdue_at IS NULL AND r.state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS') AND r.deadline_at <= now()
        UNION ALL
        SELECT r.id, r.from_agency_id, 'EXPIRY' FROM agency_requests r
          WHERE r.state IN ('FROZEN','PARTIALLY_FROZEN','EXTENDED') AND r.expires_at <= now()
        UNION ALL
        SELECT r.id, r.from_agency_id, 'EXPIRY_WARNING' FROM agency_requests r
          WHERE r.state IN ('FROZEN','PARTIALLY_FROZEN','EXTENDED') AND r.expiry_warned_at IS NULL
            AND r.expires_at - CASE r.kind WHEN 'EMERGENCY_STOP' THEN interval '6 hours' ELSE interval '7 days' END <= now()
        ) due WHERE app_agency() IS NULL
        LIMIT 1000
      $$;
      -- A file chosen for a cooperation request, for either party (the partner never reads the case):
      -- only attachments the sender attached, only to the two agencies of a sent request.
      CREATE FUNCTION request_attachment_file(p_request uuid, p_attachment uuid)
      RETURNS TABLE (file_name text, content_type text, size_bytes bigint, sha256 text, storage_key text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id AND ra.attachment_id = p_attachment
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND (r.from_agency_id = app_agency() OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
      $$;
      -- File facts (name, size, hash) of a request's attachments for its parties; no storage key.
      CREATE FUNCTION request_attachment_list(p_request uuid)
      RETURNS TABLE (attachment_id uuid, file_name text, size_bytes bigint, sha256 text, may_pass_on boolean, may_use_in_court boolean, must_ask_before_acting boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.id, a.file_name, a.size_bytes, a.sha256, ra.may_pass_on, ra.may_use_in_court, ra.must_ask_before_acting
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND (r.from_agency_id = app_agency() OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
        ORDER BY ra.added_at, a.file_name
      $$;
      REVOKE ALL ON FUNCTION record_downstream_transfers(uuid, jsonb), requests_due(), request_attachment_file(uuid, uuid), request_attachment_list(uuid) FROM PUBLIC;

      GRANT SELECT, INSERT ON agency_requests TO ${APP_ROLE};
      GRANT UPDATE (state, legal_basis_doc, amount_held, balance, extensions, held_at, expires_at, expiry_warned_at, subscriber, answer_note,
                    deadline_at, sent_at, acknowledged_at, answered_at, overdue_at, version, updated_at) ON agency_requests TO ${APP_ROLE};
      GRANT SELECT, INSERT ON request_events, request_attachments TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON request_reads, request_counters TO ${APP_ROLE};
      GRANT SELECT, UPDATE (answer_within) ON request_deadline_rules TO ${APP_ROLE};
      GRANT EXECUTE ON FUNCTION record_downstream_transfers(uuid, jsonb), requests_due(), request_attachment_file(uuid, uuid), request_attachment_list(uuid) TO ${APP_ROLE};
    `);

    for (const d of DEFAULT_DEADLINES) {
      await q.query(`INSERT INTO request_deadline_rules (type, kind, urgency, answer_within) VALUES ($1, $2, $3, $4 * interval '1 millisecond')`, [
        d.type, d.kind, d.urgency, d.answerWithinMs,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION record_downstream_transfers(uuid, jsonb), requests_due(), request_attachment_file(uuid, uuid), request_attachment_list(uuid);
      DROP TABLE request_reads, request_attachments, request_events, agency_requests, request_counters, request_deadline_rules;
      DROP FUNCTION agency_requests_guard();
      DROP FUNCTION app_sees_request(uuid);
    `);
  }
}
