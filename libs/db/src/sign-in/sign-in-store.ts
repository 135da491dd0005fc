import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/**
 * Second factors, recovery codes, sign-in challenges and sessions (issue 12). Every function runs in the caller's
 * transaction, acting as the user (sign-in) or as an admin of the user's agency (resets); row-level security keeps
 * both to their own rows.
 */

export interface SignInPolicyRow {
  agency_active: boolean;
  agency_requires: boolean;
  national_requires: boolean;
  idle_lock_minutes: number;
  session_hours: number;
}

export async function signInPolicyOf(m: EntityManager, agencyId: string): Promise<SignInPolicyRow> {
  const [row] = rowsOf<SignInPolicyRow>(await m.query(
    `SELECT a.active AS agency_active, a.second_factor_required AS agency_requires, s.second_factor_required_for_all AS national_requires,
            a.idle_lock_minutes, a.session_hours
     FROM agencies a CROSS JOIN sign_in_settings s WHERE a.id = $1`,
    [agencyId],
  ));
  if (!row) throw new Error(`agency ${agencyId} is not visible here`);
  return row;
}

export interface SecondFactorRow {
  id: string;
  user_id: string;
  kind: 'TOTP' | 'PASSKEY';
  label: string;
  totp_secret: Buffer | null;
  totp_last_step: string | null;
  credential_id: string | null;
  public_key: Buffer | null;
  sign_count: string | null;
  transports: string[] | null;
  created_at: Date;
  last_used_at: Date | null;
}

export async function secondFactorsOf(m: EntityManager, userId: string): Promise<SecondFactorRow[]> {
  return rowsOf<SecondFactorRow>(await m.query('SELECT * FROM second_factors WHERE user_id = $1 ORDER BY created_at, id', [userId]));
}

/** Kinds each user of the list has enrolled (for the admin's user list). */
export async function factorKindsOf(m: EntityManager, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = rowsOf<{ user_id: string; kinds: string[] }>(await m.query(
    'SELECT user_id, array_agg(DISTINCT kind ORDER BY kind) AS kinds FROM second_factors WHERE user_id = ANY($1::uuid[]) GROUP BY user_id',
    [userIds],
  ));
  return new Map(rows.map((r) => [r.user_id, r.kinds]));
}

export async function insertTotpFactor(m: EntityManager, f: { userId: string; agencyId: string; label: string; secret: Buffer; step: number }): Promise<SecondFactorRow> {
  const [row] = rowsOf<SecondFactorRow>(await m.query(
    `INSERT INTO second_factors (user_id, agency_id, kind, label, totp_secret, totp_last_step, last_used_at)
     VALUES ($1, $2, 'TOTP', $3, $4, $5, now()) RETURNING *`,
    [f.userId, f.agencyId, f.label, f.secret, f.step],
  ));
  return row;
}

export async function insertPasskey(
  m: EntityManager,
  f: { userId: string; agencyId: string; label: string; credentialId: string; publicKey: Buffer; signCount: number; transports: string[] },
): Promise<SecondFactorRow> {
  const [row] = rowsOf<SecondFactorRow>(await m.query(
    `INSERT INTO second_factors (user_id, agency_id, kind, label, credential_id, public_key, sign_count, transports)
     VALUES ($1, $2, 'PASSKEY', $3, $4, $5, $6, $7) RETURNING *`,
    [f.userId, f.agencyId, f.label, f.credentialId, f.publicKey, f.signCount, f.transports],
  ));
  return row;
}

/**
 * Takes a TOTP time step for this factor: only a step later than the last one used succeeds, so one code (or an
 * older one) is accepted once even by two parallel requests (they line up on the row lock).
 */
