import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AgencyKind, LOGIN_POLICY, Role } from '@caselink/domain';
import type { Actor } from '../common/actor';
import { unauthenticated } from '../common/errors';
import { API_CONFIG, ApiConfig } from '../config/config';

interface AccessClaims {
  sub: string;
  agency: string;
  kind: AgencyKind;
  email: string;
  roles: Role[];
  nat: boolean;
  sid?: string;
  /** 'enrol': the token only lets the user enrol a second factor (ENROLMENT_OPERATIONS). */
  scope?: 'enrol';
}

export const REFRESH_COOKIE = 'caselink_refresh';

/** Short-lived signed access tokens and opaque refresh tokens (only their sha256 is stored). */
@Injectable()
export class Tokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  signAccess(actor: Actor, seconds: number = LOGIN_POLICY.accessTokenSeconds): { token: string; expiresAt: Date } {
    const claims: AccessClaims = {
      sub: actor.userId, agency: actor.agencyId, kind: actor.agencyKind, email: actor.email, roles: actor.roles, nat: actor.nationalAdmin,
      ...(actor.sessionId ? { sid: actor.sessionId } : {}),
      ...(actor.enrolmentOnly ? { scope: 'enrol' as const } : {}),
    };
    const token = this.jwt.sign(claims, { expiresIn: seconds, algorithm: 'HS256' });
    return { token, expiresAt: new Date(Date.now() + seconds * 1000) };
  }

  /** The caller and when the token stops being valid (live connections stop delivering then). */
  verifyAccessWithExpiry(token: string): { actor: Actor; expiresAt: number } {
    const actor = this.verifyAccess(token);
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { actor, expiresAt: exp * 1000 };
  }

  verifyAccess(token: string): Actor {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated('Your session has expired or the token is invalid', { reason: 'INVALID_TOKEN' });
    }
    return {
      userId: claims.sub, agencyId: claims.agency, agencyKind: claims.kind, email: claims.email, roles: claims.roles, nationalAdmin: claims.nat,
      ...(claims.sid ? { sessionId: claims.sid } : {}),
      ...(claims.scope === 'enrol' ? { enrolmentOnly: true } : {}),
    };
  }

  newRefreshToken(): { token: string; hash: Buffer; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: Tokens.hashRefresh(token), expiresAt: new Date(Date.now() + LOGIN_POLICY.refreshTokenDays * 86_400_000) };
  }

  static hashRefresh(token: string): Buffer {
    return createHash('sha256').update(token).digest();
  }

  cookieOptions(expires?: Date) {
    return {
      httpOnly: true,
      secure: this.config.COOKIE_SECURE,
      sameSite: 'strict' as const,
      path: '/graphql',
      expires,
    };
  }
}
