import 'reflect-metadata';
import { Queue } from 'bullmq';
import { createDataSource } from '@caselink/db';
import { QUEUES, redisConnection } from '@caselink/jobs';
import { Linker } from '../../apps/worker/src/linking/linker';
import {
  API_PORT, check, clearQueues, gql, LINKER_URL, login, machine, main, ms, ownerPool, percentiles, QUEUE_PREFIX, REDIS_URL, sleep, SMOKE, startApi, startWorker,
  stop, thousands, waitFor, WORKER_HEALTH_PORT, writeResults,
} from './common';

/**
 * Link latency: from a saved statement to its link being visible. The Guangdong demo investigator records
 * BENCH_STATEMENTS (200) statements through GraphQL addStatement at BENCH_RATE (4) per second, each in a
 * new case of its own, each with one payment to a mule card that other cases (any agency) already hold.
 * A statement is linked once its case sits in the series of a case holding that card (polled every 5 ms
 * in series_members, which is what caseLinks reads); latency runs from sending addStatement to that
 * moment, with the api and worker running as built. A sample is checked through caseLinks. The bench cases
 * are removed afterwards (identifiers first, so the worker unlinks them). Goal: p95 < 500 ms. BENCH_SMOKE=1: 5 statements
 * at 5/s, checked: every one linked within the timeout, by the worker's queue jobs, caseLinks showing every link, and
 * the clean-up leaving no bench case behind.
 */
const STATEMENTS = Number(process.env['BENCH_STATEMENTS'] ?? (SMOKE ? 5 : 200));
const RATE = Number(process.env['BENCH_RATE'] ?? (SMOKE ? 5 : 4));
const TIMEOUT_MS = 30_000;
const MARKER = '[BENCH link-latency]';
const EMAIL = 'investigator@gd.demo';

