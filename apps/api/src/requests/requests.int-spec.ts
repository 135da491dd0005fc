import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { createClient, Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, multipart, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, randomMobile, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const SEND_FREEZE = `mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id reference state deadlineAt deadlineColour caseId allowedTransitions } }`;
const REQUEST = `query($id: ID!) { request(id: $id) { id reference state caseId caseNumber account amount amountHeld overdue unread extensions expiresAt
  subscriber { name idNumber } downstream { toAccount amount } events { kind fromState toState body agency { id } }
  attachments { attachmentId fileName downloadPath handling { mayPassOn } } allowedTransitions } }`;
const ANSWER = `mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { state amountHeld expiresAt } }`;
const CHANGE = `mutation($i: ChangeRequestStateInput!) { changeRequestState(input: $i) { state extensions } }`;

/**
 * Requests between agencies end to end: the api (two instances for live events), the real worker for
 * deadlines, and need-to-know checked through GraphQL and straight at PostgreSQL.
 */
describe('requests: freezes, telecom, cooperation, deadlines and live inboxes', () => {
  let app: NestFastifyApplication;
  let second: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let gd: TestAgency;
  let zj: TestAgency;
  let bank: TestAgency;
  let otherBank: TestAgency;
  let telecom: TestAgency;
  let partner: TestAgency;
  let otherPartner: TestAgency;
  const t: Record<string, string> = {};
  let caseId: string;
  let trailTransfer: string;
  const mule = randomCard();

  const freeze = (extra: Record<string, unknown> = {}) => ({
    caseId, bankAgencyId: bank.id, kind: 'EMERGENCY_STOP', account: mule, amount: '30000', legalBasisDoc: '粤公(反诈)冻字[2026]017号', ...extra,
  });
  const count = async () => (await owner.query('SELECT count(*)::int AS n FROM agency_requests WHERE case_id = $1', [caseId])).rows[0].n as number;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'ReqGD', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'ReqZJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    bank = await createAgency(owner, 'ReqBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    otherBank = await createAgency(owner, 'ReqBank2', [Role.LIAISON], AgencyKind.BANK, '310000');
    telecom = await createAgency(owner, 'ReqTel', [Role.LIAISON], AgencyKind.TELECOM, '110000');
    partner = await createAgency(owner, 'ReqKH', [Role.LIAISON], AgencyKind.FOREIGN_PARTNER, 'KH');
    otherPartner = await createAgency(owner, 'ReqPH', [Role.LIAISON], AgencyKind.FOREIGN_PARTNER, 'PH');
    app = await startApi();
    second = await startApi();
    await app.listen(0, '127.0.0.1');
    await second.listen(0, '127.0.0.1');
    for (const [k, a, r] of [
      ['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['zj', zj, Role.INVESTIGATOR], ['bank', bank, Role.LIAISON], ['otherBank', otherBank, Role.LIAISON],
      ['telecom', telecom, Role.LIAISON], ['partner', partner, Role.LIAISON], ['otherPartner', otherPartner, Role.LIAISON],
    ] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}`, DEADLINE_SWEEP_MS: '500' });
    const created = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '冒充客服诈骗案', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-11-20' } }, { token: t['gd'] });
    caseId = created.data?.createCase.id;
    const st = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { transfers { id } } }', {
      i: {
        caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '被冒充客服诱导转账', reportedLoss: '30000', victim: { name: '周八' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: mule, amount: '30000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }],
      },
    }, { token: t['gd'] });
    trailTransfer = st.data?.addStatement.transfers[0].id;
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await second?.close();
    await owner.end();
    await pool.end();
  });

  it('refuses bad freeze requests naming the field, and writes nothing', async () => {
    const before = await count();
    for (const [extra, field] of [
      [{ account: '1234' }, 'input.account'],
      [{ amount: '-5' }, 'input.amount'],
      [{ amount: '0' }, 'input.amount'],
      [{ bankAgencyId: telecom.id }, 'input.bankAgencyId'],
      [{ legalBasisDoc: '' }, 'input.legalBasisDoc'],
      [{ sourceTransferId: '00000000-0000-4000-8000-000000000000' }, 'input.sourceTransferId'],
    ] as const) {
      const r = await gql(app, SEND_FREEZE, { i: freeze(extra) }, { token: t['gd'] });
      expect({ field, ext: r.errors?.[0].extensions }).toEqual({ field, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    expect(await count()).toBe(before);
    // Banks and other provinces cannot send on this case at all.
    expect(codeOf(await gql(app, SEND_FREEZE, { i: freeze() }, { token: t['bank'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, SEND_FREEZE, { i: freeze() }, { token: t['zj'] }))).toBe('NOT_FOUND');
  });

  it('an emergency stop reaches the bank live (on another api process), answered with downstream transfers that join the fund trace', async () => {
    // The bank listens on the second api process; another bank listens too and must hear nothing.
    const heard: Record<string, Array<{ requestId: string; state: string }>> = { bank: [], otherBank: [], gd: [] };
    const clients: WsClient[] = [];
    const listen = async (who: string, server: NestFastifyApplication) => {
      const address = server.getHttpServer().address() as { port: number };
      const client = createClient({ url: `ws://127.0.0.1:${address.port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t[who]}` }, lazy: false });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('error', reject);
      });
      client.subscribe<{ requestUpdates: { requestId: string; state: string } }>({ query: 'subscription { requestUpdates { requestId state eventKind fromAgencyId toAgencyId } }' }, {
        next: (v) => v.data && heard[who].push(v.data.requestUpdates), error: () => undefined, complete: () => undefined,
      });
    };
    try {
      await listen('bank', second);
      await listen('otherBank', second);
      await listen('gd', app);
      // Wait until every subscription is live: a probe published through Redis reaches the two parties.
      const { createLiveBus, publishRequestUpdate, closeLiveBus } = await import('@caselink/jobs');
      const bus = createLiveBus(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
      try {
        await waitFor(async () => {
          await publishRequestUpdate(bus, `caselink-test-${process.pid}`, {
            requestId: 'probe', reference: 'probe', type: 'FREEZE', state: 'SENT', eventKind: 'STATE', overdue: false, sent: true,
            fromAgencyId: gd.id, toAgencyId: bank.id, at: new Date().toISOString(),
          });
          await new Promise((r) => setTimeout(r, 100));
          return heard['bank'].some((u) => u.requestId === 'probe') && heard['gd'].some((u) => u.requestId === 'probe') ? true : undefined;
        }, 'the subscriptions to be live');
      } finally {
        await closeLiveBus(bus);
      }
      for (const list of Object.values(heard)) list.splice(0);
      const sent = await gql(app, SEND_FREEZE, { i: freeze({ sourceTransferId: trailTransfer }) }, { token: t['gd'] });
      expect(sent.errors).toBeUndefined();
      const id = sent.data?.sendFreezeRequest.id as string;
      expect(sent.data?.sendFreezeRequest).toMatchObject({ state: 'SENT', deadlineColour: 'GREEN', caseId });
      // Sent twice: the same request.
      expect((await gql(app, SEND_FREEZE, { i: freeze({ account: mule.replace(/(\d{4})/g, '$1 ') }) }, { token: t['gd'] })).data?.sendFreezeRequest.id).toBe(id);
      await waitFor(async () => (heard['bank'].some((u) => u.requestId === id) ? true : undefined), 'the bank to hear of it live');

      // The bank sees what it needs and nothing of the case.
      const inbox = await gql(app, `{ requests(direction: INCOMING) { totalCount edges { node { id caseId caseNumber account amount fraudType unread } } } inboxCounts { unread open } }`, {}, { token: t['bank'] });
      expect(inbox.data?.requests.edges).toEqual([{ node: { id, caseId: null, caseNumber: expect.stringMatching(/^440000-/), account: mule, amount: '30000.00', fraudType: 'FAKE_CUSTOMER_SERVICE', unread: true } }]);
      expect(inbox.data?.inboxCounts).toEqual({ unread: 1, open: 1 });
      expect(codeOf(await gql(app, 'query($id: ID!) { case(id: $id) { id } }', { id: caseId }, { token: t['bank'] }))).toBe('FORBIDDEN');
      for (const table of ['victim_statements', 'victims', 'transfers', 'identifiers']) {
        expect(await asAgency(pool, bank.id, `SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId])).toEqual([{ n: 0 }]);
      }
      // Another bank, another province: nothing, through GraphQL and at PostgreSQL.
      expect(codeOf(await gql(app, REQUEST, { id }, { token: t['otherBank'] }))).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, REQUEST, { id }, { token: t['zj'] }))).toBe('NOT_FOUND');
      expect((await gql(app, '{ requests(direction: INCOMING) { totalCount } }', {}, { token: t['otherBank'] })).data?.requests.totalCount).toBe(0);
      for (const agency of [otherBank.id, zj.id, telecom.id]) {
        expect(await asAgency(pool, agency, 'SELECT count(*)::int AS n FROM agency_requests WHERE id = $1', [id])).toEqual([{ n: 0 }]);
        expect(await asAgency(pool, agency, 'SELECT count(*)::int AS n FROM request_events WHERE request_id = $1', [id])).toEqual([{ n: 0 }]);
      }
      await expect(asAgency(pool, otherBank.id, 'UPDATE agency_requests SET state = $2 WHERE id = $1', [id, 'FROZEN']).then(() =>
        owner.query('SELECT state FROM agency_requests WHERE id = $1', [id]).then((r) => r.rows[0].state))).resolves.toBe('SENT');

      // The sender cannot answer for the bank (access table); the bank answers once.
      expect((await gql(app, ANSWER, { i: { id, outcome: 'FROZEN', amountHeld: '1' } }, { token: t['gd'] })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCESS_TABLE' });
      const badRow = await gql(app, ANSWER, { i: { id, outcome: 'PARTIALLY_FROZEN', amountHeld: '18000', downstream: [{ toAccount: 'x1', amount: '1', occurredAt: '2026-11-19T11:00:00Z' }] } }, { token: t['bank'] });
      expect(badRow.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.downstream.0.toAccount' });
      const [next1, next2] = [randomCard('621483'), randomCard('623058')];
      const answered = await gql(app, ANSWER, {
        i: {
          id, outcome: 'PARTIALLY_FROZEN', amountHeld: '18000', balance: '18000.55',
          downstream: [{ toAccount: next1, bank: '招商银行', amount: '5000', occurredAt: '2026-11-19T11:00:00Z' }, { toAccount: next2, amount: '7000', occurredAt: '2026-11-19T11:30:00Z' }],
        },
      }, { token: t['bank'] });
      expect(answered.errors).toBeUndefined();
      expect(answered.data?.answerFreeze).toMatchObject({ state: 'PARTIALLY_FROZEN', amountHeld: '18000.00', expiresAt: expect.any(String) });
      expect((await gql(app, ANSWER, { i: { id, outcome: 'FROZEN', amountHeld: '1' } }, { token: t['bank'] })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PARTIALLY_FROZEN' });
      await waitFor(async () => (heard['gd'].some((u) => u.requestId === id && u.state === 'PARTIALLY_FROZEN') ? true : undefined), 'the sender to see the answer live');
      expect(heard['otherBank']).toEqual([]);
      // The author's notification centre has it too (written by the worker as Guangdong).
      await waitFor(async () => ((await owner.query(
        `SELECT 1 FROM notifications WHERE kind = 'REQUEST_ANSWERED' AND user_id = $1 AND payload->>'requestId' = $2 AND payload->>'state' = 'PARTIALLY_FROZEN'`,
        [gd.users[Role.INVESTIGATOR].id, id],
      )).rowCount ? true : undefined), 'the REQUEST_ANSWERED notification');

      // The new accounts are where the money went: the trace follows them, the graph links them.
      const trace = await gql(app, 'query($id: ID!) { fundTrace(transferId: $id) { lastSeen { id amountHeld } } }', { id: trailTransfer }, { token: t['gd'] });
      expect(Object.fromEntries(trace.data?.fundTrace.lastSeen.map((n: any) => [n.id, n.amountHeld]))).toEqual({ [mule]: '18000.00', [next1]: '5000.00', [next2]: '7000.00' });
      const seen = await gql(app, REQUEST, { id }, { token: t['gd'] });
      expect(seen.data?.request.downstream).toEqual([{ toAccount: next1, amount: '5000.00' }, { toAccount: next2, amount: '7000.00' }]);
      expect(seen.data?.request.events.map((e: any) => `${e.fromState}>${e.toState}`)).toEqual(['DRAFT>SENT', 'SENT>PARTIALLY_FROZEN']);
      // A follow-up freeze from the trace, then extensions: an emergency stop extends once.
      const follow = await gql(app, SEND_FREEZE, { i: freeze({ account: next2, amount: '7000', sourceTransferId: trailTransfer }) }, { token: t['gd'] });
      expect(follow.data?.sendFreezeRequest.state).toBe('SENT');
      expect(codeOf(await gql(app, CHANGE, { i: { id, to: 'EXTENDED' } }, { token: t['gd'] }))).toBe('BAD_USER_INPUT');
      expect((await gql(app, CHANGE, { i: { id, to: 'EXTENDED', legalBasisDoc: '延期[2026]3号' } }, { token: t['gd'] })).data?.changeRequestState).toEqual({ state: 'EXTENDED', extensions: 1 });
      const twice = await gql(app, CHANGE, { i: { id, to: 'EXTENDED', legalBasisDoc: '延期[2026]4号' } }, { token: t['gd'] });
      expect(twice.errors?.[0]).toMatchObject({ message: expect.stringMatching(/extended once/), extensions: { code: 'CONFLICT', currentState: 'EXTENDED' } });
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it('a telecom request is answered with subscriber details only the sender sees', async () => {
    const phone = randomMobile();
    const SEND = `mutation($i: SendTelecomRequestInput!) { sendTelecomRequest(input: $i) { id state } }`;
    const wrong = await gql(app, SEND, { i: { caseId, telecomAgencyId: telecom.id, kind: 'SUSPEND_NUMBER', targetKind: 'URL', targetValue: 'https://x.example', legalBasisDoc: '调证[2026]1号' } }, { token: t['gd'] });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetKind' });
    const sent = await gql(app, SEND, { i: { caseId, telecomAgencyId: telecom.id, kind: 'SUBSCRIBER_INFO', targetKind: 'PHONE', targetValue: phone, legalBasisDoc: '调证[2026]1号', urgency: 'URGENT' } }, { token: t['gd'] });
    const id = sent.data?.sendTelecomRequest.id as string;
    const ANSWER_T = `mutation($i: AnswerTelecomInput!) { answerTelecom(input: $i) { state } }`;
    expect((await gql(app, ANSWER_T, { i: { id, outcome: 'REFUSED' } }, { token: t['telecom'] })).errors?.[0].extensions).toMatchObject({ field: 'input.reason' });
    const done = await gql(app, ANSWER_T, { i: { id, outcome: 'COMPLETED', subscriber: { name: '陈某', idNumber: '11010519491231002X', address: '广东省深圳市' } } }, { token: t['telecom'] });
    expect(done.data?.answerTelecom.state).toBe('COMPLETED');
    expect((await gql(app, REQUEST, { id }, { token: t['gd'] })).data?.request.subscriber).toEqual({ name: '陈某', idNumber: '11010519491231002X' });
    expect(codeOf(await gql(app, REQUEST, { id }, { token: t['bank'] }))).toBe('NOT_FOUND');
  });

  it('a cooperation request shows the partner the attachments chosen for it, no other; "may not pass on" material stays home', async () => {
    const upload = async (token: string, body: string) => {
      const { body: payload, contentType } = multipart(Buffer.from(body), 'ledger.txt');
      const res = await app.getHttpAdapter().getInstance().inject({ method: 'POST', url: `/cases/${caseId}/attachments`, payload, headers: { 'content-type': contentType, authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const chosen = await upload(t['gd'], 'chosen for the partner');
    await upload(t['gd'], 'not chosen');
    const SEND = `mutation($i: SendCooperationRequestInput!) { sendCooperationRequest(input: $i) { id state } }`;
    const input = {
      caseId, partnerAgencyId: partner.id, kind: 'INVESTIGATIVE_ASSISTANCE', legalBasis: 'MUTUAL_LEGAL_ASSISTANCE', summary: '请协查西港诈骗园区人员',
      subjects: [{ name: 'WANG Wei', identifiers: [{ kind: 'PHONE', value: '+855 12 345 678' }] }],
      attachments: [{ attachmentId: chosen, mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true }],
    };
    const bad = await gql(app, SEND, { i: { ...input, subjects: [{ name: 'X', identifiers: [{ kind: 'PHONE', value: 'abc' }] }] } }, { token: t['gd'] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subjects.0.identifiers.0.value' });
    const sent = await gql(app, SEND, { i: input }, { token: t['gd'] });
    const id = sent.data?.sendCooperationRequest.id as string;
    const seen = await gql(app, REQUEST, { id }, { token: t['partner'] });
    expect(seen.data?.request.attachments).toEqual([{ attachmentId: chosen, fileName: 'ledger.txt', downloadPath: `/api/requests/${id}/attachments/${chosen}`, handling: { mayPassOn: false } }]);
    const fetch = (token: string, attachment: string) =>
      app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/requests/${id}/attachments/${attachment}`, headers: { authorization: `Bearer ${token}` } });
    const got = await fetch(t['partner'], chosen);
    expect([got.statusCode, got.body]).toEqual([200, 'chosen for the partner']);
    const notChosen = (await owner.query<{ id: string }>(`SELECT id FROM attachments WHERE case_id = $1 AND id <> $2`, [caseId, chosen])).rows[0].id;
    expect((await fetch(t['partner'], notChosen)).statusCode).toBe(404);
    expect((await fetch(t['otherPartner'], chosen)).statusCode).toBe(404);
    expect((await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/attachments/${chosen}`, headers: { authorization: `Bearer ${t['partner']}` } })).statusCode).toBe(403);
    // The thread and the partner's progress.
    await gql(app, 'mutation($id: ID!, $b: String!) { postRequestMessage(id: $id, body: $b) { id } }', { id, b: 'Received; assigning an officer.' }, { token: t['partner'] });
    expect((await gql(app, CHANGE, { i: { id, to: 'FULFILLED' } }, { token: t['partner'] })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'SENT' });
    for (const to of ['IN_PROGRESS', 'FULFILLED']) {
      if (to === 'IN_PROGRESS') await gql(app, 'mutation($id: ID!) { acknowledgeRequest(id: $id) { state } }', { id }, { token: t['partner'] });
      expect((await gql(app, CHANGE, { i: { id, to, note: 'done' } }, { token: t['partner'] })).data?.changeRequestState.state).toBe(to);
    }
    const events = (await gql(app, REQUEST, { id }, { token: t['gd'] })).data?.request.events.map((e: any) => e.kind);
    expect(events).toEqual(['STATE', 'MESSAGE', 'STATE', 'STATE', 'STATE']);

    // Zhejiang holds the case with CONTRIBUTE but may not pass it on: it cannot attach its evidence.
    await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', { i: { caseId, agencyId: zj.id, access: 'CONTRIBUTE', mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: false } }, { token: t['gdSup'] });
    const forwarded = await gql(app, SEND, { i: input }, { token: t['zj'] });
    expect(forwarded.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not passed on/), extensions: { code: 'FORBIDDEN' } });
  });

  it('an unanswered request turns OVERDUE at its deadline and reaches the supervisor once, however often the clock fires', async () => {
    await owner.query(`UPDATE request_deadline_rules SET answer_within = interval '1 second' WHERE type = 'FREEZE' AND kind = 'FREEZE' AND urgency = 'NORMAL'`);
    try {
      const sent = await gql(app, SEND_FREEZE, { i: freeze({ kind: 'FREEZE', urgency: 'NORMAL', account: randomCard(), bankAgencyId: otherBank.id }) }, { token: t['gd'] });
      const id = sent.data?.sendFreezeRequest.id as string;
      await waitFor(async () => ((await gql(app, REQUEST, { id }, { token: t['gd'] })).data?.request.overdue ? true : undefined), 'OVERDUE', 15_000);
      // Fire again (a duplicate job, the sweep): still one OVERDUE event, one notification per person.
      const { JobProducers, redisConnection } = await import('@caselink/jobs');
      const producers = new JobProducers(redisConnection(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'), `caselink-test-${process.pid}`);
      await producers.deadlines.add('ANSWER', { requestId: id, fromAgencyId: gd.id, due: 'ANSWER', at: new Date().toISOString() }, { jobId: `replay-${id}` });
      await producers.close();
      await new Promise((r) => setTimeout(r, 1500));
      const events = (await owner.query(`SELECT kind FROM request_events WHERE request_id = $1 AND kind = 'OVERDUE'`, [id])).rows;
      expect(events).toHaveLength(1);
      const notices = (await owner.query(`SELECT user_id FROM notifications WHERE kind = 'REQUEST_OVERDUE' AND payload->>'requestId' = $1`, [id])).rows.map((r) => r.user_id).sort();
      expect(notices).toEqual([gd.users[Role.INVESTIGATOR].id, gd.users[Role.SUPERVISOR].id].sort());
      const listed = await gql(app, '{ notifications(first: 20) { edges { node { kind payload } } } }', {}, { token: t['gdSup'] });
      expect(listed.data?.notifications.edges.map((e: any) => e.node.kind)).toContain('REQUEST_OVERDUE');
      const overdue = await gql(app, '{ requests(direction: OUTGOING, overdueOnly: true) { edges { node { id overdue deadlineColour } } } }', {}, { token: t['gd'] });
      expect(overdue.data?.requests.edges).toContainEqual({ node: { id, overdue: true, deadlineColour: 'RED' } });
    } finally {
      await owner.query(`UPDATE request_deadline_rules SET answer_within = interval '1 day' WHERE type = 'FREEZE' AND kind = 'FREEZE' AND urgency = 'NORMAL'`);
    }
  });

  it('a deadline whose job Redis lost still acts once, after a worker restart (the sweep)', async () => {
    await owner.query(`UPDATE request_deadline_rules SET answer_within = interval '1 second' WHERE type = 'TELECOM' AND kind = 'SUSPEND_NUMBER' AND urgency = 'NORMAL'`);
    try {
      await worker.stop('SIGKILL');
      const sent = await gql(app, `mutation($i: SendTelecomRequestInput!) { sendTelecomRequest(input: $i) { id } }`, {
        i: { caseId, telecomAgencyId: telecom.id, kind: 'SUSPEND_NUMBER', targetKind: 'PHONE', targetValue: randomMobile(), legalBasisDoc: '停机[2026]9号' },
      }, { token: t['gd'] });
      const id = sent.data?.sendTelecomRequest.id as string;
      // The delayed job is gone with Redis's data.
      const { JobProducers, redisConnection } = await import('@caselink/jobs');
      const producers = new JobProducers(redisConnection(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'), `caselink-test-${process.pid}`);
      await producers.deadlines.obliterate({ force: true });
      await producers.close();
      await new Promise((r) => setTimeout(r, 1500));
      expect((await owner.query('SELECT overdue_at FROM agency_requests WHERE id = $1', [id])).rows[0].overdue_at).toBeNull();
      worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}`, DEADLINE_SWEEP_MS: '500' });
      await waitFor(async () => ((await owner.query('SELECT overdue_at FROM agency_requests WHERE id = $1', [id])).rows[0].overdue_at ? true : undefined), 'the sweep to escalate');
      await new Promise((r) => setTimeout(r, 1200)); // more sweeps pass
      expect((await owner.query(`SELECT count(*)::int AS n FROM request_events WHERE request_id = $1 AND kind = 'OVERDUE'`, [id])).rows[0].n).toBe(1);
    } finally {
      await owner.query(`UPDATE request_deadline_rules SET answer_within = interval '1 day' WHERE type = 'TELECOM' AND kind = 'SUSPEND_NUMBER' AND urgency = 'NORMAL'`);
    }
  });

  it('a hold about to lapse warns its sender, then lapses (EXPIRED), once each', async () => {
    const sent = await gql(app, SEND_FREEZE, { i: freeze({ account: randomCard(), bankAgencyId: otherBank.id }) }, { token: t['gd'] });
    const id = sent.data?.sendFreezeRequest.id as string;
    expect((await gql(app, ANSWER, { i: { id, outcome: 'FROZEN', amountHeld: '30000' } }, { token: t['otherBank'] })).data?.answerFreeze.state).toBe('FROZEN');
    await waitFor(async () => ((await owner.query(`SELECT 1 FROM notifications WHERE kind = 'REQUEST_ANSWERED' AND payload->>'requestId' = $1`, [id])).rowCount ? true : undefined), 'the answer notification');
    // Two hours left of the 48: inside the 6-hour warning window.
    await owner.query(`UPDATE agency_requests SET expires_at = now() + interval '2 hours' WHERE id = $1`, [id]);
    await waitFor(async () => ((await owner.query(`SELECT 1 FROM request_events WHERE request_id = $1 AND kind = 'EXPIRY_WARNING'`, [id])).rowCount ? true : undefined), 'the expiry warning');
    await owner.query(`UPDATE agency_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    await waitFor(async () => ((await gql(app, REQUEST, { id }, { token: t['gd'] })).data?.request.state === 'EXPIRED' ? true : undefined), 'the hold to lapse');
    await new Promise((r) => setTimeout(r, 1200));
    const kinds = (await owner.query(`SELECT kind, to_state FROM request_events WHERE request_id = $1 ORDER BY created_at`, [id])).rows.map((e) => e.to_state ?? e.kind);
    expect(kinds).toEqual(['SENT', 'FROZEN', 'EXPIRY_WARNING', 'EXPIRED']);
    const notices = (await owner.query(`SELECT kind FROM notifications WHERE payload->>'requestId' = $1 AND user_id = $2 ORDER BY created_at`, [id, gd.users[Role.INVESTIGATOR].id])).rows.map((n) => n.kind);
    expect(notices).toEqual(['REQUEST_ANSWERED', 'HOLD_EXPIRING', 'HOLD_EXPIRED']);
    // The clock's acts are in the sending agency's audit trail, once each.
    const audit = (await owner.query(`SELECT action, details->>'to' AS to FROM audit_events WHERE entity_id = $1 AND actor_user_id IS NULL ORDER BY sequence`, [id])).rows;
    expect(audit).toEqual([{ action: 'REQUEST_DEADLINE_REACHED', to: null }, { action: 'REQUEST_STATE_CHANGED', to: 'EXPIRED' }]);
  });

  it('a READ grantee, or one whose owner asked to be consulted, sends nothing; a draft is not sent once the share is gone (GraphQL and PostgreSQL)', async () => {
    const shared = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '共享只读案件', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token: t['gd'] })).data?.createCase.id as string;
    const SHARE = 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }';
    let shareId = '';
    const share = async (access: string, mustAsk: boolean) => {
      const r = await gql(app, SHARE, { i: { caseId: shared, agencyId: zj.id, access, mayPassOn: true, mayUseInCourt: true, mustAskBeforeActing: mustAsk } }, { token: t['gdSup'] });
      shareId = r.data?.shareCase.id;
      return r;
    };
    const revoke = async () => expect((await gql(app, 'mutation($id: ID!) { revokeShare(id: $id) { id } }', { id: shareId }, { token: t['gdSup'] })).errors).toBeUndefined();
    const insertAsZj = () => asAgency(pool, zj.id,
      `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, state, urgency, account, account_canonical, amount, legal_basis_doc)
       VALUES ('FREEZE', 'FREEZE', 'ZJ-X-1', $1, 'x', 'INVESTMENT', $2, $3, $4, 'SENT', 'URGENT', $5, $5, 100, 'doc')`,
      [shared, zj.id, bank.id, zj.users[Role.INVESTIGATOR].id, randomCard()]);
    const sendAsZj = (extra: Record<string, unknown> = {}) => gql(app, SEND_FREEZE, { i: { ...freeze({ caseId: shared, account: randomCard() }), ...extra } }, { token: t['zj'] });
    const TELECOM = `mutation($i: SendTelecomRequestInput!) { sendTelecomRequest(input: $i) { id } }`;
    const COOPERATION = `mutation($i: SendCooperationRequestInput!) { sendCooperationRequest(input: $i) { id state } }`;
    const cooperation = { caseId: shared, partnerAgencyId: partner.id, kind: 'INFORMATION_SHARING', legalBasis: 'RECIPROCITY', summary: '请提供账户信息' };

    expect((await share('READ', false)).errors).toBeUndefined();
    expect(codeOf(await sendAsZj())).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, TELECOM, { i: { caseId: shared, telecomAgencyId: telecom.id, kind: 'SUBSCRIBER_INFO', targetKind: 'PHONE', targetValue: randomMobile(), legalBasisDoc: '浙公调字[2026]1号' } }, { token: t['zj'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, COOPERATION, { i: cooperation }, { token: t['zj'] }))).toBe('FORBIDDEN');
    await expect(insertAsZj()).rejects.toThrow(/row-level security/);

    // CONTRIBUTE, but the owner asked to be consulted first: the same, cooperation included.
    await revoke();
    expect((await share('CONTRIBUTE', true)).errors).toBeUndefined();
    expect(codeOf(await sendAsZj())).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, COOPERATION, { i: cooperation }, { token: t['zj'] }))).toBe('FORBIDDEN');
    await expect(insertAsZj()).rejects.toThrow(/row-level security/);

    // CONTRIBUTE without conditions: a draft may be written; once the share is revoked it cannot go out.
    await revoke();
    expect((await share('CONTRIBUTE', false)).errors).toBeUndefined();
    const draft = await gql(app, COOPERATION, { i: { ...cooperation, draft: true } }, { token: t['zj'] });
    expect(draft.data?.sendCooperationRequest.state).toBe('DRAFT');
    const draftId = draft.data?.sendCooperationRequest.id as string;
    // A fund trace Zhejiang stored while it could read the case: unreadable once the share is gone.
    await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: { caseId: shared, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '投资理财', reportedLoss: '500', victim: { name: '周某' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: randomCard(), amount: '500', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] },
    }, { token: t['gd'] });
    const transferId = (await owner.query<{ id: string }>('SELECT id FROM transfers WHERE case_id = $1', [shared])).rows[0].id;
    const trace = (await gql(app, 'mutation($id: ID!) { startFundTrace(transferId: $id, maxHops: 8) { id } }', { id: transferId }, { token: t['zj'] })).data?.startFundTrace.id as string;
    await waitFor(async () => ((await owner.query('SELECT state FROM fund_traces WHERE id = $1', [trace])).rows[0].state === 'DONE' ? true : undefined), 'the trace to finish');
    expect(await asAgency(pool, zj.id, 'SELECT count(*)::int AS n FROM fund_traces WHERE id = $1', [trace])).toEqual([{ n: 1 }]);
    await revoke();
    expect(codeOf(await gql(app, 'query($id: ID!) { fundTraceRun(id: $id) { state } }', { id: trace }, { token: t['zj'] }))).toBe('NOT_FOUND');
    expect(await asAgency(pool, zj.id, 'SELECT count(*)::int AS n FROM fund_traces WHERE id = $1', [trace])).toEqual([{ n: 0 }]);
    expect(codeOf(await gql(app, 'mutation($id: ID!) { sendDraft(id: $id) { state } }', { id: draftId }, { token: t['zj'] }))).toMatch(/FORBIDDEN|NOT_FOUND/);
    await expect(asAgency(pool, zj.id, `UPDATE agency_requests SET state = 'SENT', sent_at = now() WHERE id = $1`, [draftId])).rejects.toThrow(/may no longer act/);
    expect((await owner.query('SELECT state FROM agency_requests WHERE id = $1', [draftId])).rows[0].state).toBe('DRAFT');
  });

  it('a draft withdrawn unsent is never seen by the addressed agency; each side changes only its own columns (PostgreSQL)', async () => {
    const sent = await gql(app, `mutation($i: SendCooperationRequestInput!) { sendCooperationRequest(input: $i) { id state } }`, {
      i: { caseId, partnerAgencyId: partner.id, kind: 'EXTRADITION', legalBasis: 'TREATY', summary: '草稿：引渡请求', draft: true },
    }, { token: t['gd'] });
    const id = sent.data?.sendCooperationRequest.id as string;
    expect(sent.data?.sendCooperationRequest.state).toBe('DRAFT');
    expect((await gql(app, CHANGE, { i: { id, to: 'WITHDRAWN' } }, { token: t['gd'] })).data?.changeRequestState.state).toBe('WITHDRAWN');
    expect(codeOf(await gql(app, REQUEST, { id }, { token: t['partner'] }))).toBe('NOT_FOUND');
    expect(await asAgency(pool, partner.id, 'SELECT count(*)::int AS n FROM agency_requests WHERE id = $1', [id])).toEqual([{ n: 0 }]);

    // A sent freeze: the bank may not move the case, the agencies or the deadline; the sender may not write the answer.
    const freezeId = (await gql(app, SEND_FREEZE, { i: freeze({ account: randomCard(), kind: 'FREEZE' }) }, { token: t['gd'] })).data?.sendFreezeRequest.id as string;
    for (const sql of ['UPDATE agency_requests SET case_id = $2 WHERE id = $1', 'UPDATE agency_requests SET from_agency_id = $2 WHERE id = $1']) {
      await expect(asAgency(pool, bank.id, sql, [freezeId, zj.id])).rejects.toThrow(/permission denied/);
    }
    await expect(asAgency(pool, bank.id, `UPDATE agency_requests SET deadline_at = now() + interval '30 days' WHERE id = $1`, [freezeId])).rejects.toThrow(/changes only its answer/);
    await expect(asAgency(pool, gd.id, `UPDATE agency_requests SET amount_held = 1 WHERE id = $1`, [freezeId])).rejects.toThrow(/does not write the answer/);
    // Nor may a bank keep a warninglist (it would split police series).
    const entry = await gql(app, 'mutation($i: AddWarninglistEntryInput!) { addWarninglistEntry(input: $i) { id } }', { i: { kind: 'BANK_CARD', value: mule, reason: '本行公共账户' } }, { token: t['bank'] });
    expect(codeOf(entry)).toBe('FORBIDDEN');
    await expect(asAgency(pool, bank.id, `INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, agency_id) VALUES ('BANK_CARD', $1, $1, 'x', $2)`, [mule, bank.id])).rejects.toThrow(/row-level security/);
    // The clock's list of due work is for the worker, not for a session acting as an agency.
    expect(await asAgency(pool, gd.id, 'SELECT count(*)::int AS n FROM requests_due()')).toEqual([{ n: 0 }]);
  });
});
