import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { auditServer, type AuditResult } from 'graphql-http';
import { startApi } from '../../test/harness';

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): graphql-http's server audits (61 of them:
 * MUST, SHOULD and MAY) against the api listening on a free port, as any HTTP client reaches it.
 *
 * Outside production every audit passes: no error, no warning, no notice. In production four fail, all for one reason,
 * by design: they use introspection (`__type(name:)`) as their harmless query with variables, and production refuses
 * introspection (graphql-hardening.ts) — 28B9 (MUST, "allow map {variables}" with application/json), 2EA1 (SHOULD, the
 * same with application/graphql-response+json), 6A70 and D6D5 (MAY, variables in a GET). Variables themselves work in
 * production (checked below with a query that is not introspection).
 */
async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${port}/graphql`;
}

/** The failed audits, each with what the server answered: a readable failure message. */
async function failures(results: AuditResult[]): Promise<string[]> {
  return Promise.all(results.filter((r) => r.status !== 'ok').map(async (r) => {
    const failed = r as Extract<AuditResult, { reason: string }>;
    const body = await failed.response.text().catch(() => '');
    return `${failed.status} ${failed.id} ${failed.name}: ${failed.reason} (HTTP ${failed.response.status}, ${failed.response.headers.get('content-type')}: ${body.slice(0, 200)})`;
  }));
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('GraphQL over HTTP', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    app = await startApi();
    url = await listen(app);
  });

  afterAll(() => app.close());

  it('passes every graphql-http server audit: no error, no warning, no notice', async () => {
    const results = await auditServer({ url });
    expect(results.length).toBeGreaterThanOrEqual(60);
    expect(await failures(results)).toEqual([]);
  });

  it('answers application/graphql-response+json only to a client that asks for it', async () => {
    const typeFor = async (accept?: string) => (await post(url, { query: '{ __typename }' }, accept ? { accept } : {})).headers.get('content-type');
    // The portal sends no Accept header: it keeps application/json.
    expect(await typeFor()).toBe('application/json; charset=utf-8');
    expect(await typeFor('*/*')).toBe('application/json; charset=utf-8');
    expect(await typeFor('application/json')).toBe('application/json; charset=utf-8');
    expect(await typeFor('application/graphql-response+json')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await typeFor('application/graphql-response+json, application/json;q=0.9')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await typeFor('application/graphql-response+json;q=0.5, application/json')).toBe('application/json; charset=utf-8');
  });

  it('a refused document: 200 with data null for application/json, 400 without data for application/graphql-response+json', async () => {
    const legacy = await post(url, { query: '{ nope }' });
    expect(legacy.status).toBe(200);
    const legacyBody = (await legacy.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(legacyBody.data).toBeNull();
    expect(legacyBody.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const current = await post(url, { query: '{ nope }' }, { accept: 'application/graphql-response+json' });
    expect(current.status).toBe(400);
    const body = (await current.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    expect(body['errors']).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });

  it('takes null extensions, variables and operationName as not given', async () => {
    const r = await post(url, { query: '{ __typename }', extensions: null, variables: null, operationName: null });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a parameter of the wrong type with 400 BAD_REQUEST, without an internal error', async () => {
    for (const body of [{ query: 1 }, { query: false }, { query: '{ __typename }', variables: 0 }, { query: '{ __typename }', operationName: false }, { query: '{ __typename }', extensions: [] }]) {
      const r = await post(url, body);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
      expect(((await r.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('refuses a mutation sent with GET: 405, naming the methods allowed', async () => {
    const r = await fetch(`${url}?query=${encodeURIComponent('mutation { logout }')}`);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, POST');
  });

  describe('in production', () => {
    let prod: NestFastifyApplication;
    let prodUrl: string;

    beforeAll(async () => {
      prod = await startApi({ NODE_ENV: 'production' });
      prodUrl = await listen(prod);
    });

    afterAll(() => prod.close());

    it('fails only the four audits that need introspection, which production refuses', async () => {
      const failed = (await auditServer({ url: prodUrl })).filter((r) => r.status !== 'ok');
      expect(failed.map((r) => `${r.status} ${r.id}`).sort()).toEqual(['error 28B9', 'notice 6A70', 'notice D6D5', 'warn 2EA1']);
      for (const r of failed) {
        const body = (await (r as Extract<AuditResult, { response: Response }>).response.json()) as { errors: Array<{ message: string }> };
        expect(body.errors[0].message).toMatch(/introspection has been disabled/);
      }
    });

    it('takes a map of variables, as the introspection audits would check', async () => {
      const r = await post(prodUrl, { query: 'query Q($yes: Boolean!) { __typename @include(if: $yes) }', variables: { yes: true } });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });
});
