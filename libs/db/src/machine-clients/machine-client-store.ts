import type { EntityManager } from 'typeorm';
import type { AgencyKind, Role } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import type { SqlRunner } from '../sso/sso-store';

/**
 * Machine clients (issue 16 part 3, migration 1765940000000): an agency's admins list, create, rotate and revoke them
 * in their acting transaction (row-level security: only their own agency's, only as ADMIN); the token endpoint finds a
 * client and its secrets' hashes before any agency is acting (machine_client_credentials(), SECURITY DEFINER).
 */

/** A secret as its admins see it: never the hash. `expires_at` null: current with no end. */
export interface MachineClientSecretRow {
  id: string;
  hint: string;
  created_at: Date;
  expires_at: Date | null;
}

export interface MachineClientRow {
  id: string;
  agency_id: string;
  client_id: string;
  name: string;
  roles: Role[];
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
  /** Newest first; jsonb carries the timestamps as text (converted here). */
  secrets: MachineClientSecretRow[];
}

const SELECT_CLIENT = `
  SELECT c.id, c.agency_id, c.client_id, c.name, c.roles, c.created_by, u.display_name AS created_by_name, c.created_at, c.revoked_at,
         c.revoked_by, c.last_used_at,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'hint', s.hint, 'created_at', s.created_at, 'expires_at', s.expires_at)
                                    ORDER BY s.created_at DESC, s.id)
                   FROM machine_client_secrets s WHERE s.machine_client_id = c.id), '[]'::jsonb) AS secrets
  FROM machine_clients c LEFT JOIN users u ON u.id = c.created_by`;

const withSecrets = (rows: MachineClientRow[]): MachineClientRow[] =>
  rows.map((r) => ({
    ...r,
    secrets: r.secrets.map((s) => ({ ...s, created_at: new Date(s.created_at), expires_at: s.expires_at === null ? null : new Date(s.expires_at) })),
  }));

/** The agency's clients, newest first (revoked ones too when asked). */
export async function listMachineClients(m: EntityManager, f: { agencyId: string; includeRevoked: boolean }): Promise<MachineClientRow[]> {
  return withSecrets(rowsOf<MachineClientRow>(await m.query(
    `${SELECT_CLIENT} WHERE c.agency_id = $1 AND ($2 OR c.revoked_at IS NULL) ORDER BY c.created_at DESC, c.id`,
    [f.agencyId, f.includeRevoked],
  )));
}

/** One client the caller may see, optionally locked for a change (rotation and revocation line up on it). */
export async function machineClientById(m: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<MachineClientRow | null> {
  const [row] = withSecrets(rowsOf<MachineClientRow>(await m.query(`${SELECT_CLIENT} WHERE c.id = $1${opts.lock ? ' FOR UPDATE OF c' : ''}`, [id])));
  return row ?? null;
}

export interface NewMachineClient {
  /** Made by the caller: the client's id is also its account's id in users (no RETURNING: the account is hidden). */
  id: string;
  agencyId: string;
  clientId: string;
  name: string;
  roles: readonly Role[];
  createdBy: string;
  /** The account: its e-mail (machineAccountEmail) and the name its answers carry. */
  accountEmail: string;
  accountName: string;
  secretHash: string;
  secretHint: string;
}

/** Marks a password hash that no password matches: a client's account never signs in with a password. */
export const NO_PASSWORD = '!machine-client: no password sign-in';

/** The client, its account and its first secret, in one statement. */
export async function insertMachineClient(m: EntityManager, c: NewMachineClient): Promise<void> {
  await m.query(
    `WITH account AS (
       INSERT INTO users (id, agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, $6, $7, $5, $10)
     ), client AS (
       INSERT INTO machine_clients (id, agency_id, client_id, name, roles, created_by) VALUES ($1, $2, $3, $4, $5, $8)
     )
     INSERT INTO machine_client_secrets (machine_client_id, agency_id, secret_hash, hint, created_by) VALUES ($1, $2, $9, $11, $8)`,
    [c.id, c.agencyId, c.clientId, c.name, c.roles, c.accountEmail, c.accountName, c.createdBy, c.secretHash, NO_PASSWORD, c.secretHint],
  );
}

/**
 * A new secret; the client's other live secrets end at `oldUntil` (or earlier, if they already end before). Returns
 * how many old secrets were given that end.
 */
export async function rotateMachineClientSecret(
  m: EntityManager, r: { id: string; agencyId: string; createdBy: string; secretHash: string; secretHint: string; oldUntil: Date },
): Promise<number> {
  const [row] = rowsOf<{ ended: number }>(await m.query(
    `WITH ended AS (
       UPDATE machine_client_secrets SET expires_at = $5
       WHERE machine_client_id = $1 AND (expires_at IS NULL OR expires_at > $5) RETURNING id
     ), added AS (
       INSERT INTO machine_client_secrets (machine_client_id, agency_id, secret_hash, hint, created_by) VALUES ($1, $2, $3, $4, $6)
     )
     SELECT count(*)::int AS ended FROM ended`,
    [r.id, r.agencyId, r.secretHash, r.secretHint, r.oldUntil, r.createdBy],
  ));
  return row.ended;
}

/** Revokes the client (once; the database switches its account off and ends its secrets). False when already revoked. */
export async function revokeMachineClient(m: EntityManager, id: string, revokedBy: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(await m.query(
    'UPDATE machine_clients SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, revokedBy],
  ));
  return rows.length > 0;
}

/** What the token endpoint learns of a client by its client_id (machine_client_credentials(), SECURITY DEFINER). */
export interface MachineClientCredentialsRow {
  id: string;
  agency_id: string;
  agency_kind: AgencyKind;
  agency_active: boolean;
  email: string;
  name: string;
  roles: Role[];
  revoked_at: Date | null;
  /** The current secrets first (newest first), then the ones rotated out last; at most four. */
  secrets: Array<{ id: string; hash: string; current: boolean }>;
}

export async function machineClientCredentials(db: SqlRunner, clientId: string): Promise<MachineClientCredentialsRow | null> {
  const [row] = rowsOf<MachineClientCredentialsRow>(await db.query('SELECT * FROM machine_client_credentials($1)', [clientId]));
  return row ?? null;
}

/** Notes that the acting client was just issued a token (machine_client_used(): only the client itself, acting). */
export async function markMachineClientUsed(m: EntityManager, id: string): Promise<void> {
  await m.query('SELECT machine_client_used($1)', [id]);
}
