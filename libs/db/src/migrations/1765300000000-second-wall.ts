import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  allowedCaseTransitions, allowedRequestTransitions, CaseStatus, FreezeKind, holdPeriod, HOLDING_STATES, RequestParty, RequestState,
  requestTransitionProblem, RequestType,
} from '@caselink/domain';
import { APP_ROLE } from '../roles';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const PARTIES = Object.keys({ SENDER: true, RECIPIENT: true, SYSTEM: true } satisfies Record<RequestParty, true>) as RequestParty[];
const S = RequestState;

/**
 * Columns that say whose a row is and what it belongs to (owner, case, sender, addressee, author): fixed once
 * written, for every role. Left out on purpose: the linker's derived tables (evidence_postings, series_members,
 * evidence_series, evidence_changes, bulletin_hits: rebuilt from identifiers, a relink repairs them), the append-only
 * audit_events, and foreign keys that ON DELETE SET NULL rewrites (task_force_tasks.case_id, import_rows.statement_id,
 * agency_requests.source_transfer_id, risk_signals.upload_id).
 */
const FIXED: Record<string, string[]> = {
  agencies: ['id'],
  users: ['id', 'agency_id'],
  refresh_sessions: ['id', 'user_id', 'agency_id', 'family_id', 'token_hash'],
  notifications: ['id', 'agency_id', 'user_id', 'dedupe_key'],
  cases: ['id', 'agency_id', 'case_number', 'created_by'],
  case_number_counters: ['agency_id', 'year'],
  case_shares: ['id', 'case_id', 'owner_agency_id', 'agency_id', 'granted_by'],
  access_requests: ['id', 'case_id', 'owner_agency_id', 'requesting_agency_id', 'requested_by'],
  victims: ['id', 'case_id', 'agency_id'],
  victim_statements: ['id', 'case_id', 'victim_id', 'agency_id', 'taken_by'],
  transfers: ['id', 'case_id', 'statement_id', 'agency_id', 'source'],
  identifiers: ['id', 'case_id', 'agency_id', 'statement_id', 'transfer_id', 'source', 'created_by'],
  attachments: ['id', 'case_id', 'statement_id', 'agency_id', 'uploaded_by'],
  imports: ['id', 'case_id', 'agency_id', 'created_by'],
  import_rows: ['import_id', 'row_number', 'agency_id'],
  fund_traces: ['id', 'agency_id', 'case_id', 'transfer_id', 'requested_by'],
  relink_runs: ['id', 'agency_id', 'requested_by'],
  agency_requests: ['id', 'type', 'kind', 'reference', 'case_id', 'from_agency_id', 'to_agency_id', 'created_by'],
  request_events: ['id', 'request_id', 'agency_id', 'author_id'],
  request_attachments: ['request_id', 'attachment_id', 'agency_id'],
  request_reads: ['user_id', 'request_id', 'agency_id'],
  request_counters: ['agency_id', 'year'],
  request_deadline_rules: ['type', 'kind', 'urgency'],
  suspects: ['id', 'case_id', 'agency_id', 'owner_agency_id', 'created_by'],
  task_forces: ['id', 'lead_agency_id', 'created_by'],
  task_force_agencies: ['task_force_id', 'agency_id', 'added_by'],
  task_force_cases: ['task_force_id', 'case_id', 'added_by'],
  task_force_tasks: ['id', 'task_force_id', 'created_by'],
  risk_signal_uploads: ['id', 'agency_id', 'created_by'],
  risk_signals: ['id', 'reporting_agency_id', 'reported_by'],
  risk_thresholds: ['region', 'rule'],
  alerts: ['id', 'alert_key', 'rule', 'region', 'reporting_agency_id'],
  alert_identifiers: ['alert_id', 'agency_id'],
  alert_leads: ['id', 'alert_id', 'case_id', 'case_owner_agency_id'],
  bulletins: ['id', 'publisher_agency_id', 'published_by'],
  bulletin_recipients: ['bulletin_id'],
  bulletin_identifiers: ['bulletin_id'],
  bulletin_reads: ['bulletin_id', 'user_id', 'agency_id'],
  warninglist_entries: ['id', 'agency_id', 'added_by'],
  evidence_hubs: ['kind', 'canonical'],
};

