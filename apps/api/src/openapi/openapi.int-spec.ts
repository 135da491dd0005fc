import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger';
import { ACCESS_POLICY, AccessRule, Operation } from '@caselink/domain';
import type { AttachmentRow, ImportRow } from '@caselink/db';
import { AccessPolicyCheck } from '../auth/access-policy.check';
import { AttachmentModel } from '../evidence/attachment.model';
import { StatementImportModel } from '../imports/statement-import.model';
import { startApi } from '../../test/harness';
import { buildOpenApiDocument, OPENAPI_FILE, renderOpenApi, SEPARATE_SERVER } from './document';
import { whoMayCall } from './rest-docs';

/**
 * openapi.json (issue 15): the REST routes' OpenAPI document, generated from the running api's controllers and checked
 * in. It must be what the code makes, hold exactly the access table's REST routes, and say who may call each.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The access table's REST routes (`GET /cases/:id/export`), as the document names them (`GET /cases/{id}/export`). */
const tableRoutes = (): string[] =>
  Object.keys(ACCESS_POLICY).filter((op) => /^[A-Z]+ \//.test(op));
const documentName = (route: string): string => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Every operation of the document but the hand-added separate servers (metrics), by `METHOD /path`. */
function nestOperations(doc: OpenAPIObject): Map<string, OperationObject> {
  const found = new Map<string, OperationObject>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if ((item as Record<string, unknown>)[SEPARATE_SERVER]) continue;
    for (const m of METHODS) if (item[m]) found.set(`${m.toUpperCase()} ${path}`, item[m] as OperationObject);
  }
  return found;
}

describe('OpenAPI document of the REST routes (openapi.json)', () => {
  let app: NestFastifyApplication;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    app = await startApi();
    doc = buildOpenApiDocument(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('is the document the code makes (run npm run openapi after changing a REST route or its decorators)', () => {
    const expected = renderOpenApi(doc);
    let checkedIn = '';
    try {
      checkedIn = readFileSync(join(__dirname, '../../../..', OPENAPI_FILE), 'utf8');
    } catch {
      throw new Error(`${OPENAPI_FILE} is missing: run npm run openapi`);
    }
    if (checkedIn !== expected) {
      const a = checkedIn.split('\n');
      const b = expected.split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      const line = at < 0 ? Math.min(a.length, b.length) : at;
      throw new Error(
        `${OPENAPI_FILE} differs from the code: run npm run openapi\n` +
          `first difference at line ${line + 1}:\n  file: ${a[line] ?? '(end)'}\n  code: ${b[line] ?? '(end)'}`,
      );
    }
  });

  it("holds exactly the access table's REST routes, which are the api's routes", () => {
    const table = tableRoutes().map(documentName).sort();
    expect([...nestOperations(doc).keys()].sort()).toEqual(table);
    expect(app.get(AccessPolicyCheck).routes().map(documentName).sort()).toEqual(table);
  });

  it('says in each operation who may call it, from the access table, and asks for the bearer token unless public', () => {
    const byName = new Map(tableRoutes().map((r) => [documentName(r), r as Operation]));
    for (const [name, op] of nestOperations(doc)) {
      const route = byName.get(name) as Operation;
      const rule = ACCESS_POLICY[route] as AccessRule;
      expect(op.summary).toEqual(expect.any(String));
      expect(op.description).toContain(whoMayCall(route));
      expect((op as unknown as Record<string, unknown>)['x-caselink-access']).toEqual(
        rule.kind === 'ROLES' ? { route, rule: rule.kind, roles: JSON.parse(JSON.stringify(rule.who)) } : { route, rule: rule.kind },
      );
      expect({ name, security: op.security }).toEqual({ name, security: rule.kind === 'PUBLIC' ? undefined : [{ bearer: [] }] });
      const statuses = Object.keys(op.responses);
      if (rule.kind !== 'PUBLIC') expect({ name, statuses }).toEqual({ name, statuses: expect.arrayContaining(['401', '403']) });
      expect(statuses.some((s) => /^[23]\d\d$/.test(s))).toBe(true);
      // Refusals are JSON whatever the route produces when it succeeds.
      for (const status of statuses.filter((s) => Number(s) >= 400 && Number(s) < 500)) {
        const content = (op.responses[status] as ResponseObject).content ?? {};
        expect({ name, status, types: Object.keys(content) }).toEqual({ name, status, types: ['application/json'] });
        // The token endpoint answers errors as RFC 6749 §5.2 says ({ error, error_description }), every other route alike.
        const body = route === 'POST /oauth/token' ? 'OAuthErrorJson' : 'RestErrorBody';
        expect({ name, status, schema: content['application/json'].schema }).toEqual({ name, status, schema: { $ref: `#/components/schemas/${body}` } });
      }
    }
    expect(doc.components?.securitySchemes?.['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('adds the metrics servers of api and worker by hand, clearly marked, in the Prometheus text format', () => {
    const metrics = doc.paths['/metrics'] as Record<string, any>;
    expect(metrics[SEPARATE_SERVER]).toBe(true);
    expect(metrics['servers'].map((s: { description: string }) => s.description)).toEqual([expect.stringContaining('METRICS_PORT'), expect.stringContaining('WORKER_METRICS_PORT')]);
    expect(Object.keys(metrics['get'].responses['200'].content)[0]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics['get'].summary).toMatch(/not on the api port/);
  });

  it("does not serve metrics, the document or a Swagger UI on the api's port", async () => {
    for (const url of ['/metrics', '/api', '/api-json', '/docs', '/docs-json', '/openapi.json', '/swagger']) {
      const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
    }
  });

  it('describes the JSON the upload routes answer with, key for key', () => {
    const schemaKeys = (name: string) => Object.keys((doc.components?.schemas?.[name] as { properties: object }).properties).sort();
    const now = new Date();
    const attachment = AttachmentModel.from({
      id: 'a', statement_id: null, file_name: 'f', content_type: 't', size_bytes: '1', sha256: 's', created_at: now, purged_at: null,
    } as unknown as AttachmentRow);
    expect(schemaKeys('AttachmentJson')).toEqual(Object.keys(attachment).sort());
    const imported = StatementImportModel.from({
      id: 'i', case_id: 'c', file_name: 'f', format: 'CSV', status: 'QUEUED', total_rows: null, processed_rows: 0, imported_rows: 0, error_rows: 0,
      errors: [], failure: null, created_at: now, finished_at: null,
    } as unknown as ImportRow);
    expect(schemaKeys('StatementImportJson')).toEqual(Object.keys(imported).sort());
  });
});
