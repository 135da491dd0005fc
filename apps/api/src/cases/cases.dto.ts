import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { CaseAccess, CaseStatus, FraudType, IdentifierKind, PaymentChannel, Sensitivity } from '@caselink/domain';
import { PageArgs } from '../common/pagination';
import { AccessRequestStatusEnum, RequestDirection } from './case.model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PROVINCE = /^\d{2}$/;
const notEmpty = { message: 'must not be empty' };

@InputType({ description: 'Narrows the case list; every given condition must hold' })
export class CaseFilter {
  @Field(() => [FraudType], { nullable: true, description: 'Any of these fraud types' }) @IsOptional() @IsEnum(FraudType, { each: true }) fraudTypes?: FraudType[];
  @Field(() => [CaseStatus], { nullable: true, description: 'Any of these states' }) @IsOptional() @IsEnum(CaseStatus, { each: true }) statuses?: CaseStatus[];
  @Field({ nullable: true, description: '2-digit GB/T 2260 province code' }) @IsOptional() @Matches(PROVINCE, { message: 'must be a 2-digit province code such as 44' }) province?: string;
  @Field({ nullable: true, description: 'Reported on or after (YYYY-MM-DD)' }) @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) reportedFrom?: string;
  @Field({ nullable: true, description: 'Reported on or before (YYYY-MM-DD)' }) @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) reportedTo?: string;
  @Field({ nullable: true, description: 'Total loss at least (decimal CNY)' }) @IsOptional() @IsString() minLoss?: string;
  @Field({ nullable: true, description: 'Total loss at most (decimal CNY)' }) @IsOptional() @IsString() maxLoss?: string;
  @Field(() => ID, { nullable: true, description: 'Owned by this agency' }) @IsOptional() @IsUUID('all', { message: 'must be an agency id' }) owningAgencyId?: string;
  @Field({ nullable: true, description: 'Titles, narratives and identifiers' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @Field({ nullable: true, description: 'Also list closed archive records (such as the judgments loaded for the outcome analytics); left out: working cases only' })
  @IsOptional() @IsBoolean() includeArchived?: boolean;
}

@ArgsType()
export class CaseListArgs extends PageArgs {
  @Field(() => CaseFilter, { nullable: true, description: 'Conditions; all cases the caller may see when left out' }) @IsOptional() @ValidateNested() @Type(() => CaseFilter) filter?: CaseFilter;
}

@InputType({ description: "A new case of the caller's agency" })
export class CreateCaseInput {
  @Field({ description: 'Short title (1–200 characters)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(200) title: string;
  @Field({ nullable: true, description: 'Longer description (up to 10,000 characters)' }) @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @Field(() => FraudType, { description: 'Fraud type' }) @IsEnum(FraudType, { message: 'must be one of the fraud types' }) fraudType: FraudType;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) reportedOn: string;
  // Defaults of input fields live in the class, not the schema: graphql-jit (jit: 2) drops schema defaults
  // of input object fields once a document is compiled.
  @Field(() => Sensitivity, { nullable: true, description: 'NORMAL when left out' }) @IsEnum(Sensitivity) sensitivity: Sensitivity = Sensitivity.NORMAL;
  @Field(() => [String], { nullable: true, description: '2-digit GB/T 2260 codes of the provinces involved' }) @IsOptional() @ArrayMaxSize(34) @Matches(PROVINCE, { each: true, message: 'must hold 2-digit province codes such as 44' }) provinces?: string[];
}

@InputType({ description: 'The victim of a statement' })
export class VictimInput {
  @Field({ description: 'Name (1–100 characters)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(100) name: string;
  @Field({ nullable: true, description: '18-character resident ID number (checksum-validated); stored, shown masked' }) @IsOptional() @IsString() @MaxLength(40) idNumber?: string;
  @Field({ nullable: true, description: 'Phone number; stored, shown masked' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @Field(() => Int, { nullable: true, description: 'Age in years (0–130)' }) @IsOptional() @IsInt() @Min(0) @Max(130) age?: number;
  @Field({ nullable: true, description: 'M, F or X' }) @IsOptional() @IsIn(['M', 'F', 'X'], { message: 'must be M, F or X' }) gender?: string;
  @Field({ nullable: true, description: '2-digit GB/T 2260 province code of residence' }) @IsOptional() @Matches(PROVINCE, { message: 'must be a 2-digit province code such as 11' }) province?: string;
}

@InputType({ description: 'A transfer of the payment trail' })
export class TransferInput {
  @Field({ description: 'Paying account (card or account number; wallet for CRYPTO)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(100) fromAccount: string;
  @Field({ description: 'Receiving account (card or account number; wallet for CRYPTO)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(100) toAccount: string;
  @Field({ nullable: true, description: 'Receiving bank' }) @IsOptional() @IsString() @MaxLength(100) bank?: string;
  @Field({ description: 'Decimal CNY, more than 0, at most 2 decimals' }) @IsString() amount: string;
  @Field({ description: 'When the money moved' }) @Type(() => Date) @IsDate({ message: 'must be a date and time' }) occurredAt: Date;
  @Field(() => PaymentChannel, { description: 'How it moved' }) @IsEnum(PaymentChannel) channel: PaymentChannel;
}

@InputType({ description: 'A victim statement and its payment trail' })
export class AddStatementInput {
  @Field(() => ID, { description: 'The case (OWNER or CONTRIBUTE access)' }) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field(() => VictimInput, { description: 'The victim' }) @ValidateNested() @Type(() => VictimInput) victim: VictimInput;
  @Field({ description: 'When it was taken' }) @Type(() => Date) @IsDate({ message: 'must be a date and time' }) takenAt: Date;
  @Field({ description: 'Where it was taken (1–200 characters)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(200) place: string;
  @Field({ nullable: true, description: '2-digit GB/T 2260 province code where it was taken' }) @IsOptional() @Matches(PROVINCE, { message: 'must be a 2-digit province code such as 11' }) province?: string;
  @Field({ description: 'What the victim said happened' }) @IsString() @MinLength(1, notEmpty) @MaxLength(50_000) narrative: string;
  @Field({ description: 'Loss the victim reported, decimal CNY, at most 2 decimals' }) @IsString() reportedLoss: string;
  @Field(() => [TransferInput], { nullable: true, description: 'None when left out' }) @IsArray({ message: 'must be a list (or left out)' }) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TransferInput) transfers: TransferInput[] = [];
}

@InputType({ description: 'A clue to add to a case by hand' })
export class AddIdentifierInput {
  @Field(() => ID, { description: 'The case (OWNER or CONTRIBUTE access)' }) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) @IsEnum(IdentifierKind) kind: IdentifierKind;
  @Field({ description: 'The value as written; validated and normalised (a bad one is BAD_USER_INPUT on input.value with the reason)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(2048) value: string;
  @Field({ nullable: true, description: 'Free note (up to 500 characters)' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType({ description: 'Share a case with another police agency' })
export class ShareCaseInput {
  @Field(() => ID, { description: 'The case (owner only)' }) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field(() => ID, { description: 'The police agency to share with' }) @IsUUID('all', { message: 'must be an agency id' }) agencyId: string;
  @Field(() => CaseAccess, { description: 'What the share grants' }) @IsEnum(CaseAccess) access: CaseAccess;
  @Field({ description: 'The receiver may pass the material on' }) @IsBoolean() mayPassOn: boolean;
  @Field({ description: 'The receiver may use it in court' }) @IsBoolean() mayUseInCourt: boolean;
  @Field({ description: 'The receiver must ask before acting on it' }) @IsBoolean() mustAskBeforeActing: boolean;
}

@InputType({ description: 'Ask the owner of a case for access' })
export class RequestAccessInput {
  @Field(() => ID, { description: "The case (a blind hit's caseRef)" }) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field({ description: 'Why you need it (1–2000 characters)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(2000) reason: string;
}

@InputType({ description: "The owner's decision on an access request" })
export class DecideAccessRequestInput {
  @Field(() => ID, { description: 'Access request id' }) @IsUUID('all', { message: 'must be a request id' }) id: string;
  @Field({ description: 'true shares the case with the requester, false denies' }) @IsBoolean() approve: boolean;
  @Field(() => CaseAccess, { nullable: true, description: 'READ when left out' }) @IsEnum(CaseAccess) access: CaseAccess = CaseAccess.READ;
  @Field({ nullable: true, description: 'A note to the requester' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@ArgsType()
export class AccessRequestArgs extends PageArgs {
  @Field(() => RequestDirection, { description: 'Requests of your agency (OUTGOING) or about its cases (INCOMING)' }) @IsEnum(RequestDirection) direction: RequestDirection;
  @Field(() => AccessRequestStatusEnum, { nullable: true, description: 'Only this status' }) @IsOptional() @IsEnum(AccessRequestStatusEnum) status?: AccessRequestStatusEnum;
}

