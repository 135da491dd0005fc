import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

/** The built api and worker as processes: start-up checks and health endpoints. */
const ROOT = join(__dirname, '../../..');
const API = join(ROOT, 'dist/apps/api/src/main.js');
const WORKER = join(ROOT, 'dist/apps/worker/src/main.js');
const DB = process.env['TEST_DATABASE_URL'] ?? 'postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink_test';
const OWNER = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://caselink_owner:caselink_owner@127.0.0.1:5432/caselink_test';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const LINKER = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';
const BASE_ENV = { PATH: process.env['PATH'] ?? '', DATABASE_URL: DB, LINKER_DATABASE_URL: LINKER, REDIS_URL: REDIS, JWT_SECRET: 'e2e-process-secret-0123456789abcdef', QUEUE_PREFIX: 'caselink-test-e2e' };

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function run(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<Response> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('api and worker processes', () => {
  beforeAll(() => {
    if (!existsSync(API) || !existsSync(WORKER)) throw new Error('Build first (npm test builds dist/ before these tests)');
  });

  it('the api refuses to start with invalid configuration, naming the variables', async () => {
    const p = run(API, { ...BASE_ENV, JWT_SECRET: 'short', DATABASE_URL: 'not-a-url' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/JWT_SECRET: must be at least 32 characters/);
    expect(p.output()).toMatch(/DATABASE_URL/);
  });

  it('the api refuses to connect as a role that row-level security does not hold', async () => {
    const p = run(API, { ...BASE_ENV, DATABASE_URL: OWNER, API_PORT: String(await freePort()) });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/row-level security does not hold/);
  });

  it('the api answers live and ready, and says which dependency is down', async () => {
    // Free ports, not fixed ones: another stack on this machine (a benchmark, a dev api) must not collide.
    const [upPort, downPort] = [await freePort(), await freePort()];
    const up = run(API, { ...BASE_ENV, API_PORT: String(upPort) });
    const down = run(API, { ...BASE_ENV, API_PORT: String(downPort), REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      expect((await waitForHttp(`http://127.0.0.1:${upPort}/health/live`)).status).toBe(200);
      const ready = await waitForHttp(`http://127.0.0.1:${upPort}/health/ready`);
      expect(await ready.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
      const notReady = await waitForHttp(`http://127.0.0.1:${downPort}/health/ready`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ status: 'unavailable', postgres: 'ok', redis: expect.stringMatching(/^down/) });
    } finally {
      up.child.kill('SIGTERM');
      down.child.kill('SIGTERM');
      await Promise.all([up.exited, down.exited]);
    }
  });

  it('the worker refuses to start without its linking connection, naming the variable', async () => {
    const w = run(WORKER, { ...BASE_ENV, LINKER_DATABASE_URL: '', WORKER_HEALTH_PORT: String(await freePort()) });
    await w.exited;
    expect(w.child.exitCode).not.toBe(0);
    expect(w.output()).toMatch(/LINKER_DATABASE_URL/);
  });

  it('the worker starts its queues and answers ready', async () => {
    const port = await freePort();
    const w = run(WORKER, { ...BASE_ENV, WORKER_HEALTH_PORT: String(port) });
    try {
      const ready = await waitForHttp(`http://127.0.0.1:${port}/health/ready`);
      expect(await ready.json()).toEqual({ status: 'ok', postgres: 'ok', linker: 'ok', redis: 'ok', workers: 'running' });
      expect(w.output()).toMatch(/Processing queues: notifications, imports, evidence-link, evidence-relink, funds-trace/);
    } finally {
      w.child.kill('SIGTERM');
      await w.exited;
    }
  });
});
