import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { CooperationKind, FreezeKind, IdentifierKind, LegalBasis, RequestState, RequestType, TelecomKind, Urgency } from '@caselink/domain';
import { PageArgs } from '../common/pagination';
import { RequestDirection } from '../cases/case.model';

// Defaults of input fields live in the classes (graphql-jit drops schema defaults of input fields).

@InputType({ description: 'A freeze or emergency stop for a bank' })
export class SendFreezeRequestInput {
  @Field(() => ID, { description: 'Your case' }) @IsUUID('all', { message: 'must be a UUID' }) caseId: string;
  @Field(() => ID, {
    description: "The bank (requestTargets(type: FREEZE)): the account's issuing bank when a bank registered its prefix (issuingBank(account)) — " +
      'BAD_USER_INPUT with reason WRONG_BANK naming that bank (extensions.issuingBankId) otherwise; any bank for an account no bank registered',
  }) @IsUUID('all', { message: 'must be a UUID' }) bankAgencyId: string;
  @Field(() => FreezeKind, { description: 'Emergency stop or freeze' }) @IsEnum(FreezeKind) kind: FreezeKind;
  @Field({ description: 'Card or account number' }) @IsString() @MinLength(1) @MaxLength(64) account: string;
  @Field(() => String, { nullable: true, description: 'The bank as named on the payment trail' }) @IsOptional() @IsString() @MaxLength(100) bankName?: string | null;
  @Field({ description: 'CNY to hold, more than 0, at most 2 decimals' }) @IsString() @MaxLength(24) amount: string;
  @Field({ description: 'Number of the legal document (e.g. 协助冻结财产通知书)' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(100) legalBasisDoc: string;
  @Field(() => Urgency, { nullable: true, description: 'URGENT when left out' }) @IsEnum(Urgency) urgency: Urgency = Urgency.URGENT;
  @Field(() => ID, { nullable: true, description: 'The transfer a fund trace followed to this account' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) sourceTransferId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Save as DRAFT instead of sending' }) @IsBoolean() draft = false;
}

@InputType({ description: 'A request for a telecom operator' })
export class SendTelecomRequestInput {
  @Field(() => ID, { description: 'Your case' }) @IsUUID('all', { message: 'must be a UUID' }) caseId: string;
  @Field(() => ID, { description: 'The operator (requestTargets(type: TELECOM))' }) @IsUUID('all', { message: 'must be a UUID' }) telecomAgencyId: string;
  @Field(() => TelecomKind, { description: 'What is asked' }) @IsEnum(TelecomKind) kind: TelecomKind;
  @Field(() => IdentifierKind, { description: 'PHONE for look-ups and suspensions, URL or DOMAIN for blocking' }) @IsEnum(IdentifierKind) targetKind: IdentifierKind;
  @Field({ description: 'The number, URL or domain (validated like a clue)' }) @IsString() @MinLength(1) @MaxLength(2048) targetValue: string;
  @Field({ description: 'Number of the legal document' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(100) legalBasisDoc: string;
  @Field(() => Urgency, { nullable: true, description: 'NORMAL when left out' }) @IsEnum(Urgency) urgency: Urgency = Urgency.NORMAL;
  @Field(() => Boolean, { nullable: true, description: 'Save as DRAFT instead of sending' }) @IsBoolean() draft = false;
}

@InputType({ description: 'An identifier of a subject' })
export class SubjectIdentifierInput {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) @IsEnum(IdentifierKind) kind: IdentifierKind;
  @Field({ description: 'The value as written' }) @IsString() @MinLength(1) @MaxLength(256) value: string;
}

@InputType({ description: 'A suspect to name in a cooperation request' })
export class SubjectInput {
  @Field({ description: 'Name (1–200 characters)' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(200) name: string;
  @Field(() => String, { nullable: true, description: 'Free note' }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
  @Field(() => [SubjectIdentifierInput], { nullable: true, description: 'Up to 50 identifiers' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubjectIdentifierInput)
  identifiers: SubjectIdentifierInput[] = [];
}

@InputType({ description: 'Evidence of the case to pass on, with its handling code ("may not pass on" material is refused)' })
export class RequestAttachmentInput {
  @Field(() => ID, { description: 'Attachment of the case' }) @IsUUID('all', { message: 'must be a UUID' }) attachmentId: string;
  @Field({ description: 'The partner may pass it on' }) @IsBoolean() mayPassOn: boolean;
  @Field({ description: 'The partner may use it in court' }) @IsBoolean() mayUseInCourt: boolean;
  @Field({ description: 'The partner must ask before acting on it' }) @IsBoolean() mustAskBeforeActing: boolean;
}

@InputType({ description: 'A cross-border cooperation request for a foreign partner agency' })
export class SendCooperationRequestInput {
  @Field(() => ID, { description: 'Your case' }) @IsUUID('all', { message: 'must be a UUID' }) caseId: string;
  @Field(() => ID, { description: 'The partner (requestTargets(type: COOPERATION))' }) @IsUUID('all', { message: 'must be a UUID' }) partnerAgencyId: string;
  @Field(() => CooperationKind, { description: 'What is asked' }) @IsEnum(CooperationKind) kind: CooperationKind;
  @Field(() => LegalBasis, { description: 'The legal ground' }) @IsEnum(LegalBasis) legalBasis: LegalBasis;
  @Field(() => String, { nullable: true, description: 'Treaty or request document reference' }) @IsOptional() @IsString() @MaxLength(100) legalBasisDoc?: string | null;
  @Field({ description: 'What is asked and why (1–4000 characters)' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(4000) summary: string;
  @Field(() => [SubjectInput], { nullable: true, description: 'Suspects to name (up to 50)' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubjectInput) subjects: SubjectInput[] = [];
  @Field(() => [RequestAttachmentInput], { nullable: true, description: 'Evidence to pass on (up to 50)' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => RequestAttachmentInput)
  attachments: RequestAttachmentInput[] = [];
  @Field(() => Urgency, { nullable: true, description: 'NORMAL when left out' }) @IsEnum(Urgency) urgency: Urgency = Urgency.NORMAL;
  @Field(() => Boolean, { nullable: true, description: 'Save as DRAFT instead of sending' }) @IsBoolean() draft = false;
}

@InputType({ description: 'Where money had gone from the frozen account' })
export class DownstreamTransferInput {
  @Field({ description: 'The receiving card or account' }) @IsString() @MinLength(1) @MaxLength(64) toAccount: string;
  @Field(() => String, { nullable: true, description: 'Its bank' }) @IsOptional() @IsString() @MaxLength(100) bank?: string | null;
  @Field({ description: 'Decimal CNY, more than 0' }) @IsString() @MaxLength(24) amount: string;
  @Field({ description: 'When it left' }) @Type(() => Date) @IsDate({ message: 'must be a date and time' }) occurredAt: Date;
}

@InputType({ description: "The bank's answer to a freeze or emergency stop" })
export class AnswerFreezeInput {
  @Field(() => ID, { description: 'Request id' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => RequestState, { description: 'FROZEN, PARTIALLY_FROZEN, NO_FUNDS, ACCOUNT_NOT_FOUND or REJECTED' }) @IsEnum(RequestState) outcome: RequestState;
  @Field(() => String, { nullable: true, description: 'Amount held (decimal CNY), for FROZEN and PARTIALLY_FROZEN' }) @IsOptional() @IsString() @MaxLength(24) amountHeld?: string | null;
  @Field(() => String, { nullable: true, description: 'The account balance (decimal CNY)' }) @IsOptional() @IsString() @MaxLength(24) balance?: string | null;
  @Field(() => String, { nullable: true, description: 'Needed for REJECTED' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string | null;
  @Field(() => [DownstreamTransferInput], { nullable: true, description: 'Transfers out of the account: they join the case as transactions and identifiers' }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DownstreamTransferInput)
  downstream: DownstreamTransferInput[] = [];
}

@InputType({ description: 'Subscriber details for a look-up' })
export class SubscriberInput {
  @Field(() => String, { nullable: true, description: 'Subscriber name' }) @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  @Field(() => String, { nullable: true, description: 'ID document number' }) @IsOptional() @IsString() @MaxLength(32) idNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Registered address' }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @Field(() => String, { nullable: true, description: 'Registration date (YYYY-MM-DD)' }) @IsOptional() @IsString() @MaxLength(32) registeredOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Anything else' }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

@InputType({ description: "The operator's answer to a telecom request" })
export class AnswerTelecomInput {
  @Field(() => ID, { description: 'Request id' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => RequestState, { description: 'COMPLETED, NOT_FOUND or REFUSED' }) @IsEnum(RequestState) outcome: RequestState;
  @Field(() => String, { nullable: true, description: 'Needed for REFUSED' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string | null;
  @Field(() => SubscriberInput, { nullable: true, description: 'For a COMPLETED subscriber look-up' }) @IsOptional() @ValidateNested() @Type(() => SubscriberInput) subscriber?: SubscriberInput | null;
}

@InputType({ description: 'Any other move of a request: cooperation progress and outcome, EXTENDED or RELEASED freezes, WITHDRAWN' })
export class ChangeRequestStateInput {
  @Field(() => ID, { description: 'Request id' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => RequestState, { description: 'The new state (one of allowedTransitions; CONFLICT naming the current state otherwise)' }) @IsEnum(RequestState) to: RequestState;
  @Field(() => String, { nullable: true, description: 'A note for the thread' }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
  @Field(() => String, { nullable: true, description: 'The new legal document, for EXTENDED' }) @IsOptional() @IsString() @MaxLength(100) legalBasisDoc?: string | null;
}

@ArgsType()
export class RequestListArgs extends PageArgs {
  @Field(() => RequestDirection, { description: 'INCOMING (addressed to your agency) or OUTGOING (sent by it)' }) @IsEnum(RequestDirection) direction: RequestDirection;
  @Field(() => RequestType, { nullable: true, description: 'Only this type' }) @IsOptional() @IsEnum(RequestType) type?: RequestType | null;
  @Field(() => [RequestState], { nullable: true, description: 'Only these states' }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsEnum(RequestState, { each: true }) states?: RequestState[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only overdue ones' }) @IsOptional() @IsBoolean() overdueOnly?: boolean | null;
}
