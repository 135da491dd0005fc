import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, inAgencyTransaction, recordAudit, statementTimeoutOf } from '@caselink/db';
import { AuditAction, AuditOutcome, Role } from '@caselink/domain';
import { isQueryCanceled } from '../common/db-errors';
import { createAgency, gql, login, ownerClient, startApi, TEST_DB_URL, type TestAgency } from '../../test/harness';

/**
 * The api's statement timeout (DATABASE_STATEMENT_TIMEOUT_MS): set per transaction by inAgencyTransaction in its first
 * round trip, so it holds through pgbouncer in transaction pooling too (tools/scripts/pgbouncer-test.sh runs this file
 * with TEST_DATABASE_URL through pgbouncer) and never outlives the transaction on a shared server connection. Data
 * sources without one (the worker's, the linker's) run as long as their work takes.
 */
describe('statement timeout', () => {
  let timed: DataSource;
  let untimed: DataSource;
  let owner: Client;
  let agency: TestAgency;

  beforeAll(async () => {
    // One connection each: what runs after the cancelled transaction runs on the connection it ran on (direct to
    // PostgreSQL; through pgbouncer, whichever server connection the pool hands out).
    timed = await createDataSource({ url: TEST_DB_URL, poolSize: 1, applicationName: 'caselink-test-timeout', statementTimeoutMs: 200, jit: false }).initialize();
    untimed = await createDataSource({ url: TEST_DB_URL, poolSize: 1, applicationName: 'caselink-test-no-timeout' }).initialize();
    owner = await ownerClient();
    agency = await createAgency(owner, 'Timeout', [Role.ADMIN]);
  });

  afterAll(async () => {
    await timed.destroy();
    await untimed.destroy();
    await owner.end();
  });

  const acting = () => ({ agencyId: agency.id, userId: null });
  const settings = (ds: DataSource) =>
    inAgencyTransaction(ds, acting(), async (m) => (await m.query(
      "SELECT current_setting('statement_timeout') AS timeout, current_setting('app.agency_id') AS agency, current_setting('jit') AS jit",
    ))[0] as { timeout: string; agency: string; jit: string });

  it('is kept for the data sources given one, and only those', () => {
    expect(statementTimeoutOf(timed)).toBe(200);
    expect(statementTimeoutOf(untimed)).toBeUndefined();
    expect(statementTimeoutOf(createDataSource({ url: TEST_DB_URL, statementTimeoutMs: 0 }))).toBeUndefined();
    expect(() => createDataSource({ url: TEST_DB_URL, statementTimeoutMs: 1.5 })).toThrow(/statementTimeoutMs/);
  });

  it('cancels a statement running longer (57014) and rolls the whole transaction back', async () => {
    const entityId = randomUUID();
    const started = Date.now();
    const failure = await inAgencyTransaction(timed, acting(), async (m) => {
      // Written before the slow statement: must not survive it.
      await recordAudit(m, { action: AuditAction.USER_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'StatementTimeoutTest', entityId, agencyId: agency.id });
      await m.query('SELECT pg_sleep(1)');
      return 'finished';
    }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(isQueryCanceled(failure)).toBe(true);
    expect(failure).toMatchObject({ driverError: { code: '57014' } });
    expect(elapsed).toBeLessThan(900);
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1', [entityId]);
    expect(rows[0].n).toBe(0);
  });

  it('leaves the connection acting normally afterwards, the limit set again per transaction and gone outside it', async () => {
    await inAgencyTransaction(timed, acting(), (m) => m.query('SELECT pg_sleep(1)')).catch(() => undefined);
    // The api's data sources also turn JIT compilation off per transaction (jit: false), and only there.
    expect(await settings(timed)).toEqual({ timeout: '200ms', agency: agency.id, jit: 'off' });
    // Outside a transaction (a plain query on the same pool) the session has no limit: SET LOCAL ended with the transaction.
    const server = (await owner.query<{ jit: string }>('SHOW jit')).rows[0].jit;
    expect((await timed.query("SELECT current_setting('statement_timeout') AS timeout, current_setting('jit') AS jit"))[0]).toEqual({ timeout: '0', jit: server });
    // A statement within the limit runs.
    expect(await inAgencyTransaction(timed, acting(), async (m) => (await m.query('SELECT pg_sleep(0.05), 1 AS ok'))[0].ok)).toBe(1);
  });

  it('lets a data source without one (the worker, the linker) run as long as it takes', async () => {
    // Before and after the cancelled transactions above: no limit leaked to this pool's (or pgbouncer's) connections.
    expect(await settings(untimed)).toEqual({ timeout: '0', agency: agency.id, jit: (await owner.query<{ jit: string }>('SHOW jit')).rows[0].jit });
    const entityId = randomUUID();
    await inAgencyTransaction(untimed, acting(), async (m) => {
      await recordAudit(m, { action: AuditAction.USER_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'StatementTimeoutTest', entityId, agencyId: agency.id });
      await m.query('SELECT pg_sleep(1)');
    });
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1', [entityId]);
    expect(rows[0].n).toBe(1);
  });

  describe('through the api (DATABASE_STATEMENT_TIMEOUT_MS)', () => {
    let app: NestFastifyApplication;
    let token: string;

    beforeAll(async () => {
      app = await startApi({ DATABASE_STATEMENT_TIMEOUT_MS: '200' });
      token = (await login(app, agency.users[Role.ADMIN].email)).token;
    });

    afterAll(async () => {
      await app.close();
    });

    it('answers a query whose SQL was cancelled with TIMEOUT, naming the limit, and the next one as usual', async () => {
      const query = '{ notifications(first: 5) { totalCount } }';
      expect((await gql(app, query, {}, { token })).data).toEqual({ notifications: { totalCount: 0 } });
      // The owner holds the notifications table: the api's read waits for it until the statement timeout stops it.
      // (The sign-in checks of the request's first round trip read users and sessions, not notifications.)
      await owner.query('BEGIN');
      try {
        await owner.query('LOCK TABLE notifications IN ACCESS EXCLUSIVE MODE');
        const started = Date.now();
        const r = await gql(app, query, {}, { token });
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(r.errors?.[0]).toMatchObject({
          message: 'The query took longer than 0.2 s and was stopped; narrow the filter and try again · 查询超过 0.2 秒未完成，已被中止；请缩小筛选范围后重试',
          extensions: { code: 'TIMEOUT', reason: 'STATEMENT_TIMEOUT', timeoutSeconds: 0.2 },
          path: ['notifications'],
        });
        expect(r.data).toBeNull();
      } finally {
        await owner.query('ROLLBACK');
      }
      expect((await gql(app, query, {}, { token })).data).toEqual({ notifications: { totalCount: 0 } });
    });
  });
});
