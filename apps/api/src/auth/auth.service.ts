import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditOutcome, LOGIN_POLICY, Role, secondFactorRequired, SecondFactorMethod, SIGN_IN_POLICY, SignInMethod } from '@caselink/domain';
import {
  ActingContext, activeLockOf, claimRefreshRotation, claimSignInAttempt, claimUnknownLoginAttempt, clearFailedAttempts, createChallenge, endSessions,
  findRefreshSession, findSignInChallenge, findUserByEmail, FoundSessionRow, giveBackAttempt, inAgencyTransaction, insertRefreshSession, latestChallenge,
  liveChallenge, passwordHashOf, recordAudit, refreshSessionState, revokeFamily, secondFactorsOf, setSessionLock, setWebauthnChallenge, signInPolicyOf,
  spendChallenge, userAgencyOf, userById, UserRow,
} from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { AppError, unauthenticated } from '../common/errors';
import { UserModel } from '../users/user.model';
import { SecondFactors } from './factors/second-factors';
import { verifyPassword } from './passwords';
import { Tokens } from './tokens';
import { API_CONFIG, ApiConfig } from '../config/config';

export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  user: UserModel;
  refresh: { token: string; expiresAt: Date };
  /** When the session ends however often it is refreshed, and after how long idle the portal locks. */
  sessionExpiresAt: Date;
  idleLockMinutes: number;
}

/** The password was right; the second step is due (and, when the agency requires a factor none is enrolled, enrolment first). */
export interface SecondFactorDue {
  challenge: string;
  expiresAt: Date;
  methods: SecondFactorMethod[];
  enrolmentRequired: boolean;
  /** Only with enrolmentRequired: an access token that may do nothing but enrol (ENROLMENT_OPERATIONS). */
  enrolmentToken: string | null;
}

export type LoginOutcome = { signedIn: SignedIn } | { secondFactor: SecondFactorDue };

/** What the second step (or the lock screen) was given: one of a TOTP code, a recovery code, a passkey's answer, a password. */
export interface FactorProof {
  totpCode?: string | null;
  recoveryCode?: string | null;
  passkey?: string | null;
  password?: string | null;
}

interface IssueOptions {
  method: SignInMethod;
  userAgent: string | null;
  /** Carried over from the family on refresh; set from the agency's policy on sign-in. */
  familyExpiresAt?: Date;
  /** On refresh: the session the new one replaces. */
  replaces?: string;
}

const invalidCredentials = () => unauthenticated('Wrong e-mail or password', { reason: 'INVALID_CREDENTIALS' });
const accountLocked = (until: Date) =>
  unauthenticated(`Account locked after ${LOGIN_POLICY.maxFailedAttempts} failed attempts until ${until.toISOString()}`, {
    reason: 'ACCOUNT_LOCKED', lockedUntil: until.toISOString(),
  });
const accountInactive = () => unauthenticated('This account has been deactivated · 该账号已停用', { reason: 'ACCOUNT_INACTIVE' });
const agencyInactive = () => unauthenticated('Your agency has been switched off by the national centre · 本机构已被国家中心停用', { reason: 'AGENCY_INACTIVE' });
const challengeInvalid = () =>
  unauthenticated('This sign-in step has expired or was already used: enter your password again · 该登录步骤已过期或已使用，请重新输入密码', { reason: 'CHALLENGE_INVALID' });
const wrongSecondFactor = () =>
  unauthenticated('That code or passkey was not accepted · 验证码或通行密钥未通过验证', { reason: 'INVALID_SECOND_FACTOR' });
const sessionLocked = () =>
  unauthenticated('Your session is locked: enter your password or use your passkey · 会话已锁定，请输入密码或使用通行密钥解锁', { reason: 'SESSION_LOCKED' });
const challengeHash = (token: string) => createHash('sha256').update(token).digest();

/**
 * Log-in, refresh and log-out. These run before the caller's agency is known, so each opens its own
 * transactions: failures (attempt counters, audit rows) must commit even though the call then fails.
 */
