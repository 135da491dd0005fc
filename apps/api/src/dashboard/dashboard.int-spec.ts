import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard } from '../../test/worker-process';
import { addDays, chinaToday } from './dashboard.service';

const GROUP = 'key cases openCases totalLoss';
const DASHBOARD = `query($f: DashboardFilter) { supervisorDashboard(filter: $f) {
  scope region periodDays since fraudType cases { cases openCases totalLoss } byProvince { ${GROUP} } byFraudType { ${GROUP} }
  seriesBucket seriesGrowth { start newSeries joinedCases series linkedCases } requestsByState { type state count }
  freezes { answered held successRate amountHeld medianAnswerSeconds }
  overdueRequests { count items { id reference type state caseNumber toAgency { id } deadlineAt } }
  tasks { open overdue items { id taskForceId taskForceName title status assigneeAgency { id } dueAt } } } }`;
const CREATE = 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }';

type Dashboard = Record<string, any>;

/**
 * The supervisor dashboard over a small known data set in two provinces that no other spec uses: Guizhou (52: the
 * provincial bureau 520000 and the Guiyang city bureau 520100) and Yunnan (53: 530000). Every figure is checked
 * exactly for a reader (own, shared and task-force records), a provincial and a city supervisor (their region), and
 * the other province's supervisor; banks are refused, through GraphQL and straight at PostgreSQL.
 */
