import type { FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { mercuriusErrorFormatter } from './graphql-hardening';
import { checkParameters, responseMediaType } from './graphql-over-http';

describe('responseMediaType', () => {
  it('prefers application/graphql-response+json only when named and liked at least as much as application/json', () => {
    expect(responseMediaType(undefined)).toBe('application/json');
    expect(responseMediaType('*/*')).toBe('application/json');
    expect(responseMediaType('application/*')).toBe('application/json');
    expect(responseMediaType('application/graphql-response+json, */*')).toBe('application/graphql-response+json');
    expect(responseMediaType('application/json, application/graphql-response+json')).toBe('application/graphql-response+json');
    expect(responseMediaType('application/graphql-response+json;q=0.5, application/json')).toBe('application/json');
    expect(responseMediaType('application/graphql-response+json;q=0')).toBe('application/json');
    expect(responseMediaType('Application/GraphQL-Response+JSON; charset=utf-8')).toBe('application/graphql-response+json');
    expect(responseMediaType('text/html')).toBe('application/json');
  });
});

describe('checkParameters', () => {
  const post = (body: unknown) => ({ method: 'POST', body }) as unknown as FastifyRequest;
  const statusOf = (body: unknown): number | undefined => {
    try {
      checkParameters(post(body));
      return undefined;
    } catch (e) {
      return (e as { statusCode?: number }).statusCode;
    }
  };

  it('takes null extensions, variables and operationName as not given', () => {
    const body = { query: '{ __typename }', extensions: null, variables: null, operationName: null };
    checkParameters(post(body));
    expect(body).toEqual({ query: '{ __typename }' });
  });

  it('refuses parameters of the wrong type with 400 before schema validation could coerce them', () => {
    expect([{ query: 1 }, { query: false }, { query: {} }, { query: '{ a }', operationName: 0 }, { query: '{ a }', variables: 'x' },
      { query: '{ a }', variables: [] }, { query: '{ a }', extensions: false }].map(statusOf)).toEqual(Array(7).fill(400));
    expect(statusOf({ query: '{ a }', operationName: 'A', variables: { a: 1 }, extensions: { persistedQuery: {} } })).toBeUndefined();
  });

  it('checks GET parameters as query-string text', () => {
    const get = (query: unknown) => ({ method: 'GET', query }) as unknown as FastifyRequest;
    expect(() => checkParameters(get({ query: '{ a }', variables: '{"a":1}' }))).not.toThrow();
    expect(() => checkParameters(get({ query: ['{ a }', '{ b }'] }))).toThrow(/query: must be a string/);
  });
});

describe('mercuriusErrorFormatter: status codes by media type', () => {
  const format = mercuriusErrorFormatter(true);
  const context = (accept?: string) => ({ reply: { request: { headers: accept ? { accept } : {} } } }) as never;
  const invalid = { errors: [new GraphQLError('Cannot query field "nope" on type "Query".')] };

  it('answers a refused document 200 with data null to application/json clients', () => {
    expect(format(invalid, context())).toMatchObject({ statusCode: 200, response: { data: null, errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } });
  });

  it('answers it 400 without a data entry to application/graphql-response+json clients', () => {
    const { statusCode, response } = format(invalid, context('application/graphql-response+json'));
    expect(statusCode).toBe(400);
    expect(response).not.toHaveProperty('data');
  });

  it('keeps 200 and data once execution began, and an HTTP refusal status for both', () => {
    const failed = { data: { me: null }, errors: [new GraphQLError('no', { path: ['me'], extensions: { code: 'UNAUTHENTICATED' } })] };
    expect(format(failed, context('application/graphql-response+json'))).toMatchObject({ statusCode: 200, response: { data: { me: null } } });
    const tooLarge = { errors: [new GraphQLError('Request body is too large', { originalError: Object.assign(new Error('too large'), { statusCode: 413 }) })] };
    expect(format(tooLarge, context()).statusCode).toBe(413);
    expect(format(tooLarge, context('application/graphql-response+json')).statusCode).toBe(413);
  });
});
