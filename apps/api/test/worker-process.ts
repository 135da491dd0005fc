import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { luhnCheckDigit } from '@caselink/domain';
import { TEST_DB_URL, TEST_REDIS_URL } from './harness';

export const TEST_LINKER_URL = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';
const WORKER_MAIN = join(__dirname, '../../../dist/apps/worker/src/main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Where its health checks answer (http://127.0.0.1:port). */
  healthUrl: string;
  log: () => string;
  /** SIGTERM (graceful) or SIGKILL (a crash: no cleanup at all). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Spawns `main` and resolves once its health check on `port` answers ready (or throws with its output). */
async function spawnReady(name: string, main: string, port: number, env: Record<string, string | undefined>): Promise<WorkerProcess> {
  let output = '';
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${name} not ready: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    healthUrl: `http://127.0.0.1:${port}`,
    log: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * The real worker as a separate process (built by `npm test` before the integration tests), so tests
 * can kill it the way a machine dies. Resolves once its health check answers ready.
 */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const port = await freePort();
  return spawnReady('worker', WORKER_MAIN, port, {
    PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', DATABASE_URL: TEST_DB_URL, LINKER_DATABASE_URL: TEST_LINKER_URL, REDIS_URL: TEST_REDIS_URL,
    WORKER_HEALTH_PORT: String(port), OUTBOX_SWEEP_MS: '500', STALLED_INTERVAL_MS: '1500', WORKER_METRICS_PORT: '0', ...env,
  });
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A valid card number (Luhn) with a random body: values no other test shares. */
export function randomCard(prefix = '621700'): string {
  let body = prefix;
  while (body.length < 18) body += Math.floor(Math.random() * 10);
  return body + luhnCheckDigit(body);
}

/** A valid mainland mobile number nobody else uses in the test run. */
export const randomMobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

const API_MAIN = join(__dirname, '../../../dist/apps/api/src/main.js');

export interface ApiProcess extends WorkerProcess {
  url: string;
}

/** The real api as a separate process (dist, built by `npm test`), on a port of its own; resolves once ready. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const proc = await spawnReady('api', API_MAIN, port, {
    PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', DATABASE_URL: TEST_DB_URL, REDIS_URL: TEST_REDIS_URL, API_PORT: String(port), API_HOST: '127.0.0.1',
    JWT_SECRET: 'integration-test-secret-0123456789abcdef', SUBJECT_HASH_KEY: 'integration-test-subject-hash-key-0123456789',
    FACTOR_SECRET_KEY: 'integration-test-factor-secret-key-0123456789', DB_POOL_SIZE: '3', METRICS_PORT: '0', ...env,
  });
  return { ...proc, url: `http://127.0.0.1:${port}/graphql` };
}