@Injectable()
export class AuthService {
  private readonly log = new Logger(AuthService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: Tokens,
    private readonly jobs: JobProducers,
    private readonly factors: SecondFactors,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Nothing here tells an unknown e-mail from a known one to a caller without the password: both answer
   * INVALID_CREDENTIALS (after one Argon2 verification each), and both "lock" after the same number of
   * failures (unknown e-mails are counted in auth_unknown_login_attempts). Only the right password
   * learns that the account is deactivated. A locked account answers ACCOUNT_LOCKED to every password
   * without checking it, so guessing cannot go on (or be confirmed) while it is locked.
   */
  async login(email: string, password: string, address: string, userAgent: string | null = null): Promise<LoginOutcome> {
    const found = await findUserByEmail(this.ds, email);
    if (!found) return this.failUnknown(email, password, address);
    const ctx: ActingContext = { agencyId: found.agency_id, userId: found.id };
    // The attempt is counted before the password is checked: parallel guesses each take one of the
    // allowed attempts, and those past the limit are refused without being tried.
    const claim = await this.claimAttempt(ctx, found.id);
    if (!claim.tried) {
      await this.audit(ctx, address, AuditAction.LOGIN_FAILED, found.id, email, { reason: 'ACCOUNT_LOCKED' });
      throw accountLocked(claim.lockedUntil);
    }
    if (!(await verifyPassword(found.password_hash, password))) {
      await this.recordFailure(ctx, found.id, email, address, claim.lockedUntil);
      throw claim.lockedUntil ? accountLocked(claim.lockedUntil) : invalidCredentials();
    }
    if (!found.active || !found.agency_active) {
      // The right password: the caller may know the account is off (the portal says so).
      await inAgencyTransaction(this.ds, ctx, (m) => clearFailedAttempts(m, found.id));
      const reason = found.active ? 'AGENCY_INACTIVE' : 'ACCOUNT_INACTIVE';
      await this.audit(ctx, address, AuditAction.LOGIN_FAILED, found.id, email, { reason });
      throw found.active ? agencyInactive() : accountInactive();
    }
    const due = await inAgencyTransaction(this.ds, ctx, async (m) => {
      const factors = await secondFactorsOf(m, found.id);
      const policy = await signInPolicyOf(m, found.agency_id);
      const required = secondFactorRequired(policy.agency_requires, policy.national_requires);
      if (factors.length === 0 && !required) return null;
      // The right password gives its attempt back, but the count of failures is never reset before the second step
      // succeeds (CJIS: 5 failed attempts), or signing in again would clear it between batches of guessed codes. An
      // attempt that set the lock lifts it, leaving one try: the count stands at the last before the lock.
      await giveBackAttempt(m, found.id, claim.lockedUntil !== null, LOGIN_POLICY.maxFailedAttempts);
      const token = randomBytes(32).toString('base64url');
      const challenge = await createChallenge(m, {
        userId: found.id, agencyId: found.agency_id, purpose: 'SECOND_FACTOR', tokenHash: challengeHash(token), minutes: SIGN_IN_POLICY.challengeMinutes,
      });
      const methods = [
        ...(factors.some((f) => f.kind === 'TOTP') ? [SecondFactorMethod.TOTP] : []),
        ...(factors.some((f) => f.kind === 'PASSKEY') ? [SecondFactorMethod.PASSKEY] : []),
        ...(factors.length > 0 ? [SecondFactorMethod.RECOVERY_CODE] : []),
      ];
      let enrolmentToken: string | null = null;
      if (factors.length === 0) {
        const user = await this.loadUser(m, found.id);
        // No roles: PostgreSQL lets this token touch only the user's own factors; the guard only enrolment.
        enrolmentToken = this.tokens.signAccess({
          userId: user.id, agencyId: user.agency_id, agencyKind: user.agency.kind, email: user.email, roles: [], nationalAdmin: false, enrolmentOnly: true,
        }, SIGN_IN_POLICY.challengeMinutes * 60).token;
      }
      return { challenge: token, expiresAt: challenge.expires_at, methods, enrolmentRequired: factors.length === 0, enrolmentToken };
    });
    if (due) return { secondFactor: due };
    return { signedIn: await this.completeSignIn(ctx, found.id, SignInMethod.PASSWORD, address, userAgent) };
  }

  /** The second step: the challenge from the password step and one factor. Failures count towards the lock. */
  async verifySecondFactor(challenge: string, proof: FactorProof, address: string, userAgent: string | null): Promise<SignedIn> {
    const found = await findSignInChallenge(this.ds, challengeHash(challenge));
    if (!found || found.purpose !== 'SECOND_FACTOR' || found.used_at || found.expires_at <= new Date()) throw challengeInvalid();
    const ctx: ActingContext = { agencyId: found.agency_id, userId: found.user_id, roles: [] };
    const email = await this.emailOf(ctx, found.user_id);
    const claim = await this.claimAttempt(ctx, found.user_id);
    if (!claim.tried) {
      await this.audit(ctx, address, AuditAction.SECOND_FACTOR_FAILED, found.user_id, email, { reason: 'ACCOUNT_LOCKED' });
      throw accountLocked(claim.lockedUntil);
    }
    const method = await inAgencyTransaction(this.ds, ctx, async (m) => {
      const live = await liveChallenge(m, challengeHash(challenge), 'SECOND_FACTOR');
      if (!live) return null;
      const used = await this.checkProof(m, found.user_id, proof, live.webauthn_challenge);
      if (!used) return undefined;
      // Spent in the same transaction as the factor: a replayed challenge finds it used.
      if (!(await spendChallenge(m, live.id))) return null;
      return used;
    });
    if (method === null) throw challengeInvalid();
    if (method === undefined) {
      await this.recordFailure(ctx, found.user_id, email, address, claim.lockedUntil, AuditAction.SECOND_FACTOR_FAILED);
      throw claim.lockedUntil ? accountLocked(claim.lockedUntil) : wrongSecondFactor();
    }
    return this.completeSignIn(ctx, found.user_id, method, address, userAgent);
  }

  /** Whose sign-in challenge this is (for the per-user limits), or undefined for an unknown one. */
  async challengeOwner(challenge: string): Promise<string | undefined> {
    return (await findSignInChallenge(this.ds, challengeHash(challenge)))?.user_id;
  }

  /** Whose session the refresh cookie belongs to (for the per-user limits), or undefined. */
  async sessionOwner(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    return (await findRefreshSession(this.ds, Tokens.hashRefresh(token)))?.user_id;
  }

  /** WebAuthn options for the second step with a passkey (bound to the sign-in challenge). */
  async passkeySignInOptions(challenge: string): Promise<string> {
    const found = await findSignInChallenge(this.ds, challengeHash(challenge));
    if (!found || found.purpose !== 'SECOND_FACTOR') throw challengeInvalid();
    return inAgencyTransaction(this.ds, { agencyId: found.agency_id, userId: found.user_id, roles: [] }, async (m) => {
      const live = await liveChallenge(m, challengeHash(challenge), 'SECOND_FACTOR');
      if (!live) throw challengeInvalid();
      const options = await this.factors.passkeyAssertionOptions(m, found.user_id);
      await setWebauthnChallenge(m, live.id, options.challenge);
      return options.json;
    });
  }

  /** Which factor (or the password, on the lock screen) the proof used, or undefined when it was not accepted. */
  private async checkProof(m: EntityManager, userId: string, proof: FactorProof, webauthnChallenge: string | null): Promise<SignInMethod | undefined> {
    const given = [proof.totpCode, proof.recoveryCode, proof.passkey, proof.password].filter((v) => v != null && v !== '');
    if (given.length !== 1) {
      throw new AppError('BAD_USER_INPUT', 'input: give exactly one of totpCode, recoveryCode, passkey or password · 请只提供一种验证方式', { field: 'input' });
    }
    if (proof.totpCode) return (await this.factors.checkTotp(m, userId, proof.totpCode)) ? SignInMethod.TOTP : undefined;
    if (proof.recoveryCode) return (await this.factors.checkRecoveryCode(m, userId, proof.recoveryCode)) ? SignInMethod.RECOVERY_CODE : undefined;
    if (proof.passkey) {
      if (!webauthnChallenge) return undefined;
      return (await this.factors.checkPasskey(m, userId, webauthnChallenge, proof.passkey)) ? SignInMethod.PASSKEY : undefined;
    }
    const hash = await passwordHashOf(m, userId);
    return hash && (await verifyPassword(hash, proof.password as string)) ? SignInMethod.PASSWORD : undefined;
  }

  /**
   * Every way in ends here (password alone, a second factor, single sign-on): the account and its agency are
   * checked again, the counters reset, the log-in audited with how it was made, and a new session family opened.
   */
  async signInVerifiedUser(userId: string, method: SignInMethod, address: string, userAgent: string | null, opts: { providerMfa?: boolean } = {}): Promise<SignedIn> {
    const agencyId = await userAgencyOf(this.ds, userId);
    if (!agencyId) throw accountInactive();
    const ctx: ActingContext = { agencyId, userId, roles: [] };
    // A user who enrolled a second factor here signs on only with the provider's own second factor: sign-on must not
    // be the way round a factor the user (or their agency) chose.
    if (method === SignInMethod.SSO && !opts.providerMfa) {
      const factors = await inAgencyTransaction(this.ds, ctx, (m) => secondFactorsOf(m, userId));
      if (factors.length > 0) {
        throw unauthenticated('Sign on with your identity provider\'s second factor: this account has one · 该账号已绑定第二因素，请在身份认证服务中使用第二因素登录', { reason: 'SSO_MFA_REQUIRED' });
      }
    }
    return this.completeSignIn(ctx, userId, method, address, userAgent);
  }

  private async completeSignIn(ctx: ActingContext, userId: string, method: SignInMethod, address: string, userAgent: string | null): Promise<SignedIn> {
    return inAgencyTransaction(this.ds, ctx, async (m) => {
      const user = await this.loadUser(m, userId);
      if (!user.active) throw accountInactive();
      if (!user.agency.active) throw agencyInactive();
      await clearFailedAttempts(m, userId, { signedIn: true });
      await recordAudit(m, {
        action: AuditAction.LOGIN, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: user.id,
        agencyId: user.agency_id, actorUserId: user.id, actorEmail: user.email, clientAddress: address, details: { method },
      });
      if (method === SignInMethod.RECOVERY_CODE) {
        await recordAudit(m, {
          action: AuditAction.RECOVERY_CODE_USED, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: user.id,
          agencyId: user.agency_id, actorUserId: user.id, actorEmail: user.email, clientAddress: address,
        });
      }
      return this.issue(m, user, crypto.randomUUID(), address, { method, userAgent });
    });
  }

  private async emailOf(ctx: ActingContext, userId: string): Promise<string> {
    return inAgencyTransaction(this.ds, ctx, async (m) => (await userById(m, userId))?.email ?? '');
  }

  /** An unknown e-mail goes through the same steps (a counted attempt, one Argon2 verification) as a wrong password. */
  private async failUnknown(email: string, password: string, address: string): Promise<never> {
    // No agency and no role: not SYSTEM (which a user-less context would otherwise act as).
    const anonymous: ActingContext = { agencyId: null, userId: null, roles: [] };
    const emailHash = createHash('sha256').update(email.toLowerCase()).digest();
    const claim = await inAgencyTransaction(this.ds, anonymous, (m) => claimUnknownLoginAttempt(m, emailHash, LOGIN_POLICY));
    if (!claim.was_locked) await verifyPassword(null, password);
    await this.audit(anonymous, address, AuditAction.LOGIN_FAILED, null, email, { reason: 'UNKNOWN_EMAIL' });
    throw claim.locked_until ? accountLocked(claim.locked_until) : invalidCredentials();
  }

  /**
   * Takes one attempt in one conditional UPDATE (parallel attempts line up on the row lock): the one
   * that reaches the limit sets the lock in the same statement. `tried: false` when already locked;
   * otherwise `lockedUntil` is set only if this attempt locked the account.
   */
  private async claimAttempt(ctx: ActingContext, userId: string): Promise<{ tried: true; lockedUntil: Date | null } | { tried: false; lockedUntil: Date }> {
    return inAgencyTransaction(this.ds, ctx, async (m) => {
      // A lock lifted between the two statements (admin reset, a success) just means trying again.
      for (let round = 0; round < 3; round++) {
        const claimed = await claimSignInAttempt(m, userId, LOGIN_POLICY);
        if (claimed) return { tried: true as const, lockedUntil: claimed.locks ? claimed.locked_until : null };
        // A new statement: sees the lock that made the UPDATE skip the row.
        const lockedUntil = await activeLockOf(m, userId);
        if (lockedUntil) return { tried: false as const, lockedUntil };
      }
      throw invalidCredentials();
    });
  }

  /** Audits a failed attempt; if that attempt set the lock, also the lock (once) and its notice. */
  private async recordFailure(
    ctx: ActingContext, userId: string, email: string, address: string, lockedUntil: Date | null, action = AuditAction.LOGIN_FAILED,
  ): Promise<void> {
    const eventId = await inAgencyTransaction(this.ds, ctx, async (m) => {
      const base = { outcome: AuditOutcome.FAILURE, entityType: 'User', entityId: userId, agencyId: ctx.agencyId, actorUserId: userId, actorEmail: email, clientAddress: address };
      await recordAudit(m, { ...base, action, details: { reason: action === AuditAction.LOGIN_FAILED ? 'INVALID_CREDENTIALS' : 'INVALID_SECOND_FACTOR' } });
      if (!lockedUntil) return null;
      return recordAudit(m, { ...base, action: AuditAction.ACCOUNT_LOCKED, details: { lockedUntil: lockedUntil.toISOString() } });
    });
    if (!lockedUntil || !eventId) return;
    // After commit: the job's id comes from the audit event, so a retry here cannot notify twice.
    await this.jobs
      .notify({ kind: 'ACCOUNT_LOCKED', agencyId: ctx.agencyId as string, subjectUserId: userId, subjectEmail: email, lockedUntil: lockedUntil.toISOString(), auditEventId: eventId })
      .catch((e: unknown) => this.log.error(`Could not enqueue the lock notice for ${userId}: ${String(e)}`));
  }

  async refresh(token: string | undefined, address: string, userAgent: string | null = null, justUnlocked = false): Promise<SignedIn> {
    const session = await this.findSession(token);
    const ctx: ActingContext = { agencyId: session.agency_id, userId: session.user_id };
    // A locked session stays locked (the lock screen unlocks it); one whose absolute lifetime is over ends.
    if (session.locked_at && !session.revoked_at && !session.replaced_by) throw sessionLocked();
    if (session.family_expires_at <= new Date() && !session.revoked_at) {
      await inAgencyTransaction(this.ds, ctx, (m) => endSessions(m, session.user_id, 'LIFETIME', { familyId: session.family_id }));
      throw unauthenticated('Your session reached its maximum length: please sign in again · 会话已达最长时限，请重新登录', { reason: 'SESSION_LIFETIME_REACHED' });
    }
    if (!justUnlocked && !session.revoked_at && !session.replaced_by && (await this.idleTooLong(ctx, session))) throw sessionLocked();
    const outcome = await inAgencyTransaction(this.ds, ctx, async (m): Promise<SignedIn | AppError> => {
      // Rotation is claimed in one conditional UPDATE: of two refreshes with one cookie, the second waits
      // on the row lock, then matches nothing, and is handled below as the reuse it is.
      if (!(await claimRefreshRotation(m, session.id))) {
        // A new statement, so it sees what the winner committed.
        const current = await refreshSessionState(m, session.id);
        // Locked between the check above and this claim (the portal's lock raced a refresh): still locked.
        if (current && !current.revoked_at && !current.replaced_by && current.locked_at) return sessionLocked();
        // A rotated token came back: someone kept a copy. End the whole family.
        if (current?.replaced_by) {
          await revokeFamily(m, session.family_id);
          await recordAudit(m, {
            action: AuditAction.REFRESH_TOKEN_REUSED, outcome: AuditOutcome.DENIED, entityType: 'RefreshSession', entityId: session.id,
            agencyId: session.agency_id, actorUserId: session.user_id, clientAddress: address,
          });
        }
        if (!current || current.revoked_at) return unauthenticated('Your session has ended; please sign in again', { reason: 'SESSION_REVOKED' });
        return unauthenticated('Your session has expired', { reason: 'SESSION_EXPIRED' });
      }
      const user = await this.loadUser(m, session.user_id);
      if (!user.active || !user.agency.active) {
        await revokeFamily(m, session.family_id);
        return user.active ? agencyInactive() : accountInactive();
      }
      return this.issue(m, user, session.family_id, address, {
        method: session.method, userAgent, familyExpiresAt: session.family_expires_at, replaces: session.id,
      });
    });
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  async logout(token: string | undefined, address: string): Promise<void> {
    if (!token) return;
    const session = await findRefreshSession(this.ds, Tokens.hashRefresh(token));
    if (!session) return;
    await inAgencyTransaction(this.ds, { agencyId: session.agency_id, userId: session.user_id }, async (m) => {
      await revokeFamily(m, session.family_id);
      await recordAudit(m, {
        action: AuditAction.LOGOUT, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: session.user_id,
        agencyId: session.agency_id, actorUserId: session.user_id, clientAddress: address,
      });
    });
  }

  private async findSession(token: string | undefined): Promise<FoundSessionRow> {
    if (!token) throw unauthenticated('No session: please sign in', { reason: 'NO_SESSION' });
    const session = await findRefreshSession(this.ds, Tokens.hashRefresh(token));
    if (!session) throw unauthenticated('Your session has ended; please sign in again', { reason: 'SESSION_REVOKED' });
    return session;
  }

  private async loadUser(m: EntityManager, id: string): Promise<UserRow> {
    const user = await userById(m, id);
    if (!user) throw new Error(`user ${id} is not visible here`);
    return user;
  }

  /**
   * New refresh session in `family`, and an access token carrying what the walls need. A new family ends after the
   * agency's session hours (at most SESSION_MAX_HOURS); a refreshed one keeps its end, and no token outlives it.
   */
  private async issue(m: EntityManager, user: UserRow, familyId: string, address: string, opts: IssueOptions): Promise<SignedIn> {
    const { agency } = user;
    const familyExpiresAt = opts.familyExpiresAt ?? new Date(Date.now() + Math.min(agency.session_hours, this.config.SESSION_MAX_HOURS) * 3_600_000);
    const refresh = this.tokens.newRefreshToken();
    const expiresAt = new Date(Math.min(refresh.expiresAt.getTime(), familyExpiresAt.getTime()));
    // A refreshed family keeps its sign-in time; the refreshed token is marked replaced in the same statement.
    await insertRefreshSession(m, {
      userId: user.id, agencyId: user.agency_id, familyId, tokenHash: refresh.hash, expiresAt, clientAddress: address,
      method: opts.method, familyExpiresAt, userAgent: opts.userAgent?.slice(0, 300) ?? null, replaces: opts.replaces,
    });
    const actor: Actor = {
      userId: user.id, agencyId: user.agency_id, agencyKind: agency.kind, email: user.email, roles: user.roles,
      nationalAdmin: agency.coordinating && user.roles.includes(Role.ADMIN), sessionId: familyId,
    };
    const seconds = Math.max(1, Math.min(LOGIN_POLICY.accessTokenSeconds, Math.floor((familyExpiresAt.getTime() - Date.now()) / 1000)));
    const access = this.tokens.signAccess(actor, seconds);
    return {
      accessToken: access.token, expiresAt: access.expiresAt, user: UserModel.from(user), refresh: { token: refresh.token, expiresAt },
      sessionExpiresAt: familyExpiresAt, idleLockMinutes: agency.idle_lock_minutes,
    };
  }

  /**
   * A closed or sleeping portal stops refreshing; when the gap since the last refresh is longer than the agency's
   * idle time plus one access token's life, the session is locked here, server-side, whatever the portal does.
   */
  private async idleTooLong(ctx: ActingContext, session: FoundSessionRow): Promise<boolean> {
    return inAgencyTransaction(this.ds, ctx, async (m) => {
      const policy = await signInPolicyOf(m, session.agency_id);
      const limit = (policy.idle_lock_minutes * 60 + LOGIN_POLICY.accessTokenSeconds) * 1000;
      if (Date.now() - new Date(session.created_at).getTime() <= limit) return false;
      await setSessionLock(m, session.family_id, true);
      await recordAudit(m, {
        action: AuditAction.SESSION_LOCKED, outcome: AuditOutcome.SUCCESS, entityType: 'RefreshSession', entityId: session.family_id,
        agencyId: session.agency_id, actorUserId: session.user_id, details: { reason: 'IDLE' },
      });
      return true;
    });
  }

  /** The portal's idle lock: the session's refresh is refused until the lock screen proves the user again. */
  async lock(token: string | undefined, address: string): Promise<void> {
    const session = await this.findSession(token);
    if (session.revoked_at || session.replaced_by) return;
    await inAgencyTransaction(this.ds, { agencyId: session.agency_id, userId: session.user_id }, async (m) => {
      if ((await setSessionLock(m, session.family_id, true)) === 0) return;
      await recordAudit(m, {
        action: AuditAction.SESSION_LOCKED, outcome: AuditOutcome.SUCCESS, entityType: 'RefreshSession', entityId: session.family_id,
        agencyId: session.agency_id, actorUserId: session.user_id, clientAddress: address, details: { reason: 'PORTAL_IDLE' },
      });
    });
  }

  /** WebAuthn options for unlocking with a passkey (the refresh cookie says whose session). */
  async passkeyUnlockOptions(token: string | undefined): Promise<string> {
    const session = await this.liveSession(token);
    return inAgencyTransaction(this.ds, { agencyId: session.agency_id, userId: session.user_id, roles: [] }, async (m) => {
      const options = await this.factors.passkeyAssertionOptions(m, session.user_id);
      await createChallenge(m, {
        userId: session.user_id, agencyId: session.agency_id, purpose: 'UNLOCK', tokenHash: challengeHash(options.challenge),
        minutes: SIGN_IN_POLICY.challengeMinutes, webauthnChallenge: options.challenge,
      });
      return options.json;
    });
  }

  /** The lock screen: the password or a passkey again (failures count towards the lock), then the session goes on. */
  async unlock(token: string | undefined, proof: FactorProof, address: string, userAgent: string | null): Promise<SignedIn> {
    const session = await this.liveSession(token);
    const ctx: ActingContext = { agencyId: session.agency_id, userId: session.user_id, roles: [] };
    // Checked before an attempt is counted: a malformed request is not a guess.
    if (proof.totpCode || proof.recoveryCode || !proof.password === !proof.passkey) {
      throw new AppError('BAD_USER_INPUT', 'input: unlock with your password or a passkey · 请使用密码或通行密钥解锁', { field: 'input' });
    }
    const email = await this.emailOf(ctx, session.user_id);
    const claim = await this.claimAttempt(ctx, session.user_id);
    if (!claim.tried) throw accountLocked(claim.lockedUntil);
    const method = await inAgencyTransaction(this.ds, ctx, async (m) => {
      const challenge = proof.passkey ? await latestChallenge(m, session.user_id, 'UNLOCK') : null;
      const used = await this.checkProof(m, session.user_id, proof, challenge?.webauthn_challenge ?? null);
      if (used && challenge && !(await spendChallenge(m, challenge.id))) return undefined;
      return used;
    });
    if (!method) {
      await this.recordFailure(ctx, session.user_id, email, address, claim.lockedUntil, AuditAction.SECOND_FACTOR_FAILED);
      throw claim.lockedUntil ? accountLocked(claim.lockedUntil) : unauthenticated('Wrong password or passkey · 密码或通行密钥不正确', { reason: 'INVALID_CREDENTIALS' });
    }
    await inAgencyTransaction(this.ds, ctx, async (m) => {
      await clearFailedAttempts(m, session.user_id);
      await setSessionLock(m, session.family_id, false);
      await recordAudit(m, {
        action: AuditAction.SESSION_UNLOCKED, outcome: AuditOutcome.SUCCESS, entityType: 'RefreshSession', entityId: session.family_id,
        agencyId: session.agency_id, actorUserId: session.user_id, actorEmail: email, clientAddress: address, details: { method },
      });
    });
    return this.refresh(token, address, userAgent, true);
  }

  /** The cookie's session, still open (locked or not). */
  private async liveSession(token: string | undefined): Promise<FoundSessionRow> {
    const session = await this.findSession(token);
    if (session.revoked_at || session.replaced_by) throw unauthenticated('Your session has ended; please sign in again · 会话已结束，请重新登录', { reason: 'SESSION_REVOKED' });
    if (session.family_expires_at <= new Date() || session.expires_at <= new Date()) {
      throw unauthenticated('Your session has expired · 会话已过期', { reason: 'SESSION_EXPIRED' });
    }
    return session;
  }

  private async audit(ctx: ActingContext, address: string, action: AuditAction, userId: string | null, email: string, details: Record<string, unknown>): Promise<void> {
    await inAgencyTransaction(this.ds, ctx, (m) =>
      recordAudit(m, {
        action, outcome: AuditOutcome.FAILURE, entityType: 'User', entityId: userId, agencyId: ctx.agencyId,
        actorUserId: userId, actorEmail: email.toLowerCase().slice(0, 254), clientAddress: address, details,
      }),
    );
  }
}
