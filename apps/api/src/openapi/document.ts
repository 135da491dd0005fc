import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ParameterObject, PathItemObject, ReferenceObject } from '@nestjs/swagger';
import { BEARER, RestErrorBody } from './rest-docs';

/** The checked-in document, at the repository root (`npm run openapi` writes it). */
export const OPENAPI_FILE = 'openapi.json';

/** Marks path items that are no Nest route of the api's port (the /metrics servers). */
export const SEPARATE_SERVER = 'x-caselink-separate-server';

/**
 * GET /metrics of the api and of the worker: a plain node:http server of its own (libs/db/src/metrics-server.ts), not a
 * Nest route, so it is added here by hand, with its own servers.
 */
const METRICS = {
  [SEPARATE_SERVER]: true,
  servers: [
    { url: 'http://{host}:{port}', description: 'api metrics server (METRICS_HOST, METRICS_PORT; 0 = off)', variables: { host: { default: '127.0.0.1' }, port: { default: '9464' } } },
    { url: 'http://{host}:{port}', description: 'worker metrics server (METRICS_HOST, WORKER_METRICS_PORT; 0 = off)', variables: { host: { default: '127.0.0.1' }, port: { default: '9465' } } },
  ],
  get: {
    tags: ['metrics'],
    operationId: 'metrics',
    summary: 'Prometheus metrics (separate server, not on the api port)',
    description: [
      '**Not a route of the api\'s port.** The api and the worker each serve GET /metrics on a port of their own (METRICS_PORT,',
      'WORKER_METRICS_PORT), bound to METRICS_HOST (loopback unless the operator opens it to the scraper). There is no',
      'sign-in and the access table is not involved: keep the port reachable only by Prometheus. Any other method or path',
      'answers 404. Example scrape configuration: infra/prometheus/prometheus.yml.',
    ].join('\n'),
    security: [],
    responses: {
      '200': {
        description: 'The registry in the Prometheus text exposition format (version 0.0.4)',
        content: { 'text/plain; version=0.0.4; charset=utf-8': { schema: { type: 'string' }, example: '# HELP http_requests_total …\n# TYPE http_requests_total counter\n' } },
      },
      '404': { description: 'Any other path or method' },
      '500': { description: 'Collecting the metrics failed', content: { 'text/plain': { schema: { type: 'string' }, example: 'metrics failed: …' } } },
    },
  },
} as PathItemObject;

function config(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('CaseLink REST routes')
    .setDescription([
      'The REST side of the CaseLink api: file uploads and downloads, exports, CSV, single sign-on redirects, health, and',
      '(on separate servers) Prometheus metrics. Everything else is GraphQL at /graphql (see docs/api-*.graphql).',
      '',
      'Every route is checked against the access table (libs/domain/src/access-policy.ts, docs/access-table.md); each',
      'operation says who may call it and carries the rule as `x-caselink-access`. Refusals are JSON,',
      '`{ "errors": [{ "message", "extensions": { "code", "field"? } }] }`, with the HTTP status of the code.',
      '',
      'Generated from the code by `npm run openapi` (apps/api/src/openapi); a test fails when this file is stale.',
    ].join('\n'))
    .setVersion('1')
    .addServer('http://127.0.0.1:4000', 'api (API_HOST, API_PORT); the portal proxies /api/* here')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from the login mutation (15 minutes)' }, BEARER)
    .addTag('evidence', 'Evidence files of a case')
    .addTag('imports', 'Spreadsheet imports of victim statements')
    .addTag('exports', 'Case exports for other tools')
    .addTag('requests', 'Files attached to requests between agencies')
    .addTag('analytics', 'Outcome analytics as CSV')
    .addTag('risk-signals', 'Risk signals from banks and telecoms')
    .addTag('audit', 'The audit trail anchored outside the database')
    .addTag('sso', 'Single sign-on (browser redirects)')
    .addTag('health', 'Liveness and readiness')
    .addTag('metrics', 'Prometheus metrics on separate servers (not Nest routes)')
    .build();
}

/** Keys sorted at every level (arrays keep their order): the file changes only when the document does. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/**
 * Parameters in reading order, not in the order decorators happen to run: path parameters as the path names them, then
 * required query parameters, then the others by name.
 */
function orderParameters(path: string, parameters: Array<ParameterObject | ReferenceObject>): Array<ParameterObject | ReferenceObject> {
  const rank = (p: ParameterObject | ReferenceObject): [number, string] => {
    if (!('in' in p)) return [3, p.$ref];
    if (p.in === 'path') return [0, String(path.indexOf(`{${p.name}}`)).padStart(6, '0')];
    return [p.required ? 1 : 2, p.name];
  };
  return [...parameters].sort((a, b) => {
    const [ra, na] = rank(a);
    const [rb, nb] = rank(b);
    return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0);
  });
}

/** The document of `app`'s REST routes plus the metrics servers, with sorted keys. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(app, config(), {
    extraModels: [RestErrorBody],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const op = item[method];
      if (op?.parameters) op.parameters = orderParameters(path, op.parameters);
    }
  }
  // Codes add keys of their own (reason, entity, id, maxBytes, roles, …).
  const extensions = doc.components?.schemas?.['RestErrorExtensions'];
  if (extensions && !('$ref' in extensions)) extensions.additionalProperties = true;
  doc.paths['/metrics'] = METRICS;
  return sorted(doc) as OpenAPIObject;
}

/** openapi.json's text. */
export const renderOpenApi = (doc: OpenAPIObject): string => `${JSON.stringify(doc, null, 2)}\n`;
