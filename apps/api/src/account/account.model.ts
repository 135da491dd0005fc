import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { LOGIN_POLICY } from '@caselink/domain';
import { SecondFactorKind, SignInMethod } from '@caselink/domain';

registerEnumType(SecondFactorKind, {
  name: 'SecondFactorKind',
  description: 'A kind of second factor a user enrols',
  valuesMap: {
    TOTP: { description: 'An authenticator app (RFC 6238 codes)' },
    PASSKEY: { description: 'A passkey (WebAuthn) on a device or security key' },
  },
});
registerEnumType(SignInMethod, {
  name: 'SignInMethod',
  description: 'How a session was opened',
  valuesMap: {
    PASSWORD: { description: 'Password alone (no second factor required or enrolled)' },
    TOTP: { description: 'Password and an authenticator-app code' },
    PASSKEY: { description: 'Password and a passkey' },
    RECOVERY_CODE: { description: 'Password and a recovery code' },
    SSO: { description: "Single sign-on through the agency's identity provider" },
  },
});

@ObjectType('SecondFactor', { description: 'A second factor the user enrolled' })
export class SecondFactorModel {
  @Field(() => ID, { description: 'Second factor id' }) id: string;
  @Field(() => SecondFactorKind, { description: 'Authenticator app or passkey' }) kind: SecondFactorKind;
  @Field({ description: 'The name the user gave it ("work phone")' }) label: string;
  @Field({ description: 'When it was enrolled' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'Last sign-in with it; null when never used' }) lastUsedAt: Date | null;
}

@ObjectType({ description: "The caller's own sign-in settings" })
export class AccountSecurity {
  @Field(() => [SecondFactorModel], { description: 'The second factors enrolled' }) factors: SecondFactorModel[];
  @Field(() => Int, { description: 'Unused recovery codes' }) recoveryCodesLeft: number;
  @Field({ description: "The agency's or the national centre's rule" }) secondFactorRequired: boolean;
  @Field(() => Int, { description: 'The portal locks after this many minutes without input' }) idleLockMinutes: number;
  @Field(() => Int, { description: 'A session ends this many hours after sign-in' }) sessionHours: number;
  @Field(() => Date, { nullable: true, description: 'Last password change; null when never changed' }) passwordChangedAt: Date | null;
}

@ObjectType({ description: 'An authenticator app to add: show the QR code, then confirm with a code' })
export class TotpEnrolment {
  @Field({ description: 'Base32, for typing into the app by hand' }) secret: string;
  @Field({ description: 'otpauth:// URI of the secret (what the QR code holds)' }) otpauthUri: string;
  @Field({ description: 'The QR code as an SVG document' }) qrCodeSvg: string;
  @Field({ description: 'Confirm before then (10 minutes), or start again' }) expiresAt: Date;
}

@ObjectType({ description: 'A second factor just enrolled' })
export class FactorEnrolled {
  @Field(() => SecondFactorModel, { description: 'The new factor' }) factor: SecondFactorModel;
  @Field(() => [String], { description: 'New recovery codes, shown once (empty when the user already had codes)' }) recoveryCodes: string[];
}

@ObjectType('SignInSession', { description: 'An open session: one sign-in, however often refreshed' })
export class SignInSessionModel {
  @Field(() => ID, { description: 'Session id' }) id: string;
  @Field(() => SignInMethod, { description: 'How it was opened' }) method: SignInMethod;
  @Field({ description: 'When it was opened' }) signedInAt: Date;
  @Field({ description: 'Last refresh' }) lastActiveAt: Date;
  @Field({ description: 'Absolute end' }) expiresAt: Date;
  @Field(() => String, { nullable: true, description: 'Client address at sign-in' }) clientAddress: string | null;
  @Field(() => String, { nullable: true, description: 'Browser at sign-in' }) userAgent: string | null;
  @Field({ description: "The portal's idle lock is on: refresh is refused until unlocked" }) locked: boolean;
  @Field({ description: 'The session this request comes from' }) current: boolean;
}

const label = () => (target: object, key: string) => {
  IsString()(target, key);
  MinLength(1, { message: 'must not be empty' })(target, key);
  MaxLength(80, { message: 'must be at most 80 characters' })(target, key);
};

@InputType({ description: 'Confirms an authenticator app with the code it shows' })
export class ConfirmTotpInput {
  @Field({ description: 'The 6 digits the app shows' }) @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'must be the 6 digits the app shows' }) code: string;
  @Field({ description: 'A name for it (1–80 characters)' }) @label() label: string;
}

@InputType({ description: 'A new passkey' })
export class RegisterPasskeyInput {
  @Field({ description: "JSON of the browser's navigator.credentials.create() answer" }) @IsString() @MaxLength(20_000) response: string;
  @Field({ description: 'A name for it (1–80 characters)' }) @label() label: string;
}

@InputType({ description: 'A second factor to remove, with the password' })
export class RemoveSecondFactorInput {
  @Field(() => ID, { description: 'Second factor id' }) @IsUUID('all', { message: 'must be a second factor id' }) id: string;
  @Field({ description: "The user's password" }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(256) password: string;
}

@InputType({ description: 'The current password and the new one' })
export class ChangePasswordInput {
  @Field({ description: 'The current password' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(256) currentPassword: string;
  @Field({ description: 'The new password (at least the minimum length of the log-in policy)' }) @IsString() @MinLength(LOGIN_POLICY.minPasswordLength, { message: `must be at least ${LOGIN_POLICY.minPasswordLength} characters` }) @MaxLength(256)
  newPassword: string;
}
