import type { EntityManager } from 'typeorm';
import { IdentifierKind, LinkTermState } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Links as they stand (issue 15): postings, series and their members, for the api's case links, series and graphs
 * and for the linker alike. Every function runs in the caller's transaction: for the api, row-level security leaves
 * out postings and members of cases the caller cannot read (case_blind_hits() is the one view across that wall);
 * the linker's role sees them all. The linker's writes are in linker-store.ts.
 */

/** A value one case holds, its standing and how many cases the reader sees holding it. */
export interface CaseValueRow {
  kind: IdentifierKind;
  canonical: string;
  state: LinkTermState;
  visible: number;
}

/** The standing of a posting's value (alias p). */
const STATE_SQL = `CASE WHEN EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = p.kind AND w.canonical = p.canonical) THEN 'WARNINGLISTED'
  ELSE coalesce((SELECT CASE h.state WHEN 'REVIEW' THEN 'HUB_REVIEW' ELSE 'HUB_CONFIRMED' END FROM evidence_hubs h
                 WHERE h.kind = p.kind AND h.canonical = p.canonical), 'LINKING') END`;

/** The values a case holds, in kind and value order. */
export async function caseValues(m: EntityManager, caseId: string): Promise<CaseValueRow[]> {
  return rowsOf<CaseValueRow>(await m.query(
    `SELECT p.kind, p.canonical, ${STATE_SQL} AS state,
            (SELECT count(*) FROM evidence_postings o WHERE o.kind = p.kind AND o.canonical = p.canonical)::int AS visible
     FROM evidence_postings p WHERE p.case_id = $1 ORDER BY p.kind, p.canonical`,
    [caseId],
  ));
}

/** Another case sharing linkable values with a case: the values, pairwise (kinds[i], canonicals[i]). */
export interface LinkedCaseRow {
  case_id: string;
  kinds: IdentifierKind[];
  canonicals: string[];
}

/** The cases sharing linkable values with a case, those sharing most first. */
export async function casesLinkedTo(m: EntityManager, caseId: string, limit: number): Promise<LinkedCaseRow[]> {
  return rowsOf<LinkedCaseRow>(await m.query(
    `SELECT o.case_id, array_agg(p.kind) AS kinds, array_agg(p.canonical) AS canonicals
     FROM evidence_postings p
     JOIN evidence_postings o ON o.kind = p.kind AND o.canonical = p.canonical AND o.case_id <> p.case_id
     WHERE p.case_id = $1 AND evidence_linkable(p.kind, p.canonical)
     GROUP BY o.case_id ORDER BY count(*) DESC, o.case_id LIMIT $2`,
    [caseId, limit],
  ));
}

/** A value another agency holds on a case the reader may not read: the agency and an opaque case reference. */
export interface BlindHitRow {
  kind: IdentifierKind;
  canonical: string;
  agency_id: string;
  case_id: string;
  pending_request: boolean;
}

export async function blindHits(m: EntityManager, caseId: string): Promise<BlindHitRow[]> {
  return rowsOf<BlindHitRow>(await m.query('SELECT kind, canonical, agency_id, case_id, pending_request FROM case_blind_hits($1)', [caseId]));
}

/** The cases holding one value, at most `limit`. */
export async function valueHolders(m: EntityManager, kind: string, canonical: string, limit: number): Promise<string[]> {
  const rows = rowsOf<{ case_id: string }>(await m.query('SELECT case_id FROM evidence_postings WHERE kind = $1 AND canonical = $2 LIMIT $3', [kind, canonical, limit]));
  return rows.map((r) => r.case_id);
}

/** A case holding one of some values, where the value may link. */
export interface HoldingRow {
  kind: IdentifierKind;
  canonical: string;
  case_id: string;
}

/** The cases holding any of `values` that may link (at most `limit` rows). */
export async function linkableHoldings(m: EntityManager, values: ReadonlyArray<{ kind: string; canonical: string }>, limit: number): Promise<HoldingRow[]> {
  return rowsOf<HoldingRow>(await m.query(
    `SELECT p.kind, p.canonical, p.case_id FROM evidence_postings p
     JOIN unnest($1::text[], $2::text[]) AS v(kind, canonical) ON p.kind = v.kind AND p.canonical = v.canonical
     WHERE evidence_linkable(p.kind, p.canonical) LIMIT $3`,
    [values.map((v) => v.kind), values.map((v) => v.canonical), limit],
  ));
}

/** The series a case is in, if any. */
export async function seriesOfCase(m: EntityManager, caseId: string): Promise<string | null> {
  const [row] = rowsOf<{ series_id: string }>(await m.query('SELECT series_id FROM series_members WHERE case_id = $1', [caseId]));
  return row?.series_id ?? null;
}

/** A case, its owner, and its series (null when in none) with the series' size. */
export interface CaseSeriesRow {
  case_id: string;
  agency_id: string;
  series_id: string | null;
  case_count: number | null;
}

/** The cases among `caseIds` (those the reader sees) with their series: the linker's merge and the graph's series nodes. */
export async function seriesOfCases(m: EntityManager, caseIds: readonly string[]): Promise<CaseSeriesRow[]> {
  return rowsOf<CaseSeriesRow>(await m.query(
    `SELECT c.id AS case_id, c.agency_id, s.series_id, e.case_count
     FROM cases c LEFT JOIN series_members s ON s.case_id = c.id LEFT JOIN evidence_series e ON e.id = s.series_id
     WHERE c.id = ANY($1::uuid[])`,
    [caseIds],
  ));
}

/** A row of series_members. */
export interface SeriesMemberRow {
  case_id: string;
  series_id: string;
  agency_id: string;
}

/** The members of some series. */
export async function seriesMembers(m: EntityManager, seriesIds: readonly string[]): Promise<SeriesMemberRow[]> {
  return rowsOf<SeriesMemberRow>(await m.query('SELECT case_id, series_id, agency_id FROM series_members WHERE series_id = ANY($1::uuid[])', [seriesIds]));
}

/** A series, with how many of its cases the reader cannot see (null for a reader who sees none). */
export interface SeriesRow {
  id: string;
  case_count: number;
  created_at: Date;
  updated_at: Date;
  hidden: number | null;
}

export async function seriesByIds(m: EntityManager, ids: readonly string[]): Promise<SeriesRow[]> {
  return rowsOf<SeriesRow>(await m.query(
    'SELECT id, case_count, created_at, updated_at, series_hidden_count(id) AS hidden FROM evidence_series WHERE id = ANY($1::uuid[])',
    [ids],
  ));
}

/** Ids of series, most recently changed first; keyset after the series `afterId`. */
export async function seriesPage(m: EntityManager, page: { afterId?: string | null; limit: number }): Promise<string[]> {
  const params: unknown[] = [page.limit];
  let after = '';
  if (page.afterId) {
    params.push(page.afterId);
    after = 'AND (e.updated_at, e.id) < (SELECT x.updated_at, x.id FROM evidence_series x WHERE x.id = $2)';
  }
  const rows = rowsOf<{ id: string }>(await m.query(`SELECT e.id FROM evidence_series e WHERE true ${after} ORDER BY e.updated_at DESC, e.id DESC LIMIT $1`, params));
  return rows.map((r) => r.id);
}
