import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as oidc from 'openid-client';
import { AuditAction, AuditOutcome, Role, rolesAllowedFor, safeLocalPath } from '@caselink/domain';
import {
  ActingContext, beginSsoLogin, findSsoIdentity, findUserByEmail, inAgencyTransaction, insertUser, linkSsoIdentity, recordAudit, setUserRoles,
  SsoClientConfig, ssoClientConfig, takeSsoLoginState, userById,
} from '@caselink/db';
import { AppError } from '../common/errors';
import { API_CONFIG, ApiConfig } from '../config/config';
import { hashPassword } from '../auth/passwords';
import type { SignedIn } from '../auth/auth.service';
import { SsoRefusal, SsoRefusalReason } from './sso-refusal';
import { SsoSignIn } from './sso-sign-in';

/** What the controller does with the browser: go somewhere, perhaps with a session. */
export interface SsoAnswer {
  location: string;
  signedIn?: SignedIn;
}

interface Who {
  agencyId: string | null;
  email?: string | null;
  userId?: string | null;
}

const STATE_BYTES = 32;
/** Discovery documents and keys are fetched again after this long (a provider rotating its keys is picked up). */
const DISCOVERY_TTL_MS = 5 * 60_000;
const MFA_AMR = ['mfa', 'otp', 'hwk', 'swk'];

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

const mfaClaims = (claims: Record<string, unknown>) => ({
  amr: Array.isArray(claims['amr']) ? claims['amr'].map((v) => String(v).toLowerCase()) : [],
  acr: typeof claims['acr'] === 'string' ? claims['acr'].toLowerCase() : '',
});
/** Whether the provider says it used a second factor. */
const providerMfa = (claims: Record<string, unknown>): boolean => {
  const { amr, acr } = mfaClaims(claims);
  return amr.some((m) => MFA_AMR.includes(m)) || /mfa|multi-?factor/.test(acr);
};

const isLocalHttp = (issuer: string): boolean => {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
};

/**
 * Single sign-on by OpenID Connect, per agency: the authorization code flow with PKCE, state and nonce, checked by
 * openid-client; the user is found by provider identity or e-mail within the agency that started the log-in (never
 * another), or provisioned there, with the roles the provider names that the agency's kind may hold.
 * Runs before any agency is known: each step opens its own transaction (refusals commit their audit rows).
 */
@Injectable()
export class SsoService {
  private readonly log = new Logger(SsoService.name);
  private readonly discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  constructor(
    private readonly ds: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly signIn: SsoSignIn,
  ) {}

  get redirectUri(): string {
    return `${this.config.PORTAL_URL}/api/auth/sso/callback`;
  }

  refusalLocation(reason: SsoRefusalReason): string {
    return `${this.config.PORTAL_URL}/login?sso_error=${reason}`;
  }

  /**
   * GET /auth/sso/:agencyId/start: where to send the browser (the provider, or the log-in page with a reason), and the
   * state, which the controller also gives the browser as a cookie: the callback must come back to the same browser.
   */
  async start(agencyId: string, returnTo: unknown, address: string): Promise<{ location: string; state?: string }> {
    const settings = await ssoClientConfig(this.ds, agencyId);
    try {
      const usable = this.usable(settings);
      const provider = await this.provider(usable);
      const state = randomBytes(STATE_BYTES).toString('base64url');
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      await beginSsoLogin(this.ds, { stateHash: sha256(state), agencyId, nonce, codeVerifier, returnTo: safeLocalPath(returnTo) });
      const location = oidc.buildAuthorizationUrl(provider, {
        redirect_uri: this.redirectUri,
        scope: 'openid email profile',
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      }).href;
      return { location, state };
    } catch (e) {
      return { location: await this.refuse(e, { agencyId: settings ? agencyId : null }, address) };
    }
  }

