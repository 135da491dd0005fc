import { Injectable } from '@nestjs/common';
import { AgencyKind, AuditAction, AuditOutcome, IdentifierKind, normalizeWatchList } from '@caselink/domain';
import {
  BulletinRow, bulletinById, bulletinMatchingCases, caseBulletinHits, listBulletins, markBulletinRead, recordAudit, recordBulletin, unreadBulletinCount,
  warninglistedValues,
} from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { badInput, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { AgencyRef } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { BulletinCaseMatchModel, BulletinIdentifierModel, BulletinModel, CaseBulletinHitModel } from './bulletin.model';
import { BulletinListArgs, PublishBulletinInput } from './bulletins.dto';

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
      const listed = await warninglistedValues(this.tx.manager, watch.identifiers);
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
    const { rows, total } = await listBulletins(this.tx.manager, {
      fraudType: args.fraudType, unreadOnly: args.unreadOnly, afterId: args.after ? decodeCursor(args.after) : null, limit: args.first + 1, withCount,
    });
    const models = await Promise.all(rows.slice(0, args.first).map((r) => this.toModel(actor, r)));
    const edges = models.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  /** One bulletin; opening it (markRead) marks it read for the caller. NOT_FOUND unless published by or addressed to the caller's agency. */
  async get(actor: Actor, id: string, markRead: boolean): Promise<BulletinModel> {
    const row = await bulletinById(this.tx.manager, id);
    if (!row) throw notFound('Bulletin', id);
    if (markRead && !row.read) {
      await markBulletinRead(this.tx.manager, { bulletinId: id, userId: actor.userId, agencyId: actor.agencyId });
      row.read = true;
    }
    return this.toModel(actor, row);
  }

  unreadCount(): Promise<number> {
    return unreadBulletinCount(this.tx.manager);
  }

  /**
   * Cases holding a watched value that the viewer may open (both hits and cases under the viewer's
   * policies), for several bulletins in one query: the newest 200 per bulletin.
   */
  async matchingCases(actor: Actor, bulletinIds: readonly string[]): Promise<Map<string, BulletinCaseMatchModel[]>> {
    const byBulletin = new Map<string, BulletinCaseMatchModel[]>();
    if (actor.agencyKind !== AgencyKind.POLICE || bulletinIds.length === 0) return byBulletin;
    for (const r of await bulletinMatchingCases(this.tx.manager, bulletinIds)) {
      const match: BulletinCaseMatchModel = {
        caseId: r.case_id, caseNumber: r.case_number, caseTitle: r.title, owner: await this.directory.get(r.agency_id, this.tx.manager), matchedAt: r.matched_at,
        values: hitValues(r.kinds, r.canonicals),
      };
      byBulletin.set(r.bulletin_id, [...(byBulletin.get(r.bulletin_id) ?? []), match]);
    }
    return byBulletin;
  }

  /** "Matches bulletin X" on a case: bulletins the viewer may read whose watched values the case holds, newest bulletin first. */
  async caseHits(actor: Actor, caseId: string): Promise<CaseBulletinHitModel[]> {
    await this.cases.get(actor, caseId);
    return Promise.all((await caseBulletinHits(this.tx.manager, caseId)).map(async (h) => ({
      bulletin: await this.toModel(actor, h), matchedAt: h.matched_at, values: hitValues(h.hit_kinds, h.hit_canonicals),
    })));
  }

  /** Every agency a bulletin can be addressed to (the public directory), for the publish form. */
  async recipientDirectory(): Promise<AgencyRef[]> {
    return [...(await this.directory.all()).values()];
  }

  private async toModel(actor: Actor, r: BulletinRow): Promise<BulletinModel> {
    return {
      id: r.id, title: r.title, body: r.body, fraudType: r.fraud_type, publisher: await this.directory.get(r.publisher_agency_id, this.tx.manager),
      publishedAt: r.published_at,
      handling: { mayPassOn: r.may_pass_on, mayUseInCourt: r.may_use_in_court, mustAskBeforeActing: r.must_ask_before_acting },
      recipients: {
        kinds: [...r.recipient_kinds].sort(),
        agencies: await Promise.all(r.recipient_agency_ids.map((a) => this.directory.get(a, this.tx.manager))),
      },
      identifiers: r.identifiers,
      read: r.read, isPublisher: r.publisher_agency_id === actor.agencyId, processed: r.processed_at !== null,
      matchedCaseCount: r.matched_case_count, matchedElsewhere: r.matched_elsewhere,
    };
  }
}

/** A hit's values: kinds[i] goes with canonicals[i]; the value shown is the canonical one. */
function hitValues(kinds: IdentifierKind[], canonicals: string[]): BulletinIdentifierModel[] {
  return kinds.map((kind, i) => ({ kind, value: canonicals[i], canonical: canonicals[i] }));
}
