import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/**
 * The linker's statements (issue 15): the outbox, postings, hub flags, series and link notifications, for the
 * worker's incremental link jobs and its full relink. Run as the linker role, which reads identifier values of
 * every case and nothing else of them, in the linker's transaction and under its lock (takeLinkLock first): one
 * writer keeps union-find over the whole database simple and exact. Reads shared with the api are in linking-store.ts.
 */

/** The transaction-scoped advisory lock every linking change runs under (bulletin publication takes it too). */
export const LINK_LOCK = 7_263_001;

export async function takeLinkLock(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
}

/** A value (kind and canonical form). */
export interface LinkTerm {
  kind: string;
  canonical: string;
}

const uniqueTerms = (terms: readonly LinkTerm[]): LinkTerm[] => [...new Map(terms.map((t) => [`${t.kind}\u0000${t.canonical}`, t])).values()];

/** Values that may link: not warninglisted, not a hub awaiting review (alias: a row with kind and canonical). */
const LINKABLE = (alias: string) => `
  NOT EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = ${alias}.kind AND w.canonical = ${alias}.canonical)
  AND NOT EXISTS (SELECT 1 FROM evidence_hubs h WHERE h.kind = ${alias}.kind AND h.canonical = ${alias}.canonical AND h.state = 'REVIEW')`;

/** A row of the outbox (evidence_changes): a case whose identifiers changed, or a value whose standing did. */
export type EvidenceChangeRow = { case_id: string; term_kind: null; term_canonical: null } | { case_id: null; term_kind: string; term_canonical: string };

/**
 * One outbox row, null when it is gone (linked already). A value's row is taken (deleted) in the same statement;
 * a case's rows go in reconcileCasePostings.
 */
export async function takeChange(m: EntityManager, changeId: string): Promise<EvidenceChangeRow | null> {
  const [row] = rowsOf<EvidenceChangeRow>(await m.query(
    `WITH taken AS (DELETE FROM evidence_changes WHERE id = $1 AND case_id IS NULL)
     SELECT case_id, term_kind, term_canonical FROM evidence_changes WHERE id = $1`,
    [changeId],
  ));
  return row ?? null;
}

/** Outbox rows older than `minAgeMs`, oldest first (the sweep queues them again when their job went missing). */
export async function staleChanges(m: EntityManager, minAgeMs: number, limit = 2000): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await m.query(
    `SELECT id::text FROM evidence_changes WHERE created_at < now() - $1 * interval '1 millisecond' ORDER BY id LIMIT $2`,
    [minAgeMs, limit],
  ));
  return rows.map((r) => r.id);
}

/** A posting the reconcile added or removed. */
export interface PostingChangeRow {
  op: 'added' | 'removed';
  kind: string;
  canonical: string;
}

/** Brings a case's postings in line with its identifiers; answers what was added and removed. */
export async function reconcileCasePostings(m: EntityManager, caseId: string): Promise<PostingChangeRow[]> {
  // Outbox rows first, identifiers after: a change committed in between keeps its row and is applied
  // again later (harmless), never lost.
  await m.query('DELETE FROM evidence_changes WHERE case_id = $1', [caseId]);
  return rowsOf<PostingChangeRow>(await m.query(
    `WITH desired AS (
       SELECT i.kind, i.canonical, count(*)::int AS records, min(i.agency_id::text)::uuid AS agency_id
       FROM identifiers i WHERE i.case_id = $1 GROUP BY i.kind, i.canonical),
     gone AS (
       DELETE FROM evidence_postings p WHERE p.case_id = $1
         AND NOT EXISTS (SELECT 1 FROM desired d WHERE d.kind = p.kind AND d.canonical = p.canonical)
       RETURNING p.kind, p.canonical),
     put AS (
       INSERT INTO evidence_postings (kind, canonical, case_id, agency_id, records)
       SELECT d.kind, d.canonical, $1, c.agency_id, d.records FROM desired d JOIN cases c ON c.id = $1
       ON CONFLICT (kind, canonical, case_id) DO UPDATE SET records = EXCLUDED.records
         WHERE evidence_postings.records <> EXCLUDED.records
       RETURNING kind, canonical, (xmax = 0) AS inserted)
     SELECT 'removed' AS op, kind, canonical FROM gone
     UNION ALL SELECT 'added', kind, canonical FROM put WHERE inserted`,
    [caseId],
  ));
}

