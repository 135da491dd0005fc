import type { EntityManager } from 'typeorm';
import { CASE_COUNT_CAP, CASE_SEARCH_WALK, CaseAccess, CaseStatus, FraudType, IdentifierKind, normalizeIdentifier, Sensitivity } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import type { KeysetPage } from '../agencies/agency-store';

/**
 * Cases (issue 15): every statement on cases and case_number_counters. Each function runs in the caller's acting
 * transaction, so row-level security decides which cases exist for the caller (its own, those shared with its agency,
 * those of its task forces); the database's policies and its guard on cases decide every change again.
 */

/** A row of cases as PostgreSQL returns it (reported_on as YYYY-MM-DD text, not a Date at local midnight). */
export interface CaseRow {
  id: string;
  agency_id: string;
  case_number: string;
  title: string;
  description: string | null;
  fraud_type: FraudType;
  status: CaseStatus;
  /** 2-digit GB/T 2260 province codes involved (victims' and the owner's provinces). */
  provinces: string[];
  /** Exact decimal CNY (numeric comes back as text): the sum of statement losses. */
  total_loss: string;
  victim_count: number;
  reported_on: string;
  sensitivity: Sensitivity;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** Set by the database when the case becomes CLOSED (and cleared when it reopens). */
  closed_at: Date | null;
  /** A closed archive record (e.g. a loaded judgment), left out of the working list unless asked for; an operator's to set. */
  archived: boolean;
}

/**
 * A case with the caller's own live share of it, if any (null columns for the owner and for a task-force member
 * without a share): what decides the caller's access and handling code, read in the same statement.
 */
export interface VisibleCaseRow extends CaseRow {
  share_access: CaseAccess | null;
  share_may_pass_on: boolean | null;
  share_may_use_in_court: boolean | null;
  share_must_ask_before_acting: boolean | null;
}

const CASE_COLUMNS = `c.id, c.agency_id, c.case_number, c.title, c.description, c.fraud_type, c.status, c.provinces, c.total_loss, c.victim_count,
  to_char(c.reported_on, 'YYYY-MM-DD') AS reported_on, c.sensitivity, c.created_by, c.created_at, c.updated_at, c.closed_at, c.archived`;

// case_shares_live_key: at most one live share per case and agency, so the join never repeats a case.
const SELECT_VISIBLE_CASE = `SELECT ${CASE_COLUMNS}, s.access AS share_access, s.may_pass_on AS share_may_pass_on,
  s.may_use_in_court AS share_may_use_in_court, s.must_ask_before_acting AS share_must_ask_before_acting
  FROM cases c LEFT JOIN case_shares s ON s.case_id = c.id AND s.agency_id = app_agency() AND s.revoked_at IS NULL`;

/** The case if the caller may see it (row-level security decides), with the caller's live share of it. */
export async function visibleCaseById(m: EntityManager, id: string): Promise<VisibleCaseRow | null> {
  const [row] = rowsOf<VisibleCaseRow>(await m.query(`${SELECT_VISIBLE_CASE} WHERE c.id = $1`, [id]));
  return row ?? null;
}

/** The cases among `ids` the caller may see, in no particular order; the others are left out. */
export async function visibleCasesByIds(m: EntityManager, ids: readonly string[]): Promise<VisibleCaseRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<VisibleCaseRow>(await m.query(`${SELECT_VISIBLE_CASE} WHERE c.id = ANY ($1::uuid[])`, [ids]));
}

/** Narrows the case list; every given condition must hold (money already checked by the caller). */
export interface CaseListFilter {
  fraudTypes?: readonly FraudType[] | null;
  statuses?: readonly CaseStatus[] | null;
  province?: string | null;
  reportedFrom?: string | null;
  reportedTo?: string | null;
  minLoss?: string | null;
  maxLoss?: string | null;
  owningAgencyId?: string | null;
  /** Titles, case numbers, narratives and identifiers (already trimmed; empty means none). */
  search?: string | null;
  /** Archive records too (closed judgments loaded for the analytics); left out, the list holds the working cases only. */
  includeArchived?: boolean | null;
}

function caseConditions(f: CaseListFilter, matches: readonly string[] | null): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (f.fraudTypes?.length) add((p) => `c.fraud_type = ANY (${p}::text[])`, f.fraudTypes);
  if (f.statuses?.length) add((p) => `c.status = ANY (${p}::text[])`, f.statuses);
  if (f.province) add((p) => `${p}::text = ANY (c.provinces)`, f.province);
  if (f.reportedFrom) add((p) => `c.reported_on >= ${p}::date`, f.reportedFrom);
  if (f.reportedTo) add((p) => `c.reported_on <= ${p}::date`, f.reportedTo);
  if (f.minLoss != null) add((p) => `c.total_loss >= ${p}::numeric`, f.minLoss);
  if (f.maxLoss != null) add((p) => `c.total_loss <= ${p}::numeric`, f.maxLoss);
  if (f.owningAgencyId) add((p) => `c.agency_id = ${p}::uuid`, f.owningAgencyId);
  // Archive records (cases.archived, migration 1765950000000) would bury the cases being worked: out unless asked for.
  if (!f.includeArchived) where.push('NOT c.archived');
  // The search's matches (searchMatches), found once for both the count and the page.
  if (matches) add((p) => `c.id = ANY (${p}::uuid[])`, matches);
  return { where, params };
}

