import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { SANE_REQUEST_ID } from '@caselink/db';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Defence in depth: nothing logs headers or bodies on purpose (request lines carry method, path, status, operation
 * and ids only), but should an object with them reach a log call, tokens, cookies and GraphQL variables are censored.
 */
export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie',
  'headers["set-cookie"]', 'authorization', 'cookie', '*.authorization', '*.cookie', 'variables', '*.variables', 'body', '*.body',
  'password', '*.password', 'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken',
  // Database errors carry the statement's parameters and, for constraint violations, the offending values.
  '*.parameters', '*.detail', '*.driverError', 'err.parameters', 'err.detail', 'err.driverError',
];

/** A request as logged: no headers, no query string (an sign-on callback's code or a search term would be in it). */
function requestSerializer(req: { method?: string; url?: string }): { method?: string; path?: string } {
  return { method: req.method, path: req.url?.split('?')[0] };
}

/** JSON lines (level as a word, epoch-ms time, msg) on stdout, or on `destination` (tests). */
export function createLogger(service: 'api' | 'worker', level: LogLevel, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    serializers: { req: requestSerializer, err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Fastify's genReqId: a sane incoming x-request-id (a proxy's or the portal's) is kept, else a new one is made. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
