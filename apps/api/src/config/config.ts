import { z } from 'zod';

/** Everything the api reads from the environment, validated once at start-up. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL for the app role (caselink_app)' }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }),
  QUEUE_PREFIX: z.string().min(1).default('caselink'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (use a random string)'),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(8),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(25_000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  EVIDENCE_DIR: z.string().min(1).default('var/evidence'),
  MAX_ATTACHMENT_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  MAX_IMPORT_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),
  /** Key of the keyed hash that identifies suspects by ID number (the number itself is never stored). */
  SUBJECT_HASH_KEY: z.string().min(32, 'must be at least 32 characters (a random string kept for good)').optional(),
}).superRefine((c, ctx) => {
  // A development key in production would let anyone with the code test ID numbers against the hashes.
  if (c.NODE_ENV === 'production' && !c.SUBJECT_HASH_KEY) ctx.addIssue({ code: 'custom', path: ['SUBJECT_HASH_KEY'], message: 'must be set in production' });
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
