import type { EntityManager } from 'typeorm';
import type { ChallengePurpose, SignInMethod } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import type { SqlRunner } from '../sso/sso-store';

/**
 * Sign-in (issues 12 and 15): the sign-in policy, the attempt counters and locks, second factors, recovery codes,
 * sign-in challenges and refresh sessions. Every function runs in the caller's transaction, acting as the user
 * (sign-in) or as an admin of the user's agency (resets); row-level security keeps both to their own rows. The
 * look-ups made before any agency is known (by a challenge or refresh token) take a `SqlRunner` and call SECURITY DEFINER
 * functions that return only what sign-in needs.
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

export interface SignInSettingsRow {
  second_factor_required_for_all: boolean;
  updated_at: Date;
}

/** The national centre's rule for everyone (sign_in_settings: one row). */
export async function nationalSignInSettings(m: EntityManager): Promise<SignInSettingsRow> {
  const [row] = rowsOf<SignInSettingsRow>(await m.query('SELECT second_factor_required_for_all, updated_at FROM sign_in_settings'));
  return row;
}

export async function setNationalSignInSettings(m: EntityManager, requiredForAll: boolean, updatedBy: string): Promise<SignInSettingsRow> {
  const [row] = rowsOf<SignInSettingsRow>(await m.query(
    'UPDATE sign_in_settings SET second_factor_required_for_all = $1, updated_at = now(), updated_by = $2 RETURNING second_factor_required_for_all, updated_at',
    [requiredForAll, updatedBy],
  ));
  return row;
}

/** Sign-in limits the attempt counters apply (LOGIN_POLICY of @caselink/domain). */
export interface AttemptPolicy {
  maxFailedAttempts: number;
  lockMinutes: number;
}

/**
 * Takes one sign-in attempt in one conditional UPDATE (parallel attempts line up on the row lock): the one that
 * reaches the limit sets the lock in the same statement. Null when the account is locked (the row was skipped);
 * `locks` when this attempt set the lock.
 */
export async function claimSignInAttempt(m: EntityManager, userId: string, p: AttemptPolicy): Promise<{ locked_until: Date | null; locks: boolean } | null> {
  const [row] = rowsOf<{ locked_until: Date | null; locks: boolean }>(await m.query(
    `UPDATE users SET
       failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
       locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
     WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
     RETURNING locked_until, coalesce(locked_until > now(), false) AS locks`,
    [userId, p.maxFailedAttempts, p.lockMinutes],
  ));
  return row ?? null;
}

/** The account's lock while it lasts (null: not locked). */
export async function activeLockOf(m: EntityManager, userId: string): Promise<Date | null> {
  const [row] = rowsOf<{ locked_until: Date }>(await m.query('SELECT locked_until FROM users WHERE id = $1 AND locked_until > now()', [userId]));
  return row?.locked_until ?? null;
}

/**
 * The right password gives its attempt back, without resetting the count of failures before the second step; an
 * attempt that set the lock lifts it, leaving the count at the last before the lock.
 */
export async function giveBackAttempt(m: EntityManager, userId: string, liftLock: boolean, maxFailedAttempts: number): Promise<void> {
  await m.query(
    `UPDATE users SET failed_attempts = CASE WHEN $2 THEN $3 - 1 ELSE greatest(failed_attempts - 1, 0) END,
                      locked_until = CASE WHEN $2 THEN NULL ELSE locked_until END
     WHERE id = $1`,
    [userId, liftLock, maxFailedAttempts],
  );
}

/** Failures forgotten and the lock lifted (a proven password); `signedIn` also notes the sign-in. */
export async function clearFailedAttempts(m: EntityManager, userId: string, opts: { signedIn?: boolean } = {}): Promise<void> {
  await m.query(`UPDATE users SET failed_attempts = 0, locked_until = NULL${opts.signedIn ? ', last_login_at = now()' : ''} WHERE id = $1`, [userId]);
}

/** An unknown e-mail's attempt, counted like a known one's (auth_claim_unknown_login_attempt(), by the e-mail's hash). */
export async function claimUnknownLoginAttempt(m: EntityManager, emailHash: Buffer, p: AttemptPolicy): Promise<{ was_locked: boolean; locked_until: Date | null }> {
  const [row] = rowsOf<{ was_locked: boolean; locked_until: Date | null }>(await m.query(
    'SELECT * FROM auth_claim_unknown_login_attempt($1, $2, $3)', [emailHash, p.maxFailedAttempts, p.lockMinutes],
  ));
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
  await deleteRecoveryCodes(m, userId);
  return factors.length;
}

export async function deleteRecoveryCodes(m: EntityManager, userId: string): Promise<void> {
  await m.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
}

