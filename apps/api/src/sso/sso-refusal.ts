/**
 * Why a single sign-on was refused: the portal shows each in both languages (`sso_error=<reason>` on /login).
 * Raw provider error text never leaves the api; it goes to the audit row only, trimmed.
 */
export const SSO_REFUSALS = [
  'SSO_STATE_INVALID', // unknown, replayed or expired state
  'SSO_TOKEN_INVALID', // whatever the provider or openid-client refused: issuer, audience, signature, expiry, nonce, replayed code
  'SSO_DOMAIN_NOT_ALLOWED', // no (verified) e-mail of the agency's domain
  'SSO_MFA_REQUIRED', // the agency requires a second factor at the provider and none was used
  'SSO_NO_ROLES', // the roles claim names no role this kind of agency may hold
  'SSO_USER_OF_OTHER_AGENCY', // the e-mail or the provider identity belongs to a user of another agency
  'ACCOUNT_INACTIVE',
  'AGENCY_INACTIVE',
  'SSO_NOT_CONFIGURED', // no settings, or switched off
  'SSO_PROVIDER_UNAVAILABLE', // the provider's discovery document could not be fetched
  'RATE_LIMITED', // too many sign-on starts from this address (each writes a state and may fetch the provider)
] as const;

export type SsoRefusalReason = (typeof SSO_REFUSALS)[number];

export class SsoRefusal extends Error {
  constructor(
    readonly reason: SsoRefusalReason,
    /** For the audit row only. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}
