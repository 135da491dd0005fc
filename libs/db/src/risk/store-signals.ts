import type { EntityManager } from 'typeorm';
import type { CheckedRiskSignal } from '@caselink/domain';
import { subjectHashOf } from '../subject-hash';

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
  const rows = (await m.query(
    `INSERT INTO risk_signals (reporting_agency_id, reported_by, batch_id, upload_id, kind, reference, occurred_at, region, subject_hash,
       account, account_kind, product, phone, amount, direction, counterpart, counterpart_kind)
     SELECT $1, $2, $3, $4, s.* FROM unnest($5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::bytea[], $10::text[], $11::text[],
       $12::text[], $13::text[], $14::numeric[], $15::text[], $16::text[], $17::text[]) AS s
     ON CONFLICT (reporting_agency_id, reference) DO NOTHING
     RETURNING 1`,
    [
      origin.agencyId, origin.userId, origin.batchId, origin.uploadId ?? null,
      col((s) => s.kind), col((s) => s.reference), col((s) => s.occurredAt.toISOString()), col((s) => s.region),
      col((s) => (s.subjectIdNumber ? subjectHashOf(s.subjectIdNumber, subjectHashKey) : null)),
      col((s) => s.account), col((s) => s.accountKind), col((s) => s.product), col((s) => s.phone), col((s) => s.amount),
      col((s) => s.direction), col((s) => s.counterpartAccount), col((s) => s.counterpartKind),
    ],
  )) as unknown[];
  return { accepted: rows.length, duplicates: signals.length - rows.length };
}