export async function replaceRecoveryCodes(m: EntityManager, userId: string, agencyId: string, hashes: readonly Buffer[]): Promise<void> {
  await deleteRecoveryCodes(m, userId);
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

export type { ChallengePurpose };

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

/** A challenge as sign-in finds it by its token before any agency is known (live or not). */
export type FoundChallengeRow = Pick<ChallengeRow, 'id' | 'user_id' | 'agency_id' | 'purpose' | 'expires_at' | 'used_at'>;

/** auth_find_sign_in_challenge(), SECURITY DEFINER: in whichever agency. */
export async function findSignInChallenge(db: SqlRunner, tokenHash: Buffer): Promise<FoundChallengeRow | null> {
  const [row] = rowsOf<FoundChallengeRow>(await db.query('SELECT * FROM auth_find_sign_in_challenge($1)', [tokenHash]));
  return row ?? null;
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

/** A refresh token's session before any agency is known (auth_find_refresh_session(), SECURITY DEFINER), ended or not. */
export interface FoundSessionRow {
  id: string;
  user_id: string;
  agency_id: string;
  family_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  replaced_by: string | null;
  family_expires_at: Date;
  locked_at: Date | null;
  created_at: Date;
  method: SignInMethod;
}

export async function findRefreshSession(db: SqlRunner, tokenHash: Buffer): Promise<FoundSessionRow | null> {
  const [row] = rowsOf<FoundSessionRow>(await db.query('SELECT * FROM auth_find_refresh_session($1)', [tokenHash]));
  return row ?? null;
}

/**
 * Whether the user is still active in an active agency and the session (refresh family) still open, unlocked and
 * within its end: what a live connection checks before and while it runs (SECURITY DEFINER functions, no agency yet).
 */
export async function sessionStillLive(db: SqlRunner, userId: string, sessionId: string | null): Promise<boolean> {
  const [row] = rowsOf<{ ok: boolean }>(await db.query('SELECT auth_user_active($1) AND auth_session_live($1, $2) AS ok', [userId, sessionId]));
  return row?.ok === true;
}

/**
 * A new refresh token in `family_id`. The family's sign-in time carries over (a new family starts now); `replaces`,
 * on a rotation, points the refreshed row at this one in the same statement.
 */
export async function insertRefreshSession(
  m: EntityManager,
  s: {
    userId: string; agencyId: string; familyId: string; tokenHash: Buffer; expiresAt: Date; familyExpiresAt: Date; method: SignInMethod;
    clientAddress: string | null; userAgent: string | null; replaces?: string | null;
  },
): Promise<void> {
  await m.query(
    `WITH s AS (
       INSERT INTO refresh_sessions (user_id, agency_id, family_id, token_hash, expires_at, family_expires_at, method, client_address, user_agent, signed_in_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce((SELECT min(f.signed_in_at) FROM refresh_sessions f WHERE f.family_id = $3), now()))
       RETURNING id
     ), replaced AS (
       UPDATE refresh_sessions o SET replaced_by = s.id FROM s WHERE o.id = $10 RETURNING o.id
     )
     SELECT id FROM s`,
    [s.userId, s.agencyId, s.familyId, s.tokenHash, s.expiresAt, s.familyExpiresAt, s.method, s.clientAddress, s.userAgent, s.replaces ?? null],
  );
}

/**
 * Claims a refresh token's rotation in one conditional UPDATE: of two refreshes with one cookie, the second waits on
 * the row lock, then matches nothing.
 */
export async function claimRefreshRotation(m: EntityManager, sessionId: string): Promise<boolean> {
  const rows = rowsOf(await m.query(
    `UPDATE refresh_sessions SET revoked_at = now()
     WHERE id = $1 AND revoked_at IS NULL AND replaced_by IS NULL AND expires_at > now() AND locked_at IS NULL RETURNING id`,
    [sessionId],
  ));
  return rows.length === 1;
}

/** A refresh token's state as now committed (after a lost rotation claim). */
export async function refreshSessionState(
  m: EntityManager, sessionId: string,
): Promise<{ revoked_at: Date | null; replaced_by: string | null; locked_at: Date | null } | null> {
  const [row] = rowsOf<{ revoked_at: Date | null; replaced_by: string | null; locked_at: Date | null }>(await m.query(
    'SELECT revoked_at, replaced_by, locked_at FROM refresh_sessions WHERE id = $1', [sessionId],
  ));
  return row ?? null;
}

/** Ends every token of a family (a reused token, a switched-off account, a log-out), keeping earlier end times. */
export async function revokeFamily(m: EntityManager, familyId: string): Promise<void> {
  await m.query('UPDATE refresh_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1', [familyId]);
}
