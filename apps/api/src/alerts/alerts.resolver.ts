import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { RiskRule } from '@caselink/domain';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { selects } from '../common/pagination';
import { uuidArg } from '../common/uuid-arg.pipe';
import {
  AlertConnection, AlertLeadWithAlert, AlertModel, ReportRiskSignalsResult, RiskSignalConnection, RiskSignalInput, RiskThresholdModel, SignalUploadModel,
} from './alert.model';
import { AlertListArgs, RiskSignalListArgs, SignalUploadListArgs } from './alerts.dto';
import { AlertsService } from './alerts.service';
import { RiskSignalsService } from './risk-signals.service';

const id = (name: string) => [name, { type: () => ID }, uuidArg(name)] as const;

@Resolver()
export class AlertsResolver {
  constructor(
    private readonly signals: RiskSignalsService,
    private readonly alertService: AlertsService,
  ) {}

  @Query(() => RiskSignalConnection, { description: "the reporting agency's own signals (banks, telecoms)" })
  riskSignals(@CurrentActor() actor: Actor, @Args() args: RiskSignalListArgs, @Info() info: GraphQLResolveInfo): Promise<RiskSignalConnection> {
    return this.signals.list(actor, args.kind, args, selects(info, 'totalCount'));
  }

  @Query(() => SignalUploadModel, { nullable: true })
  signalUpload(@CurrentActor() actor: Actor, @Args(...id('id')) uploadId: string): Promise<SignalUploadModel | null> {
    return this.signals.upload(actor, uploadId);
  }

  @Query(() => [SignalUploadModel])
  signalUploads(@CurrentActor() actor: Actor, @Args() args: SignalUploadListArgs): Promise<SignalUploadModel[]> {
    return this.signals.uploads(actor, args.first);
  }

  @Query(() => AlertConnection, { description: "police: their region's alerts; banks/telecoms: alerts raised from their own signals; case owners reach leads via caseAlertLeads" })
  alerts(@CurrentActor() actor: Actor, @Args() args: AlertListArgs, @Info() info: GraphQLResolveInfo): Promise<AlertConnection> {
    return this.alertService.list(actor, { status: args.status, rule: args.rule }, args, selects(info, 'totalCount'));
  }

  @Query(() => AlertModel, { nullable: true })
  alert(@CurrentActor() actor: Actor, @Args(...id('id')) alertId: string): Promise<AlertModel | null> {
    return this.alertService.get(actor, alertId);
  }

  @Query(() => [AlertLeadWithAlert])
  caseAlertLeads(@CurrentActor() actor: Actor, @Args(...id('caseId')) caseId: string): Promise<AlertLeadWithAlert[]> {
    return this.alertService.caseLeads(actor, caseId);
  }

  @Query(() => [RiskThresholdModel], { description: "effective thresholds for a region (defaults to the viewer's own); police, banks and telecoms" })
  riskThresholds(@CurrentActor() actor: Actor, @Args('region', { type: () => String, nullable: true }) region?: string | null): Promise<RiskThresholdModel[]> {
    return this.alertService.thresholds(actor, region);
  }

  @Mutation(() => ReportRiskSignalsResult, { description: 'banks and telecoms (LIAISON or ADMIN role); at most 1000 per call; all or nothing' })
  reportRiskSignals(
    @CurrentActor() actor: Actor,
    @Args('signals', { type: () => [RiskSignalInput] }) signals: RiskSignalInput[],
    @GqlCtx() ctx: GqlContext,
  ): Promise<ReportRiskSignalsResult> {
    return this.signals.report(actor, signals, clientAddress(ctx.req));
  }

  @Mutation(() => AlertModel, { description: "police of the alert's region" })
  acknowledgeAlert(@CurrentActor() actor: Actor, @Args(...id('id')) alertId: string, @GqlCtx() ctx: GqlContext): Promise<AlertModel> {
    return this.alertService.acknowledge(actor, alertId, clientAddress(ctx.req));
  }

  @Mutation(() => AlertModel, { description: "police of the alert's region" })
  dismissAlert(@CurrentActor() actor: Actor, @Args(...id('id')) alertId: string, @Args('reason') reason: string, @GqlCtx() ctx: GqlContext): Promise<AlertModel> {
    return this.alertService.dismiss(actor, alertId, reason, clientAddress(ctx.req));
  }

  @Mutation(() => RiskThresholdModel, { description: 'police ADMIN or SUPERVISOR of that region (or a national agency); value: CNY for CASH_WITHDRAWAL_DAILY, count, or minutes' })
  setRiskThreshold(
    @CurrentActor() actor: Actor,
    @Args('region') region: string,
    @Args('rule', { type: () => RiskRule }) rule: RiskRule,
    @Args('value') value: string,
    @GqlCtx() ctx: GqlContext,
  ): Promise<RiskThresholdModel> {
    return this.alertService.setThreshold(actor, region, rule, value, clientAddress(ctx.req));
  }
}