function luhnCard(next: () => number): string {
  let payload = '622848';
  while (payload.length < 18) payload += String(Math.floor(next() * 10));
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let v = Number(payload[i]) * (double ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return payload + String((10 - (sum % 10)) % 10);
}

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

main(async () => {
  const owner = ownerPool(6);
  const described = await machine(owner);
  console.log(described);
  const leftovers = await cleanUp(owner, null);

  // The generator leaves every loaded case in the outbox; link them all first, or the worker would spend the
  // run catching up. (Also when nothing was linked yet.)
  const [{ outbox, postings }] = (await owner.query<{ outbox: number; postings: number }>(
    'SELECT (SELECT count(*) FROM evidence_changes)::int AS outbox, (SELECT count(*) FROM (SELECT 1 FROM evidence_postings LIMIT 1) p)::int AS postings',
  )).rows;
  if (outbox > 0 || postings === 0 || leftovers > 0) {
    console.log(`Relinking first (${thousands(outbox)} outbox rows, postings ${postings ? 'present' : 'empty'}, ${leftovers} identifiers of an earlier run removed)`);
    const ds = await createDataSource({ url: LINKER_URL(), poolSize: 2, applicationName: 'caselink-bench-latency' }).initialize();
    const stats = await new Linker(ds).relink();
    await ds.destroy();
    console.log(`  relinked in ${stats.seconds.toFixed(1)} s`);
  }

  // Mule cards: linkable card values held by two or more cases (victims' own cards are unique).
  const targets = (await owner.query<{ canonical: string; case_id: string; agency_id: string }>(
    `SELECT p.canonical, min(p.case_id::text) AS case_id, (array_agg(p.agency_id::text ORDER BY p.case_id))[1] AS agency_id
     FROM evidence_postings p
     WHERE p.kind = 'BANK_CARD' AND evidence_linkable(p.kind, p.canonical)
     GROUP BY p.canonical HAVING count(*) >= 2
     ORDER BY md5(p.canonical) LIMIT $1`,
    [STATEMENTS],
  )).rows;
  if (targets.length < STATEMENTS) throw new Error(`only ${targets.length} linkable mule cards: generate the data first`);

  await clearQueues();
  const worker = startWorker();
  const api = startApi();
  try {
    await waitFor(`http://127.0.0.1:${WORKER_HEALTH_PORT}/health/ready`);
    await waitFor(`http://127.0.0.1:${API_PORT}/health/live`);
    const token = await login(EMAIL);
    const [{ id: gdAgency }] = (await owner.query<{ id: string }>('SELECT agency_id AS id FROM users WHERE email = $1', [EMAIL])).rows;

    // One new case per statement (created before the clock starts), so each statement makes one new link.
    const today = new Date().toISOString().slice(0, 10);
    const caseIds: string[] = [];
    for (let i = 0; i < STATEMENTS; i++) {
      const data = await gql<{ createCase: { id: string } }>(
        'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
        { input: { title: `链接时延测试 ${i + 1}`, description: `${MARKER} statement ${i + 1}`, fraudType: 'INVESTMENT', reportedOn: today, sensitivity: 'NORMAL' } },
        token,
      );
      caseIds.push(data.createCase.id);
    }
    await sleep(1000);

    const rnd = prng(20261122);
    const linkedMs: number[] = [];
    const savedMs: number[] = [];
    let timeouts = 0;
    // One poller for every statement in flight (one query per 5 ms whatever the rate, so polling does not load
    // the database it measures): each resolves with the latency, or null after TIMEOUT_MS.
    const pending = new Map<string, { other: string; t0: number; done: (ms: number | null) => void }>();
    const linkedAt = (caseId: string, other: string, t0: number) => new Promise<number | null>((done) => pending.set(caseId, { other, t0, done }));
    let polling = true;
    const poller = (async () => {
      while (polling) {
        if (pending.size > 0) {
          const ids = [...pending.keys()];
          const { rows } = await owner.query<{ case_id: string }>(
            `SELECT p.c AS case_id FROM unnest($1::uuid[], $2::uuid[]) AS p(c, o)
             JOIN series_members a ON a.case_id = p.c JOIN series_members b ON b.case_id = p.o AND b.series_id = a.series_id`,
            [ids, ids.map((id) => (pending.get(id) as { other: string }).other)],
          );
          const now = performance.now();
          for (const { case_id } of rows) {
            const p = pending.get(case_id);
            if (!p) continue;
            pending.delete(case_id);
            p.done(now - p.t0);
          }
          for (const [id, p] of pending) {
            if (now - p.t0 > TIMEOUT_MS) {
              pending.delete(id);
              p.done(null);
            }
          }
        }
        await sleep(5);
      }
    })();
    const queue = new Queue(QUEUES.evidenceLink, { connection: redisConnection(REDIS_URL), prefix: QUEUE_PREFIX });
    const startedAt = Date.now();
    const begin = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < STATEMENTS; i++) {
      const due = begin + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const target = targets[i];
      const cents = 100_000 + Math.floor(rnd() * 5_000_000);
      const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const input = {
        caseId: caseIds[i],
        victim: { name: `测试受害人${i + 1}` },
        takenAt: new Date().toISOString(),
        place: '广州市公安局天河区分局石牌派出所',
        narrative: `${MARKER} 受害人被诱导向对方提供的银行卡转账。`,
        reportedLoss: amount,
        transfers: [{ fromAccount: luhnCard(rnd), toAccount: target.canonical, bank: '中国农业银行', amount, occurredAt: new Date(Date.now() - 3_600_000).toISOString(), channel: 'BANK_TRANSFER' }],
      };
      inFlight.push(
        (async () => {
          const t0 = performance.now();
          await gql('mutation($input: AddStatementInput!) { addStatement(input: $input) { id } }', { input }, token);
          savedMs.push(performance.now() - t0);
          const latency = await linkedAt(caseIds[i], target.case_id, t0);
          if (latency === null) timeouts++;
          else linkedMs.push(latency);
        })(),
      );
    }
    await Promise.all(inFlight);
    polling = false;
    await poller;
    const seconds = (performance.now() - begin) / 1000;

    // Where the time goes, from the worker's jobs: waiting in the queue and linking.
    const jobs = (await queue.getJobs(['completed'], 0, 10_000)).filter((j) => (j.timestamp ?? 0) >= startedAt);
    const waited = percentiles(jobs.map((j) => (j.processedOn ?? 0) - j.timestamp));
    const linking = percentiles(jobs.map((j) => (j.finishedOn ?? 0) - (j.processedOn ?? 0)));
    await queue.close();

    // What an investigator sees: caseLinks of a few of the new cases names the other case, or its agency as a blind hit.
    let shown = 0;
    const checked = Math.min(10, STATEMENTS);
    for (let i = 0; i < checked; i++) {
      const data = await gql<{ caseLinks: { series: { id: string } | null; linkedCases: Array<{ case: { id: string } }>; blindHits: Array<{ agency: { id: string } }> } }>(
        'query($id: ID!) { caseLinks(caseId: $id) { series { id } linkedCases { case { id } } blindHits { agency { id } } } }',
        { id: caseIds[i] },
        token,
      );
      const l = data.caseLinks;
      const other = targets[i];
      if (l.series && (l.linkedCases.some((c) => c.case.id === other.case_id) || (other.agency_id !== gdAgency && l.blindHits.some((h) => h.agency.id === other.agency_id)))) shown++;
    }

    const linked = percentiles(linkedMs);
    const saved = percentiles(savedMs);
    const report = [
      `${STATEMENTS} statements at ${RATE}/s over ${seconds.toFixed(1)} s (each a new case, one payment to a mule card held by other cases)`,
      '',
      '| from sending addStatement to | n | p50 ms | p95 ms | p99 ms | max ms |',
      '|---|---:|---:|---:|---:|---:|',
      `| the api's answer (statement saved) | ${saved.n} | ${ms(saved.p50)} | ${ms(saved.p95)} | ${ms(saved.p99)} | ${ms(saved.max)} |`,
      `| **link visible (case in the card's series)** | ${linked.n} | ${ms(linked.p50)} | ${ms(linked.p95)} | ${ms(linked.p99)} | ${ms(linked.max)} |`,
      '',
      `worker jobs in the window: ${jobs.length}; waiting in the queue p50 ${ms(waited.p50)} / p95 ${ms(waited.p95)} ms, ` +
        `linking p50 ${ms(linking.p50)} / p95 ${ms(linking.p95)} / max ${ms(linking.max)} ms`,
      `not linked within ${TIMEOUT_MS / 1000} s: ${timeouts}; caseLinks shows the link for ${shown} of ${checked} checked`,
      `p95 ${ms(linked.p95)} ms (goal < 500 ms)`,
    ].join('\n');
    console.log(report);
    writeResults('link-latency', { machine: described, statements: STATEMENTS, rate: RATE, seconds, saved, linked, timeouts, shown, checked, jobs: jobs.length, waited, linking });

    check(timeouts === 0 && linked.n === STATEMENTS, `every statement linked within ${TIMEOUT_MS / 1000} s (${linked.n} of ${STATEMENTS}, ${timeouts} not)`);
    check(jobs.length > 0, 'the worker linked through its queue');
    check(shown === checked, `caseLinks shows the link (${shown} of ${checked})`);

    await cleanUp(owner, worker);
    const [{ left }] = (await owner.query<{ left: number }>(`SELECT count(*)::int AS left FROM cases WHERE description LIKE '${MARKER}%'`)).rows;
    check(left === 0, `the bench's cases removed (${left} left)`);
  } finally {
    await stop(api);
    await stop(worker);
    if (SMOKE) await clearQueues();
    await owner.end();
  }
});

/**
 * Removes the bench's cases: their identifiers first (the outbox trigger hands them to the worker, which
 * unlinks them; waited for when it runs), then the cases with everything attached. Returns the number of
 * identifiers removed.
 */
async function cleanUp(owner: ReturnType<typeof ownerPool>, worker: unknown): Promise<number> {
  const bench = `SELECT id FROM cases WHERE description LIKE '${MARKER}%'`;
  const { rowCount } = await owner.query(`DELETE FROM identifiers WHERE case_id IN (${bench})`);
  if (worker && rowCount) {
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      const [{ n }] = (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM evidence_changes WHERE case_id IN (${bench})`)).rows;
      if (n === 0) break;
      await sleep(200);
    }
  }
  await owner.query(`DELETE FROM cases WHERE id IN (${bench})`);
  // Without a worker the outbox rows of deleted cases would wait for one; they carry nothing any more.
  if (!worker) await owner.query('DELETE FROM evidence_changes e WHERE e.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)');
  return rowCount ?? 0;
}
