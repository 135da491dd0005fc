import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AgencyKind, Role } from '@caselink/domain';
import { countStatements, reportStatements } from '../../test/statement-counter';
import { createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard } from '../../test/worker-process';

const SEND_FREEZE = `mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id reference state deadlineAt deadlineColour caseId allowedTransitions } }`;

/**
 * How many SQL statements one freeze send costs (issue 15): every statement the api sends to PostgreSQL while it
 * answers the mutation, from START TRANSACTION to COMMIT, counted on the query runners of the api's DataSource.
 * A count, not a time: the bound below holds on any machine.
 */
describe('requests: statements per freeze send', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let gd: TestAgency;
  let bank: TestAgency;
  let token: string;
  let caseId: string;
  let transferId: string;
  let count: ReturnType<typeof countStatements>;

  beforeAll(async () => {
    owner = await ownerClient();
    gd = await createAgency(owner, 'StmtGD', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    bank = await createAgency(owner, 'StmtBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    app = await startApi();
    count = countStatements(app.get(DataSource));
    token = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    const created = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '语句计数', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-11-20' } }, { token });
    caseId = created.data?.createCase.id;
    const st = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { transfers { id } } }', {
      i: {
        caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '转账', reportedLoss: '30000', victim: { name: '周八' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: randomCard(), amount: '30000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }],
      },
    }, { token });
    transferId = st.data?.addStatement.transfers[0].id;
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const send = (extra: Record<string, unknown> = {}) => gql(app, SEND_FREEZE, {
    i: { caseId, bankAgencyId: bank.id, kind: 'EMERGENCY_STOP', account: randomCard(), amount: '30000', legalBasisDoc: '粤公(反诈)冻字[2026]001号', sourceTransferId: transferId, ...extra },
  }, { token });

  const statementsOf = async (work: () => Promise<unknown>): Promise<string[]> => (await count(work)).statements;

  it('sends a freeze in at most 8 statements, reading the request row once', async () => {
    await send(); // warm: the agency directory is cached, as in a running api
    let result: Awaited<ReturnType<typeof send>> | undefined;
    const statements = await statementsOf(async () => (result = await send()));
    expect(result?.errors).toBeUndefined();
    expect(result?.data?.sendFreezeRequest.state).toBe('SENT');
    // For docs/benchmarks.md: the statements themselves.
    reportStatements('freeze send', statements);
    expect(statements.filter((s) => /^(START TRANSACTION|BEGIN)/.test(s))).toHaveLength(1);
    expect(statements.at(-1)).toBe('COMMIT');
    expect(statements.filter((s) => /FROM agency_requests r WHERE r\.id = \$1/.test(s))).toHaveLength(0);
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  it('a draft sent later costs no more than sending at once', async () => {
    const draft = await send({ draft: true });
    expect(draft.data?.sendFreezeRequest.state).toBe('DRAFT');
    const statements = await statementsOf(() => gql(app, 'mutation($id: ID!) { sendDraft(id: $id) { state } }', { id: draft.data?.sendFreezeRequest.id }, { token }));
    process.stdout.write(`draft sent: ${statements.length} statements\n`);
    expect(statements.length).toBeLessThanOrEqual(8);
  });
});
