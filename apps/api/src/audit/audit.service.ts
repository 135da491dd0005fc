import { Injectable } from '@nestjs/common';
import { AuditEvent } from '@caselink/db';
import { Connection } from '../common/pagination';
import { paginate } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AuditChainVerification, AuditEventArgs, AuditEventModel } from './audit.model';

/** Reads of the caller agency's audit trail; writes happen through recordAudit in each change's transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly tx: RequestTransaction) {}

  list(args: AuditEventArgs): Promise<Connection<AuditEventModel>> {
    const q = this.tx.manager.getRepository(AuditEvent).createQueryBuilder('e');
    if (args.action) q.where('e.action = :action', { action: args.action });
    return paginate(q, args, AuditEventModel.from, { property: 'sequence', column: 'sequence' });
  }

  /** Recomputes the caller agency's chain in the database and names the first row that does not add up. */
  async verifyChain(): Promise<AuditChainVerification> {
    const [r]: Array<{ ok: boolean; checked_count: string; first_broken_id: string | null; first_broken_sequence: string | null; reason: string | null }> =
      await this.tx.manager.query('SELECT * FROM audit_verify_chain()');
    return {
      ok: r.ok, checkedCount: Number(r.checked_count), firstBrokenEventId: r.first_broken_id,
      firstBrokenSequence: r.first_broken_sequence === null ? null : Number(r.first_broken_sequence), reason: r.reason,
    };
  }
}
