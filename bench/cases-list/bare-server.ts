import Fastify from 'fastify';
import { Pool } from 'pg';
import { PAGE_SIZE } from './query';

/**
 * The same rows as the GraphQL case-list query, served by Fastify and pg with nothing between: one
 * transaction acting as the user (agency, user and roles, as the api sets them: row-level security holds here too),
 * three queries, one JSON.
 */
const pool = new Pool({ connectionString: process.env['BENCH_DATABASE_URL'], max: 10 });
const agencyId = process.env['BENCH_AGENCY_ID'] as string;
const userId = process.env['BENCH_USER_ID'] as string;
const roles = process.env['BENCH_ROLES'] as string;
const app = Fastify();

app.get('/cases', async () => {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)", [agencyId, userId, roles]);
    const cases = await c.query(
      // As the api's list: archive records (closed cases kept for the record, e.g. the judgments) only when asked for.
      `SELECT id, case_number, title, fraud_type, status, total_loss, reported_on FROM cases WHERE NOT archived ORDER BY created_at DESC, id DESC LIMIT ${PAGE_SIZE}`,
    );
    const ids = cases.rows.map((r) => r.id);
    const statements = await c.query(
      `SELECT s.id, s.case_id, s.reported_loss, s.narrative, v.name, v.phone_masked FROM victim_statements s JOIN victims v ON v.id = s.victim_id
       WHERE s.case_id = ANY ($1) ORDER BY s.created_at, s.id`,
      [ids],
    );
    const transfers = await c.query('SELECT statement_id, to_account, amount FROM transfers WHERE case_id = ANY ($1) ORDER BY occurred_at', [ids]);
    await c.query('COMMIT');
    const byStatement = new Map<string, Array<{ toAccount: string; amount: string }>>();
    for (const t of transfers.rows) byStatement.set(t.statement_id, [...(byStatement.get(t.statement_id) ?? []), { toAccount: t.to_account, amount: t.amount }]);
    const byCase = new Map<string, unknown[]>();
    for (const s of statements.rows) {
      byCase.set(s.case_id, [...(byCase.get(s.case_id) ?? []), {
        id: s.id, reportedLoss: s.reported_loss, narrative: s.narrative, victim: { name: s.name, phone: s.phone_masked }, transfers: byStatement.get(s.id) ?? [],
      }]);
    }
    return {
      cases: cases.rows.map((r) => ({
        id: r.id, caseNumber: r.case_number, title: r.title, fraudType: r.fraud_type, status: r.status, totalLoss: r.total_loss,
        reportedOn: r.reported_on, statements: byCase.get(r.id) ?? [],
      })),
    };
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
});

app.listen({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 4301) }).then(() => console.log('bare server ready'));
