import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DEMO_PASSWORD } from '@caselink/demo-data';
import { engine, env, gql, kill9, LiveInbox, login, now, queueMaster, randomCard, restart, retrying, ROOT, scrape, sleep } from './cluster';

/**
 * Faults on the production topology (`npm run cluster`: 2 api processes behind HAProxy, 2 workers, pgbouncer, a hot
 * standby, a Redis Cluster), each under load: freezes sent through the entry point (urgent ones, and normal ones whose
 * deadline passes during the fault), victim statements whose shared mule cards link cases of two provinces, the banks'
 * live inboxes open throughout. After each fault, once the system has settled, everything is counted in PostgreSQL
 * and in what the inboxes heard: links, requests, deadline escalations and notifications lost or doubled (goal 0 and
 * 0), and the seconds from the fault until the work flowed again. The figures go to dist/cluster/faults-results.json
 * and docs/benchmarks.md ("Cluster faults").
 */
const ENTRY = env['CLUSTER_ENTRY_URL'];
const WS = `${ENTRY.replace('http', 'ws')}/graphql`;
const DEADLINE_SECONDS = 4;

interface FaultFigures {
  fault: string;
  freezes: number;
  statements: number;
  deadlines: number;
  lost: Record<string, number>;
  doubled: Record<string, number>;
  clientRetries: number;
  /** Live changes announced again after a retried send (not doubles: the inbox shows one row per request). */
  liveRepeats: number;
  recoverySeconds: number;
  notes: string;
}

