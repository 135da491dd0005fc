import { Injectable } from '@nestjs/common';
import {
  AgencyKind, allowedRequestTransitions, AuditAction, AuditOutcome, awaitsAnswer, deadlineColour, FraudType, FreezeKind, holdExpiresAt, holdPeriod,
  IdentifierKind, LegalBasis, mayCall, RequestParty, RequestState, requestTransitionProblem, RequestType, Urgency,
} from '@caselink/domain';
import { recordAudit, rowsOf } from '@caselink/db';
import { DeadlineJob, JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { CasesService } from '../cases/cases.service';
import { RequestDirection, ViewerAccess, type CaseModel } from '../cases/case.model';
import { LivePublisher } from '../live/live.publisher';
import { RequestListArgs } from './requests.dto';
import {
  AgencyRequestModel, DeadlineColour, DeadlineRuleModel, DownstreamTransferModel, InboxCountsModel, RequestAttachmentModel, RequestEventKind,
  RequestEventModel,
} from './request.model';

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
  target_kind: IdentifierKind | null;
  target_value: string | null;
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
  read_version?: number | null;
}

const SELECT = `SELECT r.*, (SELECT rr.read_version FROM request_reads rr WHERE rr.request_id = r.id AND rr.user_id = app_user()) AS read_version FROM agency_requests r`;

/** Who moves a request: the police who sent it, or the agency it is addressed to. */
export function partyOf(actor: Actor, r: Pick<RequestRow, 'from_agency_id' | 'to_agency_id'>): RequestParty | null {
  if (r.from_agency_id === actor.agencyId) return 'SENDER';
  if (r.to_agency_id === actor.agencyId) return 'RECIPIENT';
  return null;
}

/** Material of a case leaves with a request only if its holder may pass it on: the owner, or a live share allowing it. */
export function assertMayPassOn(c: CaseModel): void {
  if (c.viewerAccess !== ViewerAccess.OWNER && !c.handling?.mayPassOn) {
    throw forbidden('This case was shared with you on condition that its material is not passed on');
  }
}

/**
 * The common life of every request: reading (row-level security shows each agency its own side),
 * state changes checked against the domain's state machines, the timeline, read marks, live events
 * and the deadline jobs. Sending and answering, which differ per type, live in their own services.
 */
@Injectable()
export class RequestsService {
  constructor(
    readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
    private readonly jobs: JobProducers,
    private readonly live: LivePublisher,
    private readonly cases: CasesService,
  ) {}

  /**
   * The case a request goes out on, if the caller may act on it: its owner, or a CONTRIBUTE grantee whose owner did
   * not ask to be consulted first (PostgreSQL holds the same rule: app_may_act_on_case). Checked when a request is
   * written and again when a draft is sent.
   */
  async sendableCase(actor: Actor, caseId: string): Promise<CaseModel> {
    const c = await this.cases.get(actor, caseId);
    if (c.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow requests on the case; ask the owner for CONTRIBUTE');
    if (c.viewerAccess !== ViewerAccess.OWNER && c.handling?.mustAskBeforeActing) throw forbidden('The owner asked to be consulted before anyone acts on this case');
    return c;
  }

  async row(id: string, lock = false): Promise<RequestRow> {
    const rows = rowsOf<RequestRow>(await this.tx.manager.query(`${SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [id]));
    if (!rows[0]) throw notFound('AgencyRequest', id);
    return rows[0];
  }

  async get(actor: Actor, id: string): Promise<AgencyRequestModel> {
    return this.toModel(actor, await this.row(id));
  }

  async list(actor: Actor, args: RequestListArgs): Promise<Connection<AgencyRequestModel>> {
    const params: unknown[] = [actor.agencyId];
    const where = [args.direction === RequestDirection.INCOMING ? `r.to_agency_id = $1 AND r.sent_at IS NOT NULL` : 'r.from_agency_id = $1'];
    if (args.type) {
      params.push(args.type);
      where.push(`r.type = $${params.length}`);
    }
    if (args.states?.length) {
      params.push(args.states);
      where.push(`r.state = ANY($${params.length}::text[])`);
    }
    if (args.overdueOnly) where.push('r.overdue_at IS NOT NULL AND r.answered_at IS NULL');
    const filter = where.join(' AND ');
    const [{ n }] = (await this.tx.manager.query(`SELECT count(*)::int AS n FROM agency_requests r WHERE ${filter}`, params)) as Array<{ n: number }>;
    if (args.after) {
      params.push(decodeCursor(args.after));
      where.push(`(r.updated_at, r.id) < (SELECT x.updated_at, x.id FROM agency_requests x WHERE x.id = $${params.length})`);
    }
    params.push(args.first + 1);
    const rows = (await this.tx.manager.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.updated_at DESC, r.id DESC LIMIT $${params.length}`, params)) as RequestRow[];
    const edges = await Promise.all(rows.slice(0, args.first).map(async (r) => ({ cursor: encodeCursor(r.id), node: await this.toModel(actor, r) })));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: n };
  }

