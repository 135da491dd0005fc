import { createHash } from 'node:crypto';
import { normalizeIP } from '@fastify/rate-limit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { inAgencyTransaction, recordAudit } from '@caselink/db';
import { clientAddress } from '../common/actor';
import { API_CONFIG, ApiConfig, RateLimitSpec } from '../config/config';
import { RedisLimiter } from './limiter';
import { LimitedBy, tooManyRequests } from './refusal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type SignInKind = 'login' | 'secondFactor' | 'refresh' | 'unlock';

/** What the refusal says was tried too often, in both languages. */
const WHAT: Record<SignInKind, { en: string; zh: string }> = {
  login: { en: 'Too many sign-in attempts', zh: '登录尝试过多' },
  secondFactor: { en: 'Too many verification code attempts', zh: '验证码尝试过多' },
  refresh: { en: 'Too many session renewals', zh: '会话续期请求过多' },
  unlock: { en: 'Too many unlock attempts', zh: '解锁尝试过多' },
};
const FROM: Record<'IP' | 'ACCOUNT', { en: string; zh: string }> = {
  IP: { en: 'from this address', zh: '（来自此地址）' },
  ACCOUNT: { en: 'for this account', zh: '（此账号）' },
};

interface Count {
  limit: 'IP' | 'ACCOUNT';
  key: string;
  spec: RateLimitSpec;
}

/**
 * Limits on the sign-in steps, per client IP and per account, counted in Redis so that all api processes
 * share them. They sit in front of the per-account lockout (PostgreSQL), which stops guessing one password;
 * these also stop one address spraying many accounts, and floods of second-factor codes or refreshes.
 */
@Injectable()
export class SignInLimits {
  private readonly log = new Logger(SignInLimits.name);
  private readonly specs: Record<SignInKind, { ip: RateLimitSpec; account: RateLimitSpec }>;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly limiter: RedisLimiter,
    private readonly ds: DataSource,
  ) {
    this.specs = {
      login: { ip: config.RATE_LIMIT_LOGIN_IP, account: config.RATE_LIMIT_LOGIN_ACCOUNT },
      secondFactor: { ip: config.RATE_LIMIT_SECOND_FACTOR_IP, account: config.RATE_LIMIT_SECOND_FACTOR_ACCOUNT },
      refresh: { ip: config.RATE_LIMIT_REFRESH_IP, account: config.RATE_LIMIT_REFRESH_ACCOUNT },
      unlock: { ip: config.RATE_LIMIT_UNLOCK_IP, account: config.RATE_LIMIT_UNLOCK_ACCOUNT },
    };
  }

  /**
   * Counts one attempt of `kind` for the client's IP and, given `account` (an e-mail or a user id), for that
   * account; throws TOO_MANY_REQUESTS (reason RATE_LIMITED, limit IP or ACCOUNT, retryAfterSeconds) when either
   * count is over. Every attempt counts, refused ones too: a client that keeps trying keeps being refused.
   */
  async consume(kind: SignInKind, req: FastifyRequest, account?: string): Promise<void> {
    const spec = this.specs[kind];
    // IPv6 clients are counted per /64, as one client usually holds a whole /64.
    const counts: Count[] = [{ limit: 'IP', key: `signin:${kind}:ip:${normalizeIP(clientAddress(req))}`, spec: spec.ip }];
    // Folded the way PostgreSQL's lower() matches e-mails, and more: 'İ' lower-cases to 'i' plus a combining dot in
    // JavaScript but to 'i' in PostgreSQL, so without dropping marks one account would get many budgets.
    const normalised = account?.trim().normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    // Hashed: Redis holds counters, not the e-mail addresses people typed.
    if (normalised) counts.push({ limit: 'ACCOUNT', key: `signin:${kind}:account:${createHash('sha256').update(normalised).digest('hex').slice(0, 32)}`, spec: spec.account });
    const hits = await Promise.all(counts.map(async (c) => ({ ...c, ...(await this.limiter.hit(req, c.key, c.spec)) })));
    const over = hits.filter((h) => h.exceeded);
    if (over.length === 0) return;
    for (const h of over) {
      if (await this.limiter.firstRefusal(h.key, h.retryAfterSeconds)) await this.audit(kind, h, req, normalised);
    }
    // Whichever refusal lasts longer is the one the client has to wait for.
    const worst = over.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
    throw tooManyRequests(`${WHAT[kind].en} ${FROM[worst.limit].en}`, `${WHAT[kind].zh}${FROM[worst.limit].zh}`, worst.limit as LimitedBy, worst.retryAfterSeconds);
  }

  /** Anonymous like an unknown e-mail's failed log-in: before sign-in there is no agency to act for. */
  private async audit(kind: SignInKind, hit: Count & { retryAfterSeconds: number }, req: FastifyRequest, account: string | undefined): Promise<void> {
    const email = account?.includes('@') ? account.slice(0, 254) : null;
    try {
      await inAgencyTransaction(this.ds, { agencyId: null, userId: null, roles: [] }, (m) =>
        recordAudit(m, {
          action: AuditAction.RATE_LIMITED, outcome: AuditOutcome.DENIED, entityType: 'SignIn', entityId: null, agencyId: null,
          actorEmail: email, clientAddress: clientAddress(req),
          details: {
            kind, limit: hit.limit, max: hit.spec.max, windowSeconds: hit.spec.windowSeconds, retryAfterSeconds: hit.retryAfterSeconds,
            // Only a user id, never another key (a refresh cookie or a challenge is a secret).
            ...(account && !email && UUID.test(account) ? { userId: account } : {}),
          },
        }),
      );
    } catch (e) {
      // The refusal stands without its audit row; a failed write must not turn it into a 500.
      this.log.error(`Could not audit a rate-limit refusal (${kind}, ${hit.limit}): ${String(e)}`);
    }
  }
}
