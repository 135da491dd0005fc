import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyKind, AuditAction, AuditOutcome, isLocked, LOGIN_POLICY, Role } from '@caselink/domain';
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

  async login(email: string, password: string, address: string): Promise<SignedIn> {
    const [found]: FoundUser[] = await this.ds.query('SELECT * FROM auth_find_user_by_email($1)', [email]);
    if (!found) {
      await verifyPassword(null, password);
      await this.audit({ agencyId: null, userId: null }, address, AuditAction.LOGIN_FAILED, null, email, { reason: 'UNKNOWN_EMAIL' });
      throw invalidCredentials();
    }
    const ctx: ActingContext = { agencyId: found.agency_id, userId: found.id };
    const now = new Date();
    if (!found.active) {
      await this.audit(ctx, address, AuditAction.LOGIN_FAILED, found.id, email, { reason: 'ACCOUNT_INACTIVE' });
      throw accountInactive();
    }
    // A locked account is not even tried: guessing must not go on while it is locked.
    if (isLocked({ failedAttempts: found.failed_attempts, lockedUntil: found.locked_until }, now)) {
      await this.audit(ctx, address, AuditAction.LOGIN_FAILED, found.id, email, { reason: 'ACCOUNT_LOCKED' });
      throw accountLocked(found.locked_until as Date);
    }
    if (!(await verifyPassword(found.password_hash, password))) {
      const lockedUntil = await this.recordFailure(ctx, found.id, email, address);
      throw lockedUntil ? accountLocked(lockedUntil) : invalidCredentials();
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

  /** Counts one failure atomically (parallel guesses line up on the row lock); returns the lock time if this locked it. */
  private async recordFailure(ctx: ActingContext, userId: string, email: string, address: string): Promise<Date | null> {
    const locked = await inAgencyTransaction(this.ds, ctx, async (m) => {
      const [row] = rowsOf<{ locked_until: Date | null; just_locked: boolean }>(await m.query(
        `UPDATE users SET
           failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1
         RETURNING locked_until, (failed_attempts = 0) AS just_locked`,
        [userId, LOGIN_POLICY.maxFailedAttempts, LOGIN_POLICY.lockMinutes],
      ));
      const base = { outcome: AuditOutcome.FAILURE, entityType: 'User', entityId: userId, agencyId: ctx.agencyId, actorUserId: userId, actorEmail: email, clientAddress: address };
      await recordAudit(m, { ...base, action: AuditAction.LOGIN_FAILED, details: { reason: 'INVALID_CREDENTIALS' } });
      if (!row.just_locked || !row.locked_until) return null;
      const eventId = await recordAudit(m, { ...base, action: AuditAction.ACCOUNT_LOCKED, details: { lockedUntil: row.locked_until.toISOString() } });
      return { until: row.locked_until, eventId };
    });
    if (!locked) return null;
    // After commit: the job's id comes from the audit event, so a retry here cannot notify twice.
    await this.jobs
      .notify({ kind: 'ACCOUNT_LOCKED', agencyId: ctx.agencyId as string, subjectUserId: userId, subjectEmail: email, lockedUntil: locked.until.toISOString(), auditEventId: locked.eventId })
      .catch((e: unknown) => this.log.error(`Could not enqueue the lock notice for ${userId}: ${String(e)}`));
    return locked.until;
  }

  async refresh(token: string | undefined, address: string): Promise<SignedIn> {
    const session = await this.findSession(token);
    const ctx: ActingContext = { agencyId: session.agency_id, userId: session.user_id };
    const outcome = await inAgencyTransaction(this.ds, ctx, async (m): Promise<SignedIn | AppError> => {
      if (session.replaced_by || session.revoked_at) {
        // A rotated token came back: someone kept a copy. End the whole family.
        if (session.replaced_by) {
          await m.query('UPDATE refresh_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1', [session.family_id]);
          await recordAudit(m, {
            action: AuditAction.REFRESH_TOKEN_REUSED, outcome: AuditOutcome.DENIED, entityType: 'RefreshSession', entityId: session.id,
            agencyId: session.agency_id, actorUserId: session.user_id, clientAddress: address,
          });
        }
        return unauthenticated('Your session has ended; please sign in again', { reason: 'SESSION_REVOKED' });
      }
      if (session.expires_at.getTime() <= Date.now()) return unauthenticated('Your session has expired', { reason: 'SESSION_EXPIRED' });
      const user = await this.loadUser(m, session.user_id);
      if (!user.active) {
        await m.query('UPDATE refresh_sessions SET revoked_at = now() WHERE family_id = $1', [session.family_id]);
        return accountInactive();
      }
      const signedIn = await this.issue(m, user, session.family_id, address);
      await m.query(
        `UPDATE refresh_sessions SET revoked_at = now(), replaced_by = (SELECT id FROM refresh_sessions WHERE token_hash = $2)
         WHERE id = $1`,
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
