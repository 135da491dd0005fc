import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, Role, rolesAllowedFor } from '@caselink/domain';
import { appPool, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

/**
 * The second wall, generated from the catalogue (issue 11): every table of the schema, straight at PostgreSQL as
 * caselink_app, as every role of every agency kind of an agency that was given nothing — and as the analyst and
 * auditor of the agency that holds the material. Each UPDATE and DELETE that the app role is granted at all is
 * tried on every row (inside a transaction that is rolled back): it may be refused, or touch only the actor's own
 * rows, never anyone else's. A table added without row-level security, or with a policy that lets a stranger
 * change rows, fails here without anyone writing a test for it.
 */
interface Column { name: string; update: boolean; select: boolean }
interface Table { name: string; columns: Column[] }

const CARD = () => `6222${Math.floor(Math.random() * 1e12).toString().padStart(12, '0')}`;
const luhn = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
};

describe('table matrix: every table, as every role, straight at PostgreSQL', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let tables: Table[];
  let holder: TestAgency;
  const strangers: Array<{ agency: TestAgency; kind: AgencyKind }> = [];

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    pool = appPool();
    const { rows } = await owner.query<{ table: string; column: string; upd: boolean; sel: boolean }>(`
      SELECT c.relname AS table, a.attname AS column,
             has_column_privilege('caselink_app', c.oid, a.attnum, 'UPDATE') AS upd,
             has_column_privilege('caselink_app', c.oid, a.attnum, 'SELECT') AS sel
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum`);
    const byTable = new Map<string, Column[]>();
    for (const r of rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), { name: r.column, update: r.upd, select: r.sel }]);
    tables = [...byTable].map(([name, columns]) => ({ name, columns }));

    // The holder: a police agency with a case, a statement with a transfer, a clue, a share, a freeze and a task force.
    holder = await createAgency(owner, 'TmHolder', [Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR, Role.ADMIN], AgencyKind.POLICE, '440000');
    const partner = await createAgency(owner, 'TmPartner', [Role.INVESTIGATOR], AgencyKind.POLICE, '350000');
    const bank = await createAgency(owner, 'TmBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    const inv = (await login(app, holder.users[Role.INVESTIGATOR].email)).token;
    const sup = (await login(app, holder.users[Role.SUPERVISOR].email)).token;
    for (const role of [Role.ANALYST, Role.AUDITOR]) await login(app, holder.users[role].email); // sessions and audit rows of their own
    const must = async (query: string, variables: Record<string, unknown>, token: string) => {
      const r = await gql(app, query, variables, { token });
      if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
      return r.data as Record<string, any>;
    };
    const caseId = (await must('mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '表矩阵案件 table matrix', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, inv)).createCase.id;
    const mule = luhn(CARD().slice(0, 15));
    await must('mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: { caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '投资理财', reportedLoss: '5000',
        victim: { name: '矩阵受害人', idNumber: '11010519491231002X', phone: '13812345678' },
        transfers: [{ fromAccount: luhn(CARD().slice(0, 15)), toAccount: mule, amount: '5000', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] },
    }, inv);
    await must('mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind: 'PHONE', value: '13900001111' } }, inv);
    await must('mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId, agencyId: partner.id, access: 'CONTRIBUTE', mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: false },
    }, sup);
    await must('mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id } }', {
      i: { caseId, bankAgencyId: bank.id, kind: 'EMERGENCY_STOP', account: mule, amount: '5000', legalBasisDoc: '粤公(反诈)冻字[2026]099号' },
    }, inv);
    await must('mutation($i: CreateTaskForceInput!) { createTaskForce(input: $i) { id } }', { i: { name: '表矩阵专案组', memberAgencyIds: [partner.id], caseIds: [caseId] } }, sup);

    // Strangers sit where no other test keeps anything (region alerts and thresholds belong to a region's police).
    const regions: Record<AgencyKind, string> = { POLICE: '540000', BANK: '540000', TELECOM: '540000', FOREIGN_PARTNER: 'KH' };
    for (const kind of Object.values(AgencyKind)) {
      strangers.push({ agency: await createAgency(owner, `TmStranger${kind}`, [...rolesAllowedFor(kind)], kind, regions[kind]), kind });
    }
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
    await pool.end();
  });

  /** Tries every granted UPDATE and DELETE on every table; returns the rows touched that are not the actor's own. */
  async function foreignRowsTouched(agencyId: string, roles: string[], ownIds: string[]): Promise<string[]> {
    const findings: string[] = [];
    const c = await pool.connect();
    try {
      for (const t of tables) {
        const readable = t.columns.filter((col) => col.select).map((col) => col.name);
        const returning = readable.length > 0 ? `RETURNING json_build_array(${readable.map((n) => `"${n}"`).join(', ')})::text AS row` : '';
        const target = t.columns.find((col) => col.update);
        const statements = [
          ...(target ? [`UPDATE "${t.name}" SET "${target.name}" = "${target.name}" ${returning}`] : []),
          `DELETE FROM "${t.name}" ${returning}`,
        ];
        for (const sql of statements) {
          await c.query('BEGIN');
          try {
            await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.roles', $2, true)", [agencyId, roles.join(',')]);
            const r = await c.query<{ row?: string }>(sql);
            const foreign = r.rows.filter((row) => !ownIds.some((id) => row.row?.includes(id)));
            // A statement that could not say which rows it touched (nothing readable) must touch none.
            if ((readable.length === 0 && (r.rowCount ?? 0) > 0) || foreign.length > 0) findings.push(`${sql.split(' RETURNING')[0]}: ${r.rowCount} row(s), e.g. ${foreign[0]?.row?.slice(0, 160) ?? '?'}`);
          } catch (e) {
            // Refused — no privilege, row-level security, a guard trigger (all 42501): that is the wall holding. Any other
            // error (a foreign key, a check) means the statement reached rows it should not have seen.
            const code = (e as { code?: string }).code;
            if (code !== '42501') findings.push(`${sql.split(' RETURNING')[0]}: failed with ${code} ${(e as Error).message}`);
          } finally {
            await c.query('ROLLBACK');
          }
        }
      }
    } finally {
      c.release();
    }
    return findings;
  }

  it('covers every table of the schema, each with row-level security forced or closed to the app role', async () => {
    expect(tables.length).toBeGreaterThan(40);
    const { rows } = await owner.query<{ relname: string }>(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
        AND (has_table_privilege('caselink_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
             OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                        AND has_column_privilege('caselink_app', c.oid, a.attnum, 'SELECT, INSERT, UPDATE')))`);
    expect(rows.map((r) => r.relname)).toEqual([]);
  });

  it('an agency given nothing changes no row of anyone else in any table, in any role (and as its worker)', async () => {
    const findings: string[] = [];
    for (const { agency, kind } of strangers) {
      const own = [agency.id, ...Object.values(agency.users).map((u) => u.id)];
      for (const roles of [...rolesAllowedFor(kind).map((r) => [r]), ['SYSTEM']]) {
        for (const f of await foreignRowsTouched(agency.id, roles, own)) findings.push(`${kind} ${roles.join(',')}: ${f}`);
      }
    }
    expect(findings).toEqual([]);
  });

  it("the holder's analyst and auditor change none of its material, only rows of their own", async () => {
    const findings: string[] = [];
    for (const role of [Role.ANALYST, Role.AUDITOR]) {
      for (const f of await foreignRowsTouched(holder.id, [role], [holder.users[role].id])) findings.push(`${role}: ${f}`);
    }
    expect(findings).toEqual([]);
  });
});
