import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { FieldProblem, recordAudit, recordStatement, RecordedStatement, statementById, transfersOfStatements, userById } from '@caselink/db';
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
    const taker = await userById(m, actor.userId);
    if (!taker) throw new Error(`User ${actor.userId} is not readable in its own request`);
    let statement: RecordedStatement;
    try {
      statement = await recordStatement(m, input, { agencyId: actor.agencyId, userId: actor.userId, displayName: taker.display_name });
    } catch (e) {
      if (e instanceof FieldProblem) throw badInput(`input.${e.field}`, e.reason);
      throw e;
    }
    await recordAudit(m, {
      action: AuditAction.STATEMENT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'VictimStatement', entityId: statement.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { caseId: input.caseId, caseOwner: model.owner.id, transfers: input.transfers.length, reportedLoss: statement.reportedLoss },
    });
    const written = await statementById(m, statement.id);
    if (!written) throw new Error(`Statement ${statement.id} is not readable right after it was written`);
    const transfers = await transfersOfStatements(m, [statement.id]);
    // The loss as entered, as this answer has always given it (the case page shows the stored two decimals).
    return toStatementModel({ ...written, reported_loss: statement.reportedLoss }, await this.directory.get(actor.agencyId), transfers);
  }
}