/** A value whose hub standing the recount changed: flagged for review (stops linking) or cleared (links again). */
export interface HubChangeRow {
  op: 'flagged' | 'cleared';
  kind: string;
  canonical: string;
}

/**
 * Recounts the holders of some values, in one statement. Above `threshold` (and not warninglisted) a value is
 * flagged for review, or a flagged one's count kept up; at or below it an unreviewed flag is cleared, a confirmed
 * hub's count kept up. Answers the values flagged and cleared, in the order given.
 */
export async function recountHubs(m: EntityManager, terms: readonly LinkTerm[], threshold: number): Promise<HubChangeRow[]> {
  const unique = uniqueTerms(terms);
  if (unique.length === 0) return [];
  return rowsOf<HubChangeRow>(await m.query(
    `WITH t AS (
       SELECT v.kind, v.canonical, v.ord, v.n,
              CASE WHEN v.n > $3 AND NOT v.warninglisted THEN CASE WHEN h.state IS NULL THEN 'flagged' ELSE 'counted' END
                   WHEN h.state = 'REVIEW' THEN 'cleared'
                   WHEN h.state = 'CONFIRMED' THEN 'counted' END AS op
       FROM (SELECT u.kind, u.canonical, u.ord,
                    (SELECT count(*)::int FROM evidence_postings p WHERE p.kind = u.kind AND p.canonical = u.canonical) AS n,
                    EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = u.kind AND w.canonical = u.canonical) AS warninglisted
             FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(kind, canonical, ord)) v
       LEFT JOIN evidence_hubs h ON h.kind = v.kind AND h.canonical = v.canonical),
     flagged AS (INSERT INTO evidence_hubs (kind, canonical, case_count) SELECT kind, canonical, n FROM t WHERE op = 'flagged'),
     counted AS (UPDATE evidence_hubs h SET case_count = t.n FROM t WHERE t.op = 'counted' AND h.kind = t.kind AND h.canonical = t.canonical),
     cleared AS (DELETE FROM evidence_hubs h USING t WHERE t.op = 'cleared' AND h.kind = t.kind AND h.canonical = t.canonical)
     SELECT op, kind, canonical FROM t WHERE op IN ('flagged', 'cleared') ORDER BY ord`,
    [unique.map((t) => t.kind), unique.map((t) => t.canonical), threshold],
  ));
}

/** A value that may link, and every case holding it. */
export interface LinkableTermRow {
  kind: string;
  canonical: string;
  holders: string[];
}

/** Those of `terms` that may link, in the order given, each with its holders. */
export async function linkableHolders(m: EntityManager, terms: readonly LinkTerm[]): Promise<LinkableTermRow[]> {
  const unique = uniqueTerms(terms);
  if (unique.length === 0) return [];
  return rowsOf<LinkableTermRow>(await m.query(
    `SELECT t.kind, t.canonical, ARRAY(SELECT p.case_id::text FROM evidence_postings p WHERE p.kind = t.kind AND p.canonical = t.canonical) AS holders
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(kind, canonical, ord) WHERE ${LINKABLE('t')} ORDER BY t.ord`,
    [unique.map((t) => t.kind), unique.map((t) => t.canonical)],
  ));
}

/** The series holding a case with any of `terms`. */
export async function seriesHolding(m: EntityManager, terms: readonly LinkTerm[]): Promise<string[]> {
  if (terms.length === 0) return [];
  const rows = rowsOf<{ series_id: string }>(await m.query(
    `SELECT DISTINCT s.series_id FROM evidence_postings p
     JOIN unnest($1::text[], $2::text[]) AS t(kind, canonical) ON p.kind = t.kind AND p.canonical = t.canonical
     JOIN series_members s ON s.case_id = p.case_id`,
    [terms.map((t) => t.kind), terms.map((t) => t.canonical)],
  ));
  return rows.map((r) => r.series_id);
}

