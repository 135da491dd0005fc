import {
  API_PORT, clearQueues, check, gql, login, machine, main, ms, ownerPool, percentiles, type Percentiles, SMOKE, startApi, stop, thousands, waitFor, writeResults,
} from './common';

/**
 * 6-hop fund traces through GraphQL `fundTrace(transferId, maxHops: 6)`, answered at once by the api under
 * the caller's row-level security. Starts: BENCH_TRACES (300) victim transfers into ring mule cards whose
 * money the banks reported moving on, sampled deterministically (md5 of the id); each traced by the
 * investigator of the agency owning the case. BENCH_WARMUP (20) traces first, then the sample one at a
 * time and again with BENCH_CONCURRENCY (4) in parallel. Goal: p95 < 200 ms one at a time. BENCH_SMOKE=1: 1 warm-up
 * and 5 traces, 2 in parallel, checked: every trace holds its starting transfer, some follow the money further, and
 * the parallel traces find what the sequential ones found.
 */
const TRACES = Number(process.env['BENCH_TRACES'] ?? (SMOKE ? 5 : 300));
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? (SMOKE ? 1 : 20));
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? (SMOKE ? 2 : 4));
const MAX_HOPS = 6;

const TRACE = `query($id: ID!, $hops: Int!) { fundTrace(transferId: $id, maxHops: $hops) {
  hops truncated
  nodes { id kind label bank depth amountIn amountHeld cycle atDepthLimit }
  edges { id source target amount traced occurredAt depth caseId cycle }
  lastSeen { id amountHeld } } }`;

interface Trace {
  hops: number;
  truncated: boolean;
  nodes: Array<{ depth: number; cycle: boolean; atDepthLimit: boolean }>;
  edges: Array<{ depth: number; caseId: string; cycle: boolean }>;
  lastSeen: unknown[];
}

interface Sample {
  ms: number;
  nodes: number;
  edges: number;
  depth: number;
  cases: number;
  truncated: boolean;
  cycles: number;
  lastSeen: number;
}

