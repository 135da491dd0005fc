import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard } from '../../test/worker-process';

const ADD = 'mutation($i: AddBankPrefixesInput!) { addBankPrefixes(input: $i) { prefix label removable bank { id name } } }';
const REMOVE = 'mutation($p: String!) { removeBankPrefix(prefix: $p) }';
const LIST = 'query($b: ID) { bankPrefixes(bankAgencyId: $b) { prefix bank { id } removable } }';
const ROUTE = 'query($a: String!) { issuingBank(account: $a) { prefix bank { id name nameEn kind } } }';
const SEND_FREEZE = 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id state toAgency { id } } }';

/** An 8-digit prefix no other spec's cards start with (theirs are 62…): the routing here is this spec's alone. */
const prefix = (lead = '9') => `${lead}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: '42501' });

/**
 * Freezes find their bank (issue 16 part 1): banks register the card BINs / account prefixes they issue (their admins,
 * audited), every agency reads them, an account routes to the bank of its longest registered prefix — on the query,
 * on clues, on payment trails and on fund-trace nodes — and a freeze for a bank that does not issue its account is
 * refused naming the bank that does, by the api and again by PostgreSQL. Need-to-know of the prefix table through
 * GraphQL and straight at the database as the app role.
 */
describe('bank routing: prefixes, longest-prefix match, the wrong bank refused', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let bankA: TestAgency;
  let bankB: TestAgency;
  let telecom: TestAgency;
  const t: Record<string, string> = {};
  const pA = prefix();
  const pA2 = prefix();
  const pB = prefix();
  // A longer prefix inside bank A's range, registered by bank B: cards starting with it are B's.
  const pInside = `${pA}55`;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'RouteGD', [Role.INVESTIGATOR, Role.ANALYST, Role.ADMIN], AgencyKind.POLICE, '440000');
    bankA = await createAgency(owner, 'RouteBankA', [Role.ADMIN, Role.LIAISON], AgencyKind.BANK, '110000');
    bankB = await createAgency(owner, 'RouteBankB', [Role.ADMIN, Role.LIAISON], AgencyKind.BANK, '310000');
    telecom = await createAgency(owner, 'RouteTel', [Role.LIAISON], AgencyKind.TELECOM, '110000');
    app = await startApi();
    for (const [k, a, r] of [
      ['gd', gd, Role.INVESTIGATOR], ['gdAnalyst', gd, Role.ANALYST], ['gdAdmin', gd, Role.ADMIN], ['aAdmin', bankA, Role.ADMIN], ['aLiaison', bankA, Role.LIAISON],
      ['bAdmin', bankB, Role.ADMIN], ['bLiaison', bankB, Role.LIAISON], ['telecom', telecom, Role.LIAISON],
    ] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
    await pool?.end();
  });

  it("a bank's admin registers its prefixes, validated and audited; another bank's prefix is a CONFLICT naming that bank, and nothing is written", async () => {
    for (const [value, why] of [['62a202', /digits only/], ['123', /4 to 12 digits/], ['1234567890123', /4 to 12 digits/]] as const) {
      const r = await gql(app, ADD, { i: { prefixes: [pA, value] } }, { token: t['aAdmin'] });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.prefixes.1' });
      expect(r.errors?.[0].message).toMatch(why);
    }
    expect((await owner.query('SELECT count(*)::int AS n FROM bank_prefixes WHERE prefix = $1', [pA])).rows[0].n).toBe(0);

    const added = await gql(app, ADD, { i: { prefixes: [pA, ` ${pA2} `, pA], label: '测试借记卡 test debit cards' } }, { token: t['aAdmin'] });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addBankPrefixes).toEqual([
      { prefix: pA, label: '测试借记卡 test debit cards', removable: true, bank: { id: bankA.id, name: bankA.name } },
      { prefix: pA2, label: '测试借记卡 test debit cards', removable: true, bank: { id: bankA.id, name: bankA.name } },
    ]);
    // Again: kept as it is (no error, no second row).
    expect((await gql(app, ADD, { i: { prefixes: [pA] } }, { token: t['aAdmin'] })).data?.addBankPrefixes).toHaveLength(1);
    expect((await gql(app, ADD, { i: { prefixes: [pB, pInside] } }, { token: t['bAdmin'] })).errors).toBeUndefined();

    // Bank B cannot take bank A's prefix: CONFLICT naming bank A, in both languages, with its id; all or nothing.
    const fresh = prefix();
    const taken = await gql(app, ADD, { i: { prefixes: [fresh, pA2] } }, { token: t['bAdmin'] });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.prefixes.1', reason: 'PREFIX_TAKEN', prefix: pA2, bankAgencyId: bankA.id });
    expect(taken.errors?.[0].message).toContain(`registered by ${bankA.name} · 前缀 ${pA2} 已由${bankA.name}登记`);
    expect((await owner.query('SELECT count(*)::int AS n FROM bank_prefixes WHERE prefix = $1', [fresh])).rows[0].n).toBe(0);

    const audit = await owner.query<{ details: { prefixes: string[] } }>(
      `SELECT details FROM audit_events WHERE agency_id = $1 AND action = 'BANK_PREFIXES_ADDED' ORDER BY sequence`, [bankA.id]);
    expect(audit.rows.map((r) => r.details.prefixes)).toEqual([[pA, pA2]]);
  });

  it('every agency reads the prefixes; only the bank\'s own admin changes them (GraphQL)', async () => {
    for (const who of ['gd', 'gdAnalyst', 'aLiaison', 'bAdmin', 'telecom']) {
      const r = await gql(app, LIST, { b: bankA.id }, { token: t[who] });
      expect({ who, prefixes: r.data?.bankPrefixes.map((p: { prefix: string }) => p.prefix).sort() }).toEqual({ who, prefixes: [pA, pA2].sort() });
    }
    // Removable only for bank A's admin.
    expect((await gql(app, LIST, { b: bankA.id }, { token: t['aAdmin'] })).data?.bankPrefixes.every((p: { removable: boolean }) => p.removable)).toBe(true);
    expect((await gql(app, LIST, { b: bankA.id }, { token: t['bAdmin'] })).data?.bankPrefixes.some((p: { removable: boolean }) => p.removable)).toBe(false);
    const all = (await gql(app, LIST, { b: null }, { token: t['gd'] })).data?.bankPrefixes.map((p: { prefix: string }) => p.prefix);
    expect(all).toEqual(expect.arrayContaining([pA, pA2, pB, pInside]));
    expect((await gql(app, LIST, { b: gd.id }, { token: t['gd'] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankAgencyId' });

    // The access table: police, liaisons and other admins may not write prefixes at all.
    for (const who of ['gd', 'gdAdmin', 'aLiaison', 'telecom']) {
      expect({ who, code: codeOf(await gql(app, ADD, { i: { prefixes: [prefix()] } }, { token: t[who] })) }).toEqual({ who, code: 'FORBIDDEN' });
      expect({ who, code: codeOf(await gql(app, REMOVE, { p: pA }, { token: t[who] })) }).toEqual({ who, code: 'FORBIDDEN' });
    }
    // Another bank's admin cannot remove bank A's prefix: it has no such prefix.
    expect(codeOf(await gql(app, REMOVE, { p: pA }, { token: t['bAdmin'] }))).toBe('NOT_FOUND');
    expect((await owner.query('SELECT agency_id FROM bank_prefixes WHERE prefix = $1', [pA])).rows[0].agency_id).toBe(bankA.id);
  });

  it('straight at PostgreSQL as the app role: everyone reads, only the bank\'s admin inserts or deletes its own rows, nobody updates', async () => {
    const read = async (agencyId: string | null, roles: string[]) =>
      (await asAgency<{ n: number }>(pool, agencyId, 'SELECT count(*)::int AS n FROM bank_prefixes WHERE prefix = ANY ($1)', [[pA, pA2]], roles))[0].n;
    expect(await read(gd.id, ['INVESTIGATOR'])).toBe(2);
    expect(await read(telecom.id, ['LIAISON'])).toBe(2);
    expect(await read(null, ['SYSTEM'])).toBe(0);
    const adder = (a: TestAgency, role: Role) => a.users[role].id;
    // Inserting for another bank, as police, or as a liaison: refused by row-level security.
    await refused(asAgency(pool, bankB.id, 'INSERT INTO bank_prefixes (prefix, agency_id, added_by) VALUES ($1, $2, $3)', [prefix(), bankA.id, adder(bankB, Role.ADMIN)], ['ADMIN'], adder(bankB, Role.ADMIN)));
    await refused(asAgency(pool, gd.id, 'INSERT INTO bank_prefixes (prefix, agency_id, added_by) VALUES ($1, $2, $3)', [prefix(), gd.id, adder(gd, Role.ADMIN)], ['ADMIN'], adder(gd, Role.ADMIN)));
    await refused(asAgency(pool, bankA.id, 'INSERT INTO bank_prefixes (prefix, agency_id, added_by) VALUES ($1, $2, $3)', [prefix(), bankA.id, adder(bankA, Role.LIAISON)], ['LIAISON'], adder(bankA, Role.LIAISON)));
    // Deleting another bank's rows, or one's own as a liaison: nothing happens.
    expect(await asAgency(pool, bankB.id, 'DELETE FROM bank_prefixes WHERE prefix = ANY ($1) RETURNING prefix', [[pA, pA2]], ['ADMIN'])).toEqual([]);
    expect(await asAgency(pool, bankA.id, 'DELETE FROM bank_prefixes WHERE prefix = ANY ($1) RETURNING prefix', [[pA, pA2]], ['LIAISON'])).toEqual([]);
    expect(await asAgency(pool, gd.id, 'DELETE FROM bank_prefixes RETURNING prefix', [], ['ADMIN'])).toEqual([]);
    // No one updates a prefix (moving one is a removal and an addition, each audited).
    await refused(asAgency(pool, bankA.id, 'UPDATE bank_prefixes SET agency_id = $2 WHERE prefix = $1', [pA, bankB.id], ['ADMIN']));
    await refused(asAgency(pool, bankA.id, 'UPDATE bank_prefixes SET label = $2 WHERE prefix = $1', [pA, 'x'], ['ADMIN']));
    expect(await read(gd.id, ['INVESTIGATOR'])).toBe(2);
  });

  it('routes by the longest registered prefix: the query, clues, payment trails and fund-trace nodes; unknown prefixes route nowhere', async () => {
    const cardA = randomCard(pA);
    const cardB = randomCard(pInside); // within bank A's prefix, but B registered the longer one
    const cardUnknown = randomCard(prefix('8'));
    const route = async (account: string) => (await gql(app, ROUTE, { a: account }, { token: t['gd'] })).data?.issuingBank;
    expect(await route(cardA)).toEqual({ prefix: pA, bank: { id: bankA.id, name: bankA.name, nameEn: bankA.name, kind: 'BANK' } });
    expect(await route(cardB)).toMatchObject({ prefix: pInside, bank: { id: bankB.id } });
    expect(await route(cardUnknown)).toBeNull();
    // A bank's liaison routes too (a directory fact); a value that is no card or account is refused at its argument.
    expect((await gql(app, ROUTE, { a: cardA }, { token: t['bLiaison'] })).data?.issuingBank.bank.id).toBe(bankA.id);
    expect((await gql(app, ROUTE, { a: '12ab' }, { token: t['gd'] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'account' });

    const caseId = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '路由测试', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token: t['gd'] })).data?.createCase.id;
    const st = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { transfers { id } } }', {
      i: {
        caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '转账', reportedLoss: '3000', victim: { name: '周八' },
        transfers: [
          { fromAccount: cardUnknown, toAccount: cardA, amount: '1000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' },
          { fromAccount: cardUnknown, toAccount: cardB, amount: '2000', occurredAt: '2026-11-19T10:05:00Z', channel: 'BANK_TRANSFER' },
        ],
      },
    }, { token: t['gd'] });
    expect(st.errors).toBeUndefined();
    await gql(app, 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind: 'PHONE', value: '13900001111' } }, { token: t['gd'] });
    const page = await gql(app, `query($id: ID!) { case(id: $id) {
      identifiers { kind canonical issuingBank { prefix bank { id } } }
      statements { transfers { toAccount fromIssuingBank { bank { id } } toIssuingBank { prefix bank { id } } } } } }`, { id: caseId }, { token: t['gd'] });
    expect(page.errors).toBeUndefined();
    const clue = (value: string) => page.data?.case.identifiers.find((i: { canonical: string }) => i.canonical === value);
    expect(clue(cardA).issuingBank).toEqual({ prefix: pA, bank: { id: bankA.id } });
    expect(clue(cardB).issuingBank).toEqual({ prefix: pInside, bank: { id: bankB.id } });
    expect(clue(cardUnknown).issuingBank).toBeNull();
    expect(page.data?.case.identifiers.find((i: { kind: string }) => i.kind === 'PHONE').issuingBank).toBeNull();
    const transfers = page.data?.case.statements[0].transfers;
    expect(transfers.map((x: { toAccount: string; toIssuingBank: unknown; fromIssuingBank: unknown }) => [x.toAccount, x.toIssuingBank, x.fromIssuingBank])).toEqual([
      [cardA, { prefix: pA, bank: { id: bankA.id } }, null],
      [cardB, { prefix: pInside, bank: { id: bankB.id } }, null],
    ]);

    const trace = await gql(app, 'query($id: ID!) { fundTrace(transferId: $id) { nodes { id issuingBank { prefix bank { id } } } lastSeen { id issuingBank { bank { id } } } } }', { id: st.data?.addStatement.transfers[0].id }, { token: t['gd'] });
    expect(trace.errors).toBeUndefined();
    const nodes = Object.fromEntries(trace.data?.fundTrace.nodes.map((n: { id: string; issuingBank: unknown }) => [n.id, n.issuingBank]));
    expect(nodes).toEqual({ [cardUnknown]: null, [cardA]: { prefix: pA, bank: { id: bankA.id } } });
    expect(trace.data?.fundTrace.lastSeen).toEqual([{ id: cardA, issuingBank: { bank: { id: bankA.id } } }]);
  });

  it('a freeze for a bank that does not issue the account is refused naming the issuing bank (api and PostgreSQL); an unknown prefix goes where the sender chooses', async () => {
    const cardA = randomCard(pA2);
    const cardUnknown = randomCard(prefix('8'));
    const caseId = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '错行测试', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token: t['gd'] })).data?.createCase.id;
    const freeze = (account: string, bankAgencyId: string) => gql(app, SEND_FREEZE, {
      i: { caseId, bankAgencyId, kind: 'EMERGENCY_STOP', account, amount: '1000', legalBasisDoc: '粤公(反诈)止付字[2026]900号' },
    }, { token: t['gd'] });
    const count = async () => (await owner.query('SELECT count(*)::int AS n FROM agency_requests WHERE case_id = $1', [caseId])).rows[0].n as number;

    const wrong = await freeze(cardA, bankB.id);
    expect(wrong.errors?.[0].extensions).toEqual(expect.objectContaining({
      code: 'BAD_USER_INPUT', field: 'input.bankAgencyId', reason: 'WRONG_BANK', issuingBankId: bankA.id, issuingBankName: bankA.name, issuingBankNameEn: bankA.name, prefix: pA2,
    }));
    expect(wrong.errors?.[0].message).toContain(`is issued by ${bankA.name} (prefix ${pA2})`);
    expect(wrong.errors?.[0].message).toContain(`该账户由${bankA.name}发行`);
    expect(await count()).toBe(0);

    const right = await freeze(cardA, bankA.id);
    expect(right.data?.sendFreezeRequest).toMatchObject({ state: 'SENT', toAgency: { id: bankA.id } });
    const chosen = await freeze(cardUnknown, bankB.id);
    expect(chosen.data?.sendFreezeRequest).toMatchObject({ state: 'SENT', toAgency: { id: bankB.id } });
    expect(await count()).toBe(2);

    // PostgreSQL refuses the same freeze addressed to the wrong bank, whoever writes it.
    const [sent] = (await owner.query('SELECT * FROM agency_requests WHERE case_id = $1 AND account_canonical = $2', [caseId, cardA])).rows;
    await expect(owner.query(
      `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency, account, account_kind, account_canonical, amount)
       VALUES ('FREEZE', 'FREEZE', $1, $2, $3, $4, $5, $6, $7, 'NORMAL', $8, 'BANK_CARD', $8, 1000)`,
      [`${sent.reference}-X`, caseId, sent.case_number, sent.fraud_type, gd.id, bankB.id, sent.created_by, cardA],
    )).rejects.toMatchObject({ code: '23514', constraint: 'agency_requests_issuing_bank' });

    // A prefix removed by its bank routes nowhere any more: the sender chooses again.
    expect((await gql(app, REMOVE, { p: pA2 }, { token: t['aAdmin'] })).data?.removeBankPrefix).toBe(true);
    expect((await gql(app, ROUTE, { a: cardA }, { token: t['gd'] })).data?.issuingBank).toBeNull();
    const removed = await owner.query(`SELECT details FROM audit_events WHERE agency_id = $1 AND action = 'BANK_PREFIX_REMOVED'`, [bankA.id]);
    expect(removed.rows.map((r: { details: { prefix: string } }) => r.details.prefix)).toEqual([pA2]);
  });
});
