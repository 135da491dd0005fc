import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/**
 * In-app notifications (issue 15): the api's list, count and read marks and the notifications worker's writes.
 * Each function runs in the caller's acting transaction: row-level security shows a user their own notifications
 * only and lets a job write to its own agency's users only. A dedupe key per occasion and recipient makes a second
 * delivery of the same job write nothing.
 */

/** A row of notifications as PostgreSQL returns it. */
export interface NotificationRow {
  id: string;
  agency_id: string;
  user_id: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupe_key: string;
  created_at: Date;
  read_at: Date | null;
}

/** A notification as written: whom it reached and when (for the live push). */
export interface DeliveredNotificationRow {
  id: string;
  user_id: string;
  created_at: Date;
}

export interface NotificationListFilter {
  userId: string;
  unreadOnly: boolean;
  /** Keyset: rows after this notification in the order (newest first). */
  afterId?: string | null;
  limit: number;
  /** Count every matching row too (costs a statement: only when asked for). */
  withTotal: boolean;
}

/** One page of the user's notifications, newest first, and how many match in all (-1 when not counted). */
export async function listNotifications(m: EntityManager, f: NotificationListFilter): Promise<{ rows: NotificationRow[]; total: number }> {
  const params: unknown[] = [f.userId];
  const where = ['n.user_id = $1'];
  if (f.unreadOnly) where.push('n.read_at IS NULL');
  let total = -1;
  if (f.withTotal) [{ total }] = rowsOf<{ total: number }>(await m.query(`SELECT count(*)::int AS total FROM notifications n WHERE ${where.join(' AND ')}`, params));
  if (f.afterId) {
    params.push(f.afterId);
    where.push(`(n.created_at, n.id) < (SELECT c.created_at, c.id FROM notifications c WHERE c.id = $${params.length})`);
  }
  params.push(f.limit);
  const rows = rowsOf<NotificationRow>(await m.query(
    `SELECT n.* FROM notifications n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`, params,
  ));
  return { rows, total };
}

export async function unreadNotificationCount(m: EntityManager, userId: string): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(await m.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]));
  return n;
}

/** Marks the user's notification read (once: an earlier read mark stays) and answers it; null when it is not theirs. */
export async function markNotificationRead(m: EntityManager, id: string, userId: string): Promise<NotificationRow | null> {
  const [row] = rowsOf<NotificationRow>(await m.query(
    `WITH marked AS (
       UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL RETURNING *
     )
     SELECT * FROM marked
     UNION ALL
     SELECT * FROM notifications WHERE id = $1 AND user_id = $2 AND NOT EXISTS (SELECT 1 FROM marked)`,
    [id, userId],
  ));
  return row ?? null;
}

export interface AgencyNotice {
  agencyId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** The occasion: each recipient's key is this and their user id. */
  dedupeKey: string;
  /** Who hears of it: the agency's active users holding any of these roles. */
  roles: readonly string[];
}

/** Tells the agency's active users in `roles`, once per occasion and user. */
export async function notifyAgencyRoles(m: EntityManager, n: AgencyNotice): Promise<DeliveredNotificationRow[]> {
  return rowsOf<DeliveredNotificationRow>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT $1, u.id, $2, $3::jsonb, $4 || ':' || u.id
     FROM users u WHERE u.agency_id = $1 AND u.active AND u.roles && $5::text[]
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, user_id, created_at`,
    [n.agencyId, n.kind, JSON.stringify(n.payload), n.dedupeKey, n.roles],
  ));
}

/** Tells one active user of the agency, once per occasion (`dedupeKey` as given). */
export async function notifyUser(
  m: EntityManager, n: { agencyId: string; userId: string; kind: string; payload: Record<string, unknown>; dedupeKey: string },
): Promise<DeliveredNotificationRow[]> {
  return rowsOf<DeliveredNotificationRow>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT $1, u.id, $2, $3::jsonb, $4 FROM users u WHERE u.id = $5 AND u.agency_id = $1 AND u.active
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, user_id, created_at`,
    [n.agencyId, n.kind, JSON.stringify(n.payload), n.dedupeKey, n.userId],
  ));
}
