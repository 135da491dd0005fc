import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { badInput } from '../common/errors';
import { uuidArg } from '../common/uuid-arg.pipe';
import { CaseModel } from '../cases/case.model';
import { loadersOf } from '../cases/case-loaders';
import { AgencyDirectory } from '../cases/agency-directory';
import { LegalHoldModel, RetentionRuleModel, RetentionRunModel, SetLegalHoldInput, SetRetentionRuleInput } from './retention.model';
import { RetentionService } from './retention.service';

@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Query(() => [RetentionRuleModel], { description: 'How long each class of data is kept' })
  retentionRules(): Promise<RetentionRuleModel[]> {
    return this.retention.rules();
  }

  @Query(() => [RetentionRunModel], { description: "The latest purge runs, with the caller's agency's counts (the national admin: all)" })
  retentionRuns(@Args('limit', { type: () => Int, defaultValue: 10, description: 'How many runs, 1 to 100' }) limit: number): Promise<RetentionRunModel[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badInput('limit', 'must be 1 to 100 · 须在 1 到 100 之间');
    return this.retention.runs(limit);
  }

  @Mutation(() => RetentionRuleModel, { description: 'National centre: the retention period of one class of data' })
  setRetentionRule(@CurrentActor() actor: Actor, @Args('input', { description: 'The class and its new period' }) input: SetRetentionRuleInput, @GqlCtx() ctx: GqlContext): Promise<RetentionRuleModel> {
    return this.retention.setRule(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => RetentionRunModel, { description: 'National centre: purge now what the rules no longer allow to keep' })
  runRetention(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<RetentionRunModel> {
    return this.retention.runNow(actor, clientAddress(ctx.req));
  }

  @Mutation(() => LegalHoldModel, { description: "Keep the case's material from every purge (a supervisor of the owning agency)" })
  setLegalHold(@CurrentActor() actor: Actor, @Args('input', { description: 'The case and why' }) input: SetLegalHoldInput, @GqlCtx() ctx: GqlContext): Promise<LegalHoldModel> {
    return this.retention.setLegalHold(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => Boolean, { description: 'Release the legal hold on a case (a supervisor of the owning agency); its material follows the rules again' })
  releaseLegalHold(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID, description: 'Case id' }, uuidArg('caseId')) caseId: string, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    return this.retention.releaseLegalHold(actor, caseId, clientAddress(ctx.req));
  }
}

@Resolver(() => CaseModel)
export class CaseLegalHoldResolver {
  constructor(
    private readonly ds: DataSource,
    private readonly directory: AgencyDirectory,
  ) {}

  // Nested fields resolve after the root field's transaction: the case loaders batch them in their own.
  @ResolveField(() => LegalHoldModel, { nullable: true, description: "The case's legal hold; null when none (or not the viewer's agency's)" })
  legalHold(@Parent() c: CaseModel, @Context() ctx: GqlContext): Promise<LegalHoldModel | null> {
    return loadersOf(ctx, this.ds, this.directory).legalHolds.load(c.id);
  }
}
