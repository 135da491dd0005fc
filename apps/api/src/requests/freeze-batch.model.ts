import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FreezeBatchItemOutcome, IdentifierKind, RequestState } from '@caselink/domain';
import { AgencyRef } from '../cases/case.model';
import { AgencyRequestModel } from './request.model';

registerEnumType(FreezeBatchItemOutcome, {
  name: 'FreezeBatchItemOutcome',
  description: 'What became of one last-seen account of a trace in a batch of emergency stops',
  valuesMap: {
    SENT: { description: "An emergency stop went to the account's issuing bank with this batch" },
    ALREADY_LIVE: { description: 'A stop of the same account on the case was live already: nothing was sent again (request shows it when your agency sent it)' },
    UNKNOWN_BANK: { description: 'No bank registered a prefix of the account: not sent — choose the bank and send it with sendFreezeRequest' },
    NOT_A_BANK_ACCOUNT: { description: 'A wallet or payment-app account, not a bank card or account: no bank can stop it' },
  },
});

@ObjectType('FreezeBatchItem', { description: 'One last-seen account of the trace: where its stop went and how it stands now' })
export class FreezeBatchItemModel {
  @Field(() => Int, { description: 'Its place in the batch (0 first: the trace lists the accounts holding the most money first)' }) position: number;
  @Field({ description: 'The account as the trace shows it' }) account: string;
  @Field(() => IdentifierKind, { description: 'Card, account, wallet ...' }) accountKind: IdentifierKind;
  @Field({ description: 'The traced money last seen there: what the stop asks the bank to hold (decimal CNY)' }) amountAsked: string;
  @Field(() => FreezeBatchItemOutcome, { description: 'Sent, live already, or not sent and why' }) outcome: FreezeBatchItemOutcome;
  @Field(() => AgencyRef, { nullable: true, description: 'The issuing bank (by registered prefix) the stop went to; null when unknown or not a bank account' })
  bank: AgencyRef | null;
  @Field(() => String, { nullable: true, description: 'The registered prefix that routed it' }) matchedPrefix: string | null;
  @Field(() => AgencyRequestModel, { nullable: true, description: 'The emergency stop (sent with the batch, or the live one found); null when none was sent, or another agency sent it' })
  request: AgencyRequestModel | null;
  @Field(() => RequestState, { nullable: true, description: "The stop's state now (request.state); null without a request" }) state: RequestState | null;
  @Field(() => String, { nullable: true, description: 'What the bank holds so far (decimal CNY); null until it answers with a hold' }) amountHeld: string | null;
  @Field(() => Date, { nullable: true, description: "The bank's answer deadline (request.deadlineAt); null without a request" }) deadlineAt: Date | null;
  @Field({ description: 'Past its deadline and still unanswered' }) overdue: boolean;
}

/** How the stops of a batch (or of one bank in it) stand: shared by the per-bank figures and the totals. */
@ObjectType({ isAbstract: true })
export class FreezeBatchFiguresModel {
  @Field(() => Int, { description: 'Stops still owed an answer (SENT, ACKNOWLEDGED)' }) awaiting: number;
  @Field(() => Int, { description: 'Stops holding money now (FROZEN, PARTIALLY_FROZEN, EXTENDED)' }) holding: number;
  @Field(() => Int, { description: 'Stops answered or ended without a hold now (nothing to hold, no such account, rejected, released, expired)' }) ended: number;
  @Field(() => Int, { description: 'Stops past their deadline, unanswered' }) overdue: number;
  @Field({ description: 'Money asked (decimal CNY), over the items with a stop' }) amountAsked: string;
  @Field({ description: 'Money the banks hold or held so far (decimal CNY)' }) amountHeld: string;
}

@ObjectType('FreezeBatchBank', { description: "One bank's share of a batch: how many stops it got and how it answered so far" })
export class FreezeBatchBankModel extends FreezeBatchFiguresModel {
  @Field(() => AgencyRef, { description: 'The bank' }) bank: AgencyRef;
  @Field(() => Int, { description: 'Items routed to it (sent with the batch or live already)' }) items: number;
}

@ObjectType('FreezeBatchTotals', { description: 'The whole batch in figures' })
export class FreezeBatchTotalsModel extends FreezeBatchFiguresModel {
  @Field(() => Int, { description: 'Last-seen accounts in the batch' }) items: number;
  @Field(() => Int, { description: 'Stops sent with this batch' }) sent: number;
  @Field(() => Int, { description: 'Accounts with a live stop already (not sent again)' }) alreadyLive: number;
  @Field(() => Int, { description: 'Accounts not sent: no bank known, or not a bank account (listed back to choose by hand)' }) notSent: number;
  @Field(() => Date, { nullable: true, description: 'The clock: the earliest answer deadline still running; null when every bank has answered' })
  nextDeadlineAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the first bank held money (the golden minutes end there); null before' }) firstHeldAt: Date | null;
}

@ObjectType('FreezeBatch', {
  description:
    'Emergency stops sent in one action from a fund trace, each to its account\'s issuing bank (sendEmergencyStops). Read by the sending agency\'s ' +
    'investigators and supervisors. It changes as the banks answer: subscribe to requestUpdates and read freezeBatch again when an update names ' +
    'one of its items\' requests',
})
export class FreezeBatchModel {
  @Field(() => ID, { description: 'Batch id' }) id: string;
  @Field(() => ID, { description: 'The case the stops were sent for' }) caseId: string;
  @Field({ description: "The case's number" }) caseNumber: string;
  @Field({ description: 'The client key it was sent with (a retry with the same key answers this batch)' }) clientKey: string;
  @Field(() => ID, { description: 'The transfer the trace starts from' }) transferId: string;
  @Field(() => ID, { nullable: true, description: 'The background trace (startFundTrace) it was sent from; null for a trace run as it was sent' })
  fundTraceRunId: string | null;
  @Field(() => Int, { description: 'Hops the trace followed at most' }) maxHops: number;
  @Field({ description: 'Number of the legal document every stop of the batch carries' }) legalBasisDoc: string;
  @Field(() => String, { nullable: true, description: 'Who sent it' }) createdByName: string | null;
  @Field({ description: 'When it was sent: the clock of every stop started then' }) createdAt: Date;
  @Field({ description: 'This answer found a batch sent earlier with the same client key: nothing was sent now' }) replayed: boolean;
  @Field(() => [FreezeBatchItemModel], { description: 'The last-seen accounts, most money first' }) items: FreezeBatchItemModel[];
  @Field(() => [FreezeBatchBankModel], { description: 'Per bank, most items first' }) banks: FreezeBatchBankModel[];
  @Field(() => FreezeBatchTotalsModel, { description: 'The batch in figures' }) totals: FreezeBatchTotalsModel;
}
