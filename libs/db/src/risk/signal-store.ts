import type { EntityManager } from 'typeorm';
import type { AccountProduct, CheckedRiskSignal, RiskSignalKind, TransferDirection } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import { subjectHashOf } from '../subject-hash';

/**
 * Risk signals (issue 15): every statement on risk_signals, for the api's reports and lists, the worker's CSV
 * uploads and the rules engine's sweep alike. Each runs in the caller's transaction: row-level security keeps a
 * reporter to its own signals (of the kinds it reports); the linking role sees them all.
 */

/** A row of risk_signals as PostgreSQL returns it. */
export interface RiskSignalRow {
  id: string;
  reporting_agency_id: string;
  kind: RiskSignalKind;
  reference: string;
  occurred_at: Date;
  region: string;
  subject_hash: Buffer | null;
  account: string | null;
  account_kind: string | null;
  product: AccountProduct | null;
  phone: string | null;
  amount: string | null;
  direction: TransferDirection | null;
  counterpart: string | null;
  counterpart_kind: string | null;
  upload_id: string | null;
  batch_id: string;
  reported_by: string | null;
  reported_at: Date;
  evaluated_at: Date | null;
}

export interface SignalBatchOrigin {
  /** The reporter; row-level security requires it to be the acting agency. */
  agencyId: string;
  userId: string | null;
  /** The unit the rules engine evaluates (and the job id it is evaluated under). */
  batchId: string;
  uploadId?: string | null;
}

/**
 * Stores checked signals in the caller's transaction, one statement for the whole batch. The ID number is hashed
 * here and goes no further. The same reference twice (in this batch or ever, per reporter) is one signal: the
 * second is counted as a duplicate and changes nothing.
 */
export async function storeRiskSignals(
  m: EntityManager, origin: SignalBatchOrigin, signals: readonly CheckedRiskSignal[], subjectHashKey?: string,
): Promise<{ accepted: number; duplicates: number }> {
  if (signals.length === 0) return { accepted: 0, duplicates: 0 };
  const col = <T>(f: (s: CheckedRiskSignal) => T) => signals.map(f);
  const rows = rowsOf<{ stored: number }>(await m.query(
    `INSERT INTO risk_signals (reporting_agency_id, reported_by, batch_id, upload_id, kind, reference, occurred_at, region, subject_hash,
       account, account_kind, product, phone, amount, direction, counterpart, counterpart_kind)
     SELECT $1, $2, $3, $4, s.* FROM unnest($5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::bytea[], $10::text[], $11::text[],
       $12::text[], $13::text[], $14::numeric[], $15::text[], $16::text[], $17::text[]) AS s
     ON CONFLICT (reporting_agency_id, reference) DO NOTHING
     RETURNING 1 AS stored`,
    [
      origin.agencyId, origin.userId, origin.batchId, origin.uploadId ?? null,
      col((s) => s.kind), col((s) => s.reference), col((s) => s.occurredAt.toISOString()), col((s) => s.region),
      col((s) => (s.subjectIdNumber ? subjectHashOf(s.subjectIdNumber, subjectHashKey) : null)),
      col((s) => s.account), col((s) => s.accountKind), col((s) => s.product), col((s) => s.phone), col((s) => s.amount),
      col((s) => s.direction), col((s) => s.counterpartAccount), col((s) => s.counterpartKind),
    ],
  ));
  return { accepted: rows.length, duplicates: signals.length - rows.length };
}

export interface RiskSignalListFilter {
  kind?: RiskSignalKind | null;
  /** Keyset: rows after this signal in the order (most recently reported first). */
  afterId?: string | null;
  limit: number;
  /** Whether to count the matching signals as well (a second statement). */
  count: boolean;
}

/** One page of the caller's own signals (row-level security), most recently reported first; total null unless counted. */
export async function listRiskSignals(m: EntityManager, f: RiskSignalListFilter): Promise<{ rows: RiskSignalRow[]; total: number | null }> {
  const matches = '($1::text IS NULL OR s.kind = $1)';
  const params: unknown[] = [f.kind ?? null];
  const where = [matches];
  if (f.afterId) {
    params.push(f.afterId);
    where.push(`(s.reported_at, s.id) < (SELECT c.reported_at, c.id FROM risk_signals c WHERE c.id = $${params.length})`);
  }
  params.push(f.limit);
  const rows = rowsOf<RiskSignalRow>(await m.query(
    `SELECT * FROM risk_signals s WHERE ${where.join(' AND ')} ORDER BY s.reported_at DESC, s.id DESC LIMIT $${params.length}`, params,
  ));
  const total = f.count ? rowsOf<{ n: number }>(await m.query(`SELECT count(*)::int AS n FROM risk_signals s WHERE ${matches}`, [f.kind ?? null]))[0].n : null;
  return { rows, total };
}

/** Batches of an upload stored but not yet evaluated (a previous attempt stopped between the two). */
export async function unevaluatedUploadBatches(m: EntityManager, uploadId: string): Promise<string[]> {
  const rows = rowsOf<{ batch_id: string }>(await m.query(
    'SELECT DISTINCT batch_id FROM risk_signals WHERE upload_id = $1 AND evaluated_at IS NULL', [uploadId],
  ));
  return rows.map((r) => r.batch_id);
}

/**
 * Batches stored at least `minAgeMs` ago and never evaluated (their job lost with Redis, or a worker died between
 * store and evaluation), oldest first: the worker's sweep, as the linking role.
 */
export async function unevaluatedBatches(m: EntityManager, minAgeMs: number, limit: number): Promise<string[]> {
  const rows = rowsOf<{ batch_id: string }>(await m.query(
    `SELECT batch_id FROM risk_signals WHERE evaluated_at IS NULL AND reported_at < now() - $1 * interval '1 millisecond'
     GROUP BY batch_id ORDER BY min(reported_at) LIMIT $2`,
    [minAgeMs, limit],
  ));
  return rows.map((r) => r.batch_id);
}
