import type { EntityManager } from 'typeorm';
import type { Role } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import type { AgencyRow, KeysetPage } from '../agencies/agency-store';
import type { SqlRunner } from '../sso/sso-store';

/**
 * Users (issue 15): every statement on users but the sign-in counters (sign-in-store), for the admin's user
 * management, the user's own account, sign-in and single sign-on. Every function runs in the caller's acting
 * transaction (row-level security: one's own agency's users, every agency's to the national admin; changes only in
 * one's own agency), except the SECURITY DEFINER look-ups that sign-in makes before any agency is known.
 */

/** A row of users as PostgreSQL returns it, with its agency; never the password hash (passwordHashOf). */
export interface UserRow {
  id: string;
  agency_id: string;
  /** Stored lower-cased; unique across all agencies (sign-in is by e-mail alone). */
  email: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  agency: AgencyRow;
}

// The agency comes in the same row (a join, never a second statement per user); jsonb carries its timestamp as text.
const SELECT_USER = `SELECT u.id, u.agency_id, u.email, u.display_name, u.roles, u.active, u.failed_attempts, u.locked_until, u.last_login_at,
         u.password_changed_at, u.created_at, u.updated_at, to_jsonb(a) AS agency
  FROM users u JOIN agencies a ON a.id = u.agency_id`;
const withAgency = (rows: UserRow[]): UserRow[] =>
  rows.map((u) => ({ ...u, agency: { ...u.agency, created_at: new Date(u.agency.created_at) } }));

export async function userById(m: EntityManager, id: string): Promise<UserRow | null> {
  const [row] = withAgency(rowsOf<UserRow>(await m.query(`${SELECT_USER} WHERE u.id = $1`, [id])));
  return row ?? null;
}

/** One page of an agency's users, newest first, and how many there are in all. */
export async function listUsers(
  m: EntityManager, f: KeysetPage & { agencyId: string; includeInactive: boolean },
): Promise<{ rows: UserRow[]; total: number }> {
  const [{ n }] = rowsOf<{ n: number }>(await m.query(
    'SELECT count(*)::int AS n FROM users u WHERE u.agency_id = $1 AND ($2 OR u.active)', [f.agencyId, f.includeInactive],
  ));
  const rows = withAgency(rowsOf<UserRow>(await m.query(
    `${SELECT_USER}
     WHERE u.agency_id = $1 AND ($2 OR u.active)
       AND ($3::uuid IS NULL OR (u.created_at, u.id) < (SELECT c.created_at, c.id FROM users c WHERE c.id = $3))
     ORDER BY u.created_at DESC, u.id DESC LIMIT $4`,
    [f.agencyId, f.includeInactive, f.afterId, f.limit],
  )));
  return { rows, total: n };
}

/** What sign-in learns of an account by its e-mail (auth_find_user_by_email(), SECURITY DEFINER: any agency). */
export interface FoundUserRow {
  id: string;
  agency_id: string;
  password_hash: string;
  active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  agency_active: boolean;
}

export async function findUserByEmail(db: SqlRunner, email: string): Promise<FoundUserRow | null> {
  const [row] = rowsOf<FoundUserRow>(await db.query('SELECT * FROM auth_find_user_by_email($1)', [email]));
  return row ?? null;
}

/** The agency of an active user, in whichever agency (user_agency(), SECURITY DEFINER); null when inactive or unknown. */
export async function userAgencyOf(db: SqlRunner, userId: string): Promise<string | null> {
  const [row] = rowsOf<{ agency_id: string | null }>(await db.query('SELECT agency_id FROM user_agency($1) AS agency_id', [userId]));
  return row?.agency_id ?? null;
}

export async function passwordHashOf(m: EntityManager, userId: string): Promise<string | null> {
  const [row] = rowsOf<{ password_hash: string }>(await m.query('SELECT password_hash FROM users WHERE id = $1', [userId]));
  return row?.password_hash ?? null;
}

/** A new user (an admin's, or single sign-on's provisioning); returns its id. */
export async function insertUser(
  m: EntityManager, u: { agencyId: string; email: string; displayName: string; roles: readonly Role[]; passwordHash: string },
): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await m.query(
    'INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [u.agencyId, u.email, u.displayName, u.roles, u.passwordHash],
  ));
  return row.id;
}

export async function setUserActive(m: EntityManager, id: string, active: boolean): Promise<void> {
  await m.query('UPDATE users SET active = $2, updated_at = now() WHERE id = $1', [id, active]);
}

export async function setUserRoles(m: EntityManager, id: string, roles: readonly Role[]): Promise<void> {
  await m.query('UPDATE users SET roles = $2, updated_at = now() WHERE id = $1', [id, roles]);
}

/** An admin's reset: a new password, and the account unlocked. */
export async function resetUserPassword(m: EntityManager, id: string, passwordHash: string): Promise<void> {
  await m.query('UPDATE users SET password_hash = $2, failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE id = $1', [id, passwordHash]);
}

/** The acting user's own new password (account_set_own_password(): the users policy lets a user change only their counters). */
export async function setOwnPassword(m: EntityManager, passwordHash: string): Promise<void> {
  await m.query('SELECT account_set_own_password($1)', [passwordHash]);
}
