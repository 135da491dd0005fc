import { afterFailedAttempt, isLocked, LOGIN_POLICY, passwordProblem } from './login-policy';

describe('login policy', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('locks on the fifth failure in a row for ten minutes', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) state = afterFailedAttempt(state, now);
    expect(state).toEqual({ failedAttempts: 4, lockedUntil: null });
    state = afterFailedAttempt(state, now);
    expect(state.lockedUntil?.toISOString()).toBe('2026-11-22T10:10:00.000Z');
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date('2026-11-22T10:10:01Z'))).toBe(false);
    expect(LOGIN_POLICY.maxFailedAttempts).toBe(5);
  });

  it('asks for long passwords, counting characters not bytes', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('反诈协同平台密码足够长的')).toBeNull();
    expect(passwordProblem('x'.repeat(300))).toMatch(/at most/);
  });
});
