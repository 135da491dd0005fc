import { ChildProcess, spawn } from 'node:child_process';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { JobProducers, redisConnection } from '@caselink/jobs';
import { appPool, asAgency, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { freePort, randomCard, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

/**
 * Jobs survive faults: a worker killed with SIGKILL in the middle of a relink, a link job delivered
 * twice, Redis restarted (empty) between enqueue and processing, a deep fund trace's job lost. Afterwards postings and series equal
 * those of a clean rebuild — nothing lost, nothing duplicated.
 */
describe('linking under faults', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let gd: TestAgency;
  let fj: TestAgency;
  let centre: TestAgency;
  const t: Record<string, string> = {};
  const prefix = `caselink-test-${process.pid}`;
  const testCases: string[] = [];

  const createCase = async (token: string) => {
    const r = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '刷单返利诈骗案', fraudType: 'CLICK_FARMING', reportedOn: '2026-11-20', sensitivity: 'NORMAL' } }, { token });
    testCases.push(r.data?.createCase.id);
    return r.data?.createCase.id as string;
  };
  const pay = async (token: string, caseId: string, to: string) => {
    const r = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: {
        caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '刷单返利', reportedLoss: '800.00', victim: { name: '赵四' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: to, amount: '800.00', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }],
      },
    }, { token });
    expect(r.errors).toBeUndefined();
  };
  /** A ring: `n` cases alternating between Guangdong and Fujian, chained by shared mule cards. */
  const ring = async (n: number) => {
    const cards = Array.from({ length: n - 1 }, () => randomCard());
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const token = i % 2 === 0 ? t['gd'] : t['fj'];
      const id = await createCase(token);
      if (i > 0) await pay(token, id, cards[i - 1]);
      if (i < n - 1) await pay(token, id, cards[i]);
      ids.push(id);
    }
    return ids;
  };

  /** Postings and series of this file's cases, in a form that compares across rebuilds. */
  const snapshot = async () => {
    const postings = (await owner.query(
      'SELECT kind, canonical, case_id, records FROM evidence_postings WHERE case_id = ANY($1) ORDER BY case_id, kind, canonical',
      [testCases],
    )).rows;
    const groups = (await owner.query(
      `SELECT series_id, array_agg(case_id::text ORDER BY case_id) AS cases FROM series_members WHERE case_id = ANY($1) GROUP BY series_id`,
      [testCases],
    )).rows as Array<{ series_id: string; cases: string[] }>;
    return { postings, series: groups.map((g) => g.cases).sort((a, b) => (a[0] < b[0] ? -1 : 1)), seriesIds: groups.map((g) => g.series_id).sort() };
  };
  const pending = async () => (await owner.query('SELECT count(*)::int AS n FROM evidence_changes WHERE case_id = ANY($1)', [testCases])).rows[0].n as number;
  const settled = () => waitFor(async () => ((await pending()) === 0 ? true : undefined), 'the outbox to drain', 30_000);

  const relink = async () => {
    const started = await gql(app, 'mutation { startRelink { id } }', {}, { token: t['centre'] });
    expect(started.errors).toBeUndefined();
    return waitFor(async () => {
      const r = (await owner.query('SELECT state FROM relink_runs WHERE id = $1', [started.data?.startRelink.id])).rows[0];
      return r.state === 'DONE' ? true : undefined;
    }, 'the relink', 60_000);
  };

  beforeAll(async () => {
    owner = await ownerClient();
    gd = await createAgency(owner, 'FaultGD', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    fj = await createAgency(owner, 'FaultFJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '350000');
    centre = await createAgency(owner, 'FaultCentre', [Role.ADMIN], AgencyKind.POLICE, '100000', true);
    app = await startApi();
    t['gd'] = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    t['fj'] = (await login(app, fj.users[Role.INVESTIGATOR].email)).token;
    t['centre'] = (await login(app, centre.users[Role.ADMIN].email)).token;
  });

  afterAll(async () => {
    await app?.close();
    await owner.end();
  });

  it('a link job delivered twice (and a stale one after a newer change) duplicates nothing', async () => {
    const worker = await startWorker({ QUEUE_PREFIX: prefix });
    try {
      const cases = await ring(5);
      await settled();
      const before = await snapshot();
      expect(before.series).toContainEqual([...cases].sort());
      // Redeliver: every case announced again, each change queued twice under different job ids.
      const producers = new JobProducers(redisConnection(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'), prefix);
      const { rows } = await owner.query<{ id: string }>('INSERT INTO evidence_changes (case_id) SELECT unnest($1::uuid[]) RETURNING id::text', [cases]);
      for (const r of rows) {
        await producers.enqueueLink({ changeId: r.id });
        await producers.evidenceLink.add('link', { changeId: r.id }, { jobId: `replay-${r.id}` });
      }
      await producers.close();
      await settled();
      expect(await snapshot()).toEqual(before);
      await relink();
      expect(await snapshot()).toEqual(before);
    } finally {
      await worker.stop();
    }
  });

  it('Redis restarted empty between enqueue and processing: the outbox sweep re-queues, nothing is lost', async () => {
    const port = await freePort();
    const redisUrl = `redis://127.0.0.1:${port}`;
    const startRedis = async (): Promise<ChildProcess> => {
      const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      await waitFor(async () => {
        const c = new JobProducers(redisConnection(redisUrl), 'probe');
        try {
          return (await Promise.race([c.evidenceLink.getJobCounts().then(() => true as const), new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))])) ?? undefined;
        } finally {
          await c.close().catch(() => undefined);
        }
      }, 'redis-server to start', 10_000);
      return child;
    };
    const stopRedis = (child: ChildProcess) => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    let redis = await startRedis();
    let worker: WorkerProcess | undefined;
    try {
      // No worker yet: the statements' changes wait in the outbox; a relay queued them, then Redis died.
      const cases = await ring(4);
      expect(await pending()).toBeGreaterThan(0);
      const producers = new JobProducers(redisConnection(redisUrl), prefix);
      const { rows } = await owner.query<{ id: string }>('SELECT id::text FROM evidence_changes WHERE case_id = ANY($1)', [cases]);
      for (const r of rows) await producers.enqueueLink({ changeId: r.id });
      expect((await producers.evidenceLink.getJobCounts('wait')).wait).toBe(rows.length);
      await producers.close();
      await stopRedis(redis);
      redis = await startRedis();
      worker = await startWorker({ QUEUE_PREFIX: prefix, REDIS_URL: redisUrl });
      await settled();
      expect((await snapshot()).series).toContainEqual([...cases].sort());

      // Redis dies while the worker runs and a statement arrives; it comes back empty.
      await stopRedis(redis);
      const late = await createCase(t['gd']);
      const card = (await owner.query<{ canonical: string }>(`SELECT canonical FROM identifiers WHERE case_id = $1 AND source = 'TRANSFER' LIMIT 1`, [cases[1]])).rows[0].canonical;
      await pay(t['gd'], late, card);
      redis = await startRedis();
      await settled();
      const after = await snapshot();
      expect(after.series).toContainEqual([...cases, late].sort());
      await relink();
      expect(await snapshot()).toEqual(after);
    } finally {
      await worker?.stop();
      await stopRedis(redis);
    }
  });

  it('statements saved while a relink runs are linked right after it, none lost', async () => {
    const worker = await startWorker({ QUEUE_PREFIX: prefix });
    const blocker = await ownerClient();
    try {
      const cases = await ring(3);
      await settled();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE series_members IN EXCLUSIVE MODE');
      const started = await gql(app, 'mutation { startRelink { id } }', {}, { token: t['centre'] });
      const runId = started.data?.startRelink.id as string;
      await waitFor(async () => ((await owner.query('SELECT phase FROM relink_runs WHERE id = $1', [runId])).rows[0].phase === 'writing' ? true : undefined), 'the relink to reach its last phase');
      // The rebuild has read every identifier; these arrive after its snapshot.
      const late = [await createCase(t['gd']), await createCase(t['fj'])];
      const card = (await owner.query<{ canonical: string }>(`SELECT canonical FROM identifiers WHERE case_id = $1 AND source = 'TRANSFER' LIMIT 1`, [cases[2]])).rows[0].canonical;
      await pay(t['gd'], late[0], card);
      await pay(t['fj'], late[1], card);
      await blocker.query('COMMIT');
      await waitFor(async () => ((await owner.query('SELECT state FROM relink_runs WHERE id = $1', [runId])).rows[0].state === 'DONE' ? true : undefined), 'the relink', 60_000);
      await settled();
      const after = await snapshot();
      expect(after.series).toContainEqual([...cases, ...late].sort());
      await relink();
      expect(await snapshot()).toEqual(after);
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
      await worker.stop();
    }
  });

  it('a worker killed (SIGKILL) in the middle of a relink: the rebuild is redone by another worker, nothing lost', async () => {
    let first: WorkerProcess | undefined = await startWorker({ QUEUE_PREFIX: prefix });
    let second: WorkerProcess | undefined;
    const blocker = await ownerClient();
    try {
      const cases = await ring(4);
      await settled();
      const ringSeries = (await owner.query('SELECT series_id FROM series_members WHERE case_id = $1', [cases[0]])).rows[0].series_id as string;
      // Hold the series table so the rebuild stops in its last phase, its postings rewritten but not committed.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE series_members IN EXCLUSIVE MODE');
      const started = await gql(app, 'mutation { startRelink { id } }', {}, { token: t['centre'] });
      const runId = started.data?.startRelink.id as string;
      await waitFor(async () => ((await owner.query('SELECT phase FROM relink_runs WHERE id = $1', [runId])).rows[0].phase === 'writing' ? true : undefined), 'the relink to reach its last phase');
      await first.stop('SIGKILL');
      first = undefined;
      // While no worker runs, a new statement joins two more cases to the ring.
      const extra = [await createCase(t['fj']), await createCase(t['gd'])];
      const card = (await owner.query<{ canonical: string }>(`SELECT canonical FROM identifiers WHERE case_id = $1 AND source = 'TRANSFER' LIMIT 1`, [cases[0]])).rows[0].canonical;
      await pay(t['fj'], extra[0], card);
      await pay(t['gd'], extra[1], card);
      await blocker.query('COMMIT');
      expect((await owner.query('SELECT state FROM relink_runs WHERE id = $1', [runId])).rows[0].state).toBe('RUNNING');

      second = await startWorker({ QUEUE_PREFIX: prefix });
      await waitFor(async () => ((await owner.query('SELECT state FROM relink_runs WHERE id = $1', [runId])).rows[0].state === 'DONE' ? true : undefined), 'the relink to be redone', 60_000);
      await settled();
      const after = await snapshot();
      expect(after.series).toContainEqual([...cases, ...extra].sort());
      // The grown ring keeps its series id (bookmarks stay valid).
      expect((await owner.query('SELECT series_id FROM series_members WHERE case_id = $1', [extra[1]])).rows[0].series_id).toBe(ringSeries);
      // Equal to a clean rebuild; no posting twice (the primary key would refuse it anyway).
      await relink();
      expect(await snapshot()).toEqual(after);
      const dupes = await owner.query('SELECT case_id FROM series_members WHERE case_id = ANY($1) GROUP BY case_id HAVING count(*) > 1', [testCases]);
      expect(dupes.rows).toEqual([]);
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
      await first?.stop();
      await second?.stop();
    }
  });
  it('a worker stopped (SIGTERM) with a job that cannot finish: not ready at once, gone after its drain time, the job done by the next worker', async () => {
    let first: WorkerProcess | undefined = await startWorker({ QUEUE_PREFIX: prefix, WORKER_DRAIN_MS: '1500' });
    let second: WorkerProcess | undefined;
    const blocker = await ownerClient();
    try {
      const cases = await ring(3);
      await settled();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE series_members IN EXCLUSIVE MODE');
      const runId = (await gql(app, 'mutation { startRelink { id } }', {}, { token: t['centre'] })).data?.startRelink.id as string;
      await waitFor(async () => ((await owner.query('SELECT phase FROM relink_runs WHERE id = $1', [runId])).rows[0].phase === 'writing' ? true : undefined), 'the relink to reach its last phase');
      const stopping = first;
      const exited = new Promise<void>((resolve) => stopping.child.once('exit', () => resolve()));
      stopping.child.kill('SIGTERM');
      // Draining: the health check says so while the job still runs.
      await waitFor(async () => ((await fetch(`${stopping.healthUrl}/health/ready`).catch(() => null))?.status === 503 ? true : undefined), 'readiness to turn false');
      await exited; // after WORKER_DRAIN_MS, though the relink is still blocked
      first = undefined;
      await blocker.query('COMMIT');
      expect((await owner.query('SELECT state FROM relink_runs WHERE id = $1', [runId])).rows[0].state).toBe('RUNNING');
      second = await startWorker({ QUEUE_PREFIX: prefix });
      await waitFor(async () => ((await owner.query('SELECT state FROM relink_runs WHERE id = $1', [runId])).rows[0].state === 'DONE' ? true : undefined), 'the returned relink to be done', 60_000);
      await settled();
      expect((await snapshot()).series).toContainEqual([...cases].sort());
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
      await first?.stop();
      await second?.stop();
    }
  });

  it('a deep fund trace whose job Redis lost is queued again by the sweep and finishes', async () => {
    const caseId = await createCase(t['gd']);
    await pay(t['gd'], caseId, randomCard());
    const transferId = (await owner.query<{ id: string }>('SELECT id FROM transfers WHERE case_id = $1 LIMIT 1', [caseId])).rows[0].id;
    const run = await gql(app, 'mutation($id: ID!) { startFundTrace(transferId: $id, maxHops: 8) { id state } }', { id: transferId }, { token: t['gd'] });
    expect(run.errors).toBeUndefined();
    const traceId = run.data?.startFundTrace.id as string;
    // The job vanishes with Redis before any worker took it.
    const producers = new JobProducers(redisConnection(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'), prefix);
    try {
      await waitFor(async () => ((await producers.fundsTrace.getJob(`trace-${traceId}`)) ? true : undefined), 'the trace job to be queued');
      await (await producers.fundsTrace.getJob(`trace-${traceId}`))?.remove();
    } finally {
      await producers.close();
    }
    expect((await owner.query('SELECT state FROM fund_traces WHERE id = $1', [traceId])).rows[0].state).toBe('QUEUED');
    // Only the sweep (acting for no agency) finds it: acting for an agency, even its own, the look-up answers nothing.
    const pool = appPool();
    try {
      expect(await asAgency(pool, gd.id, 'SELECT count(*)::int AS n FROM fund_traces_stalled(interval \'0\')')).toEqual([{ n: 0 }]);
    } finally {
      await pool.end();
    }
    const worker = await startWorker({ QUEUE_PREFIX: prefix, OUTBOX_SWEEP_MS: '500' });
    try {
      const done = await waitFor(async () => {
        const r = (await owner.query('SELECT state, finished_at FROM fund_traces WHERE id = $1', [traceId])).rows[0];
        return r.state === 'DONE' ? r : undefined;
      }, 'the swept trace to finish');
      expect(done.finished_at).toBeTruthy();
    } finally {
      await worker.stop();
    }
  });
});