describe('supervisor dashboard', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gz: TestAgency;
  let gy: TestAgency;
  let yn: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  const c: Record<string, string> = {};
  const f: Record<string, string> = {};
  const task: Record<string, string> = {};
  const madeSeries: string[] = [];
  const today = chinaToday(new Date());

  const dashboard = async (who: string, filter: Record<string, unknown> | null = null): Promise<Dashboard> => {
    const r = await gql(app, DASHBOARD, { f: filter }, { token: t[who] });
    expect(r.errors).toBeUndefined();
    return r.data?.supervisorDashboard as Dashboard;
  };
  const ago = (days: number, minutes = 2) => new Date(Date.now() - days * 86_400_000 + minutes * 60_000);

  /** The app role acting for an agency and user, as the api does: the SECURITY DEFINER function checks both. */
  async function atDatabase(agencyId: string, userId: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // As the api acts: the agency, the user and the user's roles.
      await client.query(`SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true),
        set_config('app.roles', coalesce((SELECT array_to_string(roles, ',') FROM users WHERE id = nullif($2, '')::uuid), ''), true)`, [agencyId, userId]);
      return (await client.query(sql, params)).rows;
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    // Agencies of an earlier run on a reused database leave the two provinces, so that the region figures stay exact.
    await owner.query(`UPDATE agencies SET region = 'ZZ' WHERE name ~ '^Dash(GZ|GY|YN)-' AND region ~ '^5[23]'`);
    gz = await createAgency(owner, 'DashGZ', [Role.SUPERVISOR, Role.INVESTIGATOR, Role.ANALYST], AgencyKind.POLICE, '520000');
    gy = await createAgency(owner, 'DashGY', [Role.SUPERVISOR, Role.INVESTIGATOR], AgencyKind.POLICE, '520100');
    yn = await createAgency(owner, 'DashYN', [Role.SUPERVISOR, Role.INVESTIGATOR], AgencyKind.POLICE, '530000');
    bank = await createAgency(owner, 'DashBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    app = await startApi();
    for (const [k, a, r] of [
      ['gzSup', gz, Role.SUPERVISOR], ['gz', gz, Role.INVESTIGATOR], ['gzAnalyst', gz, Role.ANALYST], ['gySup', gy, Role.SUPERVISOR], ['gy', gy, Role.INVESTIGATOR],
      ['ynSup', yn, Role.SUPERVISOR], ['yn', yn, Role.INVESTIGATOR], ['bank', bank, Role.LIAISON],
    ] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }

    // Cases (loss and status set as an operator would load them; the api keeps losses as sums of statements).
    const cases: Array<[string, string, string, number, string[], string, string]> = [
      ['a1', 'gz', 'INVESTMENT', 10, [], '10000.00', 'REPORTED'],
      ['a2', 'gz', 'ROMANCE', 20, ['53'], '5000.50', 'SOLVED'],
      ['a3', 'gy', 'INVESTMENT', 5, [], '2000.00', 'INVESTIGATING'],
      ['a4', 'gz', 'INVESTMENT', 200, [], '7000.00', 'REPORTED'],
      ['b1', 'yn', 'INVESTMENT', 3, [], '3000.00', 'REPORTED'],
      ['b2', 'yn', 'ONLINE_LOAN', 15, [], '800.00', 'REPORTED'],
    ];
    for (const [key, who, fraudType, days, provinces, loss, status] of cases) {
      const r = await gql(app, CREATE, { i: { title: `看板测试 ${key}`, fraudType, reportedOn: addDays(today, -days), provinces } }, { token: t[who] });
      expect(r.errors).toBeUndefined();
      c[key] = r.data?.createCase.id;
      await owner.query('UPDATE cases SET total_loss = $2, status = $3 WHERE id = $1', [c[key], loss, status]);
    }
    // Yunnan (its supervisor) shares b2 with the Guizhou bureau.
    const share = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId: c['b2'], agencyId: gz.id, access: 'READ', mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: false },
    }, { token: t['ynSup'] });
    expect(share.errors).toBeUndefined();

    // Freezes: sent through the api, answered by the bank; the times set afterwards so that the answer times are exact.
    const SEND = 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id } }';
    const ANSWER = 'mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { id state } }';
    const account = randomCard('622848');
    const freezes: Array<[string, string, string, string, string, string | null, number | null]> = [
      // key, sender, case, kind, account, outcome, minutes to answer
      ['f1', 'gz', 'a1', 'EMERGENCY_STOP', account, 'FROZEN', 30],
      ['f2', 'gz', 'a1', 'FREEZE', account, 'FROZEN', 90],
      ['f3', 'gz', 'a2', 'EMERGENCY_STOP', randomCard(), 'NO_FUNDS', 10],
      ['f4', 'gz', 'a1', 'EMERGENCY_STOP', randomCard(), null, null],
      ['f5', 'gy', 'a3', 'EMERGENCY_STOP', randomCard(), 'PARTIALLY_FROZEN', 60],
      ['f6', 'yn', 'b1', 'EMERGENCY_STOP', randomCard(), 'FROZEN', 5],
    ];
    const held: Record<string, string> = { f1: '4000', f2: '4000', f5: '1500', f6: '999' };
    for (const [key, who, caseKey, kind, acct, outcome, minutes] of freezes) {
      const sent = await gql(app, SEND, { i: { caseId: c[caseKey], bankAgencyId: bank.id, kind, account: acct, amount: '5000', legalBasisDoc: `冻结通知书 ${key}` } }, { token: t[who] });
      expect(sent.errors).toBeUndefined();
      f[key] = sent.data?.sendFreezeRequest.id;
      const sentAt = ago(2, 0);
      await owner.query('UPDATE agency_requests SET sent_at = $2 WHERE id = $1', [f[key], sentAt]);
      if (outcome) {
        const answered = await gql(app, ANSWER, { i: { id: f[key], outcome, amountHeld: held[key] ?? null } }, { token: t['bank'] });
        expect(answered.errors).toBeUndefined();
        await owner.query('UPDATE agency_requests SET answered_at = $2 WHERE id = $1', [f[key], new Date(sentAt.getTime() + (minutes as number) * 60_000)]);
      }
    }
    // f4 went unanswered past its deadline (as the deadlines worker marks it).
    await owner.query("UPDATE agency_requests SET deadline_at = now() - interval '1 hour', overdue_at = now() - interval '1 hour' WHERE id = $1", [f['f4']]);

    // Task forces: Guizhou leads one with Yunnan as member; Guiyang leads one of its own.
    const FORM = 'mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }';
    const DISPATCH = 'mutation($i: DispatchTaskInput!) { dispatchTask(input: $i) { id } }';
    const gzForce = (await gql(app, FORM, { i: { name: '黔滇联合专案组', memberAgencyIds: [yn.id], caseIds: [c['a1']] } }, { token: t['gzSup'] })).data?.createTaskForce.id;
    const gyForce = (await gql(app, FORM, { i: { name: '筑城专案组', caseIds: [c['a3']] } }, { token: t['gySup'] })).data?.createTaskForce.id;
    const due = new Date(Date.now() + 86_400_000).toISOString();
    for (const [key, force, who, assignee] of [['t1', gzForce, 'gzSup', yn.id], ['t2', gzForce, 'gzSup', gz.id], ['t3', gzForce, 'gzSup', gz.id], ['t4', gyForce, 'gySup', gy.id]] as const) {
      const r = await gql(app, DISPATCH, { i: { taskForceId: force, kind: 'ARREST', title: `任务 ${key}`, province: '52', assigneeAgencyId: assignee, dueAt: due } }, { token: t[who] });
      expect(r.errors).toBeUndefined();
      task[key] = r.data?.dispatchTask.id;
    }
    await owner.query("UPDATE task_force_tasks SET due_at = now() - interval '1 day' WHERE id = ANY($1)", [[task['t1'], task['t4']]]);
    await owner.query("UPDATE task_force_tasks SET status = 'DONE' WHERE id = $1", [task['t3']]);

    // Series (derived data the linker keeps): S1 formed 5 days ago across the provinces, S2 200 days ago, a3 joined 3 days ago.
    const [s1, s2] = [randomUUID(), randomUUID()];
    madeSeries.push(s1, s2);
    await owner.query('INSERT INTO evidence_series (id, case_count, created_at) VALUES ($1, 2, $2), ($3, 3, $4)', [s1, ago(5), s2, ago(200)]);
    for (const [key, series, days] of [['a1', s1, 5], ['b1', s1, 5], ['a2', s2, 200], ['a4', s2, 200], ['a3', s2, 3]] as const) {
      await owner.query('INSERT INTO series_members (case_id, series_id, agency_id, joined_at) SELECT id, $2, agency_id, $3 FROM cases WHERE id = $1', [c[key], series, ago(days)]);
    }
  });

  afterAll(async () => {
    // The hand-made series have no evidence behind them: a full relink (linking.int-spec.ts) on the same database would
    // drop them and find membership changed, so they leave with this spec (members go with their series).
    if (madeSeries.length > 0) await owner.query('DELETE FROM evidence_series WHERE id = ANY($1)', [madeSeries]);
    await app?.close();
    await owner.end();
    await pool.end();
  });

  const last = (d: Dashboard) => d['seriesGrowth'].at(-1);
  const joinedInPeriod = (d: Dashboard) => d['seriesGrowth'].reduce((a: number, p: { joinedCases: number }) => a + p.joinedCases, 0);
  const states = (d: Dashboard) => Object.fromEntries(d['requestsByState'].map((r: { type: string; state: string; count: number }) => [`${r.type}/${r.state}`, r.count]));

  it('an investigator gets exactly the figures of what it may read (own cases, a shared case, its task force)', async () => {
    const d = await dashboard('gz');
    expect(d).toMatchObject({ scope: 'READABLE', region: null, periodDays: 90, since: addDays(today, -89), fraudType: null, seriesBucket: 'WEEK' });
    // a1, a2 (own) and b2 (shared); a4 is older than 90 days, a3 and b1 are not readable.
    expect(d['cases']).toEqual({ cases: 3, openCases: 2, totalLoss: '15800.50' });
    expect(d['byProvince']).toEqual([
      { key: '52', cases: 2, openCases: 1, totalLoss: '15000.50' },
      { key: '53', cases: 2, openCases: 1, totalLoss: '5800.50' },
    ]);
    expect(d['byFraudType']).toEqual([
      { key: 'INVESTMENT', cases: 1, openCases: 1, totalLoss: '10000.00' },
      { key: 'ONLINE_LOAN', cases: 1, openCases: 1, totalLoss: '800.00' },
      { key: 'ROMANCE', cases: 1, openCases: 0, totalLoss: '5000.50' },
    ]);
    expect(states(d)).toEqual({ 'FREEZE/FROZEN': 2, 'FREEZE/NO_FUNDS': 1, 'FREEZE/SENT': 1 });
    // The emergency stop and the freeze of one account hold the same 4,000 once; median of 10, 30, 90 minutes.
    expect(d['freezes']).toEqual({ answered: 3, held: 2, successRate: 2 / 3, amountHeld: '4000.00', medianAnswerSeconds: 1800 });
    expect(d['overdueRequests'].count).toBe(1);
    expect(d['overdueRequests'].items.map((r: { id: string }) => r.id)).toEqual([f['f4']]);
    expect(d['overdueRequests'].items[0]).toMatchObject({ type: 'FREEZE', state: 'SENT', toAgency: { id: bank.id } });
    expect(d['tasks']).toMatchObject({ open: 2, overdue: 1 });
    expect(d['tasks'].items.map((x: { id: string }) => x.id)).toEqual([task['t1']]);
    // Series: a2 and a4 (S2) before the period; a1 joined S1 in it; b1 of S1 is Yunnan's own and not counted.
    expect(d['seriesGrowth']).toHaveLength(13);
    expect(d['seriesGrowth'][0].start).toBe(addDays(today, -89));
    expect(joinedInPeriod(d)).toBe(1);
    expect(last(d)).toMatchObject({ series: 2, linkedCases: 3 });
    // The analyst of the same agency sees the same.
    expect((await dashboard('gzAnalyst'))['cases']).toEqual(d['cases']);
  });

  it('a provincial supervisor gets its region (the city bureau too) and none of the other province', async () => {
    const d = await dashboard('gzSup');
    expect(d).toMatchObject({ scope: 'REGION', region: '520000' });
    // a1, a2, a3 (Guiyang) in the region, b2 through the share; not b1.
    expect(d['cases']).toEqual({ cases: 4, openCases: 3, totalLoss: '17800.50' });
    expect(d['byProvince']).toEqual([
      { key: '52', cases: 3, openCases: 2, totalLoss: '17000.50' },
      { key: '53', cases: 2, openCases: 1, totalLoss: '5800.50' },
    ]);
    expect(d['byFraudType']).toEqual([
      { key: 'INVESTMENT', cases: 2, openCases: 2, totalLoss: '12000.00' },
      { key: 'ONLINE_LOAN', cases: 1, openCases: 1, totalLoss: '800.00' },
      { key: 'ROMANCE', cases: 1, openCases: 0, totalLoss: '5000.50' },
    ]);
    expect(states(d)).toEqual({ 'FREEZE/FROZEN': 2, 'FREEZE/NO_FUNDS': 1, 'FREEZE/SENT': 1, 'FREEZE/PARTIALLY_FROZEN': 1 });
    // Median of 10, 30, 60, 90 minutes = 45 minutes; held 4,000 + 1,500; Yunnan's 999 is not in it.
    expect(d['freezes']).toEqual({ answered: 4, held: 3, successRate: 0.75, amountHeld: '5500.00', medianAnswerSeconds: 2700 });
    expect(d['overdueRequests'].count).toBe(1);
    // Tasks: t1, t2 of its own force and t4 of Guiyang's (a count only: the list is what the agency may open).
    expect(d['tasks']).toMatchObject({ open: 3, overdue: 2 });
    expect(d['tasks'].items.map((x: { id: string }) => x.id)).toEqual([task['t1']]);
    expect(joinedInPeriod(d)).toBe(2);
    expect(last(d)).toMatchObject({ series: 2, linkedCases: 4 });

    // A year: a4 too. A fraud type: only its cases and requests.
    expect((await dashboard('gzSup', { periodDays: 365 }))['cases']).toEqual({ cases: 5, openCases: 4, totalLoss: '24800.50' });
    const investment = await dashboard('gzSup', { fraudType: 'INVESTMENT' });
    expect(investment['cases']).toEqual({ cases: 2, openCases: 2, totalLoss: '12000.00' });
    expect(states(investment)).toEqual({ 'FREEZE/FROZEN': 2, 'FREEZE/SENT': 1, 'FREEZE/PARTIALLY_FROZEN': 1 });
    // Its own readable scope on request.
    expect((await dashboard('gzSup', { scope: 'READABLE' }))['cases']).toEqual({ cases: 3, openCases: 2, totalLoss: '15800.50' });
  });

  it('a city supervisor gets its city; the other province gets only its own', async () => {
    const city = await dashboard('gySup');
    expect(city).toMatchObject({ scope: 'REGION', region: '520100', cases: { cases: 1, openCases: 1, totalLoss: '2000.00' } });
    expect(city['freezes']).toEqual({ answered: 1, held: 1, successRate: 1, amountHeld: '1500.00', medianAnswerSeconds: 3600 });
    expect(city['tasks']).toMatchObject({ open: 1, overdue: 1 });
    expect(city['tasks'].items.map((x: { id: string }) => x.id)).toEqual([task['t4']]);

    const yunnan = await dashboard('ynSup');
    expect(yunnan).toMatchObject({ scope: 'REGION', region: '530000' });
    // b1, b2 and a1 (held by the task force Yunnan is in); a2 involves Yunnan but is Guizhou's and not shared.
    expect(yunnan['cases']).toEqual({ cases: 3, openCases: 3, totalLoss: '13800.00' });
    expect(yunnan['byProvince']).toEqual([
      { key: '53', cases: 2, openCases: 2, totalLoss: '3800.00' },
      { key: '52', cases: 1, openCases: 1, totalLoss: '10000.00' },
    ]);
    expect(yunnan['freezes']).toEqual({ answered: 1, held: 1, successRate: 1, amountHeld: '999.00', medianAnswerSeconds: 300 });
    expect(states(yunnan)).toEqual({ 'FREEZE/FROZEN': 1 });
    expect(yunnan['overdueRequests']).toEqual({ count: 0, items: [] });
    // A member of Guizhou's task force: its tasks, not Guiyang's.
    expect(yunnan['tasks']).toMatchObject({ open: 2, overdue: 1 });
    // S1: b1, and a1 through the task force.
    expect(joinedInPeriod(yunnan)).toBe(2);
    expect(last(yunnan)).toMatchObject({ series: 1, linkedCases: 2 });
  });

  it('the drill-down lists show only what the viewer may read', async () => {
    const LIST = 'query($f: CaseFilter) { cases(first: 50, filter: $f) { totalCount edges { node { id } } } }';
    const r = await gql(app, LIST, { f: { province: '53', reportedFrom: addDays(today, -89) } }, { token: t['gzSup'] });
    expect(r.data?.cases.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([c['a2'], c['b2']].sort());
    const city = await gql(app, LIST, { f: { province: '52', reportedFrom: addDays(today, -89) } }, { token: t['gzSup'] });
    // The region bar counts Guiyang's a3; the list holds what Guizhou may open.
    expect(city.data?.cases.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([c['a1'], c['a2']].sort());
  });

  it('refuses banks, region figures to non-supervisors and bad filters', async () => {
    expect(codeOf(await gql(app, DASHBOARD, { f: null }, { token: t['bank'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, DASHBOARD, { f: { scope: 'REGION' } }, { token: t['gz'] }))).toBe('FORBIDDEN');
    const bad = await gql(app, DASHBOARD, { f: { periodDays: 0 } }, { token: t['gzSup'] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.periodDays' });
  });

  it('at PostgreSQL: region figures only for a supervisor acting for its own police agency, aggregates only', async () => {
    const since = addDays(today, -89);
    const REGION = 'SELECT * FROM dashboard_region_figures($1::date, NULL)';
    const refused = /region figures are for supervisors/;
    await expect(atDatabase(bank.id, bank.users[Role.LIAISON].id, REGION, [since])).rejects.toThrow(refused);
    await expect(atDatabase(gz.id, gz.users[Role.INVESTIGATOR].id, REGION, [since])).rejects.toThrow(refused);
    // A supervisor's user id with another agency's context: refused too.
    await expect(atDatabase(yn.id, gz.users[Role.SUPERVISOR].id, REGION, [since])).rejects.toThrow(refused);
    await expect(atDatabase(gz.id, '', REGION, [since])).rejects.toThrow(refused);
    const rows = await atDatabase(gz.id, gz.users[Role.SUPERVISOR].id, REGION, [since]);
    expect(rows.find((r) => r['figure'] === 'cases')).toMatchObject({ n: '4', n2: '3', amount: '17800.50' });
    expect(Object.keys(rows[0]).sort()).toEqual(['amount', 'amount2', 'figure', 'k1', 'k2', 'n', 'n2']);
    // The invoker's function with a region asked for by hand still sees only what the policies allow.
    const byHand = await atDatabase(gz.id, gz.users[Role.INVESTIGATOR].id, "SELECT * FROM dashboard_figures('', $1::date, NULL)", [since]);
    expect(byHand.find((r) => r['figure'] === 'cases')).toMatchObject({ n: '3', amount: '15800.50' });
    const bankByHand = await atDatabase(bank.id, bank.users[Role.LIAISON].id, "SELECT * FROM dashboard_figures('', $1::date, NULL)", [since]);
    expect(bankByHand.find((r) => r['figure'] === 'cases')).toMatchObject({ n: '0' });
    expect(bankByHand.find((r) => r['figure'] === 'freezes')).toMatchObject({ n: '0' });
  });
});
