import * as argon2 from 'argon2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createClient, Client as WsClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import WebSocket from 'ws';
import { DeadlineJob, QUEUES, redisConnection } from '@caselink/jobs';
import { DEMO_PASSWORD } from '../../tools/seed/demo-data';
import {
  check, cpuByProcess, cpuDeltaByCommand, cpuSeconds, gql, inParallel, machine, machineTicks, main, ms, percentiles, Percentiles, Proc, randomCard, required, ROOT, sleep, SMOKE, start,
  stop, waitFor, writeResults,
} from './common';

/**
 * Requests: live latency and deadlines (docs/benchmarks.md, "Requests").
 *
 * 1. Live latency. Two api processes (A and B) and one worker, as built. The ICBC and CMB liaisons subscribe to
 *    `requestUpdates` over graphql-ws on api B; BENCH_SENDERS (50) police senders send `sendFreezeRequest`
 *    (EMERGENCY_STOP, a new valid card number each time, alternating the two banks) through api A in a closed
 *    loop for BENCH_SECONDS (30) per scenario, after BENCH_WARMUP_SECONDS (5) not counted. Latency runs from
 *    just before the mutation is sent to the SENT event arriving at the addressed bank's subscription (matched
 *    on requestId; an event may arrive before the HTTP answer). Scenarios: one sender alone (BENCH_SINGLE_SECONDS,
 *    10, for reference); the senders each in a police agency of its own, back to back and then paced at one
 *    freeze every BENCH_PACE_MS (1000) each; the same two with all senders in one agency (Guangdong), where the
 *    agency's request counter and audit chain make sends line up. Goal: p99 < 300 ms.
 * 2. Deadlines. The FREEZE/FREEZE/NORMAL answer deadline is set to 2 s; BENCH_DEADLINE_REQUESTS (200) such
 *    freezes are sent at BENCH_DEADLINE_RATE (10) per second; lateness is fired-minus-due from the OVERDUE
 *    events (request_events.data). Modes: the worker as deployed (sweep every 15 s), delayed jobs only (sweep
 *    every 600 s), and jobs lost (the bench removes the delayed jobs; sweep every 1 s). Which path acted is
 *    read from the deadline jobs' return values. The rule is restored afterwards.
 * BENCH_API_PROCESSES=2: the senders are spread over both api processes (odd ones on api B), as behind a load
 * balancer; the banks still listen on api B, so the events of the sends through api A cross processes over the Redis
 * bus (reported apart). Default 1: all senders on api A, api B only serves the subscriptions.
 * Ports: api A on BENCH_API_PORT (4330), api B on the next, the worker's health on the one after.
 * BENCH_TARGET=cluster (run.sh brings `npm run cluster`'s topology up, fresh, and down after): the senders and the banks
 * go through its entry point (HAProxy, round robin over api1 and api2; PostgreSQL through pgbouncer, the Redis Cluster),
 * no process is started here, deadlines are left out (they restart the worker with other sweeps); CPU per process read
 * from the cluster's pid files. Reported beside the single-machine figures.
 * BENCH_SMOKE=1: 3 senders, 1 s warm-up, 1 s alone, 1 s per scenario, paced at 500 ms; 6 deadline freezes at 6/s in each
 * mode. Checked: no send fails, every SENT event arrives at the addressed bank once, every deadline freeze turns
 * OVERDUE with its event, and none of it is about time.
 */
