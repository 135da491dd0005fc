import type { EntityManager } from 'typeorm';
import type { AgencyKind, FraudType, IdentifierKind } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Bulletins (issue 15): every statement on bulletins, their recipients, watched values, reads and hits that the api's
 * bulletin service and the worker's bulletin job run (writing a bulletin is recordBulletin, matching is
 * syncBulletinHits). Each runs in the caller's transaction: under the api's row-level security a bulletin is seen by
 * its publisher's agency and its addressees only, a hit by whoever may see both the bulletin and the case.
 */

/** A watched value as the publisher entered it and as it is matched. */
export interface BulletinIdentifierRow {
  kind: IdentifierKind;
  value: string;
  canonical: string;
}

/** A bulletin as the viewer sees it, with its recipients and watched values (one statement for a whole page). */
export interface BulletinRow {
  id: string;
  publisher_agency_id: string;
  title: string;
  body: string;
  fraud_type: FraudType;
  may_pass_on: boolean;
  may_use_in_court: boolean;
  must_ask_before_acting: boolean;
  published_at: Date;
  processed_at: Date | null;
  /** The acting user has opened it. */
  read: boolean;
  /** Publisher only (null for others): cases the publisher may read that hold a watched value. */
  matched_case_count: number | null;
  /** Publisher only (null for others): at least 3 cases elsewhere hold one (never how many). */
  matched_elsewhere: boolean | null;
  recipient_kinds: AgencyKind[];
  recipient_agency_ids: string[];
  identifiers: BulletinIdentifierRow[];
}

// Whom it is addressed to: read with the bulletin by the api and by the worker's job alike.
const RECIPIENTS = `ARRAY(SELECT r.agency_kind FROM bulletin_recipients r WHERE r.bulletin_id = b.id AND r.agency_kind IS NOT NULL) AS recipient_kinds,
  ARRAY(SELECT r.agency_id::text FROM bulletin_recipients r WHERE r.bulletin_id = b.id AND r.agency_id IS NOT NULL) AS recipient_agency_ids`;

/**
 * The count is of cases the publisher may read; of the others only "at least 3 elsewhere" (bulletin_matched_elsewhere),
 * so that a bulletin watching one value cannot ask whether any agency holds it.
 */
const BULLETIN_COLUMNS = `b.id, b.publisher_agency_id, b.title, b.body, b.fraud_type, b.may_pass_on, b.may_use_in_court, b.must_ask_before_acting,
  b.published_at, b.processed_at, EXISTS (SELECT 1 FROM bulletin_reads r WHERE r.bulletin_id = b.id AND r.user_id = app_user()) AS read,
  bulletin_match_count(b.id) AS matched_case_count, bulletin_matched_elsewhere(b.id) AS matched_elsewhere, ${RECIPIENTS},
  (SELECT coalesce(json_agg(json_build_object('kind', w.kind, 'value', w.raw_value, 'canonical', w.canonical) ORDER BY w.position), '[]'::json)
   FROM bulletin_identifiers w WHERE w.bulletin_id = b.id) AS identifiers`;

const UNREAD = 'NOT EXISTS (SELECT 1 FROM bulletin_reads r WHERE r.bulletin_id = b.id AND r.user_id = app_user())';

/** Which of these values are on the warninglist (benign values such as a bank hotline, that would match unrelated cases). */
export async function warninglistedValues(
  m: EntityManager, values: ReadonlyArray<{ kind: string; canonical: string }>,
): Promise<Array<{ kind: string; canonical: string }>> {
  return rowsOf<{ kind: string; canonical: string }>(await m.query(
    `SELECT t.kind, t.canonical FROM unnest($1::text[], $2::text[]) AS t(kind, canonical)
     WHERE EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = t.kind AND w.canonical = t.canonical)`,
    [values.map((v) => v.kind), values.map((v) => v.canonical)],
  ));
}

export interface BulletinListFilter {
  fraudType?: FraudType | null;
  unreadOnly: boolean;
  /** Keyset: rows after this bulletin in the order (newest first). */
  afterId?: string | null;
  limit: number;
  /** Count every match too (one more statement); total is -1 otherwise. */
  withCount: boolean;
}

/** One page of the bulletins the viewer may read, newest first, and how many match in all when asked. */
export async function listBulletins(m: EntityManager, f: BulletinListFilter): Promise<{ rows: BulletinRow[]; total: number }> {
  const filter = `($1::text IS NULL OR b.fraud_type = $1) AND (NOT $2 OR ${UNREAD})`;
  const rows = rowsOf<BulletinRow>(await m.query(
    `SELECT ${BULLETIN_COLUMNS} FROM bulletins b
     WHERE ${filter} AND ($3::uuid IS NULL OR (b.published_at, b.id) < (SELECT c.published_at, c.id FROM bulletins c WHERE c.id = $3))
     ORDER BY b.published_at DESC, b.id DESC LIMIT $4`,
    [f.fraudType ?? null, f.unreadOnly, f.afterId ?? null, f.limit],
  ));
  if (!f.withCount) return { rows, total: -1 };
  const [{ n }] = rowsOf<{ n: number }>(await m.query(`SELECT count(*)::int AS n FROM bulletins b WHERE ${filter}`, [f.fraudType ?? null, f.unreadOnly]));
  return { rows, total: n };
}

export async function bulletinById(m: EntityManager, id: string): Promise<BulletinRow | null> {
  const [row] = rowsOf<BulletinRow>(await m.query(`SELECT ${BULLETIN_COLUMNS} FROM bulletins b WHERE b.id = $1`, [id]));
  return row ?? null;
}

