import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { LOGIN_POLICY } from '@caselink/domain';
import { SecondFactorKind, SignInMethod } from '@caselink/domain';

registerEnumType(SecondFactorKind, { name: 'SecondFactorKind' });
registerEnumType(SignInMethod, { name: 'SignInMethod', description: 'How a session was opened' });

@ObjectType('SecondFactor')
export class SecondFactorModel {
  @Field(() => ID) id: string;
  @Field(() => SecondFactorKind) kind: SecondFactorKind;
  @Field() label: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
}

@ObjectType({ description: "The caller's own sign-in settings" })
export class AccountSecurity {
  @Field(() => [SecondFactorModel]) factors: SecondFactorModel[];
  @Field(() => Int) recoveryCodesLeft: number;
  @Field({ description: "The agency's or the national centre's rule" }) secondFactorRequired: boolean;
  @Field(() => Int) idleLockMinutes: number;
  @Field(() => Int) sessionHours: number;
  @Field(() => Date, { nullable: true }) passwordChangedAt: Date | null;
}

@ObjectType({ description: 'An authenticator app to add: show the QR code, then confirm with a code' })
export class TotpEnrolment {
  @Field({ description: 'Base32, for typing into the app by hand' }) secret: string;
  @Field() otpauthUri: string;
  @Field() qrCodeSvg: string;
  @Field() expiresAt: Date;
}

@ObjectType()
export class FactorEnrolled {
  @Field(() => SecondFactorModel) factor: SecondFactorModel;
  @Field(() => [String], { description: 'New recovery codes, shown once (empty when the user already had codes)' }) recoveryCodes: string[];
}

@ObjectType('SignInSession', { description: 'An open session: one sign-in, however often refreshed' })
export class SignInSessionModel {
  @Field(() => ID) id: string;
  @Field(() => SignInMethod) method: SignInMethod;
  @Field() signedInAt: Date;
  @Field({ description: 'Last refresh' }) lastActiveAt: Date;
  @Field({ description: 'Absolute end' }) expiresAt: Date;
  @Field(() => String, { nullable: true }) clientAddress: string | null;
  @Field(() => String, { nullable: true }) userAgent: string | null;
  @Field() locked: boolean;
  @Field({ description: 'The session this request comes from' }) current: boolean;
}

const label = () => (target: object, key: string) => {
  IsString()(target, key);
  MinLength(1, { message: 'must not be empty' })(target, key);
  MaxLength(80, { message: 'must be at most 80 characters' })(target, key);
};

@InputType()
export class ConfirmTotpInput {
  @Field() @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'must be the 6 digits the app shows' }) code: string;
  @Field() @label() label: string;
}

@InputType()
export class RegisterPasskeyInput {
  @Field({ description: "JSON of the browser's navigator.credentials.create() answer" }) @IsString() @MaxLength(20_000) response: string;
  @Field() @label() label: string;
}

@InputType()
export class RemoveSecondFactorInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a second factor id' }) id: string;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(256) password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(256) currentPassword: string;
  @Field() @IsString() @MinLength(LOGIN_POLICY.minPasswordLength, { message: `must be at least ${LOGIN_POLICY.minPasswordLength} characters` }) @MaxLength(256)
  newPassword: string;
}