/** The kinds a whole number may be (searchPatterns reads a term of eleven digits or more as each of them). */
const NUMBER_KINDS = [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT, IdentifierKind.PHONE, IdentifierKind.IMEI, IdentifierKind.ID_NUMBER];

/**
 * A search term as case_search_matches takes it: two LIKE patterns, as typed and without separators for identifiers
 * (null when too short), and for a whole number the identifiers it parses as (kinds and canonical values, matched
 * whole through the btree instead of the trigram index).
 */
function searchPatterns(term: string): { pattern: string; compact: string | null; kinds: string[] | null; exact: string[] | null } {
  const like = (t: string) => `%${t.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
  // Identifiers are stored canonical (digits without separators, lower case): "6222 0212 3456" finds the card too.
  // A term of one or two characters (a Chinese word is often two) is no clue to look for: titles and narratives only.
  const compact = term.replace(/[\s\-()]/g, '') || term;
  let kinds: string[] | null = null;
  let exact: string[] | null = null;
  if (/^\+?\d{11,}[xX]?$/.test(compact)) {
    const parsed = NUMBER_KINDS.flatMap((kind) => {
      const n = normalizeIdentifier(kind, term);
      return n.ok ? [{ kind, canonical: n.canonical }] : [];
    });
    // A number no kind accepts (a checksum that fails, a partial number) still matches identifiers as a substring.
    if (parsed.length > 0) {
      kinds = parsed.map((p) => p.kind);
      exact = parsed.map((p) => p.canonical);
    }
  }
  return { pattern: like(term), compact: [...term].length >= 3 ? like(compact) : null, kinds, exact };
}

/**
 * The ids of the cases the caller may read whose title, case number, narratives or identifiers hold the term
 * (case_search_matches, migrations 1765970000000 and 1765980000000: under row-level security ILIKE could never use the
 * trigram indexes; the function returns only cases the caller may read, and the list reads them under RLS again).
 */
async function searchMatches(m: EntityManager, term: string): Promise<string[]> {
  const { pattern, compact, kinds, exact } = searchPatterns(term);
  const [row] = rowsOf<{ ids: string[] }>(await m.query(
    'SELECT coalesce(array_agg(id), \'{}\') AS ids FROM case_search_matches($1, $2, NULL, $3, $4) id', [pattern, compact, kinds, exact],
  ));
  return row.ids;
}

/**
 * The walk (CASE_SEARCH_WALK): the newest `budget` cases the caller may see that pass the filters (after the cursor, if
 * any), and one more, asked about all at once (case_search_matches with `p_within`, migration 1765980000000; an empty
 * array when no case passes, never NULL, which would mean the index road). `walked` <= `budget` means every candidate
 * was tested; `ids` are the first `limit` hits, newest first.
 */
async function walkSearch(
  m: EntityManager, f: CaseListFilter, term: string, afterId: string | null, budget: number, limit: number,
): Promise<{ walked: number; hits: number; ids: string[] }> {
  const { where, params } = caseConditions(f, null);
  if (afterId) where.push(afterCursor(params, afterId));
  const { pattern, compact, kinds, exact } = searchPatterns(term);
  params.push(kinds, exact, pattern, compact, budget, limit);
  const n = params.length;
  const [row] = rowsOf<{ walked: number; hits: number; ids: string[] }>(await m.query(
    `WITH candidates AS MATERIALIZED (
       SELECT c.id, c.created_at FROM cases c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.created_at DESC, c.id DESC LIMIT $${n - 1}::int + 1),
     hits AS MATERIALIZED (
       SELECT c.id, c.created_at FROM candidates c
       WHERE c.id IN (SELECT case_search_matches($${n - 3}, $${n - 2}, coalesce((SELECT array_agg(id) FROM candidates), '{}'), $${n - 5}, $${n - 4})))
     SELECT (SELECT count(*) FROM candidates)::int AS walked, (SELECT count(*) FROM hits)::int AS hits,
            array(SELECT id FROM hits ORDER BY created_at DESC, id DESC LIMIT $${n}) AS ids`,
    params,
  ));
  return row;
}

/**
 * The keyset condition "after the case `afterId`" (newest first), its parameter added to `params`. A cursor names a
 * row; its exact values are compared (no microseconds lost), and a row the caller cannot see matches nothing.
 */
function afterCursor(params: unknown[], afterId: string): string {
  params.push(afterId);
  return `(c.created_at, c.id) < (SELECT x.created_at, x.id FROM cases x WHERE x.id = $${params.length})`;
}

/** How many cases pass `where`, counted up to `cap` (`capped`: more do). */
async function cappedCount(m: EntityManager, where: readonly string[], params: readonly unknown[], cap: number): Promise<{ total: number; capped: boolean }> {
  const [{ n }] = rowsOf<{ n: number }>(await m.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ${Math.trunc(cap) + 1}) x`, [...params],
  ));
  return { total: Math.min(n, cap), capped: n > cap };
}