/** WITH CHECKs that let a row leave its owner (or a case enter a task force without its owner), and what they were. */
const CHECKS: Array<{ policy: string; table: string; check: string; was: string }> = [
  // A CONTRIBUTE grantee passed app_can_contribute(id) with agency_id set to itself: the case stays its owner's.
  { policy: 'cases_change', table: 'cases', check: 'app_can_contribute(id) AND agency_id = case_owner(id)', was: 'app_can_contribute(id)' },
  { policy: 'case_shares_revoke', table: 'case_shares', check: 'owner_agency_id = app_agency() AND case_owner(case_id) = app_agency()', was: 'owner_agency_id = app_agency()' },
  { policy: 'access_requests_decide', table: 'access_requests', check: 'owner_agency_id = app_agency() AND case_owner(case_id) = app_agency()', was: 'owner_agency_id = app_agency()' },
  // The lead removes cases; putting one (back) in widens who reads it, which only its owner does (as task_force_cases_add).
  {
    policy: 'task_force_cases_remove', table: 'task_force_cases',
    check: 'removed_at IS NOT NULL OR (case_owner(case_id) = app_agency() AND app_in_task_force(task_force_id))', was: 'true',
  },
  // The assignee reports progress on its own task, it does not hand it to someone else.
  {
    policy: 'task_force_tasks_change', table: 'task_force_tasks',
    check: `EXISTS (SELECT 1 FROM task_forces f WHERE f.id = task_force_id AND f.lead_agency_id = app_agency())
            OR (assignee_agency_id = app_agency() AND app_in_task_force(task_force_id))`,
    was: 'app_in_task_force(task_force_id)',
  },
  { policy: 'notifications_mark', table: 'notifications', check: 'agency_id = app_agency() AND user_id = app_user()', was: 'agency_id = app_agency()' },
  {
    policy: 'agency_requests_change', table: 'agency_requests',
    check: 'from_agency_id = app_agency() OR (to_agency_id = app_agency() AND sent_at IS NOT NULL)', was: 'from_agency_id = app_agency() OR to_agency_id = app_agency()',
  },
];

/** Every (type, from, to, party) the domain's request machines allow. */
function requestTransitionRows(): Array<[RequestType, RequestState, RequestState, RequestParty]> {
  return Object.values(RequestType).flatMap((type) => Object.values(RequestState).flatMap((from) =>
    PARTIES.flatMap((party) => allowedRequestTransitions(type, from, party).map((to) => [type, from, to, party] as [RequestType, RequestState, RequestState, RequestParty]))));
}

/** How many times a hold of this kind may be extended (null: no limit), as requestTransitionProblem() says. */
function maxExtensions(kind: FreezeKind): number | null {
  for (let n = 0; n <= 100; n++) {
    if (requestTransitionProblem(RequestType.FREEZE, S.FROZEN, S.EXTENDED, 'SENDER', { freezeKind: kind, extensions: n })) return n;
  }
  return null;
}

/**
 * The second wall (issue 11): row-level security decides which rows an agency may write; this decides what it may
 * write into them. Ownership and identity columns never change; request states and case statuses move only along
 * the domain's machines (tables filled here from libs/domain, checked against it by second-wall.int-spec.ts); the
 * clock columns of requests follow from the moves and the deadline and hold rules, with the database's clock.
 * The machines and column rules bind the app role; the owner (migrations, operators, fixtures) is not bound by them,
 * the identity rule binds everyone (data repair needs an explicit DISABLE TRIGGER, as audit_events).
 */
