import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi } from '../../test/harness';

/**
 * Directory reloads happen inside request transactions. They must use the request's own connection:
 * with a pool of 2 and many requests each missing the cache at once, asking the pool for a second
 * connection would deadlock.
 */
describe('a tiny pool under concurrent cache misses', () => {
  let app: NestFastifyApplication;
  let owner: Client;

  beforeAll(async () => {
    app = await startApi({ DB_POOL_SIZE: '2' });
    owner = await ownerClient();
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('serves 12 concurrent first requests of agencies created after start-up', async () => {
    const agencies = await Promise.all(Array.from({ length: 12 }, (_, i) => createAgency(owner, `Pool${i}`, [Role.INVESTIGATOR])));
    const tokens = await Promise.all(agencies.map(async (a) => (await login(app, a.users[Role.INVESTIGATOR].email)).token));
    const created = await Promise.all(
      tokens.map((token, i) => gql(app, 'mutation($t: String!) { createCase(input: { title: $t, fraudType: OTHER, reportedOn: "2026-11-01" }) { id owner { id } } }', { t: `并发 ${i}` }, { token })),
    );
    expect(created.map((r) => r.errors)).toEqual(created.map(() => undefined));
    expect(created.map((r) => r.data?.createCase.owner.id)).toEqual(agencies.map((a) => a.id));
  });
});
