import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { agencyById, AgencySsoSettings, readAgencySso, recordAudit, ssoAgencies, writeAgencySso } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, forbidden, notFound } from '../common/errors';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from '../database/request-transaction';
import { AgencySso, SsoAgency } from './sso.model';
import { SetAgencySsoInput } from './sso.dto';

/** An agency's sign-on settings: its own ADMIN (access table), or the national admin for any agency. */
@Injectable()
export class SsoSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: RequestTransaction,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Public: no caller, so through the function that lists names only. */
  agencies(): Promise<SsoAgency[]> {
    return ssoAgencies(this.ds);
  }

  async get(actor: Actor, agencyId: string): Promise<AgencySso | null> {
    this.mayManage(actor, agencyId);
    const s = await readAgencySso(this.tx.manager, agencyId);
    return s ? this.model(s) : null;
  }

  async set(actor: Actor, input: SetAgencySsoInput, address: string): Promise<AgencySso> {
    this.mayManage(actor, input.agencyId);
    const m = this.tx.manager;
    if (!(await agencyById(m, input.agencyId))) throw notFound('Agency', input.agencyId);
    if (this.config.NODE_ENV === 'production' && new URL(input.issuer).protocol !== 'https:') {
      throw badInput('input.issuer', 'must be an https:// URL in production · 生产环境必须使用 https:// 地址');
    }
    // A stored secret goes only to the provider it was given for: a new issuer or client needs it typed again, or an
    // admin could point the settings at a server of their own and read the "never readable" secret off the token call.
    const before = await readAgencySso(m, input.agencyId);
    if (before && input.clientSecret == null && (before.issuer !== input.issuer.trim() || before.clientId !== input.clientId)) {
      throw badInput('input.clientSecret', 'must be given again when the issuer or client id changes · 更改签发者或客户端 ID 时须重新填写客户端密钥');
    }
    // The issuer is compared with the provider's own "iss" verbatim; a trailing slash is part of it, so keep it as given.
    const written = await writeAgencySso(m, {
      agencyId: input.agencyId, issuer: input.issuer.trim(), clientId: input.clientId, clientSecret: input.clientSecret ?? null,
      emailDomain: input.emailDomain.trim().toLowerCase(), rolesClaim: input.rolesClaim, requireMfa: input.requireMfa, enabled: input.enabled,
      updatedBy: actor.userId,
    });
    if (!written) throw badInput('input.clientSecret', 'is required the first time · 首次配置时必须填写客户端密钥');
    // In the acting agency's chain (the national admin's, when it configures another agency): that is where it is readable.
    await recordAudit(m, {
      action: AuditAction.SSO_CONFIGURED, outcome: AuditOutcome.SUCCESS, entityType: 'Agency', entityId: input.agencyId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: {
        agencyId: input.agencyId, issuer: input.issuer, clientId: input.clientId, emailDomain: input.emailDomain.toLowerCase(), rolesClaim: input.rolesClaim,
        requireMfa: input.requireMfa, enabled: input.enabled, secretChanged: input.clientSecret != null,
      },
    });
    const s = await readAgencySso(m, input.agencyId);
    return this.model(s as AgencySsoSettings);
  }

  private mayManage(actor: Actor, agencyId: string): void {
    if (agencyId !== actor.agencyId && !actor.nationalAdmin) {
      throw forbidden("Only the agency's own admin or the national admin may manage its single sign-on · 仅本机构管理员或全国管理员可管理统一身份认证");
    }
  }

  private model(s: AgencySsoSettings): AgencySso {
    return Object.assign(new AgencySso(), { ...s, redirectUri: `${this.config.PORTAL_URL}/api/auth/sso/callback` });
  }
}
