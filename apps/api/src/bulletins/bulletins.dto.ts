import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AgencyKind, FraudType, IdentifierKind, MAX_BULLETIN_BODY, MAX_BULLETIN_IDENTIFIERS, MAX_BULLETIN_RECIPIENT_AGENCIES, MAX_BULLETIN_TITLE } from '@caselink/domain';
import { PageArgs } from '../common/pagination';

const notEmpty = { message: 'must not be empty' };

@InputType({ description: 'What readers may do with a bulletin (as on shared cases)' })
export class BulletinHandlingInput {
  @Field({ description: 'Readers may pass it on' }) @IsBoolean() mayPassOn: boolean;
  @Field({ description: 'Readers may use it in court' }) @IsBoolean() mayUseInCourt: boolean;
  @Field({ description: 'Readers must ask the publisher before acting on it' }) @IsBoolean() mustAskBeforeActing: boolean;
}

@InputType({ description: 'A value to watch for' })
export class BulletinIdentifierInput {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) @IsEnum(IdentifierKind, { message: 'must be an identifier kind' }) kind: IdentifierKind;
  @Field({ description: 'The value as written; validated and normalised like a clue (BAD_USER_INPUT on input.identifiers.<i>.value; warninglisted values are refused)' }) @IsString() @MaxLength(2048) value: string;
}

@InputType({ description: 'A bulletin to publish; at least one recipient kind or agency' })
export class PublishBulletinInput {
  @Field({ description: 'Title (1–200 characters)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(MAX_BULLETIN_TITLE) title: string;
  @Field({ description: 'The warning (1–20000 characters)' }) @IsString() @MinLength(1, notEmpty) @MaxLength(MAX_BULLETIN_BODY) body: string;
  @Field(() => FraudType, { description: 'The fraud type it warns of' }) @IsEnum(FraudType, { message: 'must be one of the fraud types' }) fraudType: FraudType;
  @Field(() => BulletinHandlingInput, { description: 'What readers may do with it' }) @ValidateNested() @Type(() => BulletinHandlingInput) handling: BulletinHandlingInput;
  @Field(() => [AgencyKind], { nullable: true, description: 'Every agency of these kinds (POLICE, BANK, TELECOM, FOREIGN_PARTNER)' })
  @IsArray() @ArrayMaxSize(4) @IsEnum(AgencyKind, { each: true, message: 'must be agency kinds' }) recipientKinds: AgencyKind[] = [];
  @Field(() => [ID], { nullable: true, description: 'Chosen agencies besides those kinds' })
  @IsArray() @ArrayMaxSize(MAX_BULLETIN_RECIPIENT_AGENCIES) @IsUUID('all', { each: true, message: 'must be agency ids' }) recipientAgencyIds: string[] = [];
  @Field(() => [BulletinIdentifierInput], { nullable: true, description: 'Identifiers to watch: validated and normalised like clues' })
  @IsArray() @ArrayMaxSize(MAX_BULLETIN_IDENTIFIERS) @ValidateNested({ each: true }) @Type(() => BulletinIdentifierInput) identifiers: BulletinIdentifierInput[] = [];
}

@ArgsType()
export class BulletinListArgs extends PageArgs {
  @Field(() => FraudType, { nullable: true, description: 'Only this fraud type' }) @IsOptional() @IsEnum(FraudType) fraudType?: FraudType | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those the viewer has not opened' }) @IsBoolean() unreadOnly = false;
}
