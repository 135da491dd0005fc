import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyKind, AuditAction, AuditOutcome, LOGIN_POLICY, Role } from '@caselink/domain';
import { ActingContext, inAgencyTransaction, recordAudit, RefreshSession, rowsOf, User } from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { AppError, unauthenticated } from '../common/errors';
import { UserModel } from '../users/user.model';
import { verifyPassword } from './passwords';
import { Tokens } from './tokens';

interface FoundUser {
  id: string;
  agency_id: string;
  password_hash: string;
  active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
}

interface FoundSession {
  id: string;
  user_id: string;
  agency_id: string;
  family_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  replaced_by: string | null;
}

export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  user: UserModel;
  refresh: { token: string; expiresAt: Date };
}

const invalidCredentials = () => unauthenticated('Wrong e-mail or password', { reason: 'INVALID_CREDENTIALS' });
const accountLocked = (until: Date) =>
  unauthenticated(`Account locked after ${LOGIN_POLICY.maxFailedAttempts} failed attempts until ${until.toISOString()}`, {
    reason: 'ACCOUNT_LOCKED', lockedUntil: until.toISOString(),
  });
const accountInactive = () => unauthenticated('This account has been deactivated', { reason: 'ACCOUNT_INACTIVE' });

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
  ) {}

  /**
   * Nothing here tells an unknown e-mail from a known one to a caller without the password: both answer
   * INVALID_CREDENTIALS (after one Argon2 verification each), and both "lock" after the same number of
   * failures (unknown e-mails are counted in auth_unknown_login_attempts). Only the right password
   * learns that the account is deactivated. A locked account answers ACCOUNT_LOCKED to every password
   * without checking it, so guessing cannot go on (or be confirmed) while it is locked.
   */
  async login(email: string, password: string, address: string): Promise<SignedIn> {
    const [found]: FoundUser[] = await this.ds.query('SELECT * FROM auth_find_user_by_email($1)', [email]);
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
    if (!found.active) {
      // The right password: the caller may know the account is off (the portal says so).
      await inAgencyTransaction(this.ds, ctx, (m) => m.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [found.id]));
      await this.audit(ctx, address, AuditAction.LOGIN_FAILED, found.id, email, { reason: 'ACCOUNT_INACTIVE' });
      throw accountInactive();
    }
    return inAgencyTransaction(this.ds, ctx, async (m) => {
      await m.query(
        'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = now() WHERE id = $1',
        [found.id],
      );
      const user = await this.loadUser(m, found.id);
      await recordAudit(m, {
        action: AuditAction.LOGIN, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: user.id,
        agencyId: user.agencyId, actorUserId: user.id, actorEmail: user.email, clientAddress: address,
      });
      return this.issue(m, user, crypto.randomUUID(), address);
    });
  }

  /** An unknown e-mail goes through the same steps (a counted attempt, one Argon2 verification) as a wrong password. */
  private async failUnknown(email: string, password: string, address: string): Promise<never> {
    // No agency and no role: not SYSTEM (which a user-less context would otherwise act as).
    const anonymous: ActingContext = { agencyId: null, userId: null, roles: [] };
    const emailHash = createHash('sha256').update(email.toLowerCase()).digest();
    const [claim] = await inAgencyTransaction(this.ds, anonymous, async (m) =>
      rowsOf<{ was_locked: boolean; locked_until: Date | null }>(await m.query(
        'SELECT * FROM auth_claim_unknown_login_attempt($1, $2, $3)',
        [emailHash, LOGIN_POLICY.maxFailedAttempts, LOGIN_POLICY.lockMinutes],
      )),
    );
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
        const [claimed] = rowsOf<{ locked_until: Date | null; locks: boolean }>(await m.query(
          `UPDATE users SET
             failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
             locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
           WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
           RETURNING locked_until, coalesce(locked_until > now(), false) AS locks`,
          [userId, LOGIN_POLICY.maxFailedAttempts, LOGIN_POLICY.lockMinutes],
        ));
        if (claimed) return { tried: true as const, lockedUntil: claimed.locks ? claimed.locked_until : null };
        // A new statement: sees the lock that made the UPDATE skip the row.
        const [current] = rowsOf<{ locked_until: Date | null }>(await m.query(
          'SELECT locked_until FROM users WHERE id = $1 AND locked_until > now()', [userId],
        ));
        if (current?.locked_until) return { tried: false as const, lockedUntil: current.locked_until };
      }
      throw invalidCredentials();
    });
  }

  /** Audits a failed attempt; if that attempt set the lock, also the lock (once) and its notice. */
  private async recordFailure(ctx: ActingContext, userId: string, email: string, address: string, lockedUntil: Date | null): Promise<void> {
    const eventId = await inAgencyTransaction(this.ds, ctx, async (m) => {
      const base = { outcome: AuditOutcome.FAILURE, entityType: 'User', entityId: userId, agencyId: ctx.agencyId, actorUserId: userId, actorEmail: email, clientAddress: address };
      await recordAudit(m, { ...base, action: AuditAction.LOGIN_FAILED, details: { reason: 'INVALID_CREDENTIALS' } });
      if (!lockedUntil) return null;
      return recordAudit(m, { ...base, action: AuditAction.ACCOUNT_LOCKED, details: { lockedUntil: lockedUntil.toISOString() } });
    });
    if (!lockedUntil || !eventId) return;
    // After commit: the job's id comes from the audit event, so a retry here cannot notify twice.
    await this.jobs
      .notify({ kind: 'ACCOUNT_LOCKED', agencyId: ctx.agencyId as string, subjectUserId: userId, subjectEmail: email, lockedUntil: lockedUntil.toISOString(), auditEventId: eventId })
      .catch((e: unknown) => this.log.error(`Could not enqueue the lock notice for ${userId}: ${String(e)}`));
  }

  async refresh(token: string | undefined, address: string): Promise<SignedIn> {
    const session = await this.findSession(token);
    const ctx: ActingContext = { agencyId: session.agency_id, userId: session.user_id };
    const outcome = await inAgencyTransaction(this.ds, ctx, async (m): Promise<SignedIn | AppError> => {
      // Rotation is claimed in one conditional UPDATE: of two refreshes with one cookie, the second waits
      // on the row lock, then matches nothing, and is handled below as the reuse it is.
      const [claimed] = rowsOf<{ id: string }>(await m.query(
        `UPDATE refresh_sessions SET revoked_at = now()
         WHERE id = $1 AND revoked_at IS NULL AND replaced_by IS NULL AND expires_at > now() RETURNING id`,
        [session.id],
      ));
      if (!claimed) {
        // A new statement, so it sees what the winner committed.
        const [current] = rowsOf<Pick<FoundSession, 'revoked_at' | 'replaced_by'>>(await m.query(
          'SELECT revoked_at, replaced_by FROM refresh_sessions WHERE id = $1', [session.id],
        ));
        // A rotated token came back: someone kept a copy. End the whole family.
        if (current?.replaced_by) {
          await m.query('UPDATE refresh_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1', [session.family_id]);
          await recordAudit(m, {
            action: AuditAction.REFRESH_TOKEN_REUSED, outcome: AuditOutcome.DENIED, entityType: 'RefreshSession', entityId: session.id,
            agencyId: session.agency_id, actorUserId: session.user_id, clientAddress: address,
          });
        }
        if (!current || current.revoked_at) return unauthenticated('Your session has ended; please sign in again', { reason: 'SESSION_REVOKED' });
        return unauthenticated('Your session has expired', { reason: 'SESSION_EXPIRED' });
      }
      const user = await this.loadUser(m, session.user_id);
      if (!user.active) {
        await m.query('UPDATE refresh_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1', [session.family_id]);
        return accountInactive();
      }
      const signedIn = await this.issue(m, user, session.family_id, address);
      await m.query(
        'UPDATE refresh_sessions SET replaced_by = (SELECT id FROM refresh_sessions WHERE token_hash = $2) WHERE id = $1',
        [session.id, Tokens.hashRefresh(signedIn.refresh.token)],
      );
      return signedIn;
    });
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  async logout(token: string | undefined, address: string): Promise<void> {
    if (!token) return;
    const [session]: FoundSession[] = await this.ds.query('SELECT * FROM auth_find_refresh_session($1)', [Tokens.hashRefresh(token)]);
    if (!session) return;
    await inAgencyTransaction(this.ds, { agencyId: session.agency_id, userId: session.user_id }, async (m) => {
      await m.query('UPDATE refresh_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1', [session.family_id]);
      await recordAudit(m, {
        action: AuditAction.LOGOUT, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: session.user_id,
        agencyId: session.agency_id, actorUserId: session.user_id, clientAddress: address,
      });
    });
  }

  private async findSession(token: string | undefined): Promise<FoundSession> {
    if (!token) throw unauthenticated('No session: please sign in', { reason: 'NO_SESSION' });
    const [session]: FoundSession[] = await this.ds.query('SELECT * FROM auth_find_refresh_session($1)', [Tokens.hashRefresh(token)]);
    if (!session) throw unauthenticated('Your session has ended; please sign in again', { reason: 'SESSION_REVOKED' });
    return session;
  }

  private async loadUser(m: EntityManager, id: string): Promise<User> {
    return m.getRepository(User).findOneOrFail({ where: { id }, relations: { agency: true } });
  }

  /** New refresh session in `family`, and an access token carrying what the walls need. */
  private async issue(m: EntityManager, user: User, familyId: string, address: string): Promise<SignedIn> {
    const agency = user.agency as NonNullable<User['agency']>;
    const refresh = this.tokens.newRefreshToken();
    await m.getRepository(RefreshSession).insert({
      userId: user.id, agencyId: user.agencyId, familyId, tokenHash: refresh.hash, expiresAt: refresh.expiresAt, clientAddress: address,
    });
    const actor: Actor = {
      userId: user.id, agencyId: user.agencyId, agencyKind: agency.kind as AgencyKind, email: user.email, roles: user.roles,
      nationalAdmin: agency.coordinating && user.roles.includes(Role.ADMIN),
    };
    const access = this.tokens.signAccess(actor);
    return { accessToken: access.token, expiresAt: access.expiresAt, user: UserModel.from(user), refresh: { token: refresh.token, expiresAt: refresh.expiresAt } };
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
