import { type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';

/** Codes an error may carry as a label (errors.ts); anything else counts as OTHER, so clients cannot add series. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS', 'TIMEOUT', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR',
]);

export interface OperationLabels {
  /** The first root field (e.g. `login`): a field of the schema, so the label set is bounded by the schema. */
  operation: string;
  type: string;
}

/**
 * Labels of an executed document. Clients name operations freely (`mutation Whatever`), so the label is the root
 * field the schema defines, never the client's operation name.
 */
export function operationLabels(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): OperationLabels {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops.find((o) => operationName && o.name?.value === operationName) ?? ops[0];
  if (!op) return { operation: 'unknown', type: 'unknown' };
  const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const field = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value !== '__typename');
  const name = field?.kind === Kind.FIELD ? field.name.value : undefined;
  return { operation: name && root?.getFields()[name] ? name : 'unknown', type: op.operation };
}

/** extensions.code of each error of a GraphQL JSON answer (empty when it has none), bounded to the known codes. */
export function errorCodes(payload: unknown): string[] {
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
  // Cheap test first: most answers have no errors, and parsing large data again for nothing is not free.
  if (!text || !text.includes('"errors"')) return [];
  try {
    const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    if (!Array.isArray(body.errors)) return [];
    return body.errors.map((e) => (typeof e.extensions?.code === 'string' && KNOWN_CODES.has(e.extensions.code) ? e.extensions.code : 'OTHER'));
  } catch {
    return [];
  }
}
