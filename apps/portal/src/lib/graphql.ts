/** A minimal GraphQL-over-HTTP client: same-origin /graphql (proxied to the api), cookies included. */

import type { TypedDocumentString } from '../gql/graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'GONE'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

export interface GqlErrorItem {
  message: string;
  code: ErrorCode;
  field?: string;
  reason?: string;
  lockedUntil?: string;
  /** PAYLOAD_TOO_LARGE: the upload limit in bytes. */
  maxBytes?: number;
  /** CONFLICT on a request: the state it is in now (someone moved it first). */
  currentState?: string;
  /** TOO_MANY_REQUESTS: when to try again. */
  retryAfterSeconds?: number;
  /** Everything else the api said about it (the values a reason's sentence names: a bank, a prefix…). */
  details?: Record<string, unknown>;
}

export class GqlError extends Error {
  constructor(readonly items: GqlErrorItem[]) {
    super(items.map((i) => i.message).join('; '));
    this.name = 'GqlError';
  }

  get code(): ErrorCode {
    return this.items[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }

  get first(): GqlErrorItem | undefined {
    return this.items[0];
  }
}

/** An error as the api writes it, in GraphQL answers and in the JSON of its REST routes alike. */
export interface RawError {
  message?: string;
  extensions?: { code?: string; field?: string; reason?: string; lockedUntil?: string; maxBytes?: number; currentState?: string; retryAfterSeconds?: number; [detail: string]: unknown };
}

// GONE: a file the retention queue purged (its record stays; the download answers 410). TIMEOUT: the api stopped a
// query that ran past its statement timeout (reason STATEMENT_TIMEOUT, timeoutSeconds): nothing changed, narrow the filter.
const KNOWN_CODES: readonly string[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'GONE', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS', 'TIMEOUT'];

export function toItem(raw: RawError): GqlErrorItem {
  const ext = raw.extensions ?? {};
  const code = (KNOWN_CODES.includes(ext.code ?? '') ? ext.code : 'INTERNAL_SERVER_ERROR') as ErrorCode;
  return {
    message: raw.message ?? '', code, field: ext.field, reason: ext.reason, lockedUntil: ext.lockedUntil, maxBytes: ext.maxBytes,
    currentState: ext.currentState, retryAfterSeconds: ext.retryAfterSeconds, details: ext,
  };
}

/**
 * A document written with the generated `graphql()` (apps/portal/src/gql, `npm run codegen`): the query text,
 * typed with its result and variables.
 */
export type Document<TResult, TVariables> = TypedDocumentString<TResult, TVariables>;

/** The variables argument: optional when the operation has no required variable. */
export type VariablesOf<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export async function gqlFetch<TResult, TVariables>(document: Document<TResult, TVariables>, variables: TVariables, token?: string): Promise<TResult> {
  const query = document.toString();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'include',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GqlError([{ message: 'network error', code: 'NETWORK' }]);
  }
  // Mercurius answers some errors with 4xx/5xx and a JSON body, so read the body whatever the status.
  let body: { data?: TResult | null; errors?: RawError[] };
  try {
    body = await response.json();
  } catch {
    throw new GqlError([{ message: `HTTP ${response.status}`, code: response.status >= 500 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR' }]);
  }
  if (body.errors?.length) throw new GqlError(body.errors.map(toItem));
  if (body.data == null) throw new GqlError([{ message: 'empty response', code: 'INTERNAL_SERVER_ERROR' }]);
  return body.data;
}
