import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/**
 * Reads of the audit hash chain (issue 15) for its anchoring (issue 13): the api's check and bundle read an agency's
 * own chain under row-level security; the worker's publication and metrics read every chain as SYSTEM, through the
 * SECURITY DEFINER functions audit_chain_heads() and audit_chain_hashes(), which answer SYSTEM only. Rows are written
 * by recordAudit (audit-writer.ts) and hashed by PostgreSQL's trigger, never here.
 */

/** The hash of one row of a chain (bigint sequences as text: pg does not turn them into numbers). */
export interface ChainHashRow {
  sequence: string;
  hash: Buffer;
}

/** The last row of one chain. */
export interface ChainHeadRow extends ChainHashRow {
  chain_key: string;
}

/** A row of an agency's trail with the canonical text PostgreSQL hashed. */
export interface AuditTrailRow extends ChainHashRow {
  prev_hash: Buffer;
  canonical: string;
}

/** The hashes of the caller agency's chain at these sequences (the ones it holds; row-level security: its own chain only). */
export async function auditHashesAt(m: EntityManager, chainKey: string, sequences: readonly number[]): Promise<ChainHashRow[]> {
  return rowsOf<ChainHashRow>(await m.query(
    'SELECT sequence::text AS sequence, hash FROM audit_events WHERE chain_key = $1 AND sequence = ANY ($2::bigint[])', [chainKey, sequences],
  ));
}

/** The last sequence of the caller agency's chain (0 when empty). */
export async function auditChainLength(m: EntityManager, chainKey: string): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await m.query('SELECT coalesce(max(sequence), 0)::text AS n FROM audit_events WHERE chain_key = $1', [chainKey]));
  return Number(row.n);
}

/** One page of the caller agency's trail after a sequence, in order. */
export async function auditTrailPage(m: EntityManager, chainKey: string, after: number, limit: number): Promise<AuditTrailRow[]> {
  return rowsOf<AuditTrailRow>(await m.query(
    `SELECT sequence::text AS sequence, prev_hash, hash, audit_canonical(e) AS canonical FROM audit_events e
     WHERE e.chain_key = $1 AND e.sequence > $2 ORDER BY e.sequence LIMIT $3`,
    [chainKey, after, limit],
  ));
}

/** Every chain's head, as SYSTEM: what the worker signs, and what the anchored rows are measured against. */
export async function auditChainHeads(m: EntityManager): Promise<ChainHeadRow[]> {
  return rowsOf<ChainHeadRow>(await m.query('SELECT chain_key, sequence::text AS sequence, hash FROM audit_chain_heads()'));
}

/** The hashes of any chain at these sequences, as SYSTEM (audit_chain_hashes() answers nothing to an agency). */
export async function auditChainHashes(m: EntityManager, chainKey: string, sequences: readonly number[]): Promise<ChainHashRow[]> {
  return rowsOf<ChainHashRow>(await m.query('SELECT sequence::text AS sequence, hash FROM audit_chain_hashes($1, $2)', [chainKey, sequences]));
}
