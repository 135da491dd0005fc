import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { createDataSource } from '@caselink/db';
import { DEMO_PASSWORD } from '@caselink/demo-data';
import { CASE_COUNT_CAP } from '@caselink/domain';

/**
 * The demo as `npm start` makes it (issue 16, part 7), built (dist/), on a database of its own: migrated, seeded twice
 * by dist/tools/seed/seed.js (nothing doubles), the 26,121 judgments loaded for Guangdong's police by
 * dist/tools/judgments/load.js, the worker linking the ring and the api answering, as processes. Then: a ring of 12+
 * cases in six provinces with 30+ victims, money through four banks with the banks' downstream hops, pending and
 * answered freezes each at the bank that issues the account, a telecom suspension, a request to the Cambodian police,
 * a task force with tasks in three provinces, shares between provinces — one series; and Guangdong's investigator opens
 * the case list on the cases being worked, the judgments only when asked for.
 */
const ROOT = join(__dirname, '../../..');
const built = (path: string) => join(ROOT, 'dist', path);
const DB = `caselink_demo_seed_${process.pid}`;
const TEST_APP_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink_test';
const TEST_OWNER_URL = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://caselink_owner:caselink_owner@127.0.0.1:5432/caselink_test';
const TEST_LINKER_URL = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';
const withDb = (url: string) => {
  const u = new URL(url);
  u.pathname = `/${DB}`;
  return u.toString();
};
const OWNER_URL = withDb(TEST_OWNER_URL);
const APP_URL = withDb(TEST_APP_URL);
const PROCESS_ENV = {
  PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', DATABASE_URL: APP_URL, DATABASE_OWNER_URL: OWNER_URL, LINKER_DATABASE_URL: withDb(TEST_LINKER_URL),
  REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `caselink-test-demo-${process.pid}`,
  JWT_SECRET: 'demo-seed-test-secret-0123456789abcdef', OUTBOX_SWEEP_MS: '500',
};

/** Creates or drops the database through tools/scripts/lib.sh (its admin connection and roles), as the backup test does. */
function lib(script: string): void {
  execFileSync('bash', ['-c', `. tools/scripts/lib.sh >/dev/null; ${script}`, 'lib', DB], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: TEST_APP_URL, DATABASE_OWNER_URL: TEST_OWNER_URL, LINKER_DATABASE_URL: TEST_LINKER_URL },
  });
}

/** Runs a built tool to its end, as `npm start` does; its output when it fails. */
function tool(path: string, ...args: string[]): string {
  return execFileSync(process.execPath, [built(path), ...args], { cwd: ROOT, env: PROCESS_ENV, encoding: 'utf8' });
}

