import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, waitFor } from '../../test/worker-process';

/** Cards of a range no test registers for a bank (freezes are checked against the banks' registered prefixes). */
const card = () => randomCard('628415');

const EXAMPLE = join(__dirname, '../../../../examples/bank-client/bank-client.mjs');
const SEND_FREEZE = 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id reference } }';
const SEEN = `query($id: ID!) { request(id: $id) { state amountHeld balance downstream { toAccount bank amount }
  events { toState authorName agency { id } } } }`;

/**
 * The example machine client (examples/bank-client), run as it would be at a bank: a child process of its own, against
 * the api listening on a port, with only API_URL, CLIENT_ID, CLIENT_SECRET and a ledger. It must take its inbox and
 * answer freezes by itself: one sent before it started (its catch-up) and one sent while it listens (graphql-ws).
 */
describe('the example bank client answers freezes by itself', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let gd: TestAgency;
  let bank: TestAgency;
  let child: ChildProcess | undefined;
  let output = '';
  const t: Record<string, string> = {};

  beforeAll(async () => {
    owner = await ownerClient();
    gd = await createAgency(owner, 'ExGD', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    bank = await createAgency(owner, 'ExBank', [Role.ADMIN], AgencyKind.BANK, '110000');
    app = await startApi();
    await app.listen(0, '127.0.0.1');
    t['gd'] = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    t['admin'] = (await login(app, bank.users[Role.ADMIN].email)).token;
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await app?.close();
    await owner?.end();
  });

  it('acknowledges and answers with the amount held and the downstream transfers of its ledger, as its bank, by the client', async () => {
    const caseId = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
      i: { title: '示例客户端案件 example client case', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-11-20' },
    }, { token: t['gd'] })).data?.createCase.id as string;
    const freeze = async (account: string, amount: string) => {
      const r = await gql(app, SEND_FREEZE, {
        i: { caseId, bankAgencyId: bank.id, kind: 'EMERGENCY_STOP', account, amount, legalBasisDoc: '粤公(反诈)冻字[2026]777号' },
      }, { token: t['gd'] });
      if (!r.data) throw new Error(`sendFreezeRequest: ${JSON.stringify(r.errors)}`);
      return r.data.sendFreezeRequest.id as string;
    };
    const created = await gql(app, 'mutation($i: CreateMachineClientInput!) { createMachineClient(input: $i) { clientSecret client { clientId name } } }', {
      i: { name: '示例银行核心系统 example core banking', roles: ['LIAISON'] },
    }, { token: t['admin'] });
    const { clientSecret, client } = created.data?.createMachineClient as { clientSecret: string; client: { clientId: string; name: string } };

    // The ledger: the mule account's balance and where the money went on.
    const mule = card();
    const next = [randomCard('622848'), randomCard('621700')];
    const ledger = join(mkdtempSync(join(tmpdir(), 'caselink-bank-client-')), 'ledger.json');
    writeFileSync(ledger, JSON.stringify({
      accounts: {
        [mule]: {
          balance: '20000.00',
          downstream: [
            { toAccount: next[0], bank: '中国农业银行 ABC', amount: '9000.00', occurredAt: '2026-11-19T10:05:00Z' },
            { toAccount: next[1], bank: '中国建设银行 CCB', amount: '1000.00', occurredAt: '2026-11-19T10:07:00Z' },
          ],
        },
      },
    }));

    // One freeze waits in the inbox before the client starts; it must find it on connecting.
    const waiting = await freeze(card(), '5000');
    const { port } = app.getHttpServer().address() as AddressInfo;
    child = spawn(process.execPath, [EXAMPLE], {
      env: { PATH: process.env['PATH'] ?? '', API_URL: `http://127.0.0.1:${port}`, CLIENT_ID: client.clientId, CLIENT_SECRET: clientSecret, LEDGER_FILE: ledger },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const state = async (id: string) => (await gql(app, SEEN, { id }, { token: t['gd'] })).data?.request;
    const answered = (id: string) => waitFor(async () => {
      if (child?.exitCode !== null) throw new Error(`the example client exited: ${output}`);
      const r = await state(id);
      return r && r.state !== 'SENT' && r.state !== 'ACKNOWLEDGED' ? r : undefined;
    }, `the example client to answer (${output.split('\n').slice(-5).join(' | ')})`, 30_000);

    expect(await answered(waiting)).toMatchObject({ state: 'FROZEN', amountHeld: '5000.00', downstream: [] });
    await waitFor(async () => (output.includes('"listening"') ? true : undefined), 'the example client to listen');

    // A freeze sent while it listens reaches it live, and it answers from its ledger.
    const live = await freeze(mule, '12000');
    const r = await answered(live);
    expect(r).toMatchObject({ state: 'FROZEN', amountHeld: '12000.00', balance: '20000.00' });
    expect(r.downstream).toEqual([
      { toAccount: next[0], bank: '中国农业银行 ABC', amount: '9000.00' },
      { toAccount: next[1], bank: '中国建设银行 CCB', amount: '1000.00' },
    ]);
    const moves = r.events.filter((e: { toState: string | null }) => e.toState === 'ACKNOWLEDGED' || e.toState === 'FROZEN');
    expect(moves).toEqual([
      { toState: 'ACKNOWLEDGED', authorName: expect.stringContaining(client.name), agency: { id: bank.id } },
      { toState: 'FROZEN', authorName: expect.stringContaining(client.name), agency: { id: bank.id } },
    ]);
    // The downstream accounts join the case as clues (linking and the fund trace go on from them).
    const clues = await owner.query<{ canonical: string }>('SELECT canonical FROM identifiers WHERE case_id = $1', [caseId]);
    expect(clues.rows.map((c) => c.canonical)).toEqual(expect.arrayContaining(next));
    expect(output).toContain('"answered"');
  });
});
