import 'reflect-metadata';
import { createReadStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource, createSignalUpload, inAgencyTransaction, RiskNotificationRow, unevaluatedBatches } from '@caselink/db';
import { LocalDiskStore } from '@caselink/storage';
import { EvaluationOutcome, RiskEngine } from '../../apps/worker/src/risk/risk-engine';
import { SignalUploadRunner } from '../../apps/worker/src/risk/signal-upload';
import { generate } from './generate';

/**
 * Risk rules on a deterministic file of BENCH_EVENTS events (1,000,000: 90 % one bank's withdrawals, transfers
 * and account openings, 10 % one telecom's SIM registrations), on caselink_bench_risk:
 *  1. ingest: the upload runner in-process (CSV parse, checks, ID hashing, batched inserts with progress), with
 *     evaluation switched off, in signals/s;
 *  2. evaluation: the rules engine as the linking role over every stored batch (BENCH_BATCH rows each), in
 *     signals/s, with the alerts and leads it raised;
 *  3. re-evaluation of the same batches marked unevaluated again (the idempotent path: same alerts, nothing new).
 * Prints the figures; writes dist/bench/risk-results.json. BENCH_SMOKE=1: 3,000 events in batches of 500, checked:
 * every event stored and evaluated, alerts raised, and the re-evaluation changing nothing.
 */
