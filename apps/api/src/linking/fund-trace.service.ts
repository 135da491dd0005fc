import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, FundEdge, FundNode, FundTraceResult, IdentifierKind, isPersonalData } from '@caselink/domain';
import { FundTraceRow, fundTraceById, recordAudit, startFundTrace, StoredFundTrace, traceFundsFrom } from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { CasesService } from '../cases/cases.service';
import { shownValue } from '../cases/masking';
import { BankRoutingService } from '../bank-routing/bank-routing.service';
import { FundTraceEdgeModel, FundTraceModel, FundTraceNodeModel, FundTraceRunModel, JobState } from './linking.model';

/** Integer cents as decimal CNY (1234567 → 12345.67). */
export const money = (cents: number) => `${Math.trunc(cents / 100)}.${String(Math.abs(cents % 100)).padStart(2, '0')}`;

const toNode = (n: FundNode): FundTraceNodeModel => ({
  id: n.key, kind: n.kind as IdentifierKind, label: n.label, bank: n.bank, issuingBank: null, depth: n.depth, amountIn: money(n.inCents),
  amountHeld: money(n.heldCents), cycle: n.cycle, atDepthLimit: n.atDepthLimit,
});
const toEdge = (e: FundEdge | StoredFundTrace['edges'][number]): FundTraceEdgeModel => ({
  id: e.transferId, source: e.from, target: e.to, amount: money(e.amountCents), traced: money(e.tracedCents), occurredAt: new Date(e.occurredAt),
  depth: e.depth, caseId: e.caseId, cycle: e.cycle,
});

/** A trace just run, or one stored as JSON by the worker. */
export const toFundTraceModel = (r: FundTraceResult | StoredFundTrace): FundTraceModel => ({
  nodes: r.nodes.map(toNode), edges: r.edges.map(toEdge), lastSeen: r.lastSeen.map(toNode), hops: r.hops, truncated: r.truncated,
});

/**
 * Fund-flow traces over the transactions the caller may see (row-level security applies to every hop):
 * up to 6 hops answered at once, deeper ones in the funds-trace queue. Each card and account reached names the
 * bank that issues it (bank routing), so a freeze of it goes to the right bank.
 */
@Injectable()
export class FundTraceService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly jobs: JobProducers,
    private readonly cases: CasesService,
    private readonly routing: BankRoutingService,
  ) {}

  async trace(actor: Actor, transferId: string, maxHops: number): Promise<FundTraceModel> {
    const result = await traceFundsFrom(this.tx.manager, transferId, { maxHops, maxEdges: 2_000 });
    if (!result) throw notFound('Transfer', transferId);
    return this.routed(await this.masked(actor, toFundTraceModel(result)));
  }

  async start(actor: Actor, transferId: string, maxHops: number, address: string): Promise<FundTraceRunModel> {
    // In the transfer's case; no row when the caller cannot see the transfer.
    const row = await startFundTrace(this.tx.manager, { agencyId: actor.agencyId, userId: actor.userId, transferId, maxHops });
    if (!row) throw notFound('Transfer', transferId);
    await recordAudit(this.tx.manager, {
      action: AuditAction.FUND_TRACE_STARTED, outcome: AuditOutcome.SUCCESS, entityType: 'FundTrace', entityId: row.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { transferId, maxHops },
    });
    this.tx.afterCommit(() => this.jobs.enqueueFundsTrace({ traceId: row.id, agencyId: actor.agencyId, userId: actor.userId }));
    return toRunModel(row);
  }

  async run(actor: Actor, id: string): Promise<FundTraceRunModel> {
    const row = await fundTraceById(this.tx.manager, id);
    if (!row) throw notFound('FundTraceRun', id);
    const run = toRunModel(row);
    return run.result ? { ...run, result: await this.routed(await this.masked(actor, run.result)) } : run;
  }

  /** Every node with its issuing bank, in one statement for the whole trace (masked nodes are never cards or accounts). */
  private async routed(t: FundTraceModel): Promise<FundTraceModel> {
    const banks = await this.routing.issuingBanks(t.nodes.map((n) => ({ kind: n.kind, canonical: n.id })));
    if (banks.size === 0) return t;
    const node = (n: FundTraceNodeModel): FundTraceNodeModel => ({ ...n, issuingBank: banks.get(n.id) ?? null });
    return { ...t, nodes: t.nodes.map(node), lastSeen: t.lastSeen.map(node) };
  }

  /**
   * Accounts that are personal data (phones) by the clues' rule: in full only when a transfer into or out of the
   * account belongs to a case the caller sees unmasked; otherwise masked, and the node's id (the canonical
   * account) replaced so the graph still holds together without naming it.
   */
  private async masked(actor: Actor, t: FundTraceModel): Promise<FundTraceModel> {
    const clearCases = new Set((await this.cases.byIds(actor, [...new Set(t.edges.map((e) => e.caseId))])).filter((c) => !c.masked).map((c) => c.id));
    const clear = new Set(t.edges.filter((e) => clearCases.has(e.caseId)).flatMap((e) => [e.source, e.target]));
    const ids = new Map<string, string>();
    const id = (key: string, kind: IdentifierKind) => {
      if (!isPersonalData(kind) || clear.has(key)) return key;
      if (!ids.has(key)) ids.set(key, `masked:${ids.size + 1}`);
      return ids.get(key) as string;
    };
    const kinds = new Map(t.nodes.map((n) => [n.id, n.kind]));
    const node = (n: FundTraceNodeModel): FundTraceNodeModel => (id(n.id, n.kind) === n.id ? n : { ...n, id: id(n.id, n.kind), label: shownValue(n.kind, n.id, true) });
    const end = (key: string) => id(key, kinds.get(key) ?? IdentifierKind.BANK_ACCOUNT);
    return { ...t, nodes: t.nodes.map(node), lastSeen: t.lastSeen.map(node), edges: t.edges.map((e) => ({ ...e, source: end(e.source), target: end(e.target) })) };
  }
}

const toRunModel = (r: FundTraceRow): FundTraceRunModel => ({
  id: r.id, transferId: r.transfer_id, caseId: r.case_id, maxHops: r.max_hops, state: JobState[r.state], done: r.done,
  result: r.result ? toFundTraceModel(r.result) : null, error: r.error, createdAt: r.created_at, finishedAt: r.finished_at,
});
