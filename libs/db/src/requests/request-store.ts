import type { EntityManager } from 'typeorm';
import {
  FraudType, HOLDING_STATES, IdentifierKind, LegalBasis, LIVE_FREEZE_STATES, OPEN_REQUEST_STATES, RequestState, RequestType,
  Urgency,
} from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Requests between agencies (issue 15): every statement on agency_requests, request_events, request_reads,
 * request_attachments, request_counters and the deadline and hold rules, for the api's request services, the
 * dashboard and the worker's deadlines alike. Every function runs in the caller's acting transaction: row-level
 * security decides what it sees, and the database's triggers check every move again. Lists of states come from
 * `@caselink/domain` as parameters, never spelled here.
 */

/** A row of agency_requests as PostgreSQL returns it. */
export interface RequestRow {
  id: string;
  type: RequestType;
  kind: string;
  reference: string;
  case_id: string;
  case_number: string;
  fraud_type: FraudType;
  from_agency_id: string;
  to_agency_id: string;
  created_by: string;
  state: RequestState;
  urgency: Urgency;
  legal_basis_doc: string | null;
  legal_basis: LegalBasis | null;
  account: string | null;
  account_kind: string | null;
  account_canonical: string | null;
  source_transfer_id: string | null;
  bank_name: string | null;
  amount: string | null;
  amount_held: string | null;
  balance: string | null;
  extensions: number;
  held_at: Date | null;
  expires_at: Date | null;
  expiry_warned_at: Date | null;
  target_kind: IdentifierKind | null;
  target_value: string | null;
  target_canonical: string | null;
  subscriber: Record<string, string | null> | null;
  subjects: Array<{ name: string; note: string | null; identifiers: Array<{ kind: IdentifierKind; value: string }> }> | null;
  summary: string | null;
  answer_note: string | null;
  deadline_at: Date | null;
  sent_at: Date | null;
  acknowledged_at: Date | null;
  answered_at: Date | null;
  overdue_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** The reading user's read mark (request_reads), when the statement read it. */
  read_version?: number | null;
  /** Whether evidence is attached (request_attachments), when the statement read it. */
  has_attachments?: boolean;
}

const READ_VERSION = `(SELECT rr.read_version FROM request_reads rr WHERE rr.request_id = r.id AND rr.user_id = app_user()) AS read_version`;
const SELECT_REQUEST = `SELECT r.*, ${READ_VERSION} FROM agency_requests r`;

