import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, IdentifierKind, normalizeIdentifier, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, multipart, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, randomMobile, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const CREATE = 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber } }';
const CLUE = 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }';
const SHARE = 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeShare(id: $id) { id } }';
const COOPERATION = 'mutation($i: SendCooperationRequestInput!) { sendCooperationRequest(input: $i) { id state } }';
const CASE = 'query($id: ID!) { case(id: $id) { id identifiers { kind canonical rawValue } statements { transfers { fromAccount toAccount } } } }';
const SEARCH = 'query($s: String!) { cases(first: 50, filter: { search: $s }) { edges { node { id } } } }';

/**
 * Shared material leaves only by the front door (DESIGN.md "Who sees what" 11): every side door tried, and refused
 * or masked; the legitimate path beside it still works.
 */
describe('side doors', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let gd: TestAgency;
  let zj: TestAgency;
  let fj: TestAgency;
  let partner: TestAgency;
  let nat: TestAgency;
  const t: Record<string, string> = {};
  const SU = Role.SUPERVISOR;
  const IN = Role.INVESTIGATOR;

  const createCase = async (token: string, title = '网络刷单诈骗') =>
    (await gql(app, CREATE, { i: { title, fraudType: 'CLICK_FARMING', reportedOn: '2026-11-20' } }, { token })).data?.createCase as { id: string; caseNumber: string };
  const pay = (token: string, caseId: string, toAccount: string, channel = 'BANK_TRANSFER') =>
    gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: { caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '刷单', reportedLoss: '500', victim: { name: '孙七' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount, amount: '500', occurredAt: '2026-11-19T10:00:00Z', channel }] },
    }, { token });
  const share = async (token: string, caseId: string, agencyId: string, access: string, mayPassOn: boolean) => {
    const r = await gql(app, SHARE, { i: { caseId, agencyId, access, mayPassOn, mayUseInCourt: false, mustAskBeforeActing: false } }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.shareCase.id as string;
  };
  const revoke = async (token: string, id: string) => expect((await gql(app, REVOKE, { id }, { token })).errors).toBeUndefined();
  const inject = (method: 'GET' | 'POST', url: string, token: string, extra: Record<string, unknown> = {}) =>
    app.getHttpAdapter().getInstance().inject({ method, url, headers: { authorization: `Bearer ${token}`, ...((extra['headers'] as object) ?? {}) }, payload: extra['payload'] as Buffer | undefined });
  const upload = async (token: string, caseId: string, body: string) => {
    const { body: payload, contentType } = multipart(Buffer.from(body), 'ledger.txt');
    const res = await inject('POST', `/cases/${caseId}/attachments`, token, { payload, headers: { 'content-type': contentType } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const linked = (a: string, b: string) =>
    waitFor(async () => ((await owner.query('SELECT count(*)::int AS n FROM series_members WHERE case_id = ANY($1)', [[a, b]])).rows[0].n === 2 ? true : undefined), 'the link');

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'SdGD', [IN, SU, Role.ANALYST], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'SdZJ', [IN, SU, Role.ANALYST], AgencyKind.POLICE, '330000');
    fj = await createAgency(owner, 'SdFJ', [IN, SU], AgencyKind.POLICE, '350000');
    partner = await createAgency(owner, 'SdPartner', [Role.LIAISON], AgencyKind.FOREIGN_PARTNER, '000000');
    nat = await createAgency(owner, 'SdNat', [Role.ADMIN], AgencyKind.POLICE, '000000', true);
    app = await startApi();
    for (const [k, a, r] of [['gd', gd, IN], ['gdSup', gd, SU], ['gdAn', gd, Role.ANALYST], ['zj', zj, IN], ['zjSup', zj, SU], ['zjAn', zj, Role.ANALYST],
      ['fj', fj, IN], ['fjSup', fj, SU], ['partner', partner, Role.LIAISON], ['nat', nat, Role.ADMIN]] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}` });
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await pool?.end();
    await owner?.end();
  });

  describe('exports', () => {
    it('a linked case shared "may not pass on" leaves only as a blind reference; with leave to pass on, by name', async () => {
      const card = randomCard();
      const mine = await createCase(t['gd']);
      await pay(t['gd'], mine.id, card);
      const theirs = await createCase(t['zj'], '境外刷单团伙案');
      await pay(t['zj'], theirs.id, card);
      await linked(mine.id, theirs.id);
      const shareId = await share(t['zjSup'], theirs.id, gd.id, 'READ', false);
      const exportAs = async (format: string) => {
        const r = await inject('GET', `/cases/${mine.id}/export?format=${format}`, t['gd']);
        expect(r.statusCode).toBe(200);
        return r.body;
      };
      for (const format of ['stix', 'misp']) {
        const body = await exportAs(format);
        expect(body).toContain(card);
        expect(body).not.toContain(theirs.caseNumber);
        expect(body).not.toContain('境外刷单团伙案');
        expect(body).not.toContain(theirs.id);
        expect(body).toContain(format === 'stix' ? zj.name : 'a case held by');
      }
      expect(JSON.parse(await exportAs('misp')).Event.RelatedEvent).toEqual([]);
      // The owner lets it be passed on: the linked case is named.
      await revoke(t['zjSup'], shareId);
      await share(t['zjSup'], theirs.id, gd.id, 'READ', true);
      expect(await exportAs('stix')).toContain(theirs.caseNumber);
      expect(JSON.parse(await exportAs('misp')).Event.RelatedEvent).toHaveLength(1);
    });
  });

  describe('cooperation requests and their attachments', () => {
    let caseId: string;
    let evidence: string;
    const cooperation = (draft: boolean) => ({
      caseId, partnerAgencyId: partner.id, kind: 'INFORMATION_SHARING', legalBasis: 'RECIPROCITY', summary: '请提供账户信息', draft,
      attachments: [{ attachmentId: evidence, mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true }],
    });

    beforeAll(async () => {
      caseId = (await createCase(t['gd'], '协查案件')).id;
      evidence = await upload(t['gd'], caseId, 'bank ledger');
    });

    it('a draft carrying evidence is not sent once the case may no longer be passed on (GraphQL and PostgreSQL)', async () => {
      let shareId = await share(t['gdSup'], caseId, zj.id, 'CONTRIBUTE', true);
      const draft = await gql(app, COOPERATION, { i: cooperation(true) }, { token: t['zj'] });
      expect(draft.data?.sendCooperationRequest.state).toBe('DRAFT');
      const id = draft.data?.sendCooperationRequest.id as string;
      await revoke(t['gdSup'], shareId);
      shareId = await share(t['gdSup'], caseId, zj.id, 'CONTRIBUTE', false);
      const sent = await gql(app, 'mutation($id: ID!) { sendDraft(id: $id) { state } }', { id }, { token: t['zj'] });
      expect(sent.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not passed on/), extensions: { code: 'FORBIDDEN' } });
      await expect(asAgency(pool, zj.id, `UPDATE agency_requests SET state = 'SENT', sent_at = now() WHERE id = $1`, [id], [IN])).rejects.toThrow(/may not pass/);
      expect((await owner.query('SELECT state FROM agency_requests WHERE id = $1', [id])).rows[0].state).toBe('DRAFT');
      // Without evidence the grantee may still send (it may act on the case).
      const plain = await gql(app, COOPERATION, { i: { ...cooperation(false), attachments: [] } }, { token: t['zj'] });
      expect(plain.data?.sendCooperationRequest.state).toBe('SENT');
      await revoke(t['gdSup'], shareId);
    });

    it('once its share is revoked the sending grantee no longer downloads the evidence; the partner keeps what it lawfully received', async () => {
      const shareId = await share(t['gdSup'], caseId, zj.id, 'CONTRIBUTE', true);
      const sent = await gql(app, COOPERATION, { i: cooperation(false) }, { token: t['zj'] });
      expect(sent.data?.sendCooperationRequest.state).toBe('SENT');
      const id = sent.data?.sendCooperationRequest.id as string;
      const url = `/requests/${id}/attachments/${evidence}`;
      expect((await inject('GET', url, t['zj'])).statusCode).toBe(200);
      expect((await inject('GET', url, t['partner'])).statusCode).toBe(200);
      await revoke(t['gdSup'], shareId);
      expect((await inject('GET', url, t['zj'])).statusCode).toBe(404);
      expect((await inject('GET', url, t['partner'])).body).toBe('bank ledger');
      const listed = await gql(app, 'query($id: ID!) { request(id: $id) { attachments { attachmentId } } }', { id }, { token: t['zj'] });
      expect(listed.data?.request.attachments).toEqual([]);
      // PostgreSQL: the rows and the file function answer nothing to Zhejiang, the file to the partner.
      expect(await asAgency(pool, zj.id, 'SELECT count(*)::int AS n FROM request_attachments WHERE request_id = $1', [id], [IN])).toEqual([{ n: 0 }]);
      expect(await asAgency(pool, zj.id, 'SELECT count(*)::int AS n FROM request_attachment_file($1, $2)', [id, evidence], [IN])).toEqual([{ n: 0 }]);
      expect(await asAgency(pool, partner.id, 'SELECT count(*)::int AS n FROM request_attachment_file($1, $2)', [id, evidence], [Role.LIAISON])).toEqual([{ n: 1 }]);
    });
  });

  describe('task forces', () => {
    const FORCE = 'query($id: ID!) { taskForce(id: $id) { id cases { id } } }';
    const SET_AGENCY = 'mutation($f: ID!, $a: ID!, $m: Boolean!) { setTaskForceAgency(taskForceId: $f, agencyId: $a, member: $m) { id } }';
    const SET_CASE = 'mutation($f: ID!, $c: ID!, $in: Boolean!) { setTaskForceCase(taskForceId: $f, caseId: $c, inForce: $in) { id cases { id } } }';

    it('members read a case only as long as its owner, who put it in, is in the force; a lead cannot put in or bring back what is not its own', async () => {
      const force = await gql(app, 'mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', { i: { name: '联合专案', memberAgencyIds: [zj.id, fj.id] } }, { token: t['gdSup'] });
      const forceId = force.data?.createTaskForce.id as string;
      const zjCase = (await createCase(t['zj'], '浙江专案')).id;
      // A case shared to the lead "may not pass on": the lead cannot put it in (GraphQL and PostgreSQL).
      const sharedToLead = (await createCase(t['zj'], '浙江共享案')).id;
      await share(t['zjSup'], sharedToLead, gd.id, 'READ', false);
      expect(codeOf(await gql(app, SET_CASE, { f: forceId, c: sharedToLead, in: true }, { token: t['gdSup'] }))).toBe('FORBIDDEN');
      await expect(asAgency(pool, gd.id, 'INSERT INTO task_force_cases (task_force_id, case_id, added_by) VALUES ($1, $2, $3)', [forceId, sharedToLead, gd.users[SU].id], [SU]))
        .rejects.toThrow(/row-level security/);
      // The owner puts its case in: every member reads it.
      expect((await gql(app, SET_CASE, { f: forceId, c: zjCase, in: true }, { token: t['zjSup'] })).errors).toBeUndefined();
      expect((await gql(app, CASE, { id: zjCase }, { token: t['fj'] })).data?.case.id).toBe(zjCase);
      // The lead removes the owner from the force: its case leaves with it, for the lead and the other members.
      expect((await gql(app, SET_AGENCY, { f: forceId, a: zj.id, m: false }, { token: t['gdSup'] })).errors).toBeUndefined();
      expect(codeOf(await gql(app, CASE, { id: zjCase }, { token: t['fj'] }))).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, CASE, { id: zjCase }, { token: t['gd'] }))).toBe('NOT_FOUND');
      expect((await gql(app, FORCE, { id: forceId }, { token: t['gdSup'] })).data?.taskForce.cases).toEqual([]);
      expect(await asAgency(pool, fj.id, 'SELECT count(*)::int AS n FROM cases WHERE id = $1', [zjCase], [IN])).toEqual([{ n: 0 }]);
      // Back in, the owner takes its case out; the lead cannot bring it back by hand.
      expect((await gql(app, SET_AGENCY, { f: forceId, a: zj.id, m: true }, { token: t['gdSup'] })).errors).toBeUndefined();
      expect((await gql(app, CASE, { id: zjCase }, { token: t['fj'] })).data?.case.id).toBe(zjCase);
      expect((await gql(app, SET_CASE, { f: forceId, c: zjCase, in: false }, { token: t['zjSup'] })).errors).toBeUndefined();
      await expect(asAgency(pool, gd.id, 'UPDATE task_force_cases SET removed_at = NULL WHERE task_force_id = $1 AND case_id = $2', [forceId, zjCase], [SU]))
        .rejects.toThrow(/row-level security/);
      expect(codeOf(await gql(app, CASE, { id: zjCase }, { token: t['fj'] }))).toBe('NOT_FOUND');
    });
  });

  describe('bulletin match counts', () => {
    it('the publisher counts the cases it may read; one hidden case holding the watched value tells it nothing', async () => {
      const phone = randomMobile();
      const hidden = (await createCase(t['zj'], '浙江隐藏案')).id;
      expect((await gql(app, CLUE, { i: { caseId: hidden, kind: 'PHONE', value: phone } }, { token: t['zj'] })).errors).toBeUndefined();
      await waitFor(async () => ((await owner.query('SELECT 1 FROM evidence_postings WHERE case_id = $1', [hidden])).rowCount ? true : undefined), 'the posting');
      const publish = async () => {
        const r = await gql(app, 'mutation($i: PublishBulletinInput!) { publishBulletin(input: $i) { id } }', {
          i: { title: '号码预警', body: '请关注该号码', fraudType: 'CLICK_FARMING', handling: { mayPassOn: true, mayUseInCourt: true, mustAskBeforeActing: false },
            recipientKinds: ['POLICE'], identifiers: [{ kind: 'PHONE', value: phone }] },
        }, { token: t['gdSup'] });
        expect(r.errors).toBeUndefined();
        const id = r.data?.publishBulletin.id as string;
        return waitFor(async () => {
          const b = await gql(app, 'query($id: ID!) { bulletin(id: $id) { processed matchedCaseCount matchedElsewhere } }', { id }, { token: t['gdSup'] });
          return b.data?.bulletin.processed ? b.data.bulletin : undefined;
        }, 'the bulletin to be matched');
      };
      expect(await publish()).toEqual({ processed: true, matchedCaseCount: 0, matchedElsewhere: false });
      // A case of its own holding the value counts.
      const own = (await createCase(t['gd'], '广东案')).id;
      expect((await gql(app, CLUE, { i: { caseId: own, kind: 'PHONE', value: phone } }, { token: t['gd'] })).errors).toBeUndefined();
      await waitFor(async () => ((await owner.query('SELECT 1 FROM evidence_postings WHERE case_id = $1', [own])).rowCount ? true : undefined), 'the posting');
      expect(await publish()).toEqual({ processed: true, matchedCaseCount: 1, matchedElsewhere: false });
      // Straight at PostgreSQL: the same figures, none for anyone but the publisher.
      const [b] = await asAgency<{ id: string }>(pool, gd.id, 'SELECT id FROM bulletins WHERE publisher_agency_id = $1 ORDER BY published_at DESC LIMIT 1', [gd.id], [SU]);
      expect(await asAgency(pool, zj.id, 'SELECT bulletin_match_count($1) AS n, bulletin_matched_elsewhere($1) AS e', [b.id], [IN])).toEqual([{ n: null, e: null }]);
    });
  });

  describe('search over masked values', () => {
    it('a READ grantee or an analyst finds no case by the digits of a phone it sees masked; the owner does', async () => {
      const phone = randomMobile();
      const c = (await createCase(t['gd'], '电话检索案')).id;
      expect((await gql(app, CLUE, { i: { caseId: c, kind: 'PHONE', value: phone } }, { token: t['gd'] })).errors).toBeUndefined();
      await share(t['gdSup'], c, zj.id, 'READ', true);
      const found = async (token: string, s: string) => (await gql(app, SEARCH, { s }, { token })).data?.cases.edges.map((e: { node: { id: string } }) => e.node.id) ?? [];
      expect(await found(t['gd'], phone.slice(3, 9))).toContain(c);
      for (const k of ['zj', 'gdAn']) {
        expect(await found(t[k], phone.slice(3, 9))).not.toContain(c);
        expect(await found(t[k], phone)).not.toContain(c);
        expect(await found(t[k], '电话检索案')).toContain(c);
      }
    });

    it('case_search_matches (the case search, SECURITY DEFINER, both roads) called straight at the database answers only cases the caller reads', async () => {
      const phone = randomMobile();
      const c = (await createCase(t['gd'], '直连检索案')).id;
      expect((await gql(app, CLUE, { i: { caseId: c, kind: 'PHONE', value: phone } }, { token: t['gd'] })).errors).toBeUndefined();
      // Both roads: the trigram indexes (no third argument) and the walk's cases named one by one (p_within, which
      // must not answer for a case the caller cannot read, however it is named).
      for (const within of [false, true]) {
        const matches = async (agencyId: string | null, roles: string[], pattern: string, compact: string | null = pattern) =>
          (await asAgency<{ id: string }>(pool, agencyId, `SELECT case_search_matches($1, $2${within ? ', $3::uuid[]' : ''}) AS id`,
            [`%${pattern}%`, compact === null ? null : `%${compact}%`, ...(within ? [[c]] : [])], roles)).map((r) => r.id);
        // The owner's investigator: by title, by the phone (seen in full); its analyst: by title, never by the masked phone.
        expect(await matches(gd.id, [IN], '直连检索案')).toContain(c);
        expect(await matches(gd.id, [IN], phone)).toContain(c);
        expect(await matches(gd.id, [Role.ANALYST], '直连检索案')).toContain(c);
        expect(await matches(gd.id, [Role.ANALYST], phone)).not.toContain(c);
        // Another province (no share), a partner's liaison, the gd admin (not a case reader), the worker with no agency: nothing.
        expect(await matches(zj.id, [IN, SU], '直连检索案')).toEqual([]);
        expect(await matches(zj.id, [IN, SU], phone)).toEqual([]);
        expect(await matches(partner.id, [Role.LIAISON], '直连检索案')).toEqual([]);
        expect(await matches(gd.id, [Role.ADMIN], '直连检索案')).toEqual([]);
        expect(await matches(null, ['SYSTEM'], '直连检索案')).toEqual([]);
        // Without p_compact (a term too short to be a clue) identifiers are not read.
        expect(await matches(gd.id, [IN], phone, null)).not.toContain(c);
        // A whole number matched whole (p_kinds, p_exact: the btree road): the same rules.
        const canonical = normalizeIdentifier(IdentifierKind.PHONE, phone);
        if (!canonical.ok) throw new Error('randomMobile made no phone');
        const exactly = async (agencyId: string, roles: string[]) =>
          (await asAgency<{ id: string }>(pool, agencyId, 'SELECT case_search_matches($1, $2, $3::uuid[], $4::text[], $5::text[]) AS id',
            ['%none%', '%none%', within ? [c] : null, ['PHONE'], [canonical.canonical]], roles)).map((r) => r.id);
        expect(await exactly(gd.id, [IN])).toContain(c);
        expect(await exactly(gd.id, [Role.ANALYST])).not.toContain(c);
        expect(await exactly(zj.id, [IN, SU])).toEqual([]);
      }
    });
  });

  describe('masking of accounts and clues', () => {
    it('a phone used as an account is masked in the payment trail and the clues for READ grantees and analysts, by the clues\' rule', async () => {
      const phone = randomMobile();
      const c = (await createCase(t['gd'], '手机号收款案')).id;
      // A payment app account named by its mobile number (a bare 11-digit number would read as a bank account).
      expect((await pay(t['gd'], c, `+86 ${phone}`, 'THIRD_PARTY_PAYMENT')).errors).toBeUndefined();
      await share(t['gdSup'], c, zj.id, 'READ', true);
      const seen = async (token: string) => JSON.stringify((await gql(app, CASE, { id: c }, { token })).data?.case);
      expect(await seen(t['gd'])).toContain(phone.slice(-8));
      for (const k of ['zj', 'gdAn']) {
        const body = await seen(t[k]);
        expect(body).toContain('****');
        expect(body).not.toContain(phone.slice(3, 7));
      }
      // A fund trace from the transfer: the phone is a masked node for the analyst, in full for the investigator.
      const transferId = (await owner.query<{ id: string }>('SELECT id FROM transfers WHERE case_id = $1', [c])).rows[0].id;
      const TRACE = 'query($id: ID!) { fundTrace(transferId: $id, maxHops: 2) { nodes { id label } edges { source target } } }';
      expect(JSON.stringify((await gql(app, TRACE, { id: transferId }, { token: t['gd'] })).data)).toContain(phone.slice(3, 7));
      const masked = await gql(app, TRACE, { id: transferId }, { token: t['gdAn'] });
      expect(masked.errors).toBeUndefined();
      expect(JSON.stringify(masked.data)).not.toContain(phone.slice(3, 7));
    });
  });

  describe('by-id reads answer what the list shows', () => {
    it('user(id) of another agency is NOT_FOUND even for the national admin, whose users list is its own agency', async () => {
      const USER = 'query($id: ID!) { user(id: $id) { id } }';
      const list = await gql(app, '{ users(first: 100) { edges { node { id } } } }', {}, { token: t['nat'] });
      expect(list.data?.users.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(gd.users[IN].id);
      expect(codeOf(await gql(app, USER, { id: gd.users[IN].id }, { token: t['nat'] }))).toBe('NOT_FOUND');
      expect((await gql(app, USER, { id: nat.users[Role.ADMIN].id }, { token: t['nat'] })).data?.user.id).toBe(nat.users[Role.ADMIN].id);
    });
  });
});
