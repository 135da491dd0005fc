import { z } from 'zod';
import { checkQueuePrefix, redisClusterNodesSetting } from '@caselink/jobs';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** JSON log lines at this level and above (pino); silent logs nothing. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL for the app role (caselink_app)' }),
  LINKER_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL for the linking role (caselink_linker)' }),
  /**
   * The outbox listener's own session (LISTEN evidence_changed outlives a transaction): PostgreSQL directly, for when
   * LINKER_DATABASE_URL goes through pgbouncer in transaction pooling. Unset: LINKER_DATABASE_URL.
   */
  OUTBOX_LISTEN_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL for the linking role, direct to PostgreSQL (not through pgbouncer)' }).optional(),
  /** A value held by more cases than this is flagged for review instead of linking them all. */
  LINK_HUB_THRESHOLD: z.coerce.number().int().min(2).max(100_000).default(25),
  /** How often the linking outbox is swept for changes whose job went missing (Redis lost it). */
  OUTBOX_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** How often the worker looks for deadlines whose delayed job went missing. */
  DEADLINE_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** BullMQ stalled-job check: a job whose worker died is taken up again after about this long. */
  STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }),
  QUEUE_PREFIX: z.string().min(1).default('caselink'),
  /**
   * A Redis Cluster instead of one Redis: seed nodes "host:port,host:port" (a few suffice, the rest are discovered).
   * REDIS_URL then gives only the password and TLS (rediss:) of the nodes, and QUEUE_PREFIX must be a hash tag.
   */
  REDIS_CLUSTER_NODES: redisClusterNodesSetting,
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(5),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  /** On SIGTERM, running jobs get this long to finish; after that the worker stops and they return to their queue. */
  WORKER_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  WORKER_HEALTH_HOST: z.string().default('127.0.0.1'),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  /** Prometheus /metrics of the worker (0 = off); METRICS_HOST as the api's. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Where uploaded files live: the same directory as the api's EVIDENCE_DIR (imports read them from there). */
  EVIDENCE_DIR: z.string().min(1).default('var/evidence'),
  /** Key of the subject hash (as the api's): uploaded signals' ID numbers are hashed with it. */
  SUBJECT_HASH_KEY: z.string().min(32, 'must be at least 32 characters (the same key as the api)').optional(),
  /** How often the worker looks for risk signals stored but never evaluated (their job lost with Redis). */
  RISK_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Rows of an uploaded signals file stored (and evaluated) per transaction. */
  RISK_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).default(2000),
  /** Ed25519 private key (PEM, `openssl genpkey -algorithm ed25519`) that signs the audit chain heads; unset: no publication. */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** The append-only store the signed heads go to (local disk; an object-locked bucket in production), as the api's. */
  AUDIT_ANCHOR_DIR: z.string().min(1).default('var/audit-anchors'),
  /** How often every chain's head is signed and published (a chain that has not moved publishes nothing new); 0: only when asked (tests). */
  AUDIT_ANCHOR_EVERY_MS: z.coerce.number().int().min(0).max(24 * 3600_000).default(15 * 60_000)
    .refine((v) => v === 0 || v >= 1000, 'must be 0 (only when asked) or at least 1000 ms'),
  /** How often the retention queue purges what its rules no longer allow to keep (0 = only when the national admin runs it). */
  RETENTION_EVERY_MS: z.coerce.number().int().min(0).max(7 * 24 * 3600_000).default(6 * 3600_000),
  /** Rows of one data class purged per transaction. */
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).default(1000),
}).superRefine((c, ctx) => {
  checkQueuePrefix(c, ctx);
  if (c.NODE_ENV === 'production' && !c.SUBJECT_HASH_KEY) ctx.addIssue({ code: 'custom', path: ['SUBJECT_HASH_KEY'], message: 'must be set in production' });
  // Without the key nothing anchors the audit trail outside the database: an owner could rewrite it unseen.
  if (c.NODE_ENV === 'production' && !c.AUDIT_SIGNING_KEY_FILE) ctx.addIssue({ code: 'custom', path: ['AUDIT_SIGNING_KEY_FILE'], message: 'must be set in production' });
  if (c.NODE_ENV === 'production' && c.AUDIT_ANCHOR_EVERY_MS === 0) ctx.addIssue({ code: 'custom', path: ['AUDIT_ANCHOR_EVERY_MS'], message: 'must not be 0 in production' });
});

export type WorkerConfig = z.infer<typeof schema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