/** The user has opened the bulletin (once is enough). */
export async function markBulletinRead(m: EntityManager, r: { bulletinId: string; userId: string; agencyId: string }): Promise<void> {
  await m.query('INSERT INTO bulletin_reads (bulletin_id, user_id, agency_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [r.bulletinId, r.userId, r.agencyId]);
}

/** Bulletins the viewer may read and has not opened. */
export async function unreadBulletinCount(m: EntityManager): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(await m.query(`SELECT count(*)::int AS n FROM bulletins b WHERE ${UNREAD}`));
  return n;
}

/** A case that holds values a bulletin watches, with those values (kinds[i] goes with canonicals[i]). */
export interface BulletinCaseMatchRow {
  bulletin_id: string;
  case_id: string;
  case_number: string;
  title: string;
  agency_id: string;
  kinds: IdentifierKind[];
  canonicals: string[];
  matched_at: Date;
}

/**
 * Cases holding a watched value that the viewer may open (both hits and cases under the viewer's policies), for
 * several bulletins in one statement: the newest `perBulletin` of each, in order.
 */
export async function bulletinMatchingCases(m: EntityManager, bulletinIds: readonly string[], perBulletin = 200): Promise<BulletinCaseMatchRow[]> {
  return rowsOf<BulletinCaseMatchRow>(await m.query(
    `SELECT bulletin_id, case_id, case_number, title, agency_id, kinds, canonicals, matched_at FROM (
       SELECT h.bulletin_id, h.case_id, c.case_number, c.title, c.agency_id, array_agg(h.kind ORDER BY h.kind, h.canonical) AS kinds,
              array_agg(h.canonical ORDER BY h.kind, h.canonical) AS canonicals, max(h.matched_at) AS matched_at,
              row_number() OVER (PARTITION BY h.bulletin_id ORDER BY max(h.matched_at) DESC, c.case_number) AS n
       FROM bulletin_hits h JOIN cases c ON c.id = h.case_id
       WHERE h.bulletin_id = ANY($1::uuid[])
       GROUP BY h.bulletin_id, h.case_id, c.case_number, c.title, c.agency_id) m
     WHERE n <= $2 ORDER BY bulletin_id, n`,
    [bulletinIds, perBulletin],
  ));
}

/** A bulletin the viewer may read whose watched values a case holds, with those values. */
export interface CaseBulletinHitRow extends BulletinRow {
  hit_kinds: IdentifierKind[];
  hit_canonicals: string[];
  matched_at: Date;
}

/** "Matches bulletin X" on a case: hits of bulletins the viewer may read, newest bulletin first. */
export async function caseBulletinHits(m: EntityManager, caseId: string): Promise<CaseBulletinHitRow[]> {
  return rowsOf<CaseBulletinHitRow>(await m.query(
    `SELECT ${BULLETIN_COLUMNS}, h.kinds AS hit_kinds, h.canonicals AS hit_canonicals, h.matched_at
     FROM (SELECT h.bulletin_id, array_agg(h.kind ORDER BY h.kind, h.canonical) AS kinds, array_agg(h.canonical ORDER BY h.kind, h.canonical) AS canonicals,
                  max(h.matched_at) AS matched_at
           FROM bulletin_hits h WHERE h.case_id = $1 GROUP BY h.bulletin_id) h
     JOIN bulletins b ON b.id = h.bulletin_id
     ORDER BY b.published_at DESC`,
    [caseId],
  ));
}

/** What the worker's job needs of a bulletin: whether it is done, and whom it is addressed to. Run as the linker role. */
export interface BulletinDeliveryRow {
  id: string;
  processed_at: Date | null;
  recipient_kinds: AgencyKind[];
  recipient_agency_ids: string[];
}

export async function bulletinForDelivery(m: EntityManager, id: string): Promise<BulletinDeliveryRow | null> {
  const [row] = rowsOf<BulletinDeliveryRow>(await m.query(`SELECT b.id, b.processed_at, ${RECIPIENTS} FROM bulletins b WHERE b.id = $1`, [id]));
  return row ?? null;
}

/** A notification the bulletin job or the linker just wrote, to push to its reader live once committed. */
export interface BulletinNotice {
  id: string;
  agencyId: string;
  userId: string;
  kind: 'BULLETIN_PUBLISHED' | 'BULLETIN_MATCH';
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Tells every active user of an addressed agency (but the publisher) of the bulletin, once (dedupe key). Run as that
 * agency: it reads the bulletin under its own policy and writes to its own users.
 */
export async function notifyBulletinRecipients(m: EntityManager, agencyId: string, bulletinId: string): Promise<BulletinNotice[]> {
  return rowsOf<BulletinNotice>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT $1, u.id, 'BULLETIN_PUBLISHED',
            jsonb_build_object('bulletinId', b.id, 'title', b.title, 'fraudType', b.fraud_type, 'publisherAgencyId', b.publisher_agency_id),
            'bulletin-published:' || b.id || ':' || u.id
     FROM bulletins b JOIN users u ON u.agency_id = $1 AND u.active AND u.id <> b.published_by
     WHERE b.id = $2
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, agency_id AS "agencyId", user_id AS "userId", kind, payload, created_at AS "createdAt"`,
    [agencyId, bulletinId],
  ));
}

/** Every case matched and every recipient told: the sweep leaves it alone from now on. */
export async function markBulletinProcessed(m: EntityManager, id: string): Promise<void> {
  await m.query('UPDATE bulletins SET processed_at = now() WHERE id = $1 AND processed_at IS NULL', [id]);
}

/** Bulletins not processed some seconds after publication (their job was lost or never queued), oldest first. */
export async function unprocessedBulletinIds(m: EntityManager, limit = 500): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await m.query(
    `SELECT id FROM bulletins WHERE processed_at IS NULL AND published_at < now() - interval '2 seconds' ORDER BY published_at LIMIT $1`, [limit],
  ));
  return rows.map((r) => r.id);
}
