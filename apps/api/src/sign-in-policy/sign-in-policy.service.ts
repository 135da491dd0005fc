import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import {
  agencyById, nationalSignInSettings, recordAudit, setAgencyActive, setAgencySignInPolicy, setNationalSignInSettings, SignInSettingsRow,
} from '@caselink/db';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { badInput, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyModel } from '../agencies/agency.model';
import { LiveSessions } from '../live/live-sessions';
import { NationalSignInPolicy, SetAgencySignInPolicyInput } from './sign-in-policy.model';

const toNationalPolicy = (r: SignInSettingsRow): NationalSignInPolicy => ({ secondFactorRequiredForAll: r.second_factor_required_for_all, updatedAt: r.updated_at });

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
    const before = await agencyById(this.m, input.agencyId);
    if (!before) throw notFound('Agency', input.agencyId);
    // The changed row comes back with the UPDATE; unchanged (row-level security let nothing through), it is the one read.
    const after = await setAgencySignInPolicy(this.m, input);
    await this.audit(actor, AuditAction.SIGN_IN_POLICY_CHANGED, 'Agency', input.agencyId, address, {
      before: { secondFactorRequired: before.second_factor_required, idleLockMinutes: before.idle_lock_minutes, sessionHours: before.session_hours },
      after: { secondFactorRequired: input.secondFactorRequired, idleLockMinutes: input.idleLockMinutes, sessionHours: input.sessionHours },
    });
    return AgencyModel.from(after ?? before);
  }

  async national(): Promise<NationalSignInPolicy> {
    return toNationalPolicy(await nationalSignInSettings(this.m));
  }

  async setNational(actor: Actor, requiredForAll: boolean, address: string): Promise<NationalSignInPolicy> {
    const row = await setNationalSignInSettings(this.m, requiredForAll, actor.userId);
    await this.audit(actor, AuditAction.SIGN_IN_POLICY_CHANGED, 'SignInSettings', null, address, { secondFactorRequiredForAll: requiredForAll });
    return toNationalPolicy(row);
  }

  /** Off: its users cannot sign in or refresh, their requests are refused at once and their live connections close; its data stays. */
  async setAgencyActive(actor: Actor, id: string, active: boolean, address: string): Promise<AgencyModel> {
    if (id === actor.agencyId && !active) throw badInput('id', 'the national centre cannot switch itself off · 国家中心不能停用自身');
    const agency = await agencyById(this.m, id);
    if (!agency) throw notFound('Agency', id);
    if (agency.active === active) return AgencyModel.from(agency);
    const after = await setAgencyActive(this.m, id, active);
    await this.audit(actor, active ? AuditAction.AGENCY_REACTIVATED : AuditAction.AGENCY_DEACTIVATED, 'Agency', id, address, { name: agency.name });
    if (!active) this.tx.afterCommit(() => this.live.end({ userIds: [], agencyId: id }));
    return AgencyModel.from(after ?? agency);
  }

  private audit(actor: Actor, action: AuditAction, entityType: string, entityId: string | null, address: string, details: Record<string, unknown>) {
    return recordAudit(this.m, {
      action, outcome: AuditOutcome.SUCCESS, entityType, entityId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
