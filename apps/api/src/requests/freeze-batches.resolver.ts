import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { SendEmergencyStopsInput } from './freeze-batch.dto';
import { FreezeBatchModel } from './freeze-batch.model';
import { FreezeBatchesService } from './freeze-batches.service';

@Resolver(() => FreezeBatchModel)
export class FreezeBatchesResolver {
  constructor(private readonly batches: FreezeBatchesService) {}

  @Mutation(() => FreezeBatchModel, {
    description:
      "Police: emergency stops for every last-seen account of a fund trace, each to its account's issuing bank, in one batch — all sent or none. " +
      'Accounts no bank registered and wallets are listed back (outcome UNKNOWN_BANK, NOT_A_BANK_ACCOUNT), not sent; an account with a live stop is not ' +
      'sent again (ALREADY_LIVE). A retry with the same clientKey answers the same batch (replayed) and sends nothing',
  })
  sendEmergencyStops(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The trace (its transfer, or a background run), the legal document and a client key' }) input: SendEmergencyStopsInput,
    @GqlCtx() ctx: GqlContext,
  ): Promise<FreezeBatchModel> {
    return this.batches.send(actor, input, clientAddress(ctx.req));
  }

  @Query(() => FreezeBatchModel, { description: "A batch of emergency stops your agency sent, with each stop's state, the banks' figures and the clock; NOT_FOUND otherwise" })
  freezeBatch(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Batch id (sendEmergencyStops)' }, uuidArg('id')) id: string): Promise<FreezeBatchModel> {
    return this.batches.get(actor, id);
  }

  @Query(() => [FreezeBatchModel], { description: 'The batches of emergency stops your agency sent for a case, newest first (at most 50)' })
  caseFreezeBatches(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID, description: 'A case your agency works' }, uuidArg('caseId')) caseId: string): Promise<FreezeBatchModel[]> {
    return this.batches.forCase(actor, caseId);
  }
}
