import { AppError } from '../common/errors';

/** Which count was over: the client's address, the account signing in, or the signed-in user (queries). */
export type LimitedBy = 'IP' | 'ACCOUNT' | 'USER';

/** TOO_MANY_REQUESTS with when to try again; the filter and the error formatter turn it into 429 + Retry-After. */
export function tooManyRequests(en: string, zh: string, limit: LimitedBy, retryAfterSeconds: number): AppError {
  return new AppError(
    'TOO_MANY_REQUESTS',
    `${en}; try again in ${retryAfterSeconds} s · ${zh}，请 ${retryAfterSeconds} 秒后再试`,
    { reason: 'RATE_LIMITED', limit, retryAfterSeconds },
  );
}
