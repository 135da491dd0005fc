import { Injectable } from '@nestjs/common';
import { SignInMethod } from '@caselink/domain';
import { AuthService, SignedIn } from '../auth/auth.service';

/**
 * Opens the session of a user the provider vouched for, through the one place sessions are made
 * (AuthService.signInVerifiedUser: the agency's session rules, the audit of the session).
 */
@Injectable()
export class SsoSignIn {
  constructor(private readonly auth: AuthService) {}

  /** `providerMfa`: the provider says it used a second factor (a user who enrolled one here needs that). */
  signIn(userId: string, address: string, userAgent: string | undefined, providerMfa: boolean): Promise<SignedIn> {
    return this.auth.signInVerifiedUser(userId, SignInMethod.SSO, address, userAgent ?? null, { providerMfa });
  }
}
