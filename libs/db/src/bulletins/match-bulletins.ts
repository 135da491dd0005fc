import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/**
 * Bulletin matching ("identifiers in bulletins feed linking"): a case holding a value a bulletin
 * watches gets a hit. Run by the worker's linker role (it reads every case's identifier values and
 * nothing else of them) — at publication for the whole bulletin, and by the linker for values a case
 * gains later; by the owner role in the demo seed. Hits are unique and notifications carry a dedupe
 * key, so running any of this twice writes nothing twice.
 */

/** A BULLETIN_MATCH notification just written, to push to its reader live once committed. */
export interface BulletinMatchNotice {
  id: string;
  agencyId: string;
  userId: string;
  kind: 'BULLETIN_MATCH';
  payload: Record<string, unknown>;
  createdAt: Date;
}

interface Term {
  kind: string;
  canonical: string;
}

/** Benign values (bank hotlines, public DNS …) never make a hit, as they never make a link. */
const NOT_WARNINGLISTED = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM warninglist_entries x WHERE x.kind = ${alias}.kind AND x.canonical = ${alias}.canonical)`;

/** Every case holding one of the bulletin's watched values gets a hit; their authors hear of it. */
export async function matchBulletin(m: EntityManager, bulletinId: string): Promise<BulletinMatchNotice[]> {
  await m.query(
    `INSERT INTO bulletin_hits (bulletin_id, case_id, kind, canonical, agency_id)
     SELECT DISTINCT w.bulletin_id, i.case_id, i.kind, i.canonical, c.agency_id
     FROM bulletin_identifiers w
     JOIN identifiers i ON i.kind = w.kind AND i.canonical = w.canonical
     JOIN cases c ON c.id = i.case_id
     WHERE w.bulletin_id = $1 AND ${NOT_WARNINGLISTED('w')}
     ON CONFLICT DO NOTHING`,
    [bulletinId],
  );
  return notifyMatches(m, [bulletinId], null);
}

/** Values a case has just come to hold (postings the linker added), matched against every bulletin. */
export async function matchCaseValues(m: EntityManager, caseId: string, terms: readonly Term[]): Promise<BulletinMatchNotice[]> {
  if (terms.length === 0) return [];
  const rows = rowsOf<{ bulletin_id: string }>(await m.query(
    `INSERT INTO bulletin_hits (bulletin_id, case_id, kind, canonical, agency_id)
     SELECT DISTINCT w.bulletin_id, c.id, w.kind, w.canonical, c.agency_id
     FROM unnest($2::text[], $3::text[]) AS t(kind, canonical)
     JOIN bulletin_identifiers w ON w.kind = t.kind AND w.canonical = t.canonical
     JOIN cases c ON c.id = $1
     WHERE ${NOT_WARNINGLISTED('w')}
     ON CONFLICT DO NOTHING
     RETURNING bulletin_id`,
    [caseId, terms.map((t) => t.kind), terms.map((t) => t.canonical)],
  ));
  if (rows.length === 0) return [];
  return notifyMatches(m, [...new Set(rows.map((r) => r.bulletin_id))], caseId);
}

/** A value corrected away or removed from a case no longer matches (the notification stays: it happened). */
export async function unmatchCaseValues(m: EntityManager, caseId: string, terms: readonly Term[]): Promise<void> {
  if (terms.length === 0) return;
  await m.query(
    `DELETE FROM bulletin_hits h USING unnest($2::text[], $3::text[]) AS t(kind, canonical)
     WHERE h.case_id = $1 AND h.kind = t.kind AND h.canonical = t.canonical`,
    [caseId, terms.map((t) => t.kind), terms.map((t) => t.canonical)],
  );
}

/**
 * BULLETIN_MATCH to the author of each matching case whose owning agency may read the bulletin (its
 * publisher or an addressee): one per bulletin and case, however often it is asked.
 */
async function notifyMatches(m: EntityManager, bulletinIds: readonly string[], caseId: string | null): Promise<BulletinMatchNotice[]> {
  return rowsOf<BulletinMatchNotice>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT c.agency_id, c.created_by, 'BULLETIN_MATCH',
            jsonb_build_object('bulletinId', b.id, 'title', b.title, 'caseId', c.id, 'caseNumber', c.case_number),
            'bulletin-match:' || b.id || ':' || c.id
     FROM (SELECT DISTINCT bulletin_id, case_id FROM bulletin_hits WHERE bulletin_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR case_id = $2::uuid)) h
     JOIN bulletins b ON b.id = h.bulletin_id
     JOIN cases c ON c.id = h.case_id
     WHERE c.created_by IS NOT NULL AND (c.agency_id = b.publisher_agency_id OR bulletin_addresses(b.id, c.agency_id))
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, agency_id AS "agencyId", user_id AS "userId", kind, payload, created_at AS "createdAt"`,
    [bulletinIds, caseId],
  ));
}
