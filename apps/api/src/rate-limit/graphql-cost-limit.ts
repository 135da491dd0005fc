import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DocumentNode, GraphQLSchema, validate } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { DataSource } from 'typeorm';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { inAgencyTransaction, recordAudit } from '@caselink/db';
import type { Actor, GqlContext } from '../common/actor';
import { clientAddress } from '../common/actor';
import { API_CONFIG, ApiConfig, RateLimitSpec } from '../config/config';
import { Tokens } from '../auth/tokens';
import { RedisLimiter } from './limiter';
import { tooManyRequests } from './refusal';

/**
 * A per-user budget of expensive GraphQL operations. What counts is the number of operations whose cost
 * (graphql-armor's, as the hardening computes it against GRAPHQL_MAX_COST) is at least GRAPHQL_EXPENSIVE_COST,
 * per GRAPHQL_EXPENSIVE_LIMIT window — not the sum of all costs: the portal's everyday pages stay free
 * whatever their number, a client paging through everything at full size soon waits, and the count is one
 * INCR per operation in the rate-limit store shared by all api processes (a sum would need a store of our own).
 * Anonymous calls are not counted here: the only ones the access table allows are the sign-in steps, which
 * have their own limits (SignInLimits).
 */
@Injectable()
export class GraphQLCostLimit implements OnApplicationBootstrap {
  private readonly log = new Logger(GraphQLCostLimit.name);
  private readonly threshold: number;
  private readonly spec: RateLimitSpec;
  /** A document's cost never changes; Mercurius hands the same parsed document back for a repeated query. */
  private readonly costs = new WeakMap<DocumentNode, number>();

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly limiter: RedisLimiter,
    private readonly tokens: Tokens,
    private readonly ds: DataSource,
  ) {
    this.threshold = config.GRAPHQL_EXPENSIVE_COST;
    this.spec = config.GRAPHQL_EXPENSIVE_LIMIT;
  }

  /** After GraphQLModule has registered Mercurius (module init): its hooks can only be added then. */
  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Before execution, after validation: documents over GRAPHQL_MAX_COST never get here.
    fastify.graphql.addHook('preExecution', async (schema, document, context) => this.check(schema, document, context));
  }

  /** Throws TOO_MANY_REQUESTS (limit USER) once the caller has used up the window's expensive operations. */
  async check(schema: GraphQLSchema, document: DocumentNode, context: MercuriusContext): Promise<void> {
    const { req, reply } = context as unknown as GqlContext;
    const actor = this.actorOf(req?.headers?.authorization);
    if (!actor || this.costOf(schema, document) < this.threshold) return;
    const key = `graphql:user:${actor.userId}`;
    const hit = await this.limiter.hit(req, key, this.spec);
    if (!hit.exceeded) return;
    if (await this.limiter.firstRefusal(key, hit.retryAfterSeconds)) await this.audit(actor, req, hit.retryAfterSeconds);
    // Thrown from a Mercurius hook the error skips Nest's exception filter: the header is set here.
    void reply?.header('Retry-After', String(hit.retryAfterSeconds));
    throw tooManyRequests('Too many expensive queries in a short time', '短时间内开销大的查询过多', 'USER', hit.retryAfterSeconds);
  }

  /** The caller of a valid Bearer token; otherwise nobody (the guard refuses what needs a caller). */
  private actorOf(header: string | undefined): Actor | undefined {
    if (!header?.startsWith('Bearer ')) return undefined;
    try {
      return this.tokens.verifyAccess(header.slice(7).trim());
    } catch {
      return undefined;
    }
  }

  /** The highest cost among the document's operations (the hook is not told which one runs). */
  costOf(schema: GraphQLSchema, document: DocumentNode): number {
    const known = this.costs.get(document);
    if (known !== undefined) return known;
    let cost = 0;
    validate(schema, document, [costLimitRule({ maxCost: Number.MAX_SAFE_INTEGER, onAccept: [(_, { n }: { n: number }) => (cost = Math.max(cost, n))] })]);
    this.costs.set(document, cost);
    return cost;
  }

  private async audit(actor: Actor, req: GqlContext['req'], retryAfterSeconds: number): Promise<void> {
    try {
      await inAgencyTransaction(this.ds, { agencyId: actor.agencyId, userId: actor.userId, roles: actor.roles, nationalAdmin: actor.nationalAdmin }, (m) =>
        recordAudit(m, {
          action: AuditAction.RATE_LIMITED, outcome: AuditOutcome.DENIED, entityType: 'User', entityId: actor.userId, agencyId: actor.agencyId,
          actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req),
          details: { kind: 'graphqlCost', limit: 'USER', threshold: this.threshold, max: this.spec.max, windowSeconds: this.spec.windowSeconds, retryAfterSeconds },
        }),
      );
    } catch (e) {
      this.log.error(`Could not audit a rate-limit refusal (graphqlCost) for ${actor.userId}: ${String(e)}`);
    }
  }
}
