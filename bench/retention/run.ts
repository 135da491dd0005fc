import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Job } from 'bullmq';
import { Pool } from 'pg';
import { createDataSource } from '@caselink/db';
import { JobProducers, redisConnection, type RetentionJob } from '@caselink/jobs';
import { LocalDiskStore } from '@caselink/storage';
import { loadWorkerConfig } from '../../apps/worker/src/config';
import { RetentionProcessor } from '../../apps/worker/src/retention/retention.processor';
import { machine, main, ms, required, writeResults } from '../linking/common';

/**
 * How fast the retention queue purges (issue 13; docs/benchmarks.md, "Retention"). The worker's own processor as
 * built, on a fresh database: BENCH_ROWS (100,000) notifications of 10 agencies past their period, and BENCH_FILES
 * (2,000) evidence files of cases closed years ago, really on disk; each batch size of BENCH_BATCHES (100, 1000) purges
 * a fresh copy of that set in one run — batches of one class per transaction, files removed after each commit, one
 * audit row per agency and class. Figures: rows and files per second, and the run's wall time. BENCH_SMOKE=1: a few
 * thousand rows (npm test).
 */
const SMOKE = process.env['BENCH_SMOKE'] === '1';
const ROWS = Number(process.env['BENCH_ROWS'] ?? (SMOKE ? 3000 : 100_000));
const FILES = Number(process.env['BENCH_FILES'] ?? (SMOKE ? 30 : 2000));
const BATCHES = (process.env['BENCH_BATCHES'] ?? '100,1000').split(',').map(Number);
const AGENCIES = 10;

async function seed(owner: Pool, store: LocalDiskStore, agencies: Array<{ id: string; user: string }>): Promise<void> {
  for (const [i, a] of agencies.entries()) {
    const n = Math.floor(ROWS / AGENCIES) + (i < ROWS % AGENCIES ? 1 : 0);
    await owner.query(
      `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key, created_at)
       SELECT $1, $2, 'REQUEST_OVERDUE', '{"requestId":"x"}', 'bench-' || gen_random_uuid(), now() - interval '3 years' FROM generate_series(1, $3)`,
      [a.id, a.user, n],
    );
  }
  const { rows: [c] } = await owner.query<{ id: string }>(
    `INSERT INTO cases (agency_id, case_number, title, fraud_type, status, reported_on, created_by)
     VALUES ($1, $2, 'bench', 'OTHER', 'CLOSED', '2015-01-01', $3) RETURNING id`,
    [agencies[0].id, `BENCH-${randomUUID().slice(0, 8)}`, agencies[0].user],
  );
  await owner.query("UPDATE cases SET closed_at = now() - interval '8 years' WHERE id = $1", [c.id]);
  for (let i = 0; i < FILES; i++) {
    const f = await store.put(Readable.from(randomBytes(4096)), 8192);
    await owner.query(
      `INSERT INTO attachments (case_id, agency_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
       VALUES ($1, $2, 'bench.bin', 'application/octet-stream', $3, $4, $5, $6)`,
      [c.id, agencies[0].id, f.sizeBytes, f.sha256, f.key, agencies[0].user],
    );
  }
}

main(async () => {
  const owner = new Pool({ connectionString: required('BENCH_OWNER_URL'), max: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'caselink-bench-retention-'));
  const store = new LocalDiskStore(dir);
  const agencies: Array<{ id: string; user: string }> = [];
  for (let i = 0; i < AGENCIES; i++) {
    const { rows: [a] } = await owner.query<{ id: string }>(
      "INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $1, 'POLICE', '440000') RETURNING id", [`Bench retention ${i}`],
    );
    const { rows: [u] } = await owner.query<{ id: string }>(
      "INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'b', '{SUPERVISOR}', 'x') RETURNING id", [a.id, `bench-${i}@retention.bench`],
    );
    agencies.push({ id: a.id, user: u.id });
  }
  const ds = await createDataSource({ url: required('BENCH_DATABASE_URL'), poolSize: 4, applicationName: 'caselink-bench-retention' }).initialize();
  const producers = new JobProducers(redisConnection(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379'), 'caselink-bench-retention');
  const results: Array<Record<string, number>> = [];
  console.log(`\nRetention: one run purging ${ROWS.toLocaleString('en')} notifications of ${AGENCIES} agencies and ${FILES.toLocaleString('en')} evidence files of a closed case (${await machine(owner)})`);
  console.log('batch    run s   rows/s   files/s   audit rows');
  for (const batch of BATCHES) {
    await seed(owner, store, agencies);
    const config = loadWorkerConfig({
      DATABASE_URL: required('BENCH_DATABASE_URL'), LINKER_DATABASE_URL: required('BENCH_DATABASE_URL'), REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      EVIDENCE_DIR: dir, RETENTION_BATCH_SIZE: String(batch), RETENTION_EVERY_MS: '0',
    });
    // Not bootstrapped: the bench runs purges itself and sets no schedule.
    const processor = new RetentionProcessor(ds, config, producers);
    const job = { id: `bench-${randomUUID()}`, data: { trigger: 'SCHEDULE' }, updateProgress: async () => undefined } as unknown as Job<RetentionJob>;
    const t0 = process.hrtime.bigint();
    const outcome = await processor.process(job);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rows = outcome.purged['NOTIFICATIONS'] ?? 0;
    const files = outcome.purged['CLOSED_CASE_EVIDENCE'] ?? 0;
    if (rows !== ROWS || files !== FILES || outcome.filesRemoved !== FILES) throw new Error(`purged ${rows} rows and ${files} files (${outcome.filesRemoved} removed), expected ${ROWS} and ${FILES}`);
    const { rows: [audit] } = await owner.query<{ n: string }>("SELECT count(*) AS n FROM audit_events WHERE action = 'RETENTION_PURGED' AND entity_id = $1", [outcome.runId]);
    results.push({ batch, seconds, rowsPerSecond: (rows + files) / seconds, filesPerSecond: files / seconds, auditRows: Number(audit.n) });
    console.log(`${String(batch).padStart(5)} ${seconds.toFixed(2).padStart(8)} ${ms((rows + files) / seconds).padStart(8)} ${ms(files / seconds).padStart(9)} ${String(audit.n).padStart(12)}`);
  }
  writeResults('retention', { rows: ROWS, files: FILES, agencies: AGENCIES, results });
  await producers.close();
  await ds.destroy();
  await owner.end();
  rmSync(dir, { recursive: true, force: true });
});
