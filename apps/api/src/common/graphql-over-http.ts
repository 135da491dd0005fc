import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) on Mercurius' /graphql routes, checked by
 * graphql-http's server audits (graphql-over-http.int-spec.ts):
 * - the answer is `application/graphql-response+json` when the client asks for it (Accept), else `application/json`
 *   as before (no Accept header, a wildcard, and the portal's requests);
 * - `extensions`, `variables` and `operationName` may be null; a parameter of the wrong type is a 400 BAD_REQUEST
 *   (Fastify's schema validation would otherwise coerce `false` to "false" or `0` to null);
 * - the status codes of each media type are set by the error formatter (graphql-hardening.ts, `statusOf`).
 */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export type GraphQLMediaType = typeof GRAPHQL_RESPONSE_JSON | 'application/json';

/** The q value (0..1) of one media range of an Accept header, as in `application/json;q=0.5`. */
function qualityOf(params: string[]): number {
  const q = params.map((p) => p.trim().split('=')).find(([k]) => k.trim().toLowerCase() === 'q')?.[1];
  const n = q === undefined ? 1 : Number(q);
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : 0;
}

/**
 * The media type to answer with: `application/graphql-response+json` when the client names it and likes it at least as
 * much as `application/json` (wildcards count for the latter only, so "any type" gets the legacy one), else `application/json`.
 */
export function responseMediaType(accept: string | undefined): GraphQLMediaType {
  if (!accept) return 'application/json';
  let graphqlResponse = 0;
  let json = 0;
  let jsonSpecificity = -1;
  for (const range of accept.split(',')) {
    const [type, ...params] = range.split(';');
    const name = type.trim().toLowerCase();
    const q = qualityOf(params);
    if (name === GRAPHQL_RESPONSE_JSON) graphqlResponse = Math.max(graphqlResponse, q);
    // The most specific range naming application/json decides its q (RFC 9110, 12.5.1).
    const specificity = name === 'application/json' ? 2 : name === 'application/*' ? 1 : name === '*/*' ? 0 : -1;
    if (specificity > jsonSpecificity) [json, jsonSpecificity] = [q, specificity];
  }
  return graphqlResponse > 0 && graphqlResponse >= json ? GRAPHQL_RESPONSE_JSON : 'application/json';
}

export const mediaTypeOf = (request: FastifyRequest | undefined): GraphQLMediaType => responseMediaType(request?.headers.accept);

const badRequest = (message: string): Error => Object.assign(new Error(message), { statusCode: 400 });

const isMap = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the request parameters before Fastify's schema validation (which coerces types): `query` and `operationName`
 * are strings, `variables` and `extensions` maps (POST) or JSON text (GET); null stands for "not given".
 */
export function checkParameters(request: FastifyRequest): void {
  const get = request.method === 'GET';
  const params = (get ? request.query : request.body) as Record<string, unknown> | undefined | null;
  // A missing or non-object body is refused by Fastify and Mercurius themselves (400).
  if (!isMap(params)) return;
  const p = params as Record<string, unknown>;
  for (const name of ['extensions', 'variables', 'operationName'] as const) if (p[name] === null) delete p[name];
  if (p['query'] !== undefined && typeof p['query'] !== 'string') throw badRequest('query: must be a string (the GraphQL document)');
  if (p['operationName'] !== undefined && typeof p['operationName'] !== 'string') throw badRequest('operationName: must be a string or null');
  for (const name of ['variables', 'extensions'] as const) {
    const value = p[name];
    if (value === undefined) continue;
    if (get ? typeof value !== 'string' : !isMap(value)) throw badRequest(`${name}: must be ${get ? 'a JSON object in the query string' : 'an object or null'}`);
  }
}

/** Hooks for Mercurius' GET and POST /graphql routes (its `additionalRouteOptions`). */
export const graphqlOverHttpRouteOptions = {
  preValidation: async (request: FastifyRequest): Promise<void> => checkParameters(request),
  onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('application/json') && mediaTypeOf(request) === GRAPHQL_RESPONSE_JSON) void reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
    // A mutation sent with GET (405): what the resource allows (RFC 9110, 15.5.6).
    if (reply.statusCode === 405) void reply.header('allow', 'GET, POST');
    return payload;
  },
};
