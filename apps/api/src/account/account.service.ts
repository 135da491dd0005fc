import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, secondFactorRequired, SecondFactorKind, SignInMethod } from '@caselink/domain';
import {
  deleteRecoveryCodes, deleteSecondFactor, endSessions, openSessionsOf, passwordHashOf, recordAudit, recoveryCodesLeft, secondFactorsOf, SecondFactorRow,
  SessionRow, setOwnPassword, signInPolicyOf, userById,
} from '@caselink/db';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AppError, badInput, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { SecondFactors } from '../auth/factors/second-factors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { LiveSessions } from '../live/live-sessions';
import { AccountSecurity, FactorEnrolled, SecondFactorModel, SignInSessionModel, TotpEnrolment } from './account.model';

export const toFactorModel = (f: SecondFactorRow): SecondFactorModel => ({
  id: f.id, kind: f.kind as SecondFactorKind, label: f.label, createdAt: f.created_at, lastUsedAt: f.last_used_at,
});

export const toSessionModel = (s: SessionRow, currentFamily?: string): SignInSessionModel => ({
  id: s.family_id, method: s.method as SignInMethod, signedInAt: s.signed_in_at, lastActiveAt: s.created_at, expiresAt: s.family_expires_at,
  clientAddress: s.client_address, userAgent: s.user_agent, locked: s.locked_at !== null, current: s.family_id === currentFamily,
});

const wrongPassword = () => badInput('input.password', 'the password is not right · 密码不正确');

