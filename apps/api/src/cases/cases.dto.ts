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

@InputType()
export class CaseFilter {
  @Field(() => [FraudType], { nullable: true }) @IsOptional() @IsEnum(FraudType, { each: true }) fraudTypes?: FraudType[];
  @Field(() => [CaseStatus], { nullable: true }) @IsOptional() @IsEnum(CaseStatus, { each: true }) statuses?: CaseStatus[];
  @Field({ nullable: true, description: '2-digit GB/T 2260 province code' }) @IsOptional() @Matches(PROVINCE, { message: 'must be a 2-digit province code such as 44' }) province?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) reportedFrom?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) reportedTo?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() minLoss?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() maxLoss?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be an agency id' }) owningAgencyId?: string;
  @Field({ nullable: true, description: 'Titles, narratives and identifiers' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
}

@ArgsType()
export class CaseListArgs extends PageArgs {
  @Field(() => CaseFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CaseFilter) filter?: CaseFilter;
}

@InputType()
export class CreateCaseInput {
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(200) title: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @Field(() => FraudType) @IsEnum(FraudType, { message: 'must be one of the fraud types' }) fraudType: FraudType;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) reportedOn: string;
  // Defaults of input fields live in the class, not the schema: graphql-jit (jit: 2) drops schema defaults
  // of input object fields once a document is compiled.
  @Field(() => Sensitivity, { nullable: true, description: 'NORMAL when left out' }) @IsEnum(Sensitivity) sensitivity: Sensitivity = Sensitivity.NORMAL;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(34) @Matches(PROVINCE, { each: true, message: 'must hold 2-digit province codes such as 44' }) provinces?: string[];
}

@InputType()
export class VictimInput {
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(100) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) idNumber?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(130) age?: number;
  @Field({ nullable: true }) @IsOptional() @IsIn(['M', 'F', 'X'], { message: 'must be M, F or X' }) gender?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(PROVINCE, { message: 'must be a 2-digit province code such as 11' }) province?: string;
}

@InputType()
export class TransferInput {
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(100) fromAccount: string;
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(100) toAccount: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) bank?: string;
  @Field() @IsString() amount: string;
  @Field() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) occurredAt: Date;
  @Field(() => PaymentChannel) @IsEnum(PaymentChannel) channel: PaymentChannel;
}

@InputType()
export class AddStatementInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field(() => VictimInput) @ValidateNested() @Type(() => VictimInput) victim: VictimInput;
  @Field() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) takenAt: Date;
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(200) place: string;
  @Field({ nullable: true }) @IsOptional() @Matches(PROVINCE, { message: 'must be a 2-digit province code such as 11' }) province?: string;
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(50_000) narrative: string;
  @Field() @IsString() reportedLoss: string;
  @Field(() => [TransferInput], { nullable: true, description: 'None when left out' }) @IsArray({ message: 'must be a list (or left out)' }) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TransferInput) transfers: TransferInput[] = [];
}

@InputType()
export class AddIdentifierInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field(() => IdentifierKind) @IsEnum(IdentifierKind) kind: IdentifierKind;
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(2048) value: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType()
export class ShareCaseInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be an agency id' }) agencyId: string;
  @Field(() => CaseAccess) @IsEnum(CaseAccess) access: CaseAccess;
  @Field() @IsBoolean() mayPassOn: boolean;
  @Field() @IsBoolean() mayUseInCourt: boolean;
  @Field() @IsBoolean() mustAskBeforeActing: boolean;
}

@InputType()
export class RequestAccessInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(2000) reason: string;
}

@InputType()
export class DecideAccessRequestInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a request id' }) id: string;
  @Field() @IsBoolean() approve: boolean;
  @Field(() => CaseAccess, { nullable: true, description: 'READ when left out' }) @IsEnum(CaseAccess) access: CaseAccess = CaseAccess.READ;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@ArgsType()
export class AccessRequestArgs extends PageArgs {
  @Field(() => RequestDirection) @IsEnum(RequestDirection) direction: RequestDirection;
  @Field(() => AccessRequestStatusEnum, { nullable: true }) @IsOptional() @IsEnum(AccessRequestStatusEnum) status?: AccessRequestStatusEnum;
}

