import { Logger } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, GraphQLFormattedError, NoSchemaIntrospectionCustomRule, ValidationContext } from 'graphql';
import { QueryFailedError } from 'typeorm';
import type { ExecutionResult } from 'graphql';
import type { FastifyReply } from 'fastify';
import { isQueryCanceled } from './db-errors';
import { type ErrorCode, statementTimedOut } from './errors';
import { GRAPHQL_RESPONSE_JSON, mediaTypeOf } from './graphql-over-http';

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

/**
 * Validation rules that refuse hostile documents before anything executes. Outside production introspection
 * (`__schema`) is exempt from the depth limit, so GraphiQL and code generators can read the schema (their standard
 * introspection query nests `ofType` deeper than any operation needs); the cost limit still counts the rest of the
 * document. In production introspection is refused altogether.
 */
export function hardeningRules(limits: HardeningLimits) {
  const rules = [
    // Depth is the depth of fields: fragments (spread or inline) add none, so a client that composes its documents from
    // fragments is measured like one that writes the fields out.
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, onReject: tooComplex, exposeLimits: true, ignoreIntrospection: !limits.production }),
    maxAliasesRule({ n: limits.maxAliases, onReject: tooComplex, exposeLimits: true }),
    costLimitRule({ maxCost: limits.maxCost, onReject: tooComplex, exposeLimits: true }),
  ];
  return limits.production ? [...rules, NoSchemaIntrospectionCustomRule] : rules;
}

const HTTP_CODES: Record<number, ErrorCode> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };

/**
 * One shape for every error: a stable extensions.code, a message meant for people, and never a
 * stack trace or an internal message (those go to the log). `statementTimeoutMs`: the api's statement timeout
 * (DATABASE_STATEMENT_TIMEOUT_MS), named when PostgreSQL cancelled a statement outside RequestTransaction (which
 * turns its own into TIMEOUT already): sign-in's transactions, the case loaders'.
 */
export function formatError(error: GraphQLError, production: boolean, statementTimeoutMs?: number): GraphQLFormattedError {
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
  const field = error.path ? undefined : variableFieldOf(error.message);
  if (field) {
    // A variable that does not fit its type (a missing required field, a bad scalar): graphql-js keeps the coercion's
    // own error as originalError, which is the caller's mistake, not ours.
    return { ...base, message: `${error.message} · 变量 ${field} 不符合其类型`, extensions: { code: 'BAD_USER_INPUT', field } };
  }
  if (isQueryCanceled(original)) {
    // Ran past the statement timeout: the transaction rolled back. The caller's request was too broad, not a fault.
    log.warn(`${error.path?.join('.') ?? 'request'}: PostgreSQL cancelled a statement: ${original?.message}`);
    const timedOut = statementTimedOut(statementTimeoutMs);
    return { ...base, message: timedOut.message, extensions: { ...timedOut.extensions } };
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

/**
 * The path of the offending field in graphql-js's variable coercion messages, e.g. `Variable "$i" got invalid value
 * {…} at "i.victim"; Field "name" of required type "String!" was not provided.` → `i.victim.name`.
 */
function variableFieldOf(message: string): string | undefined {
  const variable = /^Variable "\$([^"]+)"/.exec(message)?.[1];
  if (!variable) return undefined;
  const at = /^Variable "\$[^"]+" got invalid value .*? at "([^"]+)";/s.exec(message)?.[1] ?? variable;
  const field = /; Field "([^"]+)" (?:of required type|is not defined by type)/.exec(message)?.[1];
  return field ? `${at}.${field}` : at;
}

export const DATABASE_REFUSAL = 'The database refused this for your agency or role; nothing was changed · 数据库按本机构或角色的权限拒绝了此操作，未作任何更改';

/** Row-level security, a column grant or a guard trigger said no (42501); the request's transaction rolled back. */
export const isDatabaseRefusal = (e: unknown): boolean => e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '42501';

/** The 4xx status of an error Fastify raised while reading the request, if it is one. */
function httpStatusOf(error: GraphQLError): number | undefined {
  return statusOf(error.originalError);
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** The HTTP status of a request refused before execution began, by the code of its first error. */
const REFUSAL_STATUS: Record<string, number> = {
  GRAPHQL_VALIDATION_FAILED: 400, QUERY_TOO_COMPLEX: 400, BAD_REQUEST: 400, BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413, TOO_MANY_REQUESTS: 429,
};

/**
 * Mercurius errorFormatter: flattens its wrapped validation errors, formats each, and sets the status code of the
 * media type the client accepts (GraphQL over HTTP, graphql-over-http.ts):
 * - `application/json` (legacy; the portal): 200 for every GraphQL answer, document errors included, with
 *   `data: null` when nothing ran. Two HTTP-level refusals keep their codes: a request Fastify could not read
 *   (malformed JSON 400, body too large 413, a parameter of the wrong type 400) and an abuse limit with nothing
 *   answered (429, with Retry-After), so proxies and HTTP clients see them.
 * - `application/graphql-response+json`: a request refused before execution (parse, validation, variables, limits)
 *   has no `data` entry and a 4xx code (400, 413, 429, ...); once execution began, 200 with `data` (maybe null).
 */
export function mercuriusErrorFormatter(production: boolean, statementTimeoutMs?: number) {
  return (execution: ExecutionResult & { errors: readonly GraphQLError[] }, context?: { reply?: FastifyReply }) => {
    // Mercurius wraps document errors (GraphQL's) and request errors — Fastify's schema validation of the parameters
    // (400), a mutation over GET (405) — in an error with a status; a request error keeps the status, as its original.
    const flat = execution.errors.flatMap((e) => {
      const inner = (e.originalError as { errors?: unknown } | undefined)?.errors;
      if (!Array.isArray(inner)) return [e];
      return (inner as Array<GraphQLError | Error>).map((i) =>
        i instanceof GraphQLError ? i : new GraphQLError(i.message, { originalError: statusOf(i) !== undefined ? i : (e.originalError as Error) }));
    });
    const errors = flat.map((e) => formatError(e, production, statementTimeoutMs));
    const requestStatus = flat.map(httpStatusOf).find((s) => s !== undefined);
    if (mediaTypeOf(context?.reply?.request) === GRAPHQL_RESPONSE_JSON) {
      if (execution.data !== undefined) return { statusCode: 200, response: { data: execution.data, errors } };
      return { statusCode: requestStatus ?? REFUSAL_STATUS[String(errors[0]?.extensions?.['code'])] ?? 500, response: { errors } };
    }
    // Refused by an abuse limit and nothing else: 429 (Retry-After is set where the refusal was raised).
    // (login is nullable, so a refused log-in comes back as { login: null }: no field answered either.)
    const answeredNothing = !execution.data || Object.values(execution.data).every((v) => v === null);
    const limited = errors.length > 0 && answeredNothing && errors.every((e) => e.extensions?.['code'] === 'TOO_MANY_REQUESTS');
    return { statusCode: requestStatus ?? (limited ? 429 : 200), response: { data: execution.data ?? null, errors } };
  };
}