const ROOT = join(__dirname, '../../..');
const SMOKE = process.env['BENCH_SMOKE'] === '1';
const DB = required('BENCH_DATABASE_URL');
const OWNER = required('BENCH_OWNER_URL');
const LINKER = required('BENCH_LINKER_URL');
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? (SMOKE ? 3000 : 1_000_000));
const BATCH = Number(process.env['BENCH_BATCH'] ?? (SMOKE ? 500 : 2000));

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run bench/risk/run.sh)`);
  return v;
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
const thousands = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const dir = join(ROOT, SMOKE ? 'var/bench-risk-smoke' : 'var/bench-risk');
  mkdirSync(dir, { recursive: true });
  const bankFile = join(dir, `bank-${EVENTS}.csv`);
  const telecomFile = join(dir, `telecom-${EVENTS}.csv`);
  const simRows = Math.floor(EVENTS / 10);
  let t0 = Date.now();
  await generate(bankFile, telecomFile, EVENTS - simRows, simRows);
  const generated = Date.now() - t0;
  const bytes = statSync(bankFile).size + statSync(telecomFile).size;
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${thousands(EVENTS)} events, ${Math.round(bytes / 2 ** 20)} MiB of CSV generated in ${(generated / 1000).toFixed(1)} s`);

  const owner = new Client({ connectionString: OWNER });
  await owner.connect();
  // A fresh start: the bench database holds nothing else of risk.
  await owner.query(`TRUNCATE alert_leads, alert_identifiers, alerts, risk_signals, risk_signal_uploads`);
  const riskNotifications: Array<RiskNotificationRow['kind']> = ['ALERT_RAISED', 'ALERT_LEAD'];
  await owner.query('DELETE FROM notifications WHERE kind = ANY ($1::text[])', [riskNotifications]);
  const reporter = async (email: string) => (await owner.query<{ id: string; agency_id: string }>('SELECT id, agency_id FROM users WHERE email = $1', [email])).rows[0];
  const bank = await reporter('liaison@icbc.demo');
  const telecom = await reporter('liaison@cmcc.demo');

  const app = await createDataSource({ url: DB, poolSize: 2, applicationName: 'caselink-bench-risk' }).initialize();
  const linker = await createDataSource({ url: LINKER, poolSize: 2, applicationName: 'caselink-bench-risk-linker' }).initialize();
  const store = new LocalDiskStore(join(dir, 'store'));
  const engine = new RiskEngine(linker);
  const off = { evaluate: async (): Promise<EvaluationOutcome> => ({ signals: 0, raised: 0, updated: 0, leads: 0 }) } as unknown as RiskEngine;
  const runner = new SignalUploadRunner(app, off, store, { batchSize: BATCH });

  // 1. Ingest.
  t0 = Date.now();
  let stored = 0;
  for (const [who, file] of [[bank, bankFile], [telecom, telecomFile]] as const) {
    const saved = await store.put(createReadStream(file), 2 ** 40);
    // Uploaded as the api takes it: by the reporter's user, under row-level security.
    const uploadId = await inAgencyTransaction(app, { agencyId: who.agency_id, userId: who.id }, (m) => createSignalUpload(m, {
      agencyId: who.agency_id, createdBy: who.id, fileName: file, storageKey: saved.key,
    }));
    const out = await runner.run(uploadId, who.agency_id);
    if (out.status !== 'DONE' || out.errorRows > 0) throw new Error(`upload ended ${out.status} with ${out.errorRows} bad rows`);
    stored += out.accepted;
  }
  const ingestMs = Date.now() - t0;
  console.log(`ingest (parse, check, hash, insert; batches of ${thousands(BATCH)}): ${thousands(stored)} signals in ${(ingestMs / 1000).toFixed(1)} s = ${thousands(rate(stored, ingestMs))} signals/s`);
  await owner.query('ANALYZE risk_signals');

  // 2. Evaluation, batch by batch in the order they were stored, as the worker does it.
  const evaluateAll = async () => {
    // Every batch not yet evaluated, oldest first: what the worker's sweep finds (a batch holds at least one event).
    const batches = await unevaluatedBatches(linker.manager, 0, EVENTS);
    const total = { signals: 0, raised: 0, updated: 0, leads: 0 };
    const started = Date.now();
    const slowest = { ms: 0 };
    for (const batchId of batches) {
      const b0 = Date.now();
      const o = await engine.evaluate(batchId);
      slowest.ms = Math.max(slowest.ms, Date.now() - b0);
      for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += o[k];
    }
    return { ...total, batches: batches.length, ms: Date.now() - started, slowestBatchMs: slowest.ms };
  };
  const first = await evaluateAll();
  console.log(`rule evaluation (5 rules, set-based SQL per batch): ${thousands(first.signals)} signals in ${(first.ms / 1000).toFixed(1)} s = ${thousands(rate(first.signals, first.ms))} signals/s ` +
    `(${first.batches} batches, slowest ${first.slowestBatchMs} ms); ${thousands(first.raised)} alerts raised, ${thousands(first.updated)} updates, ${first.leads} leads`);
  if (stored !== EVENTS || first.signals !== EVENTS) throw new Error(`${stored} signals stored and ${first.signals} evaluated of ${EVENTS} events`);
  if (first.raised === 0) throw new Error('no alert raised: the generated mules and hoarders should raise some');
  const byRule = (await owner.query<{ rule: string; n: number }>('SELECT rule, count(*)::int AS n FROM alerts GROUP BY rule ORDER BY rule')).rows;
  console.log(`alerts by rule: ${byRule.map((r) => `${r.rule} ${thousands(r.n)}`).join(', ')}`);

  // 3. Everything again: the idempotent path a redelivered job takes.
  await owner.query('UPDATE risk_signals SET evaluated_at = NULL');
  const before = (await owner.query<{ n: number; sum: string }>('SELECT count(*)::int AS n, sum(observed)::text AS sum FROM alerts')).rows[0];
  const again = await evaluateAll();
  const after = (await owner.query<{ n: number; sum: string }>('SELECT count(*)::int AS n, sum(observed)::text AS sum FROM alerts')).rows[0];
  console.log(`re-evaluation of every batch: ${thousands(rate(again.signals, again.ms))} signals/s; alerts ${before.n} -> ${after.n}, observed sum ${before.sum} -> ${after.sum}, ${again.raised} raised`);
  if (after.n !== before.n || after.sum !== before.sum || again.raised !== 0) throw new Error('re-evaluation changed the alerts');

  const results = {
    events: EVENTS, batch: BATCH, csvMiB: Math.round(bytes / 2 ** 20), ingest: { signals: stored, seconds: ingestMs / 1000, perSecond: rate(stored, ingestMs) },
    evaluation: { ...first, seconds: first.ms / 1000, perSecond: rate(first.signals, first.ms) }, reevaluation: { perSecond: rate(again.signals, again.ms) },
    alertsByRule: byRule, cpus: os.cpus().length,
  };
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
  writeFileSync(join(ROOT, `dist/bench/risk${SMOKE ? '-smoke' : ''}-results.json`), JSON.stringify(results, null, 2));
  await app.destroy();
  await linker.destroy();
  await owner.end();
  // The smoke's files and stored uploads go with it.
  if (SMOKE) rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
