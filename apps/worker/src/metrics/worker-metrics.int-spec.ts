import { closeServer, portOf, startMetricsServer } from '@caselink/db';
import type { Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { ALL_QUEUES } from '@caselink/jobs';
import { loadWorkerConfig } from '../config';
import { WorkerModule } from '../worker.module';
import { WorkerMetrics } from './worker-metrics';

const DB = process.env['TEST_DATABASE_URL'] ?? 'postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink_test';
const LINKER = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The worker's collectors against the real database and Redis, through its own metrics port. */
describe('worker metrics', () => {
  let worker: INestApplicationContext;
  let server: Server | undefined;
  let url: string;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forConfig(loadWorkerConfig({
        DATABASE_URL: DB, LINKER_DATABASE_URL: LINKER, REDIS_URL: REDIS, QUEUE_PREFIX: `caselink-metrics-${process.pid}`,
        WORKER_HEALTH_PORT: '0', WORKER_METRICS_PORT: '0',
      })),
      { logger: ['error'] },
    );
    await worker.init();
    // Port 0 is "off" in configuration; the test serves the same registry on a port the OS picks.
    server = await startMetricsServer(worker.get(WorkerMetrics).metricsRegistry(), '127.0.0.1', 0);
    url = `http://127.0.0.1:${portOf(server)}/metrics`;
  });

  afterAll(async () => {
    await closeServer(server);
    await worker?.close();
  });

  it('reports queues, pools, process and request figures on scrape', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const q of ALL_QUEUES) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(text).toContain(`caselink_queue_jobs{queue="${q}",state="${state}"}`);
    }
    expect(text).toMatch(/caselink_db_pool_connections\{pool="app"\} \d/);
    expect(text).toMatch(/caselink_db_pool_connections\{pool="linker"\} \d/);
    expect(text).toContain('caselink_db_pool_waiting{pool="app"}');
    expect(text).toContain('process_resident_memory_bytes');
    // Read as SYSTEM through metrics_request_figures(): the counts are there even with no freeze yet.
    expect(text).toMatch(/caselink_freeze_first_event_seconds\{quantile="count"\} \d/);
    expect(text).toMatch(/caselink_freeze_answered_seconds\{quantile="count"\} \d/);
    for (const name of ['caselink_requests_open', 'caselink_requests_overdue', 'caselink_jobs_completed_total', 'caselink_job_wait_seconds',
      'caselink_sweep_requeued_total', 'caselink_deadline_lateness_seconds', 'caselink_jobs_stalled_total']) expect(text).toContain(`# TYPE ${name} `);
    // No ids in labels: every label value is a queue, state, type, pool, quantile or bucket.
    expect(text).not.toMatch(/="[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('gives the request figures to no one acting for an agency', async () => {
    const app = new Client({ connectionString: DB });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.agency_id', gen_random_uuid()::text, true)");
      expect((await app.query('SELECT * FROM metrics_request_figures()')).rows).toEqual([]);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query("SELECT set_config('app.agency_id', '', true)");
      expect((await app.query('SELECT * FROM metrics_request_figures()')).rows.length).toBeGreaterThanOrEqual(2);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });
});