const APP_URL = required('BENCH_DATABASE_URL');
const OWNER_URL = required('BENCH_OWNER_URL');
const LINKER_URL = required('BENCH_LINKER_URL');
const ADMIN_URL = process.env['BENCH_ADMIN_URL'];
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const SENDERS = Number(process.env['BENCH_SENDERS'] ?? (SMOKE ? 3 : 50));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? (SMOKE ? 1 : 30));
const SINGLE_SECONDS = Number(process.env['BENCH_SINGLE_SECONDS'] ?? (SMOKE ? 1 : 10));
const PACE_MS = Number(process.env['BENCH_PACE_MS'] ?? (SMOKE ? 500 : 1000));
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? (SMOKE ? 1 : 5));
const DEADLINE_REQUESTS = Number(process.env['BENCH_DEADLINE_REQUESTS'] ?? (SMOKE ? 6 : 200));
const DEADLINE_RATE = Number(process.env['BENCH_DEADLINE_RATE'] ?? (SMOKE ? 6 : 10));
const DEADLINE_MODES = (process.env['BENCH_DEADLINE_MODES'] ?? (process.env['BENCH_ENTRY_URL'] ? '' : 'deployed,jobs,lost')).split(',').filter(Boolean) as DeadlineMode[];
const DEADLINE_SECONDS = 2;
const API_PROCESSES = Number(process.env['BENCH_API_PROCESSES'] ?? 1);
const PORT_A = Number(process.env['BENCH_API_PORT'] ?? 4330);
const PORT_B = PORT_A + 1;
const WORKER_PORT = PORT_A + 2;
/** The cluster's entry point (BENCH_TARGET=cluster), else undefined: the bench's own processes. */
const ENTRY = process.env['BENCH_ENTRY_URL'];
const CLUSTER_DIR = process.env['BENCH_CLUSTER_DIR'] ?? '';
const QUEUE_PREFIX = `caselink-bench-requests-${Date.now()}`;
const JWT_SECRET = 'bench-requests-secret-bench-requests-secret';
const EVENT_TIMEOUT_MS = 10_000;
const A = ENTRY ? `${ENTRY}/graphql` : `http://127.0.0.1:${PORT_A}/graphql`;
const B = ENTRY ? `${ENTRY}/graphql` : `http://127.0.0.1:${PORT_B}/graphql`;
const WS = ENTRY ? `${ENTRY.replace(/^http/, 'ws')}/graphql` : `ws://127.0.0.1:${PORT_B}/graphql`;

const SEND = 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id state } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }';
const SUBSCRIPTION = 'subscription { requestUpdates { requestId state eventKind toAgencyId at } }';

type DeadlineMode = 'deployed' | 'jobs' | 'lost';
const SWEEP_MS: Record<DeadlineMode, number> = { deployed: 15_000, jobs: 600_000, lost: 1_000 };
const MODE_LABEL: Record<DeadlineMode, string> = {
  deployed: 'as deployed (delayed jobs + sweep every 15 s)',
  jobs: 'delayed jobs only (sweep every 600 s)',
  lost: 'jobs lost (removed by the bench), sweep every 1 s',
};

/** Prefecture-level region codes (GB/T 2260) for the bench's police agencies: none a demo agency uses. */
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const REGIONS = [...PROVINCES.map((p) => `${p}0100`), ...PROVINCES.map((p) => `${p}0200`)];

/** `url`: the api process this sender talks to (A, or B for odd senders when BENCH_API_PROCESSES=2). */
interface Sender { email: string; token: string; caseId: string; url: string }
/** A bank, and a card prefix it registered: a freeze goes to the bank that issues its account (bank routing). */
interface Bank { email: string; agencyId: string; token: string; prefix: string }
interface Heard { perf: number; wall: number; at: string }
interface Sample { id: string; bank: string; t0: number; wall0: number; answered: number; viaA: boolean }

/** What the banks' subscriptions heard, first arrival per request. */
const heardSent = new Map<string, Heard & { bank: string }>();
const heardOverdue = new Map<string, Heard>();
let misdelivered = 0;
let duplicates = 0;

