import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, RETENTION_CLASSES, RetentionClass, Role } from '@caselink/domain';
import { LocalDiskStore } from '@caselink/storage';
import { JobProducers, redisConnection } from '@caselink/jobs';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TEST_REDIS_URL, TestAgency } from '../../test/harness';
import { startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

/**
 * Retention and purge (issue 13) on real PostgreSQL, Redis and files: the national admin sets the periods and runs
 * the queue; the worker purges what is past its rule in batches, never a case under legal hold, never the audit
 * trail; each purge is audited (class, count, rule) once, whatever is delivered twice.
 */
describe('retention and purge', () => {
  const evidenceDir = mkdtempSync(join(tmpdir(), 'caselink-retention-'));
  const store = new LocalDiskStore(evidenceDir);
  const prefix = `caselink-test-retention-${randomUUID().slice(0, 8)}`;
  let app: NestFastifyApplication;
  let worker: WorkerProcess;
  let producers: JobProducers;
  let owner: Client;
  let pool: Pool;
  let national: TestAgency;
  let a: TestAgency;
  let b: TestAgency;
  let bank: TestAgency;
  const token: Record<string, string> = {};
  const YEARS_AGO = "now() - interval '8 years'";
  const OLDEST = "now() - interval '30 years'";

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    national = await createAgency(owner, 'RetNational', [Role.ADMIN], AgencyKind.POLICE, '110000', true);
    a = await createAgency(owner, 'RetA', [Role.ADMIN, Role.AUDITOR, Role.SUPERVISOR, Role.INVESTIGATOR]);
    b = await createAgency(owner, 'RetB', [Role.ADMIN, Role.SUPERVISOR]);
    bank = await createAgency(owner, 'RetBank', [Role.LIAISON], AgencyKind.BANK);
    app = await startApi({ EVIDENCE_DIR: evidenceDir, QUEUE_PREFIX: prefix });
    for (const [k, email] of Object.entries({
      national: national.users[Role.ADMIN].email, aAdmin: a.users[Role.ADMIN].email, aAuditor: a.users[Role.AUDITOR].email,
      aSupervisor: a.users[Role.SUPERVISOR].email, aInvestigator: a.users[Role.INVESTIGATOR].email, bSupervisor: b.users[Role.SUPERVISOR].email,
    })) token[k] = (await login(app, email)).token;
    // The real worker, as built: runs come from the api's queue (same prefix) or from jobs this test adds.
    worker = await startWorker({ QUEUE_PREFIX: prefix, EVIDENCE_DIR: evidenceDir, RETENTION_EVERY_MS: '0', RETENTION_BATCH_SIZE: '2' });
    producers = new JobProducers(redisConnection(TEST_REDIS_URL), prefix);
  });

  afterAll(async () => {
    await worker?.stop();
    await producers?.retention.obliterate({ force: true });
    await producers?.close();
    await app?.close();
    // The rules are national: put them back for the rest of the suite.
    await owner.query('UPDATE retention_rules SET period_days = CASE data_class ' +
      "WHEN 'SIGN_IN_SESSIONS' THEN 30 WHEN 'NOTIFICATIONS' THEN 180 WHEN 'IMPORT_FILES' THEN 90 WHEN 'RISK_SIGNALS' THEN 365 " +
      "WHEN 'DISMISSED_ALERTS' THEN 365 WHEN 'CLOSED_CASE_EVIDENCE' THEN 1825 WHEN 'EXPIRED_HOLDS' THEN 365 ELSE 1095 END");
    await pool.end();
    await owner.end();
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  const q = <T = Record<string, any>>(who: string, query: string, variables: Record<string, unknown> = {}) => gql<T>(app, query, variables, { token: token[who] });

  /** A case of `agency`, closed `closedAt` ago, with one evidence file really on disk. */
  async function closedCaseWithFile(agency: TestAgency, closedAt: string): Promise<{ caseId: string; attachmentId: string; key: string }> {
    const creator = agency.users[Role.SUPERVISOR].id;
    const { rows: [c] } = await owner.query<{ id: string }>(
      `INSERT INTO cases (agency_id, case_number, title, fraud_type, status, reported_on, created_by)
       VALUES ($1, $2, 'retention', 'OTHER', 'CLOSED', '2018-01-01', $3) RETURNING id`,
      [agency.id, `RET-${randomUUID().slice(0, 12)}`, creator],
    );
    await owner.query(`UPDATE cases SET closed_at = ${closedAt} WHERE id = $1`, [c.id]);
    const file = await store.put(Readable.from(randomBytes(64)), 1024);
    const { rows: [att] } = await owner.query<{ id: string }>(
      `INSERT INTO attachments (case_id, agency_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
       VALUES ($1, $2, 'old-statement.pdf', 'application/pdf', $3, $4, $5, $6) RETURNING id`,
      [c.id, agency.id, file.sizeBytes, file.sha256, file.key, creator],
    );
    return { caseId: c.id, attachmentId: att.id, key: file.key };
  }

  async function oldNotifications(agency: TestAgency, userId: string, n: number, age: string): Promise<void> {
    for (let i = 0; i < n; i++) {
      await owner.query(
        `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key, created_at) VALUES ($1, $2, 'REQUEST_OVERDUE', '{}', $3, ${age})`,
        [agency.id, userId, `ret-${randomUUID()}`],
      );
    }
  }

  const notificationsOf = async (agency: TestAgency) =>
    Number((await owner.query('SELECT count(*) FROM notifications WHERE agency_id = $1', [agency.id])).rows[0].count);

  const purgeAudits = async (agency: TestAgency) =>
    (await owner.query<{ details: Record<string, unknown>; entity_id: string }>(
      "SELECT details, entity_id FROM audit_events WHERE agency_id = $1 AND action = 'RETENTION_PURGED' ORDER BY sequence", [agency.id],
    )).rows;

  async function runNow(): Promise<Record<string, any>> {
    const r = await q<{ runRetention: { id: string; status: string } }>('national', 'mutation { runRetention { id status trigger requestedByEmail } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.runRetention).toMatchObject({ status: 'QUEUED', trigger: 'MANUAL', requestedByEmail: national.users[Role.ADMIN].email });
    const id = r.data?.runRetention.id;
    return waitFor(async () => {
      const runs = await q<{ retentionRuns: Array<Record<string, any>> }>('national', '{ retentionRuns(limit: 5) { id status failure purgedTotal counts { dataClass agencyId agencyName purged ruleDays } } }');
      const run = runs.data?.retentionRuns.find((x) => x.id === id);
      return run && ['DONE', 'FAILED'].includes(run.status) ? run : undefined;
    }, 'the retention run to finish', 30_000);
  }

  it('shows the rules to admins and auditors; only the national admin changes a period, never under its floor', async () => {
    const rules = await q<{ retentionRules: Array<Record<string, any>> }>('aAuditor', '{ retentionRules { dataClass periodDays minDays caseBound purged } }');
    expect(rules.errors).toBeUndefined();
    const audit = (rules.data?.retentionRules ?? []).find((r) => r.dataClass === 'AUDIT_TRAIL');
    expect(audit).toMatchObject({ minDays: 365, purged: false });
    expect((rules.data?.retentionRules ?? [])).toHaveLength(8);
    // The floors in the table are the domain's (the CHECK holds them; min_days cannot be changed).
    for (const r of (await owner.query<{ data_class: RetentionClass; min_days: number }>('SELECT data_class, min_days FROM retention_rules')).rows) {
      expect(r.min_days).toBe(RETENTION_CLASSES[r.data_class].minDays);
    }

    const byAgencyAdmin = await q('aAdmin', 'mutation { setRetentionRule(input: { dataClass: NOTIFICATIONS, periodDays: 30 }) { periodDays } }');
    expect(codeOf(byAgencyAdmin)).toBe('FORBIDDEN');
    const byInvestigator = await q('aInvestigator', '{ retentionRules { dataClass } }');
    expect(codeOf(byInvestigator)).toBe('FORBIDDEN');

    const tooShort = await q('national', 'mutation { setRetentionRule(input: { dataClass: AUDIT_TRAIL, periodDays: 100 }) { periodDays } }');
    expect(codeOf(tooShort)).toBe('BAD_USER_INPUT');
    expect(tooShort.errors?.[0]?.extensions?.['field']).toBe('input.periodDays');
    expect(tooShort.errors?.[0]?.message).toMatch(/at least 365 days.*365 天/);
    expect((await owner.query("SELECT period_days FROM retention_rules WHERE data_class = 'AUDIT_TRAIL'")).rows[0].period_days).toBeGreaterThanOrEqual(365);

    const set = await q('national', 'mutation { setRetentionRule(input: { dataClass: NOTIFICATIONS, periodDays: 7 }) { dataClass periodDays updatedByEmail } }');
    expect(set.errors).toBeUndefined();
    expect(set.data?.['setRetentionRule']).toMatchObject({ periodDays: 7, updatedByEmail: national.users[Role.ADMIN].email });
    const audited = await owner.query("SELECT details FROM audit_events WHERE agency_id = $1 AND action = 'RETENTION_RULE_SET' ORDER BY sequence DESC LIMIT 1", [national.id]);
    expect(audited.rows[0].details).toMatchObject({ dataClass: 'NOTIFICATIONS', after: 7 });
  });

  it('PostgreSQL holds the same line: no one but the national admin changes a rule, and only the system purges', async () => {
    const changed = await asAgency(pool, a.id, "UPDATE retention_rules SET period_days = 1 WHERE data_class = 'NOTIFICATIONS' RETURNING 1", [], ['ADMIN'], a.users[Role.ADMIN].id);
    expect(changed).toHaveLength(0);
    await expect(asAgency(pool, national.id, "UPDATE retention_rules SET min_days = 1 WHERE data_class = 'AUDIT_TRAIL'")).rejects.toThrow(/min_days|permission/);
    expect(await asAgency(pool, null, "UPDATE retention_rules SET period_days = 30 WHERE data_class = 'AUDIT_TRAIL' RETURNING 1")).toHaveLength(0);
    const run = randomUUID();
    // The api's connection acting for a user (even the national admin) cannot purge; nor can a job acting for an agency.
    for (const [agency, roles] of [[national.id, ['ADMIN']], [a.id, ['SUPERVISOR']], [a.id, undefined]] as const) {
      await expect(asAgency(pool, agency, "SELECT retention_purge_batch($1, 'NOTIFICATIONS', 10)", [run], roles as string[] | undefined)).rejects.toThrow(/only as the system/);
    }
    await expect(asAgency(pool, null, "SELECT retention_purge_batch($1, 'AUDIT_TRAIL', 10)", [run])).rejects.toThrow(/never purged/);
    // The counting helper runs only inside the purge, as its owner.
    await expect(asAgency(pool, null, 'SELECT retention_count($1, $2, 1, ARRAY[$3]::uuid[])', [run, 'NOTIFICATIONS', a.id])).rejects.toThrow(/permission denied/);
    // Nothing of the caller's session can reach into the purge (no temporary table of the caller's is used).
    await expect(asAgency(pool, null, 'CREATE TEMP TABLE retention_gone (agency_id uuid); SELECT retention_purge_batch($1, $2, 1)', [run, 'NOTIFICATIONS'])).rejects.toThrow();
    await expect(asAgency(pool, a.id, 'DELETE FROM audit_events')).rejects.toThrow(/append-only|permission/);
    const att = await closedCaseWithFile(a, 'now()');
    await expect(asAgency(pool, a.id, 'UPDATE attachments SET purged_at = now() WHERE id = $1', [att.attachmentId], ['SUPERVISOR'], a.users[Role.SUPERVISOR].id))
      .rejects.toThrow(/retention queue only|permission/);
    // An investigator cannot place a hold, straight at the table either.
    await expect(asAgency(pool, a.id, "INSERT INTO legal_holds (case_id, agency_id, reason, set_by) VALUES ($1, $2, 'x', $3)",
      [att.caseId, a.id, a.users[Role.INVESTIGATOR].id], ['INVESTIGATOR'], a.users[Role.INVESTIGATOR].id)).rejects.toThrow(/policy/);
  });

  it("another agency sees none of a case's legal hold and none of another agency's purge counts, straight at PostgreSQL either", async () => {
    const c = await closedCaseWithFile(a, 'now()');
    await owner.query("INSERT INTO legal_holds (case_id, agency_id, reason, set_by) VALUES ($1, $2, 'sealed by court', $3)", [c.caseId, a.id, a.users[Role.SUPERVISOR].id]);
    // B's supervisor gets the case shared, so it reads the case — but the hold and its reason stay A's.
    await owner.query("INSERT INTO case_shares (case_id, owner_agency_id, agency_id, access, granted_by, may_pass_on, may_use_in_court, must_ask_before_acting) VALUES ($1, $2, $3, 'READ', $4, false, false, true)", [c.caseId, a.id, b.id, a.users[Role.SUPERVISOR].id]);
    const asB = await asAgency<{ n: number }>(pool, b.id, 'SELECT count(*)::int AS n FROM legal_holds WHERE case_id = $1', [c.caseId], ['SUPERVISOR'], b.users[Role.SUPERVISOR].id);
    expect(asB).toEqual([{ n: 0 }]);
    const seenByB = await q('bSupervisor', 'query($c: ID!) { case(id: $c) { id legalHold { reason } } }', { c: c.caseId });
    expect(seenByB.data?.['case']).toEqual({ id: c.caseId, legalHold: null });
    // B cannot release A's hold, by the api or at the table.
    expect(codeOf(await q('bSupervisor', 'mutation($c: ID!) { releaseLegalHold(caseId: $c) }', { c: c.caseId }))).toBe('FORBIDDEN');
    expect(await asAgency(pool, b.id, 'DELETE FROM legal_holds WHERE case_id = $1 RETURNING 1', [c.caseId], ['SUPERVISOR'], b.users[Role.SUPERVISOR].id)).toHaveLength(0);
    expect(Number((await owner.query('SELECT count(*) FROM legal_holds WHERE case_id = $1', [c.caseId])).rows[0].count)).toBe(1);
    // Purge counts of A's runs are A's (and the national admin's) to read.
    const run = randomUUID();
    await owner.query("INSERT INTO retention_runs (id, job_id, trigger, status) VALUES ($1, $2, 'SCHEDULE', 'DONE')", [run, `retention-walls-${run}`]);
    await owner.query("INSERT INTO retention_run_counts (run_id, data_class, agency_id, purged, rule_days, audited) VALUES ($1, 'NOTIFICATIONS', $2, 4, 180, 4)", [run, a.id]);
    const countsAsB = await asAgency<{ n: number }>(pool, b.id, 'SELECT count(*)::int AS n FROM retention_run_counts WHERE run_id = $1', [run], ['ADMIN'], b.users[Role.ADMIN].id);
    expect(countsAsB).toEqual([{ n: 0 }]);
    const countsAsA = await asAgency<{ n: number }>(pool, a.id, 'SELECT count(*)::int AS n FROM retention_run_counts WHERE run_id = $1', [run], ['AUDITOR'], a.users[Role.AUDITOR].id);
    expect(countsAsA).toEqual([{ n: 1 }]);
    // Runs themselves: admins and auditors only (an investigator reads none).
    const runsAsInvestigator = await asAgency<{ n: number }>(pool, a.id, 'SELECT count(*)::int AS n FROM retention_runs WHERE id = $1', [run], ['INVESTIGATOR'], a.users[Role.INVESTIGATOR].id);
    expect(runsAsInvestigator).toEqual([{ n: 0 }]);
  });

  it('a supervisor of the owning agency places and releases a legal hold; others may not', async () => {
    const c = await closedCaseWithFile(a, 'now()');
    const set = 'mutation($c: ID!, $r: String!) { setLegalHold(input: { caseId: $c, reason: $r }) { caseId reason setByEmail } }';
    expect(codeOf(await q('aInvestigator', set, { c: c.caseId, r: 'court order' }))).toBe('FORBIDDEN');
    const other = await q('bSupervisor', set, { c: c.caseId, r: 'court order' });
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(codeOf(other));
    const blank = await q('aSupervisor', set, { c: c.caseId, r: '   ' });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.extensions?.['field']).toBe('input.reason');
    const held = await q('aSupervisor', set, { c: c.caseId, r: 'Appeal pending (2026) 上诉中' });
    expect(held.errors).toBeUndefined();
    expect(held.data?.['setLegalHold']).toMatchObject({ caseId: c.caseId, reason: 'Appeal pending (2026) 上诉中', setByEmail: a.users[Role.SUPERVISOR].email });
    expect(codeOf(await q('aSupervisor', set, { c: c.caseId, r: 'again' }))).toBe('CONFLICT');
    const seen = await q('aInvestigator', 'query($c: ID!) { case(id: $c) { legalHold { reason } } }', { c: c.caseId });
    expect(seen.data?.['case']).toEqual({ legalHold: { reason: 'Appeal pending (2026) 上诉中' } });
    const release = 'mutation($c: ID!) { releaseLegalHold(caseId: $c) }';
    expect(codeOf(await q('aInvestigator', release, { c: c.caseId }))).toBe('FORBIDDEN');
    expect((await q('aSupervisor', release, { c: c.caseId })).data?.['releaseLegalHold']).toBe(true);
    expect(codeOf(await q('aSupervisor', release, { c: c.caseId }))).toBe('NOT_FOUND');
    const actions = (await owner.query("SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'LEGAL_HOLD_%' ORDER BY sequence", [c.caseId])).rows.map((r) => r.action);
    expect(actions).toEqual(['LEGAL_HOLD_SET', 'LEGAL_HOLD_RELEASED']);
    // The reason is case material: auditors read the trail but not cases, so it is not copied there.
    const details = (await owner.query("SELECT details::text FROM audit_events WHERE entity_id = $1 AND action LIKE 'LEGAL_HOLD_%'", [c.caseId])).rows;
    expect(details.every((r) => !r.details.includes('Appeal') && !r.details.includes('上诉'))).toBe(true);
  });

  it('purges what is past its rule in batches, keeps held cases and fresh rows, removes the files, and audits each class once per agency', async () => {
    await q('national', 'mutation { setRetentionRule(input: { dataClass: SIGN_IN_SESSIONS, periodDays: 1 }) { periodDays } }');
    const aUser = a.users[Role.ADMIN].id;
    const bUser = b.users[Role.ADMIN].id;
    await oldNotifications(a, aUser, 5, YEARS_AGO);
    await oldNotifications(a, aUser, 2, 'now()');
    await oldNotifications(b, bUser, 3, YEARS_AGO);
    const aBefore = await notificationsOf(a);
    // An ended sign-in session long ago, and the live ones of this test's logins.
    await owner.query(
      `INSERT INTO refresh_sessions (user_id, agency_id, family_id, token_hash, created_at, expires_at, family_expires_at, revoked_at)
       VALUES ($1, $2, gen_random_uuid(), $3, ${YEARS_AGO}, ${YEARS_AGO}, ${YEARS_AGO}, ${YEARS_AGO})`,
      [aUser, a.id, randomBytes(32)],
    );
    const liveSessions = Number((await owner.query('SELECT count(*) FROM refresh_sessions WHERE agency_id = $1 AND revoked_at IS NULL AND expires_at > now()', [a.id])).rows[0].count);
    const purgedCase = await closedCaseWithFile(a, YEARS_AGO);
    const heldCase = await closedCaseWithFile(a, YEARS_AGO);
    const recentCase = await closedCaseWithFile(a, 'now()');
    await owner.query("INSERT INTO legal_holds (case_id, agency_id, reason, set_by) VALUES ($1, $2, 'court order', $3)", [heldCase.caseId, a.id, a.users[Role.SUPERVISOR].id]);
    const importFile = await store.put(Readable.from(randomBytes(32)), 1024);
    const { rows: [imp] } = await owner.query<{ id: string }>(
      `INSERT INTO imports (case_id, agency_id, created_by, file_name, format, storage_key, status, finished_at)
       VALUES ($1, $2, $3, 'statements.csv', 'CSV', $4, 'DONE', ${YEARS_AGO}) RETURNING id`,
      [recentCase.caseId, a.id, a.users[Role.SUPERVISOR].id, importFile.key],
    );
    await owner.query(
      `INSERT INTO risk_signals (reporting_agency_id, kind, reference, occurred_at, region, batch_id, account, account_kind, amount, reported_at)
       VALUES ($1, 'CASH_WITHDRAWAL', $2, ${YEARS_AGO}, '440300', $2, '6217000000000000001', 'BANK_CARD', 100, ${YEARS_AGO})`,
      [bank.id, `ret-${randomUUID().slice(0, 8)}`],
    );
    await owner.query(
      `INSERT INTO alerts (alert_key, rule, region, reporting_agency_id, subject_hash, observed, threshold, window_start, window_end, signal_count, status, status_at)
       VALUES ($1, 'CASH_WITHDRAWAL_DAILY', '440300', $2, $3, 9, 5, ${YEARS_AGO}, ${YEARS_AGO}, 2, 'DISMISSED', ${YEARS_AGO})`,
      [`ret-${randomUUID()}`, bank.id, randomBytes(32)],
    );
    const auditRowsBefore = Number((await owner.query('SELECT count(*) FROM audit_events')).rows[0].count);

    const run = await runNow();
    expect(run.status).toBe('DONE');

    // Notifications: the 5 old ones of A and 3 of B went, in batches of 2; the fresh ones stay.
    expect(await notificationsOf(a)).toBe(aBefore - 5);
    expect(await notificationsOf(b)).toBe(0);
    // Sessions: the old ended one went; the live ones stay.
    expect(Number((await owner.query('SELECT count(*) FROM refresh_sessions WHERE agency_id = $1 AND expires_at < now() - interval \'1 year\'', [a.id])).rows[0].count)).toBe(0);
    expect(Number((await owner.query('SELECT count(*) FROM refresh_sessions WHERE agency_id = $1 AND revoked_at IS NULL AND expires_at > now()', [a.id])).rows[0].count)).toBe(liveSessions);
    // Evidence: the file of the long-closed case is gone, its record stays marked; the held and the recent case keep theirs.
    const att = async (id: string) => (await owner.query('SELECT purged_at, sha256 FROM attachments WHERE id = $1', [id])).rows[0];
    expect((await att(purgedCase.attachmentId)).purged_at).not.toBeNull();
    expect(existsSync(join(evidenceDir, purgedCase.key))).toBe(false);
    expect((await att(heldCase.attachmentId)).purged_at).toBeNull();
    expect(existsSync(join(evidenceDir, heldCase.key))).toBe(true);
    expect((await att(recentCase.attachmentId)).purged_at).toBeNull();
    expect(existsSync(join(evidenceDir, recentCase.key))).toBe(true);
    expect(Number((await owner.query('SELECT count(*) FROM retention_file_removals')).rows[0].count)).toBe(0);
    // The import's file went; the import's record stays.
    expect((await owner.query('SELECT purged_at FROM imports WHERE id = $1', [imp.id])).rows[0].purged_at).not.toBeNull();
    expect(existsSync(join(evidenceDir, importFile.key))).toBe(false);
    // Signals and dismissed alerts of the bank.
    expect(Number((await owner.query('SELECT count(*) FROM risk_signals WHERE reporting_agency_id = $1', [bank.id])).rows[0].count)).toBe(0);
    expect(Number((await owner.query('SELECT count(*) FROM alerts WHERE reporting_agency_id = $1', [bank.id])).rows[0].count)).toBe(0);

    // The download of a purged file says so (410), naming when; the record is still listed on the case.
    const download = await app.inject({ method: 'GET', url: `/attachments/${purgedCase.attachmentId}`, headers: { authorization: `Bearer ${token['aInvestigator']}` } });
    expect(download.statusCode).toBe(410);
    expect(download.json().errors[0].message).toMatch(/purged under its retention rule.*按保留规则清除/);
    const listed = await q('aInvestigator', 'query($c: ID!) { case(id: $c) { attachments { id purgedAt sha256 } } }', { c: purgedCase.caseId });
    expect(listed.data?.['case'].attachments[0]).toMatchObject({ id: purgedCase.attachmentId, sha256: (await att(purgedCase.attachmentId)).sha256 });
    expect(listed.data?.['case'].attachments[0].purgedAt).not.toBeNull();

    // The audit trail: one row per agency and class, with the class, the count and the rule — and nothing deleted from it.
    const aAudits = await purgeAudits(a);
    const byClass = Object.fromEntries(aAudits.map((r) => [r.details['dataClass'], r.details]));
    expect(byClass['NOTIFICATIONS']).toMatchObject({ purged: 5, ruleDays: 7 });
    expect(byClass['CLOSED_CASE_EVIDENCE']).toMatchObject({ purged: 1, ruleDays: 1825 });
    expect(byClass['IMPORT_FILES']).toMatchObject({ purged: 1 });
    expect(byClass['SIGN_IN_SESSIONS']).toMatchObject({ purged: 1, ruleDays: 1 });
    expect(aAudits.every((r) => r.entity_id === run.id && Object.keys(r.details).every((k) => ['dataClass', 'purged', 'ruleDays', 'requestId'].includes(k)))).toBe(true);
    expect((await purgeAudits(b)).map((r) => r.details)).toEqual([expect.objectContaining({ dataClass: 'NOTIFICATIONS', purged: 3 })]);
    expect((await purgeAudits(bank)).map((r) => r.details['dataClass']).sort()).toEqual(['DISMISSED_ALERTS', 'RISK_SIGNALS']);
    expect(Number((await owner.query('SELECT count(*) FROM audit_events')).rows[0].count)).toBeGreaterThan(auditRowsBefore);
    // The chain still verifies with the purge rows in it.
    const verified = await q('aAuditor', '{ verifyAuditChain { ok } }');
    expect(verified.data?.['verifyAuditChain']).toMatchObject({ ok: true });

    // The runs: A's auditor sees A's counts only; the national admin sees every agency's.
    const aView = await q<{ retentionRuns: Array<Record<string, any>> }>('aAuditor', '{ retentionRuns(limit: 3) { id purgedTotal counts { agencyId dataClass purged } } }');
    const aRun = (aView.data?.retentionRuns ?? []).find((r) => r.id === run.id) ?? { counts: [], purgedTotal: -1 };
    expect(new Set(aRun.counts.map((c: { agencyId: string }) => c.agencyId))).toEqual(new Set([a.id]));
    expect(aRun.purgedTotal).toBe(aRun.counts.reduce((n: number, c: { purged: number }) => n + c.purged, 0));
    const agencies = new Set(run.counts.map((c: { agencyId: string }) => c.agencyId));
    for (const id of [a.id, b.id, bank.id]) expect(agencies.has(id)).toBe(true);
  });

  it('a second run finds nothing more; a run delivered twice purges and audits once', async () => {
    const again = await runNow();
    expect(again.status).toBe('DONE');
    expect(again.counts.filter((c: { agencyId: string }) => [a.id, b.id, bank.id].includes(c.agencyId))).toEqual([]);

    await oldNotifications(b, b.users[Role.ADMIN].id, 3, YEARS_AGO);
    // The same job added twice (a retried request, two schedulers) is one job; the run row is made once.
    const jobId = `retention-dup-${randomUUID()}`;
    await Promise.all([producers.enqueueRetention(jobId), producers.enqueueRetention(jobId)]);
    const runId = await waitFor(async () => {
      const r = (await owner.query("SELECT id FROM retention_runs WHERE job_id = $1 AND status = 'DONE'", [jobId])).rows[0];
      return r?.id as string | undefined;
    }, 'the duplicated job to run');
    const counts = await owner.query("SELECT agency_id, purged, audited FROM retention_run_counts WHERE run_id = $1 AND data_class = 'NOTIFICATIONS' AND agency_id = $2", [runId, b.id]);
    expect(counts.rows).toEqual([{ agency_id: b.id, purged: 3, audited: 3 }]);
    expect(Number((await owner.query('SELECT count(*) FROM retention_runs WHERE job_id = $1', [jobId])).rows[0].count)).toBe(1);
    const audits = (await purgeAudits(b)).filter((r) => r.entity_id === runId);
    expect(audits.map((r) => r.details['purged'])).toEqual([3]);
  });

  it('a run that died after purging a batch is taken up again: the rest goes, and the audit tells of each row once', async () => {
    const bBefore = await notificationsOf(b);
    // Older than anything else in the database: the batch below purges the oldest first, so it takes these.
    await oldNotifications(b, b.users[Role.ADMIN].id, 5, OLDEST);
    const jobId = `retention-crash-${randomUUID()}`;
    // The first attempt: one batch purged and committed, then the process died (no audit yet, no finish).
    const [{ id: runId }] = await asAgency<{ id: string }>(pool, null, "SELECT retention_run_begin($1, 'SCHEDULE') AS id", [jobId]);
    expect((await asAgency<{ n: number }>(pool, null, "SELECT retention_purge_batch($1, 'NOTIFICATIONS', 2) AS n", [runId]))[0].n).toBe(2);
    expect(await notificationsOf(b)).toBe(bBefore + 3);
    // BullMQ hands the stalled job to a worker again, under the same id.
    await producers.retention.add('purge', { trigger: 'SCHEDULE' }, { jobId });
    await waitFor(async () => ((await owner.query('SELECT status FROM retention_runs WHERE id = $1', [runId])).rows[0].status === 'DONE' ? true : undefined), 'the run to be taken up again');
    expect(await notificationsOf(b)).toBe(bBefore);
    const audits = (await purgeAudits(b)).filter((r) => r.entity_id === runId);
    expect(audits.map((r) => r.details['purged'])).toEqual([5]);
    expect((await owner.query('SELECT status FROM retention_runs WHERE id = $1', [runId])).rows[0].status).toBe('DONE');
  });

  it('a run that failed for good after purging a batch is told of by the next run: every purged row is audited once', async () => {
    const bBefore = await notificationsOf(b);
    await oldNotifications(b, b.users[Role.ADMIN].id, 4, OLDEST);
    const [{ id: lostRun }] = await asAgency<{ id: string }>(pool, null, "SELECT retention_run_begin($1, 'SCHEDULE') AS id", [`retention-lost-${randomUUID()}`]);
    const [{ n }] = await asAgency<{ n: number }>(pool, null, "SELECT retention_purge_batch($1, 'NOTIFICATIONS', 3) AS n", [lostRun]);
    expect(n).toBe(3);
    // That job never comes back. The next run purges the rest and tells of both.
    const next = await runNow();
    expect(next.status).toBe('DONE');
    expect(await notificationsOf(b)).toBe(bBefore);
    const told = (await purgeAudits(b)).filter((r) => r.entity_id === lostRun || r.entity_id === next.id);
    expect(told.map((r) => [r.entity_id, r.details['purged']])).toEqual([[lostRun, 3], [next.id, 1]]);
  });
});
