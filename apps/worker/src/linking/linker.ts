import { randomUUID } from 'node:crypto';
import { assignSeriesIds, CaseUnionFind, DEFAULT_HUB_THRESHOLD } from '@caselink/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { rowsOf, syncBulletinHits } from '@caselink/db';

/**
 * Keeps postings, hub flags and series in step with identifiers. Connected as the linker role, which
 * reads identifier values of every case and nothing else of them.
 *
 * Every change runs under one transaction-scoped advisory lock: linking is a small amount of work per
 * change, and a single writer keeps union-find over the whole database simple and exact (a full
 * relink holds the same lock, so incremental jobs wait for it and then apply what arrived meanwhile).
 */
export const LINK_LOCK = 7_263_001;

export interface RelinkProgress {
  phase: 'postings' | 'hubs' | 'series' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface RelinkStats {
  identifiers: number;
  postings: number;
  linkingValues: number;
  hubs: number;
  series: number;
  casesInSeries: number;
  seconds: number;
  identifiersPerSecond: number;
}

export interface LinkOutcome {
  /** False when the change was already linked (a job delivered twice) or folded into a relink. */
  applied: boolean;
  added: number;
  removed: number;
  seriesId: string | null;
}

/** A notification the linker wrote (a new link across agencies), to push to its reader live. */
export interface LinkNotice {
  id: string;
  /** LINK_HIT when absent; BULLETIN_MATCH for a bulletin hit. */
  kind?: string;
  agencyId: string;
  userId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

interface Term {
  kind: string;
  canonical: string;
}

const termKey = (t: Term) => `${t.kind}\u0000${t.canonical}`;

/** Postings whose value may link: not warninglisted, not a hub awaiting review. */
const LINKABLE = (alias: string) => `
  NOT EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = ${alias}.kind AND w.canonical = ${alias}.canonical)
  AND NOT EXISTS (SELECT 1 FROM evidence_hubs h WHERE h.kind = ${alias}.kind AND h.canonical = ${alias}.canonical AND h.state = 'REVIEW')`;

export class Linker {
  private readonly hubThreshold: number;
  private readonly publish: (n: LinkNotice) => Promise<void>;

  constructor(
    private readonly ds: DataSource,
    options: { hubThreshold?: number; publish?: (n: LinkNotice) => Promise<void> } = {},
  ) {
    this.hubThreshold = options.hubThreshold ?? DEFAULT_HUB_THRESHOLD;
    this.publish = options.publish ?? (() => Promise.resolve());
  }

  /** Runs one linking transaction, then pushes the notifications it wrote (only once they are committed). */
  private async linking<T>(work: (m: EntityManager, notices: LinkNotice[]) => Promise<T>): Promise<T> {
    const notices: LinkNotice[] = [];
    const result = await this.ds.transaction((m) => work(m, notices));
    for (const n of notices) await this.publish(n).catch(() => undefined);
    return result;
  }

  /** Applies one outbox row: a case's identifiers or a value's standing. Idempotent. */
  async applyChange(changeId: string): Promise<LinkOutcome> {
    return this.linking(async (m, notices) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
      const [row] = (await m.query('SELECT case_id, term_kind, term_canonical FROM evidence_changes WHERE id = $1', [changeId])) as Array<{
        case_id: string | null; term_kind: string | null; term_canonical: string | null;
      }>;
      if (!row) return { applied: false, added: 0, removed: 0, seriesId: null };
      if (row.case_id) return this.reconcileCase(m, row.case_id, notices);
      await m.query('DELETE FROM evidence_changes WHERE id = $1', [changeId]);
      await this.restandTerm(m, { kind: row.term_kind as string, canonical: row.term_canonical as string }, notices);
      return { applied: true, added: 0, removed: 0, seriesId: null };
    });
  }

  /** Brings one case's postings and series up to date with its identifiers (also used by tests and benches). */
  async linkCase(caseId: string): Promise<LinkOutcome> {
    return this.linking(async (m, notices) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
      return this.reconcileCase(m, caseId, notices);
    });
  }

