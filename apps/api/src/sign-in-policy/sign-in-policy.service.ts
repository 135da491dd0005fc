import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { Agency, recordAudit, rowsOf } from '@caselink/db';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { badInput, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyModel } from '../agencies/agency.model';
import { LiveSessions } from '../live/live-sessions';
import { NationalSignInPolicy, SetAgencySignInPolicyInput } from './sign-in-policy.model';

/**
 * Who must use a second factor, how long a portal may sit idle and how long a session lasts: each agency's admin
 * for the agency, the national centre for everyone; the national centre also switches agencies off and on.
 */
@Injectable()
export class SignInPolicyService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly live: LiveSessions,
  ) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  async setAgencyPolicy(actor: Actor, input: SetAgencySignInPolicyInput, address: string): Promise<AgencyModel> {
    // An agency's admin sets its own agency's policy; the national admin any agency's (row-level security agrees).
    if (input.agencyId !== actor.agencyId && !actor.nationalAdmin) throw notFound('Agency', input.agencyId);
    const before = await this.m.getRepository(Agency).findOneBy({ id: input.agencyId });
    if (!before) throw notFound('Agency', input.agencyId);
    await this.m.query(
      'UPDATE agencies SET second_factor_required = $2, idle_lock_minutes = $3, session_hours = $4 WHERE id = $1',
      [input.agencyId, input.secondFactorRequired, input.idleLockMinutes, input.sessionHours],
    );
    await this.audit(actor, AuditAction.SIGN_IN_POLICY_CHANGED, 'Agency', input.agencyId, address, {
      before: { secondFactorRequired: before.secondFactorRequired, idleLockMinutes: before.idleLockMinutes, sessionHours: before.sessionHours },
      after: { secondFactorRequired: input.secondFactorRequired, idleLockMinutes: input.idleLockMinutes, sessionHours: input.sessionHours },
    });
    return AgencyModel.from(await this.m.getRepository(Agency).findOneByOrFail({ id: input.agencyId }));
  }

  async national(): Promise<NationalSignInPolicy> {
    const [row] = rowsOf<{ second_factor_required_for_all: boolean; updated_at: Date }>(await this.m.query('SELECT * FROM sign_in_settings'));
    return { secondFactorRequiredForAll: row.second_factor_required_for_all, updatedAt: row.updated_at };
  }

  async setNational(actor: Actor, requiredForAll: boolean, address: string): Promise<NationalSignInPolicy> {
    await this.m.query('UPDATE sign_in_settings SET second_factor_required_for_all = $1, updated_at = now(), updated_by = $2', [requiredForAll, actor.userId]);
    await this.audit(actor, AuditAction.SIGN_IN_POLICY_CHANGED, 'SignInSettings', null, address, { secondFactorRequiredForAll: requiredForAll });
    return this.national();
  }

  /** Off: its users cannot sign in or refresh, their requests are refused at once and their live connections close; its data stays. */
  async setAgencyActive(actor: Actor, id: string, active: boolean, address: string): Promise<AgencyModel> {
    if (id === actor.agencyId && !active) throw badInput('id', 'the national centre cannot switch itself off · 国家中心不能停用自身');
    const agency = await this.m.getRepository(Agency).findOneBy({ id });
    if (!agency) throw notFound('Agency', id);
    if (agency.active !== active) {
      await this.m.query('UPDATE agencies SET active = $2 WHERE id = $1', [id, active]);
      await this.audit(actor, active ? AuditAction.AGENCY_REACTIVATED : AuditAction.AGENCY_DEACTIVATED, 'Agency', id, address, { name: agency.name });
      if (!active) this.tx.afterCommit(() => this.live.end({ userIds: [], agencyId: id }));
    }
    return AgencyModel.from(await this.m.getRepository(Agency).findOneByOrFail({ id }));
  }

  private audit(actor: Actor, action: AuditAction, entityType: string, entityId: string | null, address: string, details: Record<string, unknown>) {
    return recordAudit(this.m, {
      action, outcome: AuditOutcome.SUCCESS, entityType, entityId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
