import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, randomMobile, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const CREATE = `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`;
const ADD = `mutation($i: AddStatementInput!) { addStatement(input: $i) { id transfers { id } } }`;
const CLUE = `mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }`;
const LINKS = `query($id: ID!) { caseLinks(caseId: $id) {
  series { id caseCount hiddenCaseCount totalLoss victimCount cases { id } }
  linkedCases { case { id } shared { kind value state } }
  blindHits { kind value agency { id } caseRef requested }
  hubs { kind value } warninglisted { kind value } } }`;

const statement = (caseId: string, toAccount: string, amount = '10000.00', occurredAt = '2026-11-19T10:00:00Z') => ({
  caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '被诱导转账', reportedLoss: amount, victim: { name: '王五' },
  transfers: [{ fromAccount: randomCard('622202'), toAccount, amount, occurredAt, channel: 'BANK_TRANSFER' }],
});

/**
 * Evidence linking end to end: the api writes, the real worker (a separate process) links through the
 * outbox, and every answer respects need-to-know — through GraphQL and straight at PostgreSQL.
 */
describe('evidence linking, series, blind hits and fund tracing', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let gd: TestAgency;
  let fj: TestAgency;
  let zj: TestAgency;
  let bank: TestAgency;
  let centre: TestAgency;
  const t: Record<string, string> = {};

  const createCase = async (token: string, title = '投资诈骗案') => {
    const r = await gql(app, CREATE, { i: { title, fraudType: 'INVESTMENT', reportedOn: '2026-11-20', sensitivity: 'NORMAL' } }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.createCase.id as string;
  };
  const addStatement = async (token: string, caseId: string, to: string, amount?: string) => {
    const r = await gql(app, ADD, { i: statement(caseId, to, amount) }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.addStatement.transfers[0].id as string;
  };
  const links = async (token: string, caseId: string) => {
    const r = await gql(app, LINKS, { id: caseId }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.caseLinks;
  };
  const seriesOf = async (caseId: string) =>
    (await owner.query<{ series_id: string }>('SELECT series_id FROM series_members WHERE case_id = $1', [caseId])).rows[0]?.series_id ?? null;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'LinkGD', [Role.INVESTIGATOR, Role.SUPERVISOR, Role.ADMIN], AgencyKind.POLICE, '440000');
    fj = await createAgency(owner, 'LinkFJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '350000');
    zj = await createAgency(owner, 'LinkZJ', [Role.INVESTIGATOR, Role.ADMIN], AgencyKind.POLICE, '330000');
    bank = await createAgency(owner, 'LinkBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    centre = await createAgency(owner, 'LinkCentre', [Role.ADMIN], AgencyKind.POLICE, '100000', true);
    app = await startApi();
    for (const [k, a, r] of [
      ['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['gdAdmin', gd, Role.ADMIN], ['fj', fj, Role.INVESTIGATOR], ['fjSup', fj, Role.SUPERVISOR],
      ['zj', zj, Role.INVESTIGATOR], ['zjAdmin', zj, Role.ADMIN], ['bank', bank, Role.LIAISON], ['centre', centre, Role.ADMIN],
    ] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    // The api's queue prefix (harness testConfig), so the worker takes the jobs this api queues. The hub
    // threshold stays the default: every worker linking one database must agree on it.
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}` });
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await owner.end();
    await pool.end();
  });

  describe('a mule card in two provinces', () => {
    const mule = randomCard();
    let gdCase: string;
    let fjCase: string;

    beforeAll(async () => {
      gdCase = await createCase(t['gd']);
      await addStatement(t['gd'], gdCase, mule, '30000.00');
      fjCase = await createCase(t['fj']);
      await addStatement(t['fj'], fjCase, mule, '12000.50');
    });

    it('links the two cases into a series; each owner sees a blind hit, not the other case', async () => {
      const mine = await waitFor(async () => {
        const l = await links(t['gd'], gdCase);
        return l.series ? l : undefined;
      }, 'the series');
      expect(mine.series).toMatchObject({ caseCount: 2, hiddenCaseCount: 1, totalLoss: '30000.00', victimCount: 1, cases: [{ id: gdCase }] });
      expect(mine.linkedCases).toEqual([]);
      expect(mine.blindHits).toEqual([{ kind: 'BANK_CARD', value: mule, agency: { id: fj.id }, caseRef: fjCase, requested: false }]);
      const theirs = await links(t['fj'], fjCase);
      expect(theirs.blindHits).toEqual([expect.objectContaining({ agency: { id: gd.id }, caseRef: gdCase })]);
      // The author of each case hears of it once.
      const hits = await owner.query(`SELECT user_id FROM notifications WHERE kind = 'LINK_HIT' AND payload->>'caseId' = ANY($1)`, [[gdCase, fjCase]]);
      expect(hits.rows.map((r) => r.user_id).sort()).toEqual([gd.users[Role.INVESTIGATOR].id, fj.users[Role.INVESTIGATOR].id].sort());
    });

    it('an agency with no case on it learns nothing — through GraphQL and at PostgreSQL', async () => {
      const seriesId = (await seriesOf(gdCase)) as string;
      expect(codeOf(await gql(app, LINKS, { id: gdCase }, { token: t['zj'] }))).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, 'query($id: ID!) { series(id: $id) { id } }', { id: seriesId }, { token: t['zj'] }))).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, 'query($id: ID!) { linkGraph(caseId: $id) { nodes { id } } }', { id: gdCase }, { token: t['zj'] }))).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, LINKS, { id: gdCase }, { token: t['bank'] }))).toBe('FORBIDDEN');
      const list = await gql(app, '{ seriesList(first: 100) { edges { node { id } } } }', {}, { token: t['zj'] });
      expect(list.data?.seriesList.edges.map((e: any) => e.node.id)).not.toContain(seriesId);
      for (const [sql, params] of [
        ['SELECT count(*)::int AS n FROM evidence_postings WHERE case_id = ANY($1)', [[gdCase, fjCase]]],
        ['SELECT count(*)::int AS n FROM series_members WHERE case_id = ANY($1)', [[gdCase, fjCase]]],
        ['SELECT count(*)::int AS n FROM evidence_series WHERE id = $1', [seriesId]],
        ['SELECT count(*)::int AS n FROM case_blind_hits($1)', [gdCase]],
        ['SELECT coalesce(series_hidden_count($1), 0) AS n', [seriesId]],
      ] as const) {
        expect({ sql, rows: await asAgency(pool, zj.id, sql, [...params]) }).toEqual({ sql, rows: [{ n: 0 }] });
      }
      // Guangdong cannot reach Fujian's case through the database function either.
      expect(await asAgency(pool, gd.id, 'SELECT count(*)::int AS n FROM case_blind_hits($1)', [fjCase])).toEqual([{ n: 0 }]);
      // The outbox and the linker's writes are not the app role's at all.
      await expect(asAgency(pool, gd.id, 'SELECT * FROM evidence_changes')).rejects.toThrow(/permission denied/);
      await expect(asAgency(pool, gd.id, `INSERT INTO evidence_postings VALUES ('BANK_CARD', '1', $1, $2, 1)`, [gdCase, gd.id])).rejects.toThrow(/permission denied/);
      await expect(asAgency(pool, gd.id, 'DELETE FROM series_members WHERE case_id = $1', [gdCase])).rejects.toThrow(/permission denied/);
    });

    it('asks for access from a blind hit in one step; once granted the case shows as linked', async () => {
      const asked = await gql(app, 'mutation($i: RequestAccessInput!) { requestAccess(input: $i) { id } }', { i: { caseId: fjCase, reason: '同一涉案账户' } }, { token: t['gd'] });
      expect(asked.errors).toBeUndefined();
      expect((await links(t['gd'], gdCase)).blindHits[0].requested).toBe(true);
      // Fujian's supervisor decides (access table).
      const decided = await gql(app, 'mutation($i: DecideAccessRequestInput!) { decideAccessRequest(input: $i) { status } }', { i: { id: asked.data?.requestAccess.id, approve: true, access: 'READ' } }, { token: t['fjSup'] });
      expect(decided.data?.decideAccessRequest.status).toBe('APPROVED');
      const after = await links(t['gd'], gdCase);
      expect(after.blindHits).toEqual([]);
      expect(after.linkedCases).toEqual([{ case: { id: fjCase }, shared: [{ kind: 'BANK_CARD', value: mule, state: 'LINKING' }] }]);
      expect(after.series).toMatchObject({ caseCount: 2, hiddenCaseCount: 0, totalLoss: '42000.50', victimCount: 2 });
      const listed = await gql(app, '{ seriesList(first: 100) { edges { node { id totalLoss cases { id } } } } }', {}, { token: t['gd'] });
      expect(listed.data?.seriesList.edges).toContainEqual({ node: { id: after.series.id, totalLoss: '42000.50', cases: expect.arrayContaining([{ id: gdCase }, { id: fjCase }]) } });
    });

    it('draws the link graph and expands a value', async () => {
      const r = await gql(app, 'query($id: ID!, $e: [ID!]) { linkGraph(caseId: $id, expand: $e) { nodes { id type root } edges { source target type } truncated } }', { id: gdCase, e: [`value:BANK_CARD:${mule}`] }, { token: t['gd'] });
      expect(r.errors).toBeUndefined();
      const ids = r.data?.linkGraph.nodes.map((n: any) => n.id);
      expect(ids).toEqual(expect.arrayContaining([`case:${gdCase}`, `case:${fjCase}`, `value:BANK_CARD:${mule}`, `series:${await seriesOf(gdCase)}`]));
      expect(r.data?.linkGraph.edges).toEqual(expect.arrayContaining([{ source: `case:${fjCase}`, target: `value:BANK_CARD:${mule}`, type: 'HOLDS' }]));
      // A READ grantee cannot confirm a guessed phone number by expanding it: nothing is opened.
      const phone = randomMobile();
      await gql(app, CLUE, { i: { caseId: fjCase, kind: 'PHONE', value: phone } }, { token: t['fj'] });
      await waitFor(async () => ((await owner.query('SELECT 1 FROM evidence_postings WHERE case_id = $1 AND canonical = $2', [fjCase, `+86${phone}`])).rowCount ? true : undefined), 'the phone posting');
      const guess = await gql(app, 'query($id: ID!, $e: [ID!]) { linkGraph(caseId: $id, expand: $e) { nodes { id label } } }', { id: gdCase, e: [`value:PHONE:+86${phone}`] }, { token: t['gd'] });
      expect(JSON.stringify(guess.data?.linkGraph.nodes)).not.toContain(phone);
      const bad = await gql(app, 'query($id: ID!, $e: [ID!]) { linkGraph(caseId: $id, expand: $e) { truncated } }', { id: gdCase, e: ['drop table'] }, { token: t['gd'] });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expand.0' });
    });
  });

  it('a corrected clue takes its link away, and the series splits', async () => {
    const phone = randomMobile();
    const a = await createCase(t['gd']);
    const b = await createCase(t['zj']);
    const clue = await gql(app, CLUE, { i: { caseId: a, kind: 'PHONE', value: phone } }, { token: t['gd'] });
    await gql(app, CLUE, { i: { caseId: b, kind: 'PHONE', value: phone } }, { token: t['zj'] });
    await waitFor(async () => ((await seriesOf(a)) && (await seriesOf(a)) === (await seriesOf(b)) ? true : undefined), 'the phone to link');
    const fixed = await gql(app, 'mutation($id: ID!, $v: String!) { correctIdentifier(id: $id, value: $v) { canonical } }', { id: clue.data?.addIdentifier.id, v: randomMobile() }, { token: t['gd'] });
    expect(fixed.errors).toBeUndefined();
    await waitFor(async () => ((await seriesOf(a)) === null && (await seriesOf(b)) === null ? true : undefined), 'the series to split');
    expect(codeOf(await gql(app, 'mutation($id: ID!, $v: String!) { correctIdentifier(id: $id, value: $v) { id } }', { id: clue.data?.addIdentifier.id, v: '12' }, { token: t['zj'] }))).toBe('NOT_FOUND');
    const malformed = await gql(app, 'mutation($id: ID!, $v: String!) { correctIdentifier(id: $id, value: $v) { id } }', { id: clue.data?.addIdentifier.id, v: 'abc' }, { token: t['gd'] });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
  });

  it('warninglisted values never link; agency admins maintain the list', async () => {
    const card = randomCard();
    const a = await createCase(t['gd']);
    const b = await createCase(t['zj']);
    await addStatement(t['gd'], a, card);
    await addStatement(t['zj'], b, card);
    await waitFor(async () => ((await seriesOf(a)) ? true : undefined), 'the link');
    const ADD_ENTRY = 'mutation($i: AddWarninglistEntryInput!) { addWarninglistEntry(input: $i) { id value removable } }';
    expect(codeOf(await gql(app, ADD_ENTRY, { i: { kind: 'BANK_CARD', value: card, reason: '银行公共账户' } }, { token: t['gd'] }))).toBe('FORBIDDEN');
    const bad = await gql(app, ADD_ENTRY, { i: { kind: 'BANK_CARD', value: '1234', reason: '银行公共账户' } }, { token: t['gdAdmin'] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.value' });
    const added = await gql(app, ADD_ENTRY, { i: { kind: 'BANK_CARD', value: card, reason: '银行公共账户' } }, { token: t['gdAdmin'] });
    expect(added.data?.addWarninglistEntry).toMatchObject({ value: card, removable: true });
    await waitFor(async () => ((await seriesOf(a)) === null ? true : undefined), 'the warninglist to unlink');
    expect((await links(t['gd'], a)).warninglisted).toEqual([{ kind: 'BANK_CARD', value: card }]);
    const REMOVE = 'mutation($id: ID!) { removeWarninglistEntry(id: $id) }';
    expect(codeOf(await gql(app, REMOVE, { id: added.data?.addWarninglistEntry.id }, { token: t['zjAdmin'] }))).toBe('FORBIDDEN');
    expect((await gql(app, REMOVE, { id: added.data?.addWarninglistEntry.id }, { token: t['gdAdmin'] })).data?.removeWarninglistEntry).toBe(true);
    await waitFor(async () => ((await seriesOf(a)) && (await seriesOf(a)) === (await seriesOf(b)) ? true : undefined), 'the link to return');
    // Built-in entries (bank hotlines) are there for everyone.
    const builtIn = await gql(app, '{ warninglist(first: 100, search: "95588") { edges { node { value builtIn } } } }', {}, { token: t['fj'] });
    expect(builtIn.data?.warninglist.edges).toEqual([{ node: { value: '95588', builtIn: true } }]);
  });

  it('a value held by too many cases waits for review instead of gluing them; confirming links them', async () => {
    const phone = randomMobile();
    // One more holder than the default threshold (25).
    const cases: string[] = [];
    for (let i = 0; i < 26; i++) {
      const token = i % 2 === 0 ? t['gd'] : t['zj'];
      const c = await createCase(token);
      await gql(app, CLUE, { i: { caseId: c, kind: 'PHONE', value: phone } }, { token });
      cases.push(c);
    }
    const canonical = `+86${phone}`;
    await waitFor(async () => ((await owner.query('SELECT 1 FROM evidence_hubs WHERE canonical = $1', [canonical])).rowCount ? true : undefined), 'the hub flag');
    await waitFor(async () => (await Promise.all(cases.map(seriesOf))).every((s) => s === null) ? true : undefined, 'the hub to unglue');
    const reviews = await gql(app, '{ hubReviews { kind value caseCount state } }', {}, { token: t['gdSup'] });
    expect(reviews.data?.hubReviews).toEqual(expect.arrayContaining([{ kind: 'PHONE', value: canonical, caseCount: 26, state: 'HUB_REVIEW' }]));
    // Fujian holds no case with the value: its supervisor (who may review hubs) is not shown this one.
    expect((await gql(app, '{ hubReviews { value } }', {}, { token: t['fjSup'] })).data?.hubReviews.map((h: any) => h.value)).not.toContain(canonical);
    const REVIEW = 'mutation($i: ReviewHubInput!) { reviewHub(input: $i) { state } }';
    expect(codeOf(await gql(app, REVIEW, { i: { kind: 'PHONE', value: canonical, decision: 'CONFIRM' } }, { token: t['gd'] }))).toBe('FORBIDDEN');
    expect((await gql(app, REVIEW, { i: { kind: 'PHONE', value: canonical, decision: 'CONFIRM' } }, { token: t['gdSup'] })).data?.reviewHub.state).toBe('HUB_CONFIRMED');
    const again = await gql(app, REVIEW, { i: { kind: 'PHONE', value: canonical, decision: 'CONFIRM' } }, { token: t['gdSup'] });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'HUB_CONFIRMED' });
    await waitFor(async () => {
      const s = await Promise.all(cases.map(seriesOf));
      return s[0] && s.every((x) => x === s[0]) ? true : undefined;
    }, 'the confirmed hub to link');
    // Warninglisted meanwhile by another agency: warninglisting the confirmed hub is no error, the hub leaves the list.
    await owner.query(`INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, agency_id) VALUES ('PHONE', $1, $1, '客服热线', $2)`, [canonical, fj.id]);
    const listed = await gql(app, 'mutation($i: ReviewHubInput!) { reviewHub(input: $i) { state } }', { i: { kind: 'PHONE', value: canonical, decision: 'WARNINGLIST', reason: '公共客服号码' } }, { token: t['gdSup'] });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.reviewHub).toBeNull();
    expect((await owner.query('SELECT count(*)::int AS n FROM evidence_hubs WHERE canonical = $1', [canonical])).rows[0].n).toBe(0);
  });

  it('traces money forward through bank-reported transfers, splitting, stopping at a cycle', async () => {
    const [m1, m2, m3, m4] = [randomCard(), randomCard(), randomCard(), randomCard()];
    const c = await createCase(t['gd']);
    const start = await addStatement(t['gd'], c, m1, '10000.00');
    const hop = (from: string, to: string, amount: string, at: string) =>
      owner.query(
        `INSERT INTO transfers (case_id, agency_id, source, from_account, to_account, amount, occurred_at, channel, from_kind, from_canonical, to_kind, to_canonical)
         VALUES ($1, $2, 'BANK_RESPONSE', $3, $4, $5, $6, 'BANK_TRANSFER', 'BANK_CARD', $3, 'BANK_CARD', $4)`,
        [c, gd.id, from, to, amount, at],
      );
    await hop(m1, m2, '6000.00', '2026-11-19T11:00:00Z');
    await hop(m1, m3, '4000.00', '2026-11-19T11:05:00Z');
    await hop(m2, m4, '6000.00', '2026-11-19T12:00:00Z');
    await hop(m4, m1, '1000.00', '2026-11-19T13:00:00Z');
    await hop(m3, m4, '500.00', '2026-11-18T09:00:00Z'); // before the money arrived: not followed
    const TRACE = `query($id: ID!, $h: Int) { fundTrace(transferId: $id, maxHops: $h) {
      hops truncated lastSeen { id amountHeld cycle } edges { id traced cycle } nodes { id amountIn } } }`;
    const r = await gql(app, TRACE, { id: start, h: 6 }, { token: t['gd'] });
    expect(r.errors).toBeUndefined();
    const held = Object.fromEntries(r.data?.fundTrace.lastSeen.map((n: any) => [n.id, n.amountHeld]));
    expect(held).toEqual({ [m4]: '5000.00', [m3]: '4000.00', [m1]: '1000.00' });
    expect(r.data?.fundTrace.edges.find((e: any) => e.traced === '1000.00')).toMatchObject({ cycle: true });
    expect(r.data?.fundTrace.edges).toHaveLength(5);
    // Need-to-know: another province cannot trace Guangdong's transfer.
    expect(codeOf(await gql(app, TRACE, { id: start, h: 6 }, { token: t['zj'] }))).toBe('NOT_FOUND');
    const tooDeep = await gql(app, TRACE, { id: start, h: 7 }, { token: t['gd'] });
    expect(tooDeep.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxHops' });
    // The same trace in the background.
    const run = await gql(app, 'mutation($id: ID!) { startFundTrace(transferId: $id, maxHops: 12) { id state } }', { id: start }, { token: t['gd'] });
    expect(run.errors).toBeUndefined();
    const done = await waitFor(async () => {
      const s = await gql(app, 'query($id: ID!) { fundTraceRun(id: $id) { state result { lastSeen { id amountHeld } } } }', { id: run.data?.startFundTrace.id }, { token: t['gd'] });
      return s.data?.fundTraceRun.state === 'DONE' ? s.data.fundTraceRun : undefined;
    }, 'the background trace');
    expect(Object.fromEntries(done.result.lastSeen.map((n: any) => [n.id, n.amountHeld]))).toEqual(held);
    expect(codeOf(await gql(app, 'query($id: ID!) { fundTraceRun(id: $id) { state } }', { id: run.data?.startFundTrace.id }, { token: t['zj'] }))).toBe('NOT_FOUND');
  });

  it('a full relink, started by the national admin, reports progress and keeps every series', async () => {
    await waitFor(async () => ((await owner.query('SELECT count(*)::int AS n FROM evidence_changes')).rows[0].n === 0 ? true : undefined), 'the outbox to drain');
    const before = (await owner.query('SELECT case_id, series_id FROM series_members ORDER BY case_id')).rows;
    expect(codeOf(await gql(app, 'mutation { startRelink { id } }', {}, { token: t['gdAdmin'] }))).toBe('FORBIDDEN');
    const started = await gql(app, 'mutation { startRelink { id state } }', {}, { token: t['centre'] });
    expect(started.errors).toBeUndefined();
    const run = await waitFor(async () => {
      const r = await gql(app, 'query($id: ID!) { relinkRun(id: $id) { state progress stats } }', { id: started.data?.startRelink.id }, { token: t['centre'] });
      return r.data?.relinkRun.state === 'DONE' ? r.data.relinkRun : undefined;
    }, 'the relink', 60_000);
    expect(run.progress).toBe(1);
    expect(run.stats).toMatchObject({ identifiers: expect.any(Number), series: expect.any(Number) });
    // Same membership, same series ids (a rebuild keeps the ids people bookmarked).
    expect((await owner.query('SELECT case_id, series_id FROM series_members ORDER BY case_id')).rows).toEqual(before);
  });
});
