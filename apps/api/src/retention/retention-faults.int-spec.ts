import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

/**
 * The retention queue survives a crash: a worker killed with SIGKILL in the middle of a purge leaves its job to
 * BullMQ's stalled-job check; another worker takes the same run up again. Every row past its rule goes, each is
 * counted once, and the audit trail tells of each exactly once.
 */
describe('retention under faults', () => {
  const prefix = `caselink-test-retention-faults-${randomUUID().slice(0, 8)}`;
  const ROWS = 1500;
  let app: NestFastifyApplication;
  let owner: Client;
  let national: TestAgency;
  let agency: TestAgency;
  let nationalToken: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    owner = await ownerClient();
    national = await createAgency(owner, 'RetFaultNational', [Role.ADMIN], AgencyKind.POLICE, '110000', true);
    agency = await createAgency(owner, 'RetFault', [Role.ADMIN]);
    app = await startApi({ QUEUE_PREFIX: prefix });
    nationalToken = (await login(app, national.users[Role.ADMIN].email)).token;
    await owner.query(
      `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key, created_at)
       SELECT $1, $2, 'REQUEST_OVERDUE', '{}', 'ret-fault-' || $3 || '-' || g, now() - interval '3 years' FROM generate_series(1, $4) g`,
      [agency.id, agency.users[Role.ADMIN].id, prefix, ROWS],
    );
  });

  afterAll(async () => {
    for (const w of workers) await w.stop('SIGKILL');
    await app?.close();
    await owner.end();
  });

  const env = { QUEUE_PREFIX: prefix, RETENTION_EVERY_MS: '0', RETENTION_BATCH_SIZE: '1' };
  const left = async () => Number((await owner.query('SELECT count(*) FROM notifications WHERE agency_id = $1', [agency.id])).rows[0].count);

  it('a worker killed (SIGKILL) half-way through a purge: another finishes the same run; nothing left, nothing counted or audited twice', async () => {
    const first = await startWorker(env);
    workers.push(first);
    const queued = await gql<{ runRetention: { id: string } }>(app, 'mutation { runRetention { id } }', {}, { token: nationalToken });
    expect(queued.errors).toBeUndefined();
    const runId = queued.data?.runRetention.id as string;
    // Let it purge a good part, one row per transaction, then kill it without any chance to clean up.
    await waitFor(async () => ((await left()) <= ROWS - 200 ? true : undefined), 'the purge to be under way', 60_000);
    await first.stop('SIGKILL');
    const afterKill = await left();
    expect(afterKill).toBeGreaterThan(0);
    expect((await owner.query('SELECT status FROM retention_runs WHERE id = $1', [runId])).rows[0].status).toBe('RUNNING');

    workers.push(await startWorker(env));
    const status = await waitFor(async () => {
      const s = (await owner.query('SELECT status FROM retention_runs WHERE id = $1', [runId])).rows[0].status as string;
      return ['DONE', 'FAILED'].includes(s) ? s : undefined;
    }, 'the run to be taken up again and finish', 120_000);
    expect(status).toBe('DONE');
    expect(await left()).toBe(0);

    const counted = await owner.query("SELECT purged, audited FROM retention_run_counts WHERE run_id = $1 AND agency_id = $2 AND data_class = 'NOTIFICATIONS'", [runId, agency.id]);
    expect(counted.rows).toEqual([{ purged: ROWS, audited: ROWS }]);
    const audits = await owner.query<{ details: { purged: number } }>(
      "SELECT details FROM audit_events WHERE agency_id = $1 AND action = 'RETENTION_PURGED' AND entity_id = $2", [agency.id, runId],
    );
    expect(audits.rows.reduce((n, r) => n + r.details.purged, 0)).toBe(ROWS);
    expect(audits.rows).toHaveLength(1);
  });
});