export class SecondWall1765300000000 implements MigrationInterface {
  name = 'SecondWall1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION forbid_column_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE col text; before jsonb := to_jsonb(OLD); after jsonb := to_jsonb(NEW);
      BEGIN
        FOREACH col IN ARRAY TG_ARGV LOOP
          IF before -> col IS DISTINCT FROM after -> col THEN
            RAISE EXCEPTION '%.% is fixed once written', TG_TABLE_NAME, col
              USING ERRCODE = '42501', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = col;
          END IF;
        END LOOP;
        RETURN NEW;
      END $$;
    `);
    // UPDATE OF: the trigger runs only when a statement names one of the columns (no cost to ordinary updates);
    // CREATE TRIGGER also fails on a misspelt column.
    await q.query(Object.entries(FIXED).map(([table, cols]) =>
      `CREATE TRIGGER ${table}_fixed_columns BEFORE UPDATE OF ${cols.join(', ')} ON ${table} FOR EACH ROW EXECUTE FUNCTION forbid_column_change(${list(cols)});`).join('\n'));

    await q.query(`
      CREATE TABLE request_transitions (
        type text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        party text NOT NULL CHECK (party IN (${list(PARTIES)})),
        PRIMARY KEY (type, from_state, to_state, party)
      );
      CREATE TABLE case_status_transitions (
        from_status text NOT NULL,
        to_status text NOT NULL,
        PRIMARY KEY (from_status, to_status)
      );
      -- How long a hold lasts, how long before its end the sender is warned, how often it may be extended (null: no limit).
      CREATE TABLE request_hold_rules (
        kind text PRIMARY KEY,
        hold interval NOT NULL CHECK (hold > interval '0'),
        warn_before interval NOT NULL,
        max_extensions int CHECK (max_extensions >= 0)
      );
      -- Public rules, as request_deadline_rules; written by migrations only.
      ALTER TABLE request_transitions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE request_transitions FORCE ROW LEVEL SECURITY;
      CREATE POLICY request_transitions_read ON request_transitions FOR SELECT USING (true);
      ALTER TABLE case_status_transitions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE case_status_transitions FORCE ROW LEVEL SECURITY;
      CREATE POLICY case_status_transitions_read ON case_status_transitions FOR SELECT USING (true);
      ALTER TABLE request_hold_rules ENABLE ROW LEVEL SECURITY;
      ALTER TABLE request_hold_rules FORCE ROW LEVEL SECURITY;
      CREATE POLICY request_hold_rules_read ON request_hold_rules FOR SELECT USING (true);
      GRANT SELECT ON request_transitions, case_status_transitions, request_hold_rules TO ${APP_ROLE};
    `);
    for (const [type, from, to, party] of requestTransitionRows()) {
      await q.query('INSERT INTO request_transitions (type, from_state, to_state, party) VALUES ($1, $2, $3, $4)', [type, from, to, party]);
    }
    for (const from of Object.values(CaseStatus)) {
      for (const to of allowedCaseTransitions(from)) await q.query('INSERT INTO case_status_transitions (from_status, to_status) VALUES ($1, $2)', [from, to]);
    }
    for (const kind of Object.values(FreezeKind)) {
      const p = holdPeriod(kind);
      await q.query(
        `INSERT INTO request_hold_rules (kind, hold, warn_before, max_extensions) VALUES ($1, $2 * interval '1 millisecond', $3 * interval '1 millisecond', $4)`,
        [kind, p.holdMs, p.warnBeforeMs, maxExtensions(kind)],
      );
    }

    await q.query(`
      -- Who moves a request in this session: a job acting without a user (app.roles is SYSTEM alone, as app_is_system())
      -- is the clock; otherwise the side of the acting agency.
      CREATE FUNCTION request_party(p_from uuid, p_to uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE
          WHEN coalesce(regexp_split_to_array(nullif(btrim(current_setting('app.roles', true)), ''), '\\s*,\\s*'), '{}'::text[]) = ARRAY['SYSTEM'] THEN 'SYSTEM'
          WHEN app_agency() = p_from THEN 'SENDER'
          WHEN app_agency() = p_to THEN 'RECIPIENT' END
      $$;

      -- The value a clock column takes: the rule's (the database's clock). A writer's value is accepted only when it is
      -- the rule's give or take the api's clock and round trips (5 minutes); anything else is a forgery.
      CREATE FUNCTION request_clock(p_column text, p_old timestamptz, p_new timestamptz, p_rule timestamptz) RETURNS timestamptz
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF p_new IS DISTINCT FROM p_old AND p_new IS NOT NULL AND p_rule IS NOT NULL AND abs(extract(epoch FROM p_new - p_rule)) > 300 THEN
          RAISE EXCEPTION '% follows from the request''s rules (%), not %', p_column, p_rule, p_new USING ERRCODE = '42501', COLUMN = p_column;
        END IF;
        RETURN p_rule;
      END $$;

      -- A request moves only along its machine, by the party the machine names, and the columns a move implies change with
      -- it and only with it. Runs after agency_requests_guard and agency_requests_send_guard (triggers fire by name).
      CREATE FUNCTION agency_requests_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_party text := request_party(OLD.from_agency_id, OLD.to_agency_id);
        -- A move: the state changes, or a hold is extended again (EXTENDED to EXTENDED), which the count of extensions shows.
        moved boolean := NEW.state IS DISTINCT FROM OLD.state OR NEW.extensions IS DISTINCT FROM OLD.extensions;
        holding text[] := ARRAY[${list(HOLDING_STATES)}];
        placed boolean;
        extended boolean;
        r request_hold_rules;
      BEGIN
        IF v_party IS NULL THEN
          RAISE EXCEPTION 'only the two agencies of a request, or the clock, change it' USING ERRCODE = '42501';
        END IF;
        IF moved AND NOT EXISTS (SELECT 1 FROM request_transitions t
            WHERE t.type = OLD.type AND t.from_state = OLD.state AND t.to_state = NEW.state AND t.party = v_party) THEN
          RAISE EXCEPTION 'a % request does not move from % to % by the %', OLD.type, OLD.state, NEW.state, v_party USING ERRCODE = '42501';
        END IF;

