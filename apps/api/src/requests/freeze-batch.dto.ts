import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FREEZE_BATCH_KEY_MAX_LENGTH, Urgency } from '@caselink/domain';

/** Accounts a batch may name at most (a trace lists a few dozen last-seen accounts at the most). */
export const MAX_BATCH_ACCOUNTS = 200;

// Defaults of input fields live in the class (graphql-jit drops schema defaults of input fields).
@InputType({
  description:
    "Emergency stops for the last-seen accounts of a fund trace, each to its account's issuing bank, in one batch. Give the trace either as " +
    'transferId (run again now, as fundTrace does, up to 6 hops) or as fundTraceRunId (a background trace that is DONE)',
})
export class SendEmergencyStopsInput {
  @Field({
    description: `A key the client makes once per action (a UUID, 1-${FREEZE_BATCH_KEY_MAX_LENGTH} characters) and sends again when it retries: the same key answers ` +
      'the batch sent with it (replayed: true) and sends nothing twice; the same key for another trace is a CONFLICT',
  })
  @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(FREEZE_BATCH_KEY_MAX_LENGTH) clientKey: string;

  @Field(() => ID, { nullable: true, description: "The victim's transfer the trace starts from (Transfer.id, as fundTrace(transferId))" })
  @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) transferId?: string | null;

  @Field(() => Int, { nullable: true, description: 'With transferId: hops to follow, 1 to 6; 6 when left out' })
  @IsInt() @Min(1) @Max(6, { message: 'must not exceed 6 here; start a background trace (startFundTrace) for more and send from its run' })
  maxHops = 6;

  @Field(() => ID, { nullable: true, description: 'Or a background trace (FundTraceRun.id) that is DONE: its stored result is used' })
  @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) fundTraceRunId?: string | null;

  @Field({ description: 'Number of the legal document every stop carries (e.g. 紧急止付通知书)' })
  @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(100) legalBasisDoc: string;

  @Field(() => [String], {
    nullable: true,
    description: `Only these last-seen accounts (FundTraceNode.id), up to ${MAX_BATCH_ACCOUNTS}; every last-seen account of the trace when left out`,
  })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_BATCH_ACCOUNTS) @IsString({ each: true }) @MaxLength(64, { each: true }) accounts?: string[] | null;

  @Field(() => Urgency, { nullable: true, description: 'URGENT (the 30-minute deadline) when left out' }) @IsEnum(Urgency) urgency: Urgency = Urgency.URGENT;
}
