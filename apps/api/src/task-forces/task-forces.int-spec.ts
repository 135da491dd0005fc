import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client as PgClient } from 'pg';
import type { Client, Pool } from 'pg';
import { createClient, Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { closeLiveBus, createLiveBus, publishTaskForceUpdate } from '@caselink/jobs';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const FORCE = `id isLead agencies { id } cases { id } tasks { id status overdue allowedStatuses assigneeAgency { id } } board { province status count overdue }`;
const CASE = 'query($id: ID!) { case(id: $id) { id viewerAccess } }';

/** Task forces: membership grants access to the force's cases while it lasts; tasks, board, overdue escalation. */
describe('task forces', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let gd: TestAgency;
  let fj: TestAgency;
  let zj: TestAgency;
  let sn: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  let gdCase: string;
  let forceId: string;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'TfGD', [Role.SUPERVISOR, Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    fj = await createAgency(owner, 'TfFJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '350000');
    zj = await createAgency(owner, 'TfZJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    sn = await createAgency(owner, 'TfSN', [Role.INVESTIGATOR], AgencyKind.POLICE, '610000');
    bank = await createAgency(owner, 'TfBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    app = await startApi();
    // Listening: the live-board test connects over WebSocket.
    await app.listen(0, '127.0.0.1');
    for (const [k, a, r] of [['gdSup', gd, Role.SUPERVISOR], ['gd', gd, Role.INVESTIGATOR], ['fj', fj, Role.INVESTIGATOR], ['fjSup', fj, Role.SUPERVISOR], ['zj', zj, Role.INVESTIGATOR], ['sn', sn, Role.INVESTIGATOR]] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}`, DEADLINE_SWEEP_MS: '500' });
    gdCase = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '跨省冒充公检法诈骗案', fraudType: 'IMPERSONATING_OFFICIALS', reportedOn: '2026-11-20' } }, { token: t['gd'] })).data?.createCase.id;
    await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: { caseId: gdCase, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '冒充公检法', reportedLoss: '9000', victim: { name: '钱九' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: randomCard(), amount: '9000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] },
    }, { token: t['gd'] });
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await owner.end();
    await pool.end();
  });

  it('a supervisor forms a task force; members read its cases, others do not', async () => {
    const CREATE = `mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { ${FORCE} } }`;
    expect(codeOf(await gql(app, CREATE, { i: { name: 'x', caseIds: [gdCase] } }, { token: t['gd'] }))).toBe('FORBIDDEN');
    const bad = await gql(app, CREATE, { i: { name: '“11·20”专案组', memberAgencyIds: [fj.id, bank.id], caseIds: [gdCase] } }, { token: t['gdSup'] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberAgencyIds.1' });
    const created = await gql(app, CREATE, { i: { name: '“11·20”专案组', memberAgencyIds: [fj.id, zj.id], caseIds: [gdCase] } }, { token: t['gdSup'] });
    expect(created.errors).toBeUndefined();
    forceId = created.data?.createTaskForce.id;
    expect(created.data?.createTaskForce.agencies.map((a: { id: string }) => a.id).sort()).toEqual([gd.id, fj.id, zj.id].sort());
    expect((await gql(app, CASE, { id: gdCase }, { token: t['fj'] })).data?.case).toEqual({ id: gdCase, viewerAccess: 'READ' });
    expect(codeOf(await gql(app, CASE, { id: gdCase }, { token: t['sn'] }))).toBe('NOT_FOUND');
    expect(await asAgency(pool, fj.id, 'SELECT count(*)::int AS n FROM victim_statements WHERE case_id = $1', [gdCase])).toEqual([{ n: 1 }]);
    expect(await asAgency(pool, sn.id, 'SELECT count(*)::int AS n FROM victim_statements WHERE case_id = $1', [gdCase])).toEqual([{ n: 0 }]);
    expect(codeOf(await gql(app, 'query($id: ID!) { taskForce(id: $id) { id } }', { id: forceId }, { token: t['sn'] }))).toBe('NOT_FOUND');
    // A member cannot put someone else's case in, nor read-only members act on the case.
    expect(codeOf(await gql(app, 'mutation($f: ID!, $c: ID!) { setTaskForceCase(taskForceId: $f, caseId: $c, inForce: true) { id } }', { f: forceId, c: gdCase }, { token: t['fjSup'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId: gdCase, kind: 'PHONE', value: '13800138000' } }, { token: t['fj'] }))).toBe('FORBIDDEN');
  });

  it('dispatches tasks across provinces onto a board; the assignee works them, others cannot', async () => {
    const DISPATCH = `mutation($i: DispatchTaskInput!) { dispatchTask(input: $i) { id status allowedStatuses } }`;
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const tasks: string[] = [];
    for (const [agency, province] of [[gd, '44'], [fj, '35'], [zj, '33']] as const) {
      const r = await gql(app, DISPATCH, { i: { taskForceId: forceId, kind: 'ARREST', title: `抓捕 ${province}`, province, assigneeAgencyId: agency.id, dueAt: due } }, { token: t['gdSup'] });
      expect(r.errors).toBeUndefined();
      tasks.push(r.data?.dispatchTask.id);
    }
    const outsider = await gql(app, DISPATCH, { i: { taskForceId: forceId, kind: 'ARREST', title: 'x', assigneeAgencyId: sn.id, dueAt: due } }, { token: t['gdSup'] });
    expect(outsider.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeAgencyId' });
    // A named officer must belong to the assigned agency (an unknown id too is refused by name, not as an internal error).
    for (const assigneeUserId of [zj.users[Role.INVESTIGATOR].id, '00000000-0000-4000-8000-000000000000']) {
      const wrongUser = await gql(app, DISPATCH, { i: { taskForceId: forceId, kind: 'ARREST', title: 'x', assigneeAgencyId: fj.id, assigneeUserId, dueAt: due } }, { token: t['gdSup'] });
      expect(wrongUser.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeUserId' });
    }
    const named = await gql(app, DISPATCH, { i: { taskForceId: forceId, kind: 'VICTIM_INTERVIEW', title: '询问被害人', assigneeAgencyId: fj.id, assigneeUserId: fj.users[Role.INVESTIGATOR].id, dueAt: due } }, { token: t['gdSup'] });
    expect(named.errors).toBeUndefined();
    expect(codeOf(await gql(app, DISPATCH, { i: { taskForceId: forceId, kind: 'ARREST', title: 'x', assigneeAgencyId: fj.id, dueAt: due } }, { token: t['fjSup'] }))).toBe('FORBIDDEN');
    const STATUS = 'mutation($id: ID!, $s: TaskStatus!) { setTaskStatus(id: $id, status: $s) { status } }';
    expect((await gql(app, STATUS, { id: tasks[2], s: 'IN_PROGRESS' }, { token: t['zj'] })).data?.setTaskStatus.status).toBe('IN_PROGRESS');
    expect((await gql(app, STATUS, { id: tasks[2], s: 'DONE' }, { token: t['zj'] })).data?.setTaskStatus.status).toBe('DONE');
    expect((await gql(app, STATUS, { id: tasks[1], s: 'DONE' }, { token: t['zj'] })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'OPEN' });
    expect((await gql(app, STATUS, { id: tasks[2], s: 'IN_PROGRESS' }, { token: t['zj'] })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'DONE' });
    const board = (await gql(app, `query($id: ID!) { taskForce(id: $id) { ${FORCE} } }`, { id: forceId }, { token: t['fj'] })).data?.taskForce.board;
    expect(board).toEqual(expect.arrayContaining([{ province: '33', status: 'DONE', count: 1, overdue: 0 }, { province: '35', status: 'OPEN', count: 1, overdue: 0 }]));
  });

  it('boards update live: members hear dispatches and overdue tasks, other agencies hear nothing', async () => {
    const heard: Record<string, Array<{ taskForceId: string; kind: string; taskId: string | null }>> = { fj: [], sn: [] };
    const clients: WsClient[] = [];
    const { port } = app.getHttpServer().address() as { port: number };
    const bus = createLiveBus(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    try {
      for (const who of ['fj', 'sn']) {
        const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t[who]}` }, lazy: false });
        clients.push(client);
        await new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('error', reject);
        });
        client.subscribe<{ taskForceUpdates: { taskForceId: string; kind: string; taskId: string | null } }>(
          { query: 'subscription($f: ID) { taskForceUpdates(taskForceId: $f) { taskForceId kind taskId at } }', variables: { f: forceId } },
          { next: (v) => v.data && heard[who].push(v.data.taskForceUpdates), error: () => undefined, complete: () => undefined },
        );
      }
      // Until the subscriptions are live, a probe addressed to both agencies is not heard.
      await waitFor(async () => {
        await publishTaskForceUpdate(bus, `caselink-test-${process.pid}`, { taskForceId: forceId, agencyIds: [fj.id, sn.id], kind: 'CASES', taskId: 'probe', at: new Date().toISOString() });
        await new Promise((res) => setTimeout(res, 100));
        return heard['fj'].length > 0 && heard['sn'].length > 0 ? true : undefined;
      }, 'the subscriptions to go live');
      heard['fj'].length = 0;
      heard['sn'].length = 0;
      const r = await gql(app, `mutation($i: DispatchTaskInput!) { dispatchTask(input: $i) { id } }`, {
        i: { taskForceId: forceId, kind: 'EVIDENCE_COLLECTION', title: '调取证据', province: '35', assigneeAgencyId: fj.id, dueAt: new Date(Date.now() + 600).toISOString() },
      }, { token: t['gdSup'] });
      const taskId = r.data?.dispatchTask.id as string;
      await waitFor(async () => (heard['fj'].some((u) => u.kind === 'TASK_OVERDUE' && u.taskId === taskId) ? true : undefined), 'the overdue update');
      expect(heard['fj'].filter((u) => u.taskId === taskId).map((u) => u.kind)).toEqual(['TASK', 'TASK_OVERDUE']);
      expect(heard['fj'].every((u) => u.taskForceId === forceId)).toBe(true);
      expect(heard['sn']).toEqual([]);
    } finally {
      for (const c of clients) await c.dispose();
      await closeLiveBus(bus);
    }
  });

  it('an overdue task reaches the lead supervisors once', async () => {
    const r = await gql(app, `mutation($i: DispatchTaskInput!) { dispatchTask(input: $i) { id } }`, {
      i: { taskForceId: forceId, kind: 'INTERROGATION', title: '讯问', assigneeAgencyId: fj.id, dueAt: new Date(Date.now() + 800).toISOString() },
    }, { token: t['gdSup'] });
    const id = r.data?.dispatchTask.id as string;
    await waitFor(async () => ((await owner.query('SELECT overdue_at FROM task_force_tasks WHERE id = $1', [id])).rows[0].overdue_at ? true : undefined), 'the task to turn overdue');
    await new Promise((res) => setTimeout(res, 1200));
    const notices = (await owner.query(`SELECT user_id FROM notifications WHERE kind = 'TASK_OVERDUE' AND payload->>'taskId' = $1`, [id])).rows;
    expect(notices.map((n) => n.user_id)).toEqual([gd.users[Role.SUPERVISOR].id]);
  });

  it("formed from a series: the lead's cases in it join, the agencies of the other cases it may read become members", async () => {
    const card = randomCard('622848');
    const newCase = async (who: string, title: string) => {
      const id = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title, fraudType: 'INVESTMENT', reportedOn: '2026-11-21' } }, { token: t[who] })).data?.createCase.id as string;
      await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
        i: { caseId: id, takenAt: '2026-11-21T08:00:00Z', place: '派出所', narrative: '投资理财', reportedLoss: '5000', victim: { name: '孙某' },
          transfers: [{ fromAccount: randomCard('621226'), toAccount: card, amount: '5000', occurredAt: '2026-11-20T10:00:00Z', channel: 'BANK_TRANSFER' }] },
      }, { token: t[who] });
      return id;
    };
    const gdOwn = await newCase('gd', '串案·广东');
    const fjShared = await newCase('fj', '串案·福建');
    const snHidden = await newCase('sn', '串案·陕西');
    await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId: fjShared, agencyId: gd.id, access: 'READ', mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true },
    }, { token: t['fjSup'] });
    const seriesId = await waitFor(async () => {
      const s = (await gql(app, 'query($id: ID!) { caseLinks(caseId: $id) { series { id caseCount } } }', { id: gdOwn }, { token: t['gdSup'] })).data?.caseLinks.series;
      return s && s.caseCount === 3 ? (s.id as string) : undefined;
    }, 'the three cases to form a series');
    const r = await gql(app, `mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { ${FORCE} seriesId } }`, { i: { name: '串案专案组', seriesId } }, { token: t['gdSup'] });
    expect(r.errors).toBeUndefined();
    const force = r.data?.createTaskForce;
    expect(force.seriesId).toBe(seriesId);
    expect(force.cases.map((c: { id: string }) => c.id)).toEqual([gdOwn]);
    // Fujian's case is readable to Guangdong (shared): Fujian joins. Shaanxi's is not: Shaanxi learns nothing and stays out.
    expect(force.agencies.map((a: { id: string }) => a.id).sort()).toEqual([gd.id, fj.id].sort());
    expect(snHidden).toBeTruthy();
    expect(codeOf(await gql(app, 'mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', { i: { name: 'x', seriesId } }, { token: t['sn'] }))).toBe('FORBIDDEN');
  });

  it('lists task forces in the same number of SQL statements for 2 forces or 5 (no N+1)', async () => {
    const LIST = `query { taskForces { ${FORCE} } }`;
    const count = async () => {
      const spy = jest.spyOn(PgClient.prototype, 'query');
      try {
        const r = await gql(app, LIST, {}, { token: t['gdSup'] });
        expect(r.errors).toBeUndefined();
        return { queries: spy.mock.calls.length, forces: r.data?.taskForces.length as number };
      } finally {
        spy.mockRestore();
      }
    };
    const before = await count();
    const extra = (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '另案', fraudType: 'ONLINE_LOAN', reportedOn: '2026-11-20' } }, { token: t['gd'] })).data?.createCase.id;
    for (let i = 0; i < 3; i++) {
      const r = await gql(app, 'mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', { i: { name: `专案 ${i}`, memberAgencyIds: [zj.id], caseIds: [extra] } }, { token: t['gdSup'] });
      expect(r.errors).toBeUndefined();
      await gql(app, 'mutation($i: DispatchTaskInput!) { dispatchTask(input: $i) { id } }', {
        i: { taskForceId: r.data?.createTaskForce.id, kind: 'ARREST', title: `抓捕 ${i}`, assigneeAgencyId: zj.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
      }, { token: t['gdSup'] });
    }
    const after = await count();
    expect(after.forces).toBe(before.forces + 3);
    expect(after.queries).toBe(before.queries);
  });

  it('removing a member agency ends its access at once — through GraphQL and at PostgreSQL', async () => {
    const r = await gql(app, `mutation($f: ID!, $a: ID!) { setTaskForceAgency(taskForceId: $f, agencyId: $a, member: false) { agencies { id } } }`, { f: forceId, a: fj.id }, { token: t['gdSup'] });
    expect(r.data?.setTaskForceAgency.agencies.map((a: { id: string }) => a.id)).not.toContain(fj.id);
    expect(codeOf(await gql(app, CASE, { id: gdCase }, { token: t['fj'] }))).toBe('NOT_FOUND');
    expect(await asAgency(pool, fj.id, 'SELECT count(*)::int AS n FROM cases WHERE id = $1', [gdCase])).toEqual([{ n: 0 }]);
    expect(await asAgency(pool, fj.id, 'SELECT count(*)::int AS n FROM task_force_tasks WHERE task_force_id = $1', [forceId])).toEqual([{ n: 0 }]);
    // Zhejiang still reads it; taking the case out ends that too.
    expect((await gql(app, CASE, { id: gdCase }, { token: t['zj'] })).data?.case.id).toBe(gdCase);
    await gql(app, 'mutation($f: ID!, $c: ID!) { setTaskForceCase(taskForceId: $f, caseId: $c, inForce: false) { id } }', { f: forceId, c: gdCase }, { token: t['gdSup'] });
    expect(codeOf(await gql(app, CASE, { id: gdCase }, { token: t['zj'] }))).toBe('NOT_FOUND');
    // Taking it out again: it is not in the force (NOT_FOUND), not a question of rights.
    expect(codeOf(await gql(app, 'mutation($f: ID!, $c: ID!) { setTaskForceCase(taskForceId: $f, caseId: $c, inForce: false) { id } }', { f: forceId, c: gdCase }, { token: t['gdSup'] }))).toBe('NOT_FOUND');
  });
});
