import { Client as PgClient } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi } from '../../test/harness';

const PAGE = `query($n: Int!) { cases(first: $n) { totalCount edges { node { id caseNumber owner { name }
  statements { id reportedLoss agency { name } victim { name phone } transfers { toAccount amount } } identifiers { canonical } attachments { id } } } } }`;

/** No N+1: the number of SQL statements for a page does not grow with the page. */
describe('case list query count', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let token: string;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    const gd = await createAgency(owner, 'NPlus1', [Role.INVESTIGATOR]);
    token = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    for (let i = 0; i < 50; i++) {
      const c = await gql(app, 'mutation($t: String!) { createCase(input: { title: $t, fraudType: INVESTMENT, reportedOn: "2026-10-01" }) { id } }', { t: `批量案件 ${i}` }, { token });
      for (let s = 0; s < 2; s++) {
        const r = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
          i: {
            caseId: c.data?.createCase.id, takenAt: '2026-10-02T08:00:00Z', place: '派出所', narrative: '投资理财诈骗', reportedLoss: '1000.00',
            victim: { name: `受害人${i}-${s}`, phone: '13912345678' },
            transfers: [{ fromAccount: '6222021001123456789', toAccount: '6217000012345678907', amount: '1000.00', occurredAt: '2026-10-01T08:00:00Z', channel: 'BANK_TRANSFER' }],
          },
        }, { token });
        expect(r.errors).toBeUndefined();
      }
    }
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  async function countQueries(n: number): Promise<{ queries: number; cases: number; statements: number }> {
    const spy = jest.spyOn(PgClient.prototype, 'query');
    try {
      const r = await gql(app, PAGE, { n }, { token });
      expect(r.errors).toBeUndefined();
      const edges = r.data?.cases.edges ?? [];
      return { queries: spy.mock.calls.length, cases: edges.length, statements: edges.reduce((s: number, e: any) => s + e.node.statements.length, 0) };
    } finally {
      spy.mockRestore();
    }
  }

  it('accepts the full page query written with a literal first: 50 (within the cost limit)', async () => {
    const r = await gql(app, PAGE.replace('query($n: Int!) { cases(first: $n)', '{ cases(first: 50)'), {}, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data?.cases.edges).toHaveLength(50);
  });

  it('reads a page of 50 cases with statements, victims, transfers, identifiers and attachments in a bounded number of statements', async () => {
    const small = await countQueries(5);
    const large = await countQueries(50);
    expect(large).toMatchObject({ cases: 50, statements: 100 });
    expect(large.queries).toBe(small.queries);
    // root: begin, acting agency, active check, count, page, shares, commit; then one short transaction per loader level.
    expect(large.queries).toBeLessThanOrEqual(30);
  });
});
