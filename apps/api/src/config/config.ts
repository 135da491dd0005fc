import { z } from 'zod';
import { checkQueuePrefix, redisClusterNodesSetting } from '@caselink/jobs';

/** "max/seconds", e.g. "20/60": at most 20 in any window of 60 seconds. */
export interface RateLimitSpec {
  max: number;
  windowSeconds: number;
}

const rateLimit = z.string().regex(/^\d+\/\d+$/, 'must be "max/seconds", e.g. 20/60').optional();

/**
 * Production defaults of the abuse limits. Outside production they are 100 times looser: the demo, the
 * integration suite and the browser tests sign in hundreds of times a minute from 127.0.0.1 (tests of the
 * limits set them small).
 */
const RATE_LIMIT_DEFAULTS = {
  RATE_LIMIT_LOGIN_IP: '20/60',
  RATE_LIMIT_LOGIN_ACCOUNT: '10/900',
  RATE_LIMIT_SECOND_FACTOR_IP: '20/60',
  RATE_LIMIT_SECOND_FACTOR_ACCOUNT: '10/300',
  RATE_LIMIT_REFRESH_IP: '60/60',
  RATE_LIMIT_REFRESH_ACCOUNT: '30/60',
  RATE_LIMIT_UNLOCK_IP: '20/60',
  RATE_LIMIT_UNLOCK_ACCOUNT: '10/900',
  GRAPHQL_EXPENSIVE_LIMIT: '30/60',
} as const;
type RateLimitKey = keyof typeof RATE_LIMIT_DEFAULTS;

function rateLimitSpec(value: string | undefined, key: RateLimitKey, production: boolean): RateLimitSpec {
  const [max, windowSeconds] = (value ?? RATE_LIMIT_DEFAULTS[key]).split('/').map(Number);
  return { max: value !== undefined || production ? max : max * 100, windowSeconds };
}

