import { randomUUID } from 'node:crypto';
import type { Client, Pool } from 'pg';
import { AgencyKind, PERSONAL_DATA_ROLES, Role, seesPersonalData } from '@caselink/domain';
import { appPool, asAgency, createAgency, ownerClient, TestAgency } from '../../test/harness';

/**
 * Need-to-know by role, straight at PostgreSQL as the app role (issue 11): with the acting user's roles in
 * app.roles, the database refuses personal data and role-bound writes itself, whatever the api forgot to check.
 */
describe('acting roles in PostgreSQL', () => {
  let owner: Client;
  let pool: Pool;
  let p: TestAgency; // police, owns the case
  let q: TestAgency; // police, asks for access
  let bank: TestAgency;
  let caseId: string;
  let victimId: string;
  let statementId: string;
  let identifierId: string;
  const cleanup: Array<() => Promise<unknown>> = [];

  /** As the app role in one transaction, acting for `agency` as its user of `role` (app.user_id too, as the api sets it). */
  const as = <T extends Record<string, unknown>>(agency: TestAgency, roles: string[], sql: string, params: unknown[] = []): Promise<T[]> =>
    asAgency<T>(pool, agency.id, sql, params, roles, roles.length === 1 ? (agency.users[roles[0]]?.id ?? '') : '');
  const RLS = /row-level security/;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    p = await createAgency(owner, 'RolesP', [Role.ADMIN, Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR]);
    q = await createAgency(owner, 'RolesQ', [Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST], AgencyKind.POLICE, '110000');
    bank = await createAgency(owner, 'RolesBank', [Role.ADMIN, Role.LIAISON, Role.ANALYST, Role.AUDITOR], AgencyKind.BANK);
    const inv = p.users[Role.INVESTIGATOR].id;
    caseId = (await owner.query(
      `INSERT INTO cases (agency_id, case_number, title, fraud_type, reported_on, created_by) VALUES ($1, $2, 'Roles', 'INVESTMENT', current_date, $3) RETURNING id`,
      [p.id, `R-${randomUUID().slice(0, 8)}`, inv],
    )).rows[0].id;
    victimId = (await owner.query(
      `INSERT INTO victims (case_id, agency_id, name, id_number, id_number_masked, phone, phone_masked)
       VALUES ($1, $2, 'V', '110101199003077777', '110101********7777', '13800138000', '138****8000') RETURNING id`, [caseId, p.id],
    )).rows[0].id;
    statementId = (await owner.query(
      `INSERT INTO victim_statements (case_id, victim_id, agency_id, taken_by, taken_by_name, taken_at, place, narrative, reported_loss)
       VALUES ($1, $2, $3, $4, 'I', now(), 'Guangzhou', 'n', 100) RETURNING id`, [caseId, victimId, p.id, inv],
    )).rows[0].id;
    identifierId = (await owner.query(
      `INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, created_by) VALUES ($1, $2, 'DOMAIN', 'roles.test', 'roles.test', 'MANUAL', $3) RETURNING id`,
      [caseId, p.id, inv],
    )).rows[0].id;
  });

  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
    await owner.end();
    await pool.end();
  });

  describe('helpers', () => {
    it('app_roles() reads app.roles; unset or empty is no role at all', async () => {
      expect((await as(p, [], 'SELECT app_roles() AS r'))[0]['r']).toEqual([]);
      expect((await asAgency(pool, p.id, 'SELECT app_roles() AS r', [], ['INVESTIGATOR', 'SUPERVISOR']))[0]['r']).toEqual(['INVESTIGATOR', 'SUPERVISOR']);
      expect((await asAgency(pool, p.id, "SELECT app_is_system() AS s, app_has_role('SUPERVISOR') AS h"))[0]).toEqual({ s: true, h: false });
      expect((await asAgency(pool, p.id, 'SELECT app_is_system() AS s', [], ['SYSTEM', 'ADMIN']))[0]['s']).toBe(false);
    });

    it('app_sees_personal_data() agrees with PERSONAL_DATA_ROLES (libs/domain) for every role of every kind', async () => {
      const seen: string[] = [];
      for (const [agency, agencyKind] of [[p, AgencyKind.POLICE], [bank, AgencyKind.BANK]] as const) {
        for (const role of Object.values(Role)) {
          const [row] = await asAgency(pool, agency.id, 'SELECT app_sees_personal_data() AS v', [], [role]);
          expect({ agencyKind, role, v: row['v'] }).toEqual({ agencyKind, role, v: seesPersonalData({ agencyKind, roles: [role] }) });
          if (row['v']) seen.push(role);
        }
        for (const roles of [['SYSTEM'], []]) {
          expect((await asAgency(pool, agency.id, 'SELECT app_sees_personal_data() AS v', [], roles))[0]['v']).toBe(false);
        }
      }
      expect(seen.sort()).toEqual([...PERSONAL_DATA_ROLES].sort());
      expect((await asAgency(pool, p.id, 'SELECT app_sees_personal_data() AS v', [], ['ANALYST', 'SUPERVISOR']))[0]['v']).toBe(true);
      expect((await asAgency(pool, null, 'SELECT app_sees_personal_data() AS v', [], ['INVESTIGATOR']))[0]['v']).toBe(false);
    });

    it('no user holds SYSTEM', async () => {
      await expect(owner.query("UPDATE users SET roles = '{SYSTEM}' WHERE id = $1", [p.users[Role.ADMIN].id])).rejects.toThrow(/users_roles_not_system/);
    });
  });

  describe("a victim's full ID number and phone", () => {
    it('victim_personal_data() refuses ANALYST, AUDITOR, ADMIN, no role and SYSTEM (42501), and a bank LIAISON', async () => {
      for (const roles of [[Role.ANALYST], [Role.AUDITOR], [Role.ADMIN], [], ['SYSTEM']]) {
        await expect(as(p, roles, 'SELECT * FROM victim_personal_data($1)', [victimId])).rejects.toMatchObject({ code: '42501' });
      }
      await expect(as(bank, [Role.LIAISON], 'SELECT * FROM victim_personal_data($1)', [victimId])).rejects.toMatchObject({ code: '42501' });
    });

    it('serves an INVESTIGATOR and a SUPERVISOR of the owner, and audits each read', async () => {
      const count = async () => (await owner.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'PERSONAL_DATA_READ' AND entity_id = $1", [victimId])).rows[0].n as number;
      const before = await count();
      for (const role of [Role.INVESTIGATOR, Role.SUPERVISOR]) {
        expect(await as(p, [role], 'SELECT * FROM victim_personal_data($1)', [victimId])).toEqual([{ id_number: '110101199003077777', phone: '13800138000' }]);
      }
      expect(await count()).toBe(before + 2);
    });

    it('ANALYST and AUDITOR cannot select, filter by or return the full columns', async () => {
      for (const role of [Role.ANALYST, Role.AUDITOR]) {
        for (const sql of [
          'SELECT id_number FROM victims WHERE id = $1',
          'SELECT phone FROM victims WHERE id = $1',
          'SELECT v.* FROM victims v WHERE v.id = $1',
          "SELECT id FROM victims WHERE id = $1 AND phone LIKE '138%'",
          'UPDATE victims SET name = name WHERE id = $1 RETURNING id_number',
        ]) {
          await expect(as(p, [role], sql, [victimId])).rejects.toThrow(/permission denied/);
        }
      }
      // The masked copies stay readable for the analyst's masked case view; the auditor reads no case material at all.
      expect(await as(p, [Role.ANALYST], 'SELECT phone_masked FROM victims WHERE id = $1', [victimId])).toEqual([{ phone_masked: '138****8000' }]);
      expect(await as(p, [Role.AUDITOR], 'SELECT phone_masked FROM victims WHERE id = $1', [victimId])).toEqual([]);
    });

    it('an AUDITOR, an ADMIN (or a session with no role) reads no case material — nested fields cannot leak it; personal-data clues only for the roles that see personal data', async () => {
      for (const table of ['cases', 'victims', 'victim_statements', 'transfers', 'identifiers', 'attachments', 'suspects', 'import_rows', 'fund_traces']) {
        for (const roles of [[Role.AUDITOR], [Role.ADMIN], []]) expect({ table, roles, rows: await as(p, roles, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({ table, roles, rows: [{ n: 0 }] });
      }
      expect((await as(p, [Role.INVESTIGATOR], 'SELECT count(*)::int AS n FROM cases'))[0]['n']).toBeGreaterThan(0);
      await owner.query(`INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, created_by)
        VALUES ($1, $2, 'PHONE', '13900139000', '+8613900139000', 'MANUAL', $3)`, [caseId, p.id, p.users[Role.INVESTIGATOR].id]);
      const personal = `SELECT count(*)::int AS n FROM identifiers WHERE kind IN ('ID_NUMBER', 'PHONE')`;
      expect(await as(p, [Role.ANALYST], personal)).toEqual([{ n: 0 }]);
      expect((await as(p, [Role.INVESTIGATOR], personal))[0]['n']).toBeGreaterThan(0);
    });
  });

  describe('sharing and access decisions', () => {
    const share = `INSERT INTO case_shares (case_id, owner_agency_id, agency_id, access, may_pass_on, may_use_in_court, must_ask_before_acting, granted_by)
                   VALUES ($1, $2, $3, 'READ', false, false, true, $4) RETURNING id`;

    it('only a SUPERVISOR grants or revokes a share', async () => {
      for (const role of [Role.INVESTIGATOR, Role.ANALYST, Role.ADMIN]) {
        await expect(as(p, [role], share, [caseId, p.id, q.id, p.users[role].id])).rejects.toThrow(RLS);
      }
      const [granted] = await as(p, [Role.SUPERVISOR], share, [caseId, p.id, q.id, p.users[Role.SUPERVISOR].id]);
      const revoke = 'UPDATE case_shares SET revoked_at = now() WHERE id = $1 RETURNING id';
      expect(await as(p, [Role.INVESTIGATOR], revoke, [granted['id']])).toHaveLength(0);
      expect(await as(p, [Role.SUPERVISOR], revoke, [granted['id']])).toHaveLength(1);
    });

    it('an INVESTIGATOR or SUPERVISOR asks for access; only a SUPERVISOR of the owner decides', async () => {
      const ask = 'INSERT INTO access_requests (case_id, owner_agency_id, requesting_agency_id, requested_by, reason) VALUES ($1, $2, $3, $4, $5) RETURNING id';
      await expect(as(q, [Role.ANALYST], ask, [caseId, p.id, q.id, q.users[Role.ANALYST].id, 'need'])).rejects.toThrow(RLS);
      const [req] = await as(q, [Role.INVESTIGATOR], ask, [caseId, p.id, q.id, q.users[Role.INVESTIGATOR].id, 'need']);
      const decide = "UPDATE access_requests SET status = 'APPROVED', decided_by = $2, decided_at = now() WHERE id = $1 RETURNING id";
      for (const role of [Role.INVESTIGATOR, Role.ADMIN, Role.ANALYST]) {
        expect(await as(p, [role], decide, [req['id'], p.users[role].id])).toHaveLength(0);
      }
      expect(await as(p, [Role.SUPERVISOR], decide, [req['id'], p.users[Role.SUPERVISOR].id])).toHaveLength(1);
    });
  });

  describe('case work', () => {
    it('ANALYST, AUDITOR, ADMIN and a user without roles write no cases, statements or identifiers', async () => {
      for (const roles of [[Role.ANALYST], [Role.AUDITOR], [Role.ADMIN], []]) {
        const user = roles.length ? p.users[roles[0]].id : p.users[Role.INVESTIGATOR].id;
        await expect(as(p, roles, `INSERT INTO cases (agency_id, case_number, title, fraud_type, reported_on) VALUES ($1, $2, 't', 'OTHER', current_date)`,
          [p.id, `X-${randomUUID().slice(0, 8)}`])).rejects.toThrow(RLS);
        await expect(as(p, roles, `INSERT INTO victim_statements (case_id, victim_id, agency_id, taken_by, taken_by_name, taken_at, place, narrative, reported_loss)
          VALUES ($1, $2, $3, $4, 'x', now(), 'x', 'x', 0)`, [caseId, victimId, p.id, user])).rejects.toThrow(RLS);
        await expect(as(p, roles, `INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source) VALUES ($1, $2, 'DOMAIN', 'x.test', 'x.test', 'MANUAL')`,
          [caseId, p.id])).rejects.toThrow(RLS);
        await expect(as(p, roles, `INSERT INTO victims (case_id, agency_id, name) VALUES ($1, $2, 'x')`, [caseId, p.id])).rejects.toThrow(RLS);
        expect(await as(p, roles, "UPDATE cases SET status = 'CLOSED' WHERE id = $1 RETURNING id", [caseId])).toHaveLength(0);
        expect(await as(p, roles, "UPDATE victim_statements SET place = 'elsewhere' WHERE id = $1 RETURNING id", [statementId])).toHaveLength(0);
        expect(await as(p, roles, "UPDATE identifiers SET note = 'x' WHERE id = $1 RETURNING id", [identifierId])).toHaveLength(0);
        expect(await as(p, roles, 'DELETE FROM identifiers WHERE id = $1 RETURNING id', [identifierId])).toHaveLength(0);
      }
      const { rows } = await owner.query('SELECT c.status, s.place FROM cases c JOIN victim_statements s ON s.case_id = c.id WHERE s.id = $1', [statementId]);
      expect(rows[0]).toEqual({ status: 'REPORTED', place: 'Guangzhou' });
    });

    it('an INVESTIGATOR does, and so does a worker job (SYSTEM)', async () => {
      expect(await as(p, [Role.INVESTIGATOR], "UPDATE identifiers SET note = 'checked' WHERE id = $1 RETURNING id", [identifierId])).toHaveLength(1);
      expect(await asAgency(pool, p.id, "UPDATE cases SET status = 'INVESTIGATING' WHERE id = $1 RETURNING id", [caseId])).toHaveLength(1);
      const [added] = await as(p, [Role.SUPERVISOR], `INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source) VALUES ($1, $2, 'DOMAIN', 'y.test', 'y.test', 'MANUAL') RETURNING id`, [caseId, p.id]);
      expect(added['id']).toBeDefined();
    });
  });

  describe('requests between agencies', () => {
    const send = `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency,
                    legal_basis_doc, account, account_kind, account_canonical, amount)
                  VALUES ('FREEZE', 'FREEZE', $1, $2, 'R', 'INVESTMENT', $3, $4, $5, 'NORMAL', 'Doc-1', $6, 'BANK_CARD', $6, 100) RETURNING id`;
    const account = () => `62220200${String(Date.now()).slice(-8)}${Math.floor(Math.random() * 1000)}`;

    it('a bank (any role) and a police ANALYST send nothing; an INVESTIGATOR does', async () => {
      for (const role of [Role.LIAISON, Role.ADMIN]) {
        await expect(as(bank, [role], send, [`B-${randomUUID()}`, caseId, bank.id, bank.id, bank.users[role].id, account()])).rejects.toThrow(RLS);
      }
      await expect(as(p, [Role.ANALYST], send, [`A-${randomUUID()}`, caseId, p.id, bank.id, p.users[Role.ANALYST].id, account()])).rejects.toThrow(RLS);
      expect(await as(p, [Role.INVESTIGATOR], send, [`I-${randomUUID()}`, caseId, p.id, bank.id, p.users[Role.INVESTIGATOR].id, account()])).toHaveLength(1);
    });

    it("the addressed bank's LIAISON answers, its ANALYST does not; the sender's ANALYST changes nothing", async () => {
      const [r] = (await owner.query(
        `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency,
           legal_basis_doc, account, account_kind, account_canonical, amount, state, sent_at, deadline_at)
         VALUES ('FREEZE', 'FREEZE', $1, $2, 'R', 'INVESTMENT', $3, $4, $5, 'NORMAL', 'Doc-1', $6, 'BANK_CARD', $6, 100, 'SENT', now(), now() + interval '1 day') RETURNING id`,
        [`J-${randomUUID()}`, caseId, p.id, bank.id, p.users[Role.INVESTIGATOR].id, account()],
      )).rows;
      const ack = "UPDATE agency_requests SET state = 'ACKNOWLEDGED', acknowledged_at = now(), version = version + 1 WHERE id = $1 RETURNING id";
      expect(await as(bank, [Role.ANALYST], ack, [r['id']])).toHaveLength(0);
      expect(await as(bank, [Role.AUDITOR], ack, [r['id']])).toHaveLength(0);
      expect(await as(bank, [Role.LIAISON], ack, [r['id']])).toHaveLength(1);
      const touch = 'UPDATE agency_requests SET version = version + 1 WHERE id = $1 RETURNING id';
      expect(await as(p, [Role.ANALYST], touch, [r['id']])).toHaveLength(0);
      expect(await as(bank, [Role.ADMIN], touch, [r['id']])).toHaveLength(1);
      expect(await as(p, [Role.SUPERVISOR], touch, [r['id']])).toHaveLength(1);
      const msg = "INSERT INTO request_events (request_id, agency_id, author_id, kind, body) VALUES ($1, $2, $3, 'MESSAGE', 'hello')";
      await expect(as(bank, [Role.ANALYST], msg, [r['id'], bank.id, bank.users[Role.ANALYST].id])).rejects.toThrow(RLS);
      await as(bank, [Role.LIAISON], msg, [r['id'], bank.id, bank.users[Role.LIAISON].id]);
    });
  });

  describe('task forces and users', () => {
    it('only a SUPERVISOR forms a task force and dispatches; the assignee reports progress as INVESTIGATOR', async () => {
      const form = "INSERT INTO task_forces (name, lead_agency_id, created_by) VALUES ('TF', $1, $2) RETURNING id";
      await expect(as(p, [Role.INVESTIGATOR], form, [p.id, p.users[Role.INVESTIGATOR].id])).rejects.toThrow(RLS);
      const [tf] = await as(p, [Role.SUPERVISOR], form, [p.id, p.users[Role.SUPERVISOR].id]);
      cleanup.push(() => owner.query('DELETE FROM task_forces WHERE id = $1', [tf['id']]));
      const task = "INSERT INTO task_force_tasks (task_force_id, kind, title, assignee_agency_id, due_at, created_by) VALUES ($1, 'ARREST', 't', $2, now() + interval '1 day', $3) RETURNING id";
      await expect(as(p, [Role.INVESTIGATOR], task, [tf['id'], p.id, p.users[Role.INVESTIGATOR].id])).rejects.toThrow(RLS);
      const [t] = await as(p, [Role.SUPERVISOR], task, [tf['id'], p.id, p.users[Role.SUPERVISOR].id]);
      const progress = "UPDATE task_force_tasks SET status = 'IN_PROGRESS' WHERE id = $1 RETURNING id";
      expect(await as(p, [Role.ANALYST], progress, [t['id']])).toHaveLength(0);
      expect(await as(p, [Role.INVESTIGATOR], progress, [t['id']])).toHaveLength(1);
    });

    it('only an ADMIN creates or changes users; signing in still counts attempts on the own row, and nothing else', async () => {
      const create = "INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'n', '{ANALYST}', 'x')";
      await expect(as(p, [Role.SUPERVISOR], create, [p.id, `n-${randomUUID()}@roles.test`])).rejects.toThrow(RLS);
      await as(p, [Role.ADMIN], create, [p.id, `n-${randomUUID()}@roles.test`]);
      const other = p.users[Role.ANALYST].id;
      expect(await as(p, [Role.SUPERVISOR], 'UPDATE users SET active = false WHERE id = $1 RETURNING id', [other])).toHaveLength(0);
      expect(await as(p, [Role.ADMIN], 'UPDATE users SET display_name = display_name WHERE id = $1 RETURNING id', [other])).toHaveLength(1);
      // The sign-in path: acting as the user, no roles yet.
      const self = p.users[Role.INVESTIGATOR].id;
      const c = await pool.connect();
      try {
        const signIn = async (sql: string) => {
          await c.query('BEGIN');
          await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', '', true)", [p.id, self]);
          try {
            return (await c.query(sql, [self])).rowCount;
          } finally {
            await c.query('ROLLBACK');
          }
        };
        expect(await signIn('UPDATE users SET failed_attempts = failed_attempts + 1, last_login_at = now() WHERE id = $1')).toBe(1);
        await expect(signIn("UPDATE users SET roles = '{ADMIN}' WHERE id = $1")).rejects.toThrow(RLS);
        await expect(signIn("UPDATE users SET password_hash = 'chosen' WHERE id = $1")).rejects.toThrow(RLS);
      } finally {
        c.release();
      }
      // A user acting with roles is held to the same: no raising oneself.
      await expect(as(p, [Role.INVESTIGATOR], "UPDATE users SET roles = '{ADMIN}' WHERE id = $1", [self])).rejects.toThrow(RLS);
    });
  });

  describe('SECURITY DEFINER functions', () => {
    it('every one in schema public pins search_path to public, pg_temp', async () => {
      const { rows } = await owner.query<{ fn: string; config: string[] | null }>(
        `SELECT p.oid::regprocedure::text AS fn, p.proconfig AS config FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1`,
      );
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.filter((r) => !(r.config ?? []).includes('search_path=public, pg_temp')).map((r) => r.fn)).toEqual([]);
    });

    it("the worker's sweeps (requests_due, tasks_due, fund_traces_stalled) answer nothing to a caller acting for an agency", async () => {
      const inv = p.users[Role.INVESTIGATOR].id;
      const [due] = (await owner.query(
        `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency,
           legal_basis_doc, account, account_kind, account_canonical, amount, state, sent_at, deadline_at)
         VALUES ('FREEZE', 'FREEZE', $1, $2, 'R', 'INVESTMENT', $3, $4, $5, 'NORMAL', 'Doc-1', '6222020000000009999', 'BANK_CARD', '6222020000000009999', 100,
           'SENT', now() - interval '2 days', now() - interval '1 day') RETURNING id`,
        [`D-${randomUUID()}`, caseId, p.id, bank.id, inv],
      )).rows;
      cleanup.push(() => owner.query('DELETE FROM agency_requests WHERE id = $1', [due.id]));
      const [tf] = (await owner.query("INSERT INTO task_forces (name, lead_agency_id, created_by) VALUES ('Due', $1, $2) RETURNING id", [p.id, inv])).rows;
      cleanup.push(() => owner.query('DELETE FROM task_forces WHERE id = $1', [tf.id]));
      const [task] = (await owner.query(
        "INSERT INTO task_force_tasks (task_force_id, kind, title, assignee_agency_id, due_at, created_by) VALUES ($1, 'ARREST', 'late', $2, now() - interval '1 hour', $3) RETURNING id",
        [tf.id, p.id, inv],
      )).rows;
      const [transfer] = (await owner.query(
        `INSERT INTO transfers (case_id, statement_id, agency_id, from_account, to_account, amount, occurred_at, channel, from_kind, from_canonical, to_kind, to_canonical)
         VALUES ($1, $2, $3, 'a1', 'a2', 10, now(), 'BANK_TRANSFER', 'BANK_CARD', 'a1', 'BANK_CARD', 'a2') RETURNING id`, [caseId, statementId, p.id],
      )).rows;
      const [trace] = (await owner.query(
        "INSERT INTO fund_traces (agency_id, requested_by, case_id, transfer_id, max_hops, created_at) VALUES ($1, $2, $3, $4, 3, now() - interval '1 day') RETURNING id",
        [p.id, inv, caseId, transfer.id],
      )).rows;
      cleanup.push(() => owner.query('DELETE FROM fund_traces WHERE id = $1', [trace.id]));

      const sweeps = [
        ['SELECT id FROM requests_due()', due.id],
        ['SELECT id FROM tasks_due()', task.id],
        ["SELECT id FROM fund_traces_stalled(interval '1 minute')", trace.id],
      ] as const;
      for (const [sql, id] of sweeps) {
        // The worker: the app role, no agency.
        expect((await asAgency(pool, null, sql)).map((r) => r['id'])).toContain(id);
        for (const roles of [['SYSTEM'], [Role.SUPERVISOR], [Role.ADMIN]]) {
          expect({ sql, roles, rows: await asAgency(pool, p.id, sql, [], roles) }).toEqual({ sql, roles, rows: [] });
        }
      }
    });
  });
});