  async forCase(actor: Actor, caseId: string): Promise<AgencyRequestModel[]> {
    const rows = (await this.tx.manager.query(`${SELECT} WHERE r.case_id = $1 AND r.from_agency_id = $2 ORDER BY r.created_at DESC LIMIT 200`, [caseId, actor.agencyId])) as RequestRow[];
    return Promise.all(rows.map((r) => this.toModel(actor, r)));
  }

  async counts(actor: Actor): Promise<InboxCountsModel> {
    const [row] = (await this.tx.manager.query(
      `SELECT
         count(*) FILTER (WHERE r.to_agency_id = $1 AND r.version > coalesce(rr.read_version, -1))::int AS unread,
         count(*) FILTER (WHERE r.to_agency_id = $1 AND r.state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS'))::int AS open,
         count(*) FILTER (WHERE r.overdue_at IS NOT NULL AND r.state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS'))::int AS overdue
       FROM agency_requests r
       LEFT JOIN request_reads rr ON rr.request_id = r.id AND rr.user_id = app_user()
       WHERE (r.to_agency_id = $1 AND r.sent_at IS NOT NULL) OR r.from_agency_id = $1`,
      [actor.agencyId],
    )) as Array<{ unread: number; open: number; overdue: number }>;
    return row;
  }

  async markRead(actor: Actor, id: string): Promise<AgencyRequestModel> {
    const r = await this.row(id);
    await this.tx.manager.query(
      `INSERT INTO request_reads (user_id, request_id, agency_id, read_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, request_id) DO UPDATE SET read_version = GREATEST(request_reads.read_version, EXCLUDED.read_version)`,
      [actor.userId, id, actor.agencyId, r.version],
    );
    return this.toModel(actor, { ...r, read_version: r.version });
  }

  async rules(): Promise<DeadlineRuleModel[]> {
    const rows = (await this.tx.manager.query(
      `SELECT type, kind, urgency, (extract(epoch FROM answer_within) / 60)::int AS minutes FROM request_deadline_rules ORDER BY type, kind, urgency DESC`,
    )) as DeadlineRuleModel[];
    return rows;
  }

  async deadlineFor(type: RequestType, kind: string, urgency: Urgency): Promise<Date> {
    const [row] = (await this.tx.manager.query(
      `SELECT now() + answer_within AS at FROM request_deadline_rules WHERE type = $1 AND kind = $2 AND urgency = $3`,
      [type, kind, urgency],
    )) as Array<{ at: Date }>;
    if (!row) throw new Error(`no deadline rule for ${type}/${kind}/${urgency}`);
    return row.at;
  }

  /** A human reference per sending agency and year: FR-440000-2026-000042 (FR freeze, TR telecom, CR cooperation). */
  async nextReference(actor: Actor, type: RequestType): Promise<string> {
    const year = new Date().getFullYear();
    const [{ last_value }] = (await this.tx.manager.query(
      `INSERT INTO request_counters (agency_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_value = request_counters.last_value + 1 RETURNING last_value`,
      [actor.agencyId, year],
    )) as Array<{ last_value: number }>;
    const own = await this.directory.get(actor.agencyId);
    const prefix = type === RequestType.FREEZE ? 'FR' : type === RequestType.TELECOM ? 'TR' : 'CR';
    return `${prefix}-${own.region}-${year}-${String(last_value).padStart(6, '0')}`;
  }

