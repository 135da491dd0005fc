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
