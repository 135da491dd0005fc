/**
 * Benchmark driver: prepares PostgreSQL, then for each (mode, server) starts the compiled server as a child
 * process on a free 127.0.0.1 port, checks its answer, runs autocannon (warm-up, then measured run), stops it,
 * prints a table and writes dist/bench/graphql-server-results.json.
 *
 * Env: BENCH_DATABASE_URL / DATABASE_URL, BENCH_POOL_SIZE (10), BENCH_CONNECTIONS (50),
 * BENCH_WARMUP_S (10), BENCH_DURATION_S (20), BENCH_MODES ("db,nodb"), BENCH_SERVERS ("apollo,mercurius").
 * BENCH_SMOKE=1: 4 connections, 1 s + 1 s, every response's body checked (50 agencies, no errors); any error, non-2xx,
 * timeout or wrong body fails the run. Results then go to dist/bench/graphql-server-smoke-results.json.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { BENCH_APPLICATION_NAME, BENCH_QUERY, BenchMode, TABLE_NAME, TABLE_ROWS, databaseUrl, poolSize } from './common';

type ServerName = 'apollo' | 'mercurius';

interface Measurement {
  server: ServerName;
  label: string;
  mode: BenchMode;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP975Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  totalRequests: number;
  non2xx: number;
  errors: number;
  /** Responses whose body was not the 50 agencies (checked under BENCH_SMOKE only; 0 otherwise). */
  mismatches: number;
  timeouts: number;
  /** Server connections seen in pg_stat_activity right after the measured run (db mode only). */
  dbConnections: number | null;
}

const LABELS: Record<ServerName, string> = {
  apollo: 'Apollo 5 (Express 5)',
  mercurius: 'Mercurius 16 (Fastify 5)',
};

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

function envList<T extends string>(name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return [...fallback];
  return raw.split(',').map((s) => {
    const v = s.trim() as T;
    if (!allowed.includes(v)) throw new Error(`${name}: unknown value ${s}`);
    return v;
  });
}

const SMOKE = process.env['BENCH_SMOKE'] === '1';
const CONNECTIONS = envInt('BENCH_CONNECTIONS', SMOKE ? 4 : 50);
const WARMUP_S = envInt('BENCH_WARMUP_S', SMOKE ? 1 : 10);
const DURATION_S = envInt('BENCH_DURATION_S', SMOKE ? 1 : 20);
const MODES = envList<BenchMode>('BENCH_MODES', ['db', 'nodb'], ['db', 'nodb']);
const SERVERS = envList<ServerName>('BENCH_SERVERS', ['apollo', 'mercurius'], ['apollo', 'mercurius']);
const STARTUP_TIMEOUT_MS = 30_000;

async function prepareDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!dbName) throw new Error(`no database name in ${url}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    const exists = await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (exists.rowCount === 0) {
      const quoted = '"' + dbName.replace(/"/g, '""') + '"';
      await adminClient.query(`CREATE DATABASE ${quoted}`);
      console.log(`created database ${dbName}`);
    }
  } finally {
    await adminClient.end();
  }

  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE_NAME} (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL,
      region text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await client.query(`CREATE INDEX IF NOT EXISTS ${TABLE_NAME}_created_at_idx ON ${TABLE_NAME} (created_at, id)`);
    const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${TABLE_NAME}`);
    if (Number(count.rows[0]?.n) !== TABLE_ROWS) {
      await client.query('BEGIN');
      await client.query(`DELETE FROM ${TABLE_NAME}`);
      // Deterministic rows: md5-derived uuids, so re-creating the table yields the same data.
      await client.query(
        `INSERT INTO ${TABLE_NAME} (id, name, kind, region, created_at)
         SELECT md5('agency-' || g)::uuid,
                'Agency ' || g,
                (ARRAY['police','bank','telecom','regulator'])[1 + g % 4],
                (ARRAY['north','south','east','west','centre'])[1 + g % 5],
                timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'
         FROM generate_series(1, $1::int) AS g`,
        [TABLE_ROWS],
      );
      await client.query('COMMIT');
      await client.query(`ANALYZE ${TABLE_NAME}`);
      console.log(`filled ${TABLE_NAME} with ${TABLE_ROWS} rows`);
    }
  } finally {
    await client.end();
  }
}

async function countServerConnections(): Promise<number> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM pg_stat_activity WHERE application_name = $1',
      [BENCH_APPLICATION_NAME],
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not get a free port'));
        return;
      }
      const port = addr.port;
      srv.close(() => resolve(port));
    });
  });
}

