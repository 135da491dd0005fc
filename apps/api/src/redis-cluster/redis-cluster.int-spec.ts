import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { type AccountLockedNotice, closeLiveBus, createLiveBus, JobProducers, type LiveBus, liveTopic, type RedisTarget } from '@caselink/jobs';
import { gql, ownerClient, startApi } from '../../test/harness';
import { startWorker, waitFor, type WorkerProcess } from '../../test/worker-process';

/**
 * The production topology's Redis: a Redis Cluster of 3 masters and 3 replicas (tools/scripts/engines.sh, nodes on
 * 7401..7406, cluster-node-timeout 2 s, nothing persisted) carrying BullMQ, the rate limits and the live pub/sub —
 * the real api and the real worker process on it, and a master killed under load.
 */
const FIRST_PORT = Number(process.env.REDIS_CLUSTER_TEST_PORT ?? 7401);
const NODES = Array.from({ length: 6 }, (_, i) => `127.0.0.1:${FIRST_PORT + i}`).join(',');
const ROOT = resolve(__dirname, '../../../..');
const PREFIX = `{caselink-test-${process.pid}}`;
const REDIS_URL = `redis://127.0.0.1:${FIRST_PORT}`;
const TARGET: RedisTarget = { url: REDIS_URL, clusterNodes: NODES.split(',').map((n) => ({ host: '127.0.0.1', port: Number(n.split(':')[1]) })) };

