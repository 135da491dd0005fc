import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Client } from 'pg';
import { AccountLockedNotice, JobProducers, NotificationJob, redisConnection } from '@caselink/jobs';
import { loadWorkerConfig } from '../config';
import { WorkerModule } from '../worker.module';
import { NotificationsProcessor } from './notifications.processor';

const DB = process.env['TEST_DATABASE_URL'] ?? 'postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink_test';
const OWNER = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://caselink_owner:caselink_owner@127.0.0.1:5432/caselink_test';
const LINKER = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The notifications worker on real Redis and PostgreSQL: at-least-once delivery, exactly-once effect. */
describe('notifications worker', () => {
  const prefix = `caselink-test-worker-${randomUUID().slice(0, 8)}`;
  let worker: INestApplicationContext;
  let producers: JobProducers;
  let owner: Client;
  let agencyId: string;
  let otherAgencyId: string;
  const admins: string[] = [];

  beforeAll(async () => {
    owner = new Client({ connectionString: OWNER });
    await owner.connect();
    const mk = async (name: string) =>
      (await owner.query<{ id: string }>("INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $1, 'POLICE', '440000') RETURNING id", [name])).rows[0].id;
    agencyId = await mk(`Notify-${prefix}`);
    otherAgencyId = await mk(`NotifyOther-${prefix}`);
    for (const [i, roles] of [['1', '{ADMIN}'], ['2', '{ADMIN,AUDITOR}'], ['3', '{INVESTIGATOR}']]) {
      const r = await owner.query<{ id: string }>(
        "INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'n', $3, 'x') RETURNING id",
        [agencyId, `n${i}-${prefix}@n.test`, roles],
      );
      if (roles.includes('ADMIN')) admins.push(r.rows[0].id);
    }
    await owner.query("INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'o', '{ADMIN}', 'x')", [otherAgencyId, `o-${prefix}@n.test`]);
    producers = new JobProducers(redisConnection(REDIS), prefix);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forConfig(loadWorkerConfig({ DATABASE_URL: DB, LINKER_DATABASE_URL: LINKER, REDIS_URL: REDIS, QUEUE_PREFIX: prefix, WORKER_HEALTH_PORT: '0' })),
      { logger: ['error'] },
    );
    await worker.init();
  });

  afterAll(async () => {
    await worker.close();
    await producers.notifications.obliterate({ force: true });
    await producers.close();
    await owner.end();
  });

  const notice = (): AccountLockedNotice => ({
    kind: 'ACCOUNT_LOCKED', agencyId, subjectUserId: admins[0], subjectEmail: 'locked@n.test', lockedUntil: new Date().toISOString(), auditEventId: randomUUID(),
  });

  const rowsFor = async (auditEventId: string) =>
    (await owner.query('SELECT agency_id, user_id FROM notifications WHERE dedupe_key LIKE $1', [`ACCOUNT_LOCKED:${auditEventId}:%`])).rows;

  it('tells every active admin of the agency, and nobody else', async () => {
    const job = notice();
    await producers.notify(job);
    await waitFor(async () => (await rowsFor(job.auditEventId)).length === 2);
    const rows = await rowsFor(job.auditEventId);
    expect(rows.map((r) => r.user_id).sort()).toEqual([...admins].sort());
    expect(new Set(rows.map((r) => r.agency_id))).toEqual(new Set([agencyId]));
  });

  it('enqueuing the same notice twice makes one job', async () => {
    const job = notice();
    await producers.notify(job);
    await producers.notify(job);
    await waitFor(async () => (await rowsFor(job.auditEventId)).length === 2);
    // The rows commit a moment before BullMQ marks their job completed: count the notice's jobs once none is pending.
    const jobsOf = async (states: Array<'completed' | 'waiting' | 'active' | 'delayed'>) =>
      (await producers.notifications.getJobs(states)).filter((j) => (j?.data as { auditEventId?: string } | undefined)?.auditEventId === job.auditEventId).length;
    await waitFor(async () => (await jobsOf(['waiting', 'active', 'delayed'])) === 0);
    expect(await jobsOf(['completed', 'waiting', 'active', 'delayed'])).toBe(1);
    expect((await rowsFor(job.auditEventId)).length).toBe(2);
  });

  it('a job delivered twice (a worker died after writing) writes nothing twice', async () => {
    const processor = worker.get(NotificationsProcessor);
    const data = notice();
    const job = { id: `again-${data.auditEventId}`, data } as Job<NotificationJob>;
    expect(await processor.process(job)).toEqual({ delivered: 2 });
    expect(await processor.process(job)).toEqual({ delivered: 0 });
    expect((await rowsFor(data.auditEventId)).length).toBe(2);
  });

  it('acts under row-level security as the job agency: it cannot write into another agency', async () => {
    const processor = worker.get(NotificationsProcessor);
    const data = { ...notice(), agencyId: otherAgencyId };
    // The other agency's admin exists, and the worker acting for it may notify them; acting for agencyId it sees none of them.
    expect(await processor.process({ id: 'x', data } as Job<NotificationJob>)).toEqual({ delivered: 1 });
    const app = new Client({ connectionString: DB });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.agency_id', $1, true)", [agencyId]);
      const { rows } = await app.query('SELECT count(*)::int AS n FROM notifications WHERE agency_id = $1', [otherAgencyId]);
      expect(rows[0].n).toBe(0);
      await expect(app.query("INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key) VALUES ($1, $2, 'X', '{}', $3)", [otherAgencyId, admins[0], randomUUID()])).rejects.toThrow(/row-level security/);
    } finally {
      await app.query('ROLLBACK');
      await app.end();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
