import { Injectable } from '@nestjs/common';
import {
  AuditAction, AuditOutcome, BANK_ACCOUNT_KINDS, FREEZE_AWAITING_STATES, FreezeBatchItemOutcome, FreezeKind, FundNode, HOLDING_STATES, IdentifierKind,
  isPersonalData, JobState, maskIdentifier, RequestState, RequestType,
} from '@caselink/domain';
import {
  addFreezeBatchItems, freezeBatchById, freezeBatchByKey, freezeBatchesOfCase, freezeBatchItemsOf, FreezeBatchItemRow, FreezeBatchRow, fundTraceById,
  insertFreezeBatch, liveFreezesOf, NewFreezeBatchItem, recordAudit, RequestCaseRow, requestsByIds, traceFundsFrom,
} from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { BankRoutingService } from '../bank-routing/bank-routing.service';
import { money } from '../linking/fund-trace.service';
import { SendEmergencyStopsInput } from './freeze-batch.dto';
import { FreezeBatchBankModel, FreezeBatchItemModel, FreezeBatchModel, FreezeBatchTotalsModel } from './freeze-batch.model';
import { AgencyRequestModel } from './request.model';
import { RequestsService } from './requests.service';

/** The part of a trace a batch needs (a trace just run, or one stored by the worker). */
interface TraceForBatch {
  caseId: string;
  transferId: string;
  fundTraceId: string | null;
  maxHops: number;
  lastSeen: readonly FundNode[];
  edges: ReadonlyArray<{ transferId: string; to: string; tracedCents: number; caseId: string }>;
}

/** Decimal CNY as integer cents (non-negative, at most 2 decimals, as PostgreSQL writes numeric(18,2)). */
const cents = (amount: string | null): number => {
  if (!amount) return 0;
  const [whole, frac = ''] = amount.split('.');
  return Number(whole) * 100 + Number(`${frac}00`.slice(0, 2));
};

type Counts = Pick<FreezeBatchBankModel, 'awaiting' | 'holding' | 'ended' | 'overdue'> & { asked: number; held: number };

/**
 * Batches of emergency stops from a fund trace (issue 16 part 2): one action sends a stop for every last-seen account
 * of the trace, each to its account's issuing bank; accounts no bank registered (and wallets) are listed back, not sent.
 *
 * All or nothing per batch: the batch, every stop (through the one create path: numbered, audited, sent, its clock
 * started) and its items commit in one transaction, and the banks hear of them only after that commit. What differs
 * per account — no known bank, a stop live already — is an item's outcome, not a failure, so a batch fails only for
 * what would fail every item (the case may not be acted on, the trace is gone, the legal document is missing) or for
 * a fault, and then nothing is sent: the client retries with the same key and gets exactly one batch. Per-item commits
 * would leave a batch half-sent after a fault, to be reconciled by hand at the very moment minutes count.
 *
 * Idempotent: the client key is unique per agency; a retry answers the batch sent with it (replayed) and sends
 * nothing, also when two tries race (the second waits on the key and finds the first). A stop live already on the
 * case for the account is never sent again (the live-freeze index), whichever batch or form sent it.
 */
