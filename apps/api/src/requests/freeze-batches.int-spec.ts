import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard } from '../../test/worker-process';

const BATCH = `id caseId clientKey transferId fundTraceRunId replayed legalBasisDoc createdByName
  items { position account accountKind amountAsked outcome matchedPrefix bank { id } state amountHeld deadlineAt overdue request { id state toAgency { id } } }
  banks { bank { id } items awaiting holding ended overdue amountAsked amountHeld }
  totals { items sent alreadyLive notSent awaiting holding ended overdue amountAsked amountHeld nextDeadlineAt firstHeldAt }`;
const SEND = `mutation($i: SendEmergencyStopsInput!) { sendEmergencyStops(input: $i) { ${BATCH} } }`;
const GET = `query($id: ID!) { freezeBatch(id: $id) { ${BATCH} } }`;
const OF_CASE = 'query($c: ID!) { caseFreezeBatches(caseId: $c) { id } }';
const ANSWER = 'mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { state } }';

/** An 8-digit prefix no other spec's cards start with (theirs are 62…). */
const prefix = (lead = '9') => `${lead}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: '42501' });

type Batch = Record<string, any>;

/**
 * Batch emergency stops from a trace (issue 16 part 2): the victim's money reached a mule card at bank 1 and went on to
 * cards at banks 2 and 3, an account no bank registered and a wallet. One mutation sends three stops, each to its
 * account's issuing bank, and lists the other two back; a retry sends nothing twice; the batch page follows the banks'
 * answers; only the sending agency's case workers read it — through GraphQL and straight at PostgreSQL.
 */
describe('freeze batches: emergency stops from a trace, each to its bank', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let zj: TestAgency;
  const banks: TestAgency[] = [];
  const prefixes = [prefix(), prefix(), prefix()];
  const t: Record<string, string> = {};
  let caseId: string;
  let start: string;
  const mule = randomCard(prefixes[0]);
  const hop2 = randomCard(prefixes[1]);
  const hop3 = randomCard(prefixes[2]);
  const unknown = randomCard(prefix('8'));
  const wallet = `0x${randomUUID().replace(/-/g, '')}abcdef01`;
  let batch: Batch;

  const send = async (input: Record<string, unknown>, token = t['gd']) => gql(app, SEND, { i: { legalBasisDoc: '粤公(反诈)止付字[2026]777号', ...input } }, { token });
  const requestsOfCase = async () => (await owner.query<{ id: string; to_agency_id: string; account_canonical: string; state: string }>(
    'SELECT id, to_agency_id, account_canonical, state FROM agency_requests WHERE case_id = $1 ORDER BY account_canonical', [caseId])).rows;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'BatchGD', [Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'BatchZJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    for (let i = 0; i < 3; i++) banks.push(await createAgency(owner, `BatchBank${i + 1}`, [Role.ADMIN, Role.LIAISON], AgencyKind.BANK, '110000'));
    app = await startApi();
    for (const [k, a, r] of [
      ['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['gdAnalyst', gd, Role.ANALYST], ['zj', zj, Role.INVESTIGATOR],
      ...banks.flatMap((b, i) => [[`bank${i + 1}`, b, Role.LIAISON], [`bank${i + 1}Admin`, b, Role.ADMIN]] as const),
    ] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    for (let i = 0; i < 3; i++) {
      const r = await gql(app, 'mutation($i: AddBankPrefixesInput!) { addBankPrefixes(input: $i) { prefix } }', { i: { prefixes: [prefixes[i]] } }, { token: t[`bank${i + 1}Admin`] });
      expect(r.errors).toBeUndefined();
    }
    caseId = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '批量止付测试', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token: t['gd'] })).data?.createCase.id;
    const st = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { transfers { id } } }', {
      i: {
        caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '被诱导转账', reportedLoss: '100000', victim: { name: '赵九' },
        transfers: [{ fromAccount: randomCard('622202'), toAccount: mule, amount: '100000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }],
      },
    }, { token: t['gd'] });
    start = st.data?.addStatement.transfers[0].id;
    // Where the banks' answers said the money went on (as record_downstream_transfers writes them).
    const hop = (to: string, kind: string, amount: string, at: string) => owner.query(
      `INSERT INTO transfers (case_id, agency_id, source, from_account, to_account, amount, occurred_at, channel, from_kind, from_canonical, to_kind, to_canonical)
       VALUES ($1, $2, 'BANK_RESPONSE', $3, $4, $5, $6, 'BANK_TRANSFER', 'BANK_CARD', $3, $7, $4)`,
      [caseId, gd.id, mule, to, amount, at, kind],
    );
    await hop(hop2, 'BANK_CARD', '30000.00', '2026-11-19T11:00:00Z');
    await hop(hop3, 'BANK_CARD', '20000.00', '2026-11-19T11:05:00Z');
    await hop(unknown, 'BANK_CARD', '10000.00', '2026-11-19T11:10:00Z');
    await hop(wallet, 'CRYPTO_WALLET', '5000.00', '2026-11-19T11:15:00Z');
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
    await pool?.end();
  });

  it('refuses a bad batch naming the field, and sends nothing', async () => {
    for (const [input, field, code] of [
      [{ clientKey: 'k', transferId: start, fundTraceRunId: randomUUID() }, 'input.transferId', 'BAD_USER_INPUT'],
      [{ clientKey: 'k' }, 'input.transferId', 'BAD_USER_INPUT'],
      [{ clientKey: 'k', transferId: start, legalBasisDoc: ' ' }, 'input.legalBasisDoc', 'BAD_USER_INPUT'],
      [{ clientKey: 'k', transferId: start, accounts: [mule, randomCard()] }, 'input.accounts.1', 'BAD_USER_INPUT'],
      [{ clientKey: 'k', transferId: start, maxHops: 7 }, 'input.maxHops', 'BAD_USER_INPUT'],
      [{ clientKey: '', transferId: start }, 'input.clientKey', 'BAD_USER_INPUT'],
    ] as const) {
      const r = await send(input);
      expect({ field, ext: r.errors?.[0].extensions }).toEqual({ field, ext: expect.objectContaining({ code, field }) });
    }
    // Another province cannot see the transfer; a bank and an analyst may not send at all.
    expect(codeOf(await send({ clientKey: 'k', transferId: start }, t['zj']))).toBe('NOT_FOUND');
    expect(codeOf(await send({ clientKey: 'k', transferId: start }, t['bank1']))).toBe('FORBIDDEN');
    expect(codeOf(await send({ clientKey: 'k', transferId: start }, t['gdAnalyst']))).toBe('FORBIDDEN');
    expect(await requestsOfCase()).toEqual([]);
    expect((await owner.query('SELECT count(*)::int AS n FROM freeze_batches WHERE case_id = $1', [caseId])).rows[0].n).toBe(0);
  });

  it('three accounts at three banks: three stops, each at its bank; the unknown account and the wallet are listed back, not sent', async () => {
    const r = await send({ clientKey: 'stop-all-1', transferId: start });
    expect(r.errors).toBeUndefined();
    batch = r.data?.sendEmergencyStops;
    expect(batch).toMatchObject({ caseId, clientKey: 'stop-all-1', transferId: start, fundTraceRunId: null, replayed: false, createdByName: gd.users[Role.INVESTIGATOR].email });
    const items = batch['items'].map((i: Batch) => [i.account, i.outcome, i.amountAsked, i.bank?.id ?? null, i.matchedPrefix, i.request?.toAgency.id ?? null, i.state]);
    expect(items).toEqual([
      [mule, 'SENT', '35000.00', banks[0].id, prefixes[0], banks[0].id, 'SENT'],
      [hop2, 'SENT', '30000.00', banks[1].id, prefixes[1], banks[1].id, 'SENT'],
      [hop3, 'SENT', '20000.00', banks[2].id, prefixes[2], banks[2].id, 'SENT'],
      [unknown, 'UNKNOWN_BANK', '10000.00', null, null, null, null],
      [wallet, 'NOT_A_BANK_ACCOUNT', '5000.00', null, null, null, null],
    ]);
    expect(batch['items'].slice(0, 3).every((i: Batch) => i.deadlineAt && !i.overdue)).toBe(true);
    expect(batch['totals']).toMatchObject({
      items: 5, sent: 3, alreadyLive: 0, notSent: 2, awaiting: 3, holding: 0, ended: 0, overdue: 0, amountAsked: '85000.00', amountHeld: '0.00', firstHeldAt: null,
    });
    expect(batch['totals'].nextDeadlineAt).toBe(batch['items'][0].deadlineAt);
    expect(batch['banks'].map((b: Batch) => [b.bank.id, b.items, b.awaiting, b.amountAsked]).sort()).toEqual([
      [banks[0].id, 1, 1, '35000.00'], [banks[1].id, 1, 1, '30000.00'], [banks[2].id, 1, 1, '20000.00'],
    ].sort());
    // In the database: three emergency stops, each addressed to the bank that issues its account.
    expect((await requestsOfCase()).map((x) => [x.account_canonical, x.to_agency_id, x.state])).toEqual(
      [[mule, banks[0].id, 'SENT'], [hop2, banks[1].id, 'SENT'], [hop3, banks[2].id, 'SENT']].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    // Each bank finds its stop in its inbox, and only its own.
    for (let i = 0; i < 3; i++) {
      const inbox = await gql(app, '{ requests(direction: INCOMING, first: 50) { edges { node { account kind caseNumber } } } }', {}, { token: t[`bank${i + 1}`] });
      expect(inbox.data?.requests.edges.map((e: Batch) => [e.node.account, e.node.kind])).toEqual([[[mule, hop2, hop3][i], 'EMERGENCY_STOP']]);
    }
    const audit = await owner.query(`SELECT details FROM audit_events WHERE agency_id = $1 AND action = 'FREEZE_BATCH_SENT' AND entity_id = $2`, [gd.id, batch['id']]);
    expect(audit.rows[0].details).toMatchObject({ sent: 3, alreadyLive: 0, unknownBank: 1, notABankAccount: 1 });
  });

  it('a retry sends nothing twice: the same key answers the same batch; a new key finds the stops live; the key for another trace is a CONFLICT', async () => {
    const before = await requestsOfCase();
    const again = await send({ clientKey: 'stop-all-1', transferId: start });
    expect(again.data?.sendEmergencyStops).toMatchObject({ id: batch['id'], replayed: true, totals: { sent: 3 } });
    // Twice at once with the same key: one batch.
    const raced = await Promise.all([send({ clientKey: 'stop-all-2', transferId: start }, t['gdSup']), send({ clientKey: 'stop-all-2', transferId: start }, t['gd'])]);
    expect(raced.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(raced[0].data?.sendEmergencyStops.id).toBe(raced[1].data?.sendEmergencyStops.id);
    // A new key: every stop is live already, none is sent again.
    expect(raced[0].data?.sendEmergencyStops.items.map((i: Batch) => [i.outcome, i.request?.id ?? null])).toEqual([
      ...batch['items'].slice(0, 3).map((i: Batch) => ['ALREADY_LIVE', i.request.id]), ['UNKNOWN_BANK', null], ['NOT_A_BANK_ACCOUNT', null],
    ]);
    expect(await requestsOfCase()).toEqual(before);
    expect((await owner.query('SELECT count(*)::int AS n FROM freeze_batches WHERE case_id = $1', [caseId])).rows[0].n).toBe(2);
    const other = await send({ clientKey: 'stop-all-1', fundTraceRunId: randomUUID() });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientKey', batchId: batch['id'] });
  });

  it('the batch page follows the banks: per item state and amount held, per bank counts, totals, the first hold', async () => {
    const [first, second] = batch['items'];
    const onward = randomCard(prefixes[2]);
    expect((await gql(app, ANSWER, {
      i: { id: second.request.id, outcome: 'PARTIALLY_FROZEN', amountHeld: '12000.50', balance: '12000.50', downstream: [{ toAccount: onward, amount: '5000', occurredAt: '2026-11-19T12:00:00Z' }] },
    }, { token: t['bank2'] })).errors).toBeUndefined();
    // Where the bank says the money went on names its issuing bank: the next stop's address.
    const answered = await gql(app, 'query($id: ID!) { request(id: $id) { downstream { toAccount issuingBank { prefix bank { id } } } } }', { id: second.request.id }, { token: t['gd'] });
    expect(answered.data?.request.downstream).toEqual([{ toAccount: onward, issuingBank: { prefix: prefixes[2], bank: { id: banks[2].id } } }]);
    expect((await gql(app, ANSWER, { i: { id: first.request.id, outcome: 'NO_FUNDS' } }, { token: t['bank1'] })).errors).toBeUndefined();
    const page = (await gql(app, GET, { id: batch['id'] }, { token: t['gdSup'] })).data?.freezeBatch;
    expect(page.items.slice(0, 3).map((i: Batch) => [i.state, i.amountHeld])).toEqual([['NO_FUNDS', null], ['PARTIALLY_FROZEN', '12000.50'], ['SENT', null]]);
    expect(page.totals).toMatchObject({ sent: 3, awaiting: 1, holding: 1, ended: 1, amountHeld: '12000.50', nextDeadlineAt: page.items[2].deadlineAt });
    expect(page.totals.firstHeldAt).toEqual(expect.any(String));
    expect(page.banks.find((b: Batch) => b.bank.id === banks[1].id)).toMatchObject({ items: 1, awaiting: 0, holding: 1, ended: 0, amountHeld: '12000.50' });
    expect(page.banks.find((b: Batch) => b.bank.id === banks[0].id)).toMatchObject({ awaiting: 0, holding: 0, ended: 1 });
    expect((await gql(app, OF_CASE, { c: caseId }, { token: t['gd'] })).data?.caseFreezeBatches.map((b: Batch) => b.id)).toContain(batch['id']);
  });

  it('another agency cannot read the batch: GraphQL, and straight at PostgreSQL as the app role (no update, no delete)', async () => {
    expect(codeOf(await gql(app, GET, { id: batch['id'] }, { token: t['zj'] }))).toBe('NOT_FOUND');
    expect((await gql(app, OF_CASE, { c: caseId }, { token: t['zj'] })).data?.caseFreezeBatches).toEqual([]);
    for (const who of ['bank1', 'gdAnalyst']) expect(codeOf(await gql(app, GET, { id: batch['id'] }, { token: t[who] }))).toBe('FORBIDDEN');

    const seen = async (agencyId: string, roles: string[]) => [
      (await asAgency<{ n: number }>(pool, agencyId, 'SELECT count(*)::int AS n FROM freeze_batches WHERE id = $1', [batch['id']], roles))[0].n,
      (await asAgency<{ n: number }>(pool, agencyId, 'SELECT count(*)::int AS n FROM freeze_batch_items WHERE batch_id = $1', [batch['id']], roles))[0].n,
    ];
    expect(await seen(gd.id, ['INVESTIGATOR'])).toEqual([1, 5]);
    expect(await seen(gd.id, ['ANALYST'])).toEqual([0, 0]);
    expect(await seen(zj.id, ['INVESTIGATOR', 'SUPERVISOR'])).toEqual([0, 0]);
    expect(await seen(banks[0].id, ['LIAISON', 'ADMIN'])).toEqual([0, 0]);
    // Writing a batch for a case the agency may not act on, or items into another agency's batch: refused.
    await refused(asAgency(pool, zj.id, `INSERT INTO freeze_batches (agency_id, case_id, client_key, transfer_id, max_hops, legal_basis_doc, created_by)
      VALUES ($1, $2, 'x', $3, 6, 'doc', $4)`, [zj.id, caseId, start, zj.users[Role.INVESTIGATOR].id], ['INVESTIGATOR'], zj.users[Role.INVESTIGATOR].id));
    await refused(asAgency(pool, zj.id, `INSERT INTO freeze_batch_items (batch_id, agency_id, position, account, account_kind, account_canonical, amount, outcome)
      VALUES ($1, $2, 99, 'x', 'BANK_CARD', 'x', 1, 'UNKNOWN_BANK')`, [batch['id'], zj.id], ['INVESTIGATOR']));
    // No one changes or deletes a batch, not even its own agency.
    for (const sql of [
      `UPDATE freeze_batches SET legal_basis_doc = 'x' WHERE id = $1`, 'DELETE FROM freeze_batches WHERE id = $1',
      `UPDATE freeze_batch_items SET outcome = 'SENT' WHERE batch_id = $1`, 'DELETE FROM freeze_batch_items WHERE batch_id = $1',
    ]) {
      await refused(asAgency(pool, gd.id, sql, [batch['id']], ['INVESTIGATOR', 'SUPERVISOR']));
      await refused(asAgency(pool, zj.id, sql, [batch['id']], ['INVESTIGATOR']));
    }
    expect(await seen(gd.id, ['SUPERVISOR'])).toEqual([1, 5]);
  });

  it('sends from a background trace once it is DONE', async () => {
    const run = await gql(app, 'mutation($id: ID!) { startFundTrace(transferId: $id, maxHops: 12) { id state } }', { id: start }, { token: t['gd'] });
    expect(run.errors).toBeUndefined();
    const runId = run.data?.startFundTrace.id;
    const early = await send({ clientKey: 'from-run', fundTraceRunId: runId });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.fundTraceRunId', currentState: expect.stringMatching(/QUEUED|RUNNING/) });
    // As the worker stores a finished trace: one last-seen account, at bank 3, on a card no stop was sent for yet.
    const fresh = randomCard(prefixes[2]);
    await owner.query(`INSERT INTO transfers (case_id, agency_id, source, from_account, to_account, amount, occurred_at, channel, from_kind, from_canonical, to_kind, to_canonical)
      VALUES ($1, $2, 'BANK_RESPONSE', $3, $4, 1000, '2026-11-19T12:00:00Z', 'BANK_TRANSFER', 'BANK_CARD', $3, 'BANK_CARD', $4)`, [caseId, gd.id, hop3, fresh]);
    const node = { key: fresh, kind: 'BANK_CARD', label: fresh, bank: null, depth: 2, inCents: 100000, heldCents: 100000, cycle: false, atDepthLimit: false };
    const result = { nodes: [node], edges: [], lastSeen: [node], hops: 2, truncated: false };
    await owner.query(`UPDATE fund_traces SET state = 'DONE', result = $2, finished_at = now() WHERE id = $1`, [runId, JSON.stringify(result)]);
    const r = await send({ clientKey: 'from-run', fundTraceRunId: runId });
    expect(r.errors).toBeUndefined();
    expect(r.data?.sendEmergencyStops).toMatchObject({ fundTraceRunId: runId, transferId: start, totals: { sent: 1 } });
    expect(r.data?.sendEmergencyStops.items).toEqual([expect.objectContaining({ account: fresh, outcome: 'SENT', amountAsked: '1000.00', bank: { id: banks[2].id } })]);
  });
});
