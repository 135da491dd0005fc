import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { AgencyKind, LOGIN_POLICY } from '@caselink/domain';

@InputType()
export class CreateAgencyInput {
  @Field() @IsString() @MinLength(2, { message: 'must have at least 2 characters' }) @MaxLength(120) name: string;
  @Field() @IsString() @MinLength(2, { message: 'must have at least 2 characters' }) @MaxLength(160) nameEn: string;
  @Field(() => AgencyKind) @IsEnum(AgencyKind, { message: 'must be POLICE, BANK, TELECOM or FOREIGN_PARTNER' }) kind: AgencyKind;
  @Field({ description: 'GB/T 2260 code, or ISO 3166-1 alpha-2 for a foreign partner' }) @IsString() @MaxLength(6) region: string;
  @Field() @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) adminEmail: string;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(120) adminDisplayName: string;
  @Field()
  @IsString()
  @MinLength(LOGIN_POLICY.minPasswordLength, { message: `must be at least ${LOGIN_POLICY.minPasswordLength} characters` })
  @MaxLength(256)
  adminPassword: string;
}
