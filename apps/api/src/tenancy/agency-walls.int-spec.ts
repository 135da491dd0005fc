import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

/**
 * Need-to-know between agencies, proven twice: through GraphQL, and straight at PostgreSQL as the
 * app role, where row-level security must hold even if a service forgot its check.
 */
describe('agency walls', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let a: TestAgency;
  let b: TestAgency;
  let adminA: string;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    pool = appPool();
    a = await createAgency(owner, 'WallA', [Role.ADMIN, Role.INVESTIGATOR, Role.AUDITOR]);
    b = await createAgency(owner, 'WallB', [Role.ADMIN, Role.INVESTIGATOR], undefined, '110000');
    adminA = (await login(app, a.users[Role.ADMIN].email)).token;
    await login(app, b.users[Role.ADMIN].email); // gives B refresh sessions and audit rows to hide
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
    await pool.end();
  });

  describe('through GraphQL', () => {
    it("lists only the caller's own users", async () => {
      const r = await gql(app, '{ users(first: 100) { totalCount edges { node { email agency { id } } } } }', {}, { token: adminA });
      const agencies = new Set(r.data?.users.edges.map((e: any) => e.node.agency.id));
      expect([...agencies]).toEqual([a.id]);
      expect(r.data?.users.totalCount).toBe(3);
    });

    it("cannot read another agency's user or agency record", async () => {
      const user = await gql(app, 'query($id: ID!) { user(id: $id) { email } }', { id: b.users[Role.ADMIN].id }, { token: adminA });
      expect(codeOf(user)).toBe('NOT_FOUND');
      const agency = await gql(app, 'query($id: ID!) { agency(id: $id) { name } }', { id: b.id }, { token: adminA });
      expect(codeOf(agency)).toBe('NOT_FOUND');
      const list = await gql(app, '{ agencies { edges { node { id } } } }', {}, { token: adminA });
      expect(list.data?.agencies.edges.map((e: any) => e.node.id)).toEqual([a.id]);
    });

    it("cannot deactivate or reset another agency's user", async () => {
      const victim = b.users[Role.INVESTIGATOR].id;
      const off = await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: victim }, { token: adminA });
      expect(codeOf(off)).toBe('NOT_FOUND');
      const reset = await gql(app, 'mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "taken-over-password") { id } }', { id: victim }, { token: adminA });
      expect(codeOf(reset)).toBe('NOT_FOUND');
      const { rows } = await owner.query('SELECT active FROM users WHERE id = $1', [victim]);
      expect(rows[0].active).toBe(true);
    });

    it('creates users only in its own agency, and only as ADMIN', async () => {
      const investigator = (await login(app, a.users[Role.INVESTIGATOR].email)).token;
      const denied = await gql(app, 'mutation { createUser(input: { email: "x@y.test", displayName: "X", roles: [ANALYST], password: "long-enough-password" }) { id } }', {}, { token: investigator });
      expect(codeOf(denied)).toBe('FORBIDDEN');
      const created = await gql(app, 'mutation($e: String!) { createUser(input: { email: $e, displayName: "New", roles: [ANALYST], password: "long-enough-password" }) { agency { id } } }', { e: `new-${a.id}@a.test` }, { token: adminA });
      expect(created.data?.createUser.agency.id).toBe(a.id);
    });

    it('only the national admin creates agencies', async () => {
      const r = await gql(app, 'mutation { createAgency(input: { name: "Rogue", nameEn: "Rogue", kind: BANK, region: "110000", adminEmail: "r@r.test", adminDisplayName: "R", adminPassword: "long-enough-password" }) { id } }', {}, { token: adminA });
      expect(codeOf(r)).toBe('FORBIDDEN');
    });

    it('an auditor of A sees only the audit trail of A', async () => {
      const auditor = (await login(app, a.users[Role.AUDITOR].email)).token;
      const r = await gql(app, '{ auditEvents(first: 100) { edges { node { agencyId } } } }', {}, { token: auditor });
      const seen = new Set(r.data?.auditEvents.edges.map((e: any) => e.node.agencyId));
      expect([...seen]).toEqual([a.id]);
    });
  });

  describe('straight at PostgreSQL as the app role acting for A', () => {
    it("reads none of B's rows in any table", async () => {
      for (const [table, column] of [['users', 'agency_id'], ['agencies', 'id'], ['refresh_sessions', 'agency_id'], ['audit_events', 'agency_id'], ['notifications', 'agency_id']]) {
        const rows = await asAgency(pool, a.id, `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [b.id]);
        expect({ table, n: rows[0]['n'] }).toEqual({ table, n: 0 });
      }
      const own = await asAgency(pool, a.id, 'SELECT count(*)::int AS n FROM users');
      expect(own[0]['n']).toBeGreaterThanOrEqual(3);
    });

    it("changes none of B's users", async () => {
      const updated = await asAgency(pool, a.id, 'UPDATE users SET active = false WHERE agency_id = $1 RETURNING id', [b.id]);
      expect(updated).toHaveLength(0);
      await expect(
        asAgency(pool, a.id, "INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, 'plant@b.test', 'p', '{ADMIN}', 'x')", [b.id]),
      ).rejects.toThrow(/row-level security/);
      await expect(asAgency(pool, a.id, 'DELETE FROM users WHERE agency_id = $1', [b.id])).rejects.toThrow(/permission denied/);
    });

    it('sees nothing at all when no agency is set', async () => {
      const rows = await asAgency(pool, null, 'SELECT (SELECT count(*) FROM users)::int AS u, (SELECT count(*) FROM agencies)::int AS a, (SELECT count(*) FROM audit_events)::int AS e');
      expect(rows[0]).toEqual({ u: 0, a: 0, e: 0 });
    });

    it('connects as a role that is no superuser, has no BYPASSRLS, and meets FORCE ROW LEVEL SECURITY on every table', async () => {
      const [role] = await asAgency(pool, a.id, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
      const [forced] = await asAgency(pool, a.id, "SELECT bool_and(relforcerowsecurity) AS forced FROM pg_class WHERE relname IN ('agencies','users','refresh_sessions','audit_events','notifications')");
      expect(forced['forced']).toBe(true);
    });
  });
});
