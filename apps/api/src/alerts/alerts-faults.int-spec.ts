import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { JobProducers, redisConnection } from '@caselink/jobs';
import { createAgency, gql, login, multipart, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const SUBJECT_HASH_KEY = 'integration-test-subject-hash-key-0123456789';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const REPORT = 'mutation($s: [RiskSignalInput!]!) { reportRiskSignals(signals: $s) { accepted duplicates } }';

/**
 * The rules engine under faults: an evaluation job delivered twice, signals whose job Redis never had, a worker
 * killed with SIGKILL in the middle of an upload. Afterwards there is exactly one alert per crossing, with the
 * figures of all its signals, one notification per reader: nothing lost, nothing twice.
 */
describe('risk rules under faults', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let bank: TestAgency;
  let police: TestAgency;
  const t: Record<string, string> = {};
  const prefix = `caselink-test-${process.pid}`;
  const evidenceDir = mkdtempSync(join(tmpdir(), 'caselink-risk-faults-'));
  let n = 0;
  const ref = () => `fault-${process.pid}-${++n}`;
  const env = (extra: Record<string, string> = {}) => ({ QUEUE_PREFIX: prefix, SUBJECT_HASH_KEY, EVIDENCE_DIR: evidenceDir, RISK_SWEEP_MS: '500', ...extra });

  const pending = async (agencyId: string) =>
    (await owner.query('SELECT count(*)::int AS n FROM risk_signals WHERE reporting_agency_id = $1 AND evaluated_at IS NULL', [agencyId])).rows[0].n as number;
  const settled = () => waitFor(async () => ((await pending(bank.id)) === 0 ? true : undefined), 'the signals to be evaluated', 60_000);
  /** Alerts (and their notifications) of the given accounts, comparable across runs. */
  const snapshot = async (accounts: string[]) => (await owner.query(
    `SELECT a.id, a.alert_key, a.observed::text, a.signal_count, a.window_start, a.window_end,
            (SELECT count(*)::int FROM notifications x WHERE x.kind = 'ALERT_RAISED' AND x.payload->>'alertId' = a.id::text) AS told,
            (SELECT count(*)::int FROM alert_identifiers i WHERE i.alert_id = a.id) AS identifiers
     FROM alerts a WHERE EXISTS (SELECT 1 FROM alert_identifiers i WHERE i.alert_id = a.id AND i.value = ANY($1)) ORDER BY a.alert_key`,
    [accounts],
  )).rows;

  beforeAll(async () => {
    owner = await ownerClient();
    bank = await createAgency(owner, 'FaultBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    police = await createAgency(owner, 'FaultPolice', [Role.INVESTIGATOR], AgencyKind.POLICE, '320000');
    app = await startApi({ EVIDENCE_DIR: evidenceDir });
    t['bank'] = (await login(app, bank.users[Role.LIAISON].email)).token;
  });

  afterAll(async () => {
    await app?.close();
    await owner.end();
  });

  it('an evaluation job delivered twice, or after its batch was evaluated, raises one alert', async () => {
    const worker = await startWorker(env());
    try {
      const accounts = [randomCard(), randomCard(), randomCard()];
      const signals = accounts.flatMap((account) => [0, 1, 2].map((i) => ({
        kind: 'CASH_WITHDRAWAL', reference: ref(), occurredAt: `2026-11-18T0${i + 1}:00:00+08:00`, region: '320100', account, amount: '8000.00',
      })));
      const r = await gql(app, REPORT, { s: signals }, { token: t['bank'] });
      expect(r.data?.reportRiskSignals).toEqual({ accepted: 9, duplicates: 0 });
      await settled();
      const before = await snapshot(accounts);
      expect(before.map((a) => [a.observed, a.signal_count, a.told])).toEqual([['24000.00', 3, 1], ['24000.00', 3, 1], ['24000.00', 3, 1]]);

      // Redeliver: the batch is announced again twice under other job ids, once as it was and once as if it had
      // never been evaluated (a worker that died after evaluating but before BullMQ heard).
      const { rows: [{ batch_id: batchId }] } = await owner.query('SELECT batch_id FROM risk_signals WHERE account = $1 LIMIT 1', [accounts[0]]);
      const producers = new JobProducers(redisConnection(REDIS), prefix);
      try {
        await producers.riskRules.add('evaluate', { kind: 'EVALUATE', batchId }, { jobId: `replay-a-${batchId}` });
        await owner.query('UPDATE risk_signals SET evaluated_at = NULL WHERE batch_id = $1', [batchId]);
        await producers.riskRules.add('evaluate', { kind: 'EVALUATE', batchId }, { jobId: `replay-b-${batchId}` });
        await producers.riskRules.add('evaluate', { kind: 'EVALUATE', batchId }, { jobId: `replay-c-${batchId}` });
        await waitFor(async () => {
          const states = await Promise.all(['a', 'b', 'c'].map(async (x) => (await producers.riskRules.getJob(`replay-${x}-${batchId}`))?.getState()));
          return states.every((s) => s === 'completed') ? true : undefined;
        }, 'the replayed jobs', 30_000);
      } finally {
        await producers.close();
      }
      await settled();
      expect(await snapshot(accounts)).toEqual(before);
    } finally {
      await worker.stop();
    }
  });

  it('signals stored while no job reached the worker (Redis lost it) are found by the sweep', async () => {
    // The api queues under its own prefix; this worker listens elsewhere, as if Redis had restarted empty.
    const worker = await startWorker(env({ QUEUE_PREFIX: `${prefix}-elsewhere` }));
    try {
      const account = randomCard();
      const r = await gql(app, REPORT, { s: [1, 2, 3].map((i) => ({ kind: 'CASH_WITHDRAWAL', reference: ref(), occurredAt: `2026-11-18T0${i}:00:00+08:00`, region: '320100', account, amount: '7000.00' })) }, { token: t['bank'] });
      expect(r.errors).toBeUndefined();
      await settled();
      expect((await snapshot([account])).map((a) => [a.observed, a.signal_count, a.told])).toEqual([['21000.00', 3, 1]]);
    } finally {
      await worker.stop();
    }
  });

  it('a worker killed in the middle of an upload: the next one resumes after the last committed batch, nothing lost or doubled', async () => {
    // 300 accounts, 10 withdrawals each spread over the file: every account crosses 20,000 at its 9th withdrawal.
    const accounts = Array.from({ length: 300 }, () => randomCard());
    const lines = ['kind,reference,occurred_at,region,account,amount'];
    for (let i = 0; i < 3000; i++) {
      const minute = String(Math.floor(i / 300)).padStart(2, '0');
      lines.push(`CASH_WITHDRAWAL,${ref()},2026-11-18 10:${minute}:00,320500,${accounts[i % 300]},2500.00`);
    }
    let worker: WorkerProcess = await startWorker(env({ RISK_BATCH_SIZE: '25', STALLED_INTERVAL_MS: '1500' }));
    try {
      const m = multipart(Buffer.from(lines.join('\n')), 'withdrawals.csv', 'text/csv');
      const res = await app.getHttpAdapter().getInstance().inject({
        method: 'POST', url: '/risk-signals/uploads', headers: { authorization: `Bearer ${t['bank']}`, 'content-type': m.contentType }, payload: m.body,
      });
      expect(res.statusCode).toBe(202);
      const id = (res.json() as { id: string }).id;
      const progress = async () => (await owner.query('SELECT status, rows_done, accepted, duplicates, error_rows FROM risk_signal_uploads WHERE id = $1', [id])).rows[0];
      const midway = await waitFor(async () => {
        const p = await progress();
        return p.rows_done >= 200 ? p : undefined;
      }, 'the upload to be under way', 30_000);
      await worker.stop('SIGKILL');
      expect(midway.rows_done).toBeLessThan(3000);
      worker = await startWorker(env({ RISK_BATCH_SIZE: '25', STALLED_INTERVAL_MS: '1500' }));
      const done = await waitFor(async () => {
        const p = await progress();
        return p.status === 'DONE' ? p : undefined;
      }, 'the upload to finish after the crash', 90_000);
      expect(done).toEqual({ status: 'DONE', rows_done: 3000, accepted: 3000, duplicates: 0, error_rows: 0 });
      await settled();
      expect((await owner.query('SELECT count(*)::int AS n FROM risk_signals WHERE upload_id = $1', [id])).rows[0].n).toBe(3000);
      const alerts = await snapshot(accounts);
      expect(alerts).toHaveLength(300);
      expect(new Set(alerts.map((a) => `${a.observed}/${a.signal_count}/${a.told}/${a.identifiers}`))).toEqual(new Set(['25000.00/10/1/1']));
      // The province's police see them all.
      const seen = await gql(app, 'query { alerts(rule: CASH_WITHDRAWAL_DAILY, first: 1) { totalCount } }', {}, { token: (await login(app, police.users[Role.INVESTIGATOR].email)).token });
      expect(seen.data?.alerts.totalCount).toBe(300 + 4);
    } finally {
      await worker.stop();
    }
  });
});
