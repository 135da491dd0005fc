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

const id = (name: string, description: string) => [name, { type: () => ID, description }, uuidArg(name)] as const;

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

  @Query(() => SignalUploadModel, { nullable: true, description: 'Progress and errors of a CSV upload of your agency; null when there is none' })
  signalUpload(@CurrentActor() actor: Actor, @Args(...id('id', 'Upload id (answered by POST /risk-signals/uploads)')) uploadId: string): Promise<SignalUploadModel | null> {
    return this.signals.upload(actor, uploadId);
  }

  @Query(() => [SignalUploadModel], { description: "Your agency's CSV uploads of risk signals, newest first" })
  signalUploads(@CurrentActor() actor: Actor, @Args() args: SignalUploadListArgs): Promise<SignalUploadModel[]> {
    return this.signals.uploads(actor, args.first);
  }

  @Query(() => AlertConnection, { description: "police: their region's alerts; banks/telecoms: alerts raised from their own signals; case owners reach leads via caseAlertLeads" })
  alerts(@CurrentActor() actor: Actor, @Args() args: AlertListArgs, @Info() info: GraphQLResolveInfo): Promise<AlertConnection> {
    return this.alertService.list(actor, { status: args.status, rule: args.rule }, args, selects(info, 'totalCount'));
  }

  @Query(() => AlertModel, { nullable: true, description: 'One alert you may see; null otherwise' })
  alert(@CurrentActor() actor: Actor, @Args(...id('id', 'Alert id')) alertId: string): Promise<AlertModel | null> {
    return this.alertService.get(actor, alertId);
  }

  @Query(() => [AlertLeadWithAlert], { description: 'Alerts whose identifiers a case holds (who may read the case)' })
  caseAlertLeads(@CurrentActor() actor: Actor, @Args(...id('caseId', 'Case id')) caseId: string): Promise<AlertLeadWithAlert[]> {
    return this.alertService.caseLeads(actor, caseId);
  }

  @Query(() => [RiskThresholdModel], { description: "effective thresholds for a region (defaults to the viewer's own); police, banks and telecoms" })
  riskThresholds(@CurrentActor() actor: Actor, @Args('region', { type: () => String, nullable: true, description: "GB/T 2260 code; the viewer's agency's region when left out" }) region?: string | null): Promise<RiskThresholdModel[]> {
    return this.alertService.thresholds(actor, region);
  }

  @Mutation(() => ReportRiskSignalsResult, { description: 'banks and telecoms (LIAISON or ADMIN role); at most 1000 per call; all or nothing' })
  reportRiskSignals(
    @CurrentActor() actor: Actor,
    @Args('signals', { type: () => [RiskSignalInput], description: 'The signals (bad ones are BAD_USER_INPUT on signals.<i>.<field>; then none is stored)' }) signals: RiskSignalInput[],
    @GqlCtx() ctx: GqlContext,
  ): Promise<ReportRiskSignalsResult> {
    return this.signals.report(actor, signals, clientAddress(ctx.req));
  }

  @Mutation(() => AlertModel, { description: "Acknowledge an alert (police of the alert's region)" })
  acknowledgeAlert(@CurrentActor() actor: Actor, @Args(...id('id', 'Alert id')) alertId: string, @GqlCtx() ctx: GqlContext): Promise<AlertModel> {
    return this.alertService.acknowledge(actor, alertId, clientAddress(ctx.req));
  }

  @Mutation(() => AlertModel, { description: "Dismiss an alert with a reason (police of the alert's region)" })
  dismissAlert(@CurrentActor() actor: Actor, @Args(...id('id', 'Alert id')) alertId: string, @Args('reason', { description: 'Why it is dismissed' }) reason: string, @GqlCtx() ctx: GqlContext): Promise<AlertModel> {
    return this.alertService.dismiss(actor, alertId, reason, clientAddress(ctx.req));
  }

  @Mutation(() => RiskThresholdModel, { description: 'police ADMIN or SUPERVISOR of that region (or a national agency); value: CNY for CASH_WITHDRAWAL_DAILY, count, or minutes' })
  setRiskThreshold(
    @CurrentActor() actor: Actor,
    @Args('region', { description: 'GB/T 2260 code of the province or city' }) region: string,
    @Args('rule', { type: () => RiskRule, description: 'The rule' }) rule: RiskRule,
    @Args('value', { description: 'The new threshold' }) value: string,
    @GqlCtx() ctx: GqlContext,
  ): Promise<RiskThresholdModel> {
    return this.alertService.setThreshold(actor, region, rule, value, clientAddress(ctx.req));
  }
}
