import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, multipart, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, randomMobile, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const SUBJECT_HASH_KEY = 'integration-test-subject-hash-key-0123456789';
const REPORT = 'mutation($s: [RiskSignalInput!]!) { reportRiskSignals(signals: $s) { accepted duplicates } }';
const ALERT = `id rule status region reportingAgency { id } subjectKey identifiers { kind value } observed threshold windowStart windowEnd signalCount statusNote
  leads { id caseId caseNumber ownerAgency { id } matchedKind matchedValue canOpen }`;
const ALERTS = `query($rule: RiskRule) { alerts(rule: $rule, first: 100) { totalCount edges { node { ${ALERT} } } } }`;

/** A valid 18-character resident ID number (GB 11643 check character) nobody else in the run uses. */
export function randomIdNumber(): string {
  const first17 = `440106199${Math.floor(Math.random() * 10)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return first17 + (v === 10 ? 'X' : String(v));
}

/** Minutes after a fixed morning (Asia/Shanghai), as an ISO instant. */
const at = (minutes: number, day = '2026-11-18') => new Date(Date.parse(`${day}T09:00:00+08:00`) + minutes * 60_000).toISOString();

type Alert = { id: string; rule: string; region: string; observed: string; threshold: string; signalCount: number; reportingAgency: { id: string };
  identifiers: Array<{ kind: string; value: string }>;
  leads: Array<{ caseId: string | null; caseNumber: string | null; canOpen: boolean; matchedKind: string; matchedValue: string; ownerAgency: { id: string } }> };

/**
 * Risk signals and alerts end to end with the real worker: each rule fires just above its threshold and not at it,
 * regional thresholds, leads on cases, CSV upload, and who sees what (through GraphQL and at the database).
 */
describe('risk signals and alerts', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let bankA: TestAgency;
  let bankB: TestAgency;
  let telecom: TestAgency;
  let gd: TestAgency;
  let gz: TestAgency;
  let fj: TestAgency;
  let kh: TestAgency;
  const t: Record<string, string> = {};
  const evidenceDir = mkdtempSync(join(tmpdir(), 'caselink-risk-'));
  const seq = { n: 0 };
  const ref = (label: string) => `${label}-${process.pid}-${++seq.n}`;

  const report = async (token: string, signals: Array<Record<string, unknown>>) => {
    const r = await gql(app, REPORT, { s: signals.map((s) => ({ reference: ref('s'), ...s })) }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.reportRiskSignals as { accepted: number; duplicates: number };
  };
  /** Until the worker has evaluated every stored signal. */
  const settled = () => waitFor(async () => {
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM risk_signals WHERE evaluated_at IS NULL');
    return rows[0].n === 0 ? true : undefined;
  }, 'the signals to be evaluated', 30_000);
  const alertsAs = async (token: string, rule?: string): Promise<Alert[]> => {
    const r = await gql(app, ALERTS, { rule: rule ?? null }, { token });
    expect(r.errors).toBeUndefined();
    return r.data?.alerts.edges.map((e: { node: Alert }) => e.node);
  };
  const withValue = (alerts: Alert[], value: string) => alerts.filter((a) => a.identifiers.some((i) => i.value === value));
  const alertIdOf = async (rule: string, value: string) =>
    (await owner.query('SELECT a.id FROM alerts a JOIN alert_identifiers i ON i.alert_id = a.id WHERE a.rule = $1 AND i.value = $2', [rule, value])).rows[0]?.id as string | undefined;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    bankA = await createAgency(owner, 'RiskBankA', [Role.LIAISON, Role.ADMIN, Role.ANALYST], AgencyKind.BANK, '110000');
    bankB = await createAgency(owner, 'RiskBankB', [Role.LIAISON], AgencyKind.BANK, '440300');
    telecom = await createAgency(owner, 'RiskTelecom', [Role.LIAISON], AgencyKind.TELECOM, '110000');
    gd = await createAgency(owner, 'RiskGD', [Role.INVESTIGATOR, Role.SUPERVISOR, Role.ADMIN], AgencyKind.POLICE, '440000');
    gz = await createAgency(owner, 'RiskGZ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440100');
    fj = await createAgency(owner, 'RiskFJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '350000');
    kh = await createAgency(owner, 'RiskKH', [Role.LIAISON], AgencyKind.FOREIGN_PARTNER, 'KH');
    app = await startApi({ EVIDENCE_DIR: evidenceDir });
    const logins: Array<[string, TestAgency, Role]> = [
      ['bankA', bankA, Role.LIAISON], ['bankAdmin', bankA, Role.ADMIN], ['bankAnalyst', bankA, Role.ANALYST], ['bankB', bankB, Role.LIAISON],
      ['telecom', telecom, Role.LIAISON], ['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['gz', gz, Role.INVESTIGATOR],
      ['gzSup', gz, Role.SUPERVISOR], ['fj', fj, Role.INVESTIGATOR], ['fjSup', fj, Role.SUPERVISOR], ['kh', kh, Role.LIAISON],
    ];
    for (const [k, a, r] of logins) t[k] = (await login(app, a.users[r].email)).token;
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}`, SUBJECT_HASH_KEY, EVIDENCE_DIR: evidenceDir, RISK_SWEEP_MS: '500', RISK_BATCH_SIZE: '3' });
  });

  afterAll(async () => {
    if (process.env['RISK_DEBUG']) console.log(worker?.log());
    await worker?.stop();
    await app?.close();
    await owner.end();
    await pool.end();
  });

  it('refuses reports from the wrong agency, role or sector, and names the bad field', async () => {
    const card = randomCard();
    const withdrawal = { kind: 'CASH_WITHDRAWAL', reference: ref('w'), occurredAt: at(0), region: '440100', account: card, amount: '100.00' };
    expect(codeOf(await gql(app, REPORT, { s: [withdrawal] }, { token: t['gd'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, REPORT, { s: [withdrawal] }, { token: t['bankAnalyst'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, REPORT, { s: [withdrawal] }, { token: t['kh'] }))).toBe('FORBIDDEN');
    const telecomCash = await gql(app, REPORT, { s: [withdrawal] }, { token: t['telecom'] });
    expect(telecomCash.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signals.0.kind' });
    const bankSim = await gql(app, REPORT, { s: [{ kind: 'SIM_REGISTRATION', reference: ref('x'), occurredAt: at(0), region: '440100', subjectIdNumber: randomIdNumber(), phone: randomMobile() }] }, { token: t['bankA'] });
    expect(bankSim.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signals.0.kind' });
    // All or nothing: the good first signal is not stored when the second is bad.
    const mixed = await gql(app, REPORT, { s: [withdrawal, { ...withdrawal, reference: ref('w'), amount: '12.345' }] }, { token: t['bankA'] });
    expect(mixed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'signals.1.amount' }, message: 'signals.1.amount: must have at most 2 decimals' });
    // A huge amount is refused up front (its day's sum would otherwise jam the evaluation), naming the field.
    const huge = await gql(app, REPORT, { s: [{ ...withdrawal, reference: ref('w'), amount: '1000000000.01' }] }, { token: t['bankA'] });
    expect(huge.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'signals.0.amount' }, message: 'signals.0.amount: must be at most 1000000000.00' });
    const badId = await gql(app, REPORT, { s: [{ kind: 'ACCOUNT_OPENING', reference: ref('o'), occurredAt: at(0), region: '440100', subjectIdNumber: '440106199001011234', account: card, product: 'DEBIT_CARD' }] }, { token: t['bankA'] });
    expect(badId.errors?.[0].extensions).toMatchObject({ field: 'signals.0.subjectIdNumber' });
    expect((await owner.query('SELECT count(*)::int AS n FROM risk_signals WHERE account = $1', [card])).rows[0].n).toBe(0);
    // The same reference twice from one agency is one signal.
    expect(await report(t['bankAdmin'], [withdrawal, withdrawal])).toEqual({ accepted: 1, duplicates: 1 });
    expect(await report(t['bankA'], [withdrawal])).toEqual({ accepted: 0, duplicates: 1 });
    const stored = (await owner.query('SELECT subject_hash, account, amount::text, region FROM risk_signals WHERE account = $1', [card])).rows;
    expect(stored).toEqual([{ subject_hash: null, account: card, amount: '100.00', region: '440100' }]);
    await settled();
  });

  it('raises each rule just above its threshold and not at it', async () => {
    const [below, above] = [randomCard(), randomCard()];
    await report(t['bankA'], [
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(0), region: '440100', account: below, amount: '12000.00' },
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(60), region: '440106', account: below, amount: '8000.00' },
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(0), region: '440100', account: above, amount: '12000.00' },
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(60), region: '440106', account: above, amount: '8000.01' },
      // The next day (Asia/Shanghai) counts afresh.
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(15 * 60 + 1), region: '440100', account: below, amount: '19000.00' },
    ]);
    const [sim5, sim6, debit4, debit5, across10, across11] = Array.from({ length: 6 }, () => randomIdNumber());
    const sims = (id: string, n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'SIM_REGISTRATION', occurredAt: at(i), region: '440100', subjectIdNumber: id, phone: randomMobile() }));
    await report(t['telecom'], [...sims(sim5, 5), ...sims(sim6, 6)]);
    const open = (id: string, n: number, product: string, minute = 0) =>
      Array.from({ length: n }, (_, i) => ({ kind: 'ACCOUNT_OPENING', occurredAt: at(minute + i), region: '440100', subjectIdNumber: id, account: randomCard(), product }));
    await report(t['bankA'], [...open(debit4, 4, 'DEBIT_CARD'), ...open(debit4, 2, 'CREDIT_CARD'), ...open(debit5, 5, 'DEBIT_CARD')]);
    await report(t['bankA'], [...open(across10, 6, 'ACCOUNT'), ...open(across11, 6, 'ACCOUNT')]);
    await report(t['bankB'], [...open(across10, 4, 'ACCOUNT', 10), ...open(across11, 5, 'ACCOUNT', 10)]);
    const [fast, slow, short] = [randomCard(), randomCard(), randomCard()];
    const victim = randomCard('622848');
    const transfer = (account: string, direction: string, minute: number, amount: string, counterpart?: string) =>
      ({ kind: 'TRANSFER', occurredAt: at(minute), region: '440100', account, direction, amount, ...(counterpart ? { counterpartAccount: counterpart } : {}) });
    await report(t['bankA'], [
      transfer(fast, 'IN', 0, '10000.00', victim), transfer(fast, 'OUT', 10, '5000.00'), transfer(fast, 'OUT', 30, '3000.00', randomCard()),
      transfer(slow, 'IN', 0, '10000.00'), transfer(slow, 'OUT', 31, '8000.00'),
      transfer(short, 'IN', 0, '10000.00'), transfer(short, 'OUT', 10, '7999.99'),
    ]);
    await settled();

    const all = await alertsAs(t['gd']);
    expect(withValue(all, below)).toEqual([]);
    const [cash] = withValue(all, above);
    expect(cash).toMatchObject({ rule: 'CASH_WITHDRAWAL_DAILY', observed: '20000.01', threshold: '20000.00', region: '440106', signalCount: 2, reportingAgency: { id: bankA.id } });
    const simAlerts = (await alertsAs(t['gd'], 'SIM_CARDS_PER_CARRIER')).filter((a) => a.reportingAgency.id === telecom.id);
    expect(simAlerts.map((a) => [a.observed, a.threshold, a.identifiers.length])).toEqual([['6', '5', 6]]);
    const debit = (await alertsAs(t['gd'], 'DEBIT_CARDS_PER_BANK')).filter((a) => a.reportingAgency.id === bankA.id);
    expect(debit.map((a) => [a.observed, a.threshold])).toEqual([['5', '4']]);
    const across = (await alertsAs(t['gd'], 'ACCOUNTS_ACROSS_BANKS')).filter((a) => [bankA.id, bankB.id].includes(a.reportingAgency.id));
    // The 11th account was bankB's: the alert is raised from its signal, the police see all eleven accounts.
    expect(across.map((a) => [a.observed, a.threshold, a.reportingAgency.id, a.identifiers.length])).toEqual([['11', '10', bankB.id, 11]]);
    expect(withValue(all, slow)).toEqual([]);
    expect(withValue(all, short)).toEqual([]);
    const [pass] = withValue(all, fast);
    expect(pass).toMatchObject({ rule: 'PASS_THROUGH', observed: '30', threshold: '30', signalCount: 3 });
    // Where the money came from is an identifier too (it matches victims' payment trails).
    expect(pass.identifiers.map((i) => i.value)).toEqual(expect.arrayContaining([fast, victim]));

    // Re-evaluation changes nothing; a later crossing in the same window updates the alert instead of adding one.
    await report(t['bankA'], [{ kind: 'CASH_WITHDRAWAL', occurredAt: at(120), region: '440100', account: above, amount: '500.00' }]);
    await settled();
    const again = withValue(await alertsAs(t['gd']), above);
    expect(again.map((a) => [a.id, a.observed, a.signalCount])).toEqual([[cash.id, '20500.01', 3]]);
    // The region's police were told, once per alert.
    const told = await owner.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'ALERT_RAISED' AND payload->>'alertId' = $1 AND user_id = $2`, [cash.id, gz.users[Role.INVESTIGATOR].id]);
    expect(told.rows[0].n).toBe(1);
    const fjTold = await owner.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'ALERT_RAISED' AND payload->>'alertId' = $1 AND agency_id = $2`, [cash.id, fj.id]);
    expect(fjTold.rows[0].n).toBe(0);
  });

  it('takes the most specific threshold: a city value beats the province and the national default; only that region sets it', async () => {
    const SET = 'mutation($r: String!, $rule: RiskRule!, $v: String!) { setRiskThreshold(region: $r, rule: $rule, value: $v) { region rule value source } }';
    expect(codeOf(await gql(app, SET, { r: '350200', rule: 'CASH_WITHDRAWAL_DAILY', v: '10000' }, { token: t['gdSup'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, SET, { r: '350200', rule: 'CASH_WITHDRAWAL_DAILY', v: '10000' }, { token: t['fj'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, SET, { r: '350200', rule: 'CASH_WITHDRAWAL_DAILY', v: '10000' }, { token: t['bankAdmin'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, SET, { r: '000000', rule: 'CASH_WITHDRAWAL_DAILY', v: '10000' }, { token: t['fjSup'] }))).toBe('FORBIDDEN');
    const bad = await gql(app, SET, { r: '350200', rule: 'SIM_CARDS_PER_CARRIER', v: '2.5' }, { token: t['fjSup'] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    const set = await gql(app, SET, { r: '350200', rule: 'CASH_WITHDRAWAL_DAILY', v: '10000' }, { token: t['fjSup'] });
    expect(set.data?.setRiskThreshold).toEqual({ region: '350200', rule: 'CASH_WITHDRAWAL_DAILY', value: '10000.00', source: '350200' });
    // Straight at the database: Guangdong police cannot set Fujian's thresholds either.
    await expect(asAgency(pool, gd.id, `INSERT INTO risk_thresholds (region, rule, value, set_by_agency) VALUES ('350200', 'PASS_THROUGH', 5, $1)`, [gd.id])).rejects.toThrow(/row-level security/);
    expect(await asAgency(pool, gd.id, `UPDATE risk_thresholds SET value = 1 WHERE region = '350200' RETURNING 1`)).toEqual([]);
    const audit = await owner.query(`SELECT details FROM audit_events WHERE agency_id = $1 AND action = 'RISK_THRESHOLD_SET'`, [fj.id]);
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ region: '350200', rule: 'CASH_WITHDRAWAL_DAILY', to: '10000.00' }) }]);

    // Foreign partners do not read the thresholds, through the api or at the database; banks and telecoms do.
    expect(codeOf(await gql(app, 'query { riskThresholds { rule value } }', {}, { token: t['kh'] }))).toBe('FORBIDDEN');
    expect((await gql(app, 'query { riskThresholds { rule value } }', {}, { token: t['bankB'] })).data?.riskThresholds).toHaveLength(5);
    expect((await asAgency<{ n: number }>(pool, kh.id, 'SELECT count(*)::int AS n FROM risk_thresholds'))[0].n).toBe(0);
    expect((await asAgency<{ n: number }>(pool, telecom.id, 'SELECT count(*)::int AS n FROM risk_thresholds'))[0].n).toBeGreaterThan(0);

    const th = await gql(app, 'query($r: String) { riskThresholds(region: $r) { region rule value source } }', { r: '350203' }, { token: t['fj'] });
    expect(th.data?.riskThresholds).toEqual(expect.arrayContaining([
      { region: '350203', rule: 'CASH_WITHDRAWAL_DAILY', value: '10000.00', source: '350200' },
      { region: '350203', rule: 'SIM_CARDS_PER_CARRIER', value: '5', source: '000000' },
    ]));
    const [xiamen, fuzhou] = [randomCard(), randomCard()];
    await report(t['bankA'], [
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(0), region: '350203', account: xiamen, amount: '10000.01' },
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(0), region: '350100', account: fuzhou, amount: '10000.01' },
    ]);
    await settled();
    const fjAlerts = await alertsAs(t['fj'], 'CASH_WITHDRAWAL_DAILY');
    expect(withValue(fjAlerts, xiamen).map((a) => [a.region, a.observed, a.threshold])).toEqual([['350203', '10000.01', '10000.00']]);
    expect(withValue(fjAlerts, fuzhou)).toEqual([]);
  });

  it('shows each agency only its own signals and alerts, and each region only its own: through GraphQL and at the database', async () => {
    const [cardA, cardB] = [randomCard(), randomCard()];
    await report(t['bankA'], [{ kind: 'CASH_WITHDRAWAL', occurredAt: at(0), region: '440106', account: cardA, amount: '30000.00' }]);
    await report(t['bankB'], [{ kind: 'CASH_WITHDRAWAL', occurredAt: at(0), region: '440305', account: cardB, amount: '30000.00' }]);
    await settled();
    const alertA = (await alertIdOf('CASH_WITHDRAWAL_DAILY', cardA)) as string;
    const alertB = (await alertIdOf('CASH_WITHDRAWAL_DAILY', cardB)) as string;

    // Signals: the reporter's own.
    const SIGNALS = 'query($k: RiskSignalKind) { riskSignals(kind: $k, first: 100) { totalCount edges { node { account reference } } } }';
    const mine = await gql(app, SIGNALS, { k: 'CASH_WITHDRAWAL' }, { token: t['bankB'] });
    expect(mine.data?.riskSignals.edges.map((e: { node: { account: string } }) => e.node.account)).toEqual([cardB]);
    expect(codeOf(await gql(app, SIGNALS, {}, { token: t['gd'] }))).toBe('FORBIDDEN');
    expect((await gql(app, SIGNALS, {}, { token: t['telecom'] })).data?.riskSignals.edges.every((e: { node: { account: string | null } }) => e.node.account === null)).toBe(true);

    // Alerts: the reporter sees those from its own signals; police their region's.
    const visible = async (token: string) => (await alertsAs(token)).map((a) => a.id);
    expect(await visible(t['bankA'])).toContain(alertA);
    expect(await visible(t['bankA'])).not.toContain(alertB);
    expect(await visible(t['bankB'])).toContain(alertB);
    expect(await visible(t['bankB'])).not.toContain(alertA);
    expect((await alertsAs(t['telecom'])).every((a) => a.reportingAgency.id === telecom.id)).toBe(true);
    expect(await visible(t['gd'])).toEqual(expect.arrayContaining([alertA, alertB]));
    expect(await visible(t['gz'])).toContain(alertA);
    expect(await visible(t['gz'])).not.toContain(alertB);
    expect(await visible(t['fj'])).not.toContain(alertA);
    expect(codeOf(await gql(app, ALERTS, {}, { token: t['kh'] }))).toBe('FORBIDDEN');
    expect((await gql(app, `query($id: ID!) { alert(id: $id) { id } }`, { id: alertA }, { token: t['fj'] })).data?.alert).toBeNull();
    expect((await gql(app, `query($id: ID!) { alert(id: $id) { id } }`, { id: alertA }, { token: t['bankB'] })).data?.alert).toBeNull();

    // An accounts-across-banks alert: the reporter sees its own accounts of it only; the other bank not the alert.
    const across = (await owner.query(`SELECT id FROM alerts WHERE rule = 'ACCOUNTS_ACROSS_BANKS' AND reporting_agency_id = $1`, [bankB.id])).rows[0].id as string;
    const seen = (await gql(app, `query($id: ID!) { alert(id: $id) { identifiers { value } } }`, { id: across }, { token: t['bankB'] })).data?.alert;
    expect(seen.identifiers).toHaveLength(5);
    expect((await gql(app, `query($id: ID!) { alert(id: $id) { id } }`, { id: across }, { token: t['bankA'] })).data?.alert).toBeNull();

    // Straight at the database as the app role with the agency set.
    const count = async (agency: string, sql: string, params: unknown[]) => ((await asAgency<{ n: number }>(pool, agency, sql, params))[0].n);
    expect(await count(bankB.id, 'SELECT count(*)::int AS n FROM risk_signals WHERE reporting_agency_id = $1', [bankA.id])).toBe(0);
    expect(await count(bankA.id, 'SELECT count(*)::int AS n FROM risk_signals WHERE reporting_agency_id = $1', [bankA.id])).toBeGreaterThan(0);
    expect(await count(gd.id, 'SELECT count(*)::int AS n FROM risk_signals', [])).toBe(0);
    expect(await count(bankB.id, 'SELECT count(*)::int AS n FROM alerts WHERE id = $1', [alertA])).toBe(0);
    expect(await count(telecom.id, 'SELECT count(*)::int AS n FROM alerts WHERE reporting_agency_id <> $1', [telecom.id])).toBe(0);
    expect(await count(fj.id, `SELECT count(*)::int AS n FROM alerts WHERE region LIKE '44%'`, [])).toBe(0);
    expect(await count(gz.id, 'SELECT count(*)::int AS n FROM alerts WHERE id = $1', [alertB])).toBe(0);
    expect(await count(gd.id, 'SELECT count(*)::int AS n FROM alerts WHERE id = ANY($1)', [[alertA, alertB]])).toBe(2);
    expect(await count(bankA.id, 'SELECT count(*)::int AS n FROM alert_identifiers WHERE alert_id = $1', [across])).toBe(0);
    expect(await count(bankB.id, 'SELECT count(*)::int AS n FROM alert_identifiers WHERE alert_id = $1', [across])).toBe(5);
    expect(await count(null as unknown as string, 'SELECT count(*)::int AS n FROM alerts', [])).toBe(0);
    // Writes: a bank cannot report in another's name, a telecom cannot report bank kinds, other regions cannot handle alerts.
    const insert = `INSERT INTO risk_signals (reporting_agency_id, kind, reference, occurred_at, region, account, account_kind, amount, batch_id)
                    VALUES ($1, 'CASH_WITHDRAWAL', $2, now(), '440100', '6217000000000000', 'BANK_ACCOUNT', 1, 'x')`;
    await expect(asAgency(pool, bankB.id, insert, [bankA.id, ref('forged')])).rejects.toThrow(/row-level security/);
    await expect(asAgency(pool, telecom.id, insert, [telecom.id, ref('forged')])).rejects.toThrow(/row-level security/);
    await expect(asAgency(pool, bankA.id, insert.replace(", 1, 'x')", ", 1000000000.01, 'x')"), [bankA.id, ref('huge')])).rejects.toThrow(/check constraint/);
    expect(await asAgency(pool, fj.id, `UPDATE alerts SET status = 'DISMISSED' WHERE id = $1 RETURNING 1`, [alertA])).toEqual([]);
    expect(await asAgency(pool, bankA.id, `UPDATE alerts SET status = 'DISMISSED' WHERE id = $1 RETURNING 1`, [alertA])).toEqual([]);
    await expect(asAgency(pool, gd.id, `UPDATE alerts SET observed = 1 WHERE id = $1`, [alertA])).rejects.toThrow(/permission denied/);

    // Status: the region's police acknowledge and dismiss, with audit rows; others cannot.
    const ACK = 'mutation($id: ID!) { acknowledgeAlert(id: $id) { id status } }';
    const DISMISS = 'mutation($id: ID!, $r: String!) { dismissAlert(id: $id, reason: $r) { id status statusNote } }';
    expect(codeOf(await gql(app, ACK, { id: alertA }, { token: t['fj'] }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, ACK, { id: alertA }, { token: t['bankA'] }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, ACK, { id: alertB }, { token: t['gz'] }))).toBe('NOT_FOUND');
    expect((await gql(app, ACK, { id: alertA }, { token: t['gz'] })).data?.acknowledgeAlert).toEqual({ id: alertA, status: 'ACKNOWLEDGED' });
    expect(codeOf(await gql(app, ACK, { id: alertA }, { token: t['gd'] }))).toBe('CONFLICT');
    expect((await gql(app, DISMISS, { id: alertA, r: ' ' }, { token: t['gd'] })).errors?.[0].extensions).toMatchObject({ field: 'reason' });
    expect((await gql(app, DISMISS, { id: alertA, r: '本人提取购房款，已核实' }, { token: t['gd'] })).data?.dismissAlert)
      .toEqual({ id: alertA, status: 'DISMISSED', statusNote: '本人提取购房款，已核实' });
    const audited = await owner.query(`SELECT agency_id, details->>'to' AS "to" FROM audit_events WHERE action = 'ALERT_STATUS_CHANGED' AND entity_id = $1 ORDER BY occurred_at`, [alertA]);
    expect(audited.rows).toEqual([{ agency_id: gz.id, to: 'ACKNOWLEDGED' }, { agency_id: gd.id, to: 'DISMISSED' }]);
  });

  it('makes an alert whose account is in a case a lead on it: the case owner sees it, the region’s police see whose case it is', async () => {
    const mule = randomCard();
    const created = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id caseNumber } }', { i: { title: '冒充客服退款诈骗案', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-11-17' } }, { token: t['gd'] });
    const caseId = created.data?.createCase.id as string;
    const st = await gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: { caseId, takenAt: '2026-11-17T08:00:00Z', place: '派出所', narrative: '假客服', reportedLoss: '30000', victim: { name: '钱九' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: mule, amount: '30000', occurredAt: '2026-11-16T10:00:00Z', channel: 'BANK_TRANSFER' }] },
    }, { token: t['gd'] });
    expect(st.errors).toBeUndefined();
    // The mule card is emptied at ATMs in Fujian: the alert goes to Fujian's police, the lead to Guangdong's case.
    await report(t['bankA'], [
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(0), region: '350100', account: mule, amount: '15000.00' },
      { kind: 'CASH_WITHDRAWAL', occurredAt: at(5), region: '350100', account: mule, amount: '15000.00' },
    ]);
    await settled();
    const alertId = (await alertIdOf('CASH_WITHDRAWAL_DAILY', mule)) as string;
    const caseNumber = created.data?.createCase.caseNumber as string;
    // Fujian's police learn what a blind hit tells: Guangdong holds a case with that card. Not which case.
    const fjAlerts = await gql(app, ALERTS, { rule: null }, { token: t['fj'] });
    const fjView = (fjAlerts.data?.alerts.edges.map((e: { node: Alert }) => e.node) as Alert[]).find((a) => a.id === alertId) as Alert;
    expect(fjView.leads).toEqual([expect.objectContaining({ caseId: null, caseNumber: null, ownerAgency: { id: gd.id }, matchedKind: 'BANK_CARD', matchedValue: mule, canOpen: false })]);
    expect(JSON.stringify(fjAlerts)).not.toContain(caseNumber);
    expect(JSON.stringify(fjAlerts)).not.toContain(caseId);
    // The case's owner sees the case on the same alert.
    const gdAlert = await gql(app, `query($id: ID!) { alert(id: $id) { ${ALERT} } }`, { id: alertId }, { token: t['gd'] });
    expect(gdAlert.data?.alert.leads).toEqual([expect.objectContaining({ caseId, caseNumber, ownerAgency: { id: gd.id }, canOpen: true })]);
    // At the database: Fujian reads no lead row (so no case id or number); its look-up gives the owner and the value only.
    expect((await asAgency<{ n: number }>(pool, fj.id, 'SELECT count(*)::int AS n FROM alert_leads WHERE alert_id = $1', [alertId]))[0].n).toBe(0);
    expect((await asAgency<{ n: number }>(pool, fj.id, 'SELECT count(*)::int AS n FROM alert_leads WHERE case_id = $1', [caseId]))[0].n).toBe(0);
    const blind = await asAgency(pool, fj.id, 'SELECT * FROM alert_region_leads($1::uuid[])', [[alertId]]);
    expect(blind).toEqual([{ id: expect.any(String), alert_id: alertId, owner_agency_id: gd.id, matched_kind: 'BANK_CARD', matched_value: mule, created_at: expect.any(Date) }]);
    // The look-up is the alert region's police's only: not Guangzhou's (another region), not the bank's; the owner reads the row itself.
    for (const other of [gz.id, bankA.id, gd.id]) expect(await asAgency(pool, other, 'SELECT * FROM alert_region_leads($1::uuid[])', [[alertId]])).toEqual([]);
    expect(await asAgency(pool, null, 'SELECT * FROM alert_region_leads($1::uuid[])', [[alertId]])).toEqual([]);
    expect((await asAgency<{ n: number }>(pool, gd.id, 'SELECT count(*)::int AS n FROM alert_leads WHERE alert_id = $1', [alertId]))[0].n).toBe(1);
    const LEADS = `query($c: ID!) { caseAlertLeads(caseId: $c) { lead { caseId canOpen matchedValue } alert { id rule region observed } } }`;
    const leads = await gql(app, LEADS, { c: caseId }, { token: t['gd'] });
    expect(leads.data?.caseAlertLeads).toEqual([{ lead: { caseId, canOpen: true, matchedValue: mule }, alert: { id: alertId, rule: 'CASH_WITHDRAWAL_DAILY', region: '350100', observed: '30000.00' } }]);
    expect(codeOf(await gql(app, LEADS, { c: caseId }, { token: t['fj'] }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, LEADS, { c: caseId }, { token: t['bankA'] }))).toBe('FORBIDDEN');
    // The bank that reported it learns nothing of the case.
    const bankView = (await gql(app, `query($id: ID!) { alert(id: $id) { leads { caseId } } }`, { id: alertId }, { token: t['bankA'] })).data?.alert;
    expect(bankView).toEqual({ leads: [] });
    expect((await asAgency<{ n: number }>(pool, bankA.id, 'SELECT count(*)::int AS n FROM alert_leads WHERE alert_id = $1', [alertId]))[0].n).toBe(0);
    expect((await asAgency<{ n: number }>(pool, gz.id, 'SELECT count(*)::int AS n FROM alert_leads WHERE alert_id = $1', [alertId]))[0].n).toBe(0);
    // The case's author hears of the lead.
    const told = await owner.query(`SELECT payload FROM notifications WHERE kind = 'ALERT_LEAD' AND user_id = $1 AND payload->>'alertId' = $2`, [gd.users[Role.INVESTIGATOR].id, alertId]);
    expect(told.rows).toEqual([{ payload: expect.objectContaining({ caseId, rule: 'CASH_WITHDRAWAL_DAILY', kind: 'BANK_CARD' }) }]);

    // Once Guangdong shares the case with Fujian (its supervisor's act), Fujian reads the lead with its case (and the look-up no longer answers it).
    const share = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId, agencyId: fj.id, access: 'READ', mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true },
    }, { token: t['gdSup'] });
    expect(share.errors).toBeUndefined();
    const shared = (await alertsAs(t['fj'])).find((a) => a.id === alertId) as Alert;
    expect(shared.leads).toEqual([expect.objectContaining({ caseId, caseNumber, ownerAgency: { id: gd.id }, canOpen: true })]);
    expect(await asAgency(pool, fj.id, 'SELECT * FROM alert_region_leads($1::uuid[])', [[alertId]])).toEqual([]);
  });

  it('takes a CSV upload in batches: an alert reaches the right province with a lead; bad rows are reported by row and column', async () => {
    const mule = randomCard();
    const created = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '刷单返利诈骗案', fraudType: 'CLICK_FARMING', reportedOn: '2026-11-17' } }, { token: t['gd'] });
    const caseId = created.data?.createCase.id as string;
    await gql(app, 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind: 'BANK_CARD', value: mule } }, { token: t['gd'] });
    const other = randomCard();
    const refs = Array.from({ length: 8 }, (_, i) => ref(`csv${i}`));
    const r = (n: number) => refs[n];
    const csv = [
      '\uFEFFkind,reference,occurred_at,region,subject_id_number,account,product,phone,amount,direction,counterpart_account',
      `CASH_WITHDRAWAL,${r(1)},2026-11-18 10:00,440100,,${mule},,,9000.00,,`,
      `CASH_WITHDRAWAL,${r(2)},2026-11-18 10:20,440100,,${mule},,,9000.00,,`,
      `CASH_WITHDRAWAL,${r(3)},2026-11-18 10:40,440100,,${mule},,,12.345,,`,
      `SIM_REGISTRATION,${r(4)},2026-11-18 10:41,440100,${randomIdNumber()},,,${randomMobile()},,,`,
      '',
      `CASH_WITHDRAWAL,${r(6)},2026-11-18 11:00,440100,,${mule},,,2000.01,,`,
      `CASH_WITHDRAWAL,${r(7)},2026-11-18 11:00,990000,,${other},,,5,,`,
      `CASH_WITHDRAWAL,${r(6)},2026-11-18 11:00,440100,,${mule},,,2000.01,,`,
      `CASH_WITHDRAWAL,${r(0)},2026-11-18 11:00,440100,,${other},,,1000000000.01,,`,
    ].join('\r\n');
    const upload = async (token: string, body: Buffer, name = 'withdrawals.csv') => {
      const m = multipart(body, name, 'text/csv');
      return app.getHttpAdapter().getInstance().inject({ method: 'POST', url: '/risk-signals/uploads', headers: { authorization: `Bearer ${token}`, 'content-type': m.contentType }, payload: m.body });
    };
    expect((await upload(t['gd'], Buffer.from(csv))).statusCode).toBe(403);
    expect((await upload(t['bankAnalyst'], Buffer.from(csv))).statusCode).toBe(403);
    expect((await upload(t['bankA'], Buffer.from(csv), 'w.xlsx')).statusCode).toBe(400);
    const res = await upload(t['bankA'], Buffer.from(csv));
    expect(res.statusCode).toBe(202);
    const id = (res.json() as { id: string }).id;
    const UPLOAD = 'query($id: ID!) { signalUpload(id: $id) { id fileName status rowsTotal rowsDone accepted duplicates errors { row column message } finishedAt } }';
    const done = await waitFor(async () => {
      const u = (await gql(app, UPLOAD, { id }, { token: t['bankA'] })).data?.signalUpload;
      return u?.status === 'DONE' || u?.status === 'FAILED' ? u : undefined;
    }, 'the upload', 30_000);
    expect(done).toMatchObject({ fileName: 'withdrawals.csv', status: 'DONE', rowsTotal: 8, rowsDone: 8, accepted: 3, duplicates: 1 });
    expect(done.errors).toEqual([
      { row: 4, column: 'amount', message: 'must have at most 2 decimals' },
      { row: 5, column: 'kind', message: 'a bank reports ACCOUNT_OPENING, CASH_WITHDRAWAL, TRANSFER only' },
      { row: 8, column: 'region', message: expect.stringMatching(/GB\/T 2260/) },
      { row: 10, column: 'amount', message: 'must be at most 1000000000.00' },
    ]);
    expect((await gql(app, UPLOAD, { id }, { token: t['bankB'] })).data?.signalUpload).toBeNull();
    // At the database: another bank and the police read no upload of bank A's.
    const uploads = async (agency: string) => (await asAgency<{ n: number }>(pool, agency, 'SELECT count(*)::int AS n FROM risk_signal_uploads WHERE id = $1', [id]))[0].n;
    expect(await uploads(bankB.id)).toBe(0);
    expect(await uploads(gd.id)).toBe(0);
    expect(await uploads(bankA.id)).toBe(1);
    expect((await gql(app, 'query { signalUploads { id } }', {}, { token: t['bankA'] })).data?.signalUploads.map((u: { id: string }) => u.id)).toContain(id);
    await settled();
    const alertId = (await alertIdOf('CASH_WITHDRAWAL_DAILY', mule)) as string;
    const [gdView] = (await alertsAs(t['gd'])).filter((a) => a.id === alertId);
    expect(gdView).toMatchObject({ observed: '20000.01', region: '440100', reportingAgency: { id: bankA.id } });
    expect(gdView.leads).toEqual([expect.objectContaining({ caseId, canOpen: true, matchedValue: mule })]);
    expect((await alertsAs(t['fj'])).map((a) => a.id)).not.toContain(alertId);
    const leads = await gql(app, 'query($c: ID!) { caseAlertLeads(caseId: $c) { alert { id } } }', { c: caseId }, { token: t['gd'] });
    expect(leads.data?.caseAlertLeads).toEqual([{ alert: { id: alertId } }]);

    // A file whose header is wrong fails whole, storing nothing.
    const bad = await upload(t['bankA'], Buffer.from(`kind,reference,when,region\nCASH_WITHDRAWAL,${ref('h')},2026-11-18 10:00,440100\n`));
    const failed = await waitFor(async () => {
      const u = (await gql(app, UPLOAD, { id: (bad.json() as { id: string }).id }, { token: t['bankA'] })).data?.signalUpload;
      return u?.status === 'FAILED' ? u : undefined;
    }, 'the failed upload');
    expect(failed).toMatchObject({ accepted: 0, rowsDone: 0 });
    expect((await owner.query('SELECT count(*)::int AS n FROM risk_signals WHERE upload_id = $1', [(bad.json() as { id: string }).id])).rows[0].n).toBe(0);
  });
});