/** Everything the api reads from the environment, validated once at start-up. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** JSON log lines at this level and above (pino); silent logs nothing. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL for the app role (caselink_app)' }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }),
  QUEUE_PREFIX: z.string().min(1).default('caselink'),
  /**
   * A Redis Cluster instead of one Redis: seed nodes "host:port,host:port" (a few suffice, the rest are discovered).
   * REDIS_URL then gives only the password and TLS (rediss:) of the nodes, and QUEUE_PREFIX must be a hash tag.
   */
  REDIS_CLUSTER_NODES: redisClusterNodesSetting,
  /**
   * The streaming replica (hot standby, or a pgbouncer in front of it) for the reads REPLICA_READS names (access table);
   * unset: every read on the primary. Same app role and database as DATABASE_URL.
   */
  DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL of the hot standby for the app role (caselink_app)' }).optional(),
  /** The replica serves reads only while it is at most this far behind the primary (measured every REPLICA_POLL_MS). */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  REPLICA_POLL_MS: z.coerce.number().int().min(50).max(10_000).default(300),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * PostgreSQL stops any statement of a request running longer than this (primary and replica alike): the request's
   * transaction rolls back and the client gets TIMEOUT. Set per transaction (SET LOCAL), so it holds through pgbouncer
   * in transaction pooling. 0 = no limit. The worker has none (relinks, imports and retention runs take minutes).
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000)
    .refine((ms) => ms === 0 || ms >= 100, 'must be 0 (no limit) or at least 100 ms'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (use a random string)'),
  /** Unset: true in production (the refresh cookie must never travel over plain HTTP there), else false. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (sign-in limits, audit): false, the number of
   * hops in front of the api, or their addresses/CIDRs (comma-separated). `true` believes any hop, which lets a client
   * that can reach the api name its own address: only for an api that nothing but a rewriting proxy can reach.
   */
  TRUST_PROXY: z.string().default('false').transform((v, ctx): boolean | number | string[] => {
    const t = v.trim();
    if (t === 'true' || t === 'false') return t === 'true';
    if (/^\d+$/.test(t)) return Number(t);
    const list = t.split(',').map((x) => x.trim()).filter(Boolean);
    if (list.length > 0 && list.every((x) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(x))) return list;
    ctx.addIssue({ code: 'custom', message: 'must be true, false, a number of proxy hops, or proxy addresses/CIDRs separated by commas' });
    return z.NEVER;
  }),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(8),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(25_000),
  /** An operation costing at least this much (graphql-armor's cost) counts against GRAPHQL_EXPENSIVE_LIMIT. */
  GRAPHQL_EXPENSIVE_COST: z.coerce.number().int().min(1).default(5_000),
  /** Expensive operations per signed-in user, "max/seconds". */
  GRAPHQL_EXPENSIVE_LIMIT: rateLimit,
  /** Sign-in attempts per client IP and per account (e-mail or user id), "max/seconds". */
  RATE_LIMIT_LOGIN_IP: rateLimit,
  RATE_LIMIT_LOGIN_ACCOUNT: rateLimit,
  RATE_LIMIT_SECOND_FACTOR_IP: rateLimit,
  RATE_LIMIT_SECOND_FACTOR_ACCOUNT: rateLimit,
  RATE_LIMIT_REFRESH_IP: rateLimit,
  RATE_LIMIT_REFRESH_ACCOUNT: rateLimit,
  RATE_LIMIT_UNLOCK_IP: rateLimit,
  RATE_LIMIT_UNLOCK_ACCOUNT: rateLimit,
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  EVIDENCE_DIR: z.string().min(1).default('var/evidence'),
  MAX_ATTACHMENT_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  MAX_IMPORT_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),
  /** Where the portal is served: single sign-on returns there (redirect_uri `${PORTAL_URL}/api/auth/sso/callback`). */
  PORTAL_URL: z.url({ protocol: /^https?$/, error: 'must be the http(s):// URL of the portal' }).default('http://localhost:3000').transform((u) => u.replace(/\/+$/, '')),
  /** Key of the keyed hash that identifies suspects by ID number (the number itself is never stored). */
  SUBJECT_HASH_KEY: z.string().min(32, 'must be at least 32 characters (a random string kept for good)').optional(),
  /** Key that encrypts TOTP secrets at rest (AES-256-GCM); derived from JWT_SECRET when unset, outside production. */
  FACTOR_SECRET_KEY: z.string().min(32, 'must be at least 32 characters (a random string kept for good)').optional(),
  /** WebAuthn relying party: the portal's host name (an IP address cannot hold passkeys) and the origins the browser reports. */
  WEBAUTHN_RP_ID: z.string().min(1).default('localhost'),
  WEBAUTHN_RP_NAME: z.string().min(1).default('CaseLink 反诈协同平台'),
  WEBAUTHN_ORIGINS: z.string().default('http://localhost:3000')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ error: 'must be a comma-separated list of origins such as https://caselink.example.gov.cn' })).min(1)),
  /** A session ends this long after sign-in however often it is refreshed, unless the agency sets a shorter one. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  /** Prometheus /metrics on a port of its own (0 = off), never on API_PORT; loopback unless opened to the scraper. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** On SIGTERM, readiness answers 503 this long before the server stops accepting (load balancers notice first). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /**
   * The audit trail anchored outside the database: the Ed25519 public key (PEM) that checks the signed chain heads —
   * required in production. Outside production only, AUDIT_SIGNING_KEY_FILE (the worker's private key, one machine)
   * may stand in: its public half is derived. In production the private key stays with the worker and is refused here.
   */
  AUDIT_SIGNING_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** Where the worker publishes the signed heads (the same store); the api only reads it. */
  AUDIT_ANCHOR_DIR: z.string().min(1).default('var/audit-anchors'),
}).superRefine((c, ctx) => {
  checkQueuePrefix(c, ctx);
  // A development key in production would let anyone with the code test ID numbers against the hashes.
  if (c.NODE_ENV === 'production' && !c.SUBJECT_HASH_KEY) ctx.addIssue({ code: 'custom', path: ['SUBJECT_HASH_KEY'], message: 'must be set in production' });
  // Secrets of authenticator apps must not hang on the token-signing key in production (rotating one would lose the other).
  if (c.NODE_ENV === 'production' && !c.FACTOR_SECRET_KEY) ctx.addIssue({ code: 'custom', path: ['FACTOR_SECRET_KEY'], message: 'must be set in production' });
  // Verification against the signed heads is what catches a rewrite by the owner role: not optional in production.
  if (c.NODE_ENV === 'production' && !c.AUDIT_SIGNING_PUBLIC_KEY_FILE) {
    ctx.addIssue({ code: 'custom', path: ['AUDIT_SIGNING_PUBLIC_KEY_FILE'], message: 'must be set in production (the public key of the audit signing key)' });
  }
  // The key that signs the heads must not sit on the api's machine: whoever takes the api could sign a rewrite.
  if (c.NODE_ENV === 'production' && c.AUDIT_SIGNING_KEY_FILE) {
    ctx.addIssue({
      code: 'custom', path: ['AUDIT_SIGNING_KEY_FILE'],
      message: 'must not be set for the api in production: the private key stays with the worker; give the api AUDIT_SIGNING_PUBLIC_KEY_FILE only',
    });
  }
}).transform((c) => {
  const production = c.NODE_ENV === 'production';
  const limits = Object.fromEntries(
    (Object.keys(RATE_LIMIT_DEFAULTS) as RateLimitKey[]).map((k) => [k, rateLimitSpec(c[k], k, production)]),
  ) as Record<RateLimitKey, RateLimitSpec>;
  return { ...c, ...limits, COOKIE_SECURE: c.COOKIE_SECURE === undefined ? production : c.COOKIE_SECURE === 'true' };
});

export type ApiConfig = z.infer<typeof schema>;

/** Parses the environment or throws one message naming every bad variable. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const API_CONFIG = Symbol('API_CONFIG');
