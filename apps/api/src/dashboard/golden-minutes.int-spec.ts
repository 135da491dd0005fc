import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard } from '../../test/worker-process';
import { chinaToday } from './dashboard.service';

const GOLDEN = 'query($f: DashboardFilter) { supervisorDashboard(filter: $f) { scope goldenMinutes { cases stopped held medianReportToStopSeconds medianStopToHeldSeconds } } }';
const CASE = 'query($id: ID!) { case(id: $id) { goldenMinutes { reportedAt firstStopSentAt firstFundsHeldAt reportToStopSeconds stopToHeldSeconds } } }';
const MINUTE = 60_000;

/**
 * The golden minutes (issue 16 part 2): report (the first victim statement) → first stop sent → first funds held, on a
 * case and as medians on the dashboard, over a known data set in Ningxia (64: the provincial department 640000 and the
 * Yinchuan city bureau 640100), which no other spec uses. A stop sent by an agency contributing to a case counts on
 * the owner's case (times only). Cases of others, and other roles, get nothing — through GraphQL and at PostgreSQL.
 */
describe('golden minutes: on the case and on the dashboard', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let nx: TestAgency;
  let yc: TestAgency;
  let helper: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  const c: Record<string, string> = {};
  // Whole seconds: the times come back as ISO strings.
  const reported = new Date(Math.floor((Date.now() - 6 * 3600_000) / 1000) * 1000);
  const at = (minutes: number) => new Date(reported.getTime() + minutes * MINUTE);

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    // Agencies of an earlier run on a reused database leave the province, so that the region figures stay exact.
    await owner.query(`UPDATE agencies SET region = 'ZZ' WHERE name ~ '^Golden(NX|YC)-' AND region ~ '^64'`);
    nx = await createAgency(owner, 'GoldenNX', [Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR], AgencyKind.POLICE, '640000');
    yc = await createAgency(owner, 'GoldenYC', [Role.INVESTIGATOR], AgencyKind.POLICE, '640100');
    helper = await createAgency(owner, 'GoldenHelper', [Role.INVESTIGATOR], AgencyKind.POLICE, '460000');
    bank = await createAgency(owner, 'GoldenBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    app = await startApi();
    for (const [k, a, r] of [
      ['nx', nx, Role.INVESTIGATOR], ['nxSup', nx, Role.SUPERVISOR], ['nxAnalyst', nx, Role.ANALYST], ['nxAuditor', nx, Role.AUDITOR], ['yc', yc, Role.INVESTIGATOR],
      ['helper', helper, Role.INVESTIGATOR], ['bank', bank, Role.LIAISON],
    ] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    const must = async (query: string, variables: Record<string, unknown>, token: string) => {
      const r = await gql(app, query, variables, { token });
      if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
      return r.data as Record<string, any>;
    };
    // key, owner, who sends the stop, minutes from the report to the stop, minutes from the stop to the hold
    const cases: Array<[string, string, string | null, number | null, number | null]> = [
      ['A', 'nx', 'nx', 10, 20], ['B', 'nx', 'nx', 30, 40], ['C', 'nx', null, null, null], ['D', 'nx', 'nx', 50, null], ['E', 'nx', 'helper', 20, null],
      ['F', 'yc', 'yc', 70, 60],
    ];
    for (const [key, who, sender, toStop, toHeld] of cases) {
      c[key] = (await must('mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: `黄金时间 ${key}`, fraudType: 'INVESTMENT', reportedOn: chinaToday(new Date()) } }, t[who])).createCase.id;
      await must('mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
        i: { caseId: c[key], takenAt: reported.toISOString(), place: '派出所', narrative: '报案', reportedLoss: '50000', victim: { name: '马十' } },
      }, t[who]);
      if (sender === 'helper') {
        await must('mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
          i: { caseId: c[key], agencyId: helper.id, access: 'CONTRIBUTE', mayPassOn: true, mayUseInCourt: true, mustAskBeforeActing: false },
        }, t['nxSup']);
      }
      if (!sender || toStop === null) continue;
      const sent = await must('mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id } }', {
        i: { caseId: c[key], bankAgencyId: bank.id, kind: 'EMERGENCY_STOP', account: randomCard(), amount: '50000', legalBasisDoc: `止付 ${key}` },
      }, t[sender]);
      const id = sent.sendFreezeRequest.id;
      await owner.query('UPDATE agency_requests SET sent_at = $2 WHERE id = $1', [id, at(toStop)]);
      if (toHeld !== null) {
        await must('mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { id } }', { i: { id, outcome: 'FROZEN', amountHeld: '50000' } }, t['bank']);
        await owner.query('UPDATE agency_requests SET held_at = $2 WHERE id = $1', [id, at(toStop + toHeld)]);
      }
    }
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
    await pool?.end();
  });

  const golden = async (who: string, filter: Record<string, unknown> | null = null) => {
    const r = await gql(app, GOLDEN, { f: filter }, { token: t[who] });
    expect(r.errors).toBeUndefined();
    return r.data?.supervisorDashboard.goldenMinutes;
  };

  it('on the case: report → first stop → first hold, a contributing agency\'s stop included', async () => {
    const of = async (key: string, who = 'nx') => (await gql(app, CASE, { id: c[key] }, { token: t[who] })).data?.case.goldenMinutes;
    expect(await of('A')).toEqual({
      reportedAt: reported.toISOString(), firstStopSentAt: at(10).toISOString(), firstFundsHeldAt: at(30).toISOString(), reportToStopSeconds: 600, stopToHeldSeconds: 1200,
    });
    expect(await of('C')).toEqual({ reportedAt: reported.toISOString(), firstStopSentAt: null, firstFundsHeldAt: null, reportToStopSeconds: null, stopToHeldSeconds: null });
    expect(await of('D')).toMatchObject({ reportToStopSeconds: 3000, stopToHeldSeconds: null });
    // The stop Hainan sent on Ningxia's case counts for the owner and for Hainan alike.
    expect(await of('E')).toMatchObject({ firstStopSentAt: at(20).toISOString(), reportToStopSeconds: 1200 });
    expect(await of('E', 'helper')).toMatchObject({ reportToStopSeconds: 1200 });
    expect(await of('A', 'nxAnalyst')).toMatchObject({ reportToStopSeconds: 600 });
    // A case the caller may not read is not found; the bank may not read cases at all.
    expect(codeOf(await gql(app, CASE, { id: c['A'] }, { token: t['yc'] }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, CASE, { id: c['A'] }, { token: t['bank'] }))).toBe('FORBIDDEN');
  });

  it('on the dashboard: the medians over what the viewer reads, and over the region for its supervisor', async () => {
    // A, B, D, E stopped after 10, 30, 50, 20 minutes (median 25); A and B held 20 and 40 minutes later (median 30).
    const readable = { cases: 5, stopped: 4, held: 2, medianReportToStopSeconds: 1500, medianStopToHeldSeconds: 1800 };
    expect(await golden('nx')).toEqual(readable);
    expect(await golden('nxAnalyst')).toEqual(readable);
    expect(await golden('nxSup', { scope: 'READABLE' })).toEqual(readable);
    // The region adds Yinchuan's F (70 minutes, held 60 later): medians of 10/20/30/50/70 and 20/40/60.
    expect(await golden('nxSup')).toEqual({ cases: 6, stopped: 5, held: 3, medianReportToStopSeconds: 1800, medianStopToHeldSeconds: 2400 });
    expect(await golden('yc')).toEqual({ cases: 1, stopped: 1, held: 1, medianReportToStopSeconds: 4200, medianStopToHeldSeconds: 3600 });
    // Hainan reads only the case shared with it.
    expect(await golden('helper')).toEqual({ cases: 1, stopped: 1, held: 0, medianReportToStopSeconds: 1200, medianStopToHeldSeconds: null });
    expect(await golden('nx', { fraudType: 'ROMANCE' })).toEqual({ cases: 0, stopped: 0, held: 0, medianReportToStopSeconds: null, medianStopToHeldSeconds: null });
  });

  it('at PostgreSQL: the functions answer only for cases the caller reads, to the roles that read cases, region figures only for supervisors', async () => {
    const caseRows = async (agencyId: string, roles: string[]) =>
      (await asAgency(pool, agencyId, 'SELECT case_id FROM case_golden_minutes($1::uuid[])', [[c['A'], c['F']]], roles)).map((r) => r['case_id']);
    expect(await caseRows(nx.id, ['INVESTIGATOR'])).toEqual([c['A']]);
    expect(await caseRows(yc.id, ['INVESTIGATOR'])).toEqual([c['F']]);
    expect(await caseRows(nx.id, ['AUDITOR'])).toEqual([]);
    expect(await caseRows(nx.id, ['ADMIN'])).toEqual([]);
    expect(await caseRows(bank.id, ['LIAISON'])).toEqual([]);
    expect(await caseRows(helper.id, ['INVESTIGATOR'])).toEqual([]);
    const since = chinaToday(new Date());
    const figures = async (agencyId: string, roles: string[], region: boolean, userId = '') =>
      (await asAgency(pool, agencyId, 'SELECT stopped::int FROM dashboard_golden_minutes($1::date, NULL, $2)', [since, region], roles, userId))[0]?.['stopped'] ?? null;
    expect(await figures(nx.id, ['AUDITOR'], false)).toBeNull();
    expect(await figures(bank.id, ['LIAISON'], false)).toBeNull();
    expect(await figures(helper.id, ['INVESTIGATOR'], false)).toBe(1);
    // Region figures: the acting user must be an active supervisor of the agency (roles as the users table holds them).
    expect(await figures(nx.id, ['SUPERVISOR'], true, nx.users[Role.SUPERVISOR].id)).toBe(5);
    await expect(asAgency(pool, nx.id, 'SELECT * FROM dashboard_golden_minutes($1::date, NULL, true)', [since], ['SUPERVISOR'], nx.users[Role.INVESTIGATOR].id))
      .rejects.toMatchObject({ code: '42501' });
    // The helper functions are the owner's: the app role cannot call the one without checks.
    await expect(asAgency(pool, nx.id, 'SELECT * FROM golden_minutes_of_cases($1::uuid[])', [[c['F']]], ['INVESTIGATOR'])).rejects.toMatchObject({ code: '42501' });
    // Nor refresh the kept golden minutes, nor write them.
    await expect(asAgency(pool, nx.id, 'SELECT dashboard_case_stops_refresh($1::uuid[])', [[c['F']]], ['INVESTIGATOR'])).rejects.toMatchObject({ code: '42501' });
    await expect(asAgency(pool, nx.id, 'DELETE FROM dashboard_case_stops', [], ['INVESTIGATOR'])).rejects.toMatchObject({ code: '42501' });
  });

  // Last: it changes the fixture.
  it('kept by the writers at commit (migration 1766000000000): as the rows give them, also with two writers of one case at once', async () => {
    const kept = async () => (await owner.query(
      `SELECT case_id, reported_at, first_stop_at, first_held_at FROM dashboard_case_stops WHERE case_id = ANY ($1) ORDER BY case_id`, [Object.values(c)])).rows;
    const truth = async () => (await owner.query(
      `SELECT case_id, reported_at, first_stop_at, first_held_at FROM golden_minutes_of_cases($1::uuid[]) WHERE first_stop_at IS NOT NULL ORDER BY case_id`, [Object.values(c)])).rows;
    expect((await kept()).map((r) => r.case_id).sort()).toEqual(['A', 'B', 'D', 'E', 'F'].map((k) => c[k]).sort());
    expect(await kept()).toEqual(await truth());

    // At once, on D: one transaction moves its stop to 5 minutes after the report, another its statement an hour back.
    // Each refreshes D when it commits, after the other's lock: whichever commits second sees the first's change.
    const [t1, t2] = [await ownerClient(), await ownerClient()];
    try {
      await t1.query('BEGIN');
      await t2.query('BEGIN');
      await t1.query(`UPDATE agency_requests SET sent_at = $2 WHERE case_id = $1 AND type = 'FREEZE'`, [c['D'], at(5)]);
      await t2.query(`UPDATE victim_statements SET taken_at = taken_at - interval '1 hour' WHERE case_id = $1`, [c['D']]);
      await Promise.all([t1.query('COMMIT'), t2.query('COMMIT')]);
    } finally {
      await t1.end();
      await t2.end();
    }
    const now = await kept();
    expect(now).toEqual(await truth());
    const row = now.find((r) => r.case_id === c['D']);
    expect(row?.reported_at.toISOString()).toBe(at(-60).toISOString());
    expect(row?.first_stop_at.toISOString()).toBe(at(5).toISOString());

    // A statement being recorded holds its case FOR UPDATE (record-statement.ts) while a freeze of the case commits and
    // recomputes the row: the kept row takes no lock on the case (no foreign key), so neither waits on the other in a cycle.
    const [rec, frz] = [await ownerClient(), await ownerClient()];
    try {
      await rec.query('BEGIN');
      await rec.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [c['E']]);
      await rec.query(`UPDATE victim_statements SET taken_at = taken_at - interval '1 minute' WHERE case_id = $1`, [c['E']]);
      await frz.query('BEGIN');
      await frz.query(`UPDATE agency_requests SET sent_at = sent_at + interval '1 hour' WHERE case_id = $1 AND type = 'FREEZE'`, [c['E']]);
      const frozen = frz.query('COMMIT');
      await new Promise((r) => setTimeout(r, 300));
      await Promise.all([frozen, rec.query('COMMIT')]);
    } finally {
      await rec.end();
      await frz.end();
    }
    expect(await kept()).toEqual(await truth());
    // Times that move later are recomputed (earlier ones are taken as they come): the row follows either way.
    await owner.query(`UPDATE agency_requests SET sent_at = sent_at + interval '2 hours', held_at = held_at + interval '3 hours' WHERE case_id = $1 AND type = 'FREEZE'`, [c['F']]);
    await owner.query(`UPDATE agency_requests SET held_at = held_at - interval '1 hour' WHERE case_id = $1 AND type = 'FREEZE'`, [c['F']]);
    expect(await kept()).toEqual(await truth());
    // A stop that goes (retention) takes its case with it; a statement that goes moves the report time to the case's creation.
    await owner.query(`DELETE FROM agency_requests WHERE case_id = $1 AND type = 'FREEZE'`, [c['B']]);
    await owner.query('DELETE FROM victim_statements WHERE case_id = $1', [c['A']]);
    expect(await kept()).toEqual(await truth());
    expect((await kept()).some((r) => r.case_id === c['B'])).toBe(false);
  });
});
