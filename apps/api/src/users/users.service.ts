import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, rolesNotAllowed } from '@caselink/domain';
import { Agency, recordAudit, User } from '@caselink/db';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, PageArgs, paginate } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { isUniqueViolation } from '../common/db-errors';
import { hashPassword } from '../auth/passwords';
import { UserModel } from './user.model';
import { CreateUserInput } from './users.dto';

/**
 * Users of the caller's own agency. Row-level security already hides every other agency's users;
 * the checks here say why a request is refused instead of pretending the user does not exist.
 */
@Injectable()
export class UsersService {
  constructor(private readonly tx: RequestTransaction) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  async get(id: string): Promise<UserModel> {
    const user = await this.m.getRepository(User).findOne({ where: { id }, relations: { agency: true } });
    if (!user) throw notFound('User', id);
    return UserModel.from(user);
  }

  /** user(id): what the users list would show, the caller's own agency (a national admin's reads cross agencies, the list does not). */
  async visible(actor: Actor, id: string): Promise<UserModel> {
    const user = await this.get(id);
    if (user.agency.id !== actor.agencyId) throw notFound('User', id);
    return user;
  }

  list(actor: Actor, page: PageArgs, includeInactive: boolean): Promise<Connection<UserModel>> {
    const q = this.m.getRepository(User).createQueryBuilder('u').innerJoinAndSelect('u.agency', 'a')
      .where('u.agency_id = :agency', { agency: actor.agencyId });
    if (!includeInactive) q.andWhere('u.active');
    return paginate(q, page, UserModel.from);
  }

  /** Creates a user in `agencyId` (the caller's own, or a new agency's first admin when called by createAgency). */
  async create(actor: Actor, input: CreateUserInput, address: string, agencyId = actor.agencyId, field = 'input'): Promise<UserModel> {
    const agency = await this.m.getRepository(Agency).findOneBy({ id: agencyId });
    if (!agency) throw notFound('Agency', agencyId);
    const wrongRoles = rolesNotAllowed(agency.kind, input.roles);
    if (wrongRoles.length > 0) throw badInput(`${field}.roles`, `${wrongRoles.join(', ')} not allowed in a ${agency.kind} agency`);
    const email = input.email.trim().toLowerCase();
    const [taken]: unknown[] = await this.m.query('SELECT 1 FROM auth_find_user_by_email($1)', [email]);
    if (taken) throw conflict(`${field}.email: ${email} is already registered`, { field: `${field}.email` });
    let user: User;
    try {
      user = await this.m.getRepository(User).save(
        this.m.getRepository(User).create({
          agencyId, email, displayName: input.displayName.trim(), roles: [...new Set(input.roles)], passwordHash: await hashPassword(input.password),
        }),
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`${field}.email: ${email} is already registered`, { field: `${field}.email` });
      throw e;
    }
    await this.audit(actor, AuditAction.USER_CREATED, user.id, address, { email, roles: user.roles, agencyId });
    return this.get(user.id);
  }

  async setActive(actor: Actor, id: string, active: boolean, address: string): Promise<UserModel> {
    const user = await this.ownUser(actor, id);
    if (!active && user.id === actor.userId) throw badInput('id', 'you cannot deactivate your own account');
    if (user.active !== active) {
      await this.m.getRepository(User).update({ id }, { active });
      if (!active) await this.m.query('UPDATE refresh_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      await this.audit(actor, active ? AuditAction.USER_REACTIVATED : AuditAction.USER_DEACTIVATED, id, address, { email: user.email });
    }
    return this.get(id);
  }

  /** Sets a new password, unlocks the account and ends its sessions. */
  async resetPassword(actor: Actor, id: string, newPassword: string, address: string): Promise<UserModel> {
    const user = await this.ownUser(actor, id);
    await this.m.getRepository(User).update({ id }, { passwordHash: await hashPassword(newPassword), failedAttempts: 0, lockedUntil: null });
    await this.m.query('UPDATE refresh_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
    await this.audit(actor, AuditAction.USER_PASSWORD_RESET, id, address, { email: user.email });
    return this.get(id);
  }

  private async ownUser(actor: Actor, id: string): Promise<User> {
    const user = await this.m.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('User', id);
    // Only reachable for a national admin, whose reads cross agencies: changes never do.
    if (user.agencyId !== actor.agencyId) throw forbidden('You may only change users of your own agency');
    return user;
  }

  private audit(actor: Actor, action: AuditAction, userId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.m, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'User', entityId: userId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
