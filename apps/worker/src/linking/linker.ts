import { randomUUID } from 'node:crypto';
import { assignSeriesIds, CaseUnionFind, DEFAULT_HUB_THRESHOLD } from '@caselink/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  allSeriesIds, allSeriesMemberships, applyFreshPostings, buildFreshPostings, caseAgencies, createSeries, dropSeries, estimatedIdentifiers, LinkHitRow,
  linkableGroups, linkableHolders, LinkTerm, moveSeriesMembers, notifyNewLinks, putSeriesMembers, readLinkableGroups, rebuildHubs, recountHubs,
  recountSeries, reconcileCasePostings, removeSeriesMembers, seriesHolding, seriesMembers, seriesOfCase, seriesOfCases, setSeriesCounts, syncBulletinHits,
  takeChange, takeLinkLock,
} from '@caselink/db';

// The linking lock lives with the linker's statements; bulletin publication takes it from here.
export { LINK_LOCK } from '@caselink/db';

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

const toNotice = (r: LinkHitRow): LinkNotice => ({ id: r.id, agencyId: r.agency_id, userId: r.user_id, payload: r.payload, createdAt: r.created_at });

/**
 * Keeps postings, hub flags and series in step with identifiers. Connected as the linker role, which
 * reads identifier values of every case and nothing else of them. Its statements are in
 * libs/db/src/linking/linker-store.ts; what to merge, split and tell whom is decided here.
 *
 * Every change runs under one transaction-scoped advisory lock: linking is a small amount of work per
 * change, and a single writer keeps union-find over the whole database simple and exact (a full
 * relink holds the same lock, so incremental jobs wait for it and then apply what arrived meanwhile).
 */
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

  /** Runs one linking transaction under the lock, then pushes the notifications it wrote (only once they are committed). */
  private async linking<T>(work: (m: EntityManager, notices: LinkNotice[]) => Promise<T>): Promise<T> {
    const notices: LinkNotice[] = [];
    const result = await this.ds.transaction(async (m) => {
      await takeLinkLock(m);
      return work(m, notices);
    });
    for (const n of notices) await this.publish(n).catch(() => undefined);
    return result;
  }

  /** Applies one outbox row: a case's identifiers or a value's standing. Idempotent. */
  async applyChange(changeId: string): Promise<LinkOutcome> {
    return this.linking(async (m, notices) => {
      const row = await takeChange(m, changeId);
      if (!row) return { applied: false, added: 0, removed: 0, seriesId: null };
      if (row.case_id !== null) return this.reconcileCase(m, row.case_id, notices);
      await this.restandTerm(m, { kind: row.term_kind, canonical: row.term_canonical }, notices);
      return { applied: true, added: 0, removed: 0, seriesId: null };
    });
  }

  /** Brings one case's postings and series up to date with its identifiers (also used by tests and benches). */
  async linkCase(caseId: string): Promise<LinkOutcome> {
    return this.linking((m, notices) => this.reconcileCase(m, caseId, notices));
  }

  private async reconcileCase(m: EntityManager, caseId: string, notices: LinkNotice[]): Promise<LinkOutcome> {
    const changed = await reconcileCasePostings(m, caseId);
    const added = changed.filter((c) => c.op === 'added');
    const removed = changed.filter((c) => c.op === 'removed');
    if (added.length === 0 && removed.length === 0) {
      return { applied: true, added: 0, removed: 0, seriesId: await seriesOfCase(m, caseId) };
    }
    // Bulletin hits of the case follow its postings (in this transaction: a hit and its notice once).
    notices.push(...(await syncBulletinHits(m, { caseId })));

    // Hub standing of every value whose holder count moved.
    const { flagged, cleared } = await this.hubStanding(m, changed);
    const resplit = new Set(await seriesHolding(m, flagged));
    if (removed.length > 0) {
      const own = await seriesOfCase(m, caseId);
      if (own) resplit.add(own);
    }
    if (resplit.size > 0) await this.resplit(m, [...resplit]);

    const joining = new Set<string>();
    const linkable = await linkableHolders(m, [...added, ...cleared]);
    if (linkable.length > 0) {
      for (const t of linkable) for (const c of t.holders) joining.add(c);
      notices.push(...(await notifyNewLinks(m, caseId, linkable)).map(toNotice));
    }
    // Cleared hubs glue their holders among themselves, not necessarily to this case.
    const holdersOf = new Map(linkable.map((t) => [termKey(t), t.holders]));
    for (const t of cleared) {
      const holders = holdersOf.get(termKey(t));
      if (holders) await this.merge(m, holders);
    }
    if (joining.size > 1) await this.merge(m, [...joining]);
    return { applied: true, added: added.length, removed: removed.length, seriesId: await seriesOfCase(m, caseId) };
  }

  /** A value was warninglisted, unlisted, confirmed or dismissed: glue or unglue its holders. */
  private async restandTerm(m: EntityManager, t: LinkTerm, notices: LinkNotice[]): Promise<void> {
    // A warninglisted value makes no bulletin hit; unlisted, its holders hit again.
    notices.push(...(await syncBulletinHits(m, t)));
    // A value coming off the warninglist may be held by many cases: it is a hub again before it glues anything.
    await this.hubStanding(m, [t]);
    const [linkable] = await linkableHolders(m, [t]);
    if (linkable) await this.merge(m, linkable.holders);
    else await this.resplit(m, await seriesHolding(m, [t]));
  }

  /**
   * Recounts holders of the values that changed. Crossing the threshold upwards flags a hub for review
   * (it stops linking); falling back to or below it clears an unreviewed flag (it links again).
   */
  private async hubStanding(m: EntityManager, terms: readonly LinkTerm[]): Promise<{ flagged: LinkTerm[]; cleared: LinkTerm[] }> {
    const rows = await recountHubs(m, terms, this.hubThreshold);
    const term = (r: LinkTerm): LinkTerm => ({ kind: r.kind, canonical: r.canonical });
    return { flagged: rows.filter((r) => r.op === 'flagged').map(term), cleared: rows.filter((r) => r.op === 'cleared').map(term) };
  }

  /** Union: the cases and every series they are in become one series, keeping the largest one's id. */
  private async merge(m: EntityManager, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length < 2) return;
    const members = await seriesOfCases(m, caseIds);
    if (members.length < 2) return;
    const sizes = new Map<string, number>();
    for (const r of members) if (r.series_id) sizes.set(r.series_id, r.case_count ?? 0);
    const size = (id: string) => sizes.get(id) ?? 0;
    const seriesIds = [...sizes.keys()].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1));
    const loose = members.filter((r) => !r.series_id).map((r) => ({ caseId: r.case_id, agencyId: r.agency_id }));
    if (seriesIds.length === 1 && loose.length === 0) return;
    const [largest, ...absorbed] = seriesIds;
    if (!largest) {
      // Loose cases only: a new series of exactly them, its size known.
      const target = randomUUID();
      await createSeries(m, [{ id: target, caseCount: loose.length }]);
      await putSeriesMembers(m, loose.map((r) => ({ ...r, seriesId: target })));
      return;
    }
    if (absorbed.length > 0) {
      await moveSeriesMembers(m, absorbed, largest);
      await dropSeries(m, absorbed);
    }
    await putSeriesMembers(m, loose.map((r) => ({ ...r, seriesId: largest })));
    await recountSeries(m, largest);
  }

  /**
   * Recomputes the components of some series from their linkable postings, after a link may have
   * gone. A link only disappears inside a series, so its cases are all that need looking at.
   */
  private async resplit(m: EntityManager, seriesIds: readonly string[]): Promise<void> {
    if (seriesIds.length === 0) return;
    const members = await seriesMembers(m, seriesIds);
    const uf = new CaseUnionFind();
    for (const cases of await linkableGroups(m, members.map((r) => r.case_id))) uf.unionAll(cases);
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
    await createSeries(m, assigned.filter((a) => !a.reused).map((a) => ({ id: a.seriesId, caseCount: a.cases.length })));
    const agencyId = (caseId: string) => {
      const agency = agencyOf.get(caseId);
      // A case deleted while a relink ran: the rebuild fails and its job starts over.
      if (!agency) throw new Error(`case ${caseId} is gone`);
      return agency;
    };
    const placed = assigned.flatMap((a) => a.cases.map((caseId) => ({ caseId, seriesId: a.seriesId, agencyId: agencyId(caseId) })));
    const inSeries = new Set(placed.map((p) => p.caseId));
    await removeSeriesMembers(m, cases.filter((c) => !inSeries.has(c)));
    await putSeriesMembers(m, placed);
    await setSeriesCounts(m, assigned.filter((a) => a.reused).map((a) => ({ id: a.seriesId, caseCount: a.cases.length })));
    const keptIds = new Set(assigned.map((a) => a.seriesId));
    await dropSeries(m, oldSeries.filter((s) => !keptIds.has(s)));
  }

  /**
   * Rebuilds postings, hub flags and series from every identifier, in one transaction under the
   * linking lock: readers keep seeing the old state until it commits, a crash leaves the old state,
   * and changes committed meanwhile keep their outbox rows and are linked right after.
   */
  async relink(onProgress: (p: RelinkProgress) => Promise<void> | void = () => undefined): Promise<RelinkStats> {
    const started = Date.now();
    return this.linking(async (m, notices) => {
      await onProgress({ phase: 'postings', done: 0, total: await estimatedIdentifiers(m) });
      // Postings from scratch into a temporary table, then only the difference is written: readers keep
      // the old rows until commit, and a rebuild of an up-to-date state writes (and bloats) nothing.
      const built = await buildFreshPostings(m);
      await applyFreshPostings(m);
      const identifiers = Number(built.identifiers);
      await onProgress({ phase: 'hubs', done: identifiers, total: identifiers });

      // Values shared by more cases than the threshold, except warninglisted ones (they never link anyway).
      const { hubs, shared } = await rebuildHubs(m, this.hubThreshold);

      // Union-find over every value two or more cases share and that may link, read through a cursor.
      await onProgress({ phase: 'series', done: 0, total: shared });
      const uf = new CaseUnionFind();
      let read = 0;
      await readLinkableGroups(m, async (groups) => {
        for (const cases of groups) uf.unionAll(cases);
        read += groups.length;
        await onProgress({ phase: 'series', done: read, total: shared });
      });

      const components = uf.components();
      const previous = await allSeriesMemberships(m);
      const assigned = assignSeriesIds(components, previous, randomUUID);
      const memberIds = components.flat();
      await onProgress({ phase: 'writing', done: 0, total: memberIds.length });
      const agencyOf = await caseAgencies(m, memberIds);
      const oldSeries = await allSeriesIds(m);
      await this.writeSeries(m, [...new Set([...previous.keys(), ...memberIds])], oldSeries, assigned, agencyOf);
      // Bulletin hits from the rebuilt postings (changes folded into the rebuild never reached reconcileCase).
      notices.push(...(await syncBulletinHits(m, { all: true })));
      const seconds = (Date.now() - started) / 1000;
      await onProgress({ phase: 'done', done: memberIds.length, total: memberIds.length });
      return {
        identifiers,
        postings: built.postings,
        linkingValues: shared,
        hubs,
        series: assigned.length,
        casesInSeries: memberIds.length,
        seconds,
        identifiersPerSecond: Math.round(identifiers / Math.max(seconds, 0.001)),
      };
    });
  }
}

const termKey = (t: LinkTerm) => `${t.kind}\u0000${t.canonical}`;
