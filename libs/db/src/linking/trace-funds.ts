import { FundMovement, FundTraceResult, traceFunds } from '@caselink/domain';
import type { EntityManager } from 'typeorm';

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
  const [start] = (await m.query(`SELECT ${COLUMNS} FROM transfers WHERE id = $1`, [transferId])) as TransferRow[];
  if (!start) return null;
  let hop = 1;
  let cut = false;
  const result = await traceFunds(
    { ...toMovement(start), fromKind: start.from_kind, fromLabel: start.from_account },
    async (accounts, notBefore, notAfter) => {
      await options.onHop?.(hop++);
      const rows = (await m.query(
        `SELECT ${COLUMNS} FROM transfers WHERE from_canonical = ANY($1::text[]) AND occurred_at BETWEEN $2 AND $3
         ORDER BY occurred_at, id LIMIT ${HOP_LIMIT}`,
        [accounts, notBefore, notAfter],
      )) as TransferRow[];
      // More transfers in one hop than are read: say the trace was cut short rather than misplace the money.
      if (rows.length === HOP_LIMIT) cut = true;
      return rows.map(toMovement);
    },
    { maxHops: options.maxHops, maxEdges: options.maxEdges },
  );
  return { ...result, truncated: result.truncated || cut };
}

