import { GraphQLError } from 'graphql';

/** Stable error codes clients can switch on (extensions.code). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'GONE'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'TIMEOUT'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** A bad value, naming the field (dotted path such as "input.email") and why. */
export const badInput = (field: string, why: string): AppError =>
  new AppError('BAD_USER_INPUT', `${field}: ${why}`, { field });

export const unauthenticated = (message = 'You must be signed in', extensions: Record<string, unknown> = {}): AppError =>
  new AppError('UNAUTHENTICATED', message, extensions);

export const forbidden = (message = 'You may not do this'): AppError => new AppError('FORBIDDEN', message);

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} was not found`, { entity: what, id });

/** It was there and is no more (a file purged under its retention rule): its record stays. */
export const gone = (message: string, extensions: Record<string, unknown> = {}): AppError => new AppError('GONE', message, extensions);

export const conflict = (message: string, extensions: Record<string, unknown> = {}): AppError =>
  new AppError('CONFLICT', message, extensions);

/**
 * PostgreSQL stopped a statement of the request (the api's DATABASE_STATEMENT_TIMEOUT_MS, SQLSTATE 57014); the
 * request's transaction rolled back, so nothing was changed. HTTP 504 on REST routes, without Retry-After: the same
 * request would run as long again, so it is the request that must change (a narrower filter), not the moment.
 * Reason STATEMENT_TIMEOUT with timeoutSeconds; QUERY_CANCELED when there is no limit to name (`timeoutMs` undefined:
 * stopped otherwise, by an operator's pg_cancel_backend).
 */
export function statementTimedOut(timeoutMs: number | undefined): AppError {
  if (!timeoutMs) {
    return new AppError('TIMEOUT', 'The query was stopped before it finished; narrow the filter and try again · 查询未完成即被中止；请缩小筛选范围后重试', {
      reason: 'QUERY_CANCELED',
    });
  }
  const seconds = timeoutMs / 1000;
  return new AppError(
    'TIMEOUT',
    `The query took longer than ${seconds} s and was stopped; narrow the filter and try again · 查询超过 ${seconds} 秒未完成，已被中止；请缩小筛选范围后重试`,
    { reason: 'STATEMENT_TIMEOUT', timeoutSeconds: seconds },
  );
}
