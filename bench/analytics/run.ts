import { Pool } from 'pg';
import { outcomeQuery } from '@caselink/db';
import { dimensionsFor } from '../../apps/api/src/analytics/outcomes.service';
import type { OutcomeFilter } from '../../apps/api/src/analytics/analytics.dto';
import {
  API_PORT, clearQueues, APP_URL, check, gql, login, machine, main, ms, ownerPool, percentiles, type Percentiles, SMOKE, startApi, stop, thousands, waitFor, writeResults,
} from '../linking/common';

/**
 * Outcome analytics as a dashboard asks for them (docs/benchmarks.md, "Outcomes analytics"): `outcomeAnalytics`
 * with the study's figures (total, age, education, employment, roles, probation, years) or with every figure (also
 * charges, penalties, median sentence, fines; the api computes only what is selected) through GraphQL, under the caller's row-level security, over the 26,121 judgments of
 * tools/judgments (owned by the six provincial demo agencies; all of them shared READ with the national centre, so
 * one viewer sees every judgment through shares) and whatever else the database holds (caselink_bench_linking: 100k
 * generated cases). Each scenario: BENCH_WARMUP (20) requests, then BENCH_RUNS (200) one at a time, then BENCH_RUNS
 * with BENCH_CONCURRENCY (4) in flight; and the same SQL straight at PostgreSQL as the app role (one transaction per
 * query, as the api runs it), to separate the database from the api. Also the CSV export of one table.
 * Goal: p95 < 100 ms one at a time. BENCH_SMOKE=1: 1 warm-up and 2 runs per scenario, 2 in flight, checked: every
 * answer counts judgments, every answer of a scenario the same count, the national centre seeing at least what
 * Guangdong sees, and the SQL alone (acting as the user, roles included) counting what the api counts.
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? (SMOKE ? 2 : 200));
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? (SMOKE ? 1 : 20));
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? (SMOKE ? 2 : 4));

const BUCKETS = 'known unknown buckets { key count share percent probation from to }';
/** The figures of the judgment study, as an analytics page charts them. */
const STUDY_FIELDS = `total age { ${BUCKETS} } education { ${BUCKETS} } employment { ${BUCKETS} } roles { ${BUCKETS} }
  probation { count of share percent } years { year count share percent probation probationPercent }`;
/** Everything: the study's figures plus charges, penalties, the median sentence and fines. */
const ALL_FIELDS = `${STUDY_FIELDS} charges { ${BUCKETS} } penalties { ${BUCKETS} } medianSentenceMonths fines { fined total }`;
const query = (fields: string) => `query($f: OutcomeFilter) { outcomeAnalytics(filter: $f) { ${fields} } }`;

interface Scenario {
  name: string;
  email: string;
  /** ALL_FIELDS unless given. */
  fields?: string;
  filter?: OutcomeFilter;
  /** A CSV export instead of the GraphQL query. */
  csv?: string;
}

const NATIONAL = 'supervisor@national.demo';
const GUANGDONG = 'investigator@gd.demo';
const SCENARIOS: Scenario[] = [
  { name: 'Guangdong (own judgments), the study\'s figures', email: GUANGDONG, fields: STUDY_FIELDS },
  { name: 'Guangdong, every figure', email: GUANGDONG },
  { name: 'Guangdong, 2021 only, every figure', email: GUANGDONG, filter: { yearFrom: 2021, yearTo: 2021 } },
  { name: 'national centre (all, through shares), the study\'s figures', email: NATIONAL, fields: STUDY_FIELDS },
  { name: 'national, every figure', email: NATIONAL },
  { name: 'national, card sellers 2020-2022, every figure', email: NATIONAL, filter: { roles: ['CARD_SELLER' as never], yearFrom: 2020, yearTo: 2022 } },
  { name: 'national, investment + romance involving Guangdong, every figure', email: NATIONAL, filter: { fraudTypes: ['INVESTMENT' as never, 'ROMANCE' as never], provinces: ['44'] } },
  { name: 'national, CSV export (table=years)', email: NATIONAL, csv: 'table=years' },
];