        -- Sending starts the answer clock, from the deadline rules.
        IF moved AND NEW.state = '${S.SENT}' THEN
          NEW.sent_at := request_clock('sent_at', OLD.sent_at, NEW.sent_at, now());
          NEW.deadline_at := request_clock('deadline_at', OLD.deadline_at, NEW.deadline_at,
            (SELECT now() + d.answer_within FROM request_deadline_rules d WHERE d.type = OLD.type AND d.kind = OLD.kind AND d.urgency = OLD.urgency));
        ELSIF (NEW.sent_at, NEW.deadline_at) IS DISTINCT FROM (OLD.sent_at, OLD.deadline_at) THEN
          RAISE EXCEPTION 'sent_at and deadline_at are set by sending' USING ERRCODE = '42501';
        END IF;
        IF moved AND NEW.state = '${S.ACKNOWLEDGED}' THEN
          NEW.acknowledged_at := request_clock('acknowledged_at', OLD.acknowledged_at, NEW.acknowledged_at, now());
        ELSIF NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at THEN
          RAISE EXCEPTION 'acknowledged_at is set by acknowledging' USING ERRCODE = '42501';
        END IF;

        -- Holds: placed by the addressed agency's answer, extended by the sender, for the period of the hold rules.
        placed := moved AND NEW.state = ANY (holding) AND NOT (OLD.state = ANY (holding));
        extended := moved AND NEW.state = '${S.EXTENDED}';
        IF placed OR extended THEN
          SELECT * INTO r FROM request_hold_rules h WHERE h.kind = OLD.kind;
          IF r.kind IS NULL THEN
            RAISE EXCEPTION 'no hold rule for a % %', OLD.type, OLD.kind USING ERRCODE = '42501';
          END IF;
          NEW.expiry_warned_at := NULL;
        END IF;
        IF placed THEN
          IF NEW.amount_held IS NULL THEN
            RAISE EXCEPTION 'a hold states the amount held (amount_held)' USING ERRCODE = '42501', COLUMN = 'amount_held';
          END IF;
          NEW.held_at := request_clock('held_at', OLD.held_at, NEW.held_at, now());
          NEW.expires_at := request_clock('expires_at', OLD.expires_at, NEW.expires_at, now() + r.hold);
        ELSIF (NEW.amount_held, NEW.held_at) IS DISTINCT FROM (OLD.amount_held, OLD.held_at) THEN
          RAISE EXCEPTION 'amount_held and held_at are written as the hold is placed' USING ERRCODE = '42501';
        END IF;
        IF extended THEN
          IF r.max_extensions IS NOT NULL AND OLD.extensions >= r.max_extensions THEN
            RAISE EXCEPTION 'a % is extended at most % times', OLD.kind, r.max_extensions USING ERRCODE = '42501';
          END IF;
          NEW.extensions := OLD.extensions + 1;
          NEW.expires_at := request_clock('expires_at', OLD.expires_at, NEW.expires_at, OLD.expires_at + r.hold);
        ELSIF NEW.extensions IS DISTINCT FROM OLD.extensions OR (NOT placed AND NEW.expires_at IS DISTINCT FROM OLD.expires_at) THEN
          RAISE EXCEPTION 'expires_at and extensions follow from placing and extending a hold' USING ERRCODE = '42501';
        END IF;

        -- The clock's own marks.
        IF v_party <> 'SYSTEM' AND NOT (placed OR extended) AND NEW.expiry_warned_at IS DISTINCT FROM OLD.expiry_warned_at THEN
          RAISE EXCEPTION 'expiry_warned_at is the clock''s' USING ERRCODE = '42501';
        END IF;
        IF v_party <> 'SYSTEM' AND NEW.overdue_at IS DISTINCT FROM OLD.overdue_at THEN
          RAISE EXCEPTION 'overdue_at is the clock''s' USING ERRCODE = '42501';
        END IF;

        -- The answer is written by the addressed agency as it moves the request; the legal documents by the sender as it does.
        IF (NEW.balance, NEW.subscriber, NEW.answer_note, NEW.answered_at) IS DISTINCT FROM (OLD.balance, OLD.subscriber, OLD.answer_note, OLD.answered_at) THEN
          IF NOT (moved AND v_party = 'RECIPIENT') THEN
            RAISE EXCEPTION 'the answer (balance, subscriber, answer_note, answered_at) is written by the addressed agency as it moves the request'
              USING ERRCODE = '42501';
          END IF;
          IF NEW.answered_at IS NOT NULL THEN
            NEW.answered_at := request_clock('answered_at', OLD.answered_at, NEW.answered_at, now());
          END IF;
        END IF;
        IF NEW.legal_basis_doc IS DISTINCT FROM OLD.legal_basis_doc AND NOT (moved AND v_party = 'SENDER') THEN
          RAISE EXCEPTION 'legal_basis_doc changes with the sender''s move (an extension)' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agency_requests_transitions BEFORE UPDATE ON agency_requests
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION agency_requests_transitions();

