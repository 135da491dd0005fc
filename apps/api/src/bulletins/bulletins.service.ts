import { Injectable } from '@nestjs/common';
import { AgencyKind, AuditAction, AuditOutcome, FraudType, IdentifierKind, normalizeWatchList } from '@caselink/domain';
import { recordAudit, recordBulletin } from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { badInput, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { AgencyRef } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { BulletinCaseMatchModel, BulletinModel, CaseBulletinHitModel } from './bulletin.model';
import { BulletinListArgs, PublishBulletinInput } from './bulletins.dto';

interface BulletinRow {
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
  read: boolean;
  matched_case_count: number | null;
  matched_elsewhere: boolean | null;
}

/**
 * The columns of a bulletin as the viewer sees it: read flag of the acting user, match figures for the publisher only.
 * The count is of cases the publisher may read; of the others only "at least 3 elsewhere" (bulletin_matched_elsewhere),
 * so that a bulletin watching one value cannot ask whether any agency holds it.
 */
const BULLETIN_COLUMNS = `b.id, b.publisher_agency_id, b.title, b.body, b.fraud_type, b.may_pass_on, b.may_use_in_court, b.must_ask_before_acting,
  b.published_at, b.processed_at, EXISTS (SELECT 1 FROM bulletin_reads r WHERE r.bulletin_id = b.id AND r.user_id = app_user()) AS read,
  bulletin_match_count(b.id) AS matched_case_count, bulletin_matched_elsewhere(b.id) AS matched_elsewhere`;

/**
 * Bulletins (joint publicity): police supervisors and admins publish a fraud-pattern warning to chosen
 * agencies and/or kinds of agency, with identifiers to watch. Every query runs under the caller's
 * row-level security: a bulletin is seen by its publisher's agency and its addressees only, a hit by
 * whoever may see both the bulletin and the case. Matching runs in the worker (`bulletins` queue).
 */
@Injectable()
export class BulletinsService {
  constructor(
    readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly directory: AgencyDirectory,
    private readonly jobs: JobProducers,
  ) {}

  async publish(actor: Actor, input: PublishBulletinInput, address: string): Promise<BulletinModel> {
    const title = input.title.trim();
    const body = input.body.trim();
    if (!title) throw badInput('input.title', 'must not be empty');
    if (!body) throw badInput('input.body', 'must not be empty');
    const kinds = [...new Set(input.recipientKinds)];
    const all = await this.directory.all(this.tx.manager);
    for (const [i, id] of input.recipientAgencyIds.entries()) {
      if (!all.has(id)) throw badInput(`input.recipientAgencyIds.${i}`, 'is not an agency');
    }
    const agencyIds = [...new Set(input.recipientAgencyIds)];
    if (kinds.length === 0 && agencyIds.length === 0) throw badInput('input.recipientKinds', 'choose at least one kind of agency or one agency');
    const watch = normalizeWatchList(input.identifiers);
    if (!watch.ok) throw badInput(`input.identifiers.${watch.index}.${watch.field}`, watch.reason);
    // A benign value (a bank hotline, public DNS) would "match" countless unrelated cases.
    if (watch.identifiers.length > 0) {
      const listed = (await this.tx.manager.query(
        `SELECT t.kind, t.canonical FROM unnest($1::text[], $2::text[]) AS t(kind, canonical)
         WHERE EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = t.kind AND w.canonical = t.canonical)`,
        [watch.identifiers.map((w) => w.kind), watch.identifiers.map((w) => w.canonical)],
      )) as Array<{ kind: string; canonical: string }>;
      const first = watch.identifiers.find((w) => listed.some((l) => l.kind === w.kind && l.canonical === w.canonical));
      if (first) throw badInput(`input.identifiers.${first.index}.value`, 'is on the warninglist (a benign value such as a bank hotline) and would match unrelated cases');
    }

    // The publisher has read what they wrote (recordBulletin marks it).
    const id = await recordBulletin(this.tx.manager, {
      publisherAgencyId: actor.agencyId, publishedBy: actor.userId, title, body, fraudType: input.fraudType, handling: input.handling,
      agencyIds, kinds, identifiers: watch.identifiers,
    });
    await recordAudit(this.tx.manager, {
      action: AuditAction.BULLETIN_PUBLISHED, outcome: AuditOutcome.SUCCESS, entityType: 'Bulletin', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { title, fraudType: input.fraudType, recipientKinds: kinds, recipientAgencyIds: agencyIds, identifiers: watch.identifiers.length },
    });
    // Matching every case and telling the recipients is the worker's (the sweep catches a lost job).
    this.tx.afterCommit(() => this.jobs.enqueueBulletin({ bulletinId: id }));
    return this.get(actor, id, false);
  }

  async list(actor: Actor, args: BulletinListArgs, withCount: boolean): Promise<Connection<BulletinModel>> {
    const cursor = args.after ? decodeCursor(args.after) : null;
    const filter = `($1::text IS NULL OR b.fraud_type = $1) AND (NOT $2 OR NOT EXISTS (SELECT 1 FROM bulletin_reads r WHERE r.bulletin_id = b.id AND r.user_id = app_user()))`;
    const rows = (await this.tx.manager.query(
      `SELECT ${BULLETIN_COLUMNS} FROM bulletins b
       WHERE ${filter} AND ($3::uuid IS NULL OR (b.published_at, b.id) < (SELECT c.published_at, c.id FROM bulletins c WHERE c.id = $3))
       ORDER BY b.published_at DESC, b.id DESC LIMIT $4`,
      [args.fraudType ?? null, args.unreadOnly, cursor, args.first + 1],
    )) as BulletinRow[];
    const totalCount = withCount
      ? ((await this.tx.manager.query(`SELECT count(*)::int AS n FROM bulletins b WHERE ${filter}`, [args.fraudType ?? null, args.unreadOnly])) as Array<{ n: number }>)[0].n
      : -1;
    const page = rows.slice(0, args.first);
    const models = await this.toModels(actor, page);
    const edges = models.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  /** One bulletin; opening it (markRead) marks it read for the caller. NOT_FOUND unless published by or addressed to the caller's agency. */
  async get(actor: Actor, id: string, markRead: boolean): Promise<BulletinModel> {
    const [row] = (await this.tx.manager.query(`SELECT ${BULLETIN_COLUMNS} FROM bulletins b WHERE b.id = $1`, [id])) as BulletinRow[];
    if (!row) throw notFound('Bulletin', id);
    if (markRead && !row.read) {
      await this.tx.manager.query(
        'INSERT INTO bulletin_reads (bulletin_id, user_id, agency_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, actor.userId, actor.agencyId],
      );
      row.read = true;
    }
    return (await this.toModels(actor, [row]))[0];
  }

  async unreadCount(): Promise<number> {
    const [{ n }] = (await this.tx.manager.query(
      'SELECT count(*)::int AS n FROM bulletins b WHERE NOT EXISTS (SELECT 1 FROM bulletin_reads r WHERE r.bulletin_id = b.id AND r.user_id = app_user())',
    )) as Array<{ n: number }>;
    return n;
  }

  /**
   * Cases holding a watched value that the viewer may open (both hits and cases under the viewer's
   * policies), for several bulletins in one query: the newest 200 per bulletin.
   */
  async matchingCases(actor: Actor, bulletinIds: readonly string[]): Promise<Map<string, BulletinCaseMatchModel[]>> {
    const byBulletin = new Map<string, BulletinCaseMatchModel[]>();
    if (actor.agencyKind !== AgencyKind.POLICE || bulletinIds.length === 0) return byBulletin;
    const rows = (await this.tx.manager.query(
      `SELECT bulletin_id, case_id, case_number, title, agency_id, kinds, canonicals, matched_at FROM (
         SELECT h.bulletin_id, h.case_id, c.case_number, c.title, c.agency_id, array_agg(h.kind ORDER BY h.kind, h.canonical) AS kinds,
                array_agg(h.canonical ORDER BY h.kind, h.canonical) AS canonicals, max(h.matched_at) AS matched_at,
                row_number() OVER (PARTITION BY h.bulletin_id ORDER BY max(h.matched_at) DESC, c.case_number) AS n
         FROM bulletin_hits h JOIN cases c ON c.id = h.case_id
         WHERE h.bulletin_id = ANY($1::uuid[])
         GROUP BY h.bulletin_id, h.case_id, c.case_number, c.title, c.agency_id) m
       WHERE n <= 200 ORDER BY bulletin_id, n`,
      [bulletinIds],
    )) as Array<{ bulletin_id: string; case_id: string; case_number: string; title: string; agency_id: string; kinds: IdentifierKind[]; canonicals: string[]; matched_at: Date }>;
    for (const r of rows) {
      const match: BulletinCaseMatchModel = {
        caseId: r.case_id, caseNumber: r.case_number, caseTitle: r.title, owner: await this.directory.get(r.agency_id, this.tx.manager), matchedAt: r.matched_at,
        values: r.kinds.map((kind, i) => ({ kind, value: r.canonicals[i], canonical: r.canonicals[i] })),
      };
      byBulletin.set(r.bulletin_id, [...(byBulletin.get(r.bulletin_id) ?? []), match]);
    }
    return byBulletin;
  }

  /** "Matches bulletin X" on a case: bulletins the viewer may read whose watched values the case holds. */
  async caseHits(actor: Actor, caseId: string): Promise<CaseBulletinHitModel[]> {
    await this.cases.get(actor, caseId);
    const hits = (await this.tx.manager.query(
      `SELECT h.bulletin_id, array_agg(h.kind ORDER BY h.kind, h.canonical) AS kinds, array_agg(h.canonical ORDER BY h.kind, h.canonical) AS canonicals,
              max(h.matched_at) AS matched_at
       FROM bulletin_hits h WHERE h.case_id = $1 GROUP BY h.bulletin_id`,
      [caseId],
    )) as Array<{ bulletin_id: string; kinds: IdentifierKind[]; canonicals: string[]; matched_at: Date }>;
    if (hits.length === 0) return [];
    const rows = (await this.tx.manager.query(`SELECT ${BULLETIN_COLUMNS} FROM bulletins b WHERE b.id = ANY($1::uuid[])`, [hits.map((h) => h.bulletin_id)])) as BulletinRow[];
    const byId = new Map((await this.toModels(actor, rows)).map((m) => [m.id, m]));
    return hits
      .filter((h) => byId.has(h.bulletin_id))
      .map((h) => ({
        bulletin: byId.get(h.bulletin_id) as BulletinModel, matchedAt: h.matched_at,
        values: h.kinds.map((kind, i) => ({ kind, value: h.canonicals[i], canonical: h.canonicals[i] })),
      }))
      .sort((a, b) => b.bulletin.publishedAt.getTime() - a.bulletin.publishedAt.getTime());
  }

  /** Every agency a bulletin can be addressed to (the public directory), for the publish form. */
  async recipientDirectory(): Promise<AgencyRef[]> {
    return [...(await this.directory.all()).values()];
  }

  private async toModels(actor: Actor, rows: BulletinRow[]): Promise<BulletinModel[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const recipients = (await this.tx.manager.query(
      'SELECT bulletin_id, agency_id, agency_kind FROM bulletin_recipients WHERE bulletin_id = ANY($1::uuid[])', [ids],
    )) as Array<{ bulletin_id: string; agency_id: string | null; agency_kind: AgencyKind | null }>;
    const watched = (await this.tx.manager.query(
      'SELECT bulletin_id, kind, raw_value, canonical FROM bulletin_identifiers WHERE bulletin_id = ANY($1::uuid[]) ORDER BY bulletin_id, position', [ids],
    )) as Array<{ bulletin_id: string; kind: IdentifierKind; raw_value: string; canonical: string }>;
    return Promise.all(rows.map(async (r) => {
      const mine = recipients.filter((x) => x.bulletin_id === r.id);
      return {
        id: r.id, title: r.title, body: r.body, fraudType: r.fraud_type, publisher: await this.directory.get(r.publisher_agency_id, this.tx.manager),
        publishedAt: r.published_at,
        handling: { mayPassOn: r.may_pass_on, mayUseInCourt: r.may_use_in_court, mustAskBeforeActing: r.must_ask_before_acting },
        recipients: {
          kinds: mine.flatMap((x) => (x.agency_kind ? [x.agency_kind] : [])).sort(),
          agencies: await Promise.all(mine.flatMap((x) => (x.agency_id ? [x.agency_id] : [])).map((a) => this.directory.get(a, this.tx.manager))),
        },
        identifiers: watched.filter((w) => w.bulletin_id === r.id).map((w) => ({ kind: w.kind, value: w.raw_value, canonical: w.canonical })),
        read: r.read, isPublisher: r.publisher_agency_id === actor.agencyId, processed: r.processed_at !== null,
        matchedCaseCount: r.matched_case_count, matchedElsewhere: r.matched_elsewhere,
      };
    }));
  }
}
