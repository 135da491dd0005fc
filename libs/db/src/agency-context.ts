import type { DataSource, EntityManager } from 'typeorm';

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

/**
 * Sets the acting agency for the current transaction only (set_config(..., true) is SET LOCAL),
 * so a pooled connection never carries one request's agency into the next.
 */
export async function setActingContext(manager: EntityManager, ctx: ActingContext): Promise<{ userActive: boolean; sessionLive: boolean }> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('setActingContext needs an open transaction: a session-wide setting would leak across requests');
  }
  // The acting user's active flag and whether their session is still open come back in the same round trip
  // (deactivation and ended sessions take effect at once).
  const [row]: Array<{ active: boolean | null; session_live: boolean | null }> = await manager.query(
    `SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true),
            set_config('app.national_admin', $3, true), set_config('app.roles', $4, true),
            CASE WHEN $2 = '' THEN NULL ELSE auth_user_active(nullif($2, '')::uuid) END AS active,
            CASE WHEN $2 = '' OR $5 = '' THEN true ELSE auth_session_live(nullif($2, '')::uuid, nullif($5, '')::uuid) END AS session_live`,
    [ctx.agencyId ?? '', ctx.userId ?? '', ctx.nationalAdmin ? 'on' : 'off', (ctx.roles ?? (ctx.userId ? [] : [SYSTEM_ROLE])).join(','), ctx.sessionId ?? ''],
  );
  return { userActive: row.active === true, sessionLive: row.session_live === true };
}

/** Runs `work` in one transaction acting as `ctx`: everything commits together or nothing does. */
export function inAgencyTransaction<T>(
  dataSource: DataSource,
  ctx: ActingContext,
  work: (manager: EntityManager, acting: { userActive: boolean; sessionLive: boolean }) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const acting = await setActingContext(manager, ctx);
    return work(manager, acting);
  });
}

/**
 * The rows of a raw `manager.query`: TypeORM answers UPDATE/DELETE ... RETURNING with
 * [rows, affectedCount] but SELECT and INSERT with the rows alone.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