  /** The addressed agency must be of the kind the request goes to. */
  async assertTarget(field: string, agencyId: string, kind: AgencyKind): Promise<void> {
    const all = await this.directory.all(this.tx.manager);
    const target = all.get(agencyId);
    if (!target || target.kind !== kind) throw badInput(field, `must be a ${kind.toLowerCase().replace('_', ' ')} agency`);
  }

  /**
   * Moves a request from its current state to `to` for the caller's side, under a row lock: checked
   * against the state machine (CONFLICT naming the current state otherwise), with a timeline event,
   * audit, read mark for the actor, live event and deadline jobs after commit.
   */
  async move(
    actor: Actor,
    id: string,
    to: RequestState,
    opts: { note?: string | null; set?: Record<string, unknown>; data?: Record<string, unknown>; address: string; before?: (r: RequestRow) => Promise<void> },
  ): Promise<AgencyRequestModel> {
    const r = await this.row(id, true);
    const party = partyOf(actor, r);
    if (!party) throw notFound('AgencyRequest', id);
    const problem = requestTransitionProblem(r.type, r.state, to, party, { freezeKind: r.kind as FreezeKind, extensions: r.extensions });
    if (problem) throw conflict(`The request is ${r.state}: ${problem}`, { currentState: r.state });
    if (to === RequestState.SENT) {
      const c = await this.sendableCase(actor, r.case_id);
      // Evidence attached to a draft goes out only if the case may still be passed on now (the share may have
      // changed since it was attached); PostgreSQL checks the same (agency_requests_pass_on_guard).
      const [attached] = (await this.tx.manager.query('SELECT 1 FROM request_attachments WHERE request_id = $1 LIMIT 1', [id])) as unknown[];
      if (attached) assertMayPassOn(c);
    }
    await opts.before?.(r);
    const set: Record<string, unknown> = { ...opts.set };
    if (to === RequestState.SENT) {
      set['sent_at'] = new Date();
      set['deadline_at'] = await this.deadlineFor(r.type, r.kind, r.urgency);
    }
    if (to === RequestState.ACKNOWLEDGED) set['acknowledged_at'] = new Date();
    if (awaitsAnswer(r.type, r.state) && !awaitsAnswer(r.type, to) && to !== RequestState.WITHDRAWN) set['answered_at'] = new Date();
    if (opts.note !== undefined && party === 'RECIPIENT') set['answer_note'] = opts.note;
    const columns = Object.keys(set);
    const assignments = columns.map((c, i) => `${c} = $${i + 3}`);
    const updated = rowsOf<RequestRow>(await this.tx.manager.query(
      `UPDATE agency_requests SET state = $2, version = version + 1, updated_at = now()${assignments.length ? ', ' + assignments.join(', ') : ''}
       WHERE id = $1 RETURNING *`,
      [id, to, ...columns.map((c) => set[c])],
    ))[0];
    const event = await this.event(actor, updated, RequestEventKind.STATE, { from: r.state, to, body: opts.note ?? null, data: opts.data });
    if (party === 'RECIPIENT') {
      // The author hears of the answer (the worker writes it as the sending agency).
      this.tx.afterCommit(() => this.jobs.notify({
        kind: 'REQUEST_ANSWERED', agencyId: r.from_agency_id, userId: r.created_by, requestId: r.id, reference: r.reference, caseId: r.case_id,
        caseNumber: r.case_number, state: to, eventId: event.id,
      }));
    }
    await recordAudit(this.tx.manager, {
      action: AuditAction.REQUEST_STATE_CHANGED, outcome: AuditOutcome.SUCCESS, entityType: 'AgencyRequest', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: opts.address, details: { reference: r.reference, from: r.state, to },
    });
    this.afterChange(updated, RequestEventKind.STATE, r);
    return this.markRead(actor, id);
  }

  /** A message in the thread, from either side. */
  async message(actor: Actor, id: string, body: string): Promise<RequestEventModel> {
    const r = await this.row(id, true);
    const party = partyOf(actor, r);
    if (!party) throw notFound('AgencyRequest', id);
    const text = body.trim();
    if (!text) throw badInput('body', 'must not be empty');
    const updated = rowsOf<RequestRow>(await this.tx.manager.query('UPDATE agency_requests SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING *', [id]))[0];
    const event = await this.event(actor, updated, RequestEventKind.MESSAGE, { body: text });
    this.afterChange(updated, RequestEventKind.MESSAGE, r);
    await this.markRead(actor, id);
    return event;
  }