/**
 * The signed-in user's own sign-in: second factors, recovery codes, password and sessions. Runs in the request's
 * transaction acting as the user; row-level security keeps every statement to the user's own rows.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly factors: SecondFactors,
    private readonly live: LiveSessions,
  ) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  private owner(actor: Actor) {
    return { userId: actor.userId, agencyId: actor.agencyId, email: actor.email };
  }

  async security(actor: Actor): Promise<AccountSecurity> {
    const [factors, left, policy, user] = [
      await secondFactorsOf(this.m, actor.userId), await recoveryCodesLeft(this.m, actor.userId), await signInPolicyOf(this.m, actor.agencyId),
      await userById(this.m, actor.userId),
    ];
    if (!user) throw new Error(`user ${actor.userId} is not visible here`);
    return {
      factors: factors.map(toFactorModel), recoveryCodesLeft: left, secondFactorRequired: secondFactorRequired(policy.agency_requires, policy.national_requires),
      idleLockMinutes: policy.idle_lock_minutes, sessionHours: policy.session_hours, passwordChangedAt: user.password_changed_at,
    };
  }

  startTotp(actor: Actor): Promise<TotpEnrolment> {
    return this.factors.startTotpEnrolment(this.m, this.owner(actor));
  }

  async confirmTotp(actor: Actor, code: string, label: string, address: string): Promise<FactorEnrolled> {
    const factor = await this.factors.confirmTotpEnrolment(this.m, this.owner(actor), code, label.trim());
    return this.enrolled(actor, factor, address);
  }

  passkeyOptions(actor: Actor): Promise<string> {
    return this.factors.passkeyRegistrationOptions(this.m, this.owner(actor));
  }

  async registerPasskey(actor: Actor, response: string, label: string, address: string): Promise<FactorEnrolled> {
    const factor = await this.factors.registerPasskey(this.m, this.owner(actor), response, label.trim());
    return this.enrolled(actor, factor, address);
  }

  /** The first factor brings recovery codes (shown once); later ones leave the codes as they are. */
  private async enrolled(actor: Actor, factor: SecondFactorRow, address: string): Promise<FactorEnrolled> {
    const recoveryCodes = (await recoveryCodesLeft(this.m, actor.userId)) === 0 ? await this.factors.newRecoveryCodes(this.m, this.owner(actor)) : [];
    await this.audit(actor, AuditAction.SECOND_FACTOR_ENROLLED, address, { kind: factor.kind, label: factor.label, factorId: factor.id });
    if (recoveryCodes.length > 0) await this.audit(actor, AuditAction.RECOVERY_CODES_GENERATED, address, { count: recoveryCodes.length });
    return { factor: toFactorModel(factor), recoveryCodes };
  }

  async removeFactor(actor: Actor, id: string, password: string, address: string): Promise<boolean> {
    await this.checkPassword(actor, password);
    const factors = await secondFactorsOf(this.m, actor.userId);
    if (!factors.some((f) => f.id === id)) throw notFound('SecondFactor', id);
    const policy = await signInPolicyOf(this.m, actor.agencyId);
    if (factors.length === 1 && secondFactorRequired(policy.agency_requires, policy.national_requires)) {
      throw new AppError('CONFLICT', 'Your agency requires a second factor: add another before removing the last · 本机构要求第二因素，请先添加新的再删除最后一个', {
        reason: 'SECOND_FACTOR_REQUIRED', field: 'input.id',
      });
    }
    const removed = await deleteSecondFactor(this.m, actor.userId, id);
    if (!removed) throw notFound('SecondFactor', id);
    // No factor left: recovery codes would be a way in without one.
    if (factors.length === 1) await deleteRecoveryCodes(this.m, actor.userId);
    await this.audit(actor, AuditAction.SECOND_FACTOR_REMOVED, address, { kind: removed.kind, label: removed.label, factorId: id });
    return true;
  }

  async regenerateRecoveryCodes(actor: Actor, password: string, address: string): Promise<string[]> {
    await this.checkPassword(actor, password);
    if ((await secondFactorsOf(this.m, actor.userId)).length === 0) {
      throw badInput('password', 'enrol a second factor first: recovery codes stand in for one · 请先绑定第二因素，恢复码用于替代它');
    }
    const codes = await this.factors.newRecoveryCodes(this.m, this.owner(actor));
    await this.audit(actor, AuditAction.RECOVERY_CODES_GENERATED, address, { count: codes.length });
    return codes;
  }

  /** A new password with the current one; every other session ends (a stolen session must not outlive the change). */
  async changePassword(actor: Actor, current: string, next: string, address: string): Promise<boolean> {
    await this.checkPassword(actor, current, 'input.currentPassword');
    if (current === next) throw badInput('input.newPassword', 'must differ from the current password · 新密码不能与当前密码相同');
    await setOwnPassword(this.m, await hashPassword(next));
    const ended = await endSessions(this.m, actor.userId, 'PASSWORD_CHANGED', { exceptFamily: actor.sessionId });
    await this.audit(actor, AuditAction.PASSWORD_CHANGED, address, { sessionsEnded: ended.length });
    this.tx.afterCommit(() => this.live.end({ userIds: [actor.userId], sessionIds: ended }));
    return true;
  }

  async sessions(actor: Actor): Promise<SignInSessionModel[]> {
    return (await openSessionsOf(this.m, actor.userId)).map((s) => toSessionModel(s, actor.sessionId));
  }

  async endSession(actor: Actor, sessionId: string, address: string): Promise<boolean> {
    const ended = await endSessions(this.m, actor.userId, 'ENDED_BY_USER', { familyId: sessionId });
    if (ended.length === 0) throw notFound('SignInSession', sessionId);
    await this.audit(actor, AuditAction.SESSION_ENDED, address, { sessionId, by: 'USER' });
    this.tx.afterCommit(() => this.live.end({ userIds: [actor.userId], sessionIds: ended }));
    return true;
  }

  async endOtherSessions(actor: Actor, address: string): Promise<number> {
    const ended = await endSessions(this.m, actor.userId, 'ENDED_BY_USER', { exceptFamily: actor.sessionId });
    if (ended.length > 0) {
      await this.audit(actor, AuditAction.SESSION_ENDED, address, { sessions: ended.length, by: 'USER' });
      this.tx.afterCommit(() => this.live.end({ userIds: [actor.userId], sessionIds: ended }));
    }
    return ended.length;
  }

  private async checkPassword(actor: Actor, password: string, field = 'input.password'): Promise<void> {
    const hash = await passwordHashOf(this.m, actor.userId);
    if (!hash || !(await verifyPassword(hash, password))) throw field === 'input.password' ? wrongPassword() : badInput(field, 'the password is not right · 密码不正确');
  }

  private audit(actor: Actor, action: AuditAction, address: string, details: Record<string, unknown>) {
    return recordAudit(this.m, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: actor.userId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
