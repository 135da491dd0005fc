import type { EntityManager } from 'typeorm';
import { IdentifierKind, type IdentifierSource } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Clues of cases (issue 15): the statements on identifiers that the case page and manual clue entry make (statements'
 * clues are written with their statement, record-statement.ts). Each runs in the caller's acting transaction: row-level
 * security shows the clues of cases the caller may read and lets only a contributor add, correct or remove; the
 * linking outbox triggers re-link the case after every change.
 */

/** Where a clue came from. */
export type { IdentifierSource };

/** A row of identifiers as PostgreSQL returns it. */
export interface IdentifierRow {
  id: string;
  case_id: string;
  agency_id: string;
  kind: IdentifierKind;
  raw_value: string;
  canonical: string;
  source: IdentifierSource;
  statement_id: string | null;
  transfer_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

/** The clues of these cases, oldest first: one statement for a page of cases. */
export async function identifiersOfCases(m: EntityManager, caseIds: readonly string[]): Promise<IdentifierRow[]> {
  if (caseIds.length === 0) return [];
  return rowsOf<IdentifierRow>(await m.query('SELECT * FROM identifiers WHERE case_id = ANY ($1::uuid[]) ORDER BY created_at, id', [caseIds]));
}

export async function identifierById(m: EntityManager, id: string): Promise<IdentifierRow | null> {
  const [row] = rowsOf<IdentifierRow>(await m.query('SELECT * FROM identifiers WHERE id = $1', [id]));
  return row ?? null;
}

/** A clue added by hand, as written (the same value twice on a case is a unique violation of identifiers_manual_key). */
export async function insertManualIdentifier(
  m: EntityManager, c: { caseId: string; agencyId: string; kind: IdentifierKind; rawValue: string; canonical: string; note: string | null; createdBy: string },
): Promise<IdentifierRow> {
  const [row] = rowsOf<IdentifierRow>(await m.query(
    `INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, note, created_by)
     VALUES ($1, $2, $3, $4, $5, 'MANUAL', $6, $7) RETURNING *`,
    [c.caseId, c.agencyId, c.kind, c.rawValue, c.canonical, c.note, c.createdBy],
  ));
  return row;
}

/** A clue with a corrected value, as changed. */
export async function correctIdentifierValue(m: EntityManager, id: string, rawValue: string, canonical: string): Promise<IdentifierRow> {
  const [row] = rowsOf<IdentifierRow>(await m.query(
    'UPDATE identifiers SET raw_value = $2, canonical = $3 WHERE id = $1 RETURNING *', [id, rawValue, canonical],
  ));
  return row;
}

export async function deleteIdentifier(m: EntityManager, id: string): Promise<void> {
  await m.query('DELETE FROM identifiers WHERE id = $1', [id]);
}

/**
 * A victim's full ID number and phone, or null when the caller may not see them: victim_personal_data() checks the
 * caller's access and role and audits the read (the app role has no SELECT on those columns).
 */
export async function victimPersonalData(m: EntityManager, victimId: string): Promise<{ id_number: string | null; phone: string | null } | null> {
  const [row] = rowsOf<{ id_number: string | null; phone: string | null }>(await m.query('SELECT * FROM victim_personal_data($1)', [victimId]));
  return row ?? null;
}
