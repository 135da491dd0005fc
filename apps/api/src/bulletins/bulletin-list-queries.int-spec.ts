import { Client as PgClient } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi } from '../../test/harness';
import { randomCard, randomMobile } from '../../test/worker-process';

const PAGE = `query($n: Int!) { bulletins(first: $n) { edges { node { id publisher { name } recipients { kinds agencies { name } }
  identifiers { kind value canonical } matchingCases { caseId caseNumber owner { name } values { kind canonical } } } } } }`;
const HANDLING = { mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true };

/** No N+1: the number of SQL statements for a page of bulletins does not grow with the page. */
describe('bulletin list query count', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let token: string;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    const publisher = await createAgency(owner, 'BulNPub', [Role.SUPERVISOR], AgencyKind.POLICE, '100000');
    const reader = await createAgency(owner, 'BulNRead', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    const sup = (await login(app, publisher.users[Role.SUPERVISOR].email)).token;
    token = (await login(app, reader.users[Role.INVESTIGATOR].email)).token;
    const caseId = (await gql(app, 'mutation { createCase(input: { title: "投资诈骗案", fraudType: INVESTMENT, reportedOn: "2026-10-01" }) { id } }', {}, { token })).data
      ?.createCase.id as string;
    for (let i = 0; i < 5; i++) {
      const card = randomCard();
      const r = await gql(app, 'mutation($i: PublishBulletinInput!) { publishBulletin(input: $i) { id identifiers { canonical } } }', {
        i: {
          title: `预警 ${i}`, body: '正文', fraudType: 'INVESTMENT', handling: HANDLING, recipientAgencyIds: [reader.id],
          identifiers: [{ kind: 'BANK_CARD', value: card }, { kind: 'PHONE', value: randomMobile() }],
        },
      }, { token: sup });
      expect(r.errors).toBeUndefined();
      // A hit on the reader's case for each (written as the linker would; no worker runs here).
      await owner.query(`INSERT INTO bulletin_hits (bulletin_id, case_id, kind, canonical, agency_id) VALUES ($1, $2, 'BANK_CARD', $3, $4)`, [
        r.data?.publishBulletin.id, caseId, card, reader.id,
      ]);
    }
    // Warm the agency directory (new agencies), so that neither counted run reloads it.
    expect((await gql(app, PAGE, { n: 5 }, { token })).errors).toBeUndefined();
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  async function countQueries(n: number): Promise<{ queries: number; bulletins: number; identifiers: number; matches: number }> {
    const spy = jest.spyOn(PgClient.prototype, 'query');
    try {
      const r = await gql(app, PAGE, { n }, { token });
      expect(r.errors).toBeUndefined();
      const nodes = (r.data?.bulletins.edges ?? []).map((e: { node: { identifiers: unknown[]; matchingCases: unknown[] } }) => e.node);
      return {
        queries: spy.mock.calls.length, bulletins: nodes.length,
        identifiers: nodes.reduce((s: number, b: { identifiers: unknown[] }) => s + b.identifiers.length, 0),
        matches: nodes.reduce((s: number, b: { matchingCases: unknown[] }) => s + b.matchingCases.length, 0),
      };
    } finally {
      spy.mockRestore();
    }
  }

  it('reads 2 or 5 bulletins with their identifiers and matching cases in the same number of statements', async () => {
    const small = await countQueries(2);
    const large = await countQueries(5);
    expect(small).toMatchObject({ bulletins: 2, identifiers: 4, matches: 2 });
    expect(large).toMatchObject({ bulletins: 5, identifiers: 10, matches: 5 });
    expect(large.queries).toBe(small.queries);
    // Root: begin, acting agency, page (recipients and identifiers read with it), commit; then one short transaction for every matchingCases.
    expect(large.queries).toBeLessThanOrEqual(10);
  });
});
