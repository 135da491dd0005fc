import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, randomMobile, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const PUBLISH = `mutation($i: PublishBulletinInput!) { publishBulletin(input: $i) { id isPublisher read processed recipients { kinds agencies { id } } } }`;
const BULLETIN = `query($id: ID!) { bulletin(id: $id) { id title read isPublisher processed matchedCaseCount handling { mayPassOn mayUseInCourt mustAskBeforeActing }
  identifiers { kind value canonical } matchingCases { caseId caseNumber owner { id } values { kind canonical } } } }`;
const LIST = `query($u: Boolean, $f: FraudType) { bulletins(first: 100, unreadOnly: $u, fraudType: $f) { totalCount edges { node { id read } } } }`;
const HITS = `query($c: ID!) { caseBulletinHits(caseId: $c) { bulletin { id title } values { kind canonical } } }`;
const CREATE = `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`;
const CLUE = `mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }`;
const ADD = `mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }`;
const HANDLING = { mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true };

/**
 * Bulletins end to end: who publishes, who reads (by kind and by id — through GraphQL and straight at
 * PostgreSQL), and matching by the real worker at publication and as later clues arrive.
 */
describe('bulletins', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let centre: TestAgency;
  let gd: TestAgency;
  let fj: TestAgency;
  let bank: TestAgency;
  let telecom: TestAgency;
  const t: Record<string, string> = {};
  const card = randomCard();
  const phone = randomMobile();
  let gdCase: string;
  let fjCase: string;
  let bulletinId: string;

  const createCase = async (token: string, title = '投资诈骗案') => {
    const r = await gql(app, CREATE, { i: { title, fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.createCase.id as string;
  };
  const clue = async (token: string, caseId: string, kind: string, value: string) => {
    const r = await gql(app, CLUE, { i: { caseId, kind, value } }, { token });
    expect(r.errors).toBeUndefined();
  };
  const hitsOf = async (token: string, caseId: string) => {
    const r = await gql(app, HITS, { c: caseId }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.caseBulletinHits as Array<{ bulletin: { id: string }; values: Array<{ kind: string; canonical: string }> }>;
  };
  const notices = async (kind: string, userId: string, bulletin: string) =>
    (await owner.query(`SELECT payload FROM notifications WHERE kind = $1 AND user_id = $2 AND payload->>'bulletinId' = $3`, [kind, userId, bulletin])).rows;
  const processed = (id: string) =>
    waitFor(async () => ((await owner.query('SELECT processed_at FROM bulletins WHERE id = $1', [id])).rows[0]?.processed_at ? true : undefined), 'the worker to process the bulletin');

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    centre = await createAgency(owner, 'BulCentre', [Role.SUPERVISOR, Role.INVESTIGATOR], AgencyKind.POLICE, '100000');
    gd = await createAgency(owner, 'BulGD', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440000');
    fj = await createAgency(owner, 'BulFJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '350000');
    bank = await createAgency(owner, 'BulBank', [Role.LIAISON, Role.ADMIN], AgencyKind.BANK, '110000');
    telecom = await createAgency(owner, 'BulTel', [Role.LIAISON], AgencyKind.TELECOM, '110000');
    app = await startApi();
    for (const [k, a, r] of [['sup', centre, Role.SUPERVISOR], ['centreInv', centre, Role.INVESTIGATOR], ['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR],
      ['fj', fj, Role.INVESTIGATOR], ['bank', bank, Role.LIAISON], ['bankAdmin', bank, Role.ADMIN], ['tel', telecom, Role.LIAISON]] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}` });
    // Cases holding the card before anything is published: one in an addressed agency, one not.
    gdCase = await createCase(t['gd'], '“稳赚群”投资诈骗案');
    await clue(t['gd'], gdCase, 'BANK_CARD', card);
    fjCase = await createCase(t['fj'], '刷单返利诈骗案');
    await clue(t['fj'], fjCase, 'BANK_CARD', card);
    // "Before anything is published" means linked too: the cards' postings are in (the linker works from the outbox),
    // so publication, not a later link job, is what finds the match.
    await waitFor(async () => ((await owner.query('SELECT 1 FROM evidence_changes WHERE case_id = ANY ($1)', [[gdCase, fjCase]])).rowCount === 0 ? true : undefined), 'the cases to be linked');
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await owner?.end();
    await pool?.end();
  });

  it('only police supervisors and admins publish', async () => {
    const input = { title: 'x', body: 'y', fraudType: 'INVESTMENT', handling: HANDLING, recipientKinds: ['BANK'] };
    expect(codeOf(await gql(app, PUBLISH, { i: input }, { token: t['centreInv'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, PUBLISH, { i: input }, { token: t['bankAdmin'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, PUBLISH, { i: input }, { token: t['bank'] }))).toBe('FORBIDDEN');
  });

  it('refuses bad identifiers and recipients, naming the field, and writes nothing', async () => {
    const before = (await owner.query('SELECT count(*)::int AS n FROM bulletins')).rows[0].n;
    const audits = (await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'BULLETIN_PUBLISHED'`)).rows[0].n;
    const base = { title: '警惕虚假理财', body: '正文', fraudType: 'INVESTMENT', handling: HANDLING, recipientKinds: ['BANK'] };
    const field = async (i: Record<string, unknown>) => (await gql(app, PUBLISH, { i }, { token: t['sup'] })).errors?.[0].extensions;
    expect(await field({ ...base, identifiers: [{ kind: 'PHONE', value: phone }, { kind: 'DOMAIN', value: 'huijin-licai.example' }, { kind: 'BANK_CARD', value: '6217000000000000001' }] }))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.identifiers.2.value' });
    expect(await field({ ...base, identifiers: [{ kind: 'PHONE', value: '95588' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.identifiers.0.value' });
    expect(await field({ ...base, recipientKinds: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recipientKinds' });
    expect(await field({ ...base, recipientAgencyIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recipientAgencyIds.0' });
    expect(await field({ ...base, title: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect((await owner.query('SELECT count(*)::int AS n FROM bulletins')).rows[0].n).toBe(before);
    expect((await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'BULLETIN_PUBLISHED'`)).rows[0].n).toBe(audits);
  });

  it('reaches the kinds and agencies addressed, nobody else — through GraphQL and at PostgreSQL', async () => {
    const r = await gql(app, PUBLISH, {
      i: {
        title: '警惕“汇金理财”APP投资诈骗', body: '近期多地出现以高收益理财为诱饵的诈骗，请关注以下收款卡和联系电话。', fraudType: 'INVESTMENT', handling: HANDLING,
        recipientKinds: ['BANK'], recipientAgencyIds: [gd.id], identifiers: [{ kind: 'BANK_CARD', value: card }, { kind: 'PHONE', value: phone }],
      },
    }, { token: t['sup'] });
    expect(r.errors).toBeUndefined();
    bulletinId = r.data?.publishBulletin.id;
    expect(r.data?.publishBulletin).toMatchObject({ isPublisher: true, read: true, recipients: { kinds: ['BANK'], agencies: [{ id: gd.id }] } });
    expect((await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'BULLETIN_PUBLISHED' AND entity_id = $1`, [bulletinId])).rows[0].n).toBe(1);

    // By kind (the bank) and by id (Guangdong) it reads; the telecom and Fujian police do not.
    for (const k of ['bank', 'gd', 'gdSup']) {
      const b = await gql(app, BULLETIN, { id: bulletinId }, { token: t[k] });
      expect(b.errors).toBeUndefined();
      expect(b.data?.bulletin.identifiers.map((i: { canonical: string }) => i.canonical)).toEqual([card, `+86${phone}`]);
    }
    for (const k of ['tel', 'fj']) {
      expect(codeOf(await gql(app, BULLETIN, { id: bulletinId }, { token: t[k] }))).toBe('NOT_FOUND');
      const list = await gql(app, LIST, {}, { token: t[k] });
      expect(list.data?.bulletins.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(bulletinId);
    }
    // Straight at the database as the app role, with each agency's context.
    const count = async (agencyId: string, table: string) =>
      (await asAgency<{ n: number }>(pool, agencyId, `SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'bulletins' ? 'id' : 'bulletin_id'} = $1`, [bulletinId]))[0].n;
    for (const table of ['bulletins', 'bulletin_identifiers', 'bulletin_recipients']) {
      expect(await count(bank.id, table)).toBeGreaterThan(0);
      expect(await count(gd.id, table)).toBeGreaterThan(0);
      expect(await count(telecom.id, table)).toBe(0);
      expect(await count(fj.id, table)).toBe(0);
    }
    // Nobody but the publisher adds to it, and nobody but police publishes.
    await expect(asAgency(pool, fj.id, `INSERT INTO bulletin_identifiers (bulletin_id, position, kind, raw_value, canonical) VALUES ($1, 9, 'PHONE', 'x', 'x')`, [bulletinId]))
      .rejects.toThrow(/row-level security/);
    await expect(asAgency(pool, bank.id, `INSERT INTO bulletin_recipients (bulletin_id, agency_kind) VALUES ($1, 'TELECOM')`, [bulletinId])).rejects.toThrow(/row-level security/);
    await expect(asAgency(pool, bank.id, `INSERT INTO bulletins (publisher_agency_id, published_by, title, body, fraud_type, may_pass_on, may_use_in_court, must_ask_before_acting)
      VALUES ($1, $2, 't', 'b', 'OTHER', true, true, false)`, [bank.id, bank.users[Role.LIAISON].id])).rejects.toThrow(/row-level security/);
    await expect(asAgency(pool, bank.id, `UPDATE bulletins SET title = 'changed' WHERE id = $1`, [bulletinId])).rejects.toThrow(/permission denied/);

    // A bulletin to all police reaches Fujian too (by kind), and a read is the reader's own.
    const police = await gql(app, PUBLISH, { i: { title: '冒充客服退款诈骗预警', body: '正文', fraudType: 'FAKE_CUSTOMER_SERVICE', handling: HANDLING, recipientKinds: ['POLICE'] } }, { token: t['gdSup'] });
    expect(police.errors).toBeUndefined();
    const fjList = await gql(app, LIST, { u: true }, { token: t['fj'] });
    expect(fjList.data?.bulletins.edges).toEqual(expect.arrayContaining([{ node: { id: police.data?.publishBulletin.id, read: false } }]));
    expect(codeOf(await gql(app, BULLETIN, { id: police.data?.publishBulletin.id }, { token: t['bank'] }))).toBe('NOT_FOUND');
  });

  it('the worker matches cases at publication: the addressed owner sees the hit and hears of it, recipients are told', async () => {
    await processed(bulletinId);
    const gdHits = await hitsOf(t['gd'], gdCase);
    expect(gdHits).toEqual([{ bulletin: { id: bulletinId, title: '警惕“汇金理财”APP投资诈骗' }, values: [{ kind: 'BANK_CARD', canonical: card }] }]);
    expect(await notices('BULLETIN_MATCH', gd.users[Role.INVESTIGATOR].id, bulletinId)).toEqual([{ payload: expect.objectContaining({ caseId: gdCase, bulletinId }) }]);
    expect(await notices('BULLETIN_PUBLISHED', bank.users[Role.LIAISON].id, bulletinId)).toHaveLength(1);
    expect(await notices('BULLETIN_PUBLISHED', bank.users[Role.ADMIN].id, bulletinId)).toHaveLength(1);
    expect(await notices('BULLETIN_PUBLISHED', gd.users[Role.SUPERVISOR].id, bulletinId)).toHaveLength(1);
    expect(await notices('BULLETIN_PUBLISHED', telecom.users[Role.LIAISON].id, bulletinId)).toHaveLength(0);
    expect(await notices('BULLETIN_PUBLISHED', centre.users[Role.SUPERVISOR].id, bulletinId)).toHaveLength(0);

    // Fujian's case holds the card too, but the bulletin is not addressed to Fujian: a hit it cannot see, no notice.
    expect(await hitsOf(t['fj'], fjCase)).toEqual([]);
    expect(await notices('BULLETIN_MATCH', fj.users[Role.INVESTIGATOR].id, bulletinId)).toHaveLength(0);
    expect((await asAgency<{ n: number }>(pool, fj.id, 'SELECT count(*)::int AS n FROM bulletin_hits WHERE case_id = $1', [fjCase]))[0].n).toBe(0);
    expect((await asAgency<{ n: number }>(pool, gd.id, 'SELECT count(*)::int AS n FROM bulletin_hits WHERE case_id = $1', [gdCase]))[0].n).toBe(1);
    // The bank sees the bulletin but no case, hence no hit.
    expect((await asAgency<{ n: number }>(pool, bank.id, 'SELECT count(*)::int AS n FROM bulletin_hits WHERE bulletin_id = $1', [bulletinId]))[0].n).toBe(0);

    // The publisher counts only cases it may read (none here); two hidden ones are below "matched elsewhere" (at least 3),
    // so it learns nothing of them. The owner sees its case; the bank neither.
    const mine = (await gql(app, BULLETIN, { id: bulletinId }, { token: t['sup'] })).data?.bulletin;
    expect(mine).toMatchObject({ matchedCaseCount: 0, matchingCases: [], processed: true });
    const owners = (await gql(app, BULLETIN, { id: bulletinId }, { token: t['gd'] })).data?.bulletin;
    expect(owners).toMatchObject({ matchedCaseCount: null, matchingCases: [{ caseId: gdCase, owner: { id: gd.id } }] });
    const banks = (await gql(app, BULLETIN, { id: bulletinId }, { token: t['bank'] })).data?.bulletin;
    expect(banks).toMatchObject({ matchedCaseCount: null, matchingCases: [], handling: HANDLING });
  });

  it('at PostgreSQL: the match count answers the publisher only, and a read is its reader\'s own', async () => {
    const matchCount = async (agencyId: string) =>
      (await asAgency<{ n: number | null }>(pool, agencyId, 'SELECT bulletin_match_count($1) AS n', [bulletinId]))[0].n;
    expect(await matchCount(centre.id)).toBe(0);
    // Addressees (the owner of a matching case among them), agencies not addressed: no count at all.
    for (const a of [gd, bank, fj, telecom]) expect(await matchCount(a.id)).toBeNull();

    // Acting as one user of Guangdong (both of its users opened the bulletin above).
    const asUser = async (agency: TestAgency, role: Role, sql: string, params: unknown[] = []) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true)", [agency.id, agency.users[role].id]);
        const r = await c.query(sql, params);
        await c.query('COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    };
    const readers = 'SELECT user_id FROM bulletin_reads WHERE bulletin_id = $1';
    expect((await asUser(gd, Role.INVESTIGATOR, readers, [bulletinId])).rows).toEqual([{ user_id: gd.users[Role.INVESTIGATOR].id }]);
    expect((await asUser(gd, Role.SUPERVISOR, readers, [bulletinId])).rows).toEqual([{ user_id: gd.users[Role.SUPERVISOR].id }]);
    expect(await asAgency(pool, gd.id, readers, [bulletinId])).toEqual([]);
    // Nobody marks or unmarks a bulletin for a colleague.
    const other = gd.users[Role.SUPERVISOR].id;
    expect((await asUser(gd, Role.INVESTIGATOR, 'UPDATE bulletin_reads SET read_at = now() WHERE user_id = $1', [other])).rowCount).toBe(0);
    await expect(asUser(gd, Role.INVESTIGATOR, 'INSERT INTO bulletin_reads (bulletin_id, user_id, agency_id) VALUES ($1, $2, $3)', [bulletinId, other, gd.id]))
      .rejects.toThrow(/row-level security/);
  });

  it('keeps unread emphasis per user', async () => {
    const fresh = await createAgency(owner, 'BulBank2', [Role.LIAISON, Role.ANALYST], AgencyKind.BANK, '310000');
    const liaison = (await login(app, fresh.users[Role.LIAISON].email)).token;
    const analyst = (await login(app, fresh.users[Role.ANALYST].email)).token;
    const unread = async (token: string) => (await gql(app, 'query { bulletinUnreadCount }', {}, { token })).data?.bulletinUnreadCount as number;
    const before = await unread(liaison);
    expect(before).toBeGreaterThan(0);
    expect((await gql(app, BULLETIN, { id: bulletinId }, { token: liaison })).data?.bulletin.read).toBe(true);
    expect(await unread(liaison)).toBe(before - 1);
    expect(await unread(analyst)).toBe(before);
    const list = await gql(app, LIST, { u: true }, { token: liaison });
    expect(list.data?.bulletins.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(bulletinId);
    const byType = await gql(app, LIST, { f: 'ROMANCE' }, { token: liaison });
    expect(byType.data?.bulletins.totalCount).toBe(0);
  });

  it('matches clues and statements that arrive after publication', async () => {
    const later = await createCase(t['gd'], '冒充客服诈骗案');
    await clue(t['gd'], later, 'PHONE', `+86 ${phone}`);
    const hits = await waitFor(async () => {
      const h = await hitsOf(t['gd'], later);
      return h.length > 0 ? h : undefined;
    }, 'a hit on the clue added later');
    expect(hits[0].values).toEqual([{ kind: 'PHONE', canonical: `+86${phone}` }]);
    await waitFor(async () => ((await notices('BULLETIN_MATCH', gd.users[Role.INVESTIGATOR].id, bulletinId)).length === 2 ? true : undefined), 'the BULLETIN_MATCH of the clue');

    const third = await createCase(t['gd'], '投资理财诈骗案（二）');
    const r = await gql(app, ADD, {
      i: { caseId: third, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '转账至理财平台', reportedLoss: '3000', victim: { name: '赵六' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: card, amount: '3000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] },
    }, { token: t['gd'] });
    expect(r.errors).toBeUndefined();
    await waitFor(async () => ((await hitsOf(t['gd'], third)).length > 0 ? true : undefined), 'a hit on the statement added later');
    // Removing the clue takes the hit away.
    await owner.query(`DELETE FROM identifiers WHERE case_id = $1`, [later]);
    await waitFor(async () => ((await hitsOf(t['gd'], later)).length === 0 ? true : undefined), 'the hit to go with its clue');
  });

  it('running the same work twice writes one hit and one notification', async () => {
    const hits = async () => (await owner.query('SELECT count(*)::int AS n FROM bulletin_hits WHERE bulletin_id = $1', [bulletinId])).rows[0].n as number;
    // (Agencies of an addressed kind created since are told on a re-run: count the first ones only.)
    const all = async () => (await owner.query(`SELECT count(*)::int AS n FROM notifications WHERE payload->>'bulletinId' = $1 AND agency_id = ANY($2)`, [
      bulletinId, [centre.id, gd.id, fj.id, bank.id, telecom.id],
    ])).rows[0].n as number;
    const [h, n] = [await hits(), await all()];
    // The publication job again (the sweep finds it unprocessed) and the linker's job for a matching case again.
    await owner.query('UPDATE bulletins SET processed_at = NULL WHERE id = $1', [bulletinId]);
    await owner.query('INSERT INTO evidence_changes (case_id) VALUES ($1)', [gdCase]);
    await processed(bulletinId);
    await waitFor(async () => ((await owner.query('SELECT 1 FROM evidence_changes WHERE case_id = $1', [gdCase])).rowCount === 0 ? true : undefined), 'the relinked case');
    expect(await hits()).toBe(h);
    expect(await all()).toBe(n);
    expect(await notices('BULLETIN_MATCH', gd.users[Role.INVESTIGATOR].id, bulletinId)).toHaveLength(3);
  });
});