@Injectable()
export class FreezeBatchesService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly requests: RequestsService,
    private readonly routing: BankRoutingService,
    private readonly directory: AgencyDirectory,
  ) {}

  async send(actor: Actor, input: SendEmergencyStopsInput, address: string): Promise<FreezeBatchModel> {
    const m = this.tx.manager;
    const clientKey = input.clientKey.trim();
    if (!clientKey) throw badInput('input.clientKey', 'must not be empty');
    const legalBasisDoc = input.legalBasisDoc.trim();
    if (!legalBasisDoc) throw badInput('input.legalBasisDoc', 'must not be empty');
    if (!input.transferId === !input.fundTraceRunId) throw badInput('input.transferId', 'give either transferId or fundTraceRunId · 请给出 transferId 或 fundTraceRunId 之一');
    const earlier = await freezeBatchByKey(m, actor.agencyId, clientKey);
    if (earlier) return this.replay(actor, earlier, input);

    const trace = await this.traceOf(input);
    const c = await this.requests.sendableCase(actor, trace.caseId);
    const targets = this.targets(trace, input.accounts ?? null);
    if (targets.length === 0) throw badInput(input.transferId ? 'input.transferId' : 'input.fundTraceRunId', 'the trace has no last-seen account holding money · 追踪结果中没有可止付的账户');

    const batch = await insertFreezeBatch(m, {
      agencyId: actor.agencyId, caseId: c.id, clientKey, transferId: trace.transferId, fundTraceId: trace.fundTraceId, maxHops: trace.maxHops, legalBasisDoc,
      createdBy: actor.userId,
    });
    // The same key sent meanwhile by a try that has committed: its batch.
    if (!batch) return this.replay(actor, await this.byKey(actor, clientKey), input);

    const banks = await this.routing.issuingBanks(targets.map((n) => ({ kind: n.kind, canonical: n.key })));
    const live = await liveFreezesOf(m, c.id, FreezeKind.EMERGENCY_STOP, targets.map((n) => n.key));
    const items: NewFreezeBatchItem[] = [];
    for (const n of targets) {
      const accountKind = n.kind as IdentifierKind;
      const bank = banks.get(n.key);
      // Personal data (a payment app's phone account) is kept masked: it is listed back, never sent.
      const shown = isPersonalData(accountKind) ? maskIdentifier(accountKind, n.key) : n.label;
      const item: NewFreezeBatchItem = {
        account: shown, accountKind, accountCanonical: isPersonalData(accountKind) ? shown : n.key, amount: money(n.heldCents),
        bankAgencyId: bank?.bank.id ?? null, matchedPrefix: bank?.prefix ?? null, requestId: null, outcome: FreezeBatchItemOutcome.SENT,
      };
      if (!bank) item.outcome = BANK_ACCOUNT_KINDS.includes(accountKind) ? FreezeBatchItemOutcome.UNKNOWN_BANK : FreezeBatchItemOutcome.NOT_A_BANK_ACCOUNT;
      else {
        const stop = await this.stop(actor, c, batch.id, live.get(n.key), { node: n, bankAgencyId: bank.bank.id, bankName: bank.bank.name, legalBasisDoc, urgency: input.urgency, trace }, address);
        item.requestId = stop.id;
        if (!stop.sent) {
          // Live already (sent earlier, by another agency working the case, or by a batch that raced this one): not sent again.
          item.outcome = FreezeBatchItemOutcome.ALREADY_LIVE;
          item.requestId ??= (await liveFreezesOf(m, c.id, FreezeKind.EMERGENCY_STOP, [n.key])).get(n.key)?.id ?? null;
        }
      }
      items.push(item);
    }
    await addFreezeBatchItems(m, batch.id, actor.agencyId, items);
    const count = (o: FreezeBatchItemOutcome) => items.filter((i) => i.outcome === o).length;
    await recordAudit(m, {
      action: AuditAction.FREEZE_BATCH_SENT, outcome: AuditOutcome.SUCCESS, entityType: 'FreezeBatch', entityId: batch.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: {
        caseId: c.id, transferId: trace.transferId, fundTraceId: trace.fundTraceId, sent: count(FreezeBatchItemOutcome.SENT), alreadyLive: count(FreezeBatchItemOutcome.ALREADY_LIVE),
        unknownBank: count(FreezeBatchItemOutcome.UNKNOWN_BANK), notABankAccount: count(FreezeBatchItemOutcome.NOT_A_BANK_ACCOUNT),
      },
    });
    return this.get(actor, batch.id);
  }

  async get(actor: Actor, id: string): Promise<FreezeBatchModel> {
    const batch = await freezeBatchById(this.tx.manager, id);
    if (!batch) throw notFound('FreezeBatch', id);
    return this.toModel(actor, batch, false);
  }

  async forCase(actor: Actor, caseId: string): Promise<FreezeBatchModel[]> {
    const batches = await freezeBatchesOfCase(this.tx.manager, caseId);
    return this.toModels(actor, batches);
  }

  /**
   * The emergency stop of one account: a live one is kept (a draft of it is sent now), otherwise a new one goes through
   * the one create path (numbered, audited with the batch named, sent, its clock started). Null when another agency's
   * stop of the account is live (the insert found it).
   */
  private async stop(
    actor: Actor, c: RequestCaseRow, batchId: string, live: { id: string; state: RequestState } | undefined,
    s: { node: FundNode; bankAgencyId: string; bankName: string; legalBasisDoc: string; urgency: SendEmergencyStopsInput['urgency']; trace: TraceForBatch },
    address: string,
  ): Promise<{ id: string | null; sent: boolean }> {
    if (live?.state === RequestState.DRAFT) return { id: (await this.requests.move(actor, live.id, RequestState.SENT, { address, sendable: c })).id, sent: true };
    if (live) return { id: live.id, sent: false };
    // The transfer the trace followed into the account with the most traced money, when it is one of this case's.
    const into = s.trace.edges.filter((e) => e.to === s.node.key && e.caseId === c.id).sort((a, b) => b.tracedCents - a.tracedCents)[0];
    const created = await this.requests.create(actor, c, {
      type: RequestType.FREEZE, kind: FreezeKind.EMERGENCY_STOP, toAgencyId: s.bankAgencyId, urgency: s.urgency, legalBasisDoc: s.legalBasisDoc,
      account: s.node.label, accountKind: s.node.kind, accountCanonical: s.node.key, bankName: s.bankName, amount: money(s.node.heldCents),
      sourceTransferId: into?.transferId ?? null,
    }, { draft: false, address, details: { batchId } });
    return { id: created?.id ?? null, sent: created !== null };
  }

  /** The trace the batch is sent from: run again now from its transfer, or a background run that is DONE. */
  private async traceOf(input: SendEmergencyStopsInput): Promise<TraceForBatch> {
    const m = this.tx.manager;
    if (input.transferId) {
      const result = await traceFundsFrom(m, input.transferId, { maxHops: input.maxHops, maxEdges: 2_000 });
      const start = result?.edges.find((e) => e.transferId === input.transferId);
      if (!result || !start) throw notFound('Transfer', input.transferId);
      return { caseId: start.caseId, transferId: input.transferId, fundTraceId: null, maxHops: input.maxHops, lastSeen: result.lastSeen, edges: result.edges };
    }
    const id = input.fundTraceRunId as string;
    const run = await fundTraceById(m, id);
    if (!run) throw notFound('FundTraceRun', id);
    if (run.state !== JobState.DONE || !run.result) {
      throw conflict(`input.fundTraceRunId: the trace is ${run.state}; send the stops once it is DONE · 追踪尚未完成`, { field: 'input.fundTraceRunId', currentState: run.state });
    }
    return { caseId: run.case_id, transferId: run.transfer_id, fundTraceId: run.id, maxHops: run.max_hops, lastSeen: run.result.lastSeen, edges: run.result.edges };
  }

  /** The last-seen accounts holding money (most first), or those of them the client named (each must be one). */
  private targets(trace: TraceForBatch, only: readonly string[] | null): FundNode[] {
    const holding = trace.lastSeen.filter((n) => n.heldCents > 0);
    if (!only) return holding;
    only.forEach((key, i) => {
      if (!holding.some((n) => n.key === key.trim())) throw badInput(`input.accounts.${i}`, 'is not a last-seen account of the trace · 不是追踪结果中的资金最后停留账户');
    });
    const wanted = new Set(only.map((k) => k.trim()));
    return holding.filter((n) => wanted.has(n.key));
  }

  private async byKey(actor: Actor, clientKey: string): Promise<FreezeBatchRow> {
    const row = await freezeBatchByKey(this.tx.manager, actor.agencyId, clientKey);
    if (!row) throw new Error(`freeze batch ${clientKey} was neither inserted nor found`);
    return row;
  }

  /** A retry: the batch sent with the key, if it was for the same trace. */
  private async replay(actor: Actor, batch: FreezeBatchRow, input: SendEmergencyStopsInput): Promise<FreezeBatchModel> {
    const same = input.fundTraceRunId ? batch.fund_trace_id === input.fundTraceRunId : batch.fund_trace_id === null && batch.transfer_id === input.transferId;
    if (!same) throw conflict('input.clientKey: this key was used for a batch from another trace · 该请求键已用于另一追踪的批量止付', { field: 'input.clientKey', batchId: batch.id });
    return this.toModel(actor, batch, true);
  }

  private async toModel(actor: Actor, batch: FreezeBatchRow, replayed: boolean): Promise<FreezeBatchModel> {
    const [model] = await this.toModels(actor, [batch], replayed);
    return model;
  }

  /** Batches with their items, requests, per-bank counts and totals: two statements for any number of batches. */
  private async toModels(actor: Actor, batches: readonly FreezeBatchRow[], replayed = false): Promise<FreezeBatchModel[]> {
    const m = this.tx.manager;
    const rows = await freezeBatchItemsOf(m, batches.map((b) => b.id));
    const requests = new Map<string, AgencyRequestModel>();
    for (const r of await requestsByIds(m, [...new Set(rows.flatMap((i) => i.request_id ?? []))])) requests.set(r.id, await this.requests.toModel(actor, r));
    return Promise.all(batches.map(async (b) => {
      const items = await Promise.all(rows.filter((i) => i.batch_id === b.id).map((i) => this.itemModel(i, i.request_id ? requests.get(i.request_id) ?? null : null)));
      return {
        id: b.id, caseId: b.case_id, caseNumber: b.case_number ?? '', clientKey: b.client_key, transferId: b.transfer_id, fundTraceRunId: b.fund_trace_id,
        maxHops: b.max_hops, legalBasisDoc: b.legal_basis_doc, createdByName: b.created_by_name ?? null, createdAt: b.created_at, replayed,
        items, ...this.figures(items),
      };
    }));
  }

  private async itemModel(i: FreezeBatchItemRow, request: AgencyRequestModel | null): Promise<FreezeBatchItemModel> {
    return {
      position: i.position, account: i.account, accountKind: i.account_kind, amountAsked: i.amount, outcome: i.outcome,
      bank: i.bank_agency_id ? await this.directory.get(i.bank_agency_id, this.tx.manager) : null, matchedPrefix: i.matched_prefix, request,
      state: request?.state ?? null, amountHeld: request?.amountHeld ?? null, deadlineAt: request?.deadlineAt ?? null, overdue: request?.overdue ?? false,
    };
  }

  /** Per bank and in total: awaiting, holding, ended, overdue, money asked and held, the next deadline, the first hold. */
  private figures(items: readonly FreezeBatchItemModel[]): { banks: FreezeBatchBankModel[]; totals: FreezeBatchTotalsModel } {
    const empty = (): Counts => ({ awaiting: 0, holding: 0, ended: 0, overdue: 0, asked: 0, held: 0 });
    const total = empty();
    const perBank = new Map<string, { model: FreezeBatchBankModel['bank']; items: number; counts: Counts }>();
    let nextDeadlineAt: Date | null = null;
    let firstHeldAt: Date | null = null;
    for (const item of items) {
      const r = item.request;
      if (!item.bank || (item.outcome !== FreezeBatchItemOutcome.SENT && item.outcome !== FreezeBatchItemOutcome.ALREADY_LIVE)) continue;
      const entry = perBank.get(item.bank.id) ?? { model: item.bank, items: 0, counts: empty() };
      perBank.set(item.bank.id, entry);
      entry.items++;
      for (const counts of [entry.counts, total]) {
        counts.asked += cents(item.amountAsked);
        if (!r) continue;
        counts.held += cents(r.amountHeld);
        if (FREEZE_AWAITING_STATES.includes(r.state)) counts.awaiting++;
        else if (HOLDING_STATES.includes(r.state)) counts.holding++;
        else if (r.state !== RequestState.DRAFT) counts.ended++;
        if (r.overdue) counts.overdue++;
      }
      if (r && FREEZE_AWAITING_STATES.includes(r.state) && r.deadlineAt && (!nextDeadlineAt || r.deadlineAt < nextDeadlineAt)) nextDeadlineAt = r.deadlineAt;
      if (r?.heldAt && r.amountHeld && (!firstHeldAt || r.heldAt < firstHeldAt)) firstHeldAt = r.heldAt;
    }
    const outcome = (o: FreezeBatchItemOutcome) => items.filter((i) => i.outcome === o).length;
    const { asked, held, ...counts } = total;
    return {
      banks: [...perBank.values()]
        .map(({ model, items: n, counts: k }) => ({ bank: model, items: n, awaiting: k.awaiting, holding: k.holding, ended: k.ended, overdue: k.overdue, amountAsked: money(k.asked), amountHeld: money(k.held) }))
        .sort((a, b) => b.items - a.items || a.bank.name.localeCompare(b.bank.name)),
      totals: {
        items: items.length, sent: outcome(FreezeBatchItemOutcome.SENT), alreadyLive: outcome(FreezeBatchItemOutcome.ALREADY_LIVE),
        notSent: outcome(FreezeBatchItemOutcome.UNKNOWN_BANK) + outcome(FreezeBatchItemOutcome.NOT_A_BANK_ACCOUNT), ...counts,
        amountAsked: money(asked), amountHeld: money(held), nextDeadlineAt, firstHeldAt,
      },
    };
  }
}
