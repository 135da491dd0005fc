import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AgencyKind, FraudType, IdentifierKind, MAX_BULLETIN_BODY, MAX_BULLETIN_IDENTIFIERS, MAX_BULLETIN_RECIPIENT_AGENCIES, MAX_BULLETIN_TITLE } from '@caselink/domain';
import { PageArgs } from '../common/pagination';

const notEmpty = { message: 'must not be empty' };

@InputType()
export class BulletinHandlingInput {
  @Field() @IsBoolean() mayPassOn: boolean;
  @Field() @IsBoolean() mayUseInCourt: boolean;
  @Field() @IsBoolean() mustAskBeforeActing: boolean;
}

@InputType()
export class BulletinIdentifierInput {
  @Field(() => IdentifierKind) @IsEnum(IdentifierKind, { message: 'must be an identifier kind' }) kind: IdentifierKind;
  @Field() @IsString() @MaxLength(2048) value: string;
}

@InputType()
export class PublishBulletinInput {
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(MAX_BULLETIN_TITLE) title: string;
  @Field() @IsString() @MinLength(1, notEmpty) @MaxLength(MAX_BULLETIN_BODY) body: string;
  @Field(() => FraudType) @IsEnum(FraudType, { message: 'must be one of the fraud types' }) fraudType: FraudType;
  @Field(() => BulletinHandlingInput) @ValidateNested() @Type(() => BulletinHandlingInput) handling: BulletinHandlingInput;
  @Field(() => [AgencyKind], { nullable: true, description: 'Every agency of these kinds (POLICE, BANK, TELECOM, FOREIGN_PARTNER)' })
  @IsArray() @ArrayMaxSize(4) @IsEnum(AgencyKind, { each: true, message: 'must be agency kinds' }) recipientKinds: AgencyKind[] = [];
  @Field(() => [ID], { nullable: true, description: 'Chosen agencies besides those kinds' })
  @IsArray() @ArrayMaxSize(MAX_BULLETIN_RECIPIENT_AGENCIES) @IsUUID('all', { each: true, message: 'must be agency ids' }) recipientAgencyIds: string[] = [];
  @Field(() => [BulletinIdentifierInput], { nullable: true, description: 'Identifiers to watch: validated and normalised like clues' })
  @IsArray() @ArrayMaxSize(MAX_BULLETIN_IDENTIFIERS) @ValidateNested({ each: true }) @Type(() => BulletinIdentifierInput) identifiers: BulletinIdentifierInput[] = [];
}

@ArgsType()
export class BulletinListArgs extends PageArgs {
  @Field(() => FraudType, { nullable: true }) @IsOptional() @IsEnum(FraudType) fraudType?: FraudType | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those the viewer has not opened' }) @IsBoolean() unreadOnly = false;
}
