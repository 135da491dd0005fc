import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { DEMO_PASSWORD } from '../../tools/seed/demo-data';

/** Shared by the linking benchmarks: environment, processes, GraphQL, percentiles, the machine. */
export const ROOT = join(__dirname, '../../..');

export function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run the bench through npm run bench:..., which sources bench/linking/prepare.sh)`);
  return v;
}

export const APP_URL = (): string => required('BENCH_DATABASE_URL');
export const OWNER_URL = (): string => required('BENCH_OWNER_URL');
export const LINKER_URL = (): string => required('BENCH_LINKER_URL');
export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** True under BENCH_SMOKE=1: tiny sizes, every answer checked, never a figure to keep (npm test, bench/smoke.sh). */
export const SMOKE = process.env['BENCH_SMOKE'] === '1';
/** A smoke's queues are its own (npm test may run beside a full bench or another test run), and removed at its end. */
export const QUEUE_PREFIX = SMOKE ? `caselink-bench-linking-smoke-${process.pid}` : 'caselink-bench-linking';
export const API_PORT = Number(process.env['BENCH_API_PORT'] ?? 4310);
export const WORKER_HEALTH_PORT = Number(process.env['BENCH_WORKER_HEALTH_PORT'] ?? 4311);
export const JWT_SECRET = 'bench-linking-secret-bench-linking-secret';

export const ownerPool = (max = 4): Pool => new Pool({ connectionString: OWNER_URL(), max, application_name: 'caselink-bench-linking' });

/**
 * Production mode wants the audit trail anchored (issue 13): one Ed25519 key for the benches' processes and a fresh
 * anchor store per run (bench databases are rebuilt, so heads of an earlier run would not match them).
 */
let anchoring: { key: string; publicKey: string; dir: string } | undefined;
/** For the api the public key only (production refuses the private one there), for the worker the private key. */
export function benchAnchoring(script: string): Record<string, string> {
  if (!anchoring) {
    const dir = mkdtempSync(join(os.tmpdir(), 'caselink-bench-anchors-'));
    const pair = generateKeyPairSync('ed25519');
    anchoring = { key: join(dir, 'audit-signing-key.pem'), publicKey: join(dir, 'audit-public.pem'), dir: join(dir, 'anchors') };
    writeFileSync(anchoring.key, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(anchoring.publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return script.includes('apps/api/')
    ? { AUDIT_SIGNING_PUBLIC_KEY_FILE: anchoring.publicKey, AUDIT_ANCHOR_DIR: anchoring.dir }
    : { AUDIT_SIGNING_KEY_FILE: anchoring.key, AUDIT_ANCHOR_DIR: anchoring.dir };
}

/**
 * What production mode wants of a bench's api and worker besides the audit keys: keys of their own (fixed ones serve
 * the benches; the environment's win), and the abuse limits lifted, since one client on loopback signs in and asks for
 * expensive queries hundreds of times a minute (the production limits are 20 log-ins and 30 expensive queries a minute).
 */
export function benchProductionEnv(): Record<string, string> {
  return {
    SUBJECT_HASH_KEY: process.env['SUBJECT_HASH_KEY'] ?? 'bench-subject-hash-key-bench-subject-hash-key',
    FACTOR_SECRET_KEY: process.env['FACTOR_SECRET_KEY'] ?? 'bench-factor-secret-key-bench-factor-secret-key',
    ...Object.fromEntries(['LOGIN', 'SECOND_FACTOR', 'REFRESH', 'UNLOCK'].flatMap((k) => [[`RATE_LIMIT_${k}_IP`, '100000/60'], [`RATE_LIMIT_${k}_ACCOUNT`, '100000/60']])),
    GRAPHQL_EXPENSIVE_LIMIT: '1000000/60',
  };
}

/** Starts a built entry point (dist/...) as its own process; its stderr shows on ours. */
export function start(script: string, env: Record<string, string>, quiet = true): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    env: { ...process.env, NODE_ENV: 'production', ...benchProductionEnv(), ...benchAnchoring(script), ...env },
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== null && !stopping.has(child)) console.error(`${script} exited with ${code ?? signal}`);
  });
  return child;
}

const stopping = new Set<ChildProcess>();

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  stopping.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export function startApi(): ChildProcess {
  return start('dist/apps/api/src/main.js', {
    DATABASE_URL: APP_URL(), REDIS_URL, API_PORT: String(API_PORT), QUEUE_PREFIX, JWT_SECRET, DB_POOL_SIZE: process.env['BENCH_API_POOL'] ?? '10',
  });
}

export function startWorker(): ChildProcess {
  return start('dist/apps/worker/src/main.js', {
    DATABASE_URL: APP_URL(), LINKER_DATABASE_URL: LINKER_URL(), REDIS_URL, QUEUE_PREFIX, WORKER_HEALTH_PORT: String(WORKER_HEALTH_PORT),
  });
}

export async function waitFor(url: string, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const graphqlUrl = () => `http://127.0.0.1:${API_PORT}/graphql`;

/** One GraphQL request; throws on errors, so a benchmark never times failures. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const r = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

export async function login(email: string): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    'mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken } }',
    { email, password: DEMO_PASSWORD },
  );
  return data.login.accessToken;
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of milliseconds. */
export function percentiles(values: readonly number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '-');
export const thousands = (x: number) => Math.round(x).toLocaleString('en-US');
export const mib = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(0)} MiB`);

/** What the figures were measured on. */
export async function machine(pool: Pool): Promise<string> {
  const [{ version }] = (await pool.query<{ version: string }>("SELECT current_setting('server_version') AS version")).rows;
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim() || cpu;
  } catch {
    /* not Linux */
  }
  return `${os.cpus().length} CPUs (nproc), ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, PostgreSQL ${version}`;
}

/** Fails the smoke (and the full run) when the bench's code path did not do what it should; never about time. */
export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}

/** dist/bench/<name>-results.json; a smoke run writes <name>-smoke-results.json, so it never replaces real figures. */
export function resultsFile(name: string): string {
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
  return join(ROOT, `dist/bench/${name}${SMOKE ? '-smoke' : ''}-results.json`);
}

export function writeResults(name: string, results: unknown): void {
  writeFileSync(resultsFile(name), JSON.stringify(results, null, 2));
}

/** Redis keys of the bench's own queue prefix (completed jobs of an earlier database would swallow new job ids). */
export async function clearQueues(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export function main(run: () => Promise<void>): void {
  run().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
