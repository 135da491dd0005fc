import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createClient, Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { closeLiveBus, createLiveBus, publishNotification, publishRequestUpdate } from '@caselink/jobs';
import { inAgencyTransaction, workQueueItems } from '@caselink/db';
import { AgencyKind, Role, WORK_ITEM_KINDS, WorkItemKind } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { countStatements, reportStatements } from '../../test/statement-counter';
import { randomCard, randomMobile, waitFor } from '../../test/worker-process';

const QUEUE = `query($first: Int) { workQueue(first: $first) { at total overdueTotal groups { kind count overdueCount items {
  kind id title { zh en } target { kind id path } dueAt since overdue colour caseId caseNumber reference requestType requestKind requestState urgency
  agency { id name nameEn kind } amount subject detail region notificationId alertId } } } }`;

interface Item {
  kind: WorkItemKind;
  id: string;
  title: { zh: string; en: string };
  target: { kind: string; id: string; path: string };
  dueAt: string | null;
  overdue: boolean;
  colour: string | null;
  caseId: string | null;
  caseNumber: string | null;
  reference: string | null;
  agency: { id: string } | null;
  amount: string | null;
  subject: string | null;
  detail: string | null;
  notificationId: string | null;
  alertId: string | null;
}
interface Group {
  kind: WorkItemKind;
  count: number;
  overdueCount: number;
  items: Item[];
}
interface Queue {
  total: number;
  overdueTotal: number;
  groups: Group[];
}

/**
 * The work queue (issue 16, part 5) for every kind of agency: each role sees exactly the work waiting for it —
 * requests addressed to another bank, another agency's cases, another user's notices never appear — most urgent
 * first, with the right counts; its one statement reads through row-level security as the caller (checked with
 * another agency's id in the parameters); the live signal reaches the agencies concerned only.
 */
