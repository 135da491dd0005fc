import { escapeLiteral, type Client as PgClient, type QueryResult } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { jitOffOn, statementTimeoutOf } from './data-source';

/** Who is acting: what row-level security sees through app.agency_id / app.user_id. */
export interface ActingContext {
  agencyId: string | null;
  userId: string | null;
  nationalAdmin?: boolean;
  /**
   * The acting user's roles (access table, libs/domain/access-policy.ts), which PostgreSQL reads through
   * app_roles(). Left out for a user-less context (a worker job acting for an agency): SYSTEM.
   */
  roles?: readonly string[];
  /** The sign-in session (refresh family) the caller's access token was issued for: checked to be still live. */
  sessionId?: string;
}

/** What app.roles holds for a job that acts for an agency without a user (worker, operator tools). */
export const SYSTEM_ROLE = 'SYSTEM';

/** The acting context's values, in the order ACTING_SQL numbers them. */
function actingValues(ctx: ActingContext): string[] {
  return [ctx.agencyId ?? '', ctx.userId ?? '', ctx.nationalAdmin ? 'on' : 'off', (ctx.roles ?? (ctx.userId ? [] : [SYSTEM_ROLE])).join(','), ctx.sessionId ?? ''];
}

/**
 * Sets the acting context for the current transaction only (set_config(..., true) is SET LOCAL), so a pooled
 * connection never carries one request's agency into the next. The acting user's active flag and whether their
 * session is still open come back in the same round trip (deactivation and ended sessions take effect at once).
 * `v(n)` writes the n-th value of actingValues (a parameter, or an escaped literal).
 */
const ACTING_SQL = (v: (n: number) => string) =>
  `SELECT set_config('app.agency_id', ${v(1)}, true), set_config('app.user_id', ${v(2)}, true),
          set_config('app.national_admin', ${v(3)}, true), set_config('app.roles', ${v(4)}, true),
          CASE WHEN ${v(2)} = '' THEN NULL ELSE auth_user_active(nullif(${v(2)}, '')::uuid) END AS active,
          CASE WHEN ${v(2)} = '' OR ${v(5)} = '' THEN true ELSE auth_session_live(nullif(${v(2)}, '')::uuid, nullif(${v(5)}, '')::uuid) END AS session_live`;

type ActingRow = { active: boolean | null; session_live: boolean | null };
const actingOf = (row: ActingRow) => ({ userActive: row.active === true, sessionLive: row.session_live === true });

/** Sets the acting agency, user and roles for the current (already open) transaction only. */
export async function setActingContext(manager: EntityManager, ctx: ActingContext): Promise<{ userActive: boolean; sessionLive: boolean }> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('setActingContext needs an open transaction: a session-wide setting would leak across requests');
  }
  const [row]: ActingRow[] = await manager.query(ACTING_SQL((n) => `$${n}`), actingValues(ctx));
  return actingOf(row);
}

/**
 * The data source's statement timeout (createDataSource's statementTimeoutMs) and, where it asked for that (`jit:
 * false`), JIT compilation off, as more set_configs of the acting select, for this transaction only; nothing when it
 * has neither (the worker, the linker). The timeout is a whole number of ms, checked by createDataSource, so it is
 * written as it is.
 */
function transactionSettingsSql(dataSource: DataSource): string {
  const ms = statementTimeoutOf(dataSource);
  return (ms ? `, set_config('statement_timeout', '${ms}ms', true) AS statement_timeout` : '') +
    (jitOffOn(dataSource) ? `, set_config('jit', 'off', true) AS jit` : '');
}

/**
 * Runs `work` in one transaction acting as `ctx`: everything commits together or nothing does. The transaction is
 * opened and the acting context set in ONE round trip (every request pays it): START TRANSACTION and the set_config
 * select go as one simple-protocol query, so the values travel as escaped literals (pg's escapeLiteral) rather than
 * parameters. TypeORM's query runner is then told its transaction is open (as its own startTransaction would), so
 * commit, rollback and nested transactions (savepoints) work through it as usual.
 *
 * A data source with a statement timeout gets it in that same select (SET LOCAL, as the acting context: it ends with
 * the transaction, so pgbouncer's transaction pooling hands the server connection on without it). It holds from the
 * next statement on: a statement running longer is cancelled by PostgreSQL (SQLSTATE 57014) and the transaction
 * rolls back here.
 */
export async function inAgencyTransaction<T>(
  dataSource: DataSource,
  ctx: ActingContext,
  work: (manager: EntityManager, acting: { userActive: boolean; sessionLive: boolean }) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    // What startTransaction would have set (set before the query: a failure in it must still roll back).
    Object.assign(runner as unknown as { isTransactionActive: boolean; transactionDepth: number }, { isTransactionActive: true, transactionDepth: 1 });
    const values = actingValues(ctx);
    const sql = `START TRANSACTION; ${ACTING_SQL((n) => escapeLiteral(values[n - 1] as string))}${transactionSettingsSql(dataSource)}`;
    const results = (await client.query(sql)) as unknown as QueryResult<ActingRow>[];
    const row = results[1]?.rows[0];
    if (!row) throw new Error('The acting context was not set');
    const result = await work(runner.manager, actingOf(row));
    await runner.commitTransaction();
    return result;
  } catch (e) {
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } catch {
      // the original error is the one to report
    }
    throw e;
  } finally {
    await runner.release();
  }
}

/**
 * The rows of a raw `manager.query`: TypeORM answers UPDATE/DELETE ... RETURNING with
 * [rows, affectedCount] but SELECT and INSERT with the rows alone.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