/** The request with the reader's read mark and whether evidence is attached; `lock` takes its row lock (a move). */
export async function requestById(m: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<RequestRow | null> {
  const [row] = rowsOf<RequestRow>(await m.query(
    `SELECT r.*, ${READ_VERSION}, EXISTS (SELECT 1 FROM request_attachments ra WHERE ra.request_id = r.id) AS has_attachments
     FROM agency_requests r WHERE r.id = $1${opts.lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  ));
  return row ?? null;
}

/** Several requests with the reader's read marks (those the caller may see), in no particular order. */
export async function requestsByIds(m: EntityManager, ids: readonly string[]): Promise<RequestRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<RequestRow>(await m.query(`${SELECT_REQUEST} WHERE r.id = ANY ($1::uuid[])`, [ids]));
}

export interface RequestListFilter {
  agencyId: string;
  /** Addressed to the agency (and sent), or sent by it. */
  incoming: boolean;
  type?: RequestType | null;
  states?: readonly RequestState[] | null;
  overdueOnly?: boolean | null;
  /** Keyset: rows after this request in the order (most recently changed first). */
  afterId?: string | null;
  limit: number;
}

/** One page of an inbox or outbox, most recently changed first, and how many match in all. */
export async function listRequests(m: EntityManager, f: RequestListFilter): Promise<{ rows: RequestRow[]; total: number }> {
  const params: unknown[] = [f.agencyId];
  const where = [f.incoming ? 'r.to_agency_id = $1 AND r.sent_at IS NOT NULL' : 'r.from_agency_id = $1'];
  if (f.type) {
    params.push(f.type);
    where.push(`r.type = $${params.length}`);
  }
  if (f.states?.length) {
    params.push(f.states);
    where.push(`r.state = ANY ($${params.length}::text[])`);
  }
  if (f.overdueOnly) where.push('r.overdue_at IS NOT NULL AND r.answered_at IS NULL');
  const [{ n }] = rowsOf<{ n: number }>(await m.query(`SELECT count(*)::int AS n FROM agency_requests r WHERE ${where.join(' AND ')}`, params));
  if (f.afterId) {
    params.push(f.afterId);
    where.push(`(r.updated_at, r.id) < (SELECT x.updated_at, x.id FROM agency_requests x WHERE x.id = $${params.length})`);
  }
  params.push(f.limit);
  const rows = rowsOf<RequestRow>(await m.query(
    `${SELECT_REQUEST} WHERE ${where.join(' AND ')} ORDER BY r.updated_at DESC, r.id DESC LIMIT $${params.length}`, params,
  ));
  return { rows, total: n };
}

/** The requests an agency sent for one case, newest first. */
export async function requestsForCase(m: EntityManager, caseId: string, agencyId: string, limit = 200): Promise<RequestRow[]> {
  return rowsOf<RequestRow>(await m.query(
    `${SELECT_REQUEST} WHERE r.case_id = $1 AND r.from_agency_id = $2 ORDER BY r.created_at DESC LIMIT $3`, [caseId, agencyId, limit],
  ));
}

export interface InboxCountsRow {
  unread: number;
  open: number;
  overdue: number;
}

export async function inboxCounts(m: EntityManager, agencyId: string): Promise<InboxCountsRow> {
  const [row] = rowsOf<InboxCountsRow>(await m.query(
    `SELECT
       count(*) FILTER (WHERE r.to_agency_id = $1 AND r.version > coalesce(rr.read_version, -1))::int AS unread,
       count(*) FILTER (WHERE r.to_agency_id = $1 AND r.state = ANY ($2::text[]))::int AS open,
       count(*) FILTER (WHERE r.overdue_at IS NOT NULL AND r.state = ANY ($2::text[]))::int AS overdue
     FROM agency_requests r
     LEFT JOIN request_reads rr ON rr.request_id = r.id AND rr.user_id = app_user()
     WHERE (r.to_agency_id = $1 AND r.sent_at IS NOT NULL) OR r.from_agency_id = $1`,
    [agencyId, OPEN_REQUEST_STATES],
  ));
  return row;
}

/** The user has read the request up to `version` (a read mark never goes back). */
export async function markRequestRead(m: EntityManager, r: { userId: string; agencyId: string; requestId: string; version: number }): Promise<void> {
  await m.query(
    `INSERT INTO request_reads (user_id, request_id, agency_id, read_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, request_id) DO UPDATE SET read_version = GREATEST(request_reads.read_version, EXCLUDED.read_version)`,
    [r.userId, r.requestId, r.agencyId, r.version],
  );
}

export interface DeadlineRuleRow {
  type: RequestType;
  kind: string;
  urgency: Urgency;
  minutes: number;
}

export async function deadlineRules(m: EntityManager): Promise<DeadlineRuleRow[]> {
  return rowsOf<DeadlineRuleRow>(await m.query(
    `SELECT type, kind, urgency, (extract(epoch FROM answer_within) / 60)::int AS minutes FROM request_deadline_rules ORDER BY type, kind, urgency DESC`,
  ));
}

/** The case a request goes out on, as the sending agency sees it (null: not visible), with what a send checks. */
export interface RequestCaseRow {
  id: string;
  agency_id: string;
  case_number: string;
  fraud_type: FraudType;
  /** The caller's live share of someone else's case, if any. */
  share_access: 'READ' | 'CONTRIBUTE' | null;
  may_pass_on: boolean | null;
  must_ask_before_acting: boolean | null;
  /** The named transfer is one of the case's (true when none was named). */
  transfer_found: boolean;
  /** The live freeze of the same case, account and kind, when one was asked for. */
  live_freeze_id: string | null;
  /** The bank that issues the account routed (issuing_bank(): longest registered prefix), when one was asked for and matched. */
  issuing_bank_id: string | null;
  /** The registered prefix it matched. */
  issuing_prefix: string | null;
}

/**
 * One statement for everything a send checks before it writes: the case, the caller's share, the transfer, the live
 * freeze, and the bank that issues the account (`route`: its digits, see routingDigits in libs/domain).
 */
export async function requestCase(
  m: EntityManager, caseId: string, agencyId: string,
  opts: { transferId?: string | null; freeze?: { accountCanonical: string; kind: string }; route?: string | null } = {},
): Promise<RequestCaseRow | null> {
  const [row] = rowsOf<RequestCaseRow>(await m.query(
    `SELECT c.id, c.agency_id, c.case_number, c.fraud_type, s.access AS share_access, s.may_pass_on, s.must_ask_before_acting,
            ib.agency_id AS issuing_bank_id, ib.prefix AS issuing_prefix,
            ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM transfers t WHERE t.id = $3 AND t.case_id = c.id)) AS transfer_found,
            (SELECT r.id FROM agency_requests r
             WHERE $4::text IS NOT NULL AND r.type = 'FREEZE' AND r.case_id = c.id AND r.account_canonical = $4 AND r.kind = $5 AND r.state = ANY ($6::text[])
             LIMIT 1) AS live_freeze_id
     FROM cases c
     LEFT JOIN LATERAL (
       SELECT x.access, x.may_pass_on, x.must_ask_before_acting FROM case_shares x
       WHERE x.case_id = c.id AND x.agency_id = $2 AND x.revoked_at IS NULL ORDER BY x.granted_at DESC LIMIT 1
     ) s ON c.agency_id <> $2
     LEFT JOIN LATERAL issuing_bank($7::text) ib ON $7::text IS NOT NULL
     WHERE c.id = $1`,
    [caseId, agencyId, opts.transferId ?? null, opts.freeze?.accountCanonical ?? null, opts.freeze?.kind ?? null, LIVE_FREEZE_STATES, opts.route ?? null],
  ));
  return row ?? null;
}

/** Which of `ids` are evidence of the case (as the caller sees it). */
export async function caseAttachmentIds(m: EntityManager, caseId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(await m.query('SELECT id FROM attachments WHERE case_id = $1 AND id = ANY ($2::uuid[])', [caseId, ids]));
  return new Set(rows.map((r) => r.id));
}

/** A new request, before it starts (a DRAFT); the columns of the other types are left out. */
export interface NewRequest {
  type: RequestType;
  kind: string;
  caseId: string;
  caseNumber: string;
  fraudType: FraudType;
  fromAgencyId: string;
  toAgencyId: string;
  createdBy: string;
  urgency: Urgency;
  legalBasisDoc?: string | null;
  legalBasis?: LegalBasis | null;
  // freezes
  account?: string | null;
  accountKind?: string | null;
  accountCanonical?: string | null;
  bankName?: string | null;
  amount?: string | null;
  sourceTransferId?: string | null;
  // telecom requests
  targetKind?: IdentifierKind | null;
  targetValue?: string | null;
  targetCanonical?: string | null;
  // cooperation requests
  summary?: string | null;
  subjects?: unknown[] | null;
}

// The live-freeze index's own predicate, so that ON CONFLICT finds it (a parameter would not): the generated list.
const LIVE_FREEZE_CONFLICT = `ON CONFLICT (case_id, account_canonical, kind) WHERE type = 'FREEZE' AND state <> ALL (vocab_ended_freeze_states()) DO NOTHING`;

/**
 * The one way a request is written, for every type: numbered from the sending agency's counter for the year
 * (`referencePrefix` + 6 digits) in the same statement, as a DRAFT. Null when the same freeze is live already
 * (two identical sends racing, or one the caller cannot see): ON CONFLICT never aborts the transaction.
 */
export async function createRequest(m: EntityManager, r: NewRequest, reference: { year: number; prefix: string }): Promise<RequestRow | null> {
  const [row] = rowsOf<RequestRow>(await m.query(
    `WITH n AS (
       INSERT INTO request_counters (agency_id, year, last_value) VALUES ($6, $23, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_value = request_counters.last_value + 1 RETURNING last_value
     )
     INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency,
       legal_basis_doc, legal_basis, account, account_kind, account_canonical, bank_name, amount, source_transfer_id,
       target_kind, target_value, target_canonical, summary, subjects)
     SELECT $1, $2, $24 || lpad(n.last_value::text, greatest(6, length(n.last_value::text)), '0'), $3, $4, $5, $6, $7, $8, $9,
       $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22::jsonb
     FROM n
     ${LIVE_FREEZE_CONFLICT}
     RETURNING *`,
    [r.type, r.kind, r.caseId, r.caseNumber, r.fraudType, r.fromAgencyId, r.toAgencyId, r.createdBy, r.urgency,
      r.legalBasisDoc ?? null, r.legalBasis ?? null, r.account ?? null, r.accountKind ?? null, r.accountCanonical ?? null, r.bankName ?? null,
      r.amount ?? null, r.sourceTransferId ?? null, r.targetKind ?? null, r.targetValue ?? null, r.targetCanonical ?? null, r.summary ?? null,
      r.subjects ? JSON.stringify(r.subjects) : null, reference.year, reference.prefix],
  ));
  return row ? { ...row, has_attachments: false } : null;
}

export interface RequestAttachmentInput {
  attachmentId: string;
  mayPassOn: boolean;
  mayUseInCourt: boolean;
  mustAskBeforeActing: boolean;
}

/** The evidence a sender attaches to its request, each with its handling code, in one statement. */
export async function addRequestAttachments(
  m: EntityManager, requestId: string, agencyId: string, userId: string, attachments: readonly RequestAttachmentInput[],
): Promise<void> {
  if (attachments.length === 0) return;
  await m.query(
    `INSERT INTO request_attachments (request_id, attachment_id, agency_id, may_pass_on, may_use_in_court, must_ask_before_acting, added_by)
     SELECT $1, a.id, $2, a.pass_on, a.court, a.ask, $3
     FROM unnest($4::uuid[], $5::boolean[], $6::boolean[], $7::boolean[]) AS a(id, pass_on, court, ask)
     ON CONFLICT DO NOTHING`,
    [requestId, agencyId, userId, attachments.map((a) => a.attachmentId), attachments.map((a) => a.mayPassOn),
      attachments.map((a) => a.mayUseInCourt), attachments.map((a) => a.mustAskBeforeActing)],
  );
}

/** Columns a move may write besides its state (the database's triggers check which, by whom and when). */
export type RequestChangeColumn =
  | 'answer_note' | 'answered_at' | 'acknowledged_at' | 'amount_held' | 'held_at' | 'expires_at' | 'expiry_warned_at' | 'balance'
  | 'subscriber' | 'legal_basis_doc' | 'extensions' | 'sent_at' | 'deadline_at';
const CHANGE_COLUMNS = new Set<string>([
  'answer_note', 'answered_at', 'acknowledged_at', 'amount_held', 'held_at', 'expires_at', 'expiry_warned_at', 'balance', 'subscriber',
  'legal_basis_doc', 'extensions', 'sent_at', 'deadline_at',
] satisfies RequestChangeColumn[]);

export interface RequestEventInput {
  kind: string;
  from?: RequestState | null;
  to?: RequestState | null;
  body?: string | null;
  data?: Record<string, unknown> | null;
}

export interface RequestEventRow {
  id: string;
  kind: string;
  from_state: RequestState | null;
  to_state: RequestState | null;
  body: string | null;
  agency_id: string;
  author_name: string | null;
  created_at: Date;
}

/**
 * A change by one of the two agencies, in one statement: the row (new state and columns, version + 1), its timeline
 * event (author named from the users table, `authorFallback` when hidden) and the actor's read mark. The row lock is
 * the caller's (requestById with lock, or the insert of the same transaction).
 */
export async function changeRequest(
  m: EntityManager,
  id: string,
  change: { state?: RequestState; set?: Partial<Record<RequestChangeColumn, unknown>> },
  event: RequestEventInput,
  actor: { userId: string; agencyId: string; authorFallback: string },
): Promise<{ row: RequestRow; event: RequestEventRow }> {
  const set = Object.entries(change.set ?? {});
  for (const [column] of set) if (!CHANGE_COLUMNS.has(column)) throw new Error(`agency_requests.${column} is not written by a move`);
  const params: unknown[] = [id, actor.agencyId, actor.userId, actor.authorFallback, event.kind, event.from ?? null, event.to ?? null, event.body ?? null,
    event.data ? JSON.stringify(event.data) : null];
  const assignments = ['version = version + 1', 'updated_at = now()'];
  if (change.state) {
    params.push(change.state);
    assignments.push(`state = $${params.length}`);
  }
  for (const [column, value] of set) {
    params.push(value);
    assignments.push(`${column} = $${params.length}`);
  }
  const [row] = rowsOf<RequestRow & { event_id: string; event_created_at: Date; event_author_name: string | null }>(await m.query(
    `WITH u AS (
       UPDATE agency_requests SET ${assignments.join(', ')} WHERE id = $1 RETURNING *
     ), e AS (
       INSERT INTO request_events (request_id, agency_id, author_id, author_name, kind, from_state, to_state, body, data)
       SELECT u.id, $2, $3, coalesce((SELECT display_name FROM users WHERE id = $3), $4), $5, $6, $7, $8, $9::jsonb FROM u
       RETURNING id, created_at, author_name
     ), rd AS (
       INSERT INTO request_reads (user_id, request_id, agency_id, read_version) SELECT $3, u.id, $2, u.version FROM u
       ON CONFLICT (user_id, request_id) DO UPDATE SET read_version = GREATEST(request_reads.read_version, EXCLUDED.read_version)
     )
     SELECT u.*, u.version AS read_version, e.id AS event_id, e.created_at AS event_created_at, e.author_name AS event_author_name FROM u, e`,
    params,
  ));
  if (!row) throw new Error(`request ${id} was not changed`);
  const { event_id, event_created_at, event_author_name, ...request } = row;
  return {
    row: request,
    event: {
      id: event_id, kind: event.kind, from_state: event.from ?? null, to_state: event.to ?? null, body: event.body ?? null, agency_id: actor.agencyId,
      author_name: event_author_name, created_at: event_created_at,
    },
  };
}

/** The bank's downstream transfers join the case as transactions and identifiers (the database function checks the answer). */
export async function recordDownstreamTransfers(m: EntityManager, requestId: string, downstream: readonly Record<string, unknown>[]): Promise<void> {
  await m.query('SELECT record_downstream_transfers($1, $2::jsonb)', [requestId, JSON.stringify(downstream)]);
}

export async function requestEvents(m: EntityManager, requestId: string): Promise<RequestEventRow[]> {
  return rowsOf<RequestEventRow>(await m.query(
    'SELECT id, kind, from_state, to_state, body, agency_id, author_name, created_at FROM request_events WHERE request_id = $1 ORDER BY created_at, id',
    [requestId],
  ));
}

export interface DownstreamRow {
  toAccount: string;
  bank: string | null;
  amount: string;
  occurredAt: string;
}

/** What the bank reported as the money's next stops (from its answers' events). */
export async function downstreamOf(m: EntityManager, requestId: string): Promise<DownstreamRow[]> {
  const rows = rowsOf<{ rows: DownstreamRow[] }>(await m.query(
    `SELECT data->'downstream' AS rows FROM request_events WHERE request_id = $1 AND kind = 'STATE' AND data ? 'downstream' ORDER BY created_at`,
    [requestId],
  ));
  return rows.flatMap((r) => r.rows);
}

export interface RequestAttachmentRow {
  attachment_id: string;
  file_name: string;
  size_bytes: string;
  sha256: string;
  may_pass_on: boolean;
  may_use_in_court: boolean;
  must_ask_before_acting: boolean;
}

export async function requestAttachmentList(m: EntityManager, requestId: string): Promise<RequestAttachmentRow[]> {
  return rowsOf<RequestAttachmentRow>(await m.query('SELECT * FROM request_attachment_list($1)', [requestId]));
}

export interface RequestAttachmentFileRow {
  file_name: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
}

/**
 * A file attached to a request, for one of its two agencies (request_attachment_file() checks the request and its
 * list), or null. The sending side keeps it only while it may still read the case.
 */
export async function requestAttachmentFile(m: EntityManager, requestId: string, attachmentId: string, agencyId: string): Promise<RequestAttachmentFileRow | null> {
  const [row] = rowsOf<RequestAttachmentFileRow>(await m.query(
    `SELECT f.* FROM request_attachment_file($1, $2) f
     WHERE NOT EXISTS (SELECT 1 FROM agency_requests r WHERE r.id = $1 AND r.from_agency_id = $3 AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = r.case_id))`,
    [requestId, attachmentId, agencyId],
  ));
  return row ?? null;
}

export interface OverdueRequestRow {
  id: string;
  reference: string;
  type: RequestType;
  kind: string;
  state: RequestState;
  case_number: string;
  to_agency_id: string;
  deadline_at: Date;
}

/** The agency's own overdue requests, oldest deadline first (the dashboard's drill-down list). */
export async function overdueRequestsOf(m: EntityManager, agencyId: string, fraudType: FraudType | null, limit: number): Promise<OverdueRequestRow[]> {
  return rowsOf<OverdueRequestRow>(await m.query(
    `SELECT r.id, r.reference, r.type, r.kind, r.state, r.case_number, r.to_agency_id, r.deadline_at FROM agency_requests r
     WHERE r.from_agency_id = $1 AND r.overdue_at IS NOT NULL AND r.state = ANY ($3::text[]) AND ($2::text IS NULL OR r.fraud_type = $2)
     ORDER BY r.deadline_at, r.id LIMIT $4`,
    [agencyId, fraudType, OPEN_REQUEST_STATES, limit],
  ));
}

// —— the worker's side: the clock, acting for the sending agency without a user ——

export type RequestDue = 'ANSWER' | 'EXPIRY_WARNING' | 'EXPIRY';

/** Whatever is due now across agencies (ids only: requests_due() is the one look across agencies). */
export async function requestsDue(m: EntityManager): Promise<Array<{ id: string; from_agency_id: string; due: RequestDue }>> {
  return rowsOf<{ id: string; from_agency_id: string; due: RequestDue }>(await m.query('SELECT id, from_agency_id, due FROM requests_due()'));
}

/** A request the clock acted on; `state` is the one before the action. */
export interface DueRequestRow {
  id: string;
  reference: string;
  type: RequestType;
  kind: string;
  state: RequestState;
  case_id: string;
  case_number: string;
  from_agency_id: string;
  to_agency_id: string;
  created_by: string;
  deadline_at: Date | null;
  expires_at: Date | null;
  overdue_at: Date | null;
}

/**
 * The one conditional UPDATE that makes each action of the clock happen once: OVERDUE at the answer deadline, the
 * warning before a hold lapses (request_hold_rules.warn_before, loaded from the domain's holdPeriod), the lapse.
 * Null when there is nothing (more) to do.
 */
export async function claimRequestDeadline(m: EntityManager, id: string, due: RequestDue): Promise<DueRequestRow | null> {
  const sql =
    due === 'ANSWER'
      ? `UPDATE agency_requests SET overdue_at = now(), version = version + 1, updated_at = now()
         WHERE id = $1 AND overdue_at IS NULL AND state = ANY ($2::text[]) AND deadline_at <= now() RETURNING *`
      : due === 'EXPIRY_WARNING'
        ? `UPDATE agency_requests r SET expiry_warned_at = now(), version = version + 1, updated_at = now()
           WHERE r.id = $1 AND r.state = ANY ($2::text[]) AND r.expiry_warned_at IS NULL
             AND r.expires_at - (SELECT h.warn_before FROM request_hold_rules h WHERE h.kind = r.kind) <= now() RETURNING r.*`
        : `UPDATE agency_requests SET state = $3, version = version + 1, updated_at = now()
           WHERE id = $1 AND state = ANY ($2::text[]) AND expires_at <= now() RETURNING *, (SELECT state FROM agency_requests WHERE id = $1) AS previous`;
  const params: unknown[] = [id, due === 'ANSWER' ? OPEN_REQUEST_STATES : HOLDING_STATES];
  if (due === 'EXPIRY') params.push(RequestState.EXPIRED);
  const [row] = rowsOf<DueRequestRow & { previous?: RequestState }>(await m.query(sql, params));
  if (!row) return null;
  if (due === 'EXPIRY') row.state = row.previous ?? row.state;
  delete row.previous;
  return row;
}

/** The clock's entry in the timeline, once per occasion (`dedupeKey`). */
export async function recordClockEvent(
  m: EntityManager, e: { requestId: string; agencyId: string; kind: string; from: string | null; to: string | null; data: Record<string, unknown>; dedupeKey: string },
): Promise<void> {
  await m.query(
    `INSERT INTO request_events (request_id, agency_id, kind, from_state, to_state, data, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
    [e.requestId, e.agencyId, e.kind, e.from, e.to, JSON.stringify(e.data), e.dedupeKey],
  );
}

/** Tells the author and the sending agency's supervisors, once per occasion (`dedupeKey` + user). */
export async function notifyRequestSender(
  m: EntityManager, n: { agencyId: string; authorId: string; kind: string; payload: Record<string, unknown>; dedupeKey: string },
): Promise<Array<{ id: string; user_id: string; created_at: Date }>> {
  return rowsOf<{ id: string; user_id: string; created_at: Date }>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT $1, u.id, $2, $3::jsonb, $4 || ':' || u.id FROM users u
     WHERE u.agency_id = $1 AND u.active AND (u.id = $5 OR 'SUPERVISOR' = ANY (u.roles))
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, user_id, created_at`,
    [n.agencyId, n.kind, JSON.stringify(n.payload), n.dedupeKey, n.authorId],
  ));
}