describe('work queue', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let zj: TestAgency;
  let bankA: TestAgency;
  let bankB: TestAgency;
  let telecom: TestAgency;
  let partner: TestAgency;
  let national: TestAgency;
  const t: Record<string, string> = {};
  let gdCase: string;
  let gdCaseNumber: string;
  let zjCase: string;
  const r: Record<string, string> = {};
  const task: Record<string, string> = {};
  let accessRequest: string;
  let bulletinId: string;
  const alert: Record<string, string> = {};
  const notice: Record<string, string> = {};

  const queue = async (who: string, first?: number): Promise<Queue> => {
    const res = await gql<{ workQueue: Queue }>(app, QUEUE, first === undefined ? {} : { first }, { token: t[who] });
    expect(res.errors).toBeUndefined();
    return res.data?.workQueue as Queue;
  };
  const group = (q: Queue, kind: WorkItemKind): Group | undefined => q.groups.find((g) => g.kind === kind);
  const ids = (q: Queue, kind: WorkItemKind): string[] | undefined => group(q, kind)?.items.map((i) => i.id);
  // Other suites raise alerts in the same provinces on the shared test database: look at this suite's own.
  const ownAlerts = (q: Queue): Group['items'] => (group(q, WorkItemKind.ALERT_NEW)?.items ?? []).filter((i) => Object.values(alert).includes(i.id));
  const caseOf = async (who: string, title: string, account: string) => {
    const c = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber } }', { i: { title, fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token: t[who] });
    const st = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: { caseId: c.data?.createCase.id, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '投资理财', reportedLoss: '50000', victim: { name: '吴某' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: account, amount: '50000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] },
    }, { token: t[who] });
    expect(st.errors).toBeUndefined();
    return c.data?.createCase as { id: string; caseNumber: string };
  };
  const freeze = async (who: string, caseId: string, bank: TestAgency, kind: string, urgency: string) => {
    const res = await gql(app, 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id state } }', {
      i: { caseId, bankAgencyId: bank.id, kind, account: randomCard(), amount: '20000', legalBasisDoc: '协助冻结[2026]88号', urgency },
    }, { token: t[who] });
    expect(res.errors).toBeUndefined();
    return res.data?.sendFreezeRequest.id as string;
  };
  const notify = async (userId: string, agencyId: string, kind: string, payload: Record<string, unknown>, read = false) =>
    (await owner.query<{ id: string }>(
      `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key, read_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [agencyId, userId, kind, JSON.stringify(payload), `work-queue-test:${randomUUID()}`, read ? new Date() : null],
    )).rows[0].id;
  const raise = async (region: string, reporter: string, status = 'NEW', minutesAgo = 0) =>
    (await owner.query<{ id: string }>(
      `INSERT INTO alerts (alert_key, rule, region, reporting_agency_id, observed, threshold, window_start, window_end, signal_count, status, raised_at)
       VALUES ($1, 'PASS_THROUGH', $2, $3, 25, 30, now() - interval '1 hour', now(), 2, $4, now() - make_interval(mins => $5)) RETURNING id`,
      [`work-queue-test:${randomUUID()}`, region, reporter, status, minutesAgo],
    )).rows[0].id;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'WqGD', [Role.INVESTIGATOR, Role.SUPERVISOR, Role.AUDITOR], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'WqZJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '330000');
    bankA = await createAgency(owner, 'WqBankA', [Role.LIAISON, Role.AUDITOR], AgencyKind.BANK, '110000');
    bankB = await createAgency(owner, 'WqBankB', [Role.LIAISON], AgencyKind.BANK, '310000');
    telecom = await createAgency(owner, 'WqTel', [Role.LIAISON], AgencyKind.TELECOM, '110000');
    partner = await createAgency(owner, 'WqKH', [Role.LIAISON], AgencyKind.FOREIGN_PARTNER, 'KH');
    national = await createAgency(owner, 'WqNational', [Role.SUPERVISOR], AgencyKind.POLICE, '100000', true);
    app = await startApi();
    await app.listen(0, '127.0.0.1');
    for (const [k, a, role] of [
      ['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['gdAud', gd, Role.AUDITOR], ['zj', zj, Role.INVESTIGATOR], ['zjSup', zj, Role.SUPERVISOR],
      ['national', national, Role.SUPERVISOR], ['bankA', bankA, Role.LIAISON], ['bankAAud', bankA, Role.AUDITOR], ['bankB', bankB, Role.LIAISON], ['telecom', telecom, Role.LIAISON], ['partner', partner, Role.LIAISON],
    ] as const) {
      t[k] = (await login(app, a.users[role].email)).token;
    }
    const g = await caseOf('gd', '跨省投资诈骗案', randomCard());
    [gdCase, gdCaseNumber] = [g.id, g.caseNumber];
    zjCase = (await caseOf('zj', '浙江投资诈骗案', randomCard())).id;

    // Requests: Guangdong to both banks, the telecom and the partner; Zhejiang to bank A.
    r['gdA1'] = await freeze('gd', gdCase, bankA, 'FREEZE', 'NORMAL'); // turned overdue below
    r['gdA2'] = await freeze('gd', gdCase, bankA, 'EMERGENCY_STOP', 'URGENT');
    r['zjA'] = await freeze('zj', zjCase, bankA, 'FREEZE', 'NORMAL');
    r['gdB1'] = await freeze('gd', gdCase, bankB, 'FREEZE', 'NORMAL'); // held, about to lapse below
    r['gdB2'] = await freeze('gd', gdCase, bankB, 'EMERGENCY_STOP', 'URGENT'); // held, not lapsing yet
    r['gdB3'] = await freeze('gd', gdCase, bankB, 'FREEZE', 'URGENT'); // waits for bank B
    const tel = await gql(app, 'mutation($i: SendTelecomRequestInput!) { sendTelecomRequest(input: $i) { id } }', {
      i: { caseId: gdCase, telecomAgencyId: telecom.id, kind: 'SUBSCRIBER_INFO', targetKind: 'PHONE', targetValue: randomMobile(), legalBasisDoc: '调证[2026]9号' },
    }, { token: t['gd'] });
    r['tel'] = tel.data?.sendTelecomRequest.id;
    const coop = await gql(app, 'mutation($i: SendCooperationRequestInput!) { sendCooperationRequest(input: $i) { id } }', {
      i: { caseId: gdCase, partnerAgencyId: partner.id, kind: 'INFORMATION_SHARING', legalBasis: 'MUTUAL_LEGAL_ASSISTANCE', summary: '请协查', subjects: [] },
    }, { token: t['gd'] });
    r['coop'] = coop.data?.sendCooperationRequest.id;
    expect([r['tel'], r['coop']].every(Boolean)).toBe(true);
    // The answer deadline of one has passed (as the clock sees it; the queue does not wait for the clock's mark).
    await owner.query(`UPDATE agency_requests SET deadline_at = now() - interval '2 hours' WHERE id = $1`, [r['gdA1']]);
    // Bank B holds two; one of them lapses within its warning period (a freeze is warned 7 days ahead).
    for (const id of [r['gdB1'], r['gdB2']]) {
      const held = await gql(app, 'mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { state } }', { i: { id, outcome: 'FROZEN', amountHeld: '20000' } }, { token: t['bankB'] });
      expect(held.errors).toBeUndefined();
    }
    await owner.query(`UPDATE agency_requests SET expires_at = now() + interval '2 days' WHERE id = $1`, [r['gdB1']]);

    // Zhejiang asks for access to Guangdong's case.
    const asked = await gql(app, 'mutation($i: RequestAccessInput!) { requestAccess(input: $i) { id } }', { i: { caseId: gdCase, reason: '同一收款账户' } }, { token: t['zj'] });
    accessRequest = asked.data?.requestAccess.id;

    // A task force led by Guangdong with Zhejiang: tasks for each.
    const force = await gql(app, 'mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', { i: { name: '工作台专案组', memberAgencyIds: [zj.id], caseIds: [gdCase] } }, { token: t['gdSup'] });
    const forceId = force.data?.createTaskForce.id as string;
    const dispatch = async (assignee: TestAgency, days: number, title: string, assigneeUserId?: string) => {
      const res = await gql(app, 'mutation($i: DispatchTaskInput!) { dispatchTask(input: $i) { id } }', {
        i: { taskForceId: forceId, kind: 'ARREST', title, province: '33', caseId: gdCase, assigneeAgencyId: assignee.id, assigneeUserId, dueAt: new Date(Date.now() + days * 86_400_000).toISOString() },
      }, { token: t['gdSup'] });
      expect(res.errors).toBeUndefined();
      return res.data?.dispatchTask.id as string;
    };
    task['zjLater'] = await dispatch(zj, 3, '抓捕 A');
    task['zjSoon'] = await dispatch(zj, 1, '抓捕 B');
    task['zjSupOnly'] = await dispatch(zj, 2, '抓捕 C', zj.users[Role.SUPERVISOR].id);
    task['gd'] = await dispatch(gd, 5, '讯问');

    // Bulletins other suites published (to every bank, to every police agency) reach these agencies too: read already,
    // so the queues hold this suite's own only, whichever suites ran before.
    await owner.query(
      `INSERT INTO bulletin_reads (bulletin_id, user_id, agency_id) SELECT b.id, u.id, u.agency_id FROM bulletins b CROSS JOIN users u
       WHERE u.agency_id = ANY ($1::uuid[]) ON CONFLICT DO NOTHING`, [[bankA.id, bankB.id, zj.id, gd.id]],
    );
    // A bulletin to every bank.
    const bulletin = await gql(app, 'mutation($i: PublishBulletinInput!) { publishBulletin(input: $i) { id } }', {
      i: { title: '警惕冒充客服', body: '近期多发', fraudType: 'FAKE_CUSTOMER_SERVICE', handling: { mayPassOn: true, mayUseInCourt: false, mustAskBeforeActing: false }, recipientKinds: ['BANK'], recipientAgencyIds: [] },
    }, { token: t['gdSup'] });
    expect(bulletin.errors).toBeUndefined();
    bulletinId = bulletin.data?.publishBulletin.id;

    // Alerts as the rules engine raises them: Shenzhen (Guangdong's region) new and older, one acknowledged, one in Hangzhou.
    alert['gdOld'] = await raise('440300', bankA.id, 'NEW', 30);
    alert['gdNew'] = await raise('440100', bankA.id, 'NEW', 0);
    alert['gdDone'] = await raise('440300', bankA.id, 'ACKNOWLEDGED');
    alert['zj'] = await raise('330100', bankA.id);
    // Notices as the linker and the rules engine write them (to a case's author).
    const gdUser = gd.users[Role.INVESTIGATOR].id;
    notice['gdHit'] = await notify(gdUser, gd.id, 'LINK_HIT', { caseId: gdCase, caseNumber: gdCaseNumber, kind: 'BANK_CARD', otherAgencyId: zj.id });
    notice['gdHitRead'] = await notify(gdUser, gd.id, 'LINK_HIT', { caseId: gdCase, caseNumber: gdCaseNumber, kind: 'PHONE', otherAgencyId: zj.id }, true);
    // A notice about a case the user cannot read (stale, or forged): never an item.
    notice['gdHitForeign'] = await notify(gdUser, gd.id, 'LINK_HIT', { caseId: zjCase, caseNumber: 'x', kind: 'BANK_CARD', otherAgencyId: zj.id });
    notice['gdLead'] = await notify(gdUser, gd.id, 'ALERT_LEAD', { alertId: alert['gdOld'], caseId: gdCase, caseNumber: gdCaseNumber, rule: 'PASS_THROUGH', kind: 'BANK_CARD' });
    notice['zjHit'] = await notify(zj.users[Role.INVESTIGATOR].id, zj.id, 'LINK_HIT', { caseId: zjCase, caseNumber: 'z', kind: 'BANK_CARD', otherAgencyId: gd.id });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
    await pool?.end();
  });

  it("a bank's liaison sees the requests addressed to its bank, soonest deadline first, and the bulletins; nothing else", async () => {
    const q = await queue('bankA');
    expect(q.groups.map((g) => g.kind)).toEqual([WorkItemKind.REQUEST_TO_ANSWER, WorkItemKind.BULLETIN_UNREAD]);
    const answer = group(q, WorkItemKind.REQUEST_TO_ANSWER) as Group;
    expect([answer.count, answer.overdueCount]).toEqual([3, 1]);
    // Past its deadline first, then the emergency stop (30 minutes), then the two freezes (a day) by deadline.
    expect(answer.items.map((i) => i.id)).toEqual([r['gdA1'], r['gdA2'], r['zjA']]);
    const [overdue, stop, fromZj] = answer.items;
    expect(overdue).toMatchObject({ overdue: true, colour: 'RED', caseId: null, caseNumber: gdCaseNumber, agency: { id: gd.id }, amount: '20000.00', target: { kind: 'REQUEST', id: r['gdA1'], path: `/requests/${r['gdA1']}` } });
    expect(stop).toMatchObject({ overdue: false, colour: 'GREEN', caseId: null });
    expect(stop.title.zh).toMatch(/^待答复：紧急止付 /);
    expect(stop.title.en).toMatch(/^To answer: emergency stop .+ from WqGD-/);
    expect(fromZj.agency?.id).toBe(zj.id);
    expect(ids(q, WorkItemKind.BULLETIN_UNREAD)).toEqual([bulletinId]);
    expect(q.total).toBe(4);
    expect(q.overdueTotal).toBe(1);
  });

  it("another bank never sees bank A's requests; telecom and partner see theirs", async () => {
    const b = await queue('bankB');
    expect(ids(b, WorkItemKind.REQUEST_TO_ANSWER)).toEqual([r['gdB3']]);
    expect(group(b, WorkItemKind.REQUEST_TO_ANSWER)?.count).toBe(1);
    const tel = await queue('telecom');
    expect(tel.groups.map((g) => g.kind)).toEqual([WorkItemKind.REQUEST_TO_ANSWER, WorkItemKind.BULLETIN_UNREAD]);
    expect(ids(tel, WorkItemKind.REQUEST_TO_ANSWER)).toEqual([r['tel']]);
    expect(ids(tel, WorkItemKind.BULLETIN_UNREAD)).toEqual([]);
    const kh = await queue('partner');
    expect(kh.groups.map((g) => g.kind)).toEqual([WorkItemKind.REQUEST_TO_ANSWER, WorkItemKind.BULLETIN_UNREAD]);
    expect(ids(kh, WorkItemKind.REQUEST_TO_ANSWER)).toEqual([r['coop']]);
    expect(group(kh, WorkItemKind.REQUEST_TO_ANSWER)?.items[0].title.en).toMatch(/^To answer: information sharing /);
  });

  it("the police investigator sees its overdue answers, lapsing holds, its tasks, its region's alerts, its notices; no decisions", async () => {
    const q = await queue('gd', 20);
    expect(q.groups.map((g) => g.kind)).toEqual([
      WorkItemKind.REQUEST_OVERDUE, WorkItemKind.HOLD_LAPSING, WorkItemKind.TASK_DUE, WorkItemKind.ALERT_NEW, WorkItemKind.LINK_HIT,
      WorkItemKind.ALERT_LEAD, WorkItemKind.BULLETIN_UNREAD,
    ]);
    expect(group(q, WorkItemKind.REQUEST_OVERDUE)).toMatchObject({ count: 1, overdueCount: 1, items: [{ id: r['gdA1'], caseId: gdCase, agency: { id: bankA.id }, colour: 'RED' }] });
    expect(group(q, WorkItemKind.HOLD_LAPSING)).toMatchObject({ count: 1, overdueCount: 0, items: [{ id: r['gdB1'], amount: '20000.00', agency: { id: bankB.id } }] });
    expect(group(q, WorkItemKind.HOLD_LAPSING)?.items[0].title.en).toMatch(/^Hold lapses soon: freeze /);
    expect(group(q, WorkItemKind.TASK_DUE)?.items.map((i) => [i.id, i.target.path])).toEqual([[task['gd'], expect.stringMatching(new RegExp(`^/task-forces/.+#task-${task['gd']}$`))]]);
    // Its region's new alerts, newest first; not the acknowledged one, not Zhejiang's.
    expect(ownAlerts(q).map((i) => i.id)).toEqual([alert['gdNew'], alert['gdOld']]);
    expect(ownAlerts(q)[1]).toMatchObject({ alertId: alert['gdOld'], detail: 'PASS_THROUGH', agency: { id: bankA.id }, target: { path: `/alerts/${alert['gdOld']}` } });
    expect(ownAlerts(q)[1].title).toEqual({ zh: '新预警：快进快出（广东）', en: 'New alert: money passed straight on (Guangdong)' });
    // Unread notices on cases it reads only.
    expect(group(q, WorkItemKind.LINK_HIT)).toMatchObject({ count: 1, items: [{ id: notice['gdHit'], notificationId: notice['gdHit'], caseId: gdCase, detail: 'BANK_CARD', agency: { id: zj.id }, target: { kind: 'CASE', path: `/cases/${gdCase}#links` } }] });
    expect(group(q, WorkItemKind.ALERT_LEAD)).toMatchObject({ count: 1, items: [{ id: notice['gdLead'], alertId: alert['gdOld'], caseId: gdCase, target: { path: `/cases/${gdCase}#alert-leads` } }] });
    expect(group(q, WorkItemKind.ALERT_LEAD)?.items[0].title.zh).toBe(`预警线索：案件 ${gdCaseNumber}（快进快出）`);
  });

  it("the case owner's supervisor decides access requests; the asking agency's supervisor does not see them", async () => {
    const q = await queue('gdSup');
    expect(group(q, WorkItemKind.ACCESS_REQUEST)).toMatchObject({
      count: 1, items: [{ id: accessRequest, caseId: gdCase, caseNumber: gdCaseNumber, subject: '同一收款账户', agency: { id: zj.id }, target: { kind: 'ACCESS_REQUEST', path: `/access-requests#${accessRequest}` } }],
    });
    // Notices are the author's: the supervisor has none.
    expect(group(q, WorkItemKind.LINK_HIT)?.count).toBe(0);
    expect(group(await queue('zjSup'), WorkItemKind.ACCESS_REQUEST)).toEqual({ kind: WorkItemKind.ACCESS_REQUEST, count: 0, overdueCount: 0, items: [] });
  });

  it("a member agency sees its tasks soonest first, a task named for a colleague only in the colleague's queue; its own region and notices", async () => {
    const zjq = await queue('zj', 20);
    expect(ids(zjq, WorkItemKind.TASK_DUE)).toEqual([task['zjSoon'], task['zjLater']]);
    expect(group(zjq, WorkItemKind.TASK_DUE)?.items[0]).toMatchObject({ agency: { id: gd.id }, subject: '抓捕 B', detail: 'ARREST', caseId: gdCase, title: { zh: '专案任务：抓捕 B' } });
    expect(ids(await queue('zjSup'), WorkItemKind.TASK_DUE)).toEqual([task['zjSoon'], task['zjSupOnly'], task['zjLater']]);
    expect(ownAlerts(zjq).map((i) => i.id)).toEqual([alert['zj']]);
    expect(ids(zjq, WorkItemKind.LINK_HIT)).toEqual([notice['zjHit']]);
    // Zhejiang's requests are not overdue; Guangdong's are none of its business.
    expect(group(zjq, WorkItemKind.REQUEST_OVERDUE)?.count).toBe(0);
    expect(group(zjq, WorkItemKind.HOLD_LAPSING)?.count).toBe(0);
    // The national centre covers every region but is not told of each alert (the rules engine's rule): not in its queue.
    expect(group(await queue('national'), WorkItemKind.ALERT_NEW)?.count).toBe(0);
  });

  it('roles without an action get no such kind: auditors get an empty queue', async () => {
    expect(await queue('gdAud')).toMatchObject({ total: 0, groups: [] });
    expect(await queue('bankAAud')).toMatchObject({ total: 0, groups: [] });
    expect(codeOf(await gql(app, QUEUE, {}))).toBe('UNAUTHENTICATED');
  });

  it('gives the first N items per kind with counts of all, 0 for counts only, and refuses more than the cap naming the field', async () => {
    const one = await queue('bankA', 1);
    expect(group(one, WorkItemKind.REQUEST_TO_ANSWER)).toMatchObject({ count: 3, overdueCount: 1, items: [{ id: r['gdA1'] }] });
    const none = await queue('bankA', 0);
    expect(none.groups.map((g) => [g.kind, g.count, g.items.length])).toEqual([[WorkItemKind.REQUEST_TO_ANSWER, 3, 0], [WorkItemKind.BULLETIN_UNREAD, 1, 0]]);
    for (const first of [21, -1]) {
      const bad = await gql(app, QUEUE, { first }, { token: t['bankA'] });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(bad.errors?.[0].message).toMatch(/·/);
    }
  });

  it('an item leaves the queue when its work is done: a bulletin opened, a notice read, a request answered', async () => {
    await gql(app, 'query($id: ID!) { bulletin(id: $id) { id } }', { id: bulletinId }, { token: t['bankA'] });
    expect(ids(await queue('bankA'), WorkItemKind.BULLETIN_UNREAD)).toEqual([]);
    expect(ids(await queue('bankB'), WorkItemKind.BULLETIN_UNREAD)).toEqual([bulletinId]);
    const extra = await notify(gd.users[Role.INVESTIGATOR].id, gd.id, 'LINK_HIT', { caseId: gdCase, caseNumber: gdCaseNumber, kind: 'PHONE', otherAgencyId: zj.id });
    expect(ids(await queue('gd'), WorkItemKind.LINK_HIT)).toEqual([extra, notice['gdHit']]);
    await gql(app, 'mutation($id: ID!) { markNotificationRead(id: $id) { id } }', { id: extra }, { token: t['gd'] });
    expect(ids(await queue('gd'), WorkItemKind.LINK_HIT)).toEqual([notice['gdHit']]);
    const answered = await gql(app, 'mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { state } }', { i: { id: r['gdB3'], outcome: 'NO_FUNDS' } }, { token: t['bankB'] });
    expect(answered.errors).toBeUndefined();
    expect(group(await queue('bankB'), WorkItemKind.REQUEST_TO_ANSWER)?.count).toBe(0);
  });

  it("reads through row-level security as the caller: every kind forced on, another agency's work stays out", async () => {
    const ds = app.get(DataSource);
    const as = (agency: TestAgency, role: Role) =>
      inAgencyTransaction(ds, { agencyId: agency.id, userId: agency.users[role].id, nationalAdmin: false, roles: [role] }, (m) =>
        workQueueItems(m, { kinds: WORK_ITEM_KINDS, limit: 20 }));
    const requestIds = new Set(Object.values(r));
    // Bank B, asking for every kind: nothing of bank A's nor of the police's side; the bulletin it has not opened.
    const bankRows = await as(bankB, Role.LIAISON);
    expect(bankRows.map((x) => [x.kind, x.id])).toEqual([[WorkItemKind.BULLETIN_UNREAD, bulletinId]]);
    // Zhejiang's supervisor, asking for every kind: its tasks, its region's alert; not Guangdong's requests, holds,
    // access requests (its own request for access is not one to decide), alerts or notices.
    const zjRows = await as(zj, Role.SUPERVISOR);
    expect(zjRows.filter((x) => requestIds.has(x.id) || x.id === accessRequest || Object.values(notice).includes(x.id))).toEqual([]);
    const zjOwn = zjRows.filter((x) => x.kind !== WorkItemKind.ALERT_NEW || Object.values(alert).includes(x.id));
    expect(zjOwn.map((x) => x.kind).sort()).toEqual([WorkItemKind.ALERT_NEW, WorkItemKind.TASK_DUE, WorkItemKind.TASK_DUE, WorkItemKind.TASK_DUE].sort());
    expect(zjOwn.filter((x) => x.kind === WorkItemKind.ALERT_NEW).map((x) => x.id)).toEqual([alert['zj']]);
    // Straight at the tables: a notice is its user's alone (not the supervisor's of the same agency), and no other agency changes it.
    const sup = gd.users[Role.SUPERVISOR].id;
    expect(await asAgency(pool, gd.id, 'SELECT id FROM notifications WHERE id = $1', [notice['gdHit']], [Role.SUPERVISOR], sup)).toEqual([]);
    const bankUser = bankB.users[Role.LIAISON].id;
    expect(await asAgency(pool, bankB.id, 'UPDATE notifications SET read_at = now() WHERE id = $1 RETURNING id', [notice['gdHit']], [Role.LIAISON], bankUser)).toEqual([]);
    await expect(asAgency(pool, bankB.id, 'DELETE FROM notifications WHERE id = $1 RETURNING id', [notice['gdHit']], [Role.LIAISON], bankUser)).rejects.toThrow(/permission denied/);
    expect(await asAgency(pool, bankB.id, 'UPDATE agency_requests SET deadline_at = now() WHERE id = $1 RETURNING id', [r['gdA1']], [Role.LIAISON], bankUser)).toEqual([]);
    expect(await asAgency(pool, zj.id, "UPDATE access_requests SET status = 'APPROVED' WHERE id = $1 RETURNING id", [accessRequest], [Role.SUPERVISOR], zj.users[Role.SUPERVISOR].id)).toEqual([]);
    const after = await owner.query('SELECT (SELECT read_at FROM notifications WHERE id = $1) AS read_at, (SELECT status FROM access_requests WHERE id = $2) AS status', [notice['gdHit'], accessRequest]);
    expect(after.rows[0]).toEqual({ read_at: null, status: 'PENDING' });
  });

  it('answers in one transaction and a fixed number of statements, however many items are asked for', async () => {
    const count = countStatements(app.get(DataSource));
    await queue('gdSup', 20); // warm: the agency directory is cached, as in a running api
    const transactions = (s: string[]) => s.filter((x) => /^(START TRANSACTION|BEGIN)/.test(x)).length;
    const few = (await count(() => queue('gdSup', 1))).statements;
    const many = (await count(() => queue('gdSup', 20))).statements;
    reportStatements('work queue (supervisor, every kind)', many);
    expect(transactions(many)).toBe(1);
    expect(many.length).toBe(few.length);
    // Begin, the acting context, the queue, commit.
    expect(many.length).toBeLessThanOrEqual(4);
    expect(many.filter((s) => /work|agency_requests/i.test(s))).toHaveLength(1);
  });

  it('tells the agencies concerned live that their queue changed, and nobody else', async () => {
    const heard: Record<string, WorkItemKind[][]> = { bankA: [], bankB: [], gd: [] };
    const clients: WsClient[] = [];
    const { port } = app.getHttpServer().address() as { port: number };
    const prefix = `caselink-test-${process.pid}`;
    const bus = createLiveBus(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    try {
      for (const who of Object.keys(heard)) {
        const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t[who]}` }, lazy: false });
        clients.push(client);
        await new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('error', reject);
        });
        client.subscribe<{ workQueueChanged: { kinds: WorkItemKind[] } }>({ query: 'subscription { workQueueChanged { kinds at } }' }, {
          next: (v) => v.data && heard[who].push(v.data.workQueueChanged.kinds), error: () => undefined, complete: () => undefined,
        });
      }
      // Until the subscriptions are live, a probe (a bulletin notice to each listener) is not heard.
      const probe = (agency: TestAgency, role: Role) => publishNotification(bus, prefix, {
        id: randomUUID(), userId: agency.users[role].id, agencyId: agency.id, kind: 'BULLETIN_PUBLISHED', payload: {}, createdAt: new Date().toISOString(),
      });
      await waitFor(async () => {
        await probe(bankA, Role.LIAISON);
        await probe(bankB, Role.LIAISON);
        await probe(gd, Role.INVESTIGATOR);
        await new Promise((res) => setTimeout(res, 100));
        return Object.values(heard).every((h) => h.length > 0) ? true : undefined;
      }, 'the subscriptions to go live');
      for (const h of Object.values(heard)) h.length = 0;

      // A new freeze to bank A: bank A's answers change, Guangdong's sent side may; bank B hears nothing.
      await freeze('gd', gdCase, bankA, 'EMERGENCY_STOP', 'URGENT');
      // An update addressed to bank B on the same topic, after it: once bank B hears this, it has had all before it.
      await publishRequestUpdate(bus, prefix, {
        requestId: randomUUID(), reference: 'FR-PROBE', type: 'FREEZE', state: 'SENT', eventKind: 'STATE', overdue: false, sent: true,
        fromAgencyId: zj.id, toAgencyId: bankB.id, at: new Date().toISOString(),
      });
      // (Probes still in flight from the wait above are told apart: they carry BULLETIN_UNREAD only.)
      const real = (who: string) => heard[who].filter((k) => k.join() !== WorkItemKind.BULLETIN_UNREAD);
      await waitFor(async () => (real('bankA').length > 0 && real('gd').length > 0 && real('bankB').length > 0 ? true : undefined), 'the changes');
      expect(new Set(real('bankA').map((k) => k.join()))).toEqual(new Set([WorkItemKind.REQUEST_TO_ANSWER]));
      expect(new Set(real('gd').map((k) => k.join()))).toEqual(new Set([`${WorkItemKind.REQUEST_OVERDUE},${WorkItemKind.HOLD_LAPSING}`]));
      // Bank B heard the probe only.
      expect(real('bankB')).toEqual([[WorkItemKind.REQUEST_TO_ANSWER]]);
      // A link notice for the investigator is heard as LINK_HIT, by the investigator only (bank A hears its probe after it, nothing else).
      for (const h of Object.values(heard)) h.length = 0;
      await publishNotification(bus, prefix, {
        id: randomUUID(), userId: gd.users[Role.INVESTIGATOR].id, agencyId: gd.id, kind: 'LINK_HIT', payload: {}, createdAt: new Date().toISOString(),
      });
      await probe(bankA, Role.LIAISON);
      await waitFor(async () => (real('gd').length > 0 && heard['bankA'].length > 0 ? true : undefined), 'the link notice');
      expect(real('gd')).toEqual([[WorkItemKind.LINK_HIT]]);
      expect(real('bankA')).toEqual([]);
    } finally {
      for (const c of clients) await c.dispose();
      await closeLiveBus(bus);
    }
  });
});
