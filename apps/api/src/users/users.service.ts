import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, Role, rolesNotAllowed, SecondFactorKind } from '@caselink/domain';
import {
  agencyById, deleteAllSecondFactors, endSessions, factorKindsOf, findUserByEmail, insertUser, listUsers, openSessionsOf, recordAudit, resetUserPassword,
  setUserActive, setUserRoles, userById, UserRow,
} from '@caselink/db';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { isUniqueViolation } from '../common/db-errors';
import { hashPassword } from '../auth/passwords';
import { UserModel } from './user.model';
import { LiveSessions } from '../live/live-sessions';
import { SignInSessionModel } from '../account/account.model';
import { toSessionModel } from '../account/account.service';
import { CreateUserInput } from './users.dto';

/**
 * Users of the caller's own agency. Row-level security already hides every other agency's users;
 * the checks here say why a request is refused instead of pretending the user does not exist.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly live: LiveSessions,
  ) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  async get(id: string): Promise<UserModel> {
    const user = await userById(this.m, id);
    if (!user) throw notFound('User', id);
    return UserModel.from(user);
  }

  /** user(id): what the users list would show, the caller's own agency (a national admin's reads cross agencies, the list does not). */
  async visible(actor: Actor, id: string): Promise<UserModel> {
    const user = await this.get(id);
    if (user.agency.id !== actor.agencyId) throw notFound('User', id);
    return user;
  }

  async list(actor: Actor, page: PageArgs, includeInactive: boolean): Promise<Connection<UserModel>> {
    const { rows, total } = await listUsers(this.m, {
      agencyId: actor.agencyId, includeInactive, afterId: page.after ? decodeCursor(page.after) : null, limit: page.first + 1,
    });
    const edges = rows.slice(0, page.first).map((u) => ({ cursor: encodeCursor(u.id), node: UserModel.from(u) }));
    return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  /** Creates a user in `agencyId` (the caller's own, or a new agency's first admin when called by createAgency). */
  async create(actor: Actor, input: CreateUserInput, address: string, agencyId = actor.agencyId, field = 'input'): Promise<UserModel> {
    const agency = await agencyById(this.m, agencyId);
    if (!agency) throw notFound('Agency', agencyId);
    const wrongRoles = rolesNotAllowed(agency.kind, input.roles);
    if (wrongRoles.length > 0) throw badInput(`${field}.roles`, `${wrongRoles.join(', ')} not allowed in a ${agency.kind} agency`);
    const email = input.email.trim().toLowerCase();
    if (await findUserByEmail(this.m, email)) throw conflict(`${field}.email: ${email} is already registered`, { field: `${field}.email` });
    const roles = [...new Set(input.roles)];
    let userId: string;
    try {
      userId = await insertUser(this.m, { agencyId, email, displayName: input.displayName.trim(), roles, passwordHash: await hashPassword(input.password) });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`${field}.email: ${email} is already registered`, { field: `${field}.email` });
      throw e;
    }
    await this.audit(actor, AuditAction.USER_CREATED, userId, address, { email, roles, agencyId });
    return this.get(userId);
  }

  async setActive(actor: Actor, id: string, active: boolean, address: string): Promise<UserModel> {
    const user = await this.ownUser(actor, id);
    if (!active && user.id === actor.userId) throw badInput('id', 'you cannot deactivate your own account');
    if (user.active !== active) {
      await setUserActive(this.m, id, active);
      if (!active) {
        await endSessions(this.m, id, 'USER_DEACTIVATED');
        // Its live connections close at once, on every api process.
        this.tx.afterCommit(() => this.live.end({ userIds: [id] }));
      }
      await this.audit(actor, active ? AuditAction.USER_REACTIVATED : AuditAction.USER_DEACTIVATED, id, address, { email: user.email });
    }
    return this.get(id);
  }

  /** Sets a new password, unlocks the account and ends its sessions. */
  async resetPassword(actor: Actor, id: string, newPassword: string, address: string): Promise<UserModel> {
    const user = await this.ownUser(actor, id);
    await resetUserPassword(this.m, id, await hashPassword(newPassword));
    await endSessions(this.m, id, 'PASSWORD_RESET');
    await this.audit(actor, AuditAction.USER_PASSWORD_RESET, id, address, { email: user.email });
    this.tx.afterCommit(() => this.live.end({ userIds: [id] }));
    return this.get(id);
  }

  /** Roles within what the access table allows the agency's kind; an admin cannot drop their own ADMIN (no agency without one). */
  async setRoles(actor: Actor, id: string, roles: Role[], address: string): Promise<UserModel> {
    const user = await this.ownUser(actor, id);
    const wanted = [...new Set(roles)];
    const wrong = rolesNotAllowed(user.agency.kind, wanted);
    if (wrong.length > 0) throw badInput('roles', `${wrong.join(', ')} not allowed in a ${user.agency.kind} agency · 该类机构不允许这些角色`);
    if (id === actor.userId && !wanted.includes(Role.ADMIN)) throw badInput('roles', 'you cannot remove your own ADMIN role · 不能移除自己的管理员角色');
    const before = [...user.roles].sort();
    if (before.join() !== [...wanted].sort().join()) {
      await setUserRoles(this.m, id, wanted);
      // The new roles apply from the user's next token refresh (at most 15 minutes); the user sees why.
      await this.audit(actor, AuditAction.USER_ROLES_CHANGED, id, address, { email: user.email, before, after: [...wanted].sort() });
    }
    return this.get(id);
  }

  /** A lost phone or key: every factor and recovery code goes, and the user's sessions end. */
  async resetSecondFactors(actor: Actor, id: string, address: string): Promise<UserModel> {
    const user = await this.ownUser(actor, id);
    const removed = await deleteAllSecondFactors(this.m, id);
    const ended = await endSessions(this.m, id, 'FACTORS_RESET');
    await this.audit(actor, AuditAction.SECOND_FACTORS_RESET, id, address, { email: user.email, factorsRemoved: removed, sessionsEnded: ended.length });
    this.tx.afterCommit(() => this.live.end({ userIds: [id] }));
    return this.get(id);
  }

  async sessionsOf(actor: Actor, id: string): Promise<SignInSessionModel[]> {
    await this.ownUser(actor, id);
    return (await openSessionsOf(this.m, id)).map((s) => toSessionModel(s, actor.userId === id ? actor.sessionId : undefined));
  }

  async endSessionsOf(actor: Actor, id: string, address: string): Promise<number> {
    const user = await this.ownUser(actor, id);
    const ended = await endSessions(this.m, id, 'ENDED_BY_ADMIN');
    await this.audit(actor, AuditAction.SESSION_ENDED, id, address, { email: user.email, sessions: ended.length, by: 'ADMIN' });
    this.tx.afterCommit(() => this.live.end({ userIds: [id] }));
    return ended.length;
  }

  /** Second factor kinds per user, for admins (null for other roles: they may not read factors). */
  async factorKindsInOwnTransaction(actor: Actor, ids: readonly string[]): Promise<Map<string, SecondFactorKind[]> | null> {
    if (!actor.roles.includes(Role.ADMIN)) return null;
    return (await this.tx.runAs(actor, () => factorKindsOf(this.m, ids))) as Map<string, SecondFactorKind[]>;
  }

  /** The user with its agency (one statement: setRoles checks the roles against the agency's kind). */
  private async ownUser(actor: Actor, id: string): Promise<UserRow> {
    const user = await userById(this.m, id);
    if (!user) throw notFound('User', id);
    // Only reachable for a national admin, whose reads cross agencies: changes never do.
    if (user.agency_id !== actor.agencyId) throw forbidden('You may only change users of your own agency');
    return user;
  }

  private audit(actor: Actor, action: AuditAction, userId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.m, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: userId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
