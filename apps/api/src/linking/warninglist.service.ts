import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, LinkTermState, mayCall, normalizeIdentifier } from '@caselink/domain';
import {
  addWarninglistEntry, confirmHub, HubRow, hubReviews, recordAudit, removeWarninglistEntry, warninglistEntryById, WarninglistEntryRow, warninglistHub,
  warninglistPage,
} from '@caselink/db';
import type { Actor } from '../common/actor';
import { isUniqueViolation } from '../common/db-errors';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { AddWarninglistEntryInput, ReviewHubInput, WarninglistArgs } from './linking.dto';
import { HubDecision, HubReviewModel, WarninglistEntryModel } from './linking.model';

const toHubModel = (r: HubRow): HubReviewModel => ({
  kind: r.kind, value: r.canonical, caseCount: r.case_count, state: r.state === 'REVIEW' ? LinkTermState.HUB_REVIEW : LinkTermState.HUB_CONFIRMED,
  flaggedAt: r.flagged_at, reviewedAt: r.reviewed_at,
});

/**
 * The warninglist (benign values that never link) and the review of hubs (values held by unusually
 * many cases). Both change how cases link: triggers put the value in the linking outbox, and the
 * worker re-links its holders.
 */
@Injectable()
export class WarninglistService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  async list(actor: Actor, args: WarninglistArgs): Promise<Connection<WarninglistEntryModel>> {
    const rows = await warninglistPage(this.tx.manager, { search: args.search?.trim(), afterId: args.after ? decodeCursor(args.after) : null, limit: args.first + 1 });
    const edges = await Promise.all(rows.slice(0, args.first).map(async (r) => ({ cursor: encodeCursor(r.id), node: await this.toModel(actor, r) })));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: -1 };
  }

  async add(actor: Actor, input: AddWarninglistEntryInput, address: string): Promise<WarninglistEntryModel> {
    // Police admins only (access table): a bank warninglisting a mule card would split rings across the country.
    const r = normalizeIdentifier(input.kind, input.value);
    if (!r.ok) throw badInput('input.value', r.reason);
    let row: WarninglistEntryRow;
    try {
      row = await addWarninglistEntry(this.tx.manager, {
        kind: input.kind, canonical: r.canonical, rawValue: input.value.trim(), reason: input.reason.trim(), agencyId: actor.agencyId, userId: actor.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`input.value: ${r.canonical} is already on the warninglist`, { field: 'input.value' });
      throw e;
    }
    await this.audit(actor, AuditAction.WARNINGLIST_ENTRY_ADDED, 'WarninglistEntry', row.id, address, { kind: input.kind });
    return this.toModel(actor, row);
  }

  async remove(actor: Actor, id: string, address: string): Promise<boolean> {
    const row = await warninglistEntryById(this.tx.manager, id);
    if (!row) throw notFound('WarninglistEntry', id);
    if (row.agency_id !== actor.agencyId && !actor.nationalAdmin) {
      throw forbidden(row.built_in ? 'Built-in entries are removed by the national admin only' : 'Only the agency that added an entry removes it');
    }
    await removeWarninglistEntry(this.tx.manager, id);
    await this.audit(actor, AuditAction.WARNINGLIST_ENTRY_REMOVED, 'WarninglistEntry', id, address, { kind: row.kind });
    return true;
  }

  /** Hubs the caller's agency holds a case for (row-level security), every hub for the national admin (at most 200). */
  async hubs(): Promise<HubReviewModel[]> {
    return (await hubReviews(this.tx.manager)).map(toHubModel);
  }

  /** CONFIRM: the value links again. WARNINGLIST: it never links (and leaves the review list). */
  async review(actor: Actor, input: ReviewHubInput, address: string): Promise<HubReviewModel | null> {
    const [hub] = await hubReviews(this.tx.manager, { kind: input.kind, canonical: input.value });
    if (!hub) throw notFound('HubReview', `${input.kind}:${input.value}`);
    if (input.decision === HubDecision.CONFIRM) {
      if (hub.state === 'CONFIRMED') throw conflict('The hub is already CONFIRMED', { currentState: LinkTermState.HUB_CONFIRMED });
      await confirmHub(this.tx.manager, hub, actor);
    } else {
      const reason = input.reason?.trim();
      if (!reason) throw badInput('input.reason', 'say why the value is benign (shown to every agency)');
      // Already on the warninglist (a confirmed hub warninglisted since): the entry stands, the hub goes.
      await warninglistHub(this.tx.manager, hub, { userId: actor.userId, agencyId: actor.agencyId, reason });
    }
    await this.audit(actor, AuditAction.HUB_REVIEWED, 'EvidenceHub', `${hub.kind}:${hub.canonical}`, address, { decision: input.decision });
    const [reviewed] = await hubReviews(this.tx.manager, hub);
    return reviewed ? toHubModel(reviewed) : null;
  }

  private async toModel(actor: Actor, r: WarninglistEntryRow): Promise<WarninglistEntryModel> {
    return {
      id: r.id, kind: r.kind, value: r.canonical, reason: r.reason, builtIn: r.built_in,
      agency: r.agency_id ? await this.directory.get(r.agency_id) : null, createdAt: r.created_at,
      removable: mayCall(actor, 'removeWarninglistEntry') && (r.agency_id === actor.agencyId || actor.nationalAdmin),
    };
  }

  private audit(actor: Actor, action: AuditAction, entityType: string, entityId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.tx.manager, {
      action, outcome: AuditOutcome.SUCCESS, entityType, entityId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
