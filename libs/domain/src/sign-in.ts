/** How a sign-in session was opened (refresh_sessions.method). */
export enum SignInMethod {
  PASSWORD = 'PASSWORD',
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
  RECOVERY_CODE = 'RECOVERY_CODE',
  SSO = 'SSO',
}

/** What a sign-in challenge (a one-time, hashed token with a short life) is for. */
export const CHALLENGE_PURPOSES = ['SECOND_FACTOR', 'TOTP_ENROLMENT', 'PASSKEY_REGISTRATION', 'PASSKEY_SIGN_IN', 'UNLOCK'] as const;
export type ChallengePurpose = (typeof CHALLENGE_PURPOSES)[number];

export enum SecondFactorKind {
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
}

/** What the second step of a log-in may use (recovery codes stand in for a lost device). */
export enum SecondFactorMethod {
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
  RECOVERY_CODE = 'RECOVERY_CODE',
}

/**
 * The second factor and session rules (issue 12). CJIS: multi-factor, at most 5 failed attempts before a lock
 * (LOGIN_POLICY counts failed second factors too), a session lock after 30 minutes idle.
 */
export const SIGN_IN_POLICY = {
  /** The link between password and second factor, and between showing a TOTP secret or WebAuthn options and the answer. */
  challengeMinutes: 10,
  /** RFC 6238 defaults, which every authenticator app understands. */
  totp: { digits: 6, period: 30, algorithm: 'SHA1', window: 1 },
  recoveryCodeCount: 10,
  idleLockMinutes: { default: 30, min: 1, max: 240 },
  sessionHours: { default: 12, min: 1, max: 24 },
  maxFactorsPerUser: 10,
  issuer: 'CaseLink',
} as const;

/** Whether a user of an agency must have a second factor: the agency's own rule or the national centre's. */
export const secondFactorRequired = (agencyRequires: boolean, nationalRequiresAll: boolean): boolean => agencyRequires || nationalRequiresAll;

/**
 * What a user who must enrol a second factor before signing in may call with the enrolment token that the
 * password step hands out (it holds no role, so PostgreSQL lets it touch only the user's own factors).
 */
export const ENROLMENT_OPERATIONS: readonly string[] = [
  'me', 'mySecurity', 'startTotpEnrolment', 'confirmTotpEnrolment', 'passkeyRegistrationOptions', 'registerPasskey',
];
