import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { Client, Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AgencyKind, Role } from '@caselink/domain';
import { createApi } from '../src/bootstrap';
import { ApiConfig, loadApiConfig } from '../src/config/config';

/**
 * Integration-test harness: the real api (Fastify inject, no port) on the test database that
 * `npm test` created and migrated, plus direct connections as the app role and the owner role.
 */
export const TEST_DB_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink_test';
export const TEST_OWNER_URL = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://caselink_owner:caselink_owner@127.0.0.1:5432/caselink_test';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const PASSWORD = 'integration-password-1';

/**
 * The audit trail anchored outside the database (issue 13): one Ed25519 key per test process and an anchor store of its
 * own in a fresh temporary folder (the test database is new every run, so older heads would not match it).
 */
let anchoring: { AUDIT_SIGNING_KEY_FILE: string; AUDIT_SIGNING_PUBLIC_KEY_FILE: string; AUDIT_ANCHOR_DIR: string } | undefined;
/** The worker's private key, its public half (what the api gets: production refuses the private key there) and a store. */
export function testAnchoring(): { AUDIT_SIGNING_KEY_FILE: string; AUDIT_SIGNING_PUBLIC_KEY_FILE: string; AUDIT_ANCHOR_DIR: string } {
  if (!anchoring) {
    const dir = mkdtempSync(join(tmpdir(), 'caselink-test-anchoring-'));
    const key = join(dir, 'audit-signing-key.pem');
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(key, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const publicKey = join(dir, 'audit-public.pem');
    writeFileSync(publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
    anchoring = { AUDIT_SIGNING_KEY_FILE: key, AUDIT_SIGNING_PUBLIC_KEY_FILE: publicKey, AUDIT_ANCHOR_DIR: join(dir, 'anchors') };
  }
  return anchoring;
}

export function testConfig(overrides: Record<string, string> = {}): ApiConfig {
  return loadApiConfig({
    NODE_ENV: 'test', DATABASE_URL: TEST_DB_URL, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: `caselink-test-${process.pid}`,
    JWT_SECRET: 'integration-test-secret-0123456789abcdef', SUBJECT_HASH_KEY: 'integration-test-subject-hash-key-0123456789',
    FACTOR_SECRET_KEY: 'integration-test-factor-secret-key-0123456789', DB_POOL_SIZE: '4',
    AUDIT_SIGNING_PUBLIC_KEY_FILE: testAnchoring().AUDIT_SIGNING_PUBLIC_KEY_FILE, AUDIT_ANCHOR_DIR: testAnchoring().AUDIT_ANCHOR_DIR,
    // Many apps run side by side in one test process: no metrics port unless a test asks for one.
    METRICS_PORT: '0', ...overrides,
  });
}

export async function startApi(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const app = await createApi(testConfig(overrides), false);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: string[] }>;
  cookies: Record<string, string>;
}

export async function gql<T = Record<string, any>>(
  app: NestFastifyApplication,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string; cookie?: string } = {},
): Promise<GqlResult<T>> {
  const res = await app.getHttpAdapter().getInstance().inject({
    method: 'POST',
    url: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
    payload: JSON.stringify({ query, variables }),
  });
  const body = res.json() as { data?: T | null; errors?: GqlResult['errors'] };
  const cookies: Record<string, string> = {};
  for (const c of res.cookies as Array<{ name: string; value: string }>) cookies[c.name] = c.value;
  return { status: res.statusCode, data: body.data ?? null, errors: body.errors, cookies };
}

export const codeOf = (r: GqlResult): unknown => r.errors?.[0]?.extensions?.['code'];

/** Owner-role connection for fixtures (seeding is an operator's act, like the demo seed). */
export async function ownerClient(): Promise<Client> {
  const c = new Client({ connectionString: TEST_OWNER_URL });
  await c.connect();
  return c;
}

export interface TestAgency {
  id: string;
  name: string;
  users: Record<string, { id: string; email: string }>;
}

let hashed: Promise<string> | undefined;

/**
 * A fresh agency with one user per given role, named uniquely so test files never collide. An entry may be a list
 * of roles: one user holding all of them, keyed (and named) by the first — e.g. [INVESTIGATOR, SUPERVISOR] for a
 * case owner who also shares and decides access requests (access table).
 */
export async function createAgency(owner: Client, label: string, roles: Array<Role | Role[]>, kind = AgencyKind.POLICE, region = '440000', coordinating = false): Promise<TestAgency> {
  const suffix = randomUUID().slice(0, 8);
  const name = `${label}-${suffix}`;
  const { rows } = await owner.query<{ id: string }>(
    'INSERT INTO agencies (name, name_en, kind, region, coordinating) VALUES ($1, $1, $2, $3, $4) RETURNING id',
    [name, kind, region, coordinating],
  );
  hashed ??= argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const users: TestAgency['users'] = {};
  for (const entry of roles) {
    const held = Array.isArray(entry) ? entry : [entry];
    const role = held[0];
    const email = `${role.toLowerCase()}-${suffix}@${label.toLowerCase()}.test`;
    const r = await owner.query<{ id: string }>(
      'INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, $2, $3, $4) RETURNING id',
      [rows[0].id, email, held, await hashed],
    );
    users[role] = { id: r.rows[0].id, email };
  }
  return { id: rows[0].id, name, users };
}

export async function login(app: NestFastifyApplication, email: string, password = PASSWORD): Promise<{ token: string; cookie: string }> {
  const r = await gql<{ login: { accessToken: string } }>(
    app, 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: email, p: password },
  );
  if (!r.data) throw new Error(`login failed for ${email}: ${JSON.stringify(r.errors)}`);
  return { token: r.data.login.accessToken, cookie: `caselink_refresh=${r.cookies['caselink_refresh']}` };
}

/** A pool of app-role connections, for checks straight at PostgreSQL. */
export const appPool = (max = 2): Pool => new Pool({ connectionString: TEST_DB_URL, max });

/**
 * Runs `sql` as the app role acting for `agencyId`, inside one transaction (as the api does). `roles` are
 * the acting user's roles as the api sets them (app.roles); left out, the session acts as SYSTEM, as a
 * worker job does. `userId` sets app.user_id as the api does for a signed-in user.
 */
export async function asAgency<T extends Record<string, unknown>>(
  pool: Pool, agencyId: string | null, sql: string, params: unknown[] = [], roles?: readonly string[], userId = '',
): Promise<T[]> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.roles', $2, true), set_config('app.user_id', $3, true)",
      [agencyId ?? '', (roles ?? ['SYSTEM']).join(','), userId]);
    const r = await c.query<T>(sql, params);
    await c.query('COMMIT');
    return r.rows;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

/** A multipart/form-data body with one file in the field "file", as browsers send uploads. */
export function multipart(content: Buffer, fileName = 'evidence.txt', type = 'text/plain'): { body: Buffer; contentType: string } {
  const boundary = '----caselink-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Every file below `dir` (to check that refused uploads leave nothing behind). */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [e.name]));
