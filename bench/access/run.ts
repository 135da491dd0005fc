import { Pool } from 'pg';
import { ACCESS_POLICY, AgencyKind, mayCall, Role, rolesAllowedFor } from '@caselink/domain';
import { APP_URL, machine, main, ms, ownerPool, percentiles, thousands, writeResults } from '../linking/common';

/**
 * What need-to-know by role costs (docs/benchmarks.md, "Need-to-know by role"): the one guard's look-up in the access
 * table, and PostgreSQL's role policies (RESTRICTIVE, app.roles) on the hottest reads — the case list page, a count
 * over every readable case, the personal-data clues — as the Guangdong investigator, straight at PostgreSQL as the
 * app role, with the role policies and with them taken away for the comparison (restored afterwards, whatever
 * happens). The two variants alternate in BENCH_ROUNDS (2) rounds, so that neither has the warmer cache; each round
 * BENCH_RUNS (50) per query after BENCH_WARMUP (5). BENCH_SMOKE=1: one short round on any migrated database.
 */
const SMOKE = process.env['BENCH_SMOKE'] === '1';
const RUNS = Number(process.env['BENCH_RUNS'] ?? (SMOKE ? 5 : 50));
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? (SMOKE ? 1 : 5));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? (SMOKE ? 1 : 2));

const QUERIES: Array<{ name: string; sql: string }> = [
  { name: 'case list page (50 newest, with statements and clues)', sql: `
    WITH page AS (SELECT id, case_number, title, status, total_loss, reported_on FROM cases ORDER BY reported_on DESC, id DESC LIMIT 50)
    SELECT (SELECT count(*) FROM page) AS cases,
           (SELECT count(*) FROM victim_statements s WHERE s.case_id IN (SELECT id FROM page)) AS statements,
           (SELECT count(*) FROM identifiers i WHERE i.case_id IN (SELECT id FROM page)) AS clues` },
  { name: 'count and losses over every readable case', sql: 'SELECT count(*) AS cases, sum(total_loss) AS loss FROM cases' },
  { name: 'personal-data clues of readable cases (phones)', sql: `SELECT count(*) AS clues FROM identifiers WHERE kind = 'PHONE'` },
];

function guard(): { calls: number; perSecond: number } {
  const callers = Object.values(AgencyKind).flatMap((kind) => rolesAllowedFor(kind).map((r) => ({ agencyKind: kind, roles: [r as Role], nationalAdmin: false })));
  const ops = Object.keys(ACCESS_POLICY);
  const rounds = SMOKE ? 10 : 2_000;
  let allowed = 0;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const c of callers) for (const op of ops) if (mayCall(c, op)) allowed++;
  const seconds = (performance.now() - t0) / 1000;
  const calls = rounds * callers.length * ops.length;
  if (allowed === 0) throw new Error('nothing allowed: the table did not load');
  return { calls, perSecond: calls / seconds };
}

type Timings = Record<string, { times: number[]; rows: unknown }>;

async function timeQueries(app: Pool, agencyId: string, userId: string, out: Timings): Promise<void> {
  for (const q of QUERIES) {
    const times = (out[q.name] ??= { times: [], rows: undefined }).times;
    let rows: unknown;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const c = await app.connect();
      const t0 = performance.now();
      try {
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', 'INVESTIGATOR', true)`, [agencyId, userId]);
        rows = (await c.query(q.sql)).rows[0];
        await c.query('COMMIT');
      } finally {
        c.release();
      }
      if (i >= WARMUP) times.push(performance.now() - t0);
    }
    out[q.name].rows = rows;
  }
}

main(async () => {
  // The comparison drops the role policies for a while: never on a database that is not a benchmark's own.
  if (!/bench/.test(new URL(process.env['BENCH_OWNER_URL'] ?? '').pathname)) throw new Error('bench/access runs only on a database named *bench*');
  const owner = ownerPool(2);
  const app = new Pool({ connectionString: APP_URL(), max: 2, application_name: 'caselink-bench-access' });
  try {
    const [who] = (await owner.query<{ agency_id: string; id: string }>(`SELECT agency_id, id FROM users WHERE email = 'investigator@gd.demo'`)).rows;
    if (!who) throw new Error('the demo seed is missing (investigator@gd.demo)');
    const [{ n }] = (await owner.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows;
    console.log(`Need-to-know by role: ${thousands(Number(n))} cases; ${await machine(owner)}`);

    const g = guard();
    console.log(`\nguard: ${thousands(g.calls)} access-table look-ups, ${thousands(g.perSecond)} per second`);

    const withPolicies: Timings = {};
    const withoutPolicies: Timings = {};
    // The role policies, as PostgreSQL holds them, to take away for the comparison and put back.
    const policies = (await owner.query<{ def: string; name: string; tbl: string }>(`
      SELECT policyname AS name, tablename AS tbl,
             format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR %s TO %s %s %s', policyname, tablename, cmd, array_to_string(roles, ','),
                    CASE WHEN qual IS NULL THEN '' ELSE 'USING (' || qual || ')' END,
                    CASE WHEN with_check IS NULL THEN '' ELSE 'WITH CHECK (' || with_check || ')' END) AS def
      FROM pg_policies WHERE schemaname = 'public' AND permissive = 'RESTRICTIVE' AND policyname LIKE '%\\_roles\\_%'`)).rows;
    const restore = () => owner.query(`BEGIN; ${policies.map((p) => `DROP POLICY IF EXISTS ${p.name} ON ${p.tbl}; ${p.def};`).join('\n')} COMMIT;`);
    for (let round = 0; round < ROUNDS; round++) {
      await timeQueries(app, who.agency_id, who.id, withPolicies);
      try {
        await owner.query(policies.map((p) => `DROP POLICY ${p.name} ON ${p.tbl};`).join('\n'));
        await timeQueries(app, who.agency_id, who.id, withoutPolicies);
      } finally {
        await restore();
      }
    }
    const back = (await owner.query<{ n: string }>(`SELECT count(*) AS n FROM pg_policies WHERE permissive = 'RESTRICTIVE' AND policyname LIKE '%\\_roles\\_%'`)).rows[0].n;
    if (Number(back) !== policies.length) throw new Error(`restored ${back} of ${policies.length} role policies`);

    console.log(`\n${policies.length} role policies; ${ROUNDS} alternating round(s) of ${RUNS} runs per query and variant after ${WARMUP} warm-up, one at a time, as the Guangdong investigator\n`);
    console.log('| query | p50 ms with | p95 ms with | p50 ms without | p95 ms without |');
    console.log('|---|---:|---:|---:|---:|');
    for (const q of QUERIES) {
      if (JSON.stringify(withPolicies[q.name].rows) !== JSON.stringify(withoutPolicies[q.name].rows)) {
        throw new Error(`${q.name}: the investigator saw different rows without the role policies`);
      }
      const a = percentiles(withPolicies[q.name].times);
      const b = percentiles(withoutPolicies[q.name].times);
      console.log(`| ${q.name} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(b.p50)} | ${ms(b.p95)} |`);
    }
    writeResults('access', { guard: g, withPolicies, withoutPolicies, runs: RUNS, rounds: ROUNDS, smoke: SMOKE });
  } finally {
    await app.end();
    await owner.end();
  }
});
