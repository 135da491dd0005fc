import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import {
  AgencyKind, allowedCaseTransitions, allowedRequestTransitions, CaseStatus, FreezeKind, holdPeriod, RequestParty, RequestState,
  requestTransitionProblem, RequestType, Role,
} from '@caselink/domain';
import { appPool, asAgency, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard } from '../../test/worker-process';

const IN = [Role.INVESTIGATOR];
const SU = [Role.SUPERVISOR];
const LI = [Role.LIAISON];
const refused = (p: Promise<unknown>, message: RegExp) => expect(p).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(message) });

/** What the domain machines say, as rows of the database's tables (sorted). */
function domainMachines() {
  const parties = Object.keys({ SENDER: true, RECIPIENT: true, SYSTEM: true } satisfies Record<RequestParty, true>) as RequestParty[];
  const requests = Object.values(RequestType).flatMap((type) => Object.values(RequestState).flatMap((from) =>
    parties.flatMap((party) => allowedRequestTransitions(type, from, party).map((to) => `${type} ${from} ${to} ${party}`)))).sort();
  const cases = Object.values(CaseStatus).flatMap((from) => allowedCaseTransitions(from).map((to) => `${from} ${to}`)).sort();
  const holds = Object.values(FreezeKind).map((kind) => {
    let max: number | null = null;
    for (let n = 0; n <= 100 && max === null; n++) {
      if (requestTransitionProblem(RequestType.FREEZE, RequestState.FROZEN, RequestState.EXTENDED, 'SENDER', { freezeKind: kind, extensions: n })) max = n;
    }
    return `${kind} ${holdPeriod(kind).holdMs} ${holdPeriod(kind).warnBeforeMs} ${max}`;
  }).sort();
  return { requests, cases, holds };
}

/**
 * The second wall (issue 11): row-level security says which rows an agency may write; PostgreSQL also says what it may
 * write into them. Straight at PostgreSQL as the app role, acting as the api would (with the user's roles) or as a
 * worker job (SYSTEM): ownership and identity columns stay, states move only along the domain machines, and the clock
 * columns follow from the moves.
 */
