import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AddSuspectInput, OutcomeFilter, RecordJudgmentInput } from './analytics.dto';
import { OutcomeAnalyticsModel } from './outcome.model';
import { dimensionsFor, OutcomesService } from './outcomes.service';
import { SuspectModel } from './suspect.model';
import { SuspectsService } from './suspects.service';

/** The fields selected on the root field (through fragments too): the analytics compute only those. */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) out.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else walk(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return out;
}

@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly suspects: SuspectsService,
    private readonly outcomes: OutcomesService,
  ) {}

  @Query(() => [SuspectModel], { description: 'Suspects of a case you may read, with their judgments; oldest first' })
  caseSuspects(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID, description: 'Case id' }, uuidArg('caseId')) caseId: string): Promise<SuspectModel[]> {
    return this.suspects.forCase(actor, caseId);
  }

  @Mutation(() => SuspectModel, { description: 'Record a suspect on a case (OWNER or CONTRIBUTE); an ID number is kept only as a keyed hash' })
  addSuspect(@CurrentActor() actor: Actor, @Args('input', { description: 'The suspect' }) input: AddSuspectInput, @GqlCtx() ctx: GqlContext): Promise<SuspectModel> {
    return this.suspects.add(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => SuspectModel, { description: 'Records (or corrects) the judgment on a suspect; OWNER or CONTRIBUTE' })
  recordJudgment(@CurrentActor() actor: Actor, @Args('input', { description: 'The judgment' }) input: RecordJudgmentInput, @GqlCtx() ctx: GqlContext): Promise<SuspectModel> {
    return this.suspects.recordJudgment(actor, input, clientAddress(ctx.req));
  }

  @Query(() => OutcomeAnalyticsModel, {
    description: 'Distributions of the judgments on suspects of the cases you may read (police only). CSV: GET /analytics/outcomes.csv?table=age|education|employment|probation|years|roles|charges|penalties',
  })
  outcomeAnalytics(
    @CurrentActor() actor: Actor,
    // Declared without `| null` so that the parameter's design type is the class and its rules run (it may be null).
    @Args('filter', { type: () => OutcomeFilter, nullable: true, description: 'Which judgments to count; all you may read when left out' }) filter: OutcomeFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OutcomeAnalyticsModel> {
    return this.outcomes.analytics(actor, filter, 'filter.', dimensionsFor(selectedFields(info)));
  }
}
