import { Injectable } from '@nestjs/common';
import { AuditEvent } from '@caselink/db';
import { AUDIT_ANCHOR_FAILURES } from '@caselink/domain';
import { Connection } from '../common/pagination';
import { paginate } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AuditAnchorCheckModel, AuditChainVerification, AuditEventArgs, AuditEventModel } from './audit.model';
import { AuditAnchorsService } from './audit-anchors.service';

/** Reads of the caller agency's audit trail; writes happen through recordAudit in each change's transaction. */
@Injectable()
export class AuditService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly anchors: AuditAnchorsService,
  ) {}

  list(args: AuditEventArgs): Promise<Connection<AuditEventModel>> {
    const q = this.tx.manager.getRepository(AuditEvent).createQueryBuilder('e');
    if (args.action) q.where('e.action = :action', { action: args.action });
    return paginate(q, args, AuditEventModel.from, { property: 'sequence', column: 'sequence' });
  }

  /**
   * Recomputes the caller agency's chain in the database and names the first row that does not add up; then compares
   * it with the signed heads kept outside the database, which catches what the first check cannot: a rewrite by the
   * owner role that recomputed every hash after it.
   */
  async verifyChain(agencyId: string): Promise<AuditChainVerification> {
    const [r]: Array<{ ok: boolean; checked_count: string; first_broken_id: string | null; first_broken_sequence: string | null; reason: string | null }> =
      await this.tx.manager.query('SELECT * FROM audit_verify_chain()');
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