main(async () => {
  const owner = ownerPool();
  const described = await machine(owner);
  console.log(described);
  const starts = (await owner.query<{ id: string; agency_id: string }>(
    `SELECT t.id, c.agency_id FROM transfers t JOIN cases c ON c.id = t.case_id
     WHERE t.source = 'PAYMENT_TRAIL'
       AND EXISTS (SELECT 1 FROM transfers o WHERE o.from_canonical = t.to_canonical AND o.case_id = t.case_id AND o.source = 'BANK_RESPONSE')
     ORDER BY md5(t.id::text) LIMIT $1`,
    [TRACES + WARMUP],
  )).rows;
  if (starts.length < TRACES + WARMUP) throw new Error(`only ${starts.length} starting transfers: generate the data first`);
  const investigators = (await owner.query<{ agency_id: string; email: string }>(
    `SELECT agency_id, min(email) AS email FROM users WHERE 'INVESTIGATOR' = ANY (roles) AND email LIKE '%.demo' GROUP BY agency_id`,
  )).rows;
  const emailOf = new Map(investigators.map((r) => [r.agency_id, r.email]));

  const api = startApi();
  try {
    await waitFor(`http://127.0.0.1:${API_PORT}/health/live`);
    const tokens = new Map<string, string>();
    for (const agency of new Set(starts.map((s) => s.agency_id))) {
      const email = emailOf.get(agency);
      if (!email) throw new Error(`no demo investigator for agency ${agency}`);
      tokens.set(agency, await login(email));
    }
    const traceOne = async (s: { id: string; agency_id: string }): Promise<Sample> => {
      const t0 = performance.now();
      const { fundTrace: t } = await gql<{ fundTrace: Trace }>(TRACE, { id: s.id, hops: MAX_HOPS }, tokens.get(s.agency_id));
      const elapsed = performance.now() - t0;
      return {
        ms: elapsed, nodes: t.nodes.length, edges: t.edges.length, depth: Math.max(0, ...t.edges.map((e) => e.depth)),
        cases: new Set(t.edges.map((e) => e.caseId)).size, truncated: t.truncated, cycles: t.edges.filter((e) => e.cycle).length, lastSeen: t.lastSeen.length,
      };
    };

    for (const s of starts.slice(0, WARMUP)) await traceOne(s);
    const sample = starts.slice(WARMUP);
    const sequential: Sample[] = [];
    const began = performance.now();
    for (const s of sample) sequential.push(await traceOne(s));
    const sequentialSeconds = (performance.now() - began) / 1000;

    const parallel: Sample[] = [];
    let next = 0;
    const began2 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < sample.length) parallel.push(await traceOne(sample[next++]));
      }),
    );
    const parallelSeconds = (performance.now() - began2) / 1000;

    check(sequential.length === sample.length && parallel.length === sample.length, `every trace answered (${sequential.length} and ${parallel.length} of ${sample.length})`);
    check(sequential.every((s) => s.edges >= 1 && s.nodes >= 2), `every trace holds its starting transfer (edges: ${sequential.map((s) => s.edges).join(', ')})`);
    check(sequential.some((s) => s.edges >= 2), 'some trace follows the money past the mule card');
    const total = (xs: Sample[]) => xs.reduce((a, s) => a + s.edges * 1000 + s.nodes, 0);
    check(total(parallel) === total(sequential), 'the parallel traces find what the sequential ones found');
    const one = percentiles(sequential.map((s) => s.ms));
    const many = percentiles(parallel.map((s) => s.ms));
    const avg = (f: (s: Sample) => number) => sequential.reduce((a, s) => a + f(s), 0) / sequential.length;
    const depths = new Map<number, number>();
    for (const s of sequential) depths.set(s.depth, (depths.get(s.depth) ?? 0) + 1);
    const row = (label: string, p: Percentiles, seconds: number) =>
      `| ${label} | ${p.n} | ${(p.n / seconds).toFixed(1)} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${ms(p.max)} |`;
    const [{ transfers }] = (await owner.query<{ transfers: number }>('SELECT count(*)::int AS transfers FROM transfers')).rows;
    const report = [
      `fundTrace(maxHops: ${MAX_HOPS}) over ${thousands(transfers)} transactions; ${sample.length} starts (victim transfers into ring mule cards), ` +
        `${WARMUP} warm-up traces, each as the investigator of the owning agency`,
      '',
      '| run | traces | traces/s | p50 ms | p95 ms | p99 ms | max ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
      row('one at a time', one, sequentialSeconds),
      row(`${CONCURRENCY} in parallel`, many, parallelSeconds),
      '',
      `per trace (averages): ${avg((s) => s.nodes).toFixed(1)} nodes, ${avg((s) => s.edges).toFixed(1)} edges, ${avg((s) => s.cases).toFixed(1)} cases, ` +
        `${avg((s) => s.lastSeen).toFixed(1)} last-seen accounts, ${avg((s) => s.cycles).toFixed(2)} cycle edges; ` +
        `max ${Math.max(...sequential.map((s) => s.nodes))} nodes / ${Math.max(...sequential.map((s) => s.edges))} edges; ` +
        `${sequential.filter((s) => s.truncated).length} truncated`,
      `deepest hop reached: ${[...depths].sort((a, b) => a[0] - b[0]).map(([d, n]) => `${d}: ${n}`).join(', ')}`,
      `p95 ${ms(one.p95)} ms one at a time (goal < 200 ms)`,
    ].join('\n');
    console.log(report);
    writeResults('fund-trace', { machine: described, traces: sample.length, maxHops: MAX_HOPS, one, many, concurrency: CONCURRENCY, sequential, depths: Object.fromEntries(depths) });
  } finally {
    await stop(api);
    if (SMOKE) await clearQueues();
    await owner.end();
  }
});