/** The cases sharing a value that may link, value by value, among `caseIds` (a resplit's union-find input). */
export async function linkableGroups(m: EntityManager, caseIds: readonly string[]): Promise<string[][]> {
  const rows = rowsOf<{ cases: string[] }>(await m.query(
    `SELECT array_agg(p.case_id::text) AS cases FROM evidence_postings p
     WHERE p.case_id = ANY($1::uuid[]) AND ${LINKABLE('p')}
     GROUP BY p.kind, p.canonical HAVING count(*) > 1`,
    [caseIds],
  ));
  return rows.map((r) => r.cases);
}

/** New series of `caseCount` members each. */
export async function createSeries(m: EntityManager, series: ReadonlyArray<{ id: string; caseCount: number }>): Promise<void> {
  if (series.length === 0) return;
  await m.query('INSERT INTO evidence_series (id, case_count) SELECT unnest($1::uuid[]), unnest($2::int[])', [series.map((s) => s.id), series.map((s) => s.caseCount)]);
}

/** Moves every member of the series `from` into `to`. */
export async function moveSeriesMembers(m: EntityManager, from: readonly string[], to: string): Promise<void> {
  await m.query('UPDATE series_members SET series_id = $1 WHERE series_id = ANY($2::uuid[])', [to, from]);
}

export async function dropSeries(m: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await m.query('DELETE FROM evidence_series WHERE id = ANY($1::uuid[])', [ids]);
}

/** Sets a series' size from its members. */
export async function recountSeries(m: EntityManager, id: string): Promise<void> {
  await m.query('UPDATE evidence_series SET case_count = (SELECT count(*) FROM series_members WHERE series_id = $1), updated_at = now() WHERE id = $1', [id]);
}

/** Sets the sizes of series that changed. */
export async function setSeriesCounts(m: EntityManager, series: ReadonlyArray<{ id: string; caseCount: number }>): Promise<void> {
  if (series.length === 0) return;
  await m.query(
    `UPDATE evidence_series e SET case_count = k.n, updated_at = now()
     FROM unnest($1::uuid[], $2::int[]) AS k(id, n) WHERE e.id = k.id AND e.case_count <> k.n`,
    [series.map((s) => s.id), series.map((s) => s.caseCount)],
  );
}

export async function removeSeriesMembers(m: EntityManager, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length > 0) await m.query('DELETE FROM series_members WHERE case_id = ANY($1::uuid[])', [caseIds]);
}

/** Puts cases in series (a case already in another one moves, and joins it now); 10,000 rows a statement. */
export async function putSeriesMembers(m: EntityManager, members: ReadonlyArray<{ caseId: string; seriesId: string; agencyId: string }>): Promise<void> {
  for (let i = 0; i < members.length; i += 10_000) {
    const chunk = members.slice(i, i + 10_000);
    await m.query(
      `INSERT INTO series_members (case_id, series_id, agency_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])
       ON CONFLICT (case_id) DO UPDATE SET series_id = EXCLUDED.series_id,
         joined_at = CASE WHEN series_members.series_id = EXCLUDED.series_id THEN series_members.joined_at ELSE now() END
       WHERE series_members.series_id <> EXCLUDED.series_id`,
      [chunk.map((r) => r.caseId), chunk.map((r) => r.seriesId), chunk.map((r) => r.agencyId)],
    );
  }
}