  private async reconcileCase(m: EntityManager, caseId: string, notices: LinkNotice[]): Promise<LinkOutcome> {
    // Outbox rows first, identifiers after: a change committed in between keeps its row and is applied
    // again later (harmless), never lost.
    await m.query('DELETE FROM evidence_changes WHERE case_id = $1', [caseId]);
    const changed = (await m.query(
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
    )) as Array<{ op: 'added' | 'removed'; kind: string; canonical: string }>;
    const added = changed.filter((c) => c.op === 'added');
    const removed = changed.filter((c) => c.op === 'removed');
    if (added.length === 0 && removed.length === 0) {
      return { applied: true, added: 0, removed: 0, seriesId: await this.seriesOf(m, caseId) };
    }
    // Bulletin hits of the case follow its postings (in this transaction: a hit and its notice once).
    notices.push(...(await syncBulletinHits(m, { caseId })));

    // Hub standing of every value whose holder count moved.
    const { flagged, cleared } = await this.recountHubs(m, changed);
    const resplit = new Set<string>();
    for (const t of flagged) for (const s of await this.seriesHolding(m, t)) resplit.add(s);
    if (removed.length > 0) {
      const own = await this.seriesOf(m, caseId);
      if (own) resplit.add(own);
    }
    if (resplit.size > 0) await this.resplit(m, [...resplit]);

    const joining = new Set<string>();
    const linkableAdded = await this.linkable(m, [...added, ...cleared]);
    if (linkableAdded.length > 0) {
      const holders = (await m.query(
        `SELECT DISTINCT p.case_id FROM evidence_postings p
         JOIN unnest($1::text[], $2::text[]) AS t(kind, canonical) ON p.kind = t.kind AND p.canonical = t.canonical`,
        [linkableAdded.map((t) => t.kind), linkableAdded.map((t) => t.canonical)],
      )) as Array<{ case_id: string }>;
      for (const h of holders) joining.add(h.case_id);
      notices.push(...(await this.notifyNewLinks(m, caseId, linkableAdded)));
    }
    // Cleared hubs glue their holders among themselves, not necessarily to this case.
    for (const t of await this.linkable(m, cleared)) await this.merge(m, await this.holders(m, t));
    if (joining.size > 1) await this.merge(m, [...joining]);
    return { applied: true, added: added.length, removed: removed.length, seriesId: await this.seriesOf(m, caseId) };
  }

  /** A value was warninglisted, unlisted, confirmed or dismissed: glue or unglue its holders. */
  private async restandTerm(m: EntityManager, t: Term, notices: LinkNotice[]): Promise<void> {
    // A warninglisted value makes no bulletin hit; unlisted, its holders hit again.
    notices.push(...(await syncBulletinHits(m, t)));
    // A value coming off the warninglist may be held by many cases: it is a hub again before it glues anything.
    await this.recountHubs(m, [t]);
    const [linkable] = await this.linkable(m, [t]);
    if (linkable) await this.merge(m, await this.holders(m, t));
    else await this.resplit(m, await this.seriesHolding(m, t));
  }

  private async linkable(m: EntityManager, terms: readonly Term[]): Promise<Term[]> {
    if (terms.length === 0) return [];
    const unique = [...new Map(terms.map((t) => [termKey(t), t])).values()];
    return (await m.query(
      `SELECT t.kind, t.canonical FROM unnest($1::text[], $2::text[]) AS t(kind, canonical) WHERE ${LINKABLE('t')}`,
      [unique.map((t) => t.kind), unique.map((t) => t.canonical)],
    )) as Term[];
  }

  private async holders(m: EntityManager, t: Term): Promise<string[]> {
    const rows = (await m.query('SELECT case_id FROM evidence_postings WHERE kind = $1 AND canonical = $2', [t.kind, t.canonical])) as Array<{ case_id: string }>;
    return rows.map((r) => r.case_id);
  }

  private async seriesHolding(m: EntityManager, t: Term): Promise<string[]> {
    const rows = (await m.query(
      `SELECT DISTINCT s.series_id FROM evidence_postings p JOIN series_members s ON s.case_id = p.case_id
       WHERE p.kind = $1 AND p.canonical = $2`,
      [t.kind, t.canonical],
    )) as Array<{ series_id: string }>;
    return rows.map((r) => r.series_id);
  }

  private async seriesOf(m: EntityManager, caseId: string): Promise<string | null> {
    const [row] = (await m.query('SELECT series_id FROM series_members WHERE case_id = $1', [caseId])) as Array<{ series_id: string }>;
    return row?.series_id ?? null;
  }

