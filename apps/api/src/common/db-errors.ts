import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

/** A unique constraint refused the write (two requests raced past the friendly pre-check). */
export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505';

/**
 * PostgreSQL cancelled the statement (57014 query_canceled): the statement timeout the api sets per transaction
 * (DATABASE_STATEMENT_TIMEOUT_MS), or an operator's pg_cancel_backend. A statement run through TypeORM fails with a
 * QueryFailedError around pg's error; the first query of inAgencyTransaction runs on pg's client itself.
 */
export const isQueryCanceled = (e: unknown): boolean =>
  (e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : e instanceof DatabaseError ? e.code : undefined) === '57014';