  async event(
    actor: Actor,
    r: RequestRow,
    kind: RequestEventKind,
    e: { from?: RequestState; to?: RequestState; body?: string | null; data?: Record<string, unknown> },
  ): Promise<RequestEventModel> {
    const me = await this.userName(actor);
    const [row] = (await this.tx.manager.query(
      `INSERT INTO request_events (request_id, agency_id, author_id, author_name, kind, from_state, to_state, body, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, created_at`,
      [r.id, actor.agencyId, actor.userId, me, kind, e.from ?? null, e.to ?? null, e.body ?? null, e.data ? JSON.stringify(e.data) : null],
    )) as Array<{ id: string; created_at: Date }>;
    return {
      id: row.id, kind, fromState: e.from ?? null, toState: e.to ?? null, body: e.body ?? null, agency: await this.directory.get(actor.agencyId),
      authorName: me, createdAt: row.created_at,
    };
  }

  async events(id: string): Promise<RequestEventModel[]> {
    const rows = (await this.tx.manager.query(
      'SELECT id, kind, from_state, to_state, body, agency_id, author_name, created_at FROM request_events WHERE request_id = $1 ORDER BY created_at, id',
      [id],
    )) as Array<{ id: string; kind: RequestEventKind; from_state: RequestState | null; to_state: RequestState | null; body: string | null; agency_id: string; author_name: string | null; created_at: Date }>;
    return Promise.all(rows.map(async (e) => ({
      id: e.id, kind: e.kind, fromState: e.from_state, toState: e.to_state, body: e.body, agency: await this.directory.get(e.agency_id),
      authorName: e.author_name, createdAt: e.created_at,
    })));
  }

  /** What the bank reported as the money's next stops (from its answer), for both parties. */
  async downstream(id: string): Promise<DownstreamTransferModel[]> {
    const rows = (await this.tx.manager.query(
      `SELECT data->'downstream' AS rows FROM request_events WHERE request_id = $1 AND kind = 'STATE' AND data ? 'downstream' ORDER BY created_at`,
      [id],
    )) as Array<{ rows: Array<{ toAccount: string; bank: string | null; amount: string; occurredAt: string }> }>;
    return rows.flatMap((r) => r.rows).map((d) => ({ toAccount: d.toAccount, bank: d.bank, amount: d.amount, occurredAt: new Date(d.occurredAt) }));
  }

  async attachments(id: string): Promise<RequestAttachmentModel[]> {
    const rows = (await this.tx.manager.query('SELECT * FROM request_attachment_list($1)', [id])) as Array<{
      attachment_id: string; file_name: string; size_bytes: string; sha256: string; may_pass_on: boolean; may_use_in_court: boolean; must_ask_before_acting: boolean;
    }>;
    return rows.map((a) => ({
      attachmentId: a.attachment_id, fileName: a.file_name, sizeBytes: String(a.size_bytes), sha256: a.sha256,
      handling: { mayPassOn: a.may_pass_on, mayUseInCourt: a.may_use_in_court, mustAskBeforeActing: a.must_ask_before_acting },
      downloadPath: `/api/requests/${id}/attachments/${a.attachment_id}`,
    }));
  }

  /** After commit: tell both agencies, and (re)arm the clock. */
  afterChange(r: RequestRow, eventKind: RequestEventKind, before?: Pick<RequestRow, 'deadline_at' | 'expires_at' | 'state'>): void {
    this.tx.afterCommit(async () => {
      await this.live.requestUpdate({
        requestId: r.id, reference: r.reference, type: r.type, state: r.state, eventKind, overdue: r.overdue_at !== null && awaitsAnswer(r.type, r.state),
        sent: r.sent_at !== null, fromAgencyId: r.from_agency_id, toAgencyId: r.to_agency_id, at: new Date().toISOString(),
      });
      await this.schedule(r, before);
    });
  }