describe('the cluster under faults', () => {
  let owner: Pool;
  let gd = '';
  let fj = '';
  const banks: Array<{ email: string; agencyId: string; prefix: string; token: string; inbox?: LiveInbox }> = [];
  let gdCases: string[] = [];
  let fjCases: string[] = [];
  const figures: FaultFigures[] = [];
  const started = Date.now();

  // Everything this run sent, to count against.
  const freezes: Array<{ caseId: string; account: string; bank: string; deadline: boolean; id?: string }> = [];
  const statements: Array<{ caseId: string; marker: string; card: string; pair: number }> = [];
  let pairs = 0;

  const createCase = (token: string, title: string) => retrying(async () => (await gql<{ createCase: { id: string } }>(ENTRY,
    'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }',
    { i: { title, description: '[CLUSTER faults]', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: new Date().toISOString().slice(0, 10) } }, token)).createCase.id, stats());

  let retries = 0;
  const failedAt: number[] = [];
  const stats = () => ({ get retries() { return retries; }, set retries(v: number) { retries = v; }, failedAt });

  /** One freeze, retried until answered: a repeat for an account live on the case answers the same freeze. */
  const sendFreeze = async (f: (typeof freezes)[number]) => {
    const input = f.deadline
      ? { caseId: f.caseId, bankAgencyId: f.bank, kind: 'FREEZE', urgency: 'NORMAL', account: f.account, amount: '12000', legalBasisDoc: '粤公(反诈)冻字[2026]101号' }
      : { caseId: f.caseId, bankAgencyId: f.bank, kind: 'EMERGENCY_STOP', account: f.account, amount: '30000', legalBasisDoc: '粤公(反诈)冻字[2026]100号' };
    const r = await retrying(() => gql<{ sendFreezeRequest: { id: string } }>(ENTRY, 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id } }', { i: input }, gd), stats());
    f.id = r.sendFreezeRequest.id;
  };

  /**
   * One victim statement paying `card`. A statement has no natural key, so before trying again after a lost answer
   * the client looks for its marker (as a user would look at the case before typing it twice).
   */
  const addStatement = async (s: (typeof statements)[number], token: string) => {
    const input = {
      caseId: s.caseId, takenAt: new Date().toISOString(), place: '派出所', narrative: `冒充客服退款 ${s.marker}`, reportedLoss: '800.00', victim: { name: '赵四' },
      transfers: [{ fromAccount: randomCard('622848'), toAccount: s.card, amount: '800.00', occurredAt: new Date(Date.now() - 3600_000).toISOString(), channel: 'BANK_TRANSFER' }],
    };
    await retrying(async () => {
      const there = (await owner.query('SELECT 1 FROM victim_statements WHERE narrative = $1', [input.narrative])).rowCount;
      if (there) return;
      await gql(ENTRY, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', { i: input }, token);
    }, stats());
  };

  /** The load during a fault: `n` freezes (a third with a deadline that passes) and `p` linked pairs of statements. */
  const load = async (n: number, p: number, spreadMs: number) => {
    const mine: Array<Promise<unknown>> = [];
    const t0 = now();
    for (let i = 0; i < n; i++) {
      const bank = banks[i % banks.length];
      const f = { caseId: gdCases[i % gdCases.length], account: randomCard(bank.prefix), bank: bank.agencyId, deadline: i % 3 === 0 };
      freezes.push(f);
      mine.push(sleep((spreadMs * i) / n).then(() => sendFreeze(f)));
    }
    for (let i = 0; i < p; i++) {
      const pair = pairs++;
      const card = randomCard('621700');
      const a = { caseId: gdCases[pair % gdCases.length], marker: `#${started}-${pair}-a`, card, pair };
      const b = { caseId: fjCases[pair % fjCases.length], marker: `#${started}-${pair}-b`, card, pair };
      statements.push(a, b);
      mine.push(sleep((spreadMs * i) / p).then(() => addStatement(a, gd)));
      mine.push(sleep((spreadMs * i) / p + 50).then(() => addStatement(b, fj)));
    }
    await Promise.all(mine);
    return now() - t0;
  };

  const count = async (sql: string, params: unknown[]) => Number((await owner.query(sql, params)).rows[0].n);

  /**
   * Waits until nothing is missing any more (the worker has linked, escalated and told everything, the inboxes have
   * heard it), or 120 s have passed, and returns the last count: what is still missing then is lost.
   */
  const settle = async () => {
    const until = now() + 120_000;
    for (;;) {
      const t = await tally();
      if (Object.values(t.lost).every((v) => v === 0) || now() > until) return t;
      await sleep(1000);
    }
  };

  /** Lost and doubled of everything sent so far. */
  const tally = async () => {
    const lost: Record<string, number> = {};
    const doubled: Record<string, number> = {};
    const ids = freezes.map((f) => f.id).filter(Boolean) as string[];
    // Requests: one per account sent.
    const perAccount = (await owner.query<{ account: string; n: string }>(
      `SELECT account_canonical AS account, count(*) AS n FROM agency_requests WHERE type = 'FREEZE' AND account_canonical = ANY($1) GROUP BY 1`,
      [freezes.map((f) => f.account)],
    )).rows;
    const byAccount = new Map(perAccount.map((r) => [r.account, Number(r.n)]));
    lost['requests'] = freezes.filter((f) => !byAccount.has(f.account)).length + freezes.filter((f) => !f.id).length;
    doubled['requests'] = perAccount.reduce((a, r) => a + Math.max(0, Number(r.n) - 1), 0);
    // Each sent once: one SENT event each.
    const sentEvents = (await owner.query<{ id: string; n: string }>(
      `SELECT r.id, count(e.id) AS n FROM agency_requests r LEFT JOIN request_events e ON e.request_id = r.id AND e.kind = 'STATE' AND e.to_state = 'SENT'
       WHERE r.id = ANY($1) GROUP BY r.id`, [ids])).rows;
    lost['sentEvents'] = sentEvents.filter((r) => Number(r.n) === 0).length;
    doubled['sentEvents'] = sentEvents.reduce((a, r) => a + Math.max(0, Number(r.n) - 1), 0);
    // Deadline escalations: every freeze past its deadline escalated once, its sender told once per user.
    const overdue = (await owner.query<{ id: string; events: string; told: string }>(
      `SELECT r.id,
              (SELECT count(*) FROM request_events e WHERE e.request_id = r.id AND e.kind = 'OVERDUE') AS events,
              (SELECT count(*) FROM notifications n WHERE n.payload->>'requestId' = r.id::text AND n.kind = 'REQUEST_OVERDUE' AND n.user_id = r.created_by) AS told
       FROM agency_requests r WHERE r.id = ANY($1) AND r.deadline_at < now() - interval '2 seconds' AND r.answered_at IS NULL`, [ids])).rows;
    lost['escalations'] = overdue.filter((r) => Number(r.events) === 0).length;
    doubled['escalations'] = overdue.reduce((a, r) => a + Math.max(0, Number(r.events) - 1), 0);
    lost['overdueNotifications'] = overdue.filter((r) => Number(r.told) === 0).length;
    doubled['overdueNotifications'] = overdue.reduce((a, r) => a + Math.max(0, Number(r.told) - 1), 0);
    // Links: both cases of each pair hold the card's posting and share a series; each author told of the hit once.
    const byPair = new Map<number, typeof statements>();
    for (const s of statements) byPair.set(s.pair, [...(byPair.get(s.pair) ?? []), s]);
    let linkLost = 0;
    let hitLost = 0;
    let hitDoubled = 0;
    for (const [, [a, b]] of byPair) {
      const linked = await count(
        `SELECT count(*) AS n FROM series_members x JOIN series_members y ON x.series_id = y.series_id WHERE x.case_id = $1 AND y.case_id = $2`, [a.caseId, b.caseId]);
      const postings = await count(`SELECT count(DISTINCT case_id) AS n FROM evidence_postings WHERE kind = 'BANK_CARD' AND canonical = $1 AND case_id = ANY($2)`, [a.card, [a.caseId, b.caseId]]);
      if (linked === 0 || postings < 2) linkLost++;
      const hits = (await owner.query<{ case_id: string; n: string }>(
        `SELECT payload->>'caseId' AS case_id, count(*) AS n FROM notifications WHERE kind = 'LINK_HIT' AND dedupe_key LIKE '%' || md5($1)
         GROUP BY 1`, [a.card])).rows;
      hitLost += 2 - hits.length;
      hitDoubled += hits.reduce((x, h) => x + Math.max(0, Number(h.n) - 1), 0);
    }
    lost['links'] = linkLost;
    doubled['links'] = await count(
      `SELECT count(*) AS n FROM (SELECT kind, canonical, case_id FROM evidence_postings WHERE case_id = ANY($1) GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
      [[...gdCases, ...fjCases]]);
    lost['linkNotifications'] = hitLost;
    doubled['linkNotifications'] = hitDoubled;
    // The banks' live inboxes: every SENT and OVERDUE heard; no entry of the live log delivered twice. The same change
    // announced again (a send retried after its answer was lost re-announces it) is counted apart: an inbox keys its
    // rows by request, so it shows one row either way.
    let liveLost = 0;
    let liveDoubled = 0;
    let liveRepeats = 0;
    for (const b of banks) {
      const sequences = new Set<string>();
      for (const h of (b.inbox?.heard ?? [])) {
        if (sequences.has(h.sequence)) liveDoubled++;
        sequences.add(h.sequence);
      }
      const heard = new Map<string, number>();
      for (const h of (b.inbox?.heard ?? [])) if ((h.eventKind === 'STATE' && h.state === 'SENT') || h.eventKind === 'OVERDUE') heard.set(`${h.requestId}:${h.eventKind}`, (heard.get(`${h.requestId}:${h.eventKind}`) ?? 0) + 1);
      for (const f of freezes.filter((x) => x.bank === b.agencyId && x.id)) {
        if (!heard.has(`${f.id}:STATE`)) liveLost++;
      }
      for (const r of overdue) if (freezes.find((f) => f.id === r.id)?.bank === b.agencyId && !heard.has(`${r.id}:OVERDUE`)) liveLost++;
      for (const n of heard.values()) liveRepeats += Math.max(0, n - 1);
    }
    lost['liveEvents'] = liveLost;
    doubled['liveEvents'] = liveDoubled;
    return { lost, doubled, liveRepeats };
  };

  /** Runs `fault` under load, waits for the system to settle, counts, records the figures; expects 0 lost, 0 doubled. */
  const underFault = async (name: string, fault: () => Promise<number>, n = 30, p = 6, notes = '') => {
    const retriesBefore = retries;
    const f0 = freezes.length;
    const s0 = statements.length;
    const working = load(n, p, 4000);
    await sleep(1200);
    const recoverySeconds = await fault();
    await working;
    const { lost, doubled, liveRepeats } = await settle();
    const row: FaultFigures = {
      fault: name, freezes: freezes.length - f0, statements: statements.length - s0, deadlines: freezes.slice(f0).filter((f) => f.deadline).length,
      lost, doubled, liveRepeats, clientRetries: retries - retriesBefore, recoverySeconds: Math.round(recoverySeconds * 10) / 10, notes,
    };
    figures.push(row);
    console.log(`${name}: lost ${JSON.stringify(lost)} doubled ${JSON.stringify(doubled)}, ${row.clientRetries} client retries, recovered in ${row.recoverySeconds} s`);
    for (const v of Object.values(lost)) expect(v).toBe(0);
    for (const v of Object.values(doubled)) expect(v).toBe(0);
  };

  /** Seconds from now until `ok` holds (polled every 100 ms, up to 120 s). */
  const until = async (ok: () => Promise<boolean>) => {
    const t0 = now();
    while (!(await ok().catch(() => false))) {
      if (now() - t0 > 120_000) throw new Error('did not recover within 120 s');
      await sleep(100);
    }
    return (now() - t0) / 1000;
  };
  const mutationWorks = async () => {
    await gql(ENTRY, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
      i: { title: '恢复探测 recovery probe', description: '[CLUSTER faults]', fraudType: 'OTHER', reportedOn: new Date().toISOString().slice(0, 10) },
    }, gd);
    return true;
  };

  beforeAll(async () => {
    // A pool: its connections die with PostgreSQL's restart and are made again.
    owner = new Pool({ connectionString: env['CLUSTER_OWNER_URL'], max: 4 });
    owner.on('error', () => undefined);
    gd = await login(ENTRY, 'investigator@gd.demo', DEMO_PASSWORD);
    fj = await login(ENTRY, 'investigator@fj.demo', DEMO_PASSWORD);
    for (const email of ['liaison@icbc.demo', 'liaison@cmb.demo']) {
      const [{ id }] = (await owner.query<{ id: string }>('SELECT agency_id AS id FROM users WHERE email = $1', [email])).rows;
      const [{ prefix }] = (await owner.query<{ prefix: string }>('SELECT prefix FROM bank_prefixes WHERE agency_id = $1 ORDER BY length(prefix) DESC, prefix LIMIT 1', [id])).rows;
      const token = await login(ENTRY, email, DEMO_PASSWORD);
      banks.push({ email, agencyId: id, prefix, token });
    }
    for (const b of banks) b.inbox = new LiveInbox(WS, () => b.token);
    gdCases = await Promise.all([1, 2, 3, 4].map((i) => createCase(gd, `集群故障演练 ${i}`)));
    fjCases = await Promise.all([1, 2].map((i) => createCase(fj, `集群故障演练 闽 ${i}`)));
    // Normal freezes fall due during the fault they were sent in.
    await owner.query(`UPDATE request_deadline_rules SET answer_within = $1 * interval '1 second' WHERE type = 'FREEZE' AND kind = 'FREEZE' AND urgency = 'NORMAL'`, [DEADLINE_SECONDS]);
    await sleep(1000);
  });

  afterAll(async () => {
    for (const b of banks) await b.inbox?.close();
    await owner?.end();
    const out = join(ROOT, 'dist/cluster');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'faults-results.json'), JSON.stringify({ at: new Date().toISOString(), figures, reconnects: banks.map((b) => ({ bank: b.email, reconnects: b.inbox?.reconnects })) }, null, 2));
    console.table(figures.map((f) => ({
      fault: f.fault, freezes: f.freezes, statements: f.statements, deadlines: f.deadlines,
      lost: Object.values(f.lost).reduce((a, b) => a + b, 0), doubled: Object.values(f.doubled).reduce((a, b) => a + b, 0), retries: f.clientRetries, recovery_s: f.recoverySeconds,
    })));
  });

  it('no fault: the baseline load is counted exactly', async () => {
    await underFault('none (baseline)', async () => 0);
  });

  it('kill -9 of an api process mid-mutation', async () => {
    await underFault('kill -9 api1 mid-mutation', async () => {
      kill9('api1');
      // HAProxy takes the dead process out after its failed checks; the clients retry what was lost meanwhile.
      const seconds = await until(async () => { await mutationWorks(); return true; });
      await restart('api1');
      return seconds;
    }, 40, 6, 'the banks’ inboxes on api1 reconnect through the entry point and catch up from their last sequence');
  });

  it('kill -9 of a worker mid-job', async () => {
    await underFault('kill -9 worker1 mid-job', async () => {
      kill9('worker1');
      const t0 = now();
      await sleep(3000);
      await restart('worker1');
      return (now() - t0) / 1000;
    }, 30, 10, 'worker2 carries on; jobs worker1 held are retried after their lock expires');
  });

  it('a Redis master fails over to its replica under load', async () => {
    await underFault('Redis master kill -9 → replica', async () => {
      const master = await queueMaster();
      if (!master.replicaPort) throw new Error(`the queues' master :${master.port} has no replica`);
      process.kill(master.pid, 'SIGKILL');
      const seconds = await until(async () => {
        const m = await queueMaster();
        return m.port === master.replicaPort;
      });
      await engine('redis-start', String(master.port));
      await engine('redis-wait');
      return seconds;
    }, 30, 6, 'the replica is promoted after cluster-node-timeout (2 s); the old master rejoins as its replica');
  });

  it('PostgreSQL restarts under load', async () => {
    await underFault('PostgreSQL primary restart', async () => {
      const t0 = now();
      await engine('pg-restart', 'fast');
      await until(mutationWorks);
      return (now() - t0) / 1000;
    });
  });

  it('pgbouncer restarts under load', async () => {
    await underFault('pgbouncer restart', async () => {
      const t0 = now();
      await engine('pgbouncer-restart');
      await until(mutationWorks);
      return (now() - t0) / 1000;
    });
  });

  it('losing the replica sends its reads to the primary, without an error', async () => {
    const dashboard = async () => {
      const sup = await login(ENTRY, 'supervisor@gd.demo', DEMO_PASSWORD);
      return gql<{ supervisorDashboard: unknown }>(ENTRY, '{ supervisorDashboard(filter: { periodDays: 90 }) { cases { cases } } }', {}, sup);
    };
    await underFault('hot standby lost', async () => {
      await engine('replica-stop', 'immediate');
      const t0 = now();
      // Reads the replica served keep answering, from the primary.
      for (let i = 0; i < 10; i++) await dashboard();
      const seconds = (now() - t0) / 1000;
      await engine('replica-start');
      return seconds;
    }, 20, 4, 'dashboard reads answered from the primary while the standby was down');
    const metrics = await scrape(env['CLUSTER_API1_METRICS']);
    expect([...metrics.keys()].some((k) => k.startsWith('caselink_'))).toBe(true);
  });
});
