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

  signIn(userId: string, address: string, userAgent: string | undefined): Promise<SignedIn> {
    return this.auth.signInVerifiedUser(userId, SignInMethod.SSO, address, userAgent ?? null);
  }
}
