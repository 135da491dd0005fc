import { Logger } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, GraphQLFormattedError, NoSchemaIntrospectionCustomRule, ValidationContext } from 'graphql';
import { QueryFailedError } from 'typeorm';
import type { ExecutionResult } from 'graphql';
import type { ErrorCode } from './errors';

const log = new Logger('GraphQL');

export interface HardeningLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  production: boolean;
}

/** Marks a refusal by the armor rules so the client sees QUERY_TOO_COMPLEX rather than a generic failure. */
const tooComplex = [(_: ValidationContext | null, error: GraphQLError) => {
  (error.extensions as Record<string, unknown>)['code'] = 'QUERY_TOO_COMPLEX';
}];

/** Validation rules that refuse hostile documents before anything executes. */
export function hardeningRules(limits: HardeningLimits) {
  const rules = [
    maxDepthRule({ n: limits.maxDepth, onReject: tooComplex, exposeLimits: true, ignoreIntrospection: false }),
    maxAliasesRule({ n: limits.maxAliases, onReject: tooComplex, exposeLimits: true }),
    costLimitRule({ maxCost: limits.maxCost, onReject: tooComplex, exposeLimits: true }),
  ];
  return limits.production ? [...rules, NoSchemaIntrospectionCustomRule] : rules;
}

const HTTP_CODES: Record<number, ErrorCode> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };

/**
 * One shape for every error: a stable extensions.code, a message meant for people, and never a
 * stack trace or an internal message (those go to the log).
 */
export function formatError(error: GraphQLError, production: boolean): GraphQLFormattedError {
  const original = error.originalError;
  const base = { message: error.message, locations: error.locations, path: error.path };
  const code = error.extensions?.['code'];
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // graphql-armor prefixes its refusals with "Syntax Error: ", which they are not.
    return { ...base, message: error.message.replace(/^Syntax Error: /, ''), extensions: { ...error.extensions } };
  }
  const status = httpStatusOf(error);
  if (status !== undefined) {
    // Refused by Fastify before GraphQL ran (body too large, malformed JSON, ...).
    return { ...base, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } };
  }
  if (original instanceof HttpException) {
    return { ...base, extensions: { code: HTTP_CODES[original.getStatus()] ?? 'BAD_USER_INPUT' } };
  }
  if (isDatabaseRefusal(original)) {
    // The second wall refused what the service let through: clear for the user, loud in the log (a missed check).
    log.warn(`${error.path?.join('.') ?? 'request'}: PostgreSQL refused: ${original?.message}`);
    return { ...base, message: DATABASE_REFUSAL, extensions: { code: 'FORBIDDEN', reason: 'DATABASE_POLICY' } };
  }
  if (!original) {
    // Syntax and validation errors of the document itself. Suggestions leak the schema in production.
    const message = production ? error.message.replace(/ ?Did you mean .*\?$/, '') : error.message;
    return { ...base, message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  log.error(`${error.path?.join('.') ?? 'request'}: ${original.stack ?? original.message}`);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export const DATABASE_REFUSAL = 'The database refused this for your agency or role; nothing was changed · 数据库按本机构或角色的权限拒绝了此操作，未作任何更改';

/** Row-level security, a column grant or a guard trigger said no (42501); the request's transaction rolled back. */
export const isDatabaseRefusal = (e: unknown): boolean => e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '42501';

/** The 4xx status of an error Fastify raised while reading the request, if it is one. */
function httpStatusOf(error: GraphQLError): number | undefined {
  const status = (error.originalError as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Mercurius errorFormatter: flattens its wrapped validation errors, formats each. */
export function mercuriusErrorFormatter(production: boolean) {
  return (execution: ExecutionResult & { errors: readonly GraphQLError[] }) => {
    const flat = execution.errors.flatMap((e) => {
      const inner = (e.originalError as { errors?: unknown } | undefined)?.errors;
      return Array.isArray(inner) ? (inner as GraphQLError[]) : [e];
    });
    const errors = flat.map((e) => formatError(e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message)), production));
    const requestStatus = flat.map((e) => (e instanceof GraphQLError ? httpStatusOf(e) : undefined)).find((s) => s !== undefined);
    const documentRefused = !execution.data && errors.every((e) => e.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED' || e.extensions?.['code'] === 'QUERY_TOO_COMPLEX');
    // Refused by an abuse limit and nothing else: 429 (Retry-After is set where the refusal was raised).
    // (login is nullable, so a refused log-in comes back as { login: null }: no field answered either.)
    const answeredNothing = !execution.data || Object.values(execution.data).every((v) => v === null);
    const limited = errors.length > 0 && answeredNothing && errors.every((e) => e.extensions?.['code'] === 'TOO_MANY_REQUESTS');
    return { statusCode: requestStatus ?? (documentRefused ? 400 : limited ? 429 : 200), response: { data: execution.data ?? null, errors } };
  };
}