export async function claimTotpStep(m: EntityManager, factorId: string, step: number): Promise<boolean> {
  const rows = rowsOf(await m.query(
    `UPDATE second_factors SET totp_last_step = $2, last_used_at = now()
     WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    [factorId, step],
  ));
  return rows.length === 1;
}

/**
 * A passkey's use: its signature counter must move forward when the authenticator keeps one (many passkeys always
 * send 0); one conditional UPDATE, so of two parallel uses with one counter value only one succeeds.
 */
export async function recordPasskeyUse(m: EntityManager, factorId: string, newCount: number): Promise<boolean> {
  const rows = rowsOf(await m.query(
    'UPDATE second_factors SET sign_count = $2, last_used_at = now() WHERE id = $1 AND ($2 = 0 OR sign_count < $2) RETURNING id',
    [factorId, newCount],
  ));
  return rows.length === 1;
}

export async function deleteSecondFactor(m: EntityManager, userId: string, factorId: string): Promise<SecondFactorRow | null> {
  const [row] = rowsOf<SecondFactorRow>(await m.query('DELETE FROM second_factors WHERE id = $1 AND user_id = $2 RETURNING *', [factorId, userId]));
  return row ?? null;
}

/** An admin's reset: every factor and recovery code of the user; returns how many factors went. */
export async function deleteAllSecondFactors(m: EntityManager, userId: string): Promise<number> {
  const factors = rowsOf(await m.query('DELETE FROM second_factors WHERE user_id = $1 RETURNING id', [userId]));
  await m.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  return factors.length;
}

export async function replaceRecoveryCodes(m: EntityManager, userId: string, agencyId: string, hashes: readonly Buffer[]): Promise<void> {
  await m.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  await m.query(
    'INSERT INTO recovery_codes (user_id, agency_id, code_hash) SELECT $1, $2, h FROM unnest($3::bytea[]) AS h',
    [userId, agencyId, hashes],
  );
}

/** Spends a recovery code once (parallel uses of one code: one wins). */
export async function spendRecoveryCode(m: EntityManager, userId: string, hash: Buffer): Promise<boolean> {
  const rows = rowsOf(await m.query(
    'UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id',
    [userId, hash],
  ));
  return rows.length === 1;
}

export async function recoveryCodesLeft(m: EntityManager, userId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await m.query('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]));
  return row.n;
}

export type ChallengePurpose = 'SECOND_FACTOR' | 'TOTP_ENROLMENT' | 'PASSKEY_REGISTRATION' | 'PASSKEY_SIGN_IN' | 'UNLOCK';

export interface ChallengeRow {
  id: string;
  user_id: string;
  agency_id: string;
  purpose: ChallengePurpose;
  webauthn_challenge: string | null;
  totp_secret: Buffer | null;
  expires_at: Date;
  used_at: Date | null;
}

export async function createChallenge(
  m: EntityManager,
  c: { userId: string; agencyId: string; purpose: ChallengePurpose; tokenHash: Buffer; minutes: number; webauthnChallenge?: string; totpSecret?: Buffer },
): Promise<ChallengeRow> {
  // Expired challenges of this user go first, so the table holds only live ones.
  await m.query('DELETE FROM sign_in_challenges WHERE user_id = $1 AND (expires_at < now() OR used_at IS NOT NULL)', [c.userId]);
  const [row] = rowsOf<ChallengeRow>(await m.query(
    `INSERT INTO sign_in_challenges (token_hash, user_id, agency_id, purpose, webauthn_challenge, totp_secret, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7)) RETURNING *`,
    [c.tokenHash, c.userId, c.agencyId, c.purpose, c.webauthnChallenge ?? null, c.totpSecret ?? null, c.minutes],
  ));
  return row;
}

/** A live challenge by its token (not spent): for checks that may fail and be tried again. */
export async function liveChallenge(m: EntityManager, tokenHash: Buffer, purpose: ChallengePurpose): Promise<ChallengeRow | null> {
  const [row] = rowsOf<ChallengeRow>(await m.query(
    'SELECT * FROM sign_in_challenges WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()',
    [tokenHash, purpose],
  ));
  return row ?? null;
}

export async function setWebauthnChallenge(m: EntityManager, challengeId: string, webauthnChallenge: string): Promise<void> {
  await m.query('UPDATE sign_in_challenges SET webauthn_challenge = $2 WHERE id = $1', [challengeId, webauthnChallenge]);
}

/** Spends a challenge: of two requests carrying it, exactly one gets true. */
export async function spendChallenge(m: EntityManager, challengeId: string): Promise<boolean> {
  const rows = rowsOf(await m.query(
    'UPDATE sign_in_challenges SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id',
    [challengeId],
  ));
  return rows.length === 1;
}

/** The user's latest live challenge of one purpose (signed-in flows: enrolment, registration). */
export async function latestChallenge(m: EntityManager, userId: string, purpose: ChallengePurpose): Promise<ChallengeRow | null> {
  const [row] = rowsOf<ChallengeRow>(await m.query(
    `SELECT * FROM sign_in_challenges WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
     ORDER BY created_at DESC LIMIT 1`,
    [userId, purpose],
  ));
  return row ?? null;
}

export interface SessionRow {
  id: string;
  family_id: string;
  method: string;
  signed_in_at: Date;
  created_at: Date;
  expires_at: Date;
  family_expires_at: Date;
  client_address: string | null;
  user_agent: string | null;
  locked_at: Date | null;
}

/** One row per open session (the family's current refresh token). */
export async function openSessionsOf(m: EntityManager, userId: string): Promise<SessionRow[]> {
  return rowsOf<SessionRow>(await m.query(
    `SELECT id, family_id, method, signed_in_at, created_at, expires_at, family_expires_at, client_address, user_agent, locked_at
     FROM refresh_sessions
     WHERE user_id = $1 AND revoked_at IS NULL AND replaced_by IS NULL AND expires_at > now()
     ORDER BY signed_in_at DESC`,
    [userId],
  ));
}

/** Ends the user's sessions (one family, or all but `exceptFamily`); returns the families ended. */
export async function endSessions(
  m: EntityManager, userId: string, reason: string, only?: { familyId?: string; exceptFamily?: string },
): Promise<string[]> {
  const rows = rowsOf<{ family_id: string }>(await m.query(
    `UPDATE refresh_sessions SET revoked_at = now(), ended_reason = $2
     WHERE user_id = $1 AND revoked_at IS NULL
       AND ($3::uuid IS NULL OR family_id = $3) AND ($4::uuid IS NULL OR family_id <> $4)
     RETURNING family_id`,
    [userId, reason, only?.familyId ?? null, only?.exceptFamily ?? null],
  ));
  return [...new Set(rows.map((r) => r.family_id))];
}

export async function setSessionLock(m: EntityManager, familyId: string, locked: boolean): Promise<number> {
  const rows = rowsOf(await m.query(
    `UPDATE refresh_sessions SET locked_at = CASE WHEN $2 THEN coalesce(locked_at, now()) END
     WHERE family_id = $1 AND revoked_at IS NULL AND replaced_by IS NULL RETURNING id`,
    [familyId, locked],
  ));
  return rows.length;
}
