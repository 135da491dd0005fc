import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SecondFactorMethod } from '@caselink/domain';
import { UserModel } from '../users/user.model';

registerEnumType(SecondFactorMethod, {
  name: 'SecondFactorMethod',
  description: 'What the second step of a log-in may use',
  valuesMap: {
    TOTP: { description: 'A 6-digit code from an authenticator app' },
    PASSKEY: { description: 'A passkey (WebAuthn)' },
    RECOVERY_CODE: { description: 'One of the single-use recovery codes (stands in for a lost device)' },
  },
});

@InputType({ description: 'E-mail and password' })
export class LoginInput {
  @Field({ description: 'E-mail address (the log-in name)' }) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email: string;
  @Field({ description: 'Password' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(256) password: string;
}

@ObjectType({ description: 'The password was right: the second step is due (or, first, enrolling a factor the agency requires)' })
export class SecondFactorChallenge {
  @Field({ description: 'Single use; links the password step to verifySecondFactor' }) challenge: string;
  @Field({ description: 'The challenge runs out then (10 minutes): sign in again after' }) expiresAt: Date;
  @Field(() => [SecondFactorMethod], { description: 'What the user may answer with' }) methods: SecondFactorMethod[];
  @Field({ description: 'The agency requires a second factor and the user has none yet' }) enrolmentRequired: boolean;
  @Field(() => String, { nullable: true, description: 'With enrolmentRequired: an access token that can only enrol a factor' })
  enrolmentToken: string | null;
}

@ObjectType({ description: "A sign-in's state: a session (accessToken, expiresAt, user) or, after a right password, the second step that is due (secondFactor). refreshSession, verifySecondFactor and unlockSession always return a session" })
export class AuthPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for the Authorization header (15 minutes); null while a second step is due' }) accessToken: string | null;
  @Field(() => Date, { nullable: true, description: 'When the access token runs out (refresh before)' }) expiresAt: Date | null;
  @Field(() => UserModel, { nullable: true, description: 'The signed-in user; null while a second step is due' }) user: UserModel | null;
  @Field(() => Date, { nullable: true, description: 'The session ends then however often it is refreshed' }) sessionExpiresAt: Date | null;
  @Field(() => Int, { nullable: true, description: "The agency's idle time before the portal locks" }) idleLockMinutes: number | null;
  @Field(() => SecondFactorChallenge, { nullable: true, description: 'The second step that is due; null once signed in' }) secondFactor: SecondFactorChallenge | null;
}

@InputType({ description: 'Exactly one of the fields' })
export class SecondFactorInput {
  @Field({ description: 'The challenge of the password step (SecondFactorChallenge.challenge)' }) @IsString() @MaxLength(200) challenge: string;
  @Field(() => String, { nullable: true, description: 'The 6 digits the authenticator app shows' }) @IsOptional() @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'must be the 6 digits the app shows' }) totpCode?: string | null;
  @Field(() => String, { nullable: true, description: 'One unused recovery code' }) @IsOptional() @IsString() @MaxLength(40) recoveryCode?: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the browser\'s navigator.credentials.get() answer' })
  @IsOptional() @IsString() @MaxLength(20_000) passkey?: string | null;
}

@InputType({ description: 'Exactly one of the fields' })
export class UnlockInput {
  @Field(() => String, { nullable: true, description: "The user's password" }) @IsOptional() @IsString() @MaxLength(256) password?: string | null;
  @Field(() => String, { nullable: true, description: "JSON of the browser's navigator.credentials.get() answer to passkeyUnlockOptions" }) @IsOptional() @IsString() @MaxLength(20_000) passkey?: string | null;
}
