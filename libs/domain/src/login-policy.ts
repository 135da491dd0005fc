/** Account lockout and token lifetimes (issue: lock for 10 minutes after 5 failed attempts). */
export const LOGIN_POLICY = {
  maxFailedAttempts: 5,
  lockMinutes: 10,
  accessTokenSeconds: 15 * 60,
  refreshTokenDays: 7,
  minPasswordLength: 12,
} as const;

export interface LockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The lock state after one more failed attempt: the fifth failure in a row locks the account. */
export function afterFailedAttempt(state: LockState, now: Date): LockState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= LOGIN_POLICY.maxFailedAttempts) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000) };
  }
  return { failedAttempts, lockedUntil: state.lockedUntil };
}

/** Why a password is too weak, or null. Length beats composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string): string | null {
  if ([...password].length < LOGIN_POLICY.minPasswordLength) {
    return `must be at least ${LOGIN_POLICY.minPasswordLength} characters`;
  }
  if (password.length > 256) return 'must be at most 256 characters';
  return null;
}
