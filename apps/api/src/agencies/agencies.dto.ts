import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { AgencyKind, LOGIN_POLICY } from '@caselink/domain';

@InputType({ description: 'A new agency and its first admin' })
export class CreateAgencyInput {
  @Field({ description: 'Name in Chinese (2–120 characters)' }) @IsString() @MinLength(2, { message: 'must have at least 2 characters' }) @MaxLength(120) name: string;
  @Field({ description: 'Name in English (2–160 characters)' }) @IsString() @MinLength(2, { message: 'must have at least 2 characters' }) @MaxLength(160) nameEn: string;
  @Field(() => AgencyKind, { description: 'What kind of body it is' }) @IsEnum(AgencyKind, { message: 'must be POLICE, BANK, TELECOM or FOREIGN_PARTNER' }) kind: AgencyKind;
  @Field({ description: 'GB/T 2260 code, or ISO 3166-1 alpha-2 for a foreign partner' }) @IsString() @MaxLength(6) region: string;
  @Field({ description: "The first admin's e-mail (their log-in)" }) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) adminEmail: string;
  @Field({ description: "The first admin's name as others see it" }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(120) adminDisplayName: string;
  @Field({ description: "The first admin's initial password (at least the minimum length of the log-in policy)" })
  @IsString()
  @MinLength(LOGIN_POLICY.minPasswordLength, { message: `must be at least ${LOGIN_POLICY.minPasswordLength} characters` })
  @MaxLength(256)
  adminPassword: string;
}
