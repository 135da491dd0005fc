import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';
import type { BulletinNotice } from './bulletin-store';

/**
 * Bulletin matching ("identifiers in bulletins feed linking"). A hit is a function of the linking data:
 * a (bulletin, case, value) where the bulletin watches the value, the case has a posting for it, and the
 * value is not warninglisted. Every caller re-syncs a scope of hits to exactly that set, under the
 * linker's advisory lock (LINK_LOCK) and from the same postings the linker writes, so hits never drift
 * from links: the linker for one case's values and one value's standing, a full relink for everything,
 * the publication job for one bulletin. Run by the worker's linker role (it reads every case's postings
 * and nothing else of them). Hits are unique and notifications carry a dedupe key, so running any of
 * this twice writes nothing twice.
 */

/** A BULLETIN_MATCH notification just written, to push to its reader live once committed. */
type BulletinMatchNotice = BulletinNotice & { kind: 'BULLETIN_MATCH' };

/** Which hits to bring in line with the postings. */
type HitScope = { all: true } | { bulletinId: string } | { caseId: string } | { kind: string; canonical: string };

function scopeOf(scope: HitScope): { watched: string; hits: string; params: unknown[] } {
  if ('all' in scope) return { watched: 'true', hits: 'true', params: [] };
  if ('bulletinId' in scope) return { watched: 'w.bulletin_id = $1', hits: 'h.bulletin_id = $1', params: [scope.bulletinId] };
  if ('caseId' in scope) return { watched: 'p.case_id = $1', hits: 'h.case_id = $1', params: [scope.caseId] };
  return { watched: 'w.kind = $1 AND w.canonical = $2', hits: 'h.kind = $1 AND h.canonical = $2', params: [scope.kind, scope.canonical] };
}

/**
 * Makes the hits in `scope` equal to postings ⋈ watched values (benign values never make a hit, as they
 * never make a link): deletes those without a posting, inserts the missing ones, and tells the authors
 * of newly hit cases. Call it holding LINK_LOCK, in the transaction that changed the postings.
 */
export async function syncBulletinHits(m: EntityManager, scope: HitScope): Promise<BulletinMatchNotice[]> {
  const { watched, hits, params } = scopeOf(scope);
  const added = rowsOf<{ bulletin_id: string; case_id: string }>(await m.query(
    `WITH desired AS (
       SELECT w.bulletin_id, p.case_id, p.kind, p.canonical, p.agency_id
       FROM bulletin_identifiers w
       JOIN evidence_postings p ON p.kind = w.kind AND p.canonical = w.canonical
       WHERE ${watched}
         AND NOT EXISTS (SELECT 1 FROM warninglist_entries x WHERE x.kind = w.kind AND x.canonical = w.canonical)),
     gone AS (
       DELETE FROM bulletin_hits h WHERE ${hits} AND NOT EXISTS (
         SELECT 1 FROM desired d WHERE d.bulletin_id = h.bulletin_id AND d.case_id = h.case_id AND d.kind = h.kind AND d.canonical = h.canonical)),
     put AS (
       INSERT INTO bulletin_hits (bulletin_id, case_id, kind, canonical, agency_id)
       SELECT bulletin_id, case_id, kind, canonical, agency_id FROM desired
       ON CONFLICT DO NOTHING
       RETURNING bulletin_id, case_id)
     SELECT DISTINCT bulletin_id, case_id FROM put`,
    params,
  ));
  return added.length === 0 ? [] : notifyMatches(m, added);
}

/**
 * BULLETIN_MATCH to the author of each newly hit case whose owning agency may read the bulletin (its
 * publisher or an addressee): one per bulletin and case, however often it is asked (a hit that goes and
 * comes back is not announced again).
 */
async function notifyMatches(m: EntityManager, pairs: ReadonlyArray<{ bulletin_id: string; case_id: string }>): Promise<BulletinMatchNotice[]> {
  return rowsOf<BulletinMatchNotice>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT c.agency_id, c.created_by, 'BULLETIN_MATCH',
            jsonb_build_object('bulletinId', b.id, 'title', b.title, 'caseId', c.id, 'caseNumber', c.case_number),
            'bulletin-match:' || b.id || ':' || c.id
     FROM unnest($1::uuid[], $2::uuid[]) AS h(bulletin_id, case_id)
     JOIN bulletins b ON b.id = h.bulletin_id
     JOIN cases c ON c.id = h.case_id
     WHERE c.created_by IS NOT NULL AND (c.agency_id = b.publisher_agency_id OR bulletin_addresses(b.id, c.agency_id))
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, agency_id AS "agencyId", user_id AS "userId", kind, payload, created_at AS "createdAt"`,
    [pairs.map((p) => p.bulletin_id), pairs.map((p) => p.case_id)],
  ));
}