  /**
   * Recounts holders of the values that changed. Crossing the threshold upwards flags a hub for review
   * (it stops linking); falling back to or below it clears an unreviewed flag (it links again).
   */
  private async recountHubs(m: EntityManager, terms: readonly Term[]): Promise<{ flagged: Term[]; cleared: Term[] }> {
    const unique = [...new Map(terms.map((t) => [termKey(t), t])).values()];
    const rows = (await m.query(
      `SELECT t.kind, t.canonical, (SELECT count(*)::int FROM evidence_postings p WHERE p.kind = t.kind AND p.canonical = t.canonical) AS n,
              h.state, EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = t.kind AND w.canonical = t.canonical) AS warninglisted
       FROM unnest($1::text[], $2::text[]) AS t(kind, canonical)
       LEFT JOIN evidence_hubs h ON h.kind = t.kind AND h.canonical = t.canonical`,
      [unique.map((t) => t.kind), unique.map((t) => t.canonical)],
    )) as Array<Term & { n: number; state: string | null; warninglisted: boolean }>;
    const flagged: Term[] = [];
    const cleared: Term[] = [];
    for (const r of rows) {
      const t = { kind: r.kind, canonical: r.canonical };
      if (r.n > this.hubThreshold && !r.warninglisted) {
        if (r.state === null) {
          await m.query('INSERT INTO evidence_hubs (kind, canonical, case_count) VALUES ($1, $2, $3)', [r.kind, r.canonical, r.n]);
          flagged.push(t);
        } else {
          await m.query('UPDATE evidence_hubs SET case_count = $3 WHERE kind = $1 AND canonical = $2', [r.kind, r.canonical, r.n]);
        }
      } else if (r.state === 'REVIEW') {
        await m.query('DELETE FROM evidence_hubs WHERE kind = $1 AND canonical = $2', [r.kind, r.canonical]);
        cleared.push(t);
      } else if (r.state === 'CONFIRMED') {
        await m.query('UPDATE evidence_hubs SET case_count = $3 WHERE kind = $1 AND canonical = $2', [r.kind, r.canonical, r.n]);
      }
    }
    return { flagged, cleared };
  }

