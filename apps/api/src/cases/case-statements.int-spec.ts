import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AgencyKind, Role } from '@caselink/domain';
import { countStatements, reportStatements } from '../../test/statement-counter';
import { createAgency, gql, GqlResult, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard } from '../../test/worker-process';

// The portal's case page and case list, as the portal sends them (apps/portal/src/app/cases).
const AGENCY = 'id name kind region';
const CASE_SUMMARY = `id caseNumber title fraudType status provinces totalLoss victimCount reportedOn sensitivity owner { ${AGENCY} } viewerAccess`;
const CASE_DETAIL = `${CASE_SUMMARY} description createdAt updatedAt handling { mayPassOn mayUseInCourt mustAskBeforeActing } allowedTransitions
  statements { id takenAt place province narrative reportedLoss createdAt takenByName agency { ${AGENCY} }
    victim { id name age gender province idNumber phone personalDataMasked } transfers { id fromAccount toAccount bank amount occurredAt channel } }
  identifiers { id kind rawValue canonical source statementId note createdAt }
  shares { id agency { ${AGENCY} } access handling { mayPassOn mayUseInCourt mustAskBeforeActing } grantedAt revokedAt }
  attachments { id statementId fileName contentType sizeBytes sha256 downloadPath createdAt purgedAt }
  legalHold { caseId reason setAt setByEmail }`;
const CASE_PAGE = `query($id: ID!) { case(id: $id) { ${CASE_DETAIL} } }`;
// The same page written as the portal's generated documents send it: fragments, nested ones too.
const CASE_PAGE_FRAGMENTS = `query($id: ID!) { case(id: $id) { ...CaseDetail } }
  fragment CaseDetail on Case { id ... on Case { ...Nested } }
  fragment Nested on Case { ${CASE_DETAIL} }`;
const CASE_LIST = `query { cases(first: 20) { edges { cursor node { ${CASE_SUMMARY} } } pageInfo { hasNextPage endCursor } totalCount } }`;

/**
 * How many SQL statements the case page and the case list cost (issue 15): every statement the api sends to
 * PostgreSQL while it answers, counted on the query runners of the api's DataSource. A count, not a time. The
 * figures go to docs/benchmarks.md; the bounds keep a per-row query (N+1) from creeping back.
 */
describe('cases: statements per case page and case list', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let gd: TestAgency;
  let zj: TestAgency;
  let token: string;
  let caseId: string;
  let count: ReturnType<typeof countStatements>;

  beforeAll(async () => {
    owner = await ownerClient();
    gd = await createAgency(owner, 'CaseStmtGD', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'CaseStmtZJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    app = await startApi();
    count = countStatements(app.get(DataSource));
    token = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    for (let n = 0; n < 20; n++) {
      const created = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: `语句计数 ${n}`, fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-11-20' } }, { token });
      caseId = created.data?.createCase.id;
    }
    // The case on the page: three statements with two transfers each, shared with another province.
    for (let s = 0; s < 3; s++) {
      const st = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
        i: {
          caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '转账', reportedLoss: '30000', victim: { name: `周${s}`, idNumber: '11010519491231002X', phone: '13812345678' },
          transfers: [0, 1].map(() => ({ fromAccount: randomCard('622848'), toAccount: randomCard(), amount: '15000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' })),
        },
      }, { token });
      expect(st.errors).toBeUndefined();
    }
    const share = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', { i: { caseId, agencyId: zj.id, access: 'READ', mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true } }, { token: (await login(app, gd.users[Role.SUPERVISOR].email)).token });
    expect(share.errors).toBeUndefined();
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const statementsOf = async (work: () => Promise<unknown>): Promise<string[]> => (await count(work)).statements;
  const transactions = (statements: string[]) => statements.filter((s) => /^(START TRANSACTION|BEGIN)/.test(s)).length;

  it('answers the case page in one transaction without a statement per row', async () => {
    await gql(app, CASE_PAGE, { id: caseId }, { token }); // warm: the agency directory is cached, as in a running api
    let result: GqlResult<Record<string, any>> | undefined;
    const statements = await statementsOf(async () => (result = await gql(app, CASE_PAGE, { id: caseId }, { token })));
    expect(result?.errors).toBeUndefined();
    expect(result?.data?.case.statements).toHaveLength(3);
    expect(result?.data?.case.statements[0].transfers).toHaveLength(2);
    expect(result?.data?.case.shares).toHaveLength(1);
    reportStatements('case page', statements);
    // Before (issue 15, part 5): 27 statements in 6 transactions, one per nested field. Now the root field reads what
    // its selection asks for in its own transaction: 10 statements.
    expect(transactions(statements)).toBe(1);
    expect(statements.length).toBeLessThanOrEqual(10);
  });

  it('answers the case page sent with fragments, as the portal sends it, the same way', async () => {
    await gql(app, CASE_PAGE_FRAGMENTS, { id: caseId }, { token });
    let result: GqlResult<Record<string, any>> | undefined;
    const statements = await statementsOf(async () => (result = await gql(app, CASE_PAGE_FRAGMENTS, { id: caseId }, { token })));
    expect(result?.errors).toBeUndefined();
    expect(result?.data?.case.statements).toHaveLength(3);
    expect(transactions(statements)).toBe(1);
    expect(statements.length).toBeLessThanOrEqual(10);
  });

  it('reads the nested fields of a case it did not prime in one more transaction, not one per field', async () => {
    const detail = 'id statements { id } identifiers { id } shares { id } attachments { id } legalHold { caseId }';
    let result: GqlResult<Record<string, any>> | undefined;
    const statements = await statementsOf(async () => (result = await gql(
      app, `mutation($i: CreateCaseInput!) { createCase(input: $i) { ${detail} } }`, { i: { title: '嵌套字段', fraudType: 'OTHER', reportedOn: '2026-11-20' } }, { token },
    )));
    expect(result?.errors).toBeUndefined();
    expect(result?.data?.createCase).toMatchObject({ statements: [], identifiers: [], shares: [], attachments: [], legalHold: null });
    reportStatements('created case with nested fields', statements);
    expect(transactions(statements)).toBe(2);
  });

  it('answers a page of 20 cases without a statement per case', async () => {
    await gql(app, CASE_LIST, {}, { token });
    let result: GqlResult<Record<string, any>> | undefined;
    const statements = await statementsOf(async () => (result = await gql(app, CASE_LIST, {}, { token })));
    expect(result?.errors).toBeUndefined();
    expect(result?.data?.cases.edges).toHaveLength(20);
    reportStatements('case list (20)', statements);
    expect(transactions(statements)).toBe(1);
    expect(statements.length).toBeLessThanOrEqual(5);
  });
});
