import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../../tools/seed/demo-data';
import { benchAnchoring } from '../linking/common';
import { GRAPHQL_PAGE, PAGE_SIZE } from './query';

/**
 * Runs the api (as built) and the bare endpoint one after the other against the same database, with
 * autocannon at 50 connections, and prints req/s, p50 and p99 for each and their ratio. Ports BENCH_API_PORT (4300)
 * and BENCH_BARE_PORT (4301). BENCH_SMOKE=1: 4 connections, 1 s warm-up and 1 s measured, every response's body
 * checked (a full page of cases, no GraphQL errors), and both servers checked to serve the same cases.
 */
const ROOT = join(__dirname, '../../..');
const SMOKE = process.env['BENCH_SMOKE'] === '1';
const DB = process.env['BENCH_DATABASE_URL'] as string;
const OWNER = process.env['BENCH_OWNER_URL'] as string;
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? (SMOKE ? 4 : 50));
const WARMUP_S = Number(process.env['BENCH_WARMUP_S'] ?? (SMOKE ? 1 : 5));
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? (SMOKE ? 1 : 20));
const API_PORT = Number(process.env['BENCH_API_PORT'] ?? 4300);
const BARE_PORT = Number(process.env['BENCH_BARE_PORT'] ?? 4301);
const API = `http://127.0.0.1:${API_PORT}`;
const BARE = `http://127.0.0.1:${BARE_PORT}`;

/** A full page: PAGE_SIZE cases from the api (no errors) or the bare endpoint. */
function fullPage(body: string | Buffer | undefined, api: boolean): boolean {
  try {
    const b = JSON.parse(String(body ?? '')) as { data?: { cases?: { edges?: unknown[] } }; errors?: unknown; cases?: unknown[] };
    return api ? !b.errors && b.data?.cases?.edges?.length === PAGE_SIZE : b.cases?.length === PAGE_SIZE;
  } catch {
    return false;
  }
}

function start(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(ROOT, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitFor(url: string, init?: RequestInit): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(url, init);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function load(opts: autocannon.Options, api: boolean): Promise<autocannon.Result> {
  // The smoke checks every body; a full run does not spend the load generator's CPU on it.
  const checked = SMOKE ? { ...opts, verifyBody: (body: string | Buffer | undefined) => fullPage(body, api) } : opts;
  await autocannon({ ...checked, duration: WARMUP_S });
  const result = await autocannon({ ...checked, duration: DURATION_S });
  // Requests still in flight when the run stops are counted as errors; more than that is a failure.
  if (result.non2xx || result.errors > 2 * CONNECTIONS) throw new Error(`${opts.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  if (SMOKE && (result.mismatches || result.requests.total === 0)) throw new Error(`${opts.url}: ${result.requests.total} requests, ${result.mismatches} without a full page`);
  return result;
}

/** The page's case ids from either server, in its order. */
async function pageIds(url: string, init: RequestInit, api: boolean): Promise<string[]> {
  const body = await (await fetch(url, init)).text();
  if (!fullPage(body, api)) throw new Error(`${url} answered ${body.slice(0, 300)}`);
  const b = JSON.parse(body) as { data?: { cases: { edges: Array<{ node: { id: string } }> } }; cases?: Array<{ id: string }> };
  return api ? (b.data?.cases.edges ?? []).map((e) => e.node.id) : (b.cases ?? []).map((c) => c.id);
}

async function main(): Promise<void> {
  const owner = new Client({ connectionString: OWNER });
  await owner.connect();
  const { rows } = await owner.query("SELECT u.agency_id, u.id AS user_id, array_to_string(u.roles, ',') AS roles, (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM victim_statements)::int AS statements, (SELECT count(*) FROM identifiers)::int AS identifiers FROM users u WHERE u.email = 'investigator@gd.demo'");
  await owner.end();
  const { agency_id: agencyId, user_id: userId, roles, cases, statements, identifiers } = rows[0];

  // Production mode wants its keys and an anchored audit trail (fixed bench keys, as the other benches use); one user
  // asks for the page over and over, so its budget of expensive queries is lifted.
  const api = start('dist/apps/api/src/main.js', {
    DATABASE_URL: DB, REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', API_PORT: String(API_PORT), QUEUE_PREFIX: 'caselink-bench', JWT_SECRET: 'bench-secret-bench-secret-bench-secret', NODE_ENV: 'production', DB_POOL_SIZE: '10',
    SUBJECT_HASH_KEY: 'bench-subject-hash-key-bench-subject-hash-key', FACTOR_SECRET_KEY: 'bench-factor-secret-key-bench-factor-secret-key', GRAPHQL_EXPENSIVE_LIMIT: '1000000/60',
    ...benchAnchoring('dist/apps/api/src/main.js'),
  });
  let graphql: autocannon.Result;
  let apiIds: string[] = [];
  try {
    await waitFor(`${API}/health/live`);
    const login = await fetch(`${API}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "investigator@gd.demo", password: "${DEMO_PASSWORD}" }) { accessToken } }` }),
    });
    const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const request = {
      method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: GRAPHQL_PAGE }),
    };
    apiIds = await pageIds(`${API}/graphql`, request, true);
    graphql = await load({ url: `${API}/graphql`, connections: CONNECTIONS, ...request }, true);
  } finally {
    api.kill('SIGTERM');
  }
  const bare = start('dist/bench/cases-list/bare-server.js', { BENCH_DATABASE_URL: DB, BENCH_AGENCY_ID: agencyId, BENCH_USER_ID: userId, BENCH_ROLES: roles, PORT: String(BARE_PORT) });
  let plain: autocannon.Result;
  try {
    await waitFor(`${BARE}/cases`);
    const bareIds = await pageIds(`${BARE}/cases`, {}, false);
    // The comparison holds only if both serve the same rows.
    if (SMOKE && [...apiIds].sort().join() !== [...bareIds].sort().join()) throw new Error(`the api and the bare endpoint serve different cases: ${apiIds.slice(0, 3).join()}... vs ${bareIds.slice(0, 3).join()}...`);
    plain = await load({ url: `${BARE}/cases`, connections: CONNECTIONS }, false);
  } finally {
    bare.kill('SIGTERM');
  }
  const row = (name: string, r: autocannon.Result) => `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} |`;
  const ratio = graphql.requests.average / plain.requests.average;
  const report = [
    `Case list, 50 cases per page with statements, victims and transfers; ${cases} cases, ${statements} statements, ${identifiers} identifiers;`,
    `${CONNECTIONS} connections, ${DURATION_S} s measured after ${WARMUP_S} s warm-up; ${os.cpus().length} cores, ${os.cpus()[0]?.model}`,
    '',
    '| server | req/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    row('CaseLink GraphQL api (Mercurius, auth, RLS, DataLoader)', graphql),
    row('bare Fastify + pg, same rows, same RLS', plain),
    '',
    `ratio api / bare: ${ratio.toFixed(2)} (goal >= 0.5)`,
  ].join('\n');
  console.log(report);
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
  writeFileSync(join(ROOT, `dist/bench/cases-list${SMOKE ? '-smoke' : ''}-results.json`), JSON.stringify({ cases, statements, identifiers, graphql: summary(graphql), bare: summary(plain), ratio }, null, 2));
}

const summary = (r: autocannon.Result) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total });

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
