import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../../tools/seed/demo-data';
import { benchAnchoring } from '../linking/common';
import { GRAPHQL_PAGE } from './query';

/**
 * Runs the api (as built) and the bare endpoint one after the other against the same database, with
 * autocannon at 50 connections, and prints req/s, p50 and p99 for each and their ratio.
 */
const ROOT = join(__dirname, '../../..');
const DB = process.env['BENCH_DATABASE_URL'] as string;
const OWNER = process.env['BENCH_OWNER_URL'] as string;
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const WARMUP_S = Number(process.env['BENCH_WARMUP_S'] ?? 5);
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 20);

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

async function load(opts: autocannon.Options): Promise<autocannon.Result> {
  await autocannon({ ...opts, duration: WARMUP_S });
  const result = await autocannon({ ...opts, duration: DURATION_S });
  // Requests still in flight when the run stops are counted as errors; more than that is a failure.
  if (result.non2xx || result.errors > 2 * CONNECTIONS) throw new Error(`${opts.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

async function main(): Promise<void> {
  const owner = new Client({ connectionString: OWNER });
  await owner.connect();
  const { rows } = await owner.query("SELECT u.agency_id, (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM victim_statements)::int AS statements, (SELECT count(*) FROM identifiers)::int AS identifiers FROM users u WHERE u.email = 'investigator@gd.demo'");
  await owner.end();
  const { agency_id: agencyId, cases, statements, identifiers } = rows[0];

  // Production mode wants its keys and an anchored audit trail (fixed bench keys, as the other benches use); one user
  // asks for the page over and over, so its budget of expensive queries is lifted.
  const api = start('dist/apps/api/src/main.js', {
    DATABASE_URL: DB, REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', API_PORT: '4300', QUEUE_PREFIX: 'caselink-bench', JWT_SECRET: 'bench-secret-bench-secret-bench-secret', NODE_ENV: 'production', DB_POOL_SIZE: '10',
    SUBJECT_HASH_KEY: 'bench-subject-hash-key-bench-subject-hash-key', FACTOR_SECRET_KEY: 'bench-factor-secret-key-bench-factor-secret-key', GRAPHQL_EXPENSIVE_LIMIT: '1000000/60',
    ...benchAnchoring('dist/apps/api/src/main.js'),
  });
  let graphql: autocannon.Result;
  try {
    await waitFor('http://127.0.0.1:4300/health/live');
    const login = await fetch('http://127.0.0.1:4300/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "investigator@gd.demo", password: "${DEMO_PASSWORD}" }) { accessToken } }` }),
    });
    const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const probe = await fetch('http://127.0.0.1:4300/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: GRAPHQL_PAGE }),
    });
    const sample = (await probe.json()) as { data?: { cases: { edges: unknown[] } }; errors?: unknown };
    if (!sample.data || sample.data.cases.edges.length === 0) throw new Error(`the api answered ${JSON.stringify(sample).slice(0, 300)}`);
    graphql = await load({
      url: 'http://127.0.0.1:4300/graphql', connections: CONNECTIONS, method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: GRAPHQL_PAGE }),
    });
  } finally {
    api.kill('SIGTERM');
  }
  const bare = start('dist/bench/cases-list/bare-server.js', { BENCH_DATABASE_URL: DB, BENCH_AGENCY_ID: agencyId, PORT: '4301' });
  let plain: autocannon.Result;
  try {
    await waitFor('http://127.0.0.1:4301/cases');
    plain = await load({ url: 'http://127.0.0.1:4301/cases', connections: CONNECTIONS });
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
  writeFileSync(join(ROOT, 'dist/bench/cases-list-results.json'), JSON.stringify({ cases, statements, identifiers, graphql: summary(graphql), bare: summary(plain), ratio }, null, 2));
}

const summary = (r: autocannon.Result) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total });

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
