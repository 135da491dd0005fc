import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { recordAudits } from '@caselink/db';
import { AuditAction, AuditOutcome, Role } from '@caselink/domain';
import { appPool, asAgency, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

const VERIFY = '{ verifyAuditChain { ok checkedCount firstBrokenEventId firstBrokenSequence reason } }';

describe('audit trail', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let agency: TestAgency;
  let auditor: string;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    pool = appPool();
    agency = await createAgency(owner, 'Audit', [Role.ADMIN, Role.AUDITOR, Role.INVESTIGATOR]);
    const admin = (await login(app, agency.users[Role.ADMIN].email)).token;
    auditor = (await login(app, agency.users[Role.AUDITOR].email)).token;
    await gql(app, LOGIN_WRONG, { e: agency.users[Role.INVESTIGATOR].email });
    await gql(app, 'mutation($e: String!) { createUser(input: { email: $e, displayName: "Audited", roles: [ANALYST], password: "long-enough-password" }) { id } }', { e: `audited-${agency.id}@a.test` }, { token: admin });
    await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: agency.users[Role.INVESTIGATOR].id }, { token: admin });
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
    await pool.end();
  });

  it('records logins, failed logins and user changes with actor, address and outcome', async () => {
    const r = await gql(app, '{ auditEvents(first: 50) { edges { node { action outcome actorEmail clientAddress sequence } } } }', {}, { token: auditor });
    const actions = r.data?.auditEvents.edges.map((e: any) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['LOGIN', 'LOGIN_FAILED', 'USER_CREATED', 'USER_DEACTIVATED']));
    const created = r.data?.auditEvents.edges.find((e: any) => e.node.action === 'USER_CREATED').node;
    expect(created).toMatchObject({ outcome: 'SUCCESS', actorEmail: agency.users[Role.ADMIN].email, clientAddress: '127.0.0.1' });
    const sequences = r.data?.auditEvents.edges.map((e: any) => e.node.sequence);
    expect(sequences).toEqual([...sequences].sort((x: number, y: number) => y - x));
  });

  it('verifies an untouched chain', async () => {
    const r = await gql(app, VERIFY, {}, { token: auditor });
    expect(r.data?.verifyAuditChain).toMatchObject({ ok: true, firstBrokenEventId: null });
    expect(r.data?.verifyAuditChain.checkedCount).toBeGreaterThanOrEqual(5);
  });

  it('several rows appended by one statement (recordAudits) chain one after another', async () => {
    const before = Number((await owner.query('SELECT max(sequence) AS s FROM audit_events WHERE agency_id = $1', [agency.id])).rows[0].s);
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.roles', 'SYSTEM', true)", [agency.id]);
      const ds = { query: (sql: string, params: unknown[]) => c.query(sql, params).then((r) => r.rows) } as unknown as EntityManager;
      await recordAudits(ds, [1, 2, 3].map((i) => ({
        action: AuditAction.REQUEST_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'Test', entityId: String(i), agencyId: agency.id,
      })));
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const rows = (await owner.query('SELECT sequence, entity_id FROM audit_events WHERE agency_id = $1 AND sequence > $2 ORDER BY sequence', [agency.id, before])).rows;
    expect(rows).toEqual([1, 2, 3].map((i) => ({ sequence: String(before + i), entity_id: String(i) })));
    const r = await gql(app, VERIFY, {}, { token: auditor });
    expect(r.data?.verifyAuditChain).toMatchObject({ ok: true });
  });

  it('the app role may not change or delete audit rows', async () => {
    await expect(asAgency(pool, agency.id, "UPDATE audit_events SET outcome = 'SUCCESS'")).rejects.toThrow(/permission denied/);
    await expect(asAgency(pool, agency.id, 'DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
  });

  it('even the owner must disable the append-only guard to change history', async () => {
    await expect(owner.query("UPDATE audit_events SET outcome = 'SUCCESS' WHERE agency_id = $1", [agency.id])).rejects.toThrow(/append-only/);
  });

  it('names the first tampered row when the owner changes one', async () => {
    const { rows } = await owner.query("SELECT id, sequence FROM audit_events WHERE agency_id = $1 AND action = 'LOGIN_FAILED' ORDER BY sequence LIMIT 1", [agency.id]);
    const target = rows[0];
    await owner.query('BEGIN');
    await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await owner.query("UPDATE audit_events SET outcome = 'SUCCESS' WHERE id = $1", [target.id]);
    await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await owner.query('COMMIT');
    const r = await gql(app, VERIFY, {}, { token: auditor });
    expect(r.data?.verifyAuditChain).toMatchObject({
      ok: false, firstBrokenEventId: target.id, firstBrokenSequence: Number(target.sequence), reason: expect.stringMatching(/altered/),
    });
  });

  it('keeps the chain whole under concurrent writers', async () => {
    const other = await createAgency(owner, 'AuditBusy', [Role.ADMIN, Role.AUDITOR]);
    const admin = (await login(app, other.users[Role.ADMIN].email)).token;
    await Promise.all(Array.from({ length: 20 }, (_, i) =>
      gql(app, 'mutation($e: String!) { createUser(input: { email: $e, displayName: "C", roles: [ANALYST], password: "long-enough-password" }) { id } }', { e: `c${i}-${other.id}@a.test` }, { token: admin })));
    const r = await gql(app, VERIFY, {}, { token: (await login(app, other.users[Role.AUDITOR].email)).token });
    expect(r.data?.verifyAuditChain).toMatchObject({ ok: true });
    expect(r.data?.verifyAuditChain.checkedCount).toBeGreaterThanOrEqual(22);
  });
});

const LOGIN_WRONG = 'mutation($e: String!) { login(input: { email: $e, password: "wrong-password" }) { accessToken } }';
