import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FREEZE_OUTCOMES, REQUEST_TARGET_KIND, RequestState, RequestType, TELECOM_OUTCOMES } from '@caselink/domain';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { badInput } from '../common/errors';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AgencyDirectory } from '../cases/agency-directory';
import { AgencyRef } from '../cases/case.model';
import { CooperationService } from './cooperation.service';
import { FreezesService } from './freezes.service';
import {
  AgencyRequestConnection, AgencyRequestModel, DeadlineRuleModel, DownstreamTransferModel, InboxCountsModel, RequestAttachmentModel, RequestEventModel,
} from './request.model';
import { AnswerFreezeInput, AnswerTelecomInput, ChangeRequestStateInput, RequestListArgs, SendCooperationRequestInput, SendFreezeRequestInput, SendTelecomRequestInput } from './requests.dto';
import { RequestsService } from './requests.service';
import { TelecomService } from './telecom.service';

const id = (name: string, description: string) => [name, { type: () => ID, description }, uuidArg(name)] as const;
/** States reached only through their own mutations (sendDraft, acknowledgeRequest, answerFreeze, answerTelecom). */
const ANSWERS: readonly RequestState[] = [RequestState.SENT, RequestState.ACKNOWLEDGED, ...FREEZE_OUTCOMES, ...TELECOM_OUTCOMES];

@Resolver(() => AgencyRequestModel)
export class RequestsResolver {
  constructor(
    private readonly core: RequestsService,
    private readonly freezes: FreezesService,
    private readonly telecom: TelecomService,
    private readonly cooperation: CooperationService,
    private readonly directory: AgencyDirectory,
  ) {}

  @Query(() => AgencyRequestConnection, { description: 'INCOMING: addressed to your agency; OUTGOING: sent by it. Most recently changed first' })
  requests(@CurrentActor() actor: Actor, @Args() args: RequestListArgs) {
    return this.core.list(actor, args);
  }

  @Query(() => AgencyRequestModel, { description: 'NOT_FOUND unless your agency sent it or it is addressed to it (and sent)' })
  request(@CurrentActor() actor: Actor, @Args(...id('id', 'The request')) requestId: string): Promise<AgencyRequestModel> {
    return this.core.get(actor, requestId);
  }

  @Query(() => [AgencyRequestModel], { description: 'Police: the requests your agency sent for a case' })
  caseRequests(@CurrentActor() actor: Actor, @Args(...id('caseId', 'A case your agency owns or contributes to')) caseId: string): Promise<AgencyRequestModel[]> {
    return this.core.forCase(actor, caseId);
  }

  @Query(() => InboxCountsModel, { description: "Unread and overdue requests in your agency's inbox, for the navigation badges" })
  inboxCounts(@CurrentActor() actor: Actor): Promise<InboxCountsModel> {
    return this.core.counts(actor);
  }

  @Query(() => [DeadlineRuleModel], { description: 'Answer deadlines per request type, kind and urgency' })
  deadlineRules(): Promise<DeadlineRuleModel[]> {
    return this.core.rules();
  }

  @Query(() => [AgencyRef], { description: 'Banks, telecoms or foreign partners a request of this type can go to' })
  async requestTargets(@Args('type', { type: () => RequestType, description: 'FREEZE: banks; TELECOM: telecom operators and platforms; COOPERATION: foreign partners' }) type: RequestType): Promise<AgencyRef[]> {
    return [...(await this.directory.all()).values()].filter((a) => a.kind === REQUEST_TARGET_KIND[type]);
  }

