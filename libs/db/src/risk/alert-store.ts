import type { EntityManager } from 'typeorm';
import type { AlertStatus, IdentifierKind, RiskRule } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Alerts as the api reads and moves them (issue 15): alerts, their identifiers and leads. Who sees which is
 * row-level security's: the reporter the alerts from its own signals (and of their identifiers those its signals
 * carried), police their region's, readers of a case its leads and their alerts. Of a lead on a case it may not
 * read, the region's police learn what a blind hit tells through alert_region_leads(), never the case's id or
 * number. The rules engine writes them (risk-rule-store.ts).
 */

/** An alert as the api shows it (figures as text, exact). */
export interface AlertRow {
  id: string;
  rule: RiskRule;
  status: AlertStatus;
  region: string;
  raised_at: Date;
  reporting_agency_id: string;
  subject_hash: Buffer | null;
  observed: string;
  threshold: string;
  window_start: Date;
  window_end: Date;
  signal_count: number;
  status_note: string | null;
}

/** A lead as the caller may see it: case id and number only when it may read the case. */
export interface AlertLeadRow {
  id: string;
  alert_id: string;
  case_id: string | null;
  case_number: string | null;
  case_owner_agency_id: string;
  matched_kind: IdentifierKind;
  matched_value: string;
  created_at: Date;
  /** The caller's agency owns the case or holds CONTRIBUTE of it (the access that may see personal data). */
  clear: boolean;
}

export interface AlertIdentifierRow {
  alert_id: string;
  kind: IdentifierKind;
  value: string;
}

const ALERT_COLUMNS = `a.id, a.rule, a.status, a.region, a.raised_at, a.reporting_agency_id, a.subject_hash, a.observed::text, a.threshold::text,
  a.window_start, a.window_end, a.signal_count, a.status_note`;

export interface AlertListFilter {
  status?: AlertStatus | null;
  rule?: RiskRule | null;
  /** Keyset: rows after this alert in the order (most recently raised first). */
  afterId?: string | null;
  limit: number;
  /** Whether to count the matching alerts as well (a second statement). */
  count: boolean;
}

/** One page of the alerts the caller may see, most recently raised first; total null unless counted. */
export async function listAlerts(m: EntityManager, f: AlertListFilter): Promise<{ rows: AlertRow[]; total: number | null }> {
  const matches = '($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR a.rule = $2)';
  const params: unknown[] = [f.status ?? null, f.rule ?? null];
  let where = matches;
  if (f.afterId) {
    params.push(f.afterId);
    where += ` AND (a.raised_at, a.id) < (SELECT c.raised_at, c.id FROM alerts c WHERE c.id = $${params.length})`;
  }
  params.push(f.limit);
  const rows = rowsOf<AlertRow>(await m.query(
    `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE ${where} ORDER BY a.raised_at DESC, a.id DESC LIMIT $${params.length}`, params,
  ));
  const total = f.count
    ? rowsOf<{ n: number }>(await m.query(`SELECT count(*)::int AS n FROM alerts a WHERE ${matches}`, [f.status ?? null, f.rule ?? null]))[0].n
    : null;
  return { rows, total };
}

/** The alerts of `ids` the caller may see (in no particular order). */
export async function alertsByIds(m: EntityManager, ids: readonly string[]): Promise<AlertRow[]> {
  return rowsOf<AlertRow>(await m.query(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ANY ($1::uuid[])`, [ids]));
}

export async function alertById(m: EntityManager, id: string): Promise<AlertRow | null> {
  const [row] = await alertsByIds(m, [id]);
  return row ?? null;
}

/**
 * Moves an alert from the status the caller read (`from`) to `to`, keeping the note unless one is given; the alert
 * as it is now. Null when it changed meanwhile (a concurrent change is a conflict, not a lost update).
 */
export async function changeAlertStatus(
  m: EntityManager, c: { id: string; from: AlertStatus; to: AlertStatus; note: string | null; userId: string },
): Promise<AlertRow | null> {
  const [row] = rowsOf<AlertRow>(await m.query(
    `UPDATE alerts a SET status = $2, status_note = coalesce($3, a.status_note), status_by = $4, status_at = now(), updated_at = now()
     WHERE a.id = $1 AND a.status = $5 RETURNING ${ALERT_COLUMNS}`,
    [c.id, c.to, c.note, c.userId, c.from],
  ));
  return row ?? null;
}

/** The identifiers of these alerts the caller may see, by kind and value. */
export async function alertIdentifiersOf(m: EntityManager, alertIds: readonly string[]): Promise<AlertIdentifierRow[]> {
  return rowsOf<AlertIdentifierRow>(await m.query(
    'SELECT alert_id, kind, value FROM alert_identifiers WHERE alert_id = ANY ($1::uuid[]) ORDER BY kind, value', [alertIds],
  ));
}

/** Leads on cases the caller may read (alert_leads' policy), the case number read from the case under its own. */
async function readableLeads(m: EntityManager, where: string, params: unknown[]): Promise<AlertLeadRow[]> {
  return rowsOf<AlertLeadRow>(await m.query(
    `SELECT l.id, l.alert_id, c.id AS case_id, c.case_number, l.case_owner_agency_id, l.matched_kind, l.matched_value, l.created_at,
            c.id IS NOT NULL AND app_can_contribute(c.id) AS clear
     FROM alert_leads l LEFT JOIN cases c ON c.id = l.case_id WHERE ${where} ORDER BY l.created_at, l.id`,
    params,
  ));
}

/** The leads on a case, oldest first; null when the caller may not read the case. */
export async function leadsOnCase(m: EntityManager, caseId: string): Promise<AlertLeadRow[] | null> {
  const visible = rowsOf<{ id: string }>(await m.query('SELECT id FROM cases WHERE id = $1', [caseId]));
  if (visible.length === 0) return null;
  return readableLeads(m, 'l.case_id = $1', [caseId]);
}

/**
 * All leads of these alerts the caller may know of, oldest first: those on cases it may read, and (the region's
 * police) the blind rest from alert_region_leads(), without case id or number.
 */
export async function leadsOfAlerts(m: EntityManager, alertIds: readonly string[]): Promise<AlertLeadRow[]> {
  const readable = await readableLeads(m, 'l.alert_id = ANY ($1::uuid[])', [alertIds]);
  const blind = rowsOf<AlertLeadRow>(await m.query(
    `SELECT id, alert_id, NULL AS case_id, NULL AS case_number, owner_agency_id AS case_owner_agency_id, matched_kind, matched_value, created_at, false AS clear
     FROM alert_region_leads($1::uuid[])`,
    [alertIds],
  ));
  const seen = new Set(readable.map((l) => l.id));
  return [...readable, ...blind.filter((l) => !seen.has(l.id))]
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
