import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { Role } from '@caselink/domain';
import { appPool, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

/**
 * The acting agency is set with set_config(..., true): it must end with the transaction, so the
 * next request on the same pooled connection never inherits it. A pool of 2 under 200 interleaved
 * requests reuses each connection many times.
 */
describe('agency setting does not outlive its transaction', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let a: TestAgency;
  let b: TestAgency;

  beforeAll(async () => {
    app = await startApi({ DB_POOL_SIZE: '2' });
    owner = await ownerClient();
    pool = appPool(2);
    a = await createAgency(owner, 'PoolA', [Role.ADMIN, Role.ANALYST]);
    b = await createAgency(owner, 'PoolB', [Role.ADMIN, Role.ANALYST, Role.AUDITOR], undefined, '350000');
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
    await pool.end();
  });

  it('interleaved GraphQL requests for A and B each see only their own users', async () => {
    const tokens = { [a.id]: (await login(app, a.users[Role.ADMIN].email)).token, [b.id]: (await login(app, b.users[Role.ADMIN].email)).token };
    const requests = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b)).map(async (agency) => {
      const r = await gql(app, '{ users(first: 100) { totalCount edges { node { agency { id } } } } }', {}, { token: tokens[agency.id] });
      return { agency: agency.id, seen: [...new Set(r.data?.users.edges.map((e: any) => e.node.agency.id))], count: r.data?.users.totalCount };
    });
    for (const r of await Promise.all(requests)) {
      expect(r.seen).toEqual([r.agency]);
      expect(r.count).toBe(r.agency === a.id ? 2 : 3);
    }
  });

  it('a plain query after a transaction for A finds no agency set on that connection', async () => {
    for (let i = 0; i < 50; i++) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query("SELECT set_config('app.agency_id', $1, true)", [i % 2 ? a.id : b.id]);
        await c.query('COMMIT');
        const { rows } = await c.query("SELECT coalesce(current_setting('app.agency_id', true), '') AS agency, (SELECT count(*) FROM users)::int AS users");
        expect(rows[0]).toEqual({ agency: '', users: 0 });
      } finally {
        c.release();
      }
    }
  });
});
