import { QueryFailedError } from 'typeorm';

/** A unique constraint refused the write (two requests raced past the friendly pre-check). */
export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505';