/** Children still alive, killed if the driver exits abruptly. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function postQuery(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: BENCH_QUERY }),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: res.status, body: await res.json() };
}

function checkAnswer(body: unknown): string | null {
  const data = (body as { data?: { agencies?: unknown } } | null)?.data;
  const rows = data?.agencies;
  if (!Array.isArray(rows)) return `no data.agencies in ${JSON.stringify(body).slice(0, 300)}`;
  if (rows.length !== 50) return `expected 50 rows, got ${rows.length}`;
  return null;
}

async function waitForServer(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const { status, body } = await postQuery(url);
      const problem = status === 200 ? checkAnswer(body) : `HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`;
      if (problem === null) return;
      lastError = problem;
      if (status === 200) break; // answered, but wrongly: do not keep polling
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await sleep(200);
  }
  throw new Error(`server at ${url} not ready: ${lastError}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function runLoad(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: BENCH_QUERY }),
    timeout: 10,
    // The smoke checks every body; a full run does not spend the load generator's CPU on it.
    ...(SMOKE ? { verifyBody: (body: string | Buffer | undefined) => { try { return checkAnswer(JSON.parse(String(body ?? ''))) === null; } catch { return false; } } } : {}),
  });
}

async function measure(server: ServerName, mode: BenchMode, distDir: string): Promise<Measurement> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const script = path.join(distDir, `server-${server}.js`);
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: String(port), BENCH_MODE: mode, BENCH_DATABASE_URL: databaseUrl(), BENCH_POOL_SIZE: String(poolSize()), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  try {
    await waitForServer(child, url);
    process.stdout.write(`  ${LABELS[server]}, ${mode}: warm-up ${WARMUP_S} s ... `);
    await runLoad(url, WARMUP_S);
    process.stdout.write(`measuring ${DURATION_S} s ... `);
    const r = await runLoad(url, DURATION_S);
    // The server must still answer correctly after the load.
    const after = await postQuery(url);
    const problem = after.status === 200 ? checkAnswer(after.body) : `HTTP ${after.status}`;
    if (problem !== null) throw new Error(`${server}/${mode}: bad answer after load: ${problem}`);
    const dbConnections = mode === 'db' ? await countServerConnections() : null;
    const m: Measurement = {
      server,
      label: LABELS[server],
      mode,
      requestsPerSec: r.requests.average,
      latencyP50Ms: r.latency.p50,
      latencyP975Ms: r.latency.p97_5,
      latencyP99Ms: r.latency.p99,
      latencyMaxMs: r.latency.max,
      totalRequests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors,
      mismatches: r.mismatches,
      timeouts: r.timeouts,
      dbConnections,
    };
    console.log(`${Math.round(m.requestsPerSec)} req/s` + (dbConnections === null ? '' : ` (${dbConnections} pooled connections)`));
    if (m.non2xx + m.errors + m.timeouts > 0) {
      console.warn(`  WARNING: ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts`);
    }
    if (SMOKE && (m.totalRequests === 0 || m.non2xx + m.errors + m.timeouts + m.mismatches > 0)) {
      throw new Error(`${server}/${mode}: ${m.totalRequests} requests, ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts, ${m.mismatches} wrong bodies`);
    }
    return m;
  } finally {
    await stopServer(child);
  }
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function printTable(results: Measurement[]): void {
  const header = ['Server', 'Query', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors'];
  const rows = results.map((m) => [
    m.label,
    m.mode === 'db' ? 'agencies(first: 50) from PostgreSQL' : 'agencies(first: 50), constants',
    fmt(m.requestsPerSec),
    String(m.latencyP50Ms),
    String(m.latencyP975Ms),
    String(m.latencyP99Ms),
    String(m.non2xx + m.errors + m.timeouts),
  ]);
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  console.log('\n' + lines.join('\n'));
}

function comparisons(results: Measurement[]): string[] {
  const out: string[] = [];
  for (const mode of MODES) {
    const a = results.find((m) => m.server === 'apollo' && m.mode === mode);
    const b = results.find((m) => m.server === 'mercurius' && m.mode === mode);
    if (!a || !b) continue;
    const ratio = b.requestsPerSec / a.requestsPerSec;
    out.push(
      `${mode === 'db' ? 'PostgreSQL' : 'no database'}: Mercurius ${fmt(b.requestsPerSec)} req/s (p50 ${b.latencyP50Ms} ms, p99 ${b.latencyP99Ms} ms) ` +
        `vs Apollo ${fmt(a.requestsPerSec)} req/s (p50 ${a.latencyP50Ms} ms, p99 ${a.latencyP99Ms} ms): ` +
        `Mercurius ${ratio >= 1 ? `${ratio.toFixed(2)}x faster` : `${(1 / ratio).toFixed(2)}x slower`}`,
    );
  }
  return out;
}

async function main(): Promise<void> {
  const distDir = __dirname; // dist/bench/graphql-server
  const resultsFile = path.resolve(distDir, '..', `graphql-server${SMOKE ? '-smoke' : ''}-results.json`);
  const url = databaseUrl();
  if (MODES.includes('db')) await prepareDatabase(url);

  console.log(
    `GraphQL server benchmark: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured, ` +
      `pool ${poolSize()}, ${os.cpus().length} CPUs, node ${process.version}`,
  );
  const results: Measurement[] = [];
  for (const mode of MODES) {
    for (const server of SERVERS) {
      results.push(await measure(server, mode, distDir));
      await sleep(SMOKE ? 0 : 1_000);
    }
  }
  printTable(results);
  const summary = comparisons(results);
  console.log('');
  for (const line of summary) console.log(`Comparison, ${line}`);

  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(
    resultsFile,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        database: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
        settings: { connections: CONNECTIONS, warmupSeconds: WARMUP_S, durationSeconds: DURATION_S, poolSize: poolSize(), query: BENCH_QUERY },
        results,
        summary,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nresults written to ${path.relative(process.cwd(), resultsFile)}`);
}

// Hard bound on the whole run, whatever happens.
const overall = setTimeout(() => {
  console.error('benchmark exceeded its time budget; aborting');
  process.exit(2);
}, (MODES.length * SERVERS.length * (WARMUP_S + DURATION_S + 45) + 60) * 1_000);
overall.unref();

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
