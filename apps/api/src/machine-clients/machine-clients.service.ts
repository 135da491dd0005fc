import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction, AuditOutcome, MACHINE_CLIENT_POLICY, machineAccountEmail, machineClientRolesProblem,
} from '@caselink/domain';
import {
  insertMachineClient, listMachineClients, machineClientById, MachineClientRow, recordAudit, revokeMachineClient, rotateMachineClientSecret,
} from '@caselink/db';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { badInput, conflict, notFound } from '../common/errors';
import { isUniqueViolation } from '../common/db-errors';
import { RequestTransaction } from '../database/request-transaction';
import { hashPassword } from '../auth/passwords';
import { LiveSessions } from '../live/live-sessions';
import { MachineClientCredentialsModel, MachineClientModel } from './machine-client.model';
import { CreateMachineClientInput } from './machine-clients.dto';

/** The path of the token endpoint (OAuthTokenController). */
export const TOKEN_PATH = '/oauth/token';

/** A new secret: 256 random bits, and the last characters the admin page shows to tell secrets apart. */
function newSecret(): { secret: string; hint: string } {
  const secret = `mcs_${randomBytes(32).toString('base64url')}`;
  return { secret, hint: secret.slice(-4) };
}

/**
 * An agency's machine clients, for its admins (row-level security: their own agency's only, as ADMIN). Secrets are
 * hashed with the project's password hashing (Argon2id) and shown once; every change is audited as the agency.
 */
@Injectable()
export class MachineClientsService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly live: LiveSessions,
  ) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  async list(actor: Actor, includeRevoked: boolean): Promise<MachineClientModel[]> {
    return (await listMachineClients(this.m, { agencyId: actor.agencyId, includeRevoked })).map((r) => MachineClientModel.from(r));
  }

  async create(actor: Actor, input: CreateMachineClientInput, address: string): Promise<MachineClientCredentialsModel> {
    const name = input.name.trim();
    if (!name) throw badInput('input.name', 'must not be empty · 不能为空');
    const roles = [...new Set(input.roles)];
    const problem = machineClientRolesProblem(actor.agencyKind, roles);
    if (problem) throw badInput('input.roles', `${problem} · 该类机构的系统客户端不能使用这些角色`);
    const { secret, hint } = newSecret();
    const id = randomUUID();
    const clientId = `mc_${randomBytes(12).toString('hex')}`;
    try {
      await insertMachineClient(this.m, {
        id, agencyId: actor.agencyId, clientId, name, roles, createdBy: actor.userId, accountEmail: machineAccountEmail(clientId),
        accountName: `${name} [machine client · 系统客户端]`, secretHash: await hashPassword(secret), secretHint: hint,
      });
    } catch (e) {
      // 96 random bits colliding: say so rather than a 500 (asking again makes another id).
      if (isUniqueViolation(e)) throw conflict('A client id was drawn twice: try again · 客户端编号冲突，请重试');
      throw e;
    }
    await this.audit(actor, AuditAction.MACHINE_CLIENT_CREATED, id, address, { clientId, name, roles, secretHint: hint });
    return { client: MachineClientModel.from(await this.own(id)), clientSecret: secret, tokenPath: TOKEN_PATH, previousSecretsUntil: null };
  }

  /** A new secret; the old ones keep working for `graceHours` (0: they stop at once), then not. */
  async rotate(actor: Actor, id: string, graceHours: number, address: string): Promise<MachineClientCredentialsModel> {
    if (!Number.isInteger(graceHours) || graceHours < 0 || graceHours > MACHINE_CLIENT_POLICY.maxGraceHours) {
      throw badInput('graceHours', `must be a whole number of hours from 0 to ${MACHINE_CLIENT_POLICY.maxGraceHours} · 必须是 0 到 ${MACHINE_CLIENT_POLICY.maxGraceHours} 之间的整数小时`);
    }
    const client = await this.own(id, true);
    if (client.revoked_at) throw conflict('The client is revoked: create a new one · 该客户端已吊销，请新建客户端', { currentState: 'REVOKED' });
    const { secret, hint } = newSecret();
    const oldUntil = new Date(Date.now() + graceHours * 3_600_000);
    const ended = await rotateMachineClientSecret(this.m, {
      id, agencyId: actor.agencyId, createdBy: actor.userId, secretHash: await hashPassword(secret), secretHint: hint, oldUntil,
    });
    await this.audit(actor, AuditAction.MACHINE_CLIENT_SECRET_ROTATED, id, address, {
      clientId: client.client_id, secretHint: hint, graceHours, previousSecretsUntil: oldUntil.toISOString(), previousSecrets: ended,
    });
    return {
      client: MachineClientModel.from(await this.own(id)), clientSecret: secret, tokenPath: TOKEN_PATH,
      previousSecretsUntil: ended > 0 && graceHours > 0 ? oldUntil : null,
    };
  }

  /** Revoked at once: the database switches its account off, so its tokens stop working; its live connections close. */
  async revoke(actor: Actor, id: string, address: string): Promise<MachineClientModel> {
    const client = await this.own(id, true);
    if (await revokeMachineClient(this.m, id, actor.userId)) {
      await this.audit(actor, AuditAction.MACHINE_CLIENT_REVOKED, id, address, { clientId: client.client_id, name: client.name });
      this.tx.afterCommit(() => this.live.end({ userIds: [id] }));
    }
    return MachineClientModel.from(await this.own(id));
  }

  /** A client of the caller's agency (row-level security hides every other: NOT_FOUND, as for any unknown id). */
  private async own(id: string, lock = false): Promise<MachineClientRow> {
    const client = await machineClientById(this.m, id, { lock });
    if (!client) throw notFound('MachineClient', id);
    return client;
  }

  private audit(actor: Actor, action: AuditAction, id: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.m, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'MachineClient', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
