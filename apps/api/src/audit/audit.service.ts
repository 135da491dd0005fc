import { Injectable } from '@nestjs/common';
import { AuditEventRow, listAuditEvents, verifyAuditChain } from '@caselink/db';
import { AUDIT_ANCHOR_FAILURES } from '@caselink/domain';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AuditAnchorCheckModel, AuditChainVerification, AuditEventArgs, AuditEventModel } from './audit.model';
import { AuditAnchorsService } from './audit-anchors.service';

const toAuditEventModel = (e: AuditEventRow): AuditEventModel => Object.assign(new AuditEventModel(), {
  id: e.id, sequence: Number(e.sequence), occurredAt: e.occurred_at, actorUserId: e.actor_user_id, actorEmail: e.actor_email,
  agencyId: e.agency_id, action: e.action, entityType: e.entity_type, entityId: e.entity_id, clientAddress: e.client_address,
  outcome: e.outcome, details: e.details ? JSON.stringify(e.details) : null, hash: e.hash.toString('hex'),
});

/** Reads of the caller agency's audit trail; writes happen through recordAudit in each change's transaction. */
@Injectable()
export class AuditService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly anchors: AuditAnchorsService,
  ) {}

  /** Latest first (by the chain's sequence). */
  async list(args: AuditEventArgs): Promise<Connection<AuditEventModel>> {
    const { rows, total } = await listAuditEvents(this.tx.manager, {
      action: args.action || null, afterId: args.after ? decodeCursor(args.after) : null, limit: args.first + 1,
    });
    const edges = rows.slice(0, args.first).map((e) => ({ cursor: encodeCursor(e.id), node: toAuditEventModel(e) }));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  /**
   * Recomputes the caller agency's chain in the database and names the first row that does not add up; then compares
   * it with the signed heads kept outside the database, which catches what the first check cannot: a rewrite by the
   * owner role that recomputed every hash after it.
   */
  async verifyChain(agencyId: string): Promise<AuditChainVerification> {
    const r = await verifyAuditChain(this.tx.manager);
    const anchored = await this.anchors.check(agencyId);
    const anchorsFail = AUDIT_ANCHOR_FAILURES.includes(anchored.check.status);
    return {
      ok: r.ok && !anchorsFail, checkedCount: Number(r.checked_count), firstBrokenEventId: r.first_broken_id,
      firstBrokenSequence: r.first_broken_sequence === null ? null : Number(r.first_broken_sequence),
      reason: r.reason ?? (anchorsFail ? `${anchored.check.reasonEn} · ${anchored.check.reasonZh}` : null),
      anchors: AuditAnchorCheckModel.from(anchored.check, anchored.fingerprint),
    };
  }
}
