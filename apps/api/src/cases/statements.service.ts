import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { FieldProblem, recordAudit, recordStatement, Transfer, User, Victim } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, forbidden } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { VictimStatementModel, ViewerAccess } from './case.model';
import { toStatementModel } from './case-mappers';
import { AddStatementInput } from './cases.dto';
import { AgencyDirectory } from './agency-directory';
import { CasesService } from './cases.service';

/**
 * Victim statements with their payment trails, in one transaction: victim, statement, transfers, the
 * identifiers every transfer yields, and the case totals (recordStatement), or nothing at all.
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly directory: AgencyDirectory,
  ) {}

  async add(actor: Actor, input: AddStatementInput, address: string): Promise<VictimStatementModel> {
    const model = await this.cases.get(actor, input.caseId);
    if (model.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow adding statements; ask the owner for CONTRIBUTE');
    const m = this.tx.manager;
    const taker = await m.getRepository(User).findOneByOrFail({ id: actor.userId });
    let statement;
    try {
      statement = await recordStatement(m, input, { agencyId: actor.agencyId, userId: actor.userId, displayName: taker.displayName });
    } catch (e) {
      if (e instanceof FieldProblem) throw badInput(`input.${e.field}`, e.reason);
      throw e;
    }
    await recordAudit(m, {
      action: AuditAction.STATEMENT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'VictimStatement', entityId: statement.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { caseId: input.caseId, caseOwner: model.owner.id, transfers: input.transfers.length, reportedLoss: statement.reportedLoss },
    });
    const [victim, transfers] = await Promise.all([
      m.getRepository(Victim).findOneByOrFail({ id: statement.victimId }),
      m.getRepository(Transfer).find({ where: { statementId: statement.id }, order: { occurredAt: 'ASC' } }),
    ]);
    return toStatementModel(statement, await this.directory.get(actor.agencyId), victim, transfers);
  }
}