      -- A request starts where its machine starts, with no answer and no clock. After the insert, so that row-level
      -- security answers first to whoever may not insert at all.
      CREATE FUNCTION agency_requests_start() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state <> '${S.DRAFT}' OR NEW.extensions <> 0 OR num_nonnulls(NEW.sent_at, NEW.deadline_at, NEW.acknowledged_at, NEW.answered_at,
             NEW.overdue_at, NEW.held_at, NEW.expires_at, NEW.expiry_warned_at, NEW.amount_held, NEW.balance, NEW.subscriber, NEW.answer_note) > 0 THEN
          RAISE EXCEPTION 'a request starts as a ${S.DRAFT} without answer or clock, and moves on by its state machine' USING ERRCODE = '42501';
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER agency_requests_start AFTER INSERT ON agency_requests
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION agency_requests_start();

      -- A grantee's statements add to the case's totals and provinces; everything else of a case is its owner's, and its
      -- status moves along the case machine.
      CREATE FUNCTION cases_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE totals text[] := ARRAY['total_loss', 'victim_count', 'provinces', 'updated_at'];
      BEGIN
        IF app_agency() IS DISTINCT FROM OLD.agency_id AND to_jsonb(NEW) - totals <> to_jsonb(OLD) - totals THEN
          RAISE EXCEPTION 'only the owning agency changes a case beyond the totals its statements add' USING ERRCODE = '42501';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status
           AND NOT EXISTS (SELECT 1 FROM case_status_transitions t WHERE t.from_status = OLD.status AND t.to_status = NEW.status) THEN
          RAISE EXCEPTION 'a % case does not become %', OLD.status, NEW.status USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER cases_guard BEFORE UPDATE ON cases FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION cases_guard();

      -- The assigned agency reports progress (status); title, due time and assignee are the lead's to re-plan.
      CREATE FUNCTION task_force_tasks_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE progress text[] := ARRAY['status', 'updated_at'];
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM task_forces f WHERE f.id = OLD.task_force_id AND f.lead_agency_id = app_agency())
           AND to_jsonb(NEW) - progress <> to_jsonb(OLD) - progress THEN
          RAISE EXCEPTION 'the assigned agency changes only the status of a task' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER task_force_tasks_guard BEFORE UPDATE ON task_force_tasks
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION task_force_tasks_guard();
    `);

    await q.query(CHECKS.map((c) => `ALTER POLICY ${c.policy} ON ${c.table} WITH CHECK (${c.check});`).join('\n'));
    // Closed as a class: an UPDATE policy without WITH CHECK would re-use its USING on the new row, which lets a row
    // leave its owner whenever USING admits more than the owner.
    await q.query(`
      DO $$
      DECLARE p record;
      BEGIN
        SELECT tablename, policyname INTO p FROM pg_policies
        WHERE schemaname = 'public' AND cmd IN ('UPDATE', 'ALL') AND permissive = 'PERMISSIVE' AND with_check IS NULL LIMIT 1;
        IF FOUND THEN RAISE EXCEPTION 'policy % on % has no WITH CHECK', p.policyname, p.tablename; END IF;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(CHECKS.map((c) => `ALTER POLICY ${c.policy} ON ${c.table} WITH CHECK (${c.was});`).join('\n'));
    await q.query(`
      DROP TRIGGER task_force_tasks_guard ON task_force_tasks;
      DROP TRIGGER cases_guard ON cases;
      DROP TRIGGER agency_requests_start ON agency_requests;
      DROP TRIGGER agency_requests_transitions ON agency_requests;
      DROP FUNCTION task_force_tasks_guard(), cases_guard(), agency_requests_start(), agency_requests_transitions(),
        request_clock(text, timestamptz, timestamptz, timestamptz), request_party(uuid, uuid);
      DROP TABLE request_hold_rules, case_status_transitions, request_transitions;
    `);
    await q.query(Object.keys(FIXED).map((table) => `DROP TRIGGER ${table}_fixed_columns ON ${table};`).join('\n'));
    await q.query('DROP FUNCTION forbid_column_change()');
  }
}
