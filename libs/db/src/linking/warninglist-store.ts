import type { EntityManager } from 'typeorm';
import { IdentifierKind } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * The warninglist (benign values that never link) and the review of hubs (values held by unusually many cases),
 * issue 15. Both change how cases link: the database's triggers put the value in the linking outbox, and the
 * worker links its holders again. Row-level security decides which hubs a reader sees and who may change what.
 */

/** A row of warninglist_entries. */
export interface WarninglistEntryRow {
  id: string;
  kind: IdentifierKind;
  canonical: string;
  raw_value: string;
  reason: string;
  built_in: boolean;
  agency_id: string | null;
  added_by: string | null;
  created_at: Date;
}

/** Newest first; `search` matches value, raw value or reason (ILIKE, its wildcards escaped); keyset after `afterId`. */
export async function warninglistPage(m: EntityManager, f: { search?: string | null; afterId?: string | null; limit: number }): Promise<WarninglistEntryRow[]> {
  const params: unknown[] = [f.limit];
  const where: string[] = [];
  if (f.search) {
    params.push(`%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(w.canonical ILIKE $${params.length} OR w.raw_value ILIKE $${params.length} OR w.reason ILIKE $${params.length})`);
  }
  if (f.afterId) {
    params.push(f.afterId);
    where.push(`(w.created_at, w.id) < (SELECT x.created_at, x.id FROM warninglist_entries x WHERE x.id = $${params.length})`);
  }
  return rowsOf<WarninglistEntryRow>(await m.query(
    `SELECT w.* FROM warninglist_entries w ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY w.created_at DESC, w.id DESC LIMIT $1`,
    params,
  ));
}

/** A new entry of the caller's agency; a unique violation when the value is listed already. */
export async function addWarninglistEntry(
  m: EntityManager,
  e: { kind: IdentifierKind; canonical: string; rawValue: string; reason: string; agencyId: string; userId: string },
): Promise<WarninglistEntryRow> {
  const [row] = rowsOf<WarninglistEntryRow>(await m.query(
    `INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, agency_id, added_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [e.kind, e.canonical, e.rawValue, e.reason, e.agencyId, e.userId],
  ));
  return row;
}

export async function warninglistEntryById(m: EntityManager, id: string): Promise<WarninglistEntryRow | null> {
  const [row] = rowsOf<WarninglistEntryRow>(await m.query('SELECT * FROM warninglist_entries WHERE id = $1', [id]));
  return row ?? null;
}

export async function removeWarninglistEntry(m: EntityManager, id: string): Promise<void> {
  await m.query('DELETE FROM warninglist_entries WHERE id = $1', [id]);
}

/** A hub as its review shows it. */
export interface HubRow {
  kind: IdentifierKind;
  canonical: string;
  case_count: number;
  state: 'REVIEW' | 'CONFIRMED';
  flagged_at: Date;
  reviewed_at: Date | null;
}

/** The hubs the reader sees (at most 200: awaiting review first, most held first), or the one hub of a value. */
export async function hubReviews(m: EntityManager, value?: { kind: string; canonical: string }): Promise<HubRow[]> {
  return rowsOf<HubRow>(await m.query(
    `SELECT kind, canonical, case_count, state, flagged_at, reviewed_at FROM evidence_hubs
     WHERE ($1::text IS NULL OR (kind = $1 AND canonical = $2)) ORDER BY state DESC, case_count DESC, kind, canonical LIMIT 200`,
    [value?.kind ?? null, value?.canonical ?? null],
  ));
}

/** A reviewer confirms the hub as a real shared clue: it links again. */
export async function confirmHub(m: EntityManager, hub: { kind: string; canonical: string }, by: { userId: string; agencyId: string }): Promise<void> {
  await m.query(
    `UPDATE evidence_hubs SET state = 'CONFIRMED', reviewed_by = $3, reviewed_by_agency = $4, reviewed_at = now() WHERE kind = $1 AND canonical = $2`,
    [hub.kind, hub.canonical, by.userId, by.agencyId],
  );
}

/**
 * A reviewer finds the hub benign: the value goes on the warninglist (an entry already there stands) and the hub
 * leaves the review list.
 */
export async function warninglistHub(m: EntityManager, hub: { kind: string; canonical: string }, by: { userId: string; agencyId: string; reason: string }): Promise<void> {
  await m.query(
    `INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, agency_id, added_by) VALUES ($1, $2, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT warninglist_entries_value_key DO NOTHING`,
    [hub.kind, hub.canonical, by.reason, by.agencyId, by.userId],
  );
  await m.query('DELETE FROM evidence_hubs WHERE kind = $1 AND canonical = $2', [hub.kind, hub.canonical]);
}
