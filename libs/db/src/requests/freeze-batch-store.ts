import type { EntityManager } from 'typeorm';
import { FreezeBatchItemOutcome, IdentifierKind, LIVE_FREEZE_STATES, RequestState, RequestType } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Batches of emergency stops sent from a fund trace (issue 16): freeze_batches and freeze_batch_items. The requests
 * themselves are written by the one create path (request-store.ts createRequest); a batch records which last-seen
 * account went to which bank as which request, and which were not sent. Every function runs in the caller's acting
 * transaction: row-level security shows a batch only to the sending agency's case workers.
 */

/** A row of freeze_batches. */
export interface FreezeBatchRow {
  id: string;
  agency_id: string;
  case_id: string;
  client_key: string;
  transfer_id: string;
  fund_trace_id: string | null;
  max_hops: number;
  legal_basis_doc: string;
  created_by: string;
  created_at: Date;
  /** The case's number (joined when read). */
  case_number?: string;
  /** Who sent it (joined when read). */
  created_by_name?: string | null;
}

/** A row of freeze_batch_items. */
export interface FreezeBatchItemRow {
  batch_id: string;
  position: number;
  account: string;
  account_kind: IdentifierKind;
  account_canonical: string;
  /** numeric(18,2) */
  amount: string;
  bank_agency_id: string | null;
  matched_prefix: string | null;
  request_id: string | null;
  outcome: FreezeBatchItemOutcome;
}

const SELECT_BATCH = `SELECT b.*, c.case_number, u.display_name AS created_by_name FROM freeze_batches b
  JOIN cases c ON c.id = b.case_id LEFT JOIN users u ON u.id = b.created_by`;

/** The agency's batch sent with this client key, if any (a retry). */
export async function freezeBatchByKey(m: EntityManager, agencyId: string, clientKey: string): Promise<FreezeBatchRow | null> {
  const [row] = rowsOf<FreezeBatchRow>(await m.query(`${SELECT_BATCH} WHERE b.agency_id = $1 AND b.client_key = $2`, [agencyId, clientKey]));
  return row ?? null;
}

export async function freezeBatchById(m: EntityManager, id: string): Promise<FreezeBatchRow | null> {
  const [row] = rowsOf<FreezeBatchRow>(await m.query(`${SELECT_BATCH} WHERE b.id = $1`, [id]));
  return row ?? null;
}

/** The batches sent for a case (the caller's agency's: row-level security), newest first. */
export async function freezeBatchesOfCase(m: EntityManager, caseId: string, limit = 50): Promise<FreezeBatchRow[]> {
  return rowsOf<FreezeBatchRow>(await m.query(`${SELECT_BATCH} WHERE b.case_id = $1 ORDER BY b.created_at DESC, b.id LIMIT $2`, [caseId, limit]));
}

/**
 * A new batch; null when the agency sent one with the same client key meanwhile (ON CONFLICT waits for that
 * transaction and lets this one go on: the caller answers with the batch found).
 */
export async function insertFreezeBatch(
  m: EntityManager,
  b: { agencyId: string; caseId: string; clientKey: string; transferId: string; fundTraceId: string | null; maxHops: number; legalBasisDoc: string; createdBy: string },
): Promise<FreezeBatchRow | null> {
  const [row] = rowsOf<FreezeBatchRow>(await m.query(
    `INSERT INTO freeze_batches (agency_id, case_id, client_key, transfer_id, fund_trace_id, max_hops, legal_basis_doc, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT ON CONSTRAINT freeze_batches_client_key DO NOTHING RETURNING *`,
    [b.agencyId, b.caseId, b.clientKey, b.transferId, b.fundTraceId, b.maxHops, b.legalBasisDoc, b.createdBy],
  ));
  return row ?? null;
}

export interface NewFreezeBatchItem {
  account: string;
  accountKind: IdentifierKind;
  accountCanonical: string;
  amount: string;
  bankAgencyId: string | null;
  matchedPrefix: string | null;
  requestId: string | null;
  outcome: FreezeBatchItemOutcome;
}

/** The batch's items in one statement, numbered in the order given. */
export async function addFreezeBatchItems(m: EntityManager, batchId: string, agencyId: string, items: readonly NewFreezeBatchItem[]): Promise<void> {
  if (items.length === 0) return;
  const column = <K extends keyof NewFreezeBatchItem>(k: K) => items.map((i) => i[k]);
  await m.query(
    `INSERT INTO freeze_batch_items (batch_id, agency_id, position, account, account_kind, account_canonical, amount, bank_agency_id, matched_prefix, request_id, outcome)
     SELECT $1, $2, x.n - 1, x.account, x.kind, x.canonical, x.amount, x.bank, x.prefix, x.request, x.outcome
     FROM unnest($3::text[], $4::text[], $5::text[], $6::numeric[], $7::uuid[], $8::text[], $9::uuid[], $10::text[]) WITH ORDINALITY
       AS x(account, kind, canonical, amount, bank, prefix, request, outcome, n)`,
    [batchId, agencyId, column('account'), column('accountKind'), column('accountCanonical'), column('amount'), column('bankAgencyId'),
      column('matchedPrefix'), column('requestId'), column('outcome')],
  );
}

/** The items of batches, by batch and position. */
export async function freezeBatchItemsOf(m: EntityManager, batchIds: readonly string[]): Promise<FreezeBatchItemRow[]> {
  if (batchIds.length === 0) return [];
  return rowsOf<FreezeBatchItemRow>(await m.query(
    'SELECT * FROM freeze_batch_items WHERE batch_id = ANY ($1::uuid[]) ORDER BY batch_id, position', [batchIds],
  ));
}

/**
 * The live freezes of one kind on a case for these accounts (canonical → request id and state), as the caller sees
 * them: a batch sends none of them again (a draft of one is sent as it is).
 */
export async function liveFreezesOf(
  m: EntityManager, caseId: string, kind: string, accounts: readonly string[],
): Promise<Map<string, { id: string; state: RequestState }>> {
  if (accounts.length === 0) return new Map();
  const rows = rowsOf<{ account_canonical: string; id: string; state: RequestState }>(await m.query(
    `SELECT r.account_canonical, r.id, r.state FROM agency_requests r
     WHERE r.case_id = $1 AND r.type = $2 AND r.kind = $3 AND r.account_canonical = ANY ($4::text[]) AND r.state = ANY ($5::text[])`,
    [caseId, RequestType.FREEZE, kind, accounts, LIVE_FREEZE_STATES],
  ));
  return new Map(rows.map((r) => [r.account_canonical, { id: r.id, state: r.state }]));
}