main(async () => {
  if (SENDERS > REGIONS.length) throw new Error(`BENCH_SENDERS at most ${REGIONS.length}`);
  if (API_PROCESSES !== 1 && API_PROCESSES !== 2) throw new Error('BENCH_API_PROCESSES must be 1 or 2');
  const owner = new Pool({ connectionString: OWNER_URL, max: 4, application_name: 'caselink-bench-requests' });
  const admin = ADMIN_URL ? new Pool({ connectionString: ADMIN_URL, max: 1, application_name: 'caselink-bench-requests-sampler' }) : null;
  const described = await machine(owner);
  console.log(described);
  const procs: Record<string, Proc | undefined> = {};
  const clients: WsClient[] = [];
  const [{ answer_within: originalRule }] = (await owner.query<{ answer_within: string }>(
    `SELECT answer_within::text FROM request_deadline_rules WHERE type = 'FREEZE' AND kind = 'FREEZE' AND urgency = 'NORMAL'`,
  )).rows;
  try {
    // Senders: one investigator in each of SENDERS new police agencies, and SENDERS more in Guangdong.
    const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const [{ id: gdAgency }] = (await owner.query<{ id: string }>(`SELECT agency_id AS id FROM users WHERE email = 'investigator@gd.demo'`)).rows;
    const spreadEmails: string[] = [];
    const gdEmails: string[] = [];
    for (let i = 1; i <= SENDERS; i++) {
      const [{ id }] = (await owner.query<{ id: string }>(
        `INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $2, 'POLICE', $3) RETURNING id`,
        [`压测公安局${i}`, `Bench police bureau ${i}`, REGIONS[i - 1]],
      )).rows;
      spreadEmails.push(`sender-${i}@bench-police.test`);
      gdEmails.push(`gd-sender-${i}@bench-gd.test`);
      await owner.query(`INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, $3, '{INVESTIGATOR}', $4)`, [id, spreadEmails[i - 1], `压测民警${i}`, hash]);
      await owner.query(`INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, $3, '{INVESTIGATOR}', $4)`, [gdAgency, gdEmails[i - 1], `广东压测民警${i}`, hash]);
    }

    let workerSweep = SWEEP_MS.deployed;
    if (!ENTRY) {
      procs['worker'] = startWorker(workerSweep);
      procs['api-a'] = startApi('api-a', PORT_A);
      procs['api-b'] = startApi('api-b', PORT_B);
      await Promise.all([
        waitFor(`http://127.0.0.1:${PORT_A}/health/ready`), waitFor(`http://127.0.0.1:${PORT_B}/health/ready`), waitFor(`http://127.0.0.1:${WORKER_PORT}/health/ready`),
      ]);
    }

    const login = async (url: string, email: string) => (await gql<{ login: { accessToken: string } }>(url, LOGIN, { e: email, p: DEMO_PASSWORD })).login.accessToken;
    const today = new Date().toISOString().slice(0, 10);
    const makeSenders = (emails: string[]) => inParallel(emails, 4, async (email, i): Promise<Sender> => {
      const url = API_PROCESSES === 2 && i % 2 === 1 ? B : A;
      const token = await login(url, email);
      const c = await gql<{ createCase: { id: string } }>(url, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
        i: { title: `冻结时延测试 ${i + 1}`, description: '[BENCH requests]', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: today },
      }, token);
      return { email, token, caseId: c.createCase.id, url };
    });
    const spread = await makeSenders(spreadEmails);
    const gd = await makeSenders(gdEmails);
    const banks: Bank[] = [];
    for (const email of ['liaison@icbc.demo', 'liaison@cmb.demo']) {
      const [{ id }] = (await owner.query<{ id: string }>('SELECT agency_id AS id FROM users WHERE email = $1', [email])).rows;
      const [{ prefix }] = (await owner.query<{ prefix: string }>('SELECT prefix FROM bank_prefixes WHERE agency_id = $1 ORDER BY length(prefix) DESC, prefix LIMIT 1', [id])).rows;
      banks.push({ email, agencyId: id, token: await login(B, email), prefix });
    }

    // The banks listen on api B.
    for (const bank of banks) {
      const client = createClient({ url: WS, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${bank.token}` }, lazy: false, retryAttempts: 0 });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('error', reject);
      });
      client.subscribe<{ requestUpdates: { requestId: string; state: string; eventKind: string; toAgencyId: string; at: string } }>({ query: SUBSCRIPTION }, {
        next: (v) => {
          const u = v.data?.requestUpdates;
          if (!u) return;
          const h = { perf: performance.now(), wall: Date.now(), at: u.at };
          if (u.toAgencyId !== bank.agencyId) misdelivered++;
          if (u.eventKind === 'STATE' && u.state === 'SENT') {
            if (heardSent.has(u.requestId)) duplicates++;
            else heardSent.set(u.requestId, { ...h, bank: bank.agencyId });
          } else if (u.eventKind === 'OVERDUE' && !heardOverdue.has(u.requestId)) {
            heardOverdue.set(u.requestId, h);
          }
        },
        error: (e) => console.error(`subscription of ${bank.email}: ${String(e)}`),
        complete: () => undefined,
      });
    }
    await sleep(500);

    // 1. Live latency.
    const where = ENTRY ? `through the cluster's entry point ${ENTRY}` : API_PROCESSES === 2 ? 'spread over api A and api B' : 'on api A';
    console.log(`Warm-up ${WARMUP_SECONDS} s; then ${SECONDS} s per scenario, ${SENDERS} senders ${where}, the two banks listening ${ENTRY ? 'there too' : 'on api B'}`);
    await sendLoop(spread, banks, WARMUP_SECONDS, 0, procs, admin);
    const scenarios = [
      { key: 'single', label: 'one sender alone, back to back (reference)', run: await sendLoop(spread.slice(0, 1), banks, SINGLE_SECONDS, 0, procs, admin) },
      { key: 'agencies', label: `${SENDERS} senders back to back, each in a police agency of its own`, run: await sendLoop(spread, banks, SECONDS, 0, procs, admin) },
      { key: 'agenciesPaced', label: `${SENDERS} senders, each in its own agency, one freeze every ${PACE_MS} ms each (${((SENDERS * 1000) / PACE_MS).toFixed(0)}/s offered)`, run: await sendLoop(spread, banks, SECONDS, PACE_MS, procs, admin) },
      { key: 'oneAgency', label: `${SENDERS} senders back to back, all in one agency (Guangdong)`, run: await sendLoop(gd, banks, SECONDS, 0, procs, admin) },
      { key: 'oneAgencyPaced', label: `${SENDERS} senders in one agency, one freeze every ${PACE_MS} ms each (${((SENDERS * 1000) / PACE_MS).toFixed(0)}/s offered)`, run: await sendLoop(gd, banks, SECONDS, PACE_MS, procs, admin) },
    ];

    // 2. Deadlines.
    await owner.query(`UPDATE request_deadline_rules SET answer_within = $1 * interval '1 second' WHERE type = 'FREEZE' AND kind = 'FREEZE' AND urgency = 'NORMAL'`, [DEADLINE_SECONDS]);
    const deadlines: DeadlineResult[] = [];
    for (const mode of DEADLINE_MODES) {
      if (workerSweep !== SWEEP_MS[mode]) {
        await stop(procs['worker']);
        workerSweep = SWEEP_MS[mode];
        procs['worker'] = startWorker(SWEEP_MS[mode]);
        await waitFor(`http://127.0.0.1:${WORKER_PORT}/health/ready`);
      }
      console.log(`Deadlines, ${MODE_LABEL[mode]}: ${DEADLINE_REQUESTS} freezes at ${DEADLINE_RATE}/s, answer within ${DEADLINE_SECONDS} s`);
      deadlines.push(await deadlineRun(mode, spread, banks, owner));
    }

    for (const sc of scenarios) {
      const r = sc.run;
      check(r.requests > 0 && r.errors === 0, `${sc.key}: ${r.requests} freezes sent, ${r.errors} failed${r.firstError ? ` (${r.firstError})` : ''}`);
      check(r.missing === 0, `${sc.key}: every SENT event arrives at the bank (${r.missing} of ${r.requests} missing)`);
    }
    check(misdelivered === 0 && duplicates === 0, `events reach the addressed bank only, once (${misdelivered} misdelivered, ${duplicates} duplicates)`);
    for (const d of deadlines) {
      check(d.requests === DEADLINE_REQUESTS && d.errors === 0, `deadlines ${d.mode}: ${d.requests} of ${DEADLINE_REQUESTS} freezes sent, ${d.errors} failed`);
      check(d.overdue === d.requests, `deadlines ${d.mode}: every freeze turns OVERDUE (${d.overdue} of ${d.requests})`);
      check(d.heard.n === d.requests, `deadlines ${d.mode}: every OVERDUE event arrives at the bank (${d.heard.n} of ${d.requests})`);
    }

    // Report.
    const row = (label: string, p: Percentiles) => `| ${label} | ${p.n} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${ms(p.max)} |`;
    const lines: string[] = [''];
    for (const s of scenarios) {
      const r = s.run;
      lines.push(
        `${s.label}: ${r.requests} freezes in ${r.seconds.toFixed(1)} s = ${r.throughput.toFixed(0)}/s, errors ${r.errors}, ` +
          `events missing after ${EVENT_TIMEOUT_MS / 1000} s ${r.missing}, arrived before the HTTP answer ${r.early}`,
        '',
        '| from just before sendFreezeRequest to | n | p50 ms | p95 ms | p99 ms | max ms |',
        '|---|---:|---:|---:|---:|---:|',
        row(`the mutation's answer (${ENTRY ? 'the entry point' : API_PROCESSES === 2 ? 'api A or B' : 'api A'})`, r.mutation),
        row(`**SENT event at the bank (${ENTRY ? 'the entry point' : 'api B'})**`, r.endToEnd),
        ...(API_PROCESSES === 2 && !ENTRY ? [row('SENT event at the bank, sent through api A (crossing processes)', r.crossProcess)] : []),
        row("the event's `at` (published after commit, ms clock)", r.published),
        row('publish → bank (Redis fan-out, ws; ms clock)', r.fanOut),
        '',
        `CPU over the window: ${r.cpu}`,
        ...(r.waits ? [`PostgreSQL backends (sampled every 100 ms): ${r.waits}`] : []),
        `p99 ${ms(r.endToEnd.p99)} ms (goal < 300 ms)`,
        '',
      );
    }
    lines.push('| deadline mode | requests | overdue | by delayed job | by sweep | lateness p50 ms | p95 ms | p99 ms | max ms | OVERDUE at the bank p50 / p99 ms |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const d of deadlines) {
      lines.push(`| ${MODE_LABEL[d.mode]} | ${d.requests} | ${d.overdue} | ${d.byJob} | ${d.bySweep} | ${ms(d.lateness.p50)} | ${ms(d.lateness.p95)} | ${ms(d.lateness.p99)} | ${ms(d.lateness.max)} | ${ms(d.heard.p50)} / ${ms(d.heard.p99)} |`);
    }
    for (const d of deadlines) {
      lines.push(`${d.mode}: BullMQ picked the delayed jobs up p50 ${ms(d.jobPickup.p50)} / p99 ${ms(d.jobPickup.p99)} / max ${ms(d.jobPickup.max)} ms after due; sweep-caught lateness p50 ${ms(d.sweepLateness.p50)} / max ${ms(d.sweepLateness.max)} ms; ${d.removed} jobs removed`);
    }
    lines.push(`misdelivered events ${misdelivered}, duplicate SENT events ${duplicates}`);
    console.log(lines.join('\n'));
    writeResults(ENTRY ? 'requests-cluster' : API_PROCESSES === 2 ? 'requests-2api' : 'requests', {
      machine: described, target: ENTRY ? 'cluster' : 'processes', apiProcesses: ENTRY ? 2 : API_PROCESSES, senders: SENDERS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, misdelivered, duplicates,
      latency: scenarios.map((s) => ({ scenario: s.key, label: s.label, ...s.run })),
      deadlines: deadlines.map((d) => ({ ...d, label: MODE_LABEL[d.mode] })),
    });
  } finally {
    await owner.query(`UPDATE request_deadline_rules SET answer_within = $1::interval WHERE type = 'FREEZE' AND kind = 'FREEZE' AND urgency = 'NORMAL'`, [originalRule]).catch((e: Error) => console.error(`rule not restored: ${e.message}`));
    await Promise.all(clients.map((c) => c.dispose()));
    await stop(procs['api-a']);
    await stop(procs['api-b']);
    await stop(procs['worker']);
    if (!ENTRY) await clearPrefix();
    await owner.end();
    await admin?.end();
  }
});

/** A cluster process's pid (BENCH_TARGET=cluster), from the pid file cluster.sh keeps. */
function clusterPid(name: string): number | undefined {
  try {
    return Number(readFileSync(join(CLUSTER_DIR, 'run', `${name}.pid`), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

function startApi(name: string, port: number): Proc {
  // BENCH_PROFILE=1: a V8 CPU profile of api A, written to dist/bench/requests-profile/ when it stops.
  const profile = process.env['BENCH_PROFILE'] && name === 'api-a' ? ['--cpu-prof', `--cpu-prof-dir=${ROOT}/dist/bench/requests-profile`] : [];
  return start(name, 'dist/apps/api/src/main.js', { DATABASE_URL: APP_URL, REDIS_URL, API_PORT: String(port), QUEUE_PREFIX, JWT_SECRET }, profile);
}

function startWorker(sweepMs: number): Proc {
  return start('worker', 'dist/apps/worker/src/main.js', {
    DATABASE_URL: APP_URL, LINKER_DATABASE_URL: LINKER_URL, REDIS_URL, QUEUE_PREFIX, WORKER_HEALTH_PORT: String(WORKER_PORT), DEADLINE_SWEEP_MS: String(sweepMs),
  });
}

interface LoopResult {
  requests: number;
  seconds: number;
  throughput: number;
  errors: number;
  firstError?: string;
  missing: number;
  early: number;
  mutation: Percentiles;
  endToEnd: Percentiles;
  /** Sent through api A, heard on api B: over the Redis bus. */
  crossProcess: Percentiles;
  published: Percentiles;
  fanOut: Percentiles;
  cpu: string;
  cpuSeconds: Record<string, number>;
  waits?: string;
}

/**
 * Every sender sends freezes one after the other for `seconds`: back to back when `paceMs` is 0 (a closed loop
 * on the mutation's answer), else one every `paceMs` (staggered; a late answer moves the next send, never
 * skips it). The event is matched apart, so a slow event never slows the senders; events still missing at
 * the end are waited for up to EVENT_TIMEOUT_MS.
 */
async function sendLoop(senders: Sender[], banks: Bank[], seconds: number, paceMs: number, procs: Record<string, Proc | undefined>, admin: Pool | null): Promise<LoopResult> {
  const samples: Sample[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const pids: Record<string, number | undefined> = ENTRY
    ? Object.fromEntries(['api1', 'api2', 'worker1', 'worker2'].map((n) => [n, clusterPid(n)]))
    : { 'api A': procs['api-a']?.child.pid, 'api B': procs['api-b']?.child.pid, worker: procs['worker']?.child.pid };
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const byCommand0 = cpuByProcess();
  const bench0 = process.cpuUsage();
  const ticks0 = machineTicks();
  const sampler = admin ? sampleWaits(admin) : null;
  const begin = performance.now();
  const until = begin + seconds * 1000;
  await Promise.all(senders.map(async (s, i) => {
    for (let n = 0; performance.now() < until; n++) {
      if (paceMs > 0) {
        const wait = begin + (i * paceMs) / senders.length + n * paceMs - performance.now();
        if (wait > 0) await sleep(wait);
        if (performance.now() >= until) break;
      }
      const bank = banks[(i + n) % banks.length];
      const input = { caseId: s.caseId, bankAgencyId: bank.agencyId, kind: 'EMERGENCY_STOP', account: randomCard(bank.prefix), amount: '30000', legalBasisDoc: '粤公(反诈)冻字[2026]017号' };
      const wall0 = Date.now();
      const t0 = performance.now();
      try {
        const d = await gql<{ sendFreezeRequest: { id: string; state: string } }>(s.url, SEND, { i: input }, s.token);
        samples.push({ id: d.sendFreezeRequest.id, bank: bank.agencyId, t0, wall0, answered: performance.now(), viaA: s.url === A });
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  }));
  const elapsed = (performance.now() - begin) / 1000;
  const ticks1 = machineTicks();
  const bench1 = process.cpuUsage(bench0);
  const cpuUsed: Record<string, number> = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid) - cpu0[k]]));
  cpuUsed['bench'] = (bench1.user + bench1.system) / 1e6;
  const byCommand = cpuDeltaByCommand(byCommand0, cpuByProcess());
  cpuUsed['PostgreSQL'] = byCommand.get('postgres') ?? 0;
  cpuUsed['Redis'] = byCommand.get('redis-server') ?? 0;
  if (ENTRY) {
    cpuUsed['pgbouncer'] = byCommand.get('pgbouncer') ?? 0;
    cpuUsed['HAProxy'] = byCommand.get('haproxy') ?? 0;
  }
  // Everything else the machine did meanwhile (other work sharing it): busy time of all CPUs minus the above.
  const machineBusy = (ticks1.busy - ticks0.busy) / 100;
  cpuUsed['other'] = Math.max(0, machineBusy - Object.values(cpuUsed).reduce((a, b) => a + b, 0));
  const waits = sampler ? await sampler.stop() : undefined;
  const deadline = performance.now() + EVENT_TIMEOUT_MS;
  while (samples.some((s) => !heardSent.has(s.id)) && performance.now() < deadline) await sleep(50);

  const endToEnd: number[] = [];
  const crossProcess: number[] = [];
  const published: number[] = [];
  const fanOut: number[] = [];
  let missing = 0;
  let early = 0;
  for (const s of samples) {
    const h = heardSent.get(s.id);
    if (!h) {
      missing++;
      continue;
    }
    if (h.bank !== s.bank) misdelivered++;
    endToEnd.push(h.perf - s.t0);
    if (s.viaA) crossProcess.push(h.perf - s.t0);
    published.push(Date.parse(h.at) - s.wall0);
    fanOut.push(h.wall - Date.parse(h.at));
    if (h.perf < s.answered) early++;
  }
  const busy = ticks1.total > ticks0.total ? (100 * (ticks1.busy - ticks0.busy)) / (ticks1.total - ticks0.total) : NaN;
  const cpu = `${Object.entries(cpuUsed).map(([k, v]) => `${k} ${((100 * v) / elapsed).toFixed(0)} %`).join(', ')} of one core; machine ${busy.toFixed(0)} % busy`;
  return {
    requests: samples.length, seconds: elapsed, throughput: samples.length / elapsed, errors, firstError, missing, early,
    mutation: percentiles(samples.map((s) => s.answered - s.t0)), endToEnd: percentiles(endToEnd), crossProcess: percentiles(crossProcess), published: percentiles(published), fanOut: percentiles(fanOut),
    cpu, cpuSeconds: cpuUsed, waits,
  };
}

/** Samples what the database's active backends wait on (and, for lock waits, the statement), every 100 ms. */
function sampleWaits(admin: Pool): { stop: () => Promise<string> } {
  let running = true;
  let samples = 0;
  let active = 0;
  let idleInTx = 0;
  const counts = new Map<string, number>();
  const loop = (async () => {
    while (running) {
      const { rows } = await admin.query<{ state: string; wait: string; query: string }>(
        `SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 48) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      samples++;
      idleInTx += rows.filter((r) => r.state !== 'active').length;
      active += rows.filter((r) => r.state === 'active').length;
      for (const r of rows.filter((x) => x.state === 'active')) {
        const key = r.wait.startsWith('Lock:') ? `${r.wait} (${r.query.trim()}…)` : r.wait;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
      return `${(active / Math.max(1, samples)).toFixed(1)} active and ${(idleInTx / Math.max(1, samples)).toFixed(1)} idle in transaction (waiting for the api) on average; active: ${top.map(([k, n]) => `${k} ${((100 * n) / Math.max(1, active)).toFixed(0)} %`).join(', ')}`;
    },
  };
}

interface DeadlineResult {
  mode: DeadlineMode;
  requests: number;
  overdue: number;
  byJob: number;
  bySweep: number;
  removed: number;
  lateness: Percentiles;
  sweepLateness: Percentiles;
  jobPickup: Percentiles;
  heard: Percentiles;
  errors: number;
}

/**
 * Sends DEADLINE_REQUESTS FREEZE/NORMAL freezes at DEADLINE_RATE per second (open loop) and waits until every
 * one turned OVERDUE (or gives up 30 s after the last deadline plus one sweep interval).
 */
async function deadlineRun(mode: DeadlineMode, senders: Sender[], banks: Bank[], owner: Pool): Promise<DeadlineResult> {
  const queue = new Queue<DeadlineJob>(QUEUES.deadlines, { connection: redisConnection(REDIS_URL), prefix: QUEUE_PREFIX });
  // "Redis lost the jobs": every delayed ANSWER job due within a minute is removed as soon as it shows up.
  let removing = mode === 'lost';
  let removed = 0;
  const remover = (async () => {
    while (removing) {
      for (const j of await queue.getDelayed(0, 5000)) {
        if (j.name === 'ANSWER' && new Date(j.data.at).getTime() - Date.now() < 60_000) {
          await j.remove().then(() => removed++, () => undefined);
        }
      }
      await sleep(100);
    }
  })();
  const ids: string[] = [];
  let errors = 0;
  const begin = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < DEADLINE_REQUESTS; i++) {
    const wait = begin + (i * 1000) / DEADLINE_RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const s = senders[i % senders.length];
    const bank = banks[i % banks.length];
    const input = { caseId: s.caseId, bankAgencyId: bank.agencyId, kind: 'FREEZE', urgency: 'NORMAL', account: randomCard(bank.prefix), amount: '5000', legalBasisDoc: '粤公(反诈)冻字[2026]018号' };
    inFlight.push(gql<{ sendFreezeRequest: { id: string } }>(s.url, SEND, { i: input }, s.token).then((d) => void ids.push(d.sendFreezeRequest.id), () => void errors++));
  }
  await Promise.all(inFlight);
  const giveUp = Date.now() + (DEADLINE_SECONDS * 1000) + SWEEP_MS[mode] + 30_000;
  for (;;) {
    const [{ n }] = (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM agency_requests WHERE id = ANY($1) AND overdue_at IS NOT NULL', [ids])).rows;
    if (n === ids.length || Date.now() > giveUp) break;
    await sleep(250);
  }
  removing = false;
  await remover;
  await sleep(1000); // the last live events and job completions
  const events = (await owner.query<{ request_id: string; lateness: number; due_at: string }>(
    `SELECT request_id, (data->>'latenessMs')::float8 AS lateness, data->>'dueAt' AS due_at FROM request_events WHERE kind = 'OVERDUE' AND request_id = ANY($1)`,
    [ids],
  )).rows;
  const mine = new Set(ids);
  const jobs = (await queue.getJobs(['completed'], 0, -1)).filter((j) => j.name === 'ANSWER' && mine.has(j.data.requestId));
  const actedByJob = new Set(jobs.filter((j) => (j.returnvalue as { acted?: boolean } | null)?.acted).map((j) => j.data.requestId));
  await queue.close();
  const heard = events.filter((e) => heardOverdue.has(e.request_id)).map((e) => (heardOverdue.get(e.request_id) as Heard).wall - Date.parse(e.due_at));
  return {
    mode, requests: ids.length, overdue: events.length, byJob: events.filter((e) => actedByJob.has(e.request_id)).length,
    bySweep: events.filter((e) => !actedByJob.has(e.request_id)).length, removed, errors,
    lateness: percentiles(events.map((e) => e.lateness)), sweepLateness: percentiles(events.filter((e) => !actedByJob.has(e.request_id)).map((e) => e.lateness)),
    jobPickup: percentiles(jobs.map((j) => (j.processedOn ?? 0) - new Date(j.data.at).getTime())), heard: percentiles(heard),
  };
}

/** Removes the run's Redis keys (queues; live topics hold nothing). */
async function clearPrefix(): Promise<void> {
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
