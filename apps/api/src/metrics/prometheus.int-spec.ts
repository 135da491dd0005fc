import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { codeOf, createAgency, gql, login, ownerClient, PASSWORD, startApi, TestAgency } from '../../test/harness';
import { freePort } from '../../test/worker-process';

/**
 * The api's metrics as an operator gets them: a real Prometheus (Debian's package; `ensure_prometheus` in
 * tools/scripts/lib.sh) scrapes the api's metrics port, and values are read back through Prometheus' HTTP API.
 */
const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
};

describe('metrics scraped by a real Prometheus', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let agency: TestAgency;
  let metricsPort: number;
  let promUrl: string;
  let prometheus: ChildProcess | undefined;
  let promLog = '';
  let dir: string;

  const query = async (expr: string): Promise<number | undefined> => {
    const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await res.json()) as { status: string; data: { result: Array<{ value: [number, string] }> } };
    const v = body.data.result[0]?.value[1];
    return v === undefined ? undefined : Number(v);
  };

  beforeAll(async () => {
    owner = await ownerClient();
    agency = await createAgency(owner, 'Metrics', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    metricsPort = await freePort();
    app = await startApi({ METRICS_PORT: String(metricsPort) });
    dir = mkdtempSync(join(tmpdir(), 'caselink-prometheus-'));
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((r) => prometheus?.once('exit', r));
      prometheus.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (prometheus.exitCode === null) prometheus.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    await app?.close();
    await owner?.end();
  });

  it('serves /metrics only on the metrics port, never on the api port', async () => {
    const onApi = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' });
    expect(onApi.statusCode).toBe(404);
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('process_cpu_user_seconds_total');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
  });

  it('counts GraphQL operations by root field, outcome and error code, and Prometheus reads them', async () => {
    const email = agency.users[Role.INVESTIGATOR].email;
    await login(app, email);
    await login(app, email);
    const wrong = await gql(app, 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: email, p: `${PASSWORD}-wrong` });
    expect(wrong.errors).toBeDefined();
    const wrongCode = String(codeOf(wrong));
    const invalid = await gql(app, '{ noSuchField }');
    expect(codeOf(invalid)).toBe('GRAPHQL_VALIDATION_FAILED');

    // The label is the schema's root field whatever the client calls its operation.
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(text).toMatch(/caselink_graphql_request_duration_seconds_count\{operation="login",type="mutation",outcome="ok"\} [1-9]/);
    expect(text).toContain(`caselink_graphql_errors_total{operation="login",code="${wrongCode}"} 1`);
    expect(text).toContain('caselink_graphql_errors_total{operation="none",code="GRAPHQL_VALIDATION_FAILED"} 1');
    expect(text).toMatch(/caselink_db_pool_connections\{pool="app"\} [1-9]/);

    const promPort = await freePort();
    promUrl = `http://127.0.0.1:${promPort}`;
    writeFileSync(join(dir, 'prometheus.yml'), [
      'global:', '  scrape_interval: 1s', '  scrape_timeout: 1s',
      'scrape_configs:', '  - job_name: caselink-api', '    static_configs:', `      - targets: ['127.0.0.1:${metricsPort}']`, '',
    ].join('\n'));
    prometheus = spawn('prometheus', [
      `--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    prometheus.stderr?.on('data', (d: Buffer) => (promLog = (promLog + d.toString()).slice(-4000)));
    prometheus.on('error', (e) => (promLog += `\nspawn failed: ${e.message}`));

    await until(`the target to be up (prometheus log: ${promLog})`, async () => {
      const res = await fetch(`${promUrl}/api/v1/targets`);
      const body = (await res.json()) as { data: { activeTargets: Array<{ health: string; scrapePool: string }> } };
      return body.data.activeTargets.find((t) => t.scrapePool === 'caselink-api' && t.health === 'up');
    });
    const logins = await until('the login counter in Prometheus', () => query('sum(caselink_graphql_request_duration_seconds_count{operation="login",outcome="ok"})'));
    expect(logins).toBeGreaterThanOrEqual(2);
    expect(await until('the error counter', () => query(`sum(caselink_graphql_errors_total{operation="login",code="${wrongCode}"})`))).toBe(1);
    expect(await until('the pool gauge', () => query('caselink_db_pool_connections{job="caselink-api",pool="app"}'))).toBeGreaterThanOrEqual(1);
    expect(await until('the waiting gauge', () => query('caselink_db_pool_waiting{job="caselink-api",pool="app"}'))).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('ships alert rules and a dashboard that the tools accept', () => {
    const root = process.cwd();
    // promtool exits non-zero (execFileSync throws) on any invalid rule or expression.
    expect(execFileSync('promtool', ['check', 'rules', join(root, 'infra/prometheus/alerts.yml')], { encoding: 'utf8' })).toContain('SUCCESS');
    expect(execFileSync('promtool', ['check', 'config', join(root, 'infra/prometheus/prometheus.yml')], { encoding: 'utf8' })).toContain('SUCCESS');
    const dashboard = JSON.parse(readFileSync(join(root, 'infra/grafana/caselink-dashboard.json'), 'utf8')) as { panels: Array<{ targets?: Array<{ expr: string }> }> };
    const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr).join('\n');
    for (const metric of ['caselink_graphql_request_duration_seconds', 'caselink_graphql_errors_total', 'caselink_db_pool_waiting', 'caselink_queue_jobs',
      'caselink_job_wait_seconds', 'caselink_sweep_requeued_total', 'caselink_requests_open', 'caselink_requests_overdue', 'caselink_freeze_first_event_seconds',
      'caselink_deadline_lateness_seconds']) expect(exprs).toContain(metric);
  });
});