  private async schedule(r: RequestRow, before?: Pick<RequestRow, 'deadline_at' | 'expires_at' | 'state'>): Promise<void> {
    const job = (due: DeadlineJob['due'], at: Date): DeadlineJob => ({ requestId: r.id, fromAgencyId: r.from_agency_id, due, at: at.toISOString() });
    if (awaitsAnswer(r.type, r.state) && r.deadline_at && !r.overdue_at) await this.jobs.scheduleDeadline(job('ANSWER', r.deadline_at));
    else if (before?.deadline_at && awaitsAnswer(r.type, before.state)) await this.jobs.cancelDeadline(job('ANSWER', before.deadline_at));
    if (before?.expires_at && before.expires_at.getTime() !== r.expires_at?.getTime()) {
      await this.jobs.cancelDeadline(job('EXPIRY', before.expires_at));
      await this.jobs.cancelDeadline(job('EXPIRY_WARNING', new Date(before.expires_at.getTime() - holdPeriod(r.kind as FreezeKind).warnBeforeMs)));
    }
    if (r.expires_at && ['FROZEN', 'PARTIALLY_FROZEN', 'EXTENDED'].includes(r.state)) {
      await this.jobs.scheduleDeadline(job('EXPIRY_WARNING', new Date(r.expires_at.getTime() - holdPeriod(r.kind as FreezeKind).warnBeforeMs)));
      await this.jobs.scheduleDeadline(job('EXPIRY', r.expires_at));
    }
  }

  /** When a hold placed now (or extended from its current end) lapses. */
  holdUntil(r: RequestRow, extend: boolean): Date {
    const from = extend && r.expires_at ? r.expires_at : new Date();
    return holdExpiresAt(r.kind as FreezeKind, from);
  }

  async toModel(actor: Actor, r: RequestRow): Promise<AgencyRequestModel> {
    const party = partyOf(actor, r);
    const open = awaitsAnswer(r.type, r.state);
    const now = new Date();
    return {
      id: r.id, type: r.type, kind: r.kind, reference: r.reference, state: r.state, urgency: r.urgency, caseNumber: r.case_number, fraudType: r.fraud_type,
      caseId: party === 'SENDER' ? r.case_id : null, sourceTransferId: party === 'SENDER' ? r.source_transfer_id : null, fromAgency: await this.directory.get(r.from_agency_id), toAgency: await this.directory.get(r.to_agency_id),
      legalBasisDoc: r.legal_basis_doc, legalBasis: r.legal_basis, account: r.account, bankName: r.bank_name, amount: r.amount, amountHeld: r.amount_held,
      balance: r.balance, extensions: r.extensions, heldAt: r.held_at, expiresAt: r.expires_at, targetKind: r.target_kind, targetValue: r.target_value,
      subscriber: r.subscriber ? { name: r.subscriber['name'] ?? null, idNumber: r.subscriber['idNumber'] ?? null, address: r.subscriber['address'] ?? null, registeredOn: r.subscriber['registeredOn'] ?? null, note: r.subscriber['note'] ?? null } : null,
      summary: r.summary, subjects: (r.subjects ?? []).map((s) => ({ name: s.name, note: s.note ?? null, identifiers: s.identifiers ?? [] })),
      answerNote: r.answer_note, deadlineAt: r.deadline_at, sentAt: r.sent_at, acknowledgedAt: r.acknowledged_at, answeredAt: r.answered_at,
      overdue: open && r.overdue_at !== null, overdueAt: r.overdue_at,
      deadlineColour: open && r.sent_at && r.deadline_at ? (deadlineColour(r.sent_at, r.deadline_at, now) as DeadlineColour) : null,
      unread: party === 'RECIPIENT' ? r.version > (r.read_version ?? -1) : party === 'SENDER' ? r.version > (r.read_version ?? r.version) : false,
      allowedTransitions: party && mayCall(actor, 'changeRequestState')
        ? allowedRequestTransitions(r.type, r.state, party).filter((s) => !requestTransitionProblem(r.type, r.state, s, party, { freezeKind: r.kind as FreezeKind, extensions: r.extensions }))
        : [],
      createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }

  private async userName(actor: Actor): Promise<string> {
    const [row] = (await this.tx.manager.query('SELECT display_name FROM users WHERE id = $1', [actor.userId])) as Array<{ display_name: string }>;
    return row?.display_name ?? actor.email;
  }
}
