import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { inAgencyTransaction, listCases } from '@caselink/db';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

const CREATE = `mutation($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber viewerAccess allowedTransitions provinces } }`;
const ADD = `mutation($i: AddStatementInput!) { addStatement(input: $i) { id reportedLoss takenByName } }`;
const CASE = `query($id: ID!) { case(id: $id) { id title totalLoss victimCount viewerAccess provinces handling { mayPassOn }
  statements { id reportedLoss agency { nameEn } victim { name idNumber phone personalDataMasked } transfers { toAccount amount } }
  identifiers { kind canonical source } shares { access agency { id } } } }`;

const statement = (caseId: string, loss: string, extra: Record<string, unknown> = {}) => ({
  caseId, takenAt: '2026-11-20T08:00:00Z', place: '天河区派出所', province: '44', narrative: '受害人称接到自称客服的电话，被诱导转账。', reportedLoss: loss,
  victim: { name: '张三', idNumber: '11010519491231002X', phone: '13812345678', age: 45, gender: 'M', province: '44' },
  transfers: [{ fromAccount: '6222021001123456789', toAccount: '6217000012345678907', bank: '建设银行', amount: loss, occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }],
  ...extra,
});

/** Cases across provinces: need-to-know through GraphQL and at PostgreSQL, masking, bad input. */
describe('cases, statements and sharing', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let bj: TestAgency;
  let fj: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  let caseId: string;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'CaseGD', [[Role.INVESTIGATOR, Role.SUPERVISOR]], AgencyKind.POLICE, '440000');
    bj = await createAgency(owner, 'CaseBJ', [[Role.INVESTIGATOR, Role.SUPERVISOR]], AgencyKind.POLICE, '110000');
    fj = await createAgency(owner, 'CaseFJ', [[Role.INVESTIGATOR, Role.SUPERVISOR]], AgencyKind.POLICE, '350000');
    bank = await createAgency(owner, 'CaseBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    for (const [k, a, r] of [['gd', gd, Role.INVESTIGATOR], ['bj', bj, Role.INVESTIGATOR], ['fj', fj, Role.INVESTIGATOR], ['bank', bank, Role.LIAISON]] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    const created = await gql(app, CREATE, { i: { title: '冒充客服诈骗案', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-11-20' } }, { token: t['gd'] });
    caseId = created.data?.createCase.id;
    expect(created.data?.createCase).toMatchObject({ viewerAccess: 'OWNER', allowedTransitions: ['INVESTIGATING', 'CLOSED'], provinces: ['44'] });
    expect(created.data?.createCase.caseNumber).toMatch(/^440000-2026-\d{6}$/);
    const added = await gql(app, ADD, { i: statement(caseId, '50000.10') }, { token: t['gd'] });
    expect(added.errors).toBeUndefined();
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
    await pool.end();
  });

  it('records a statement with its trail, the identifiers it yields and the exact total', async () => {
    const r = await gql(app, CASE, { id: caseId }, { token: t['gd'] });
    expect(r.errors).toBeUndefined();
    expect(r.data?.case).toMatchObject({ totalLoss: '50000.10', victimCount: 1, viewerAccess: 'OWNER', handling: null });
    expect(r.data?.case.statements[0].victim).toEqual({ name: '张三', idNumber: '110105********002X', phone: expect.stringMatching(/138\*{4}5678/), personalDataMasked: true });
    expect(r.data?.case.identifiers.map((i: any) => `${i.source}:${i.kind}`).sort()).toEqual(['TRANSFER:BANK_CARD', 'TRANSFER:BANK_CARD']);
  });

  it('police of another province cannot see the case without a grant — through GraphQL and at PostgreSQL', async () => {
    expect(codeOf(await gql(app, CASE, { id: caseId }, { token: t['bj'] }))).toBe('NOT_FOUND');
    const list = await gql(app, '{ cases(first: 100) { edges { node { id } } } }', {}, { token: t['bj'] });
    expect(list.data?.cases.edges.map((e: any) => e.node.id)).not.toContain(caseId);
    for (const table of ['cases', 'victims', 'victim_statements', 'transfers', 'identifiers']) {
      const col = table === 'cases' ? 'id' : 'case_id';
      const rows = await asAgency(pool, bj.id, `SELECT count(*)::int AS n FROM ${table} WHERE ${col} = $1`, [caseId]);
      expect({ table, n: rows[0]['n'] }).toEqual({ table, n: 0 });
    }
    expect(codeOf(await gql(app, ADD, { i: statement(caseId, '1.00') }, { token: t['bj'] }))).toBe('NOT_FOUND');
  });

  it('banks see no case or statement at all', async () => {
    expect(codeOf(await gql(app, '{ cases { totalCount } }', {}, { token: t['bank'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, CASE, { id: caseId }, { token: t['bank'] }))).toBe('FORBIDDEN');
    const rows = await asAgency(pool, bank.id, 'SELECT (SELECT count(*) FROM cases)::int AS c, (SELECT count(*) FROM victim_statements)::int AS s');
    expect(rows[0]).toEqual({ c: 0, s: 0 });
    const share = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId, agencyId: bank.id, access: 'READ', mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true },
    }, { token: t['gd'] });
    expect(share.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agencyId' });
  });

  it('a READ grantee sees masked data, cannot add statements or unmask; CONTRIBUTE can; revocation stops access at once', async () => {
    const shareAs = (access: string) => gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id access } }', {
      i: { caseId, agencyId: bj.id, access, mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true },
    }, { token: t['gd'] });
    await shareAs('READ');
    const read = await gql(app, CASE, { id: caseId }, { token: t['bj'] });
    expect(read.data?.case).toMatchObject({ viewerAccess: 'READ', handling: { mayPassOn: false }, shares: [] });
    expect(read.data?.case.statements[0].victim.idNumber).toBe('110105********002X');
    await gql(app, 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind: 'ID_NUMBER', value: '11010519491231002X', note: 'suspect' } }, { token: t['gd'] });
    const clues = (await gql(app, CASE, { id: caseId }, { token: t['bj'] })).data?.case.identifiers;
    expect(clues.find((i: any) => i.kind === 'ID_NUMBER').canonical).toBe('110105********002X');
    expect(JSON.stringify(clues)).not.toContain('11010519491231002X');
    const victimId = (await owner.query('SELECT id FROM victims WHERE case_id = $1', [caseId])).rows[0].id;
    expect(codeOf(await gql(app, 'query($v: ID!) { victimPersonalData(victimId: $v) { idNumber } }', { v: victimId }, { token: t['bj'] }))).toBe('FORBIDDEN');
    await expect(asAgency(pool, bj.id, 'SELECT id_number FROM victims')).rejects.toThrow(/permission denied/);
    expect(codeOf(await gql(app, ADD, { i: statement(caseId, '1.00') }, { token: t['bj'] }))).toBe('FORBIDDEN');

    const contribute = await shareAs('CONTRIBUTE');
    const bjStatement = statement(caseId, '20000.05', { province: '11', place: '朝阳区派出所', victim: { name: '李四', phone: '13900001111', province: '11' } });
    const added = await gql(app, ADD, { i: bjStatement }, { token: t['bj'] });
    expect(added.data?.addStatement).toMatchObject({ reportedLoss: '20000.05' });
    const after = await gql(app, CASE, { id: caseId }, { token: t['gd'] });
    expect(after.data?.case).toMatchObject({ totalLoss: '70000.15', victimCount: 2, provinces: ['11', '44'] });
    expect(after.data?.case.statements.map((s: any) => s.agency.nameEn)).toEqual([gd.name, bj.name]);

    const pd = await gql(app, 'query($v: ID!) { victimPersonalData(victimId: $v) { idNumber phone } }', { v: victimId }, { token: t['gd'] });
    expect(pd.data?.victimPersonalData).toEqual({ idNumber: '11010519491231002X', phone: '+8613812345678' });
    const audited = await owner.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'PERSONAL_DATA_READ' AND entity_id = $1", [victimId]);
    expect(audited.rows[0].n).toBe(1);

    await gql(app, 'mutation($id: ID!) { revokeShare(id: $id) { revokedAt } }', { id: contribute.data?.shareCase.id }, { token: t['gd'] });
    expect(codeOf(await gql(app, CASE, { id: caseId }, { token: t['bj'] }))).toBe('NOT_FOUND');
    const rows = await asAgency(pool, bj.id, 'SELECT count(*)::int AS n FROM victim_statements WHERE case_id = $1', [caseId]);
    expect(rows[0]['n']).toBe(0);
  });

  it('an access request, approved by the owner, opens the case; decisions are audited', async () => {
    const asked = await gql(app, 'mutation($i: RequestAccessInput!) { requestAccess(input: $i) { id status caseNumber ownerAgency { id } } }', { i: { caseId, reason: '同一收款账户' } }, { token: t['fj'] });
    expect(asked.data?.requestAccess).toMatchObject({ status: 'PENDING', caseNumber: null, ownerAgency: { id: gd.id } });
    expect(codeOf(await gql(app, 'mutation($i: RequestAccessInput!) { requestAccess(input: $i) { id } }', { i: { caseId, reason: 'again' } }, { token: t['fj'] }))).toBe('CONFLICT');
    const inbox = await gql(app, '{ accessRequests(direction: INCOMING, status: PENDING) { edges { node { id caseNumber requestingAgency { id } } } } }', {}, { token: t['gd'] });
    expect(inbox.data?.accessRequests.edges.map((e: any) => e.node.requestingAgency.id)).toContain(fj.id);
    expect(codeOf(await gql(app, 'mutation($i: DecideAccessRequestInput!) { decideAccessRequest(input: $i) { id } }', { i: { id: asked.data?.requestAccess.id, approve: true } }, { token: t['fj'] }))).toBe('NOT_FOUND');
    const decided = await gql(app, 'mutation($i: DecideAccessRequestInput!) { decideAccessRequest(input: $i) { status } }', { i: { id: asked.data?.requestAccess.id, approve: true, access: 'READ' } }, { token: t['gd'] });
    expect(decided.data?.decideAccessRequest.status).toBe('APPROVED');
    expect((await gql(app, CASE, { id: caseId }, { token: t['fj'] })).data?.case.viewerAccess).toBe('READ');
  });

  it('leaves out optional inputs the same way every time, also once the document is compiled (graphql-jit)', async () => {
    // The third run of one document goes through graphql-jit; defaults must still apply.
    for (let i = 0; i < 4; i++) {
      const r = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { sensitivity } }', { i: { title: `省略敏感级别 ${i}`, fraudType: 'OTHER', reportedOn: '2026-11-20' } }, { token: t['gd'] });
      expect({ i, errors: r.errors, sensitivity: r.data?.createCase.sensitivity }).toEqual({ i, errors: undefined, sensitivity: 'NORMAL' });
      const s = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { transfers { id } } }', { i: { ...statement(caseId, '1.00'), transfers: undefined } }, { token: t['gd'] });
      expect({ i, errors: s.errors, transfers: s.data?.addStatement.transfers }).toEqual({ i, errors: undefined, transfers: [] });
    }
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await owner.query('SELECT count(*)::int AS n FROM victim_statements WHERE case_id = $1', [caseId])).rows[0].n;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ reportedLoss: '-5.00' }, 'input.reportedLoss'],
      [{ reportedLoss: '12.345' }, 'input.reportedLoss'],
      [{ victim: { name: 'X', idNumber: '110105194912310021' } }, 'input.victim.idNumber'],
      [{ transfers: [{ fromAccount: '6222021001123456789', toAccount: 'not-an-account!', amount: '5.00', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] }, 'input.transfers.0.toAccount'],
      [{ transfers: [{ fromAccount: '6222021001123456789', toAccount: '6217000012345678907', amount: 'lots', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] }, 'input.transfers.0.amount'],
    ];
    for (const [patch, field] of cases) {
      const r = await gql(app, ADD, { i: statement(caseId, '10.00', patch) }, { token: t['gd'] });
      expect({ field, ext: r.errors?.[0].extensions }).toMatchObject({ field, ext: { code: 'BAD_USER_INPUT', field } });
    }
    const clue = await gql(app, 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind: 'PHONE', value: '12345678901234' } }, { token: t['gd'] });
    expect(clue.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.value' });
    const after = (await owner.query('SELECT count(*)::int AS n FROM victim_statements WHERE case_id = $1', [caseId])).rows[0].n;
    expect(after).toBe(before);
  });

  it('counts the list up to a cap, then says "at least" (totalCountCapped)', async () => {
    const ds = app.get(DataSource);
    const acting = { agencyId: gd.id, userId: gd.users[Role.INVESTIGATOR].id, nationalAdmin: false, roles: [Role.INVESTIGATOR] };
    const list = (countCap: number) => inAgencyTransaction(ds, acting, (m) =>
      listCases(m, {}, { afterId: null, limit: 10, withCount: true, countCap }));
    const exact = await list(1000);
    expect(exact.capped).toBe(false);
    expect(exact.total).toBeGreaterThanOrEqual(2);
    expect(await list(exact.total)).toMatchObject({ total: exact.total, capped: false });
    expect(await list(exact.total - 1)).toMatchObject({ total: exact.total - 1, capped: true });
    const page = await gql(app, '{ cases(first: 1) { totalCount totalCountCapped } }', {}, { token: t['gd'] });
    expect(page.data?.cases).toEqual({ totalCount: exact.total, totalCountCapped: false });
  });

  it('a search finds the same cases walking the newest ones as through the indexes, and says "at least" when the walk stopped early', async () => {
    const ds = app.get(DataSource);
    const actingAs = (agencyId: string, role: Role, userId: string) => ({ agencyId, userId, nationalAdmin: false, roles: [role] });
    const search = (acting: ReturnType<typeof actingAs>, term: string, page: { limit?: number; searchWalk?: number; afterId?: string; minLoss?: string } = {}) =>
      inAgencyTransaction(ds, acting, (m) => listCases(m, { search: term, minLoss: page.minLoss },
        { afterId: page.afterId ?? null, limit: page.limit ?? 100, withCount: true, searchWalk: page.searchWalk }));
    const { rows: [{ case_number: caseNumber }] } = await owner.query('SELECT case_number FROM cases WHERE id = $1', [caseId]);
    const callers = [actingAs(gd.id, Role.INVESTIGATOR, gd.users[Role.INVESTIGATOR].id), actingAs(gd.id, Role.ANALYST, gd.users[Role.INVESTIGATOR].id),
      actingAs(bj.id, Role.INVESTIGATOR, bj.users[Role.INVESTIGATOR].id)];
    for (const acting of callers) {
      for (const term of ['冒充客服', '客服', '6217 0000 1234 5678 907', '6217000012345678907', caseNumber, '13800']) {
        const walked = await search(acting, term);
        const indexed = await search(acting, term, { searchWalk: 0 });
        expect([term, walked.rows.map((r) => r.id).sort(), walked.total]).toEqual([term, indexed.rows.map((r) => r.id).sort(), indexed.total]);
      }
    }
    // The newest case's title, a walk of one case, a page of one: found at once, and counted as "at least one".
    const { rows: [{ title }] } = await owner.query('SELECT title FROM cases WHERE agency_id = $1 AND NOT archived ORDER BY created_at DESC, id DESC LIMIT 1', [gd.id]);
    const short = await search(callers[0], title, { limit: 1, searchWalk: 1 });
    expect(short.capped).toBe(true);
    expect(short.total).toBeGreaterThanOrEqual(1);
    expect(short.rows).toHaveLength(1);
    const exact = await search(callers[0], title, { searchWalk: 0 });
    expect(exact.capped).toBe(false);
    expect(exact.rows.map((r) => r.id)).toContain(short.rows[0].id);
    // Page by page, whichever road each page takes, the total is the first page's.
    for (const walk of [1, 2, 3, 1000]) {
      const first = await search(callers[0], '客服', { limit: 1, searchWalk: walk });
      if (first.rows.length === 0) continue;
      const next = await search(callers[0], '客服', { limit: 1, searchWalk: walk, afterId: first.rows[0].id });
      expect([walk, next.total, next.capped]).toEqual([walk, first.total, first.capped]);
    }
    // Filters no case passes: nothing, at once (not the whole index road).
    expect(await search(callers[0], '客服', { minLoss: '999999999999.00', searchWalk: 1000 })).toMatchObject({ rows: [], total: 0, capped: false });
  });

  it('allows only the state machine transitions, naming the current state', async () => {
    const change = (status: string) => gql(app, 'mutation($id: ID!, $s: CaseStatus!) { changeCaseStatus(id: $id, status: $s) { status allowedTransitions } }', { id: caseId, s: status }, { token: t['gd'] });
    const bad = await change('SOLVED');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'REPORTED' });
    expect((await change('INVESTIGATING')).data?.changeCaseStatus).toEqual({ status: 'INVESTIGATING', allowedTransitions: ['SOLVED', 'CLOSED'] });
  });

  it('searches titles, narratives and identifiers, and filters', async () => {
    const search = (s: string) => gql(app, 'query($f: CaseFilter) { cases(first: 20, filter: $f) { totalCount edges { node { id } } } }', { f: { search: s } }, { token: t['gd'] });
    // Long terms through the trigram indexes, two-character words case by case, a card as typed with spaces, the case number.
    const { rows: [{ case_number: caseNumber }] } = await owner.query('SELECT case_number FROM cases WHERE id = $1', [caseId]);
    for (const term of ['冒充客服', '诱导转账', '6217000012345678907', '6217 0000 1234 5678 907', '客服', caseNumber, caseNumber.slice(-8)]) {
      const found = await search(term);
      expect(found.errors).toBeUndefined();
      expect([term, found.data?.cases.edges.map((e: any) => e.node.id)]).toEqual([term, expect.arrayContaining([caseId])]);
    }
    // Beijing sees none of it, by any road (row-level security under every sub-select).
    for (const term of ['冒充客服', '6217000012345678907', '客服', caseNumber]) {
      const other = await gql(app, 'query($f: CaseFilter) { cases(first: 20, filter: $f) { totalCount edges { node { id } } } }', { f: { search: term } }, { token: t['bj'] });
      expect(other.data?.cases.edges.map((e: any) => e.node.id)).not.toContain(caseId);
    }
    const filtered = await gql(app, 'query($f: CaseFilter) { cases(filter: $f) { totalCount } }', { f: { fraudTypes: ['INVESTMENT'], minLoss: '1.00' } }, { token: t['gd'] });
    expect(filtered.data?.cases.totalCount).toBe(0);
    const badLoss = await gql(app, 'query($f: CaseFilter) { cases(filter: $f) { totalCount } }', { f: { minLoss: '1.234' } }, { token: t['gd'] });
    expect(badLoss.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.minLoss' });
  });
});
