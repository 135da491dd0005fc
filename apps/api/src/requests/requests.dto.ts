import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { CooperationKind, FreezeKind, IdentifierKind, LegalBasis, RequestState, RequestType, TelecomKind, Urgency } from '@caselink/domain';
import { PageArgs } from '../common/pagination';
import { RequestDirection } from '../cases/case.model';

// Defaults of input fields live in the classes (graphql-jit drops schema defaults of input fields).

@InputType()
export class SendFreezeRequestInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) caseId: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) bankAgencyId: string;
  @Field(() => FreezeKind) @IsEnum(FreezeKind) kind: FreezeKind;
  @Field({ description: 'Card or account number' }) @IsString() @MinLength(1) @MaxLength(64) account: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) bankName?: string | null;
  @Field({ description: 'CNY to hold, more than 0, at most 2 decimals' }) @IsString() @MaxLength(24) amount: string;
  @Field({ description: 'Number of the legal document (e.g. 协助冻结财产通知书)' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(100) legalBasisDoc: string;
  @Field(() => Urgency, { nullable: true, description: 'URGENT when left out' }) @IsEnum(Urgency) urgency: Urgency = Urgency.URGENT;
  @Field(() => ID, { nullable: true, description: 'The transfer a fund trace followed to this account' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) sourceTransferId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Save as DRAFT instead of sending' }) @IsBoolean() draft = false;
}

@InputType()
export class SendTelecomRequestInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) caseId: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) telecomAgencyId: string;
  @Field(() => TelecomKind) @IsEnum(TelecomKind) kind: TelecomKind;
  @Field(() => IdentifierKind) @IsEnum(IdentifierKind) targetKind: IdentifierKind;
  @Field() @IsString() @MinLength(1) @MaxLength(2048) targetValue: string;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(100) legalBasisDoc: string;
  @Field(() => Urgency, { nullable: true, description: 'NORMAL when left out' }) @IsEnum(Urgency) urgency: Urgency = Urgency.NORMAL;
  @Field(() => Boolean, { nullable: true }) @IsBoolean() draft = false;
}

@InputType()
export class SubjectIdentifierInput {
  @Field(() => IdentifierKind) @IsEnum(IdentifierKind) kind: IdentifierKind;
  @Field() @IsString() @MinLength(1) @MaxLength(256) value: string;
}

@InputType()
export class SubjectInput {
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
  @Field(() => [SubjectIdentifierInput], { nullable: true }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubjectIdentifierInput)
  identifiers: SubjectIdentifierInput[] = [];
}

@InputType()
export class RequestAttachmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) attachmentId: string;
  @Field() @IsBoolean() mayPassOn: boolean;
  @Field() @IsBoolean() mayUseInCourt: boolean;
  @Field() @IsBoolean() mustAskBeforeActing: boolean;
}

@InputType()
export class SendCooperationRequestInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) caseId: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) partnerAgencyId: string;
  @Field(() => CooperationKind) @IsEnum(CooperationKind) kind: CooperationKind;
  @Field(() => LegalBasis) @IsEnum(LegalBasis) legalBasis: LegalBasis;
  @Field(() => String, { nullable: true, description: 'Treaty or request document reference' }) @IsOptional() @IsString() @MaxLength(100) legalBasisDoc?: string | null;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(4000) summary: string;
  @Field(() => [SubjectInput], { nullable: true }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubjectInput) subjects: SubjectInput[] = [];
  @Field(() => [RequestAttachmentInput], { nullable: true }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => RequestAttachmentInput)
  attachments: RequestAttachmentInput[] = [];
  @Field(() => Urgency, { nullable: true, description: 'NORMAL when left out' }) @IsEnum(Urgency) urgency: Urgency = Urgency.NORMAL;
  @Field(() => Boolean, { nullable: true }) @IsBoolean() draft = false;
}

@InputType()
export class DownstreamTransferInput {
  @Field() @IsString() @MinLength(1) @MaxLength(64) toAccount: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) bank?: string | null;
  @Field() @IsString() @MaxLength(24) amount: string;
  @Field() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) occurredAt: Date;
}

@InputType()
export class AnswerFreezeInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => RequestState, { description: 'FROZEN, PARTIALLY_FROZEN, NO_FUNDS, ACCOUNT_NOT_FOUND or REJECTED' }) @IsEnum(RequestState) outcome: RequestState;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(24) amountHeld?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(24) balance?: string | null;
  @Field(() => String, { nullable: true, description: 'Needed for REJECTED' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string | null;
  @Field(() => [DownstreamTransferInput], { nullable: true }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DownstreamTransferInput)
  downstream: DownstreamTransferInput[] = [];
}

@InputType()
export class SubscriberInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(32) idNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(32) registeredOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

@InputType()
export class AnswerTelecomInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => RequestState, { description: 'COMPLETED, NOT_FOUND or REFUSED' }) @IsEnum(RequestState) outcome: RequestState;
  @Field(() => String, { nullable: true, description: 'Needed for REFUSED' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string | null;
  @Field(() => SubscriberInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SubscriberInput) subscriber?: SubscriberInput | null;
}

@InputType()
export class ChangeRequestStateInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => RequestState) @IsEnum(RequestState) to: RequestState;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
  @Field(() => String, { nullable: true, description: 'The new legal document, for EXTENDED' }) @IsOptional() @IsString() @MaxLength(100) legalBasisDoc?: string | null;
}

@ArgsType()
export class RequestListArgs extends PageArgs {
  @Field(() => RequestDirection) @IsEnum(RequestDirection) direction: RequestDirection;
  @Field(() => RequestType, { nullable: true }) @IsOptional() @IsEnum(RequestType) type?: RequestType | null;
  @Field(() => [RequestState], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsEnum(RequestState, { each: true }) states?: RequestState[] | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() overdueOnly?: boolean | null;
}
