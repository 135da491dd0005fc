import type { GraphQLSchema } from 'graphql';

/**
 * Descriptions of the root types, which Nest's code-first schema builds without any (GraphQLModule's transformSchema
 * adds them, so GraphiQL and schema.graphql show them too).
 */
export const ROOT_TYPE_DESCRIPTIONS = {
  Query:
    'Reads. Each field is open only to the agency kinds and roles the access table names (docs/access-table.md); others get FORBIDDEN, ' +
    'a record the caller may not see NOT_FOUND. Lists are pages (first, at most 100, and after: the endCursor of the previous page). ' +
    "A read whose SQL runs past the server's statement timeout (30 s by default) is stopped: TIMEOUT (reason STATEMENT_TIMEOUT, with timeoutSeconds); narrow the filter.",
  Mutation:
    "Changes. Each runs in one transaction acting for the caller's agency and roles, which PostgreSQL's row-level security checks again. " +
    'Errors carry extensions.code: BAD_USER_INPUT (with extensions.field naming the input), UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, ' +
    'CONFLICT (an illegal state change, naming the current state), TOO_MANY_REQUESTS (with retryAfterSeconds), ' +
    "TIMEOUT (a statement ran past the server's statement timeout and was stopped: nothing was changed; with timeoutSeconds).",
  Subscription:
    "Live events over graphql-ws at /graphql: send { authorization: 'Bearer <access token>' } in connection_init. Events carry ids and " +
    'states only: re-read the record. Nothing is delivered once the access token has run out, until the client reconnects with a fresh one.',
} as const;

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (type && type.name in ROOT_TYPE_DESCRIPTIONS) type.description = ROOT_TYPE_DESCRIPTIONS[type.name as keyof typeof ROOT_TYPE_DESCRIPTIONS];
  }
  return schema;
}
