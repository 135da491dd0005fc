import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsUUID, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IdentifierKind, MAX_TRACE_HOPS } from '@caselink/domain';
import { PageArgs } from '../common/pagination';
import { HubDecision } from './linking.model';

@InputType({ description: 'A benign value that must never link cases' })
export class AddWarninglistEntryInput {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) @IsEnum(IdentifierKind) kind: IdentifierKind;
  @Field({ description: 'The value as written (normalised like a clue)' }) @IsString() @MinLength(1) @MaxLength(256) value: string;
  @Field({ description: 'Why this value is benign (shown to every agency)' }) @IsString() @MinLength(3) @MaxLength(500) reason: string;
}

@InputType({ description: "A supervisor's decision on a hub" })
export class ReviewHubInput {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) @IsEnum(IdentifierKind) kind: IdentifierKind;
  @Field({ description: 'The value as shown in hubReviews' }) @IsString() @MinLength(1) @MaxLength(256) value: string;
  @Field(() => HubDecision, { description: 'Confirm it or warninglist it' }) @IsEnum(HubDecision) decision: HubDecision;
  @Field(() => String, { nullable: true, description: 'Needed for WARNINGLIST' }) @IsOptional() @IsString() @MaxLength(500) reason?: string | null;
}

@ArgsType()
export class WarninglistArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a value or reason' }) @IsOptional() @IsString() @MaxLength(100) search?: string | null;
}

@ArgsType()
export class FundTraceArgs {
  @Field(() => ID, { description: "The victim's transfer to start from (Transfer.id)" }) @IsUUID('all', { message: 'must be a UUID' }) transferId: string;

  @Field(() => Int, { defaultValue: 6, description: 'Hops to follow, 1 to 6 (use startFundTrace for up to 12)' })
  @IsInt() @Min(1) @Max(6, { message: 'must not exceed 6 here; startFundTrace follows up to 12 hops' })
  maxHops = 6;
}

@ArgsType()
export class StartFundTraceArgs {
  @Field(() => ID, { description: "The victim's transfer to start from (Transfer.id)" }) @IsUUID('all', { message: 'must be a UUID' }) transferId: string;

  @Field(() => Int, { description: 'Hops to follow, 1 to 12' }) @IsInt() @Min(1) @Max(MAX_TRACE_HOPS, { message: `must not exceed ${MAX_TRACE_HOPS}` }) maxHops: number;
}
