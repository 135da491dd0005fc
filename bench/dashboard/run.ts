import 'reflect-metadata';
import { Pool } from 'pg';
import { createDataSource } from '@caselink/db';
import { Linker } from '../../apps/worker/src/linking/linker';
import {
  API_PORT, clearQueues, APP_URL, check, gql, LINKER_URL, login, machine, main, ms, ownerPool, percentiles, type Percentiles, SMOKE, startApi, stop, thousands, waitFor, writeResults,
} from '../linking/common';

/**
 * The supervisor dashboard over 100k generated cases (docs/benchmarks.md, "Supervisor dashboard"): `supervisorDashboard`
 * with every figure, through GraphQL, as the national supervisor (REGION: all of China) and the Guangdong supervisor
 * (REGION: Guangdong's cases plus those shared with it; and READABLE), for the default 90 days, a year and ten years
 * (every generated case: the generator's report dates run 2019-2026). Each scenario: BENCH_WARMUP (20) requests, then
 * BENCH_RUNS (200) one at a time, then BENCH_RUNS with BENCH_CONCURRENCY (4) in flight; and the figures' SQL straight
 * at PostgreSQL as the app role (one transaction per query, as the api runs it). Goal: p95 < 100 ms one at a time.
 *
 * What the generator does not make is added once and marked: series (a relink, then each member's joined_at moved to
 * its case's report date plus a day, and each series' created_at to its first member's), 20,000 freezes (every fifth
 * generated case, from its owner to ICBC or CMB, answered in 0-10 hours in a fixed mix of outcomes; reference
 * DASHBENCH-n) and a Guangdong task force "DASHBENCH" with 300 tasks, a third of them overdue.
 *
 * BENCH_SMOKE=1: 1 warm-up and 2 runs per scenario, 2 in flight, on the smoke's few hundred cases, checked: every answer
 * of a scenario the same count, longer periods holding at least the shorter ones' cases, the ten years holding cases,
 * answered freezes and open tasks, and the SQL alone (acting as the user, roles included) counting the api's cases.
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? (SMOKE ? 2 : 200));
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? (SMOKE ? 1 : 20));
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? (SMOKE ? 2 : 4));

const GROUP = 'key cases openCases totalLoss';
const QUERY = `query($f: DashboardFilter) { supervisorDashboard(filter: $f) {
  scope region periodDays since fraudType cases { cases openCases totalLoss } byProvince { ${GROUP} } byFraudType { ${GROUP} }
  seriesBucket seriesGrowth { start newSeries joinedCases series linkedCases } requestsByState { type state count }
  freezes { answered held successRate amountHeld medianAnswerSeconds }
  overdueRequests { count items { id reference type state caseNumber toAgency { id name } deadlineAt } }
  tasks { open overdue items { id taskForceId taskForceName title status province assigneeAgency { id name } dueAt } } } }`;

const NATIONAL = 'supervisor@national.demo';
const GUANGDONG = 'supervisor@gd.demo';
interface Scenario {
  name: string;
  email: string;
  filter: { periodDays: number; fraudType?: string; scope?: 'READABLE' | 'REGION' };
}
const SCENARIOS: Scenario[] = [
  { name: 'national supervisor, region (all of China), 90 days', email: NATIONAL, filter: { periodDays: 90 } },
  { name: 'national, region, 365 days', email: NATIONAL, filter: { periodDays: 365 } },
  { name: 'national, region, 3650 days (every case)', email: NATIONAL, filter: { periodDays: 3650 } },
  { name: 'national, region, 3650 days, investment only', email: NATIONAL, filter: { periodDays: 3650, fraudType: 'INVESTMENT' } },
  { name: 'Guangdong supervisor, region (province), 90 days', email: GUANGDONG, filter: { periodDays: 90 } },
  { name: 'Guangdong, region, 3650 days', email: GUANGDONG, filter: { periodDays: 3650 } },
  { name: 'Guangdong, readable (own, shared, task forces), 3650 days', email: GUANGDONG, filter: { periodDays: 3650, scope: 'READABLE' } },
];

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

/** Series, freezes and tasks the generator does not make (once; idempotent). */
async function prepare(owner: Pool): Promise<void> {
  const [{ n: members }] = (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM series_members')).rows;
  if (members === 0) {
    console.log('No series yet: a full relink as the linker role (once, about half a minute)');
    const ds = await createDataSource({ url: LINKER_URL(), poolSize: 2, applicationName: 'caselink-bench-dashboard' }).initialize();
    try {
      await new Linker(ds, {}).relink(() => undefined);
    } finally {
      await ds.destroy();
    }
    // A relink makes every membership "now": spread them over the cases' report dates, as live linking would have.
    await owner.query(`UPDATE series_members m SET joined_at = (c.reported_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' FROM cases c WHERE c.id = m.case_id`);
    await owner.query('UPDATE evidence_series e SET created_at = f.first FROM (SELECT series_id, min(joined_at) AS first FROM series_members GROUP BY series_id) f WHERE f.series_id = e.id');
    await owner.query('VACUUM (ANALYZE) series_members, evidence_series');
  }
  const [{ n: freezes }] = (await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM agency_requests WHERE reference LIKE 'DASHBENCH-%'")).rows;
  if (freezes === 0) {
    console.log('Adding 20,000 freezes (once)');
    await owner.query(`
      WITH banks AS (SELECT array_agg(id ORDER BY name_en) AS ids FROM agencies WHERE kind = 'BANK'),
      src AS (SELECT c.*, row_number() OVER (ORDER BY c.case_number, c.id) AS i FROM cases c WHERE c.description LIKE '[SYN %' AND c.created_by IS NOT NULL),
      pick AS (
        SELECT s.*, (s.reported_on::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '9 hours' + (s.i % 480) * interval '1 minute' AS sent,
               (ARRAY['FROZEN','FROZEN','FROZEN','FROZEN','FROZEN','FROZEN','FROZEN','FROZEN','FROZEN','FROZEN','PARTIALLY_FROZEN','PARTIALLY_FROZEN',
                      'NO_FUNDS','NO_FUNDS','NO_FUNDS','ACCOUNT_NOT_FOUND','REJECTED','SENT','SENT','ACKNOWLEDGED'])[1 + (s.i / 5) % 20] AS st
        FROM src s WHERE s.i % 5 = 0 LIMIT 20000)
      INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, state, urgency,
        legal_basis_doc, account, account_kind, account_canonical, amount, amount_held, held_at, sent_at, acknowledged_at, answered_at, deadline_at, overdue_at, created_at, updated_at)
      SELECT 'FREEZE', CASE WHEN p.i % 3 = 0 THEN 'FREEZE' ELSE 'EMERGENCY_STOP' END, 'DASHBENCH-' || p.i, p.id, p.case_number, p.fraud_type, p.agency_id,
             (SELECT ids[1 + p.i % 2] FROM banks), p.created_by, p.st, 'URGENT', 'bench', '62' || lpad(p.i::text, 17, '0'), 'BANK_CARD', '62' || lpad(p.i::text, 17, '0'),
             5000, CASE WHEN p.st = 'FROZEN' THEN 5000 WHEN p.st = 'PARTIALLY_FROZEN' THEN 1234.56 END,
             CASE WHEN p.st IN ('FROZEN','PARTIALLY_FROZEN') THEN p.sent + (p.i * 37 % 600) * interval '1 minute' END,
             p.sent, CASE WHEN p.st = 'ACKNOWLEDGED' THEN p.sent + interval '5 minutes' END,
             CASE WHEN p.st NOT IN ('SENT','ACKNOWLEDGED') THEN p.sent + (p.i * 37 % 600) * interval '1 minute' END,
             p.sent + interval '30 minutes', CASE WHEN p.st IN ('SENT','ACKNOWLEDGED') THEN p.sent + interval '30 minutes' END, p.sent, p.sent
      FROM pick p`);
    await owner.query('VACUUM (ANALYZE) agency_requests');
  }
  const [{ n: forces }] = (await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM task_forces WHERE name = 'DASHBENCH'")).rows;
  if (forces === 0) {
    console.log('Adding a task force with 300 tasks (once)');
    await owner.query(`
      WITH sup AS (SELECT u.id, u.agency_id FROM users u WHERE u.email = $1),
      f AS (INSERT INTO task_forces (name, lead_agency_id, created_by) SELECT 'DASHBENCH', agency_id, id FROM sup RETURNING id, lead_agency_id, created_by)
      INSERT INTO task_force_tasks (task_force_id, kind, title, province, assignee_agency_id, due_at, status, created_by)
      SELECT f.id, 'ARREST', 'DASHBENCH task ' || g, '44', f.lead_agency_id, now() + (g % 3 - 1) * interval '2 days',
             (ARRAY['OPEN','IN_PROGRESS','DONE'])[1 + (g / 3) % 3], f.created_by
      FROM f, generate_series(1, 300) g`, [GUANGDONG]);
  }
  // What autovacuum does on a live system after such writes: the rollups' statistics and visibility (without them the
  // planner misjudges the rollups the set-up just filled).
  await owner.query(`VACUUM (ANALYZE) dashboard_case_rollup, dashboard_province_rollup, dashboard_member_rollup, dashboard_series_scope,
    dashboard_series_reach, dashboard_case_stops, series_members, evidence_series`);
}

main(async () => {
  const owner = ownerPool();
  const described = await machine(owner);
  console.log(described);
  await prepare(owner);
  const sizes = (await owner.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM cases)::text AS cases, (SELECT count(*) FROM series_members)::text AS "seriesMembers",
            (SELECT count(*) FROM evidence_series)::text AS series, (SELECT count(*) FROM agency_requests)::text AS requests,
            (SELECT count(*) FROM task_force_tasks)::text AS tasks, (SELECT count(*) FROM case_shares WHERE revoked_at IS NULL)::text AS shares`,
  )).rows[0];
  console.log(`Database ${process.env['BENCH_DB'] ?? 'caselink_bench_linking'}: ${thousands(Number(sizes['cases']))} cases, ${thousands(Number(sizes['series']))} series holding ` +
    `${thousands(Number(sizes['seriesMembers']))} cases, ${thousands(Number(sizes['requests']))} requests, ${thousands(Number(sizes['tasks']))} tasks, ` +
    `${thousands(Number(sizes['shares']))} live shares`);
  // The SQL alone acts as the api does for the user: agency, user and roles (need-to-know by role reads app.roles).
  const people = new Map((await owner.query<{ email: string; agency_id: string; id: string; roles: string }>(
    "SELECT email, agency_id, id, array_to_string(roles, ',') AS roles FROM users WHERE email = ANY($1)", [[NATIONAL, GUANGDONG]])).rows
    .map((r) => [r.email, r]));

  const app = new Pool({ connectionString: APP_URL(), max: CONCURRENCY, application_name: 'caselink-bench-dashboard' });
  const api = startApi();
  const results: Array<{ scenario: string; cases: number; answered: number; openTasks: number; sequential: Percentiles; concurrent: Percentiles & { perSecond: number }; sql: Percentiles }> = [];
  try {
    await waitFor(`http://127.0.0.1:${API_PORT}/health/live`);
    const tokens = new Map<string, string>();
    for (const email of [NATIONAL, GUANGDONG]) tokens.set(email, await login(email));
    for (const s of SCENARIOS) {
      const token = tokens.get(s.email) as string;
      let cases = 0;
      let answered = 0;
      let openTasks = 0;
      // Every answer's figures; a scenario's answers must all agree.
      const seen = new Set<string>();
      const once = async () => {
        const d = await gql<{ supervisorDashboard: { cases: { cases: number }; freezes: { answered: number }; tasks: { open: number } } }>(QUERY, { f: s.filter }, token);
        cases = d.supervisorDashboard.cases.cases;
        answered = d.supervisorDashboard.freezes.answered;
        openTasks = d.supervisorDashboard.tasks.open;
        seen.add(`${cases} cases, ${answered} answered freezes, ${openTasks} open tasks`);
      };
      for (let i = 0; i < WARMUP; i++) await once();
      const seq = await timed(RUNS, 1, once);
      const par = await timed(RUNS, CONCURRENCY, once);
      // The figures' statement alone, as the app role acting for the supervisor (the lists are two small index reads).
      const who = people.get(s.email) as { agency_id: string; id: string; roles: string };
      const region = (s.filter.scope ?? 'REGION') === 'REGION';
      const since = new Date(Date.now() + 8 * 3600_000 - (s.filter.periodDays - 1) * 86_400_000).toISOString().slice(0, 10);
      let sqlCases = -1;
      const direct = async () => {
        const c = await app.connect();
        try {
          await c.query('BEGIN');
          await c.query("SELECT set_config('jit', 'off', true), set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)",
            [who.agency_id, who.id, who.roles]);
          const { rows } = await c.query<{ figure: string; n: string }>(
            region ? 'SELECT * FROM dashboard_region_figures($1::date, $2)' : 'SELECT * FROM dashboard_figures(NULL, $1::date, $2)', [since, s.filter.fraudType ?? null]);
          sqlCases = Number(rows.find((r) => r.figure === 'cases')?.n ?? 0);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
      };
      for (let i = 0; i < WARMUP; i++) await direct();
      const sql = percentiles((await timed(RUNS, 1, direct)).times);
      check(seen.size === 1, `${s.name}: every answer the same (${[...seen].join('; ')})`);
      // Ten years hold every case, so no case sits on the edge of the period the bench computes for the SQL.
      if (s.filter.periodDays >= 3650) check(sqlCases === cases, `${s.name}: the SQL alone counts ${sqlCases} cases, the api ${cases}`);
      const r = { scenario: s.name, cases, answered, openTasks, sequential: percentiles(seq.times), concurrent: { ...percentiles(par.times), perSecond: RUNS / par.seconds }, sql };
      results.push(r);
      console.log(`${s.name}: ${thousands(cases)} cases; one at a time p50 ${ms(r.sequential.p50)} p95 ${ms(r.sequential.p95)} p99 ${ms(r.sequential.p99)} ms; ` +
        `${CONCURRENCY} in flight p50 ${ms(r.concurrent.p50)} p95 ${ms(r.concurrent.p95)} p99 ${ms(r.concurrent.p99)} ms (${r.concurrent.perSecond.toFixed(0)}/s); ` +
        `SQL alone p50 ${ms(sql.p50)} p95 ${ms(sql.p95)} ms`);
    }
  } finally {
    await stop(api);
    if (SMOKE) await clearQueues();
    await app.end();
    await owner.end();
  }
  const of = (name: string) => results.find((r) => r.scenario.startsWith(name)) as (typeof results)[number];
  const [d90, d365, d3650] = [of('national supervisor, region (all of China), 90 days'), of('national, region, 365 days'), of('national, region, 3650 days (every case)')];
  check(d90.cases <= d365.cases && d365.cases <= d3650.cases && d3650.cases > 0, `longer periods hold the shorter ones' cases (${d90.cases}, ${d365.cases}, ${d3650.cases})`);
  check(d3650.answered > 0, 'the bench\'s freezes are answered on the ten-year dashboard');
  check(of('Guangdong, region, 3650 days').openTasks > 0, 'the bench\'s task force has open tasks on the Guangdong dashboard');
  console.log(`\n| scenario | cases in period | one at a time p50 / p95 / p99 ms | ${CONCURRENCY} in flight p50 / p95 / p99 ms, req/s | SQL alone p50 / p95 ms |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.scenario} | ${thousands(r.cases)} | ${ms(r.sequential.p50)} / **${ms(r.sequential.p95)}** / ${ms(r.sequential.p99)} | ` +
      `${ms(r.concurrent.p50)} / ${ms(r.concurrent.p95)} / ${ms(r.concurrent.p99)}, ${r.concurrent.perSecond.toFixed(0)} | ${ms(r.sql.p50)} / ${ms(r.sql.p95)} |`);
  }
  writeResults('dashboard', { machine: described, database: process.env['BENCH_DB'] ?? 'caselink_bench_linking', sizes, runs: RUNS, concurrency: CONCURRENCY, results });
});