/** The visible cases among `ids`, with the caller's live share of each, in the order of `ids`. */
async function casesInOrder(m: EntityManager, ids: readonly string[]): Promise<VisibleCaseRow[]> {
  const byId = new Map((await visibleCasesByIds(m, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of the cases the caller may see, newest first (keyset on created_at, id), with the caller's live share
 * of each; `withCount` counts the matches up to CASE_COUNT_CAP (`capped`: there are more), else total is -1.
 * A search walks the newest candidates first (`searchWalk`, CASE_SEARCH_WALK; 0 goes straight to the indexes).
 */
export async function listCases(
  m: EntityManager, f: CaseListFilter, page: KeysetPage & { withCount: boolean; countCap?: number; searchWalk?: number },
): Promise<{ rows: VisibleCaseRow[]; total: number; capped: boolean }> {
  const cap = page.countCap ?? CASE_COUNT_CAP;
  const budget = Math.min(page.searchWalk ?? CASE_SEARCH_WALK, cap);
  // A number (a card, a phone, a case number: six digits or more) is a clue few cases hold: straight to the indexes.
  if (f.search && budget > 0 && (f.search.match(/\d/g)?.length ?? 0) < 6) {
    const walk = await walkSearch(m, f, f.search, page.afterId, budget, page.limit);
    // The walk answers when it filled the page or tested every candidate; otherwise the term is rare: the indexes.
    const answers = (w: typeof walk) => w.ids.length === page.limit || w.walked <= budget;
    if (answers(walk)) {
      let total = -1;
      let capped = false;
      // Counted from the start of the list, as the first page was: by the walk if it answered that page (at least this
      // many when it stopped early), else below by the indexes, so the total does not change from page to page.
      const first = page.withCount && page.afterId ? await walkSearch(m, f, f.search, null, budget, page.limit) : walk;
      if (page.withCount && answers(first)) {
        total = first.hits;
        capped = first.walked > budget;
      }
      if (!page.withCount || answers(first)) return { rows: await casesInOrder(m, walk.ids), total, capped };
      const { where, params } = caseConditions(f, await searchMatches(m, f.search));
      return { rows: await casesInOrder(m, walk.ids), ...(await cappedCount(m, where, params, cap)) };
    }
  }
  const { where, params } = caseConditions(f, f.search ? await searchMatches(m, f.search) : null);
  const whereSql = (extra: string[]) => (where.length + extra.length ? `WHERE ${[...where, ...extra].join(' AND ')}` : '');
  const { total, capped } = page.withCount ? await cappedCount(m, where, params, cap) : { total: -1, capped: false };
  const after = page.afterId ? [afterCursor(params, page.afterId)] : [];
  params.push(page.limit);
  const rows = rowsOf<VisibleCaseRow>(await m.query(
    `${SELECT_VISIBLE_CASE} ${whereSql(after)} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`, params,
  ));
  return { rows, total, capped };
}

/** The next number of the agency's counter for `year` (numbers have no gaps from rollbacks: the counter row is locked). */
export async function nextCaseNumber(m: EntityManager, agencyId: string, year: number): Promise<number> {
  const [row] = rowsOf<{ last_value: number }>(await m.query(
    `INSERT INTO case_number_counters (agency_id, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last_value = case_number_counters.last_value + 1 RETURNING last_value`,
    [agencyId, year],
  ));
  return row.last_value;
}

export interface NewCase {
  agencyId: string;
  caseNumber: string;
  title: string;
  description: string | null;
  fraudType: FraudType;
  reportedOn: string;
  sensitivity: Sensitivity;
  provinces: readonly string[];
  createdBy: string;
}

/** A new case of the acting agency, as written (the insert policy refuses any agency but the caller's police agency). */
export async function insertCase(m: EntityManager, c: NewCase): Promise<CaseRow> {
  const [row] = rowsOf<CaseRow>(await m.query(
    `INSERT INTO cases AS c (agency_id, case_number, title, description, fraud_type, reported_on, sensitivity, provinces, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${CASE_COLUMNS}`,
    [c.agencyId, c.caseNumber, c.title, c.description, c.fraudType, c.reportedOn, c.sensitivity, c.provinces, c.createdBy],
  ));
  return row;
}

/** The case moved to `status`, as changed (the database's guard refuses a move the case machine does not allow). */
export async function setCaseStatus(m: EntityManager, id: string, status: CaseStatus): Promise<CaseRow | null> {
  const [row] = rowsOf<CaseRow>(await m.query(
    `UPDATE cases AS c SET status = $2, updated_at = now() WHERE c.id = $1 RETURNING ${CASE_COLUMNS}`, [id, status],
  ));
  return row ?? null;
}