/** A LINK_HIT notification just written. */
export interface LinkHitRow {
  id: string;
  agency_id: string;
  user_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * Tells the author of each case on either side of a new link across agencies (their supervisors see it on the
 * case): one notification per pair of cases and value, however often it runs (dedupe key).
 */
export async function notifyNewLinks(m: EntityManager, caseId: string, terms: readonly LinkTerm[]): Promise<LinkHitRow[]> {
  return rowsOf<LinkHitRow>(await m.query(
    `WITH pairs AS (
       SELECT DISTINCT mine.id AS a_id, mine.agency_id AS a_agency, mine.case_number AS a_number, mine.created_by AS a_author,
              theirs.id AS b_id, theirs.agency_id AS b_agency, theirs.case_number AS b_number, theirs.created_by AS b_author,
              t.kind, md5(t.canonical) AS value_hash
       FROM unnest($2::text[], $3::text[]) AS t(kind, canonical)
       JOIN evidence_postings p ON p.kind = t.kind AND p.canonical = t.canonical AND p.case_id <> $1
       JOIN cases mine ON mine.id = $1
       JOIN cases theirs ON theirs.id = p.case_id AND theirs.agency_id <> mine.agency_id)
     INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT a_agency, a_author, 'LINK_HIT', jsonb_build_object('caseId', a_id, 'caseNumber', a_number, 'kind', kind, 'otherAgencyId', b_agency),
            'link-hit:' || a_id || ':' || b_id || ':' || kind || ':' || value_hash
     FROM pairs WHERE a_author IS NOT NULL
     UNION ALL
     SELECT b_agency, b_author, 'LINK_HIT', jsonb_build_object('caseId', b_id, 'caseNumber', b_number, 'kind', kind, 'otherAgencyId', a_agency),
            'link-hit:' || b_id || ':' || a_id || ':' || kind || ':' || value_hash
     FROM pairs WHERE b_author IS NOT NULL
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, agency_id, user_id, payload, created_at`,
    [caseId, terms.map((t) => t.kind), terms.map((t) => t.canonical)],
  ));
}

// --- The full relink: everything rebuilt in the linker's one transaction, from temporary tables dropped at commit.

/** The planner's estimate of identifiers (for the progress bar before the count is known). */
export async function estimatedIdentifiers(m: EntityManager): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await m.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'identifiers'`));
  return Math.max(0, Number(row?.n ?? 0));
}

/** What the rebuilt postings hold. */
export interface FreshPostingsRow {
  postings: number;
  /** bigint */
  identifiers: string;
  changes: number;
}

/**
 * Postings from scratch into the temporary table fresh_postings, and the outbox emptied in the same statement
 * (so exactly the changes this snapshot includes); indexed and analysed for what follows.
 */
export async function buildFreshPostings(m: EntityManager): Promise<FreshPostingsRow> {
  await m.query(`CREATE TEMP TABLE fresh_postings (kind text, canonical text, case_id uuid, agency_id uuid, records int) ON COMMIT DROP`);
  const [built] = rowsOf<FreshPostingsRow>(await m.query(
    `WITH gone AS (DELETE FROM evidence_changes RETURNING 1),
     put AS (
       INSERT INTO fresh_postings (kind, canonical, case_id, agency_id, records)
       SELECT i.kind, i.canonical, i.case_id, c.agency_id, count(*)::int
       FROM identifiers i JOIN cases c ON c.id = i.case_id
       GROUP BY i.kind, i.canonical, i.case_id, c.agency_id
       RETURNING records)
     SELECT (SELECT count(*) FROM put)::int AS postings, (SELECT coalesce(sum(records), 0) FROM put)::bigint AS identifiers,
            (SELECT count(*) FROM gone)::int AS changes`,
  ));
  await m.query('CREATE INDEX ON fresh_postings (kind, canonical, case_id)');
  await m.query('ANALYZE fresh_postings');
  return built;
}

/** Writes only the difference between fresh_postings and the postings: an up-to-date state writes (and bloats) nothing. */
export async function applyFreshPostings(m: EntityManager): Promise<void> {
  await m.query(
    `DELETE FROM evidence_postings p WHERE NOT EXISTS (
       SELECT 1 FROM fresh_postings f WHERE f.kind = p.kind AND f.canonical = p.canonical AND f.case_id = p.case_id)`,
  );
  await m.query(
    `INSERT INTO evidence_postings (kind, canonical, case_id, agency_id, records)
     SELECT f.kind, f.canonical, f.case_id, f.agency_id, f.records FROM fresh_postings f
     ON CONFLICT (kind, canonical, case_id) DO UPDATE SET records = EXCLUDED.records, agency_id = EXCLUDED.agency_id
       WHERE (evidence_postings.records, evidence_postings.agency_id) IS DISTINCT FROM (EXCLUDED.records, EXCLUDED.agency_id)`,
  );
}

/** After a rebuild of the hubs: how many await review, and how many shared values may link. */
export interface RebuiltHubsRow {
  hubs: number;
  shared: number;
}

/**
 * Values two or more cases share (temporary table value_counts, from fresh_postings), and the hub flags rebuilt
 * from them: those above `threshold` flagged (warninglisted ones never link anyway), unreviewed flags at or below
 * it, or warninglisted since, cleared.
 */
export async function rebuildHubs(m: EntityManager, threshold: number): Promise<RebuiltHubsRow> {
  await m.query(
    `CREATE TEMP TABLE value_counts ON COMMIT DROP AS
     SELECT kind, canonical, count(*)::int AS n, array_agg(case_id::text) AS cases FROM fresh_postings GROUP BY kind, canonical HAVING count(*) > 1`,
  );
  // Temporary tables are never analysed by autovacuum: without it the planner guesses their size and at 1M cases
  // chose nested loops over millions of shared values.
  await m.query('ANALYZE value_counts');
  await m.query(
    `INSERT INTO evidence_hubs (kind, canonical, case_count)
     SELECT v.kind, v.canonical, v.n FROM value_counts v
     WHERE v.n > $1 AND NOT EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = v.kind AND w.canonical = v.canonical)
     ON CONFLICT (kind, canonical) DO UPDATE SET case_count = EXCLUDED.case_count WHERE evidence_hubs.case_count <> EXCLUDED.case_count`,
    [threshold],
  );
  // Two statements, each a plain (anti-)join: one with "OR" between a correlated lookup per hub read value_counts once
  // for every flagged hub, and ran for more than 9 minutes at 1M cases.
  await m.query(
    `DELETE FROM evidence_hubs h WHERE h.state = 'REVIEW'
       AND EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = h.kind AND w.canonical = h.canonical)`,
  );
  await m.query(
    `DELETE FROM evidence_hubs h WHERE h.state = 'REVIEW'
       AND NOT EXISTS (SELECT 1 FROM value_counts v WHERE v.kind = h.kind AND v.canonical = h.canonical AND v.n > $1)`,
    [threshold],
  );
  const [row] = rowsOf<RebuiltHubsRow>(await m.query(
    `SELECT (SELECT count(*)::int FROM evidence_hubs WHERE state = 'REVIEW') AS hubs,
            (SELECT count(*)::int FROM value_counts v WHERE ${LINKABLE('v')}) AS shared`,
  ));
  return row;
}

/** Reads the cases of every shared value that may link (value_counts) through a cursor, 20,000 values at a time. */
export async function readLinkableGroups(m: EntityManager, onBatch: (groups: string[][]) => Promise<void> | void): Promise<void> {
  await m.query(`DECLARE shared_values NO SCROLL CURSOR FOR SELECT v.cases FROM value_counts v WHERE ${LINKABLE('v')}`);
  for (;;) {
    const rows = rowsOf<{ cases: string[] }>(await m.query('FETCH 20000 FROM shared_values'));
    if (rows.length === 0) break;
    await onBatch(rows.map((r) => r.cases));
  }
  await m.query('CLOSE shared_values');
}

/** Every series membership, case to series. */
export async function allSeriesMemberships(m: EntityManager): Promise<Map<string, string>> {
  const rows = rowsOf<{ case_id: string; series_id: string }>(await m.query('SELECT case_id, series_id FROM series_members'));
  return new Map(rows.map((r) => [r.case_id, r.series_id]));
}

/** The owning agency of each of `caseIds`. */
export async function caseAgencies(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: string; agency_id: string }>(await m.query('SELECT id, agency_id FROM cases WHERE id = ANY($1::uuid[])', [caseIds]));
  return new Map(rows.map((r) => [r.id, r.agency_id]));
}

export async function allSeriesIds(m: EntityManager): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await m.query('SELECT id FROM evidence_series'));
  return rows.map((r) => r.id);
}