describe('the second wall: what a writer may write', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let bj: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  let caseId: string;
  let otherCase: string;

  const createCase = async (title: string) =>
    (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title, fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token: t['gd'] })).data?.createCase.id as string;
  const addStatement = (token: string, id: string, loss: string) => gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
    i: {
      caseId: id, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '投资理财诈骗', reportedLoss: loss, victim: { name: '王五' },
      transfers: [{ fromAccount: randomCard('622848'), toAccount: randomCard(), amount: loss, occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }],
    },
  }, { token });
  const share = (id: string, access: string) => gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
    i: { caseId: id, agencyId: bj.id, access, mayPassOn: true, mayUseInCourt: true, mustAskBeforeActing: false },
  }, { token: t['gdSup'] });
  const sendFreeze = async (kind: FreezeKind) => {
    const r = await gql(app, 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id state } }', {
      i: { caseId, bankAgencyId: bank.id, kind, account: randomCard(), amount: '30000', legalBasisDoc: '粤公(反诈)冻字[2026]101号' },
    }, { token: t['gd'] });
    expect(r.data?.sendFreezeRequest.state).toBe('SENT');
    return r.data?.sendFreezeRequest.id as string;
  };
  const request = async (id: string) => (await owner.query('SELECT * FROM agency_requests WHERE id = $1', [id])).rows[0];

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'WallGD', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440000');
    bj = await createAgency(owner, 'WallBJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '110000');
    bank = await createAgency(owner, 'WallBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    for (const [k, a, r] of [['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['bj', bj, Role.INVESTIGATOR], ['bank', bank, Role.LIAISON]] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    caseId = await createCase('广东投资诈骗案');
    otherCase = await createCase('广东另一案件');
    expect((await addStatement(t['gd'], caseId, '1000')).errors).toBeUndefined();
    expect((await share(caseId, 'CONTRIBUTE')).errors).toBeUndefined();
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
    await pool?.end();
  });

  describe('ownership and identity', () => {
    it('a CONTRIBUTE grantee cannot take the case, nor change more of it than the totals its statements add', async () => {
      await refused(asAgency(pool, bj.id, 'UPDATE cases SET agency_id = app_agency() WHERE id = $1', [caseId], IN), /cases\.agency_id is fixed/);
      await refused(asAgency(pool, bj.id, `UPDATE cases SET status = 'INVESTIGATING' WHERE id = $1`, [caseId], IN), /only the owning agency/);
      await refused(asAgency(pool, bj.id, `UPDATE cases SET title = 'taken over', sensitivity = 'NORMAL' WHERE id = $1`, [caseId], IN), /only the owning agency/);
      // Its statements still add to the case, through the api.
      expect((await addStatement(t['bj'], caseId, '500')).errors).toBeUndefined();
      const { rows } = await owner.query('SELECT agency_id, title, total_loss FROM cases WHERE id = $1', [caseId]);
      expect(rows[0]).toEqual({ agency_id: gd.id, title: '广东投资诈骗案', total_loss: '1500.00' });
    });

    it('a case status moves along the case machine, by its owner', async () => {
      const change = (status: string) => gql(app, 'mutation($id: ID!, $s: CaseStatus!) { changeCaseStatus(id: $id, status: $s) { status } }', { id: otherCase, s: status }, { token: t['gd'] });
      expect((await change('INVESTIGATING')).data?.changeCaseStatus.status).toBe('INVESTIGATING');
      await refused(asAgency(pool, gd.id, `UPDATE cases SET status = 'REPORTED' WHERE id = $1`, [otherCase], IN), /INVESTIGATING case does not become REPORTED/);
      expect(await asAgency(pool, gd.id, `UPDATE cases SET status = 'SOLVED' WHERE id = $1 RETURNING status`, [otherCase], IN)).toEqual([{ status: 'SOLVED' }]);
    });

    it('a share is not re-pointed to another agency or case; the owner still revokes', async () => {
      const [s] = (await owner.query('SELECT id FROM case_shares WHERE case_id = $1 AND agency_id = $2 AND revoked_at IS NULL', [caseId, bj.id])).rows;
      await refused(asAgency(pool, gd.id, 'UPDATE case_shares SET agency_id = $2 WHERE id = $1', [s.id, bank.id], SU), /case_shares\.agency_id is fixed/);
      await refused(asAgency(pool, gd.id, 'UPDATE case_shares SET case_id = $2 WHERE id = $1', [s.id, otherCase], SU), /case_shares\.case_id is fixed/);
      await refused(asAgency(pool, gd.id, 'UPDATE case_shares SET owner_agency_id = $2 WHERE id = $1', [s.id, bj.id], SU), /case_shares\.owner_agency_id is fixed/);
      // The grantee does not touch the share at all.
      expect(await asAgency(pool, bj.id, `UPDATE case_shares SET access = 'CONTRIBUTE', revoked_at = NULL WHERE case_id = $1 RETURNING id`, [caseId], SU)).toEqual([]);
      const readShare = (await share(otherCase, 'READ')).data?.shareCase.id as string;
      expect((await gql(app, 'mutation($id: ID!) { revokeShare(id: $id) { id } }', { id: readShare }, { token: t['gdSup'] })).errors).toBeUndefined();
    });

    it("case material stays in its case, notifications with their user; a grantee deletes none of the owner's rows", async () => {
      const [clue] = (await owner.query('SELECT id FROM identifiers WHERE case_id = $1 AND agency_id = $2 LIMIT 1', [caseId, gd.id])).rows;
      await refused(asAgency(pool, gd.id, 'UPDATE identifiers SET case_id = $2 WHERE id = $1', [clue.id, otherCase], IN), /identifiers\.case_id is fixed/);
      const [st] = (await owner.query('SELECT id FROM victim_statements WHERE case_id = $1 AND agency_id = $2 LIMIT 1', [caseId, gd.id])).rows;
      await refused(asAgency(pool, gd.id, 'UPDATE victim_statements SET case_id = $2 WHERE id = $1', [st.id, otherCase], IN), /victim_statements\.case_id is fixed/);

      const before = (await owner.query('SELECT count(*)::int AS n FROM identifiers WHERE case_id = $1', [caseId])).rows[0].n;
      expect(await asAgency(pool, bj.id, 'DELETE FROM identifiers WHERE case_id = $1 AND agency_id = $2 RETURNING id', [caseId, gd.id], IN)).toEqual([]);
      expect((await owner.query('SELECT count(*)::int AS n FROM identifiers WHERE case_id = $1', [caseId])).rows[0].n).toBe(before);

      const me = gd.users[Role.INVESTIGATOR].id;
      const [n] = (await owner.query(`INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key) VALUES ($1, $2, 'TEST', '{}', $3) RETURNING id`, [gd.id, me, `wall:${me}`])).rows;
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', 'INVESTIGATOR', true)", [gd.id, me]);
        await expect(c.query('UPDATE notifications SET user_id = $2 WHERE id = $1', [n.id, gd.users[Role.SUPERVISOR].id])).rejects.toMatchObject({ code: '42501' });
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
    });

    it('the lead agency alone cannot put a removed case back into a task force; the assignee reports only progress', async () => {
      const lead = bj.users[Role.SUPERVISOR].id;
      const [force] = (await owner.query(`INSERT INTO task_forces (name, lead_agency_id, created_by) VALUES ('专案组', $1, $2) RETURNING id`, [bj.id, lead])).rows;
      await owner.query('INSERT INTO task_force_agencies (task_force_id, agency_id, added_by) VALUES ($1, $2, $3)', [force.id, gd.id, lead]);
      await owner.query('INSERT INTO task_force_cases (task_force_id, case_id, added_by, removed_at) VALUES ($1, $2, $3, now())', [force.id, otherCase, gd.users[Role.SUPERVISOR].id]);
      const putBack = 'UPDATE task_force_cases SET removed_at = NULL WHERE task_force_id = $1 AND case_id = $2 RETURNING case_id';
      await refused(asAgency(pool, bj.id, putBack, [force.id, otherCase], SU), /row-level security/);
      expect(await owner.query('SELECT 1 FROM task_force_cases WHERE case_id = $1 AND removed_at IS NULL', [otherCase]).then((r) => r.rowCount)).toBe(0);
      // Its owner puts it in again; the lead then takes it out again.
      await asAgency(pool, gd.id, 'INSERT INTO task_force_cases (task_force_id, case_id, added_by) VALUES ($1, $2, $3)', [force.id, otherCase, gd.users[Role.SUPERVISOR].id], SU);
      expect(await asAgency(pool, bj.id, 'UPDATE task_force_cases SET removed_at = now() WHERE task_force_id = $1 AND case_id = $2 AND removed_at IS NULL RETURNING 1 AS ok', [force.id, otherCase], SU))
        .toEqual([{ ok: 1 }]);

      const [task] = (await owner.query(`INSERT INTO task_force_tasks (task_force_id, kind, title, assignee_agency_id, due_at, created_by)
        VALUES ($1, 'ARREST', '抓捕', $2, now() + interval '1 day', $3) RETURNING id`, [force.id, gd.id, lead])).rows;
      await refused(asAgency(pool, gd.id, 'UPDATE task_force_tasks SET assignee_agency_id = $2 WHERE id = $1', [task.id, bj.id], IN), /only the status/);
      await refused(asAgency(pool, gd.id, `UPDATE task_force_tasks SET due_at = now() + interval '1 year' WHERE id = $1`, [task.id], IN), /only the status/);
      expect(await asAgency(pool, gd.id, `UPDATE task_force_tasks SET status = 'IN_PROGRESS', updated_at = now() WHERE id = $1 RETURNING status`, [task.id], IN)).toEqual([{ status: 'IN_PROGRESS' }]);
      expect(await asAgency(pool, bj.id, `UPDATE task_force_tasks SET title = '抓捕（改）' WHERE id = $1 RETURNING title`, [task.id], SU)).toEqual([{ title: '抓捕（改）' }]);
    });
  });

  describe('requests move along their machines', () => {
    it('the bank cannot forge a freeze: SENT to FROZEN by hand with a 10-year hold is refused', async () => {
      const id = await sendFreeze(FreezeKind.EMERGENCY_STOP);
      const forge = `UPDATE agency_requests SET state = 'FROZEN', expires_at = now() + interval '10 years' WHERE id = $1`;
      await refused(asAgency(pool, bank.id, forge, [id], LI), /amount held/);
      await refused(asAgency(pool, bank.id, `UPDATE agency_requests SET state = 'FROZEN', amount_held = 30000, expires_at = now() + interval '10 years' WHERE id = $1`, [id], LI),
        /expires_at follows from the request's rules/);
      // A job acting for the bank is the clock, which freezes nothing.
      await refused(asAgency(pool, bank.id, forge, [id]), /does not move from SENT to FROZEN by the SYSTEM/);
      await refused(asAgency(pool, bank.id, `UPDATE agency_requests SET state = 'RELEASED' WHERE id = $1`, [id], LI), /does not move from SENT to RELEASED/);
      // Nor does the sender answer for the bank, or write its answer.
      await refused(asAgency(pool, gd.id, `UPDATE agency_requests SET state = 'FROZEN', amount_held = 30000 WHERE id = $1`, [id], IN), /does not move from SENT to FROZEN by the SENDER|does not write the answer/);
      await refused(asAgency(pool, gd.id, 'UPDATE agency_requests SET balance = 1 WHERE id = $1', [id], IN), /does not write the answer|the answer/);
      await refused(asAgency(pool, gd.id, `UPDATE agency_requests SET overdue_at = NULL, deadline_at = now() + interval '1 year' WHERE id = $1`, [id], IN), /sent_at and deadline_at are set by sending/);
      const r = await request(id);
      expect({ state: r.state, expires_at: r.expires_at, amount_held: r.amount_held }).toEqual({ state: 'SENT', expires_at: null, amount_held: null });
    });

    it('a request starts as a draft: the sender cannot insert one already frozen', async () => {
      const account = randomCard();
      await refused(asAgency(pool, gd.id,
        `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, state, urgency,
           account, account_canonical, amount, amount_held, legal_basis_doc, expires_at)
         VALUES ('FREEZE', 'FREEZE', $5, $1, 'x', 'INVESTMENT', $2, $3, $4, 'FROZEN', 'URGENT', $6, $6, 100, 100, 'doc', now() + interval '10 years')`,
        [caseId, gd.id, bank.id, gd.users[Role.INVESTIGATOR].id, `WALL-${account}`, account], IN), /starts as a DRAFT/);
    });

    it('legal moves by the right party still work, with the clock the rules set', async () => {
      const id = await sendFreeze(FreezeKind.EMERGENCY_STOP);
      const sent = await request(id);
      const [rule] = (await owner.query(`SELECT extract(epoch FROM answer_within)::int AS s FROM request_deadline_rules WHERE type = 'FREEZE' AND kind = 'EMERGENCY_STOP' AND urgency = $1`, [sent.urgency])).rows;
      expect((sent.deadline_at.getTime() - sent.sent_at.getTime()) / 1000).toBe(rule.s);

      const answered = await gql(app, 'mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { state amountHeld } }', { i: { id, outcome: 'FROZEN', amountHeld: '30000' } }, { token: t['bank'] });
      expect(answered.data?.answerFreeze).toEqual({ state: 'FROZEN', amountHeld: '30000.00' });
      const frozen = await request(id);
      expect(frozen.expires_at.getTime() - frozen.held_at.getTime()).toBe(holdPeriod(FreezeKind.EMERGENCY_STOP).holdMs);
      // Once answered, the answer is not rewritten, and the hold not lengthened, by either side.
      await refused(asAgency(pool, bank.id, 'UPDATE agency_requests SET amount_held = 1 WHERE id = $1', [id], LI), /amount_held and held_at/);
      await refused(asAgency(pool, bank.id, `UPDATE agency_requests SET expires_at = now() + interval '10 years' WHERE id = $1`, [id], LI), /expires_at and extensions/);
      await refused(asAgency(pool, gd.id, `UPDATE agency_requests SET expires_at = now() + interval '10 years' WHERE id = $1`, [id], IN), /expires_at and extensions/);

      const extended = await gql(app, 'mutation($i: ChangeRequestStateInput!) { changeRequestState(input: $i) { state extensions } }', {
        i: { id, to: 'EXTENDED', legalBasisDoc: '粤公(反诈)延字[2026]7号' },
      }, { token: t['gd'] });
      expect(extended.data?.changeRequestState).toEqual({ state: 'EXTENDED', extensions: 1 });
      expect((await request(id)).expires_at.getTime()).toBe(frozen.expires_at.getTime() + holdPeriod(FreezeKind.EMERGENCY_STOP).holdMs);
      // An emergency stop is extended once.
      await refused(asAgency(pool, gd.id, `UPDATE agency_requests SET state = 'EXTENDED', extensions = extensions + 1, legal_basis_doc = 'again' WHERE id = $1`, [id], IN), /at most 1 times/);

      // The clock lapses a hold (the worker acts as the sending agency, SYSTEM); nobody else does.
      await owner.query(`UPDATE agency_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      await refused(asAgency(pool, gd.id, `UPDATE agency_requests SET state = 'EXPIRED' WHERE id = $1`, [id], IN), /by the SENDER/);
      expect(await asAgency(pool, gd.id, `UPDATE agency_requests SET state = 'EXPIRED', version = version + 1 WHERE id = $1 RETURNING state`, [id])).toEqual([{ state: 'EXPIRED' }]);
      await refused(asAgency(pool, gd.id, `UPDATE agency_requests SET state = 'RELEASED' WHERE id = $1`, [id], IN), /does not move from EXPIRED/);
    });

    it('the addressed agency moves by hand only as its machine allows, its clock columns set by the database', async () => {
      const id = await sendFreeze(FreezeKind.FREEZE);
      expect(await asAgency(pool, bank.id, `UPDATE agency_requests SET state = 'ACKNOWLEDGED' WHERE id = $1 RETURNING state, acknowledged_at IS NOT NULL AS stamped`, [id], LI))
        .toEqual([{ state: 'ACKNOWLEDGED', stamped: true }]);
      // A backdated answer is a forged one.
      await refused(asAgency(pool, bank.id, `UPDATE agency_requests SET state = 'NO_FUNDS', answered_at = now() - interval '1 day' WHERE id = $1`, [id], LI), /answered_at follows/);
      expect(await asAgency(pool, bank.id, `UPDATE agency_requests SET state = 'NO_FUNDS', answered_at = now(), balance = 0 WHERE id = $1 RETURNING state`, [id], LI))
        .toEqual([{ state: 'NO_FUNDS' }]);
      await refused(asAgency(pool, bank.id, `UPDATE agency_requests SET balance = 5 WHERE id = $1`, [id], LI), /written by the addressed agency as it moves/);
    });
  });

  describe('the rules in the database', () => {
    it('the transition and hold tables equal the domain machines', async () => {
      const db = {
        requests: (await owner.query(`SELECT type || ' ' || from_state || ' ' || to_state || ' ' || party AS r FROM request_transitions`)).rows.map((r) => r.r).sort(),
        cases: (await owner.query(`SELECT from_status || ' ' || to_status AS r FROM case_status_transitions`)).rows.map((r) => r.r).sort(),
        holds: (await owner.query(`SELECT kind || ' ' || (extract(epoch FROM hold) * 1000)::bigint || ' ' || (extract(epoch FROM warn_before) * 1000)::bigint || ' '
          || coalesce(max_extensions::text, 'null') AS r FROM request_hold_rules`)).rows.map((r) => r.r).sort(),
      };
      expect(db).toEqual(domainMachines());
    });

    it('the machines are those the migrations loaded: a change to them comes with a migration that reloads the tables', () => {
      // A fresh test database always loads the current machines; databases migrated before would keep the old ones.
      // Changed a machine? Add a migration that reloads request_transitions / case_status_transitions / request_hold_rules
      // (as 1765300000000-second-wall.ts fills them), then update this fingerprint.
      const fingerprint = createHash('sha256').update(JSON.stringify(domainMachines())).digest('hex').slice(0, 16);
      expect(fingerprint).toBe('2107a653d497d226');
    });

    it('every permissive UPDATE or ALL policy has a WITH CHECK', async () => {
      const { rows } = await owner.query(`SELECT tablename, policyname FROM pg_policies
        WHERE schemaname = 'public' AND cmd IN ('UPDATE','ALL') AND permissive = 'PERMISSIVE' AND with_check IS NULL`);
      expect(rows).toEqual([]);
    });
  });
});
