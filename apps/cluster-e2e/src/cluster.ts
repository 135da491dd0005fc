import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'graphql-ws';
import { luhnCheckDigit } from '@caselink/domain';
import WebSocket from 'ws';

/**
 * The cluster fault suite's levers and clients: the topology `tools/scripts/cluster.sh up` started (its addresses from
 * `cluster.sh env`), processes killed with SIGKILL and started again, engines restarted, and GraphQL clients that behave
 * as the portal does (retry what failed for want of a server; never give up on a live subscription).
 */
export const ROOT = join(__dirname, '../../..');
const CLUSTER = join(ROOT, 'tools/scripts/cluster.sh');
const run = promisify(execFile);

export const env: Record<string, string> = Object.fromEntries(
  execFileSync('bash', [CLUSTER, 'env'], { encoding: 'utf8' }).trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

export type AppProcess = 'api1' | 'api2' | 'worker1' | 'worker2';

export function pidOf(name: AppProcess): number {
  return Number(readFileSync(join(env['CLUSTER_DIR'], 'run', `${name}.pid`), 'utf8').trim());
}

/** kill -9: no shutdown hook runs, in-flight requests and jobs die with the process. */
export function kill9(name: AppProcess): void {
  process.kill(pidOf(name), 'SIGKILL');
}

/** A process that is gone or only a zombie (where nothing reaps orphans, a killed one lingers as one). */
export function gone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

/** Starts a process again (returns once it is ready). */
export async function restart(name: AppProcess): Promise<void> {
  await run('bash', [CLUSTER, 'start', name], { cwd: ROOT, timeout: 120_000 });
}

export async function engine(...args: string[]): Promise<void> {
  await run('bash', [CLUSTER, 'engine', ...args], { cwd: ROOT, timeout: 120_000 });
}

export async function redisCli(port: number, ...args: string[]): Promise<string> {
  return (await run('redis-cli', ['-p', String(port), ...args])).stdout;
}

/** The master serving the queues' hash slot ({caselink}), and its replica. */
export async function queueMaster(): Promise<{ port: number; pid: number; replicaPort: number | null }> {
  // Ask any node that answers (the one killed may be the first).
  let first = 0;
  for (let i = 0; i < 6 && !first; i++) {
    const port = Number(env['CLUSTER_REDIS_FIRST_PORT']) + i;
    if ((await redisCli(port, 'ping').catch(() => '')).trim() === 'PONG') first = port;
  }
  if (!first) throw new Error('no Redis node answers');
  const slot = Number((await redisCli(first, 'cluster', 'keyslot', env['CLUSTER_QUEUE_PREFIX'])).trim());
  const nodes = (await redisCli(first, 'cluster', 'nodes')).trim().split('\n').map((l) => l.split(' '));
  const master = nodes.find((n) => n[2].includes('master') && !n[2].includes('fail') && n.slice(8).some((r) => {
    const [a, b] = r.split('-').map(Number);
    return slot >= a && slot <= (b ?? a);
  }));
  if (!master) throw new Error(`no master serves slot ${slot}`);
  // Its replica, if it has a healthy one (right after a failover the old master is still down).
  const replica = nodes.find((n) => n[3] === master[0] && !n[2].includes('fail'));
  const port = Number(master[1].split(':')[1].split('@')[0]);
  const pid = Number(readFileSync(join(env['CLUSTER_DIR'], 'redis', String(port), 'redis.pid'), 'utf8').trim());
  return { port, pid, replicaPort: replica ? Number(replica[1].split(':')[1].split('@')[0]) : null };
}

export class GqlError extends Error {
  constructor(message: string, readonly errors: Array<{ message: string; extensions?: Record<string, unknown> }>) {
    super(message);
  }
}

/** One GraphQL request at `url`; GraphQL errors throw GqlError, a failed connection or a 5xx throws a plain Error. */
export async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  if (r.status >= 500) throw new Error(`HTTP ${r.status}`);
  const body = (await r.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  if (body.errors?.length) throw new GqlError(body.errors.map((e) => e.message).join('; '), body.errors);
  return body.data as T;
}

/** Whether a failure means "no server answered" (retry) rather than "the server said no". */
export function transient(e: unknown): boolean {
  if (!(e instanceof GqlError)) return true;
  // A server that lost its database or Redis mid-request answers with an internal error: retry as for no answer.
  return e.errors.some((x) => x.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' || x.extensions?.['code'] === 'SERVICE_UNAVAILABLE');
}

/**
 * What a client does when the answer is lost: tries again, for up to `withinMs`. Only safe for idempotent work (a
 * freeze for an account already live on the case answers that freeze; a statement is first looked for by its marker).
 */
export async function retrying<T>(work: () => Promise<T>, stats: { retries: number; failedAt: number[] }, withinMs = 60_000): Promise<T> {
  const until = now() + withinMs;
  for (;;) {
    try {
      return await work();
    } catch (e) {
      if (!transient(e) || now() > until) throw e;
      stats.retries++;
      stats.failedAt.push(now());
      await sleep(200);
    }
  }
}

export const LOGIN = 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }';

export async function login(url: string, email: string, password: string): Promise<string> {
  return (await gql<{ login: { accessToken: string } }>(url, LOGIN, { e: email, p: password })).login.accessToken;
}

/** A valid card number (Luhn) after `prefix`. */
export function randomCard(prefix: string): string {
  let body = prefix;
  while (body.length < 18) body += Math.floor(Math.random() * 10);
  return body + luhnCheckDigit(body);
}

export interface HeardUpdate {
  requestId: string;
  state: string;
  eventKind: string;
  sequence: string;
}

/**
 * A bank's live inbox as the portal keeps it: a subscription through the entry point that, whenever its socket drops
 * (its api process killed, say), connects again — to whichever api the entry point picks — and asks for what it missed
 * after the last sequence it saw. Counts every delivery, so doubles show.
 */
export class LiveInbox {
  readonly heard: HeardUpdate[] = [];
  reconnects = 0;
  gaps = 0;
  private last: string | null = null;
  private stopped = false;
  private dispose: (() => void) | null = null;
  readonly loop: Promise<void>;

  constructor(private readonly wsUrl: string, private readonly token: () => string) {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await new Promise<void>((resolve) => {
        const client = createClient({ url: this.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${this.token()}` }, lazy: false, retryAttempts: 0 });
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          void client.dispose();
          resolve();
        };
        this.dispose = finish;
        client.on('closed', finish);
        client.on('error', finish);
        client.subscribe<{ requestUpdates: HeardUpdate & { gap?: boolean } }>(
          { query: 'subscription($after: String) { requestUpdates(after: $after) { requestId state eventKind sequence } }', variables: { after: this.last } },
          {
            next: (v) => {
              const u = v.data?.requestUpdates;
              if (!u) return;
              this.heard.push(u);
              this.last = u.sequence;
            },
            error: (e) => {
              // The log no longer reaches back to our sequence: start afresh (the portal reloads the page).
              if (JSON.stringify(e).includes('LIVE_GAP')) {
                this.gaps++;
                this.last = null;
              }
              finish();
            },
            complete: finish,
          },
        );
      });
      if (!this.stopped) {
        this.reconnects++;
        await sleep(300);
      }
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.dispose?.();
    await this.loop;
  }
}

/** Latest counter values of a Prometheus text page, by metric name with labels. */
export async function scrape(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(url)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}
