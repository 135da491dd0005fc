import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min,
} from 'class-validator';
import { Charge, Education, Employment, FraudType, MAX_AGE_AT_OFFENCE, MIN_AGE_AT_OFFENCE, Penalty, PROVINCES, SuspectRole } from '@caselink/domain';

// Defaults of input fields live in the classes (graphql-jit drops schema defaults of input fields).

const PROVINCE_CODES = Object.keys(PROVINCES);
export const FIRST_VERDICT_YEAR = 1997;
export const LAST_VERDICT_YEAR = 2100;

@InputType({ description: 'A suspect to record on a case' })
export class AddSuspectInput {
  @Field(() => ID, { description: 'The case (OWNER or CONTRIBUTE)' }) @IsUUID('all', { message: 'must be a UUID' }) caseId: string;
  @Field(() => String, { nullable: true, description: 'How the case calls the suspect (e.g. 张某)' }) @IsOptional() @IsString() @MaxLength(100) alias?: string | null;
  @Field(() => SuspectRole, { description: 'Where in the fraud chain they stood' }) @IsEnum(SuspectRole) role: SuspectRole;
  @Field(() => Int, { nullable: true, description: `Whole years at the offence, ${MIN_AGE_AT_OFFENCE}-${MAX_AGE_AT_OFFENCE}` })
  @IsOptional() @IsInt({ message: 'must be a whole number of years' }) @Min(MIN_AGE_AT_OFFENCE, { message: `must be at least ${MIN_AGE_AT_OFFENCE}` })
  @Max(MAX_AGE_AT_OFFENCE, { message: `must be at most ${MAX_AGE_AT_OFFENCE}` })
  ageAtOffence?: number | null;
  @Field(() => Education, { nullable: true, description: 'Highest education completed' }) @IsOptional() @IsEnum(Education) education?: Education | null;
  @Field(() => Employment, { nullable: true, description: 'Employment at the offence' }) @IsOptional() @IsEnum(Employment) employment?: Employment | null;
  @Field(() => [Charge], { description: 'At least one' }) @IsArray() @ArrayMinSize(1, { message: 'must name at least one charge' }) @ArrayMaxSize(8) @IsEnum(Charge, { each: true })
  charges: Charge[];
  @Field(() => String, { nullable: true, description: '18-character ID number, checksum-validated; only a keyed hash of it is stored' })
  @IsOptional() @IsString() @MaxLength(32) idNumber?: string | null;
}

@InputType({ description: 'The judgment on a suspect' })
export class RecordJudgmentInput {
  @Field(() => ID, { description: 'The suspect' }) @IsUUID('all', { message: 'must be a UUID' }) suspectId: string;
  @Field({ description: 'YYYY-MM-DD, not in the future' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }) verdictDate: string;
  @Field({ description: 'The court (up to 200 characters)' }) @IsString() @MaxLength(200) court: string;
  @Field(() => String, { nullable: true, description: 'The judgment document number, e.g. （2021）粤0304刑初123号' }) @IsOptional() @IsString() @MaxLength(100) judgmentNumber?: string | null;
  @Field(() => Penalty, { description: 'The principal penalty' }) @IsEnum(Penalty) penalty: Penalty;
  @Field(() => Int, { nullable: true, description: 'Needed for fixed terms (6-300), detention (1-6) and surveillance (3-24)' })
  @IsOptional() @IsInt({ message: 'must be a whole number of months' }) sentenceMonths?: number | null;
  @Field({ description: 'Only with criminal detention or a fixed term of at most 36 months' }) @IsBoolean() probation: boolean;
  @Field(() => String, { nullable: true, description: 'CNY, at most 2 decimals; needed for FINE_ONLY' }) @IsOptional() @IsString() @MaxLength(24) fine?: string | null;
}

@InputType({ description: 'Every part narrows; lists match any of their values' })
export class OutcomeFilter {
  @Field(() => Int, { nullable: true, description: 'Verdict year from (inclusive)' })
  @IsOptional() @IsInt({ message: 'must be a year' }) @Min(FIRST_VERDICT_YEAR, { message: `must be ${FIRST_VERDICT_YEAR} or later` })
  @Max(LAST_VERDICT_YEAR, { message: `must be ${LAST_VERDICT_YEAR} or earlier` })
  yearFrom?: number | null;
  @Field(() => Int, { nullable: true, description: 'Verdict year to (inclusive)' })
  @IsOptional() @IsInt({ message: 'must be a year' }) @Min(FIRST_VERDICT_YEAR, { message: `must be ${FIRST_VERDICT_YEAR} or later` })
  @Max(LAST_VERDICT_YEAR, { message: `must be ${LAST_VERDICT_YEAR} or earlier` })
  yearTo?: number | null;
  @Field(() => [FraudType], { nullable: true, description: "The case's fraud type" })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEnum(FraudType, { each: true }) fraudTypes?: FraudType[] | null;
  @Field(() => [String], { nullable: true, description: '2-digit GB/T 2260 province codes: cases involving any of them' })
  @IsOptional() @IsArray() @ArrayMaxSize(40) @IsIn(PROVINCE_CODES, { each: true, message: 'must hold 2-digit province codes such as 44' })
  provinces?: string[] | null;
  @Field(() => [Charge], { nullable: true, description: 'Judgments naming any of these charges' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEnum(Charge, { each: true }) charges?: Charge[] | null;
  @Field(() => [SuspectRole], { nullable: true, description: 'Suspects with any of these roles' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEnum(SuspectRole, { each: true }) roles?: SuspectRole[] | null;
}
