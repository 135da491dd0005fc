import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TEST_OWNER_URL, TestAgency } from '../../test/harness';

const LOADER = join(__dirname, '../../../../dist/tools/judgments/load.js');
const run = promisify(execFile);

/** The figures of the judgment study (reference 000), in percent. */
const STUDY = {
  total: 26_121,
  peakYear: 2021,
  peakCount: 21_185,
  age: { UNDER_20: 13.2, AGE_20_TO_24: 22.7, AGE_25_TO_29: 47.6, AGE_30_AND_OVER: 16.5 },
  education: { JUNIOR_HIGH_OR_BELOW: 68.3, HIGH_SCHOOL_OR_TECHNICAL: 22.3, COLLEGE_OR_ABOVE: 9.4 },
  employment: { UNEMPLOYED: 64.8, COMPANY_LEGAL_REPRESENTATIVE: 13.5, OTHER: 21.7 },
  probation: 20.0,
};

const BUCKETS = 'known unknown buckets { key count share percent probation from to }';
const ANALYTICS = `query($f: OutcomeFilter) { outcomeAnalytics(filter: $f) {
  total age { ${BUCKETS} } education { ${BUCKETS} } employment { ${BUCKETS} } roles { ${BUCKETS} } charges { ${BUCKETS} } penalties { ${BUCKETS} }
  probation { count of share percent } years { year count share percent probation probationPercent } medianSentenceMonths fines { fined total } } }`;
const CREATE = `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`;
const ADD = `mutation($i: AddSuspectInput!) { addSuspect(input: $i) { id caseId alias role ageAtOffence ageBand education employment charges subjectKey agency { id } judgment { verdictDate } } }`;
const JUDGE = `mutation($i: RecordJudgmentInput!) { recordJudgment(input: $i) { id judgment { verdictDate year court judgmentNumber penalty sentenceMonths probation fine agency { id } } } }`;
const SUSPECTS = `query($c: ID!) { caseSuspects(caseId: $c) { id alias role subjectKey judgment { year penalty probation fine } } }`;
const SHARE = 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }';

type Bucket = { key: string; count: number; share: number; percent: number; probation: number; from: number | null; to: number | null };
type Distribution = { known: number; unknown: number; buckets: Bucket[] };

/** Each figure within 0.1 percentage point of the study's, rounded (percent) and unrounded (share). */
function expectStudy(d: Distribution, study: Record<string, number>): void {
  expect(d.buckets.map((b) => b.key)).toEqual(Object.keys(study));
  for (const b of d.buckets) {
    const want = study[b.key];
    expect({ key: b.key, off: Math.abs(b.percent - want) <= 0.1 + 1e-9 }).toEqual({ key: b.key, off: true });
    expect({ key: b.key, off: Math.abs(100 * b.share - want) <= 0.1 }).toEqual({ key: b.key, off: true });
  }
  expect(Math.round(d.buckets.reduce((a, b) => a + b.percent, 0) * 10)).toBe(1000);
}

/**
 * Outcome analytics end to end: the study's 26,121 judgments loaded by tools/judgments for a test agency, queried
 * through GraphQL and CSV; suspects and judgments recorded through the api; need-to-know through GraphQL and
 * straight at PostgreSQL.
 */
