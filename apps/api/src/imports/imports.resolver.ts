import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { ImportsService } from './imports.service';
import { StatementImportModel } from './statement-import.model';

@Resolver(() => StatementImportModel)
export class ImportsResolver {
  constructor(private readonly imports: ImportsService) {}

  @Query(() => StatementImportModel, { description: 'Progress and errors of an import of your agency; NOT_FOUND otherwise' })
  statementImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Import id (answered by POST /cases/{id}/imports)' }, uuidArg('id')) id: string): Promise<StatementImportModel> {
    return this.imports.get(actor, id);
  }

  @Query(() => [StatementImportModel], { description: "Your agency's imports into a case, newest first (at most 100)" })
  statementImports(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID, description: 'Case id' }, uuidArg('caseId')) caseId: string): Promise<StatementImportModel[]> {
    return this.imports.list(actor, caseId);
  }
}
