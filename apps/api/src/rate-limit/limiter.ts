import fastifyRateLimit from '@fastify/rate-limit';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createRedisClient, FAIL_FAST_COMMAND_MS, type RedisClient, redisTarget } from '@caselink/jobs';
import { API_CONFIG, ApiConfig, RateLimitSpec } from '../config/config';

/** Where a request view carries the key and limit of one count (the plugin's limiter only sees the request). */
const COUNT = Symbol('rateLimitCount');
type CountedRequest = FastifyRequest & { [COUNT]: { key: string; spec: RateLimitSpec } };

export interface Hit {
  exceeded: boolean;
  /** Until the window of this key ends (whole seconds, at least 1). */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Redis through @fastify/rate-limit's Redis store (one Lua INCR + PEXPIRE per hit), so
 * every api process sharing the Redis shares the counts. Keys live under "<QUEUE_PREFIX>:rate-limit:" on a
 * client of their own.
 */
@Injectable()
export class RedisLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('RateLimit');
  readonly redis: RedisClient;
  private check!: ReturnType<FastifyInstance['createRateLimit']>;
  private lastError = '';

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    // One retry, then fail: a Redis outage must not hold sign-ins until it ends (see hit()).
    // On a cluster the prefix is a hash tag (the configuration insists): each count is one key, its Lua script one slot.
    this.redis = createRedisClient(redisTarget(config), { keyPrefix: `${config.QUEUE_PREFIX}:rate-limit:`, maxRetriesPerRequest: 1, commandTimeout: FAIL_FAST_COMMAND_MS })
      .on('error', (e: Error) => this.warnOnce(e));
  }

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // global: false — no route is limited by the plugin itself; the api counts where it knows what to count.
    await fastify.register(fastifyRateLimit, {
      global: false,
      redis: this.redis,
      nameSpace: '',
      keyGenerator: (req) => (req as CountedRequest)[COUNT].key,
      max: (req) => (req as CountedRequest)[COUNT].spec.max,
      timeWindow: (req) => (req as CountedRequest)[COUNT].spec.windowSeconds * 1000,
    });
    this.check = fastify.createRateLimit();
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  /**
   * Counts one hit on `key` for `req`. When Redis cannot be reached the hit is let through (and logged): the
   * limits slow abuse down, while the lockout in PostgreSQL and the access checks still hold without them.
   */
  async hit(req: FastifyRequest, key: string, spec: RateLimitSpec): Promise<Hit> {
    const view = Object.create(req, { [COUNT]: { value: { key, spec } } }) as CountedRequest;
    try {
      const r = await this.check(view);
      if (r.isAllowed) return { exceeded: false, retryAfterSeconds: 0 };
      return { exceeded: r.isExceeded, retryAfterSeconds: Math.max(1, r.ttlInSeconds) };
    } catch (e) {
      this.warnOnce(e as Error);
      return { exceeded: false, retryAfterSeconds: 0 };
    }
  }

  /** True for the first caller per window of `key`, across processes: a refusal is audited once, not per request. */
  async firstRefusal(key: string, retryAfterSeconds: number): Promise<boolean> {
    try {
      return (await this.redis.set(`audited:${key}`, '1', 'EX', retryAfterSeconds, 'NX')) === 'OK';
    } catch (e) {
      this.warnOnce(e as Error);
      return false;
    }
  }

  private warnOnce(e: Error): void {
    if (e.message !== this.lastError) this.log.warn(`Redis: ${e.message}`);
    this.lastError = e.message;
  }
}