describe('outcome analytics: suspects, judgments and the figures of the judgment study', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let zj: TestAgency;
  let fj: TestAgency;
  let centre: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  let loaded: string;

  const csv = (query: string, token?: string) => app.getHttpAdapter().getInstance().inject({
    method: 'GET', url: `/analytics/outcomes.csv?${query}`, headers: token ? { authorization: `Bearer ${token}` } : {},
  });

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'OutGD', [Role.ANALYST, Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'OutZJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    fj = await createAgency(owner, 'OutFJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '350000');
    centre = await createAgency(owner, 'OutCentre', [Role.SUPERVISOR], AgencyKind.POLICE, '100000', true);
    bank = await createAgency(owner, 'OutBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    const { stdout } = await run(process.execPath, [LOADER, '--agency', gd.id], { env: { ...process.env, DATABASE_OWNER_URL: TEST_OWNER_URL } });
    loaded = stdout;
    app = await startApi();
    for (const [k, a, r] of [
      ['gd', gd, Role.ANALYST], ['gdInv', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['zj', zj, Role.INVESTIGATOR], ['fj', fj, Role.INVESTIGATOR],
      ['fjSup', fj, Role.SUPERVISOR], ['centre', centre, Role.SUPERVISOR],
      ['bank', bank, Role.LIAISON],
    ] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
  }, 180_000);

  afterAll(async () => {
    await run(process.execPath, [LOADER, '--truncate', '--no-load', '--agency', gd.id], { env: { ...process.env, DATABASE_OWNER_URL: TEST_OWNER_URL } }).catch(() => undefined);
    await app?.close();
    await owner.end();
    await pool.end();
  }, 120_000);

  it('shows the owning agency the figures of the study, each within 0.1 percentage point', async () => {
    expect(loaded).toContain('Loaded 26121 judgment cases and 26121 suspects');
    const r = await gql(app, ANALYTICS, {}, { token: t['gd'] });
    expect(r.errors).toBeUndefined();
    const a = r.data?.outcomeAnalytics;
    expect(a.total).toBe(STUDY.total);
    expectStudy(a.age, STUDY.age);
    expectStudy(a.education, STUDY.education);
    expectStudy(a.employment, STUDY.employment);
    expect(Math.abs(a.probation.percent - STUDY.probation)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(100 * a.probation.share - STUDY.probation)).toBeLessThanOrEqual(0.1);
    expect(a.probation.of).toBe(STUDY.total);
    // Age bands carry their edges: [0,20) [20,25) [25,30) [30,∞).
    expect(a.age.buckets.map((b: Bucket) => [b.from, b.to])).toEqual([[0, 20], [20, 25], [25, 30], [30, null]]);
    // Cases per year: 2019-2023, a sharp rise to the 2021 peak of 21,185, fewer after.
    const years = a.years as Array<{ year: number; count: number; percent: number }>;
    expect(years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(years.reduce((s, y) => s + y.count, 0)).toBe(STUDY.total);
    expect(years.find((y) => y.year === STUDY.peakYear)?.count).toBe(STUDY.peakCount);
    expect(Math.max(...years.map((y) => y.count))).toBe(STUDY.peakCount);
    expect(years[0].count).toBeLessThan(years[1].count);
    expect(years[3].count).toBeLessThan(years[2].count);
    expect(Math.round(years.reduce((s, y) => s + y.percent, 0) * 10)).toBe(1000);
    // Roles: renting and selling "two cards" leads; every judgment names 帮信罪.
    const roles = a.roles.buckets as Bucket[];
    expect(roles.reduce((s, b) => s + b.count, 0)).toBe(STUDY.total);
    expect(roles.find((b) => b.key === 'CARD_SELLER')?.count).toBe(Math.max(...roles.map((b) => b.count)));
    expect(a.charges.buckets.find((b: Bucket) => b.key === 'ASSISTING_INFORMATION_NETWORK_CRIME')).toMatchObject({ count: STUDY.total, percent: 100 });
    expect(a.penalties.known).toBe(STUDY.total);
    expect(a.medianSentenceMonths).toBeGreaterThanOrEqual(6);
    expect(a.fines.fined).toBeGreaterThan(0.9 * STUDY.total);
    expect(a.fines.total).toMatch(/^\d+\.\d{2}$/);
    // Every figure agrees with a count straight from the table (as the owner role, no row-level security).
    const direct = await owner.query(
      `SELECT count(*) FILTER (WHERE age_at_offence < 20)::int AS under20, count(*) FILTER (WHERE probation)::int AS probation,
              count(*) FILTER (WHERE employment = 'COMPANY_LEGAL_REPRESENTATIVE')::int AS legal_rep, sum(fine)::text AS fines
       FROM suspects WHERE owner_agency_id = $1`, [gd.id]);
    expect(direct.rows[0]).toEqual({
      under20: a.age.buckets[0].count, probation: a.probation.count, legal_rep: a.employment.buckets[1].count, fines: a.fines.total,
    });
  });

  it('filters by year, role, charge, fraud type and province', async () => {
    const total = async (f: Record<string, unknown>) => {
      const r = await gql(app, ANALYTICS, { f }, { token: t['gd'] });
      expect(r.errors).toBeUndefined();
      return r.data?.outcomeAnalytics;
    };
    const peak = await total({ yearFrom: 2021, yearTo: 2021 });
    expect(peak.total).toBe(STUDY.peakCount);
    expect(peak.years).toEqual([expect.objectContaining({ year: 2021, count: STUDY.peakCount, percent: 100 })]);
    const all = await total({});
    const sellers = await total({ roles: ['CARD_SELLER'] });
    expect(sellers.total).toBe(all.roles.buckets.find((b: Bucket) => b.key === 'CARD_SELLER').count);
    const crossing = await total({ charges: ['ILLEGAL_BORDER_CROSSING'] });
    expect(crossing.total).toBe(all.charges.buckets.find((b: Bucket) => b.key === 'ILLEGAL_BORDER_CROSSING').count);
    const narrow = await total({ fraudTypes: ['INVESTMENT', 'ROMANCE'], provinces: ['44'], yearFrom: 2020, yearTo: 2022 });
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM suspects s JOIN cases c ON c.id = s.case_id
       WHERE c.agency_id = $1 AND c.fraud_type IN ('INVESTMENT','ROMANCE') AND '44' = ANY (c.provinces) AND s.verdict_year BETWEEN 2020 AND 2022`, [gd.id]);
    expect(narrow.total).toBe(rows[0].n);
    expect(narrow.total).toBeGreaterThan(1000);
    expect(narrow.years.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022]);
    const none = await total({ provinces: ['81'], yearFrom: 2019, yearTo: 2020 });
    expect(none.total).toBe(0);
    expect(none.age.buckets.map((b: Bucket) => b.percent)).toEqual([0, 0, 0, 0]);
    expect(none.years.map((y: { count: number }) => y.count)).toEqual([0, 0]);
  });

  it('another province, the national centre and banks see none of it — through GraphQL and at PostgreSQL — unless shared or in a task force', async () => {
    for (const who of ['zj', 'centre']) {
      const r = await gql(app, ANALYTICS, {}, { token: t[who] });
      expect({ who, total: r.data?.outcomeAnalytics.total, years: r.data?.outcomeAnalytics.years }).toEqual({ who, total: 0, years: [] });
    }
    for (const agency of [zj, centre, bank]) {
      const rows = await asAgency(pool, agency.id, 'SELECT count(*)::int AS n FROM suspects');
      expect(rows[0]['n']).toBe(0);
    }
    expect((await asAgency(pool, gd.id, 'SELECT count(*)::int AS n FROM suspects'))[0]['n']).toBe(STUDY.total);
    expect((await asAgency(pool, null, 'SELECT count(*)::int AS n FROM suspects'))[0]['n']).toBe(0);
    expect(codeOf(await gql(app, ANALYTICS, {}, { token: t['bank'] }))).toBe('FORBIDDEN');
    const someCase = (await owner.query('SELECT case_id FROM suspects WHERE owner_agency_id = $1 LIMIT 1', [gd.id])).rows[0].case_id;
    expect(codeOf(await gql(app, SUSPECTS, { c: someCase }, { token: t['bank'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, SUSPECTS, { c: someCase }, { token: t['zj'] }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, ANALYTICS, {}))).toBe('UNAUTHENTICATED');

    // A share (a supervisor's act) opens exactly that case's judgment to the national centre, and revoking closes it again.
    const share = await gql(app, SHARE, { i: { caseId: someCase, agencyId: centre.id, access: 'READ', mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: false } }, { token: t['gdSup'] });
    expect(share.errors).toBeUndefined();
    expect((await gql(app, ANALYTICS, {}, { token: t['centre'] })).data?.outcomeAnalytics.total).toBe(1);
    expect((await gql(app, SUSPECTS, { c: someCase }, { token: t['centre'] })).data?.caseSuspects).toHaveLength(1);
    expect((await asAgency(pool, centre.id, 'SELECT count(*)::int AS n FROM suspects'))[0]['n']).toBe(1);
    expect((await gql(app, 'mutation($id: ID!) { revokeShare(id: $id) { revokedAt } }', { id: share.data?.shareCase.id }, { token: t['gdSup'] })).errors).toBeUndefined();
    expect((await gql(app, ANALYTICS, {}, { token: t['centre'] })).data?.outcomeAnalytics.total).toBe(0);
    expect((await asAgency(pool, centre.id, 'SELECT count(*)::int AS n FROM suspects'))[0]['n']).toBe(0);

    // Members of a task force read its cases, and so the judgments on them, while they are members.
    const lead = gd.users[Role.INVESTIGATOR].id;
    const force = (await owner.query(`INSERT INTO task_forces (name, lead_agency_id, created_by) VALUES ('帮信专案组', $1, $2) RETURNING id`, [gd.id, lead])).rows[0].id;
    await owner.query('INSERT INTO task_force_agencies (task_force_id, agency_id, added_by) VALUES ($1, $2, $3)', [force, zj.id, lead]);
    await owner.query('INSERT INTO task_force_cases (task_force_id, case_id, added_by) VALUES ($1, $2, $3)', [force, someCase, lead]);
    expect((await gql(app, ANALYTICS, {}, { token: t['zj'] })).data?.outcomeAnalytics.total).toBe(1);
    expect((await gql(app, SUSPECTS, { c: someCase }, { token: t['zj'] })).data?.caseSuspects).toHaveLength(1);
    expect((await asAgency(pool, zj.id, 'SELECT count(*)::int AS n FROM suspects'))[0]['n']).toBe(1);
    await owner.query('UPDATE task_force_agencies SET removed_at = now() WHERE task_force_id = $1', [force]);
    expect((await gql(app, ANALYTICS, {}, { token: t['zj'] })).data?.outcomeAnalytics.total).toBe(0);
    expect((await asAgency(pool, zj.id, 'SELECT count(*)::int AS n FROM suspects'))[0]['n']).toBe(0);
  });

  it('records suspects and judgments (OWNER/CONTRIBUTE), keeps only a keyed hash of the ID number, and refuses bad input naming the field', async () => {
    const created = await gql(app, CREATE, { i: { title: '出售银行卡案', fraudType: 'INVESTMENT', reportedOn: '2026-10-01' } }, { token: t['fj'] });
    const caseId = created.data?.createCase.id;
    const count = async () => (await owner.query('SELECT count(*)::int AS n FROM suspects WHERE case_id = $1', [caseId])).rows[0].n as number;
    const suspect = { caseId, alias: '林某', role: 'CARD_SELLER', ageAtOffence: 19, education: 'HIGH_SCHOOL_OR_TECHNICAL', employment: 'UNEMPLOYED',
      charges: ['ASSISTING_INFORMATION_NETWORK_CRIME', 'ASSISTING_INFORMATION_NETWORK_CRIME'], idNumber: '11010519491231002x' };
    for (const [extra, field] of [
      [{ idNumber: '110105194912310021' }, 'input.idNumber'],
      [{ ageAtOffence: 5 }, 'input.ageAtOffence'],
      [{ charges: [] }, 'input.charges'],
      [{ caseId: 'nope' }, 'input.caseId'],
    ] as const) {
      const r = await gql(app, ADD, { i: { ...suspect, ...extra } }, { token: t['fj'] });
      expect({ field, ext: r.errors?.[0].extensions }).toEqual({ field, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    expect(await count()).toBe(0);

    const added = await gql(app, ADD, { i: suspect }, { token: t['fj'] });
    expect(added.errors).toBeUndefined();
    const s = added.data?.addSuspect;
    expect(s).toMatchObject({ caseId, alias: '林某', ageBand: 'UNDER_20', charges: ['ASSISTING_INFORMATION_NETWORK_CRIME'], agency: { id: fj.id }, judgment: null });
    expect(s.subjectKey).toMatch(/^[0-9a-f]{64}$/);
    // The same person (however the number is written) has the same key in another case; the number is stored nowhere.
    const other = await gql(app, CREATE, { i: { title: '跑分案', fraudType: 'ROMANCE', reportedOn: '2026-10-02' } }, { token: t['fj'] });
    const again = await gql(app, ADD, { i: { ...suspect, caseId: other.data?.createCase.id, idNumber: ' 110105 19491231 002X ' } }, { token: t['fj'] });
    expect(again.data?.addSuspect.subjectKey).toBe(s.subjectKey);
    const stored = await owner.query('SELECT row_to_json(s)::text AS row FROM suspects s WHERE case_id = $1', [caseId]);
    expect(stored.rows[0].row).not.toMatch(/11010519491231002X/i);

    const judgment = { suspectId: s.id, verdictDate: '2026-10-20', court: '福州市鼓楼区人民法院', judgmentNumber: '（2026）闽0102刑初88号', penalty: 'FIXED_TERM_IMPRISONMENT',
      sentenceMonths: 8, probation: true, fine: '5000' };
    for (const [extra, field] of [
      [{ sentenceMonths: 48 }, 'input.probation'],
      [{ sentenceMonths: null }, 'input.sentenceMonths'],
      [{ penalty: 'CRIMINAL_DETENTION', sentenceMonths: 7 }, 'input.sentenceMonths'],
      [{ penalty: 'FINE_ONLY', sentenceMonths: null, probation: false, fine: null }, 'input.fine'],
      [{ verdictDate: '2999-01-01' }, 'input.verdictDate'],
      [{ verdictDate: '2026-02-30' }, 'input.verdictDate'],
      [{ fine: '12.345' }, 'input.fine'],
      [{ court: '  ' }, 'input.court'],
    ] as const) {
      const r = await gql(app, JUDGE, { i: { ...judgment, ...extra } }, { token: t['fj'] });
      expect({ field, ext: r.errors?.[0].extensions }).toEqual({ field, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    expect((await owner.query('SELECT count(*)::int AS n FROM suspects WHERE id = $1 AND verdict_date IS NOT NULL', [s.id])).rows[0].n).toBe(0);
    const judged = await gql(app, JUDGE, { i: judgment }, { token: t['fj'] });
    expect(judged.errors).toBeUndefined();
    expect(judged.data?.recordJudgment.judgment).toEqual({
      verdictDate: '2026-10-20', year: 2026, court: '福州市鼓楼区人民法院', judgmentNumber: '（2026）闽0102刑初88号', penalty: 'FIXED_TERM_IMPRISONMENT', sentenceMonths: 8,
      probation: true, fine: '5000.00', agency: { id: fj.id },
    });
    const audit = await owner.query(`SELECT action FROM audit_events WHERE agency_id = $1 AND entity_type = 'Suspect' ORDER BY sequence`, [fj.id]);
    expect(audit.rows.map((x) => x.action)).toEqual(['SUSPECT_ADDED', 'SUSPECT_ADDED', 'JUDGMENT_RECORDED']);
    const fjView = (await gql(app, ANALYTICS, {}, { token: t['fj'] })).data?.outcomeAnalytics;
    expect(fjView).toMatchObject({ total: 1, probation: { count: 1, percent: 100 }, years: [{ year: 2026, count: 1, percent: 100, probation: 1, probationPercent: 100 }] });
    expect(fjView.age.buckets.map((b: Bucket) => b.count)).toEqual([1, 0, 0, 0]);

    // READ: sees the suspects, may not add or judge (service and row-level security); CONTRIBUTE may.
    const shareAs = async (access: string) => {
      const r = await gql(app, SHARE, { i: { caseId, agencyId: zj.id, access, mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: false } }, { token: t['fjSup'] });
      expect(r.errors).toBeUndefined();
    };
    expect(codeOf(await gql(app, SUSPECTS, { c: caseId }, { token: t['zj'] }))).toBe('NOT_FOUND');
    await shareAs('READ');
    const seen = await gql(app, SUSPECTS, { c: caseId }, { token: t['zj'] });
    expect(seen.data?.caseSuspects).toEqual([{ id: s.id, alias: '林某', role: 'CARD_SELLER', subjectKey: s.subjectKey, judgment: { year: 2026, penalty: 'FIXED_TERM_IMPRISONMENT', probation: true, fine: '5000.00' } }]);
    expect((await gql(app, ANALYTICS, {}, { token: t['zj'] })).data?.outcomeAnalytics.total).toBe(1);
    expect(codeOf(await gql(app, ADD, { i: { ...suspect, idNumber: null } }, { token: t['zj'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, JUDGE, { i: judgment }, { token: t['zj'] }))).toBe('FORBIDDEN');
    await expect(asAgency(pool, zj.id,
      `INSERT INTO suspects (case_id, owner_agency_id, agency_id, role, charges, created_by) VALUES ($1, $2, $3, 'OTHER', '{FRAUD}', $4)`,
      [caseId, fj.id, zj.id, zj.users[Role.INVESTIGATOR].id])).rejects.toThrow(/row-level security/);
    expect((await asAgency(pool, zj.id, `UPDATE suspects SET probation = false WHERE id = $1 RETURNING id`, [s.id]))).toEqual([]);
    // Only the judgment can change, and only in the writer's own name.
    await expect(asAgency(pool, fj.id, `UPDATE suspects SET role = 'ORGANISER' WHERE id = $1`, [s.id])).rejects.toThrow(/permission denied/);
    await expect(asAgency(pool, fj.id, `UPDATE suspects SET judgment_agency_id = $2 WHERE id = $1`, [s.id, zj.id])).rejects.toThrow(/row-level security/);
    // The case's owner, fraud type and provinces come from the case row whatever a writer claims, and follow the case.
    await owner.query('BEGIN');
    try {
      const claimed = await owner.query(
        `INSERT INTO suspects (case_id, owner_agency_id, case_fraud_type, case_provinces, agency_id, role, charges, created_by)
         VALUES ($1, $2, 'OTHER', '{65}', $3, 'OTHER', '{FRAUD}', $4) RETURNING owner_agency_id, case_fraud_type, case_provinces`,
        [caseId, zj.id, fj.id, fj.users[Role.INVESTIGATOR].id]);
      expect(claimed.rows[0]).toEqual({ owner_agency_id: fj.id, case_fraud_type: 'INVESTMENT', case_provinces: ['35'] });
      await owner.query(`UPDATE cases SET provinces = '{33,35}', fraud_type = 'ROMANCE' WHERE id = $1`, [caseId]);
      const followed = await owner.query('SELECT DISTINCT case_fraud_type, case_provinces FROM suspects WHERE case_id = $1', [caseId]);
      expect(followed.rows).toEqual([{ case_fraud_type: 'ROMANCE', case_provinces: ['33', '35'] }]);
    } finally {
      await owner.query('ROLLBACK');
    }

    await shareAs('CONTRIBUTE');
    const byZj = await gql(app, ADD, { i: { caseId, role: 'MONEY_MULE', charges: ['CONCEALING_PROCEEDS'] } }, { token: t['zj'] });
    expect(byZj.data?.addSuspect).toMatchObject({ agency: { id: zj.id }, subjectKey: null, ageBand: null });
    const judgedByZj = await gql(app, JUDGE, { i: { suspectId: byZj.data?.addSuspect.id, verdictDate: '2026-10-25', court: '杭州市西湖区人民法院', penalty: 'EXEMPTED', probation: false } },
      { token: t['zj'] });
    expect(judgedByZj.data?.recordJudgment.judgment).toMatchObject({ penalty: 'EXEMPTED', sentenceMonths: null, fine: null, agency: { id: zj.id } });
    const owned = (await gql(app, ANALYTICS, {}, { token: t['fj'] })).data?.outcomeAnalytics;
    expect(owned).toMatchObject({ total: 2, probation: { count: 1, percent: 50 }, age: { known: 1, unknown: 1 } });
    expect(codeOf(await gql(app, ADD, { i: { ...suspect, idNumber: null } }, { token: t['bank'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, JUDGE, { i: judgment }, { token: t['bank'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, JUDGE, { i: { ...judgment, suspectId: '00000000-0000-4000-8000-000000000000' } }, { token: t['fj'] }))).toBe('NOT_FOUND');
  });

  it('refuses a bad filter naming the field', async () => {
    for (const [f, field] of [
      [{ yearFrom: 2023, yearTo: 2019 }, 'filter.yearTo'],
      [{ yearFrom: 1900 }, 'filter.yearFrom'],
      [{ provinces: ['4'] }, 'filter.provinces'],
    ] as const) {
      const r = await gql(app, ANALYTICS, { f }, { token: t['gd'] });
      expect({ field, ext: r.errors?.[0].extensions }).toEqual({ field, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
  });

  it('exports every table as CSV (UTF-8 with BOM), for signed-in police only, audited', async () => {
    const age = await csv('table=age', t['gd']);
    expect(age.statusCode).toBe(200);
    expect(age.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(age.headers['content-disposition']).toBe('attachment; filename="caselink-outcomes-age.csv"');
    expect(age.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(age.body.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'category,label,judgments,percent,probation',
      expect.stringMatching(/^UNDER_20,under 20,3448,13\.2,\d+$/),
      expect.stringMatching(/^AGE_20_TO_24,20 to under 25,5929,22\.7,\d+$/),
      expect.stringMatching(/^AGE_25_TO_29,25 to under 30,12434,47\.6,\d+$/),
      expect.stringMatching(/^AGE_30_AND_OVER,30 and over,4310,16\.5,\d+$/),
      expect.stringMatching(/^TOTAL,total,26121,100\.0,5224$/),
      '',
    ]);
    const years = await csv('table=years&lang=zh', t['gd']);
    expect(years.body).toContain('年份,判决数,占比(%),缓刑数,缓刑率(%)');
    expect(years.body).toContain('\r\n2021,21185,81.1,');
    expect(years.body).toContain('\r\n合计,26121,100.0,5224,20.0\r\n');
    const education = await csv('table=education&lang=zh', t['gd']);
    expect(education.body).toContain('JUNIOR_HIGH_OR_BELOW,初中及以下,17841,68.3,');
    const probation = await csv('table=probation', t['gd']);
    expect(probation.body).toContain('PROBATION,probation,5224,20.0\r\nNO_PROBATION,no probation,20897,80.0\r\n');
    for (const table of ['employment', 'roles', 'charges', 'penalties']) {
      const r = await csv(`table=${table}&yearFrom=2021&yearTo=2021&roles=CARD_SELLER,MONEY_MULE`, t['gd']);
      expect({ table, status: r.statusCode }).toEqual({ table, status: 200 });
    }
    const filtered = await csv('table=years&yearFrom=2021&yearTo=2021&fraudTypes=INVESTMENT&fraudTypes=ROMANCE', t['gd']);
    expect(filtered.body.split('\r\n')[1]).toMatch(/^2021,\d+,100\.0,/);

    const field = (r: { json: () => unknown }) => (r.json() as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0].extensions;
    expect(field(await csv('table=bogus', t['gd']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'table' });
    const backwards = await csv('table=age&yearFrom=2023&yearTo=2019', t['gd']);
    expect(backwards.statusCode).toBe(400);
    expect(field(backwards)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'yearTo' });
    expect(field(await csv('table=age&yearFrom=soon', t['gd']))).toMatchObject({ field: 'yearFrom' });
    expect(field(await csv('table=age&roles=BOSS', t['gd']))).toMatchObject({ field: 'roles' });
    expect(field(await csv('table=age&colour=red', t['gd']))).toMatchObject({ field: 'colour' });
    expect(field(await csv('table=age&lang=fr', t['gd']))).toMatchObject({ field: 'lang' });
    expect((await csv('table=age')).statusCode).toBe(401);
    expect((await csv('table=age', t['bank'])).statusCode).toBe(403);
    const zjAge = await csv('table=age', t['zj']);
    expect(zjAge.body).not.toContain('3448');

    const audited = await owner.query(`SELECT entity_id, details FROM audit_events WHERE agency_id = $1 AND action = 'OUTCOMES_EXPORTED' ORDER BY sequence`, [gd.id]);
    expect(audited.rows[0]).toMatchObject({ entity_id: 'age', details: { table: 'age', judgments: STUDY.total } });
    expect(audited.rows.find((x) => x.details.filter.yearFrom === 2021)).toBeDefined();
  });
});