  /** Union: the cases and every series they are in become one series, keeping the largest one's id. */
  private async merge(m: EntityManager, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length < 2) return;
    const members = (await m.query(
      `SELECT c.id AS case_id, c.agency_id, s.series_id, e.case_count
       FROM cases c LEFT JOIN series_members s ON s.case_id = c.id LEFT JOIN evidence_series e ON e.id = s.series_id
       WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
    )) as Array<{ case_id: string; agency_id: string; series_id: string | null; case_count: number | null }>;
    if (members.length < 2) return;
    const sizes = new Map<string, number>();
    for (const r of members) if (r.series_id) sizes.set(r.series_id, r.case_count as number);
    const seriesIds = [...sizes.keys()].sort((a, b) => (sizes.get(b) as number) - (sizes.get(a) as number) || (a < b ? -1 : 1));
    const loose = members.filter((r) => !r.series_id);
    if (seriesIds.length === 1 && loose.length === 0) return;
    let target = seriesIds[0];
    if (!target) {
      target = randomUUID();
      await m.query('INSERT INTO evidence_series (id, case_count) VALUES ($1, $2)', [target, 2]);
    }
    const absorbed = seriesIds.slice(1);
    if (absorbed.length > 0) {
      await m.query('UPDATE series_members SET series_id = $1 WHERE series_id = ANY($2::uuid[])', [target, absorbed]);
      await m.query('DELETE FROM evidence_series WHERE id = ANY($1::uuid[])', [absorbed]);
    }
    if (loose.length > 0) {
      await m.query(
        'INSERT INTO series_members (case_id, series_id, agency_id) SELECT unnest($1::uuid[]), $2, unnest($3::uuid[])',
        [loose.map((r) => r.case_id), target, loose.map((r) => r.agency_id)],
      );
    }
    await m.query(
      'UPDATE evidence_series SET case_count = (SELECT count(*) FROM series_members WHERE series_id = $1), updated_at = now() WHERE id = $1',
      [target],
    );
  }

  /**
   * Recomputes the components of some series from their linkable postings, after a link may have
   * gone. A link only disappears inside a series, so its cases are all that need looking at.
   */
  private async resplit(m: EntityManager, seriesIds: readonly string[]): Promise<void> {
    if (seriesIds.length === 0) return;
    const members = (await m.query('SELECT case_id, series_id, agency_id FROM series_members WHERE series_id = ANY($1::uuid[])', [seriesIds])) as Array<{
      case_id: string; series_id: string; agency_id: string;
    }>;
    const groups = (await m.query(
      `SELECT array_agg(p.case_id::text) AS cases FROM evidence_postings p
       WHERE p.case_id = ANY($1::uuid[]) AND ${LINKABLE('p')}
       GROUP BY p.kind, p.canonical HAVING count(*) > 1`,
      [members.map((r) => r.case_id)],
    )) as Array<{ cases: string[] }>;
    const uf = new CaseUnionFind();
    for (const g of groups) uf.unionAll(g.cases);
    const previous = new Map(members.map((r) => [r.case_id, r.series_id]));
    const agencyOf = new Map(members.map((r) => [r.case_id, r.agency_id]));
    const assigned = assignSeriesIds(uf.components(), previous, randomUUID);
    await this.writeSeries(m, members.map((r) => r.case_id), seriesIds, assigned, agencyOf);
  }

  /** Replaces the membership of `cases` (and the series `oldSeries`) with `assigned`. */
  private async writeSeries(
    m: EntityManager,
    cases: readonly string[],
    oldSeries: readonly string[],
    assigned: ReadonlyArray<{ seriesId: string; cases: readonly string[]; reused: boolean }>,
    agencyOf: ReadonlyMap<string, string>,
  ): Promise<void> {
    const fresh = assigned.filter((a) => !a.reused);
    if (fresh.length > 0) {
      await m.query('INSERT INTO evidence_series (id, case_count) SELECT unnest($1::uuid[]), unnest($2::int[])', [
        fresh.map((a) => a.seriesId), fresh.map((a) => a.cases.length),
      ]);
    }
    const caseIds: string[] = [];
    const seriesIds: string[] = [];
    const agencies: string[] = [];
    for (const a of assigned) {
      for (const c of a.cases) {
        caseIds.push(c);
        seriesIds.push(a.seriesId);
        agencies.push(agencyOf.get(c) as string);
      }
    }
    const inSeries = new Set(caseIds);
    const leaving = cases.filter((c) => !inSeries.has(c));
    if (leaving.length > 0) await m.query('DELETE FROM series_members WHERE case_id = ANY($1::uuid[])', [leaving]);
    for (let i = 0; i < caseIds.length; i += 10_000) {
      await m.query(
        `INSERT INTO series_members (case_id, series_id, agency_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])
         ON CONFLICT (case_id) DO UPDATE SET series_id = EXCLUDED.series_id,
           joined_at = CASE WHEN series_members.series_id = EXCLUDED.series_id THEN series_members.joined_at ELSE now() END
         WHERE series_members.series_id <> EXCLUDED.series_id`,
        [caseIds.slice(i, i + 10_000), seriesIds.slice(i, i + 10_000), agencies.slice(i, i + 10_000)],
      );
    }
    const kept = assigned.filter((a) => a.reused);
    if (kept.length > 0) {
      await m.query(
        `UPDATE evidence_series e SET case_count = k.n, updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS k(id, n) WHERE e.id = k.id AND e.case_count <> k.n`,
        [kept.map((a) => a.seriesId), kept.map((a) => a.cases.length)],
      );
    }
    const keptIds = new Set(assigned.map((a) => a.seriesId));
    const dropped = oldSeries.filter((s) => !keptIds.has(s));
    if (dropped.length > 0) await m.query('DELETE FROM evidence_series WHERE id = ANY($1::uuid[])', [dropped]);
  }

  /**
   * Tells the author of each case on either side of a new link across agencies (their supervisors see
   * it on the case): one notification per pair of cases and value, however often the job runs.
   */
  private async notifyNewLinks(m: EntityManager, caseId: string, terms: readonly Term[]): Promise<LinkNotice[]> {
    return rowsOf<LinkNotice>(await m.query(
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
       RETURNING id, agency_id AS "agencyId", user_id AS "userId", payload, created_at AS "createdAt"`,
      [caseId, terms.map((t) => t.kind), terms.map((t) => t.canonical)],
    ));
  }

  /**
   * Rebuilds postings, hub flags and series from every identifier, in one transaction under the
   * linking lock: readers keep seeing the old state until it commits, a crash leaves the old state,
   * and changes committed meanwhile keep their outbox rows and are linked right after.
   */
  async relink(onProgress: (p: RelinkProgress) => Promise<void> | void = () => undefined): Promise<RelinkStats> {
    const started = Date.now();
    return this.linking(async (m, notices) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
      const [{ n: identifierCount }] = (await m.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'identifiers'`)) as Array<{ n: string }>;
      await onProgress({ phase: 'postings', done: 0, total: Math.max(0, Number(identifierCount)) });
      // Postings from scratch into a temporary table, then only the difference is written: readers keep
      // the old rows until commit, and a rebuild of an up-to-date state writes (and bloats) nothing.
      // The outbox rows go in the same statement, so exactly the changes this snapshot includes.
      await m.query(`CREATE TEMP TABLE fresh_postings (kind text, canonical text, case_id uuid, agency_id uuid, records int) ON COMMIT DROP`);
      const [built] = (await m.query(
        `WITH gone AS (DELETE FROM evidence_changes RETURNING 1),
         put AS (
           INSERT INTO fresh_postings (kind, canonical, case_id, agency_id, records)
           SELECT i.kind, i.canonical, i.case_id, c.agency_id, count(*)::int
           FROM identifiers i JOIN cases c ON c.id = i.case_id
           GROUP BY i.kind, i.canonical, i.case_id, c.agency_id
           RETURNING records)
         SELECT (SELECT count(*) FROM put)::int AS postings, (SELECT coalesce(sum(records), 0) FROM put)::bigint AS identifiers,
                (SELECT count(*) FROM gone)::int AS changes`,
      )) as Array<{ postings: number; identifiers: string; changes: number }>;
      await m.query('CREATE INDEX ON fresh_postings (kind, canonical, case_id)');
      await m.query('ANALYZE fresh_postings');
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
      const identifiers = Number(built.identifiers);
      await onProgress({ phase: 'hubs', done: identifiers, total: identifiers });

      // Values shared by more cases than the threshold, except warninglisted ones (they never link anyway).
      await m.query(
        `CREATE TEMP TABLE value_counts ON COMMIT DROP AS
         SELECT kind, canonical, count(*)::int AS n, array_agg(case_id::text) AS cases FROM fresh_postings GROUP BY kind, canonical HAVING count(*) > 1`,
      );
      await m.query(
        `INSERT INTO evidence_hubs (kind, canonical, case_count)
         SELECT v.kind, v.canonical, v.n FROM value_counts v
         WHERE v.n > $1 AND NOT EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = v.kind AND w.canonical = v.canonical)
         ON CONFLICT (kind, canonical) DO UPDATE SET case_count = EXCLUDED.case_count WHERE evidence_hubs.case_count <> EXCLUDED.case_count`,
        [this.hubThreshold],
      );
      await m.query(
        `DELETE FROM evidence_hubs h WHERE h.state = 'REVIEW' AND (
           EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = h.kind AND w.canonical = h.canonical)
           OR coalesce((SELECT v.n FROM value_counts v WHERE v.kind = h.kind AND v.canonical = h.canonical), 1) <= $1)`,
        [this.hubThreshold],
      );
      const [{ hubs }] = (await m.query(`SELECT count(*)::int AS hubs FROM evidence_hubs WHERE state = 'REVIEW'`)) as Array<{ hubs: number }>;

      // Union-find over every value two or more cases share and that may link, read through a cursor.
      const [{ n: groupCount }] = (await m.query(`SELECT count(*)::int AS n FROM value_counts v WHERE ${LINKABLE('v')}`)) as Array<{ n: number }>;
      await onProgress({ phase: 'series', done: 0, total: groupCount });
      const uf = new CaseUnionFind();
      await m.query(`DECLARE shared_values NO SCROLL CURSOR FOR SELECT v.cases FROM value_counts v WHERE ${LINKABLE('v')}`);
      let read = 0;
      for (;;) {
        const batch = (await m.query('FETCH 20000 FROM shared_values')) as Array<{ cases: string[] }>;
        if (batch.length === 0) break;
        for (const g of batch) uf.unionAll(g.cases);
        read += batch.length;
        await onProgress({ phase: 'series', done: read, total: groupCount });
      }
      await m.query('CLOSE shared_values');

      const components = uf.components();
      const previousRows = (await m.query('SELECT case_id, series_id FROM series_members')) as Array<{ case_id: string; series_id: string }>;
      const previous = new Map(previousRows.map((r) => [r.case_id, r.series_id]));
      const assigned = assignSeriesIds(components, previous, randomUUID);
      const memberIds = components.flat();
      await onProgress({ phase: 'writing', done: 0, total: memberIds.length });
      const agencyRows = (await m.query('SELECT id, agency_id FROM cases WHERE id = ANY($1::uuid[])', [memberIds])) as Array<{ id: string; agency_id: string }>;
      const agencyOf = new Map(agencyRows.map((r) => [r.id, r.agency_id]));
      const oldSeries = (await m.query('SELECT id FROM evidence_series')) as Array<{ id: string }>;
      await this.writeSeries(m, [...new Set([...previous.keys(), ...memberIds])], oldSeries.map((r) => r.id), assigned, agencyOf);
      // Bulletin hits from the rebuilt postings (changes folded into the rebuild never reached reconcileCase).
      notices.push(...(await syncBulletinHits(m, { all: true })));
      const seconds = (Date.now() - started) / 1000;
      await onProgress({ phase: 'done', done: memberIds.length, total: memberIds.length });
      return {
        identifiers,
        postings: built.postings,
        linkingValues: groupCount,
        hubs,
        series: assigned.length,
        casesInSeries: memberIds.length,
        seconds,
        identifiersPerSecond: Math.round(identifiers / Math.max(seconds, 0.001)),
      };
    });
  }
}