  @Mutation(() => AgencyRequestModel, { description: 'Police → bank. The same case, account and kind again returns the live request' })
  sendFreezeRequest(@CurrentActor() actor: Actor, @Args('input', { description: 'The case, the account and the bank, the kind (emergency stop or freeze) and the legal basis' }) input: SendFreezeRequestInput, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    return this.freezes.send(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => AgencyRequestModel, { description: 'Police → telecom operator or platform' })
  sendTelecomRequest(@CurrentActor() actor: Actor, @Args('input', { description: 'The case, the number or account, the operator and what is asked' }) input: SendTelecomRequestInput, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    return this.telecom.send(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => AgencyRequestModel, { description: 'Police → foreign partner agency' })
  sendCooperationRequest(@CurrentActor() actor: Actor, @Args('input', { description: 'The case, the partner agency, what is asked, the legal basis and the evidence passed on' }) input: SendCooperationRequestInput, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    return this.cooperation.send(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => AgencyRequestModel, { description: 'Sends a saved draft: its clock starts now' })
  sendDraft(@CurrentActor() actor: Actor, @Args(...id('id', 'A draft of your agency')) requestId: string, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    return this.core.move(actor, requestId, RequestState.SENT, { address: clientAddress(ctx.req) });
  }

  @Mutation(() => AgencyRequestModel, { description: 'The addressed agency confirms it is working on the request' })
  acknowledgeRequest(@CurrentActor() actor: Actor, @Args(...id('id', 'A request addressed to your agency')) requestId: string, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    return this.core.move(actor, requestId, RequestState.ACKNOWLEDGED, { address: clientAddress(ctx.req) });
  }

  @Mutation(() => AgencyRequestModel, { description: 'The bank answers a freeze; downstream transfers join the case (linking, fund tracing)' })
  answerFreeze(@CurrentActor() actor: Actor, @Args('input', { description: 'The outcome (frozen, partly frozen, nothing to freeze), the amount held and the downstream transfers' }) input: AnswerFreezeInput, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    return this.freezes.answer(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => AgencyRequestModel, { description: 'The telecom answers: COMPLETED (with subscriber details for look-ups), NOT_FOUND or REFUSED' })
  answerTelecom(@CurrentActor() actor: Actor, @Args('input', { description: 'The outcome and, for look-ups, the subscriber details' }) input: AnswerTelecomInput, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    return this.telecom.answer(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => AgencyRequestModel, { description: 'Other moves: cooperation progress and outcome, EXTENDED/RELEASED freezes, WITHDRAWN' })
  async changeRequestState(@CurrentActor() actor: Actor, @Args('input', { description: 'The request, the state to move to (along its machine) and a note' }) input: ChangeRequestStateInput, @GqlCtx() ctx: GqlContext): Promise<AgencyRequestModel> {
    const address = clientAddress(ctx.req);
    if (input.to === RequestState.EXTENDED || input.to === RequestState.RELEASED) return this.freezes.change(actor, input, address);
    if (ANSWERS.includes(input.to)) throw badInput('input.to', `use the mutation for ${input.to} (sendDraft, acknowledgeRequest, answerFreeze, answerTelecom)`);
    return this.core.move(actor, input.id, input.to, { note: input.note?.trim() || null, address });
  }

  @Mutation(() => RequestEventModel, { description: 'A message in the request thread, from either side' })
  postRequestMessage(@CurrentActor() actor: Actor, @Args(...id('id', 'The request')) requestId: string, @Args('body', { description: 'The message text (not empty)' }) body: string): Promise<RequestEventModel> {
    if (body.length > 8000) throw badInput('body', 'must be at most 8000 characters');
    return this.core.message(actor, requestId, body);
  }

  @Mutation(() => AgencyRequestModel, { description: 'Marks the request read for your agency (the inbox badge counts unread ones)' })
  markRequestRead(@CurrentActor() actor: Actor, @Args(...id('id', 'The request')) requestId: string): Promise<AgencyRequestModel> {
    return this.core.markRead(actor, requestId);
  }

  // Child fields resolve after the root field's transaction has committed: each reads in its own,
  // acting as the caller (row-level security again decides).
  @ResolveField(() => [RequestEventModel], { description: 'The timeline: state changes, messages, deadline events, oldest first' })
  events(@Parent() r: AgencyRequestModel, @CurrentActor() actor: Actor): Promise<RequestEventModel[]> {
    return this.core.tx.runAs(actor, () => this.core.events(r.id));
  }

  @ResolveField(() => [DownstreamTransferModel], { description: "Freezes: where the money went on, from the bank's answer; [] for other types" })
  downstream(@Parent() r: AgencyRequestModel, @CurrentActor() actor: Actor): Promise<DownstreamTransferModel[]> {
    return r.type === RequestType.FREEZE ? this.core.tx.runAs(actor, () => this.core.downstream(r.id)) : Promise.resolve([]);
  }

  @ResolveField(() => [RequestAttachmentModel], { description: 'Cooperation: the evidence passed on with the request and its handling; [] for other types' })
  attachments(@Parent() r: AgencyRequestModel, @CurrentActor() actor: Actor): Promise<RequestAttachmentModel[]> {
    return r.type === RequestType.COOPERATION ? this.core.tx.runAs(actor, () => this.core.attachments(r.id)) : Promise.resolve([]);
  }
}