const engines = (script: string) =>
  execFileSync('bash', ['-c', `. tools/scripts/lib.sh; . tools/scripts/engines.sh; ${script}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const node = (port: number) => new Redis({ host: '127.0.0.1', port, lazyConnect: false, maxRetriesPerRequest: 1 });

const owning = (ms: Awaited<ReturnType<typeof masters>>, slot: number) => {
  const m = ms.find((x) => x.slots.some(([a, b]) => slot >= a && slot <= b));
  if (!m) throw new Error(`no master serves slot ${slot}`);
  return m;
};

/** The masters by port, each with the slot ranges it serves (CLUSTER NODES, as a live node sees them: `askPort` or else the first that answers). */
async function masters(askPort?: number): Promise<Array<{ port: number; slots: Array<[number, number]> }>> {
  if (askPort === undefined) {
    for (let i = 0; i < 6; i++) {
      const ms = await masters(FIRST_PORT + i).catch(() => null);
      if (ms) return ms;
    }
    throw new Error('no node of the cluster answers');
  }
  const r = node(askPort);
  try {
    const text = (await r.call('CLUSTER', 'NODES')) as string;
    return text.trim().split('\n').map((l) => l.split(' ')).filter((f) => f[2].includes('master') && !f[2].includes('fail')).map((f) => ({
      port: Number(f[1].split(':')[1].split('@')[0]),
      slots: f.slice(8).filter((s) => /^\d/.test(s)).map((s) => { const [a, b] = s.split('-').map(Number); return [a, b ?? a] as [number, number]; }),
    }));
  } finally {
    r.disconnect();
  }
}

/** Each live node's view (CLUSTER NODES, replication) and the end of every node's log: why a failover did not happen. */
async function clusterState(deadPort: number): Promise<string> {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const port = FIRST_PORT + i;
    if (port !== deadPort) {
      const r = node(port);
      try {
        const replication = ((await r.call('INFO', 'replication')) as string).split('\r\n').filter((l) => /^(role|master_link|master_port|slave0)/.test(l)).join(' ');
        out.push(`:${port} ${replication}\n${(await r.call('CLUSTER', 'NODES')) as string}`);
      } catch (e) {
        out.push(`:${port} did not answer: ${String(e)}`);
      } finally {
        r.disconnect();
      }
    }
    try {
      out.push(`:${port} log (end):\n${readFileSync(join(clusterDir, String(port), 'redis.log'), 'utf8').split('\n').slice(-15).join('\n')}`);
    } catch {
      // no log
    }
  }
  return out.join('\n');
}

const clusterDir = mkdtempSync(join(tmpdir(), 'caselink-redis-cluster-'));

describe('on a Redis Cluster (3 masters, 3 replicas)', () => {
  const dir = clusterDir;
  let api: NestFastifyApplication;
  let worker: WorkerProcess;
  let producers: JobProducers;
  let owner: Client;
  let agencyId: string;
  const admins: string[] = [];
  let slot: number;

  beforeAll(async () => {
    engines(`redis_cluster_up ${dir} ${FIRST_PORT}`);
    owner = await ownerClient();
    agencyId = (await owner.query<{ id: string }>("INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $1, 'POLICE', '440000') RETURNING id", [`Cluster-${randomUUID()}`])).rows[0].id;
    for (const i of [1, 2]) {
      admins.push((await owner.query<{ id: string }>(
        "INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'c', '{ADMIN}', 'x') RETURNING id", [agencyId, `c${i}-${randomUUID()}@cluster.test`],
      )).rows[0].id);
    }
    const env = { REDIS_URL, REDIS_CLUSTER_NODES: NODES, QUEUE_PREFIX: PREFIX };
    worker = await startWorker(env);
    api = await startApi({ ...env, RATE_LIMIT_LOGIN_ACCOUNT: '2/900', RATE_LIMIT_LOGIN_IP: '100/60' });
    producers = JobProducers.open(TARGET, PREFIX);
    const r = node(FIRST_PORT);
    slot = (await r.call('CLUSTER', 'KEYSLOT', PREFIX)) as number;
    r.disconnect();
  }, 90_000);

  afterAll(async () => {
    await producers?.close();
    await api?.close();
    await worker?.stop();
    await owner?.end();
    engines(`redis_cluster_stop ${dir} ${FIRST_PORT}`);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const notice = (): AccountLockedNotice => ({
    kind: 'ACCOUNT_LOCKED', agencyId, subjectUserId: admins[0], subjectEmail: 'locked@cluster.test', lockedUntil: new Date().toISOString(), auditEventId: randomUUID(),
  });
  const delivered = async (auditEventIds: string[]): Promise<Set<string>> => {
    const { rows } = await owner.query<{ k: string }>(
      "SELECT DISTINCT split_part(dedupe_key, ':', 2) AS k FROM notifications WHERE agency_id = $1 AND split_part(dedupe_key, ':', 2) = ANY($2)", [agencyId, auditEventIds],
    );
    return new Set(rows.map((r) => r.k));
  };

  it('the api is ready with Redis ok (its health client is a cluster client)', async () => {
    const res = await api.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
    const w = await (await fetch(`${worker.healthUrl}/health/ready`)).json();
    expect(w).toMatchObject({ status: 'ok', redis: 'ok', workers: 'running' });
  });

  it('jobs queued by JobProducers are processed by the worker process, every key in the slot of the hash tag', async () => {
    const jobs = Array.from({ length: 20 }, notice);
    await Promise.all(jobs.map((j) => producers.notify(j)));
    await waitFor(async () => ((await delivered(jobs.map((j) => j.auditEventId))).size === jobs.length ? true : undefined), 'the jobs processed');
    // Every key of the (private) cluster is in the prefix's slot: the queues, their job hashes, the rate-limit counts.
    let total = 0;
    let inSlot = 0;
    for (const m of await masters(FIRST_PORT)) {
      const r = node(m.port);
      total += await r.dbsize();
      if (m.slots.some(([a, b]) => slot >= a && slot <= b)) {
        inSlot = (await r.call('CLUSTER', 'COUNTKEYSINSLOT', slot)) as number;
        const keys = (await r.call('CLUSTER', 'GETKEYSINSLOT', slot, 1000)) as string[];
        expect(keys.every((k) => k.startsWith(`${PREFIX}:`))).toBe(true);
        expect(keys).toEqual(expect.arrayContaining([`${PREFIX}:notifications:meta`]));
      }
      r.disconnect();
    }
    expect(inSlot).toBeGreaterThan(0);
    expect(total).toBe(inSlot);
  });

  it('the live bus delivers an event published on one bus to a subscriber on another', async () => {
    const buses: LiveBus[] = [createLiveBus(TARGET), createLiveBus(TARGET), createLiveBus(TARGET)];
    try {
      const topic = liveTopic(PREFIX, 'notifications');
      const heard: Array<Promise<unknown>> = buses.slice(1).map((b) => new Promise((resolveHeard) => {
        const subscribed = new Promise<void>((ok) => b.on(topic, (msg, done) => { resolveHeard(msg['payload']); done(); }, () => ok()));
        void subscribed;
      }));
      // Subscriptions are set up asynchronously on whichever node each client picked: publish until both heard.
      const payload = { probe: randomUUID() };
      let settled = false;
      const all = Promise.all(heard).then((v) => { settled = true; return v; });
      for (let i = 0; i < 50 && !settled; i++) {
        await new Promise<void>((ok, ko) => buses[0].emit({ topic, payload }, (e?: Error) => (e ? ko(e) : ok())));
        await Promise.race([all, new Promise((r) => setTimeout(r, 100))]);
      }
      expect(await all).toEqual([payload, payload]);
    } finally {
      await Promise.all(buses.map((b) => closeLiveBus(b)));
    }
  });

  it('the sign-in limits count on the cluster (one Lua script, one key, one slot)', async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@cluster.test`;
    const attempt = () => gql(api, 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: email, p: 'wrong-password-1' });
    for (let i = 0; i < 2; i++) expect((await attempt()).errors?.[0].extensions?.['code']).not.toBe('TOO_MANY_REQUESTS');
    expect((await attempt()).errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', limit: 'ACCOUNT' });
    const keys: string[] = [];
    for (const m of await masters(FIRST_PORT)) {
      const r = node(m.port);
      keys.push(...(await r.keys(`${PREFIX}:rate-limit:*`)));
      r.disconnect();
    }
    expect(keys.length).toBeGreaterThan(0);
  });

  it('a master killed (kill -9) under load: its replica takes over and jobs flow again, the clients reconnect', async () => {
    const victim = owning(await masters(FIRST_PORT), slot);
    const pid = Number(readFileSync(join(dir, String(victim.port), 'redis.pid'), 'utf8').trim());
    const sent: Array<{ id: string; at: number }> = [];
    const enqueueErrors: string[] = [];
    let running = true;
    let killedAt = Number.POSITIVE_INFINITY;
    // Jobs flow throughout: one every 50 ms (enqueue waits while the slot has no master, as it should).
    const feeder = (async () => {
      while (running) {
        const j = notice();
        const at = Date.now();
        await producers.notify(j).then(() => sent.push({ id: j.auditEventId, at }), (e: Error) => enqueueErrors.push(`${Date.now() - killedAt} ms: ${e.message}`));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await waitFor(async () => ((await delivered(sent.map((s) => s.id))).size >= 10 ? true : undefined), 'jobs flowing before the failure');
    killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    // Recovered: a job queued after the kill is processed (its replica now master of the slot).
    const firstAfter = await waitFor(async () => {
      const after = sent.filter((s) => s.at > killedAt);
      const done = await delivered(after.map((s) => s.id));
      return after.some((s) => done.has(s.id)) ? Date.now() : undefined;
    }, 'a job queued after the kill processed', 60_000).catch(async (e: Error) => {
      // What a stall looks like, for whoever meets one: did enqueueing stop, or processing?
      const after = sent.filter((s) => s.at > killedAt);
      console.log(`[redis-cluster failover stalled] queued after the kill ${after.length}, enqueue errors ${enqueueErrors.length} `
        + `(${enqueueErrors.slice(-3).join('; ')}); masters now ${JSON.stringify(await masters(victim.port === FIRST_PORT ? FIRST_PORT + 1 : FIRST_PORT).catch(() => null))}; `
        + `worker log (end):\n${worker.log().slice(-4000)}\n${await clusterState(victim.port)}`);
      throw e;
    });
    const promoted = owning(await masters(victim.port === FIRST_PORT ? FIRST_PORT + 1 : FIRST_PORT), slot);
    // The api's health client answers through the new master too.
    const ready = await waitFor(async () => {
      const res = await api.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
      return res.statusCode === 200 ? Date.now() : undefined;
    }, 'the api ready again', 30_000);
    await new Promise((r) => setTimeout(r, 3000));
    running = false;
    await feeder;
    // What got through: every job queued after the recovery is processed; a few queued just before the kill may be lost.
    const allDone = await waitFor(async () => {
      const late = sent.filter((s) => s.at > firstAfter);
      const done = await delivered(late.map((s) => s.id));
      return late.every((s) => done.has(s.id)) ? true : undefined;
    }, 'every job queued after the recovery processed', 30_000);
    expect(allDone).toBe(true);
    await new Promise((r) => setTimeout(r, 3000));
    const done = await delivered(sent.map((s) => s.id));
    const lost = sent.filter((s) => !done.has(s.id));
    const w = await (await fetch(`${worker.healthUrl}/health/ready`)).json();
    // The figures for the record (docs): recovery time, jobs sent, lost (not replicated before the kill), enqueue errors.
    console.log(`[redis-cluster failover] master :${victim.port} killed; replica :${promoted.port} serves slot ${slot}; `
      + `first post-kill job processed after ${((firstAfter - killedAt) / 1000).toFixed(1)} s, api ready after ${((ready - killedAt) / 1000).toFixed(1)} s; `
      + `jobs queued ${sent.length}, processed ${done.size}, lost ${lost.length}${lost.length ? ` (queued ${lost.map((l) => l.at - killedAt).join(', ')} ms from the kill)` : ''}; enqueue errors ${enqueueErrors.length}${enqueueErrors.length ? ` (${enqueueErrors.join('; ')})` : ''}; worker health ${JSON.stringify(w)}`);
    expect(promoted.port).not.toBe(victim.port);
    expect(w).toMatchObject({ status: 'ok', redis: 'ok', workers: 'running' });
    expect(firstAfter - killedAt).toBeLessThan(30_000);
  }, 120_000);

  it('a frozen master (SIGSTOP: connections open, nothing answered) holds up neither sign-in nor readiness', async () => {
    const frozen = owning(await masters(), slot);
    const pid = Number(readFileSync(join(dir, String(frozen.port), 'redis.pid'), 'utf8').trim());
    const login = async (email: string) => {
      const t0 = Date.now();
      const r = await gql(api, 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: email, p: 'wrong-password-1' });
      return { code: r.errors?.[0].extensions?.['code'], ms: Date.now() - t0 };
    };
    process.kill(pid, 'SIGSTOP');
    try {
      // The limit's command times out (FAIL_FAST_COMMAND_MS) and the attempt is judged without it: wrong password, not a hang.
      const during = await login(`frozen-${randomUUID().slice(0, 8)}@cluster.test`);
      expect(during.code).toBe('UNAUTHENTICATED');
      expect(during.ms).toBeLessThan(10_000);
      const t0 = Date.now();
      const res = await api.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
      // 503 while the slot's master is frozen, 200 once its replica has taken over (when it has one): an answer either way.
      expect([200, 503]).toContain(res.statusCode);
      expect(Date.now() - t0).toBeLessThan(5_000);
      console.log(`[redis-cluster frozen master] :${frozen.port} stopped; a sign-in answered in ${during.ms} ms, readiness ${res.statusCode} in ${Date.now() - t0} ms`);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    // Afterwards the limits count again (on the old master or on its promoted replica).
    const email = `thawed-${randomUUID().slice(0, 8)}@cluster.test`;
    const codes = await waitFor(async () => {
      const seen: unknown[] = [];
      for (let i = 0; i < 3; i++) seen.push((await login(email)).code);
      return seen.includes('TOO_MANY_REQUESTS') ? seen : undefined;
    }, 'the sign-in limit counting again', 30_000);
    expect(codes).toContain('TOO_MANY_REQUESTS');
  }, 90_000);

  it('with the whole cluster gone, readiness answers 503 at once (it does not wait for Redis)', async () => {
    engines(`redis_cluster_stop ${dir} ${FIRST_PORT}`);
    const ready = async () => {
      const t0 = Date.now();
      const res = await api.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
      return { status: res.statusCode, body: res.json(), ms: Date.now() - t0 };
    };
    const r = await waitFor(async () => { const x = await ready(); return x.status === 503 ? x : undefined; }, 'readiness 503', 15_000);
    expect(r.body).toEqual({ status: 'unavailable', postgres: 'ok', redis: 'down' });
    expect((await ready()).ms).toBeLessThan(3000);
  }, 30_000);
});
