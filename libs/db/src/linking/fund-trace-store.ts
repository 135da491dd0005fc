import type { EntityManager } from 'typeorm';
import { FundEdge, FundMovement, FundTraceResult, JobState, traceFunds, UNFINISHED_JOB_STATES } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Fund tracing (issue 15): following money forward over transfers, answered at once by the api or run deep by the
 * worker, and the background traces (fund_traces) the api starts and the worker runs. Every function runs in the
 * caller's transaction as the requesting agency: row-level security decides which transfers a trace may follow and
 * which traces the agency sees.
 */

interface TransferRow {
  id: string;
  case_id: string;
  from_kind: string;
  from_canonical: string;
  from_account: string;
  to_kind: string;
  to_canonical: string;
  to_account: string;
  bank: string | null;
  /** bigint */
  cents: string;
  occurred_at: Date;
  source: string;
}

/** Transfers read per hop at most; a trace that meets it says it was cut short. */
const HOP_LIMIT = 5000;

const COLUMNS = `id, case_id, from_kind, from_canonical, from_account, to_kind, to_canonical, to_account, bank,
  round(amount * 100)::bigint AS cents, occurred_at, source`;

const toMovement = (r: TransferRow): FundMovement => ({
  id: r.id, fromKey: r.from_canonical, toKey: r.to_canonical, toKind: r.to_kind, toLabel: r.to_account, bank: r.bank,
  amountCents: Number(r.cents), occurredAt: new Date(r.occurred_at), caseId: r.case_id, source: r.source,
});

/**
 * Traces money forward from one transfer, reading transfers through the caller's transaction: row-level
 * security decides which transactions the trace may follow, so it never crosses into a case the caller
 * cannot see. Null when the transfer is not visible. One query per hop.
 */
export async function traceFundsFrom(
  m: EntityManager,
  transferId: string,
  options: { maxHops: number; maxEdges?: number; onHop?: (hop: number) => Promise<void> | void },
): Promise<FundTraceResult | null> {
  const [start] = rowsOf<TransferRow>(await m.query(`SELECT ${COLUMNS} FROM transfers WHERE id = $1`, [transferId]));
  if (!start) return null;
  let hop = 1;
  let cut = false;
  const result = await traceFunds(
    { ...toMovement(start), fromKind: start.from_kind, fromLabel: start.from_account },
    async (accounts, notBefore, notAfter) => {
      await options.onHop?.(hop++);
      const rows = rowsOf<TransferRow>(await m.query(
        `SELECT ${COLUMNS} FROM transfers WHERE from_canonical = ANY($1::text[]) AND occurred_at BETWEEN $2 AND $3
         ORDER BY occurred_at, id LIMIT ${HOP_LIMIT}`,
        [accounts, notBefore, notAfter],
      ));
      // More transfers in one hop than are read: say the trace was cut short rather than misplace the money.
      if (rows.length === HOP_LIMIT) cut = true;
      return rows.map(toMovement);
    },
    { maxHops: options.maxHops, maxEdges: options.maxEdges },
  );
  return { ...result, truncated: result.truncated || cut };
}

/** A trace as stored in fund_traces.result (JSON: its dates are strings). */
export type StoredFundTrace = Omit<FundTraceResult, 'edges'> & { edges: Array<Omit<FundEdge, 'occurredAt'> & { occurredAt: string }> };

/** A row of fund_traces. */
export interface FundTraceRow {
  id: string;
  agency_id: string;
  requested_by: string;
  case_id: string;
  transfer_id: string;
  max_hops: number;
  state: JobState;
  done: number;
  result: StoredFundTrace | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** A background trace from a transfer, QUEUED, in the transfer's case; null when the transfer is not visible. */
export async function startFundTrace(m: EntityManager, t: { agencyId: string; userId: string; transferId: string; maxHops: number }): Promise<FundTraceRow | null> {
  const [row] = rowsOf<FundTraceRow>(await m.query(
    `INSERT INTO fund_traces (agency_id, requested_by, case_id, transfer_id, max_hops)
     SELECT $1::uuid, $2::uuid, x.case_id, x.id, $4::int FROM transfers x WHERE x.id = $3 RETURNING *`,
    [t.agencyId, t.userId, t.transferId, t.maxHops],
  ));
  return row ?? null;
}

export async function fundTraceById(m: EntityManager, id: string): Promise<FundTraceRow | null> {
  const [row] = rowsOf<FundTraceRow>(await m.query('SELECT * FROM fund_traces WHERE id = $1', [id]));
  return row ?? null;
}

/** The worker takes the trace (again, after a crash); null when it has finished meanwhile. */
export async function claimFundTrace(m: EntityManager, id: string): Promise<Pick<FundTraceRow, 'transfer_id' | 'max_hops'> | null> {
  const [row] = rowsOf<Pick<FundTraceRow, 'transfer_id' | 'max_hops'>>(await m.query(
    `UPDATE fund_traces SET state = 'RUNNING' WHERE id = $1 AND state = ANY ($2::text[]) RETURNING transfer_id, max_hops`,
    [id, UNFINISHED_JOB_STATES],
  ));
  return row ?? null;
}

export async function reportFundTraceHop(m: EntityManager, id: string, hop: number): Promise<void> {
  await m.query('UPDATE fund_traces SET done = $2 WHERE id = $1', [id, hop]);
}

/** The trace's outcome: DONE with its result, or FAILED with why when there is none. */
export async function finishFundTrace(m: EntityManager, id: string, outcome: { result: FundTraceResult } | { error: string }): Promise<void> {
  const done = 'result' in outcome;
  await m.query(`UPDATE fund_traces SET state = $2, result = $3, done = max_hops, finished_at = now(), error = $4 WHERE id = $1`, [
    id, done ? 'DONE' : 'FAILED', done ? JSON.stringify(outcome.result) : null, done ? null : outcome.error,
  ]);
}

/** The trace failed for good (its last attempt threw). */
export async function failFundTrace(m: EntityManager, id: string, error: string): Promise<void> {
  await m.query(`UPDATE fund_traces SET state = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [id, error]);
}

/** A trace QUEUED or RUNNING since longer than asked, whoever's (fund_traces_stalled(): ids only, across agencies). */
export interface StalledFundTraceRow {
  id: string;
  agency_id: string;
  requested_by: string;
}

export async function stalledFundTraces(m: EntityManager, minAgeMs: number): Promise<StalledFundTraceRow[]> {
  return rowsOf<StalledFundTraceRow>(await m.query(`SELECT id, agency_id, requested_by FROM fund_traces_stalled($1 * interval '1 millisecond')`, [minAgeMs]));
}