interface Result {
  scenario: string;
  judgments: number;
  sequential: Percentiles;
  concurrent: Percentiles & { perSecond: number };
  sql: Percentiles | null;
}

async function timed(n: number, parallel: number, once: () => Promise<unknown>): Promise<{ times: number[]; seconds: number }> {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < n) {
      next++;
      const s = performance.now();
      await once();
      times.push(performance.now() - s);
    }
  }));
  return { times, seconds: (performance.now() - t0) / 1000 };
}

main(async () => {
  const owner = ownerPool();
  const described = await machine(owner);
  console.log(described);
  const [national] = (await owner.query<{ id: string }>(`SELECT id FROM agencies WHERE coordinating AND kind = 'POLICE' ORDER BY created_at LIMIT 1`)).rows;
  if (!national) throw new Error('no national centre: run the demo seed');
  // Every judgment case shared READ with the national centre (idempotent; the shares go with the judgments on --truncate).
  const shared = await owner.query(
    `INSERT INTO case_shares (case_id, owner_agency_id, agency_id, access, may_pass_on, may_use_in_court, must_ask_before_acting, granted_by)
     SELECT c.id, c.agency_id, $1, 'READ', false, true, false, c.created_by FROM cases c
     WHERE c.description LIKE '[JUDG %' AND c.agency_id <> $1
       AND NOT EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = c.id AND s.agency_id = $1 AND s.revoked_at IS NULL)`,
    [national.id],
  );
  if (shared.rowCount) await owner.query('ANALYZE case_shares');
  const sizes = (await owner.query<{ cases: string; suspects: string; judgments: string; shares: string }>(
    `SELECT (SELECT count(*) FROM cases)::text AS cases, (SELECT count(*) FROM suspects)::text AS suspects,
            (SELECT count(*) FROM suspects WHERE verdict_date IS NOT NULL)::text AS judgments, (SELECT count(*) FROM case_shares WHERE revoked_at IS NULL)::text AS shares`,
  )).rows[0];
  console.log(`Database ${process.env['BENCH_DB'] ?? ''}: ${thousands(Number(sizes.cases))} cases, ${thousands(Number(sizes.suspects))} suspects ` +
    `(${thousands(Number(sizes.judgments))} judged), ${thousands(Number(sizes.shares))} live shares (${shared.rowCount ?? 0} added now)`);
  // The SQL alone acts as the api does for the user: agency, user and roles (need-to-know by role reads app.roles).
  const people = new Map((await owner.query<{ email: string; agency_id: string; id: string; roles: string }>(
    "SELECT email, agency_id, id, array_to_string(roles, ',') AS roles FROM users WHERE email = ANY($1)", [[NATIONAL, GUANGDONG]])).rows
    .map((r) => [r.email, r]));

  const app = new Pool({ connectionString: APP_URL(), max: CONCURRENCY, application_name: 'caselink-bench-analytics' });
  const api = startApi();
  const results: Result[] = [];
  try {
    await waitFor(`http://127.0.0.1:${API_PORT}/health/live`);
    const tokens = new Map<string, string>();
    for (const email of [GUANGDONG, NATIONAL]) tokens.set(email, await login(email));
    for (const s of SCENARIOS) {
      const token = tokens.get(s.email) as string;
      let judgments = 0;
      // Every answer's count; a scenario's answers must all agree.
      const counted = new Set<number>();
      const once = s.csv
        ? async () => {
          const r = await fetch(`http://127.0.0.1:${API_PORT}/analytics/outcomes.csv?${s.csv}`, { headers: { authorization: `Bearer ${token}` } });
          if (!r.ok) throw new Error(`CSV: ${r.status} ${await r.text()}`);
          const body = await r.text();
          judgments = Number(/\r\n(?:total|合计),(\d+),/.exec(body)?.[1] ?? 0);
          counted.add(judgments);
        }
        : async () => {
          const d = await gql<{ outcomeAnalytics: { total: number } }>(query(s.fields ?? ALL_FIELDS), { f: s.filter ?? null }, token);
          judgments = d.outcomeAnalytics.total;
          counted.add(judgments);
        };
      for (let i = 0; i < WARMUP; i++) await once();
      const seq = await timed(RUNS, 1, once);
      const par = await timed(RUNS, CONCURRENCY, once);
      let sql: Percentiles | null = null;
      if (!s.csv) {
        let top = s.fields ?? ALL_FIELDS;
        while (/\{[^{}]*\}/.test(top)) top = top.replace(/\{[^{}]*\}/g, ' ');
        const fieldNames = top.split(/\s+/).filter(Boolean);
        const dims = dimensionsFor(fieldNames);
        const { sql: text, params } = outcomeQuery(s.filter ?? {}, dims);
        // The grand total is the row of the empty grouping set: GROUPING(...) with every bit set.
        const grandTotal = dims.length ? (1 << dims.length) - 1 : 0;
        const who = people.get(s.email) as { agency_id: string; id: string; roles: string };
        let sqlTotal = -1;
        const direct = async () => {
          const c = await app.connect();
          try {
            await c.query('BEGIN');
            await c.query("SELECT set_config('jit', 'off', true), set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)",
              [who.agency_id, who.id, who.roles]);
            const { rows } = await c.query<{ g: number; n: number }>(text, params);
            sqlTotal = Number(rows.find((r) => Number(r.g) === grandTotal)?.n ?? -1);
            await c.query('COMMIT');
          } finally {
            c.release();
          }
        };
        for (let i = 0; i < WARMUP; i++) await direct();
        sql = percentiles((await timed(RUNS, 1, direct)).times);
        check(sqlTotal === judgments, `${s.name}: the SQL alone counts ${sqlTotal} judgments, the api ${judgments}`);
      }
      check(judgments > 0 && counted.size === 1, `${s.name}: every answer counts the same judgments, some (${[...counted].join(', ')})`);
      const r: Result = {
        scenario: s.name, judgments, sequential: percentiles(seq.times), concurrent: { ...percentiles(par.times), perSecond: RUNS / par.seconds }, sql,
      };
      results.push(r);
      console.log(`${s.name}: ${thousands(judgments)} judgments; one at a time p50 ${ms(r.sequential.p50)} p95 ${ms(r.sequential.p95)} p99 ${ms(r.sequential.p99)} ms; ` +
        `${CONCURRENCY} in flight p50 ${ms(r.concurrent.p50)} p95 ${ms(r.concurrent.p95)} p99 ${ms(r.concurrent.p99)} ms (${r.concurrent.perSecond.toFixed(0)}/s)` +
        (sql ? `; SQL alone p50 ${ms(sql.p50)} p95 ${ms(sql.p95)} ms` : ''));
    }
  } finally {
    await stop(api);
    if (SMOKE) await clearQueues();
    await app.end();
    await owner.end();
  }
  const total = (name: string) => results.find((r) => r.scenario === name)?.judgments ?? 0;
  check(total("national, every figure") >= total("Guangdong, every figure"), 'the national centre sees at least what Guangdong sees');
  console.log(`\n| scenario | judgments | one at a time p50 / p95 / p99 ms | ${CONCURRENCY} in flight p50 / p95 / p99 ms, req/s | SQL alone p50 / p95 ms |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.scenario} | ${thousands(r.judgments)} | ${ms(r.sequential.p50)} / **${ms(r.sequential.p95)}** / ${ms(r.sequential.p99)} | ` +
      `${ms(r.concurrent.p50)} / ${ms(r.concurrent.p95)} / ${ms(r.concurrent.p99)}, ${r.concurrent.perSecond.toFixed(0)} | ${r.sql ? `${ms(r.sql.p50)} / ${ms(r.sql.p95)}` : '-'} |`);
  }
  writeResults('analytics', { machine: described, database: process.env['BENCH_DB'] ?? null, sizes, runs: RUNS, concurrency: CONCURRENCY, results });
});
