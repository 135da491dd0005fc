import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { PageArgs } from '../common/pagination';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AddWarninglistEntryInput, FundTraceArgs, ReviewHubInput, StartFundTraceArgs, WarninglistArgs } from './linking.dto';
import {
  CaseLinksModel, FundTraceModel, FundTraceRunModel, HubReviewModel, LinkGraphModel, RelinkRunModel, SeriesConnection, SeriesModel, WarninglistEntryConnection,
  WarninglistEntryModel,
} from './linking.model';
import { assertExpandIds, LinkingService } from './linking.service';
import { FundTraceService } from './fund-trace.service';
import { RelinkService } from './relink.service';
import { WarninglistService } from './warninglist.service';

const id = (name: string, description: string) => [name, { type: () => ID, description }, uuidArg(name)] as const;

@Resolver()
export class LinkingResolver {
  constructor(
    private readonly linking: LinkingService,
    private readonly benign: WarninglistService,
    private readonly relinks: RelinkService,
    private readonly traces: FundTraceService,
  ) {}

  @Query(() => CaseLinksModel, { description: 'Series, linked cases the caller may read, blind hits for the others; NOT_FOUND for a case the caller may not read' })
  caseLinks(@CurrentActor() actor: Actor, @Args(...id('caseId', 'Case id')) caseId: string): Promise<CaseLinksModel> {
    return this.linking.caseLinks(actor, caseId);
  }

  @Query(() => LinkGraphModel, { description: 'Graph around a case; expand adds the neighbours of those node ids (value:… or case:…)' })
  linkGraph(
    @CurrentActor() actor: Actor,
    @Args(...id('caseId', 'The case at the centre')) caseId: string,
    @Args('expand', { type: () => [ID], nullable: true, description: 'Node ids to expand (value:… or case:…)' }) expand: string[] | null,
  ): Promise<LinkGraphModel> {
    assertExpandIds(expand ?? []);
    return this.linking.linkGraph(actor, caseId, expand ?? []);
  }

  @Query(() => SeriesModel, { description: 'One series; NOT_FOUND unless the caller may read one of its cases' })
  series(@CurrentActor() actor: Actor, @Args(...id('id', 'Series id')) seriesId: string): Promise<SeriesModel> {
    return this.linking.series(actor, seriesId);
  }

  @Query(() => SeriesConnection, { description: 'Series with a case the caller may read, most recently changed first' })
  seriesList(@CurrentActor() actor: Actor, @Args() page: PageArgs) {
    return this.linking.seriesList(actor, page);
  }

  @Query(() => WarninglistEntryConnection, { description: 'Benign values that never link cases (shared by every agency)' })
  warninglist(@CurrentActor() actor: Actor, @Args() args: WarninglistArgs) {
    return this.benign.list(actor, args);
  }

  @Query(() => [HubReviewModel], { description: "Values held by unusually many cases, among those the caller's agency holds" })
  hubReviews(): Promise<HubReviewModel[]> {
    return this.benign.hubs();
  }

  @Query(() => [RelinkRunModel], { description: 'National admin: the latest full relinks' })
  relinkRuns(): Promise<RelinkRunModel[]> {
    return this.relinks.runs();
  }

  @Query(() => RelinkRunModel, { description: 'National admin: one full relink and its progress' })
  relinkRun(@Args(...id('id', 'Run id')) runId: string): Promise<RelinkRunModel> {
    return this.relinks.run(runId);
  }

  @Query(() => FundTraceModel, { description: 'Follows money forward from a transfer, over transactions the caller may see; up to 6 hops' })
  fundTrace(@CurrentActor() actor: Actor, @Args() args: FundTraceArgs): Promise<FundTraceModel> {
    return this.traces.trace(actor, args.transferId, args.maxHops);
  }

  @Query(() => FundTraceRunModel, { description: 'A background fund trace and, once DONE, its result' })
  fundTraceRun(@CurrentActor() actor: Actor, @Args(...id('id', 'Run id (startFundTrace)')) traceId: string): Promise<FundTraceRunModel> {
    return this.traces.run(actor, traceId);
  }

  @Mutation(() => WarninglistEntryModel, { description: 'Agency admins: a benign value that must never link cases' })
  addWarninglistEntry(@CurrentActor() actor: Actor, @Args('input', { description: 'The value and why it is benign' }) input: AddWarninglistEntryInput, @GqlCtx() ctx: GqlContext): Promise<WarninglistEntryModel> {
    return this.benign.add(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => Boolean, { description: "Agency admins remove their agency's entries; the national admin any" })
  removeWarninglistEntry(@CurrentActor() actor: Actor, @Args(...id('id', 'Entry id')) entryId: string, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    return this.benign.remove(actor, entryId, clientAddress(ctx.req));
  }

  @Mutation(() => HubReviewModel, { nullable: true, description: 'Police supervisors and admins decide on a hub: CONFIRM (it links again) or WARNINGLIST (it never links; answers null)' })
  reviewHub(@CurrentActor() actor: Actor, @Args('input', { description: 'The hub and the decision' }) input: ReviewHubInput, @GqlCtx() ctx: GqlContext): Promise<HubReviewModel | null> {
    return this.benign.review(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => RelinkRunModel, { description: 'National admin: rebuild postings and series from every identifier; CONFLICT while one runs' })
  startRelink(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<RelinkRunModel> {
    return this.relinks.start(actor, clientAddress(ctx.req));
  }

  @Mutation(() => FundTraceRunModel, { description: 'A trace of up to 12 hops, run in the background; poll fundTraceRun' })
  startFundTrace(
    @CurrentActor() actor: Actor,
    @Args() args: StartFundTraceArgs,
    @GqlCtx() ctx: GqlContext,
  ): Promise<FundTraceRunModel> {
    return this.traces.start(actor, args.transferId, args.maxHops, clientAddress(ctx.req));
  }
}
