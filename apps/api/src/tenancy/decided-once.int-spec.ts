import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AccessRequestStatus, AgencyKind, allowedAccessRequestTransitions, allowedTaskTransitions, Role, TaskParty, TaskStatus } from '@caselink/domain';
import { appPool, asAgency, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

/**
 * State columns outside the request and case machines (issue 11): an access request is decided once, a task moves
 * only along the task machine and by its party — refused straight at PostgreSQL as the app role, whatever the api does.
 */
describe('access decisions and tasks move only along their machines, also at PostgreSQL', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let fj: TestAgency;
  const t: Record<string, string> = {};
  const SU = [Role.SUPERVISOR];
  const IN = [Role.INVESTIGATOR];

  const must = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await gql(app, query, variables, { token });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as Record<string, any>;
  };

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'OnceGD', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440000');
    fj = await createAgency(owner, 'OnceFJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '350000');
    for (const [k, a, r] of [['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['fj', fj, Role.INVESTIGATOR]] as const) t[k] = (await login(app, a.users[r].email)).token;
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
    await pool.end();
  });

  it('the tables in the database equal the domain machines', async () => {
    const access = (await owner.query(`SELECT from_status || ' ' || to_status AS r FROM access_request_transitions`)).rows.map((r) => r.r).sort();
    const tasks = (await owner.query(`SELECT from_status || ' ' || to_status || ' ' || party AS r FROM task_status_transitions`)).rows.map((r) => r.r).sort();
    expect({ access, tasks }).toEqual({
      access: Object.values(AccessRequestStatus).flatMap((from) => allowedAccessRequestTransitions(from).map((to) => `${from} ${to}`)).sort(),
      tasks: Object.values(TaskStatus).flatMap((from) => (['ASSIGNEE', 'LEAD'] as TaskParty[]).flatMap((p) => allowedTaskTransitions(from, p).map((to) => `${from} ${to} ${p}`))).sort(),
    });
  });

  it('a denied access request is not approved afterwards, by hand or through GraphQL', async () => {
    const caseId = (await must('mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '一次决定', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, t['gd'])).createCase.id;
    const id = (await must('mutation($i: RequestAccessInput!) { requestAccess(input: $i) { id } }', { i: { caseId, reason: '同一账户' } }, t['fj'])).requestAccess.id;
    await must('mutation($i: DecideAccessRequestInput!) { decideAccessRequest(input: $i) { status } }', { i: { id, approve: false } }, t['gdSup']);
    await expect(asAgency(pool, gd.id, `UPDATE access_requests SET status = 'APPROVED' WHERE id = $1`, [id], SU)).rejects.toThrow(/DENIED does not become APPROVED/);
    await expect(asAgency(pool, gd.id, `UPDATE access_requests SET decision_note = 'rewritten', decided_at = now() WHERE id = $1`, [id], SU)).rejects.toThrow(/does not change/);
    const again = await gql(app, 'mutation($i: DecideAccessRequestInput!) { decideAccessRequest(input: $i) { status } }', { i: { id, approve: true, access: 'READ' } }, { token: t['gdSup'] });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'DENIED' });
    expect(await asAgency(pool, fj.id, 'SELECT count(*)::int AS n FROM cases WHERE id = $1', [caseId], IN)).toEqual([{ n: 0 }]);
  });

  it('a task moves only along the task machine and by its party', async () => {
    const caseId = (await must('mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '专案任务', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, t['gd'])).createCase.id;
    const forceId = (await must('mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', { i: { name: '任务机', memberAgencyIds: [fj.id], caseIds: [caseId] } }, t['gdSup'])).createTaskForce.id;
    const dispatch = async () => (await must('mutation($i: DispatchTaskInput!) { dispatchTask(input: $i) { id } }', {
      i: { taskForceId: forceId, kind: 'ARREST', title: '抓捕', assigneeAgencyId: fj.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    }, t['gdSup'])).dispatchTask.id as string;
    const done = await dispatch();
    // The lead cannot report the assignee's work; the assignee cannot cancel; nothing reopens a finished task.
    await expect(asAgency(pool, gd.id, `UPDATE task_force_tasks SET status = 'DONE' WHERE id = $1`, [done], SU)).rejects.toThrow(/OPEN task does not become DONE/);
    await expect(asAgency(pool, fj.id, `UPDATE task_force_tasks SET status = 'CANCELLED' WHERE id = $1`, [done], IN)).rejects.toThrow(/OPEN task does not become CANCELLED/);
    expect(await asAgency(pool, fj.id, `UPDATE task_force_tasks SET status = 'DONE' WHERE id = $1 RETURNING status`, [done], IN)).toEqual([{ status: 'DONE' }]);
    await expect(asAgency(pool, fj.id, `UPDATE task_force_tasks SET status = 'OPEN' WHERE id = $1`, [done], IN)).rejects.toThrow(/DONE task does not become OPEN/);
    await expect(asAgency(pool, gd.id, `UPDATE task_force_tasks SET status = 'CANCELLED' WHERE id = $1`, [done], SU)).rejects.toThrow(/DONE task does not become CANCELLED/);
    // The lead still cancels an open one.
    const open = await dispatch();
    expect(await asAgency(pool, gd.id, `UPDATE task_force_tasks SET status = 'CANCELLED' WHERE id = $1 RETURNING status`, [open], SU)).toEqual([{ status: 'CANCELLED' }]);
  });
});
