import { Injectable } from '@nestjs/common';
import {
  allowedRequestTransitions, AuditAction, AuditOutcome, awaitsAnswer, deadlineColour, FreezeKind, holdExpiresAt, holdPeriod, HOLDING_STATES, mayCall,
  RequestParty, RequestState, requestTransitionProblem, REQUEST_REFERENCE_PREFIX, REQUEST_TARGET_KIND, RequestType,
} from '@caselink/domain';
import {
  addRequestAttachments, AuditRecord, changeRequest, createRequest, deadlineRules, downstreamOf, inboxCounts, listRequests, markRequestRead, NewRequest,
  recordAudit, recordAudits, RequestAttachmentInput, requestAttachmentList, requestById, requestCase, RequestCaseRow, RequestChangeColumn,
  RequestEventRow, requestEvents, RequestRow, requestsForCase,
} from '@caselink/db';
import { DeadlineJob, JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { RequestDirection } from '../cases/case.model';
import { LivePublisher } from '../live/live.publisher';
import { RequestListArgs } from './requests.dto';
import {
  AgencyRequestModel, DeadlineColour, DeadlineRuleModel, DownstreamTransferModel, InboxCountsModel, RequestAttachmentModel, RequestEventKind,
  RequestEventModel,
} from './request.model';

export type { RequestRow };

/** Who moves a request: the police who sent it, or the agency it is addressed to. */
export function partyOf(actor: Actor, r: Pick<RequestRow, 'from_agency_id' | 'to_agency_id'>): RequestParty | null {
  if (r.from_agency_id === actor.agencyId) return 'SENDER';
  if (r.to_agency_id === actor.agencyId) return 'RECIPIENT';
  return null;
}

/** Material of a case leaves with a request only if its holder may pass it on: the owner, or a live share allowing it. */
export function assertMayPassOn(actor: Actor, c: RequestCaseRow): void {
  if (c.agency_id !== actor.agencyId && !c.may_pass_on) {
    throw forbidden('This case was shared with you on condition that its material is not passed on');
  }
}

/** A new request as its type's service validated it; the case, the sender and the reference are filled in here. */
export type RequestDraft = Omit<NewRequest, 'caseId' | 'caseNumber' | 'fraudType' | 'fromAgencyId' | 'createdBy'>;

interface MoveOptions {
  note?: string | null;
  set?: Partial<Record<RequestChangeColumn, unknown>>;
  data?: Record<string, unknown>;
  address: string;
  before?: (r: RequestRow) => Promise<void>;
  /** Audit rows written with the move's own (a request created and sent at once). */
  audit?: AuditRecord[];
  /** The case as this transaction already checked it for sending. */
  sendable?: RequestCaseRow;
}

/**
 * The common life of every request: the one create path, reading (row-level security shows each agency its own
 * side), state changes checked against the domain's state machines, the timeline, read marks, live events and the
 * deadline jobs. Its SQL is the request store's (libs/db/src/requests/request-store.ts); validation that differs per
 * type lives in the type's own service.
 */
@Injectable()
export class RequestsService {
  constructor(
    readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
    private readonly jobs: JobProducers,
    private readonly live: LivePublisher,
  ) {}

  /**
   * The case a request goes out on, if the caller may act on it: its owner, or a CONTRIBUTE grantee whose owner did
   * not ask to be consulted first (PostgreSQL holds the same rule: app_may_act_on_case). Checked when a request is
   * written and again when a draft is sent; the same statement checks a named transfer and finds a live freeze.
   */
  async sendableCase(actor: Actor, caseId: string, also: Parameters<typeof requestCase>[3] = {}): Promise<RequestCaseRow> {
    const c = await requestCase(this.tx.manager, caseId, actor.agencyId, also);
    if (!c) throw notFound('Case', caseId);
    if (c.agency_id !== actor.agencyId) {
      if (c.share_access !== 'CONTRIBUTE') throw forbidden('A READ grant does not allow requests on the case; ask the owner for CONTRIBUTE');
      if (c.must_ask_before_acting) throw forbidden('The owner asked to be consulted before anyone acts on this case');
    }
    return c;
  }

  /** The addressed agency must be of the kind the request's type goes to. */
  async assertTarget(field: string, agencyId: string, type: RequestType): Promise<void> {
    const kind = REQUEST_TARGET_KIND[type];
    const target = (await this.directory.all(this.tx.manager)).get(agencyId);
    if (!target || target.kind !== kind) throw badInput(field, `must be a ${kind.toLowerCase().replace('_', ' ')} agency`);
  }

  /**
   * The one create path of freezes, telecom and cooperation requests: numbered, written as a DRAFT with its
   * attachments, audited, and sent at once unless a draft was asked for. Null when the same freeze is live already.
   */
  async create(
    actor: Actor, c: RequestCaseRow, draft: RequestDraft,
    opts: { draft: boolean; address: string; attachments?: readonly RequestAttachmentInput[]; details?: Record<string, unknown> },
  ): Promise<AgencyRequestModel | null> {
    const m = this.tx.manager;
    const own = await this.directory.get(actor.agencyId, m);
    const year = new Date().getFullYear();
    const r = await createRequest(m, { ...draft, caseId: c.id, caseNumber: c.case_number, fraudType: c.fraud_type, fromAgencyId: actor.agencyId, createdBy: actor.userId }, {
      year, prefix: `${REQUEST_REFERENCE_PREFIX[draft.type]}-${own.region}-${year}-`,
    });
    if (!r) return null;
    if (opts.attachments?.length) {
      await addRequestAttachments(m, r.id, actor.agencyId, actor.userId, opts.attachments);
      r.has_attachments = true;
    }
    const created: AuditRecord = {
      action: AuditAction.REQUEST_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'AgencyRequest', entityId: r.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: opts.address,
      details: { reference: r.reference, type: r.type, kind: r.kind, to: r.to_agency_id, ...opts.details },
    };
    if (!opts.draft) return this.moveRow(actor, r, RequestState.SENT, { address: opts.address, audit: [created], sendable: c });
    await recordAudit(m, created);
    await markRequestRead(m, { userId: actor.userId, agencyId: actor.agencyId, requestId: r.id, version: r.version });
    return this.toModel(actor, { ...r, read_version: r.version });
  }

  async row(id: string, lock = false): Promise<RequestRow> {
    const r = await requestById(this.tx.manager, id, { lock });
    if (!r) throw notFound('AgencyRequest', id);
    return r;
  }

  async get(actor: Actor, id: string): Promise<AgencyRequestModel> {
    return this.toModel(actor, await this.row(id));
  }

  async list(actor: Actor, args: RequestListArgs): Promise<Connection<AgencyRequestModel>> {
    const { rows, total } = await listRequests(this.tx.manager, {
      agencyId: actor.agencyId, incoming: args.direction === RequestDirection.INCOMING, type: args.type, states: args.states, overdueOnly: args.overdueOnly,
      afterId: args.after ? decodeCursor(args.after) : null, limit: args.first + 1,
    });
    const edges = await Promise.all(rows.slice(0, args.first).map(async (r) => ({ cursor: encodeCursor(r.id), node: await this.toModel(actor, r) })));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  async forCase(actor: Actor, caseId: string): Promise<AgencyRequestModel[]> {
    return Promise.all((await requestsForCase(this.tx.manager, caseId, actor.agencyId)).map((r) => this.toModel(actor, r)));
  }

  counts(actor: Actor): Promise<InboxCountsModel> {
    return inboxCounts(this.tx.manager, actor.agencyId);
  }

  async markRead(actor: Actor, id: string): Promise<AgencyRequestModel> {
    const r = await this.row(id);
    await markRequestRead(this.tx.manager, { userId: actor.userId, agencyId: actor.agencyId, requestId: id, version: r.version });
    return this.toModel(actor, { ...r, read_version: r.version });
  }

  rules(): Promise<DeadlineRuleModel[]> {
    return deadlineRules(this.tx.manager);
  }

  /**
   * Moves a request from its current state to `to` for the caller's side, under a row lock: checked
   * against the state machine (CONFLICT naming the current state otherwise), with a timeline event,
   * audit, read mark for the actor, live event and deadline jobs after commit.
   */
  async move(actor: Actor, id: string, to: RequestState, opts: MoveOptions): Promise<AgencyRequestModel> {
    return this.moveRow(actor, await this.row(id, true), to, opts);
  }

  /** A move of a row this transaction holds already (locked, or just written). */
  async moveRow(actor: Actor, r: RequestRow, to: RequestState, opts: MoveOptions): Promise<AgencyRequestModel> {
    const party = partyOf(actor, r);
    if (!party) throw notFound('AgencyRequest', r.id);
    const problem = requestTransitionProblem(r.type, r.state, to, party, { freezeKind: r.kind as FreezeKind, extensions: r.extensions });
    if (problem) throw conflict(`The request is ${r.state}: ${problem}`, { currentState: r.state });
    if (to === RequestState.SENT) {
      const c = opts.sendable ?? (await this.sendableCase(actor, r.case_id));
      // Evidence attached to a draft goes out only if the case may still be passed on now (the share may have
      // changed since it was attached); PostgreSQL checks the same (agency_requests_pass_on_guard).
      if (r.has_attachments) assertMayPassOn(actor, c);
    }
    await opts.before?.(r);
    // sent_at and deadline_at are the database's: agency_requests_transitions sets them from the deadline rules.
    const set: Partial<Record<RequestChangeColumn, unknown>> = { ...opts.set };
    if (to === RequestState.ACKNOWLEDGED) set.acknowledged_at = new Date();
    if (awaitsAnswer(r.type, r.state) && !awaitsAnswer(r.type, to) && to !== RequestState.WITHDRAWN) set.answered_at = new Date();
    if (opts.note !== undefined && party === 'RECIPIENT') set.answer_note = opts.note;
    const { row: updated, event } = await changeRequest(
      this.tx.manager, r.id, { state: to, set },
      { kind: RequestEventKind.STATE, from: r.state, to, body: opts.note ?? null, data: opts.data },
      { userId: actor.userId, agencyId: actor.agencyId, authorFallback: actor.email },
    );
    if (party === 'RECIPIENT') {
      // The author hears of the answer (the worker writes it as the sending agency).
      this.tx.afterCommit(() => this.jobs.notify({
        kind: 'REQUEST_ANSWERED', agencyId: r.from_agency_id, userId: r.created_by, requestId: r.id, reference: r.reference, caseId: r.case_id,
        caseNumber: r.case_number, state: to, eventId: event.id,
      }));
    }
    await recordAudits(this.tx.manager, [...(opts.audit ?? []), {
      action: AuditAction.REQUEST_STATE_CHANGED, outcome: AuditOutcome.SUCCESS, entityType: 'AgencyRequest', entityId: r.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: opts.address, details: { reference: r.reference, from: r.state, to },
    }]);
    this.afterChange(updated, RequestEventKind.STATE, r);
    return this.toModel(actor, updated);
  }

  /** A message in the thread, from either side. */
  async message(actor: Actor, id: string, body: string): Promise<RequestEventModel> {
    const r = await this.row(id, true);
    if (!partyOf(actor, r)) throw notFound('AgencyRequest', id);
    const text = body.trim();
    if (!text) throw badInput('body', 'must not be empty');
    const { row: updated, event } = await changeRequest(
      this.tx.manager, id, {}, { kind: RequestEventKind.MESSAGE, body: text }, { userId: actor.userId, agencyId: actor.agencyId, authorFallback: actor.email },
    );
    this.afterChange(updated, RequestEventKind.MESSAGE, r);
    return this.eventModel(event);
  }

  async events(id: string): Promise<RequestEventModel[]> {
    return Promise.all((await requestEvents(this.tx.manager, id)).map((e) => this.eventModel(e)));
  }

  /** What the bank reported as the money's next stops (from its answer), for both parties. */
  async downstream(id: string): Promise<DownstreamTransferModel[]> {
    return (await downstreamOf(this.tx.manager, id)).map((d) => ({ toAccount: d.toAccount, bank: d.bank, amount: d.amount, occurredAt: new Date(d.occurredAt) }));
  }

  async attachments(id: string): Promise<RequestAttachmentModel[]> {
    return (await requestAttachmentList(this.tx.manager, id)).map((a) => ({
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
    if (r.expires_at && HOLDING_STATES.includes(r.state)) {
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

  private async eventModel(e: RequestEventRow): Promise<RequestEventModel> {
    return {
      id: e.id, kind: e.kind as RequestEventKind, fromState: e.from_state, toState: e.to_state, body: e.body, agency: await this.directory.get(e.agency_id),
      authorName: e.author_name, createdAt: e.created_at,
    };
  }
}
