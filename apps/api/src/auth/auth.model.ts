import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SecondFactorMethod } from '@caselink/domain';
import { UserModel } from '../users/user.model';

registerEnumType(SecondFactorMethod, { name: 'SecondFactorMethod', description: 'What the second step of a log-in may use' });

@InputType()
export class LoginInput {
  @Field() @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email: string;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(256) password: string;
}

@ObjectType({ description: 'The password was right: the second step is due (or, first, enrolling a factor the agency requires)' })
export class SecondFactorChallenge {
  @Field({ description: 'Single use; links the password step to verifySecondFactor' }) challenge: string;
  @Field() expiresAt: Date;
  @Field(() => [SecondFactorMethod]) methods: SecondFactorMethod[];
  @Field({ description: 'The agency requires a second factor and the user has none yet' }) enrolmentRequired: boolean;
  @Field(() => String, { nullable: true, description: 'With enrolmentRequired: an access token that can only enrol a factor' })
  enrolmentToken: string | null;
}

/**
 * A sign-in's state: either a session (accessToken, expiresAt, user) or, after a right password, the second step
 * that is due (secondFactor). refreshSession, verifySecondFactor and unlockSession always return a session.
 */
@ObjectType()
export class AuthPayload {
  @Field(() => String, { nullable: true }) accessToken: string | null;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => UserModel, { nullable: true }) user: UserModel | null;
  @Field(() => Date, { nullable: true, description: 'The session ends then however often it is refreshed' }) sessionExpiresAt: Date | null;
  @Field(() => Int, { nullable: true, description: "The agency's idle time before the portal locks" }) idleLockMinutes: number | null;
  @Field(() => SecondFactorChallenge, { nullable: true }) secondFactor: SecondFactorChallenge | null;
}

@InputType({ description: 'Exactly one of the fields' })
export class SecondFactorInput {
  @Field() @IsString() @MaxLength(200) challenge: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'must be the 6 digits the app shows' }) totpCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) recoveryCode?: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the browser\'s navigator.credentials.get() answer' })
  @IsOptional() @IsString() @MaxLength(20_000) passkey?: string | null;
}

@InputType({ description: 'Exactly one of the fields' })
export class UnlockInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(256) password?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20_000) passkey?: string | null;
}