  /** GET /auth/sso/callback: the provider sent the browser back with a code (or an error). */
  async callback(query: Record<string, unknown>, rawQuery: string, address: string, userAgent: string | undefined, browserState: string | undefined): Promise<SsoAnswer> {
    const who: Who = { agencyId: null };
    try {
      const state = typeof query['state'] === 'string' ? query['state'] : '';
      // Only the browser that started this log-in may finish it: a callback link sent to someone else (log-in CSRF),
      // or taken from a log, carries a state that browser does not hold.
      if (!state || browserState !== state) throw new SsoRefusal('SSO_STATE_INVALID', { state: 'OTHER_BROWSER' });
      const taken = state ? await takeSsoLoginState(this.ds, sha256(state)) : null;
      if (taken) who.agencyId = taken.agencyId;
      if (!taken || taken.status !== 'OK' || !taken.nonce || !taken.codeVerifier) {
        throw new SsoRefusal('SSO_STATE_INVALID', { state: taken?.status ?? 'UNKNOWN' });
      }
      const settings = this.usable(await ssoClientConfig(this.ds, taken.agencyId));
      const provider = await this.provider(settings);

      let claims: Record<string, unknown>;
      try {
        const tokens = await oidc.authorizationCodeGrant(provider, new URL(`${this.redirectUri}${rawQuery}`), {
          expectedState: state, expectedNonce: taken.nonce, pkceCodeVerifier: taken.codeVerifier, idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new SsoRefusal('SSO_TOKEN_INVALID', { error: 'no ID token' });
        claims = { ...idToken };
        // Providers that keep profile claims out of the ID token give them at the userinfo endpoint (same subject).
        if (typeof claims['email'] !== 'string' || claims[settings.rolesClaim] === undefined) {
          const info = await oidc.fetchUserInfo(provider, tokens.access_token, idToken.sub);
          claims = { ...info, ...claims };
        }
      } catch (e) {
        if (e instanceof SsoRefusal) throw e;
        throw new SsoRefusal('SSO_TOKEN_INVALID', { error: describe(e) });
      }
      // openid-client checked these against the discovered issuer and our client; the agency's own settings decide.
      if (claims['iss'] !== provider.serverMetadata().issuer || provider.serverMetadata().issuer !== settings.issuer) {
        throw new SsoRefusal('SSO_TOKEN_INVALID', { error: 'issuer does not match the agency settings' });
      }
      const issuer = settings.issuer;
      const subject = String(claims['sub']);
      const email = this.checkEmail(claims, settings);
      who.email = email;
      this.checkMfa(claims, settings);
      const roles = this.mapRoles(claims[settings.rolesClaim], settings);
      if (roles.length === 0) throw new SsoRefusal('SSO_NO_ROLES', { subject, claimed: claimedList(claims[settings.rolesClaim]).slice(0, 10) });

      const userId = await this.matchOrProvision(settings, { issuer, subject, email, roles, name: claims['name'] }, address, who);
      who.userId = userId;
      let signedIn: SignedIn;
      try {
        signedIn = await this.signIn.signIn(userId, address, userAgent, providerMfa(claims));
      } catch (e) {
        const reason = e instanceof AppError ? e.extensions['reason'] : undefined;
        if (reason === 'ACCOUNT_INACTIVE' || reason === 'AGENCY_INACTIVE') throw new SsoRefusal(reason);
        if (reason === 'SSO_MFA_REQUIRED') throw new SsoRefusal(reason, { ...mfaClaims(claims), userHasSecondFactor: true });
        throw e;
      }
      await this.audit(taken.agencyId, AuditAction.SSO_LOGIN, AuditOutcome.SUCCESS, { agencyId: taken.agencyId, userId, email }, address, { issuer, subject, roles });
      return { location: `${this.config.PORTAL_URL}/login/sso?returnTo=${encodeURIComponent(taken.returnTo ?? '/')}`, signedIn };
    } catch (e) {
      return { location: await this.refuse(e, who, address) };
    }
  }

  /** Settings that allow a log-in now, or the refusal. */
  private usable(settings: SsoClientConfig | null): SsoClientConfig {
    if (!settings || !settings.enabled) throw new SsoRefusal('SSO_NOT_CONFIGURED');
    if (!settings.agencyActive) throw new SsoRefusal('AGENCY_INACTIVE');
    return settings;
  }

  /** The provider's discovered configuration with this agency's client, cached briefly (failures are not cached). */
  private async provider(s: SsoClientConfig): Promise<oidc.Configuration> {
    const key = JSON.stringify([s.issuer, s.clientId, sha256(s.clientSecret).toString('hex')]);
    const hit = this.discovered.get(key);
    if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    // Plain http only for a provider on this machine, and never in production (the demo and the tests).
    const insecure = isLocalHttp(s.issuer) && this.config.NODE_ENV !== 'production';
    const config = oidc.discovery(new URL(s.issuer), s.clientId, undefined, oidc.ClientSecretBasic(s.clientSecret), {
      execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: 10,
    });
    this.discovered.set(key, { at: Date.now(), config });
    try {
      return await config;
    } catch (e) {
      this.discovered.delete(key);
      throw new SsoRefusal('SSO_PROVIDER_UNAVAILABLE', { error: describe(e) });
    }
  }

  /** A (verified, when the provider says) e-mail of exactly the agency's domain. */
  private checkEmail(claims: Record<string, unknown>, s: SsoClientConfig): string {
    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
    const at = email.lastIndexOf('@');
    if (at <= 0 || email.slice(at + 1) !== s.emailDomain) throw new SsoRefusal('SSO_DOMAIN_NOT_ALLOWED', { email: email.slice(0, 254) });
    const verified = claims['email_verified'];
    if (verified !== undefined && verified !== true && verified !== 'true') throw new SsoRefusal('SSO_DOMAIN_NOT_ALLOWED', { email, emailVerified: false });
    return email;
  }

  /**
   * amr naming a second factor (RFC 8176: mfa, otp, hwk, swk), or an acr naming multi-factor authentication; required
   * by the sign-on settings, or by a sign-in policy that requires a second factor (sign-on must not go round it).
   */
  private checkMfa(claims: Record<string, unknown>, s: SsoClientConfig): void {
    if (!s.requireMfa && !s.secondFactorRequired) return;
    if (providerMfa(claims)) return;
    throw new SsoRefusal('SSO_MFA_REQUIRED', mfaClaims(claims));
  }

  /** The claimed roles this kind of agency may hold (access table); anything else is dropped. */
  private mapRoles(value: unknown, s: SsoClientConfig): Role[] {
    const allowed = rolesAllowedFor(s.agencyKind);
    const roles = claimedList(value).map((r) => r.toUpperCase()).filter((r): r is Role => (allowed as readonly string[]).includes(r));
    return [...new Set(roles)];
  }

  /**
   * The user of THIS agency with this provider identity, else with this e-mail (linked now), else a new one. Acts as
   * the agency's system (no user yet): users and identities are written under row-level security of that agency.
   */
  private async matchOrProvision(
    s: SsoClientConfig,
    id: { issuer: string; subject: string; email: string; roles: Role[]; name: unknown },
    address: string,
    who: Who,
  ): Promise<string> {
    const linked = await findSsoIdentity(this.ds, id.issuer, id.subject);
    if (linked && linked.agencyId !== s.agencyId) throw new SsoRefusal('SSO_USER_OF_OTHER_AGENCY', { subject: id.subject, by: 'identity' });
    const byEmail = await findUserByEmail(this.ds, id.email);
    if (!linked && byEmail && byEmail.agency_id !== s.agencyId) throw new SsoRefusal('SSO_USER_OF_OTHER_AGENCY', { email: id.email, by: 'email' });

    const system: ActingContext = { agencyId: s.agencyId, userId: null };
    const userId = await inAgencyTransaction(this.ds, system, async (m) => {
      const existingId = linked?.userId ?? byEmail?.id;
      if (existingId) {
        const user = await userById(m, existingId);
        if (!user) throw new SsoRefusal('SSO_USER_OF_OTHER_AGENCY', { by: 'identity' });
        who.userId = existingId;
        if (!user.active) throw new SsoRefusal('ACCOUNT_INACTIVE');
        // The provider is the source of the roles: a change there takes effect at the next sign-on.
        if ([...user.roles].sort().join() !== [...id.roles].sort().join()) {
          await setUserRoles(m, existingId, id.roles);
        }
        if (!linked) await linkSsoIdentity(m, { issuer: id.issuer, subject: id.subject, userId: existingId, agencyId: s.agencyId });
        return existingId;
      }
      const displayName = typeof id.name === 'string' && id.name.trim() ? id.name.trim().slice(0, 120) : id.email.split('@')[0];
      // No password anyone knows: this user signs in through the provider (an admin may set one later).
      const unusable = await hashPassword(randomBytes(32).toString('base64url'));
      const createdId = await insertUser(m, { agencyId: s.agencyId, email: id.email, displayName, roles: id.roles, passwordHash: unusable });
      await linkSsoIdentity(m, { issuer: id.issuer, subject: id.subject, userId: createdId, agencyId: s.agencyId });
      await recordAudit(m, {
        action: AuditAction.USER_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: createdId, agencyId: s.agencyId,
        actorUserId: null, actorEmail: id.email, clientAddress: address, details: { email: id.email, roles: id.roles, agencyId: s.agencyId, via: 'SSO', issuer: id.issuer },
      });
      return createdId;
    });
    return userId;
  }

  /** Audits the refusal and answers the log-in page's address with the reason; anything unexpected goes on up. */
  private async refuse(e: unknown, who: Who, address: string): Promise<string> {
    if (!(e instanceof SsoRefusal)) throw e;
    this.log.warn(`single sign-on refused: ${e.reason} ${JSON.stringify(e.details).slice(0, 300)}`);
    await this.audit(who.agencyId, AuditAction.SSO_LOGIN_FAILED, AuditOutcome.FAILURE, who, address, { reason: e.reason, ...e.details });
    return this.refusalLocation(e.reason);
  }

  private async audit(agencyId: string | null, action: AuditAction, outcome: AuditOutcome, who: Who, address: string, details: Record<string, unknown>): Promise<void> {
    // In the agency's chain when the log-in got that far; an unknown state has no agency (and no role: not SYSTEM).
    const ctx: ActingContext = agencyId ? { agencyId, userId: null } : { agencyId: null, userId: null, roles: [] };
    await inAgencyTransaction(this.ds, ctx, (m) =>
      recordAudit(m, {
        action, outcome, entityType: 'User', entityId: who.userId ?? null, agencyId, actorUserId: who.userId ?? null,
        actorEmail: who.email ? who.email.slice(0, 254) : null, clientAddress: address, details,
      }),
    );
  }
}

function claimedList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** A short, code-like description for the audit row (never shown to the user). */
function describe(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; error?: unknown; message?: unknown };
    return [o.code, o.error, o.message].filter((v) => typeof v === 'string').join(': ').slice(0, 300);
  }
  return String(e).slice(0, 300);
}
