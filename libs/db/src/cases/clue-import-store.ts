import type { EntityManager } from 'typeorm';
import type { IdentifierKind, IdentifierSource } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import type { IdentifierRow } from './identifier-store';

/**
 * Clues imported from a STIX bundle or a MISP event (issue 16): what the case already holds of them, and the new
 * ones written in one statement. Runs in the caller's acting transaction: row-level security shows the clues of a case
 * the caller may read and lets only a contributor (owner or CONTRIBUTE share) add; the linking outbox trigger queues
 * the case for linking at commit, as for a clue added by hand.
 */

/** A value the case already holds, with where its clues came from. */
export interface HeldClueRow {
  kind: IdentifierKind;
  canonical: string;
  sources: IdentifierSource[];
}

/**
 * Serialises imports into one case for the rest of the transaction, so two imports of the same document at once do
 * not both find a value missing (manual clues have a unique index; the others do not).
 */
export async function lockCaseForClueImport(m: EntityManager, caseId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('clue-import:' || $1::text, 0))`, [caseId]);
}

/** Which of these values the case holds already, whatever the source (statement, transfer, manual, import, bank answer). */
export async function heldClues(m: EntityManager, caseId: string, clues: ReadonlyArray<{ kind: IdentifierKind; canonical: string }>): Promise<HeldClueRow[]> {
  if (clues.length === 0) return [];
  return rowsOf<HeldClueRow>(await m.query(
    `SELECT i.kind, i.canonical, array_agg(DISTINCT i.source ORDER BY i.source) AS sources
       FROM identifiers i
       JOIN unnest($2::text[], $3::text[]) AS c(kind, canonical) ON c.kind = i.kind AND c.canonical = i.canonical
      WHERE i.case_id = $1
      GROUP BY i.kind, i.canonical`,
    [caseId, clues.map((c) => c.kind), clues.map((c) => c.canonical)],
  ));
}

/**
 * The imported clues as manual clues of the case (correctable and removable by the importing agency like any other),
 * in one statement; a value that became a manual clue meanwhile is skipped (identifiers_manual_key), so the rows
 * returned are the ones added.
 */
export async function insertImportedClues(
  m: EntityManager,
  c: { caseId: string; agencyId: string; createdBy: string; clues: ReadonlyArray<{ kind: IdentifierKind; rawValue: string; canonical: string; note: string }> },
): Promise<IdentifierRow[]> {
  if (c.clues.length === 0) return [];
  return rowsOf<IdentifierRow>(await m.query(
    `INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, note, created_by)
     SELECT $1, $2, x.kind, x.raw_value, x.canonical, 'MANUAL', x.note, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS x(kind, raw_value, canonical, note, n)
      ORDER BY x.n
     ON CONFLICT (case_id, kind, canonical) WHERE source = 'MANUAL' DO NOTHING
     RETURNING *`,
    [c.caseId, c.agencyId, c.createdBy, c.clues.map((x) => x.kind), c.clues.map((x) => x.rawValue), c.clues.map((x) => x.canonical), c.clues.map((x) => x.note)],
  ));
}