/** A built server on a port nothing uses, once its /health/ready answers; `stop` ends it. */
async function serve(path: string, portVariable: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [built(path)], { env: { ...PROCESS_ENV, [portVariable]: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await poll(async () => {
    if (child.exitCode !== null) throw new Error(`${path} exited: ${output}`);
    return (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) ? true : undefined;
  }, `${path} ready`, 60_000);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}

/** `check` again and again until it gives a value, or the time is up. */
async function poll<T>(check: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  for (const end = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 250))) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/** The banks that issue cards and accounts by their first digits (the demo's BINs, issue 16). */
const ISSUERS: Record<string, string> = {
  '622202': '中国工商银行', '621226': '中国工商银行', '622588': '招商银行', '621483': '招商银行',
  '622848': '中国农业银行', '103': '中国农业银行', '622700': '中国建设银行', '621700': '中国建设银行',
};
const issuerOf = (account: string) => Object.entries(ISSUERS).filter(([p]) => account.startsWith(p)).sort((a, b) => b[0].length - a[0].length)[0]?.[1];

/** The ring: every case holding one of its first-level mule accounts or its app. */
const RING_CASES = `SELECT DISTINCT i.case_id FROM identifiers i
  WHERE i.canonical IN ('6217002430001234567', '6228480402564890018', '6222024402118833064', '6225887550137620', 'com.huijin.licai')`;

async function counts(owner: Client): Promise<Record<string, number>> {
  const tables = ['agencies', 'users', 'cases', 'victim_statements', 'transfers', 'identifiers', 'case_shares', 'agency_requests', 'request_events',
    'task_forces', 'task_force_agencies', 'task_force_cases', 'task_force_tasks', 'access_requests', 'bulletins', 'risk_signals'];
  const { rows: [c] } = await owner.query<Record<string, number>>(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return c;
}

/** What a run of the seed says it added. */
function seeded(): Record<string, number> {
  const said = tool('tools/seed/seed.js');
  const added = (what: string) => Number(new RegExp(`(\\d+) new ${what}`).exec(said)?.[1] ?? NaN);
  return { cases: added('demo cases'), requests: added('demo requests'), taskForces: added('task forces'), accessRequests: added('access requests') };
}

async function graphql<T>(api: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: unknown[] }> {
  const r = await fetch(`${api}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }),
  });
  return (await r.json()) as { data?: T; errors?: unknown[] };
}

describe('the demo seed, as npm start makes it', () => {
  jest.setTimeout(300_000);
  let owner: Client;

  beforeAll(async () => {
    if (!existsSync(built('tools/seed/seed.js')) || !existsSync(built('apps/api/src/main.js'))) throw new Error('Build first (dist/: npm test builds it)');
    lib('admin_psql postgres -c "DROP DATABASE IF EXISTS \\"$1\\" WITH (FORCE)" && ensure_database "$1" >/dev/null');
    const ds = await createDataSource({ url: OWNER_URL, poolSize: 1, applicationName: 'caselink-demo-seed-test' }).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
    owner = new Client({ connectionString: OWNER_URL });
    await owner.connect();
  });

  afterAll(async () => {
    await owner?.end();
    lib('admin_psql postgres -c "DROP DATABASE IF EXISTS \\"$1\\" WITH (FORCE)"');
  });

  it('seeds once: a second run adds nothing', async () => {
    const firstRun = seeded();
    expect(firstRun).toMatchObject({ taskForces: 1, accessRequests: 1 });
    expect(firstRun.cases).toBeGreaterThanOrEqual(13);
    expect(firstRun.requests).toBeGreaterThanOrEqual(10);
    const before = await counts(owner);
    expect(seeded()).toEqual({ cases: 0, requests: 0, taskForces: 0, accessRequests: 0 });
    expect(await counts(owner)).toEqual(before);
  });

  it('holds a ring of 12+ cases in six provinces with 30+ victims, and four banks with a liaison each', async () => {
    const { rows: [ring] } = await owner.query<{ cases: number; provinces: number; victims: number }>(
      `SELECT count(DISTINCT c.id)::int AS cases, count(DISTINCT a.region)::int AS provinces,
              (SELECT count(*)::int FROM victim_statements s WHERE s.case_id IN (${RING_CASES})) AS victims
       FROM cases c JOIN agencies a ON a.id = c.agency_id WHERE c.id IN (${RING_CASES})`,
    );
    expect(ring.cases).toBeGreaterThanOrEqual(12);
    expect(ring.provinces).toBe(6);
    expect(ring.victims).toBeGreaterThanOrEqual(30);
    const { rows: banks } = await owner.query<{ name: string; liaisons: number }>(
      `SELECT a.name, (SELECT count(*)::int FROM users u WHERE u.agency_id = a.id AND 'LIAISON' = ANY (u.roles)) AS liaisons
       FROM agencies a WHERE a.kind = 'BANK' ORDER BY a.name`,
    );
    for (const bank of new Set(Object.values(ISSUERS))) expect(banks.find((b) => b.name === bank)?.liaisons).toBeGreaterThanOrEqual(1);
  });

  it('sends each freeze to the bank that issues the account, some waiting and some answered, with the money moving on', async () => {
    // The addressed bank, and the bank the registered prefixes route the account to (longest prefix, bank_prefixes).
    const { rows: freezes } = await owner.query<{ account: string; bank: string; routed: string | null; state: string }>(
      `SELECT r.account, a.name AS bank, r.state,
              (SELECT b.name FROM bank_prefixes p JOIN agencies b ON b.id = p.agency_id WHERE r.account_canonical LIKE p.prefix || '%'
               ORDER BY length(p.prefix) DESC LIMIT 1) AS routed
       FROM agency_requests r JOIN agencies a ON a.id = r.to_agency_id WHERE r.type = 'FREEZE'`,
    );
    expect(freezes.length).toBeGreaterThanOrEqual(6);
    for (const f of freezes) expect({ account: f.account, bank: f.bank, routed: f.routed }).toEqual({ account: f.account, bank: issuerOf(f.account), routed: f.bank });
    const states = freezes.map((f) => f.state);
    expect(states).toEqual(expect.arrayContaining(['SENT', 'ACKNOWLEDGED', 'FROZEN', 'PARTIALLY_FROZEN', 'NO_FUNDS']));
    // Downstream hops: the banks' answers moved money on to accounts of other banks, which joined the cases.
    const { rows: hops } = await owner.query<{ from_account: string; to_account: string }>("SELECT from_account, to_account FROM transfers WHERE source = 'BANK_RESPONSE'");
    expect(hops.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hops.flatMap((h) => [issuerOf(h.from_account), issuerOf(h.to_account)]))).toEqual(new Set(Object.values(ISSUERS)));
  });

  it('has a telecom suspension, a request to Cambodia, a task force with tasks in three provinces and shares between provinces', async () => {
    const { rows: [r] } = await owner.query<{ suspensions: number; cambodia: number; task_provinces: number; shares: number }>(
      `SELECT (SELECT count(*)::int FROM agency_requests WHERE type = 'TELECOM' AND kind = 'SUSPEND_NUMBER') AS suspensions,
              (SELECT count(*)::int FROM agency_requests q JOIN agencies a ON a.id = q.to_agency_id WHERE q.type = 'COOPERATION' AND a.region = 'KH') AS cambodia,
              (SELECT count(DISTINCT province)::int FROM task_force_tasks) AS task_provinces,
              (SELECT count(*)::int FROM case_shares s JOIN agencies a ON a.id = s.agency_id JOIN agencies o ON o.id = s.owner_agency_id
               WHERE a.region <> o.region AND s.revoked_at IS NULL) AS shares`,
    );
    expect(r).toEqual({ suspensions: 1, cambodia: 1, task_provinces: 4, shares: 6 });
  });

  describe('running: the worker links, the api lists', () => {
    let worker: { url: string; stop: () => Promise<void> } | undefined;
    let api: { url: string; stop: () => Promise<void> } | undefined;
    let gd: string;
    let token: string;
    const LIST = 'query($f: CaseFilter) { cases(first: 20, filter: $f) { totalCount totalCountCapped edges { node { caseNumber victimCount status } } } }';

    beforeAll(async () => {
      gd = (await owner.query<{ id: string }>("SELECT id FROM agencies WHERE name = '广东省公安厅'")).rows[0].id;
      tool('tools/judgments/load.js', '--agency', gd);
      [worker, api] = await Promise.all([serve('apps/worker/src/main.js', 'WORKER_HEALTH_PORT'), serve('apps/api/src/main.js', 'API_PORT')]);
      const signedIn = await graphql<{ login: { accessToken: string } }>(api.url, 'mutation($p: String!) { login(input: { email: "investigator@gd.demo", password: $p }) { accessToken } }', { p: DEMO_PASSWORD });
      token = signedIn.data?.login.accessToken ?? '';
      expect(signedIn.errors).toBeUndefined();
    });

    afterAll(async () => {
      await Promise.all([worker?.stop(), api?.stop()]);
    });

    it("links the ring into one series (the worker's linking)", async () => {
      const { rows: ring } = await owner.query<{ case_id: string }>(RING_CASES);
      const series = await poll(async () => {
        const { rows } = await owner.query<{ series_id: string; n: number }>(
          'SELECT series_id, count(*)::int AS n FROM series_members WHERE case_id = ANY ($1::uuid[]) GROUP BY 1', [ring.map((c) => c.case_id)],
        );
        return rows.length === 1 && rows[0].n === ring.length ? rows[0] : undefined;
      }, 'the ring in one series', 120_000);
      expect(series.n).toBeGreaterThanOrEqual(12);
    });

    it("opens Guangdong's case list on the cases being worked; the judgments are archive records, listed when asked for", async () => {
      const { rows: [w] } = await owner.query<{ working: number; judgments: number }>(
        `SELECT count(*) FILTER (WHERE NOT archived)::int AS working, count(*) FILTER (WHERE archived)::int AS judgments FROM cases
         WHERE agency_id = $1 OR id IN (SELECT case_id FROM case_shares WHERE agency_id = $1 AND revoked_at IS NULL)`, [gd],
      );
      expect(w.judgments).toBe(26_121);
      type List = { cases: { totalCount: number; totalCountCapped: boolean; edges: Array<{ node: { caseNumber: string; victimCount: number; status: string } }> } };
      const list = await graphql<List>(api?.url ?? '', LIST, {}, token);
      expect(list.errors).toBeUndefined();
      expect(list.data?.cases.totalCount).toBe(w.working);
      const page = list.data?.cases.edges.map((e) => e.node) ?? [];
      expect(page.length).toBe(Math.min(20, w.working));
      expect(page.map((c) => c.caseNumber)).toEqual(expect.arrayContaining(['440000-2026-D00001', '440000-2026-D00003', '110000-2026-D00001', '330000-2026-D00001']));
      for (const c of page) expect(c.victimCount).toBeGreaterThan(0);
      const all = await graphql<List>(api?.url ?? '', LIST, { f: { includeArchived: true } }, token);
      // With the judgments the list holds more than the count goes to: it says "at least" (CASE_COUNT_CAP).
      const every = w.working + w.judgments;
      expect(all.data?.cases).toMatchObject({ totalCount: Math.min(every, CASE_COUNT_CAP), totalCountCapped: every > CASE_COUNT_CAP });
    });

    it("keeps the archive flag an operator's: the app role neither sets nor clears it; a reopened record is worked again", async () => {
      const pool = new Pool({ connectionString: APP_URL, max: 1 });
      /** As the api acts for Guangdong's investigator and supervisor. */
      const asGuangdong = async (sql: string, params: unknown[]) => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.roles', 'INVESTIGATOR,SUPERVISOR', true)", [gd]);
          await c.query(sql, params);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        } finally {
          c.release();
        }
      };
      try {
        const own = (await owner.query<{ id: string }>("SELECT id FROM cases WHERE case_number = '440000-2026-D00002'")).rows[0];
        const judgment = (await owner.query<{ id: string; case_number: string }>('SELECT id, case_number FROM cases WHERE agency_id = $1 AND archived LIMIT 1', [gd])).rows[0];
        await expect(asGuangdong('UPDATE cases SET archived = true WHERE id = $1', [own.id])).rejects.toThrow(/archive records are an operator's/);
        await expect(asGuangdong('UPDATE cases SET archived = false WHERE id = $1', [judgment.id])).rejects.toThrow(/archive records are an operator's/);
        await expect(asGuangdong("INSERT INTO cases (agency_id, case_number, title, fraud_type, reported_on, status, archived) VALUES ($1, '440000-2026-X00001', 'x', 'OTHER', '2026-01-01', 'CLOSED', true)", [gd]))
          .rejects.toThrow(/archive records are an operator's/);
        // Reopened by its owner (CLOSED → INVESTIGATING): a working case again, in the list.
        await asGuangdong("UPDATE cases SET status = 'INVESTIGATING' WHERE id = $1", [judgment.id]);
        expect((await owner.query('SELECT archived FROM cases WHERE id = $1', [judgment.id])).rows[0]).toEqual({ archived: false });
        const list = await graphql<{ cases: { totalCount: number } }>(api?.url ?? '', LIST, { f: { statuses: ['INVESTIGATING'], search: judgment.case_number } }, token);
        expect(list.data?.cases.totalCount).toBe(1);
      } finally {
        await pool.end();
      }
    });
  });
});
