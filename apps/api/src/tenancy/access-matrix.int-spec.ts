import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  getNamedType, GraphQLField, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isScalarType,
} from 'graphql';
import { createClient } from 'graphql-ws';
import type { Client } from 'pg';
import WebSocket from 'ws';
import { ACCESS_POLICY, AgencyKind, mayCall, Role, rolesAllowedFor } from '@caselink/domain';
import { AccessPolicyCheck, rootFields } from '../auth/access-policy.check';
import { ACCESS_TABLE_REASON } from '../auth/access-policy';
import { createAgency, gql, GqlResult, login, ownerClient, startApi } from '../../test/harness';

/**
 * The generated access matrix (issue 11): every GraphQL root field and REST route of the running api, as every
 * role of every agency kind (plus a police agency given nothing, the national admin and nobody), against the
 * access table. Allowed calls are never refused by the table; refused ones answer FORBIDDEN (or UNAUTHENTICATED
 * without a token) and change no row of any table. Built from the schema and the table, so a new resolver or
 * route without a rule fails here (and the api refuses to start).
 */
interface Caller {
  label: string;
  kind: AgencyKind;
  roles: Role[];
  nationalAdmin: boolean;
  token: string | null;
}

/** A value GraphQL accepts for an argument's type: the access check runs before any semantic validation. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = sample(f.type);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return randomUUID();
      case 'String': return 'x';
      case 'Int': return 1;
      case 'Float': return 1;
      case 'Boolean': return false;
      case 'DateTime': return new Date().toISOString();
      default: throw new Error(`access matrix: no sample for scalar ${type.name}; add one`);
    }
  }
  throw new Error(`access matrix: cannot sample ${String(type)}`);
}

/** One document calling `field` with its required arguments, selecting as little as possible. */
function documentFor(op: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const vars = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const variables = Object.fromEntries(required.map((a) => [a.name, sample(a.type)]));
  return { query: `${op}${vars ? ` (${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`, variables };
}

const TABLES_SQL = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`;

/** A fingerprint of every row of every table, read as the owner (past row-level security). */
async function fingerprint(owner: Client): Promise<Record<string, string>> {
  const tables = (await owner.query<{ tablename: string }>(TABLES_SQL)).rows.map((r) => r.tablename);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await owner.query<{ h: string }>(`SELECT md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`);
    out[t] = rows[0].h;
  }
  return out;
}

const refusedByTable = (r: GqlResult): boolean => r.errors?.[0]?.extensions?.['reason'] === ACCESS_TABLE_REASON;

describe('access matrix: every operation as every role of every agency kind', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let schema: GraphQLSchema;
  let routes: string[];
  const callers: Caller[] = [];

  beforeAll(async () => {
    app = await startApi();
    await app.listen(0, '127.0.0.1');
    owner = await ownerClient();
    schema = app.get(GraphQLSchemaHost).schema;
    routes = app.get(AccessPolicyCheck).routes();
    const regions: Record<AgencyKind, string> = { POLICE: '440000', BANK: '110000', TELECOM: '110000', FOREIGN_PARTNER: 'KH' };
    const agencies: Array<{ label: string; kind: AgencyKind; coordinating?: boolean; roles?: Role[] }> = [
      { label: 'MxPolice', kind: AgencyKind.POLICE },
      { label: 'MxFresh', kind: AgencyKind.POLICE }, // given nothing at all
      { label: 'MxBank', kind: AgencyKind.BANK },
      { label: 'MxTelecom', kind: AgencyKind.TELECOM },
      { label: 'MxPartner', kind: AgencyKind.FOREIGN_PARTNER },
      { label: 'MxNational', kind: AgencyKind.POLICE, coordinating: true, roles: [Role.ADMIN] },
    ];
    for (const a of agencies) {
      const roles = a.roles ?? [...rolesAllowedFor(a.kind)];
      const made = await createAgency(owner, a.label, roles, a.kind, regions[a.kind], a.coordinating ?? false);
      for (const role of roles) {
        const { token } = await login(app, made.users[role].email);
        callers.push({ label: `${a.label} ${role}`, kind: a.kind, roles: [role], nationalAdmin: !!a.coordinating && role === Role.ADMIN, token });
      }
    }
    // The populated police agency holds a case, so its reads have something to hide from the others.
    const token = callers.find((c) => c.label === `MxPolice ${Role.INVESTIGATOR}`)?.token ?? '';
    const made = await gql(app, 'mutation { createCase(input: { title: "矩阵测试案件 matrix case", fraudType: INVESTMENT, reportedOn: "2026-11-01" }) { id } }', {}, { token });
    if (!made.data) throw new Error(`fixture case: ${JSON.stringify(made.errors)}`);
    callers.push({ label: 'nobody', kind: AgencyKind.POLICE, roles: [], nationalAdmin: false, token: null });
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const operationsOf = (s: GraphQLSchema) => ({
    query: Object.values(s.getQueryType()?.getFields() ?? {}),
    mutation: Object.values(s.getMutationType()?.getFields() ?? {}),
    subscription: Object.values(s.getSubscriptionType()?.getFields() ?? {}),
  });

  it('has a rule for every operation of the api and no rule for an operation that does not exist', () => {
    const operations = [...rootFields(schema), ...routes];
    expect(operations.filter((o) => !(o in ACCESS_POLICY))).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).filter((o) => !operations.includes(o))).toEqual([]);
    expect(() => app.get(AccessPolicyCheck).onApplicationBootstrap()).not.toThrow();
  });

  it('answers every query and mutation as the table says, and refused calls change nothing', async () => {
    const { query, mutation } = operationsOf(schema);
    const mismatches: string[] = [];
    let calls = 0;
    for (const caller of callers) {
      const actor = caller.token ? { agencyKind: caller.kind, roles: caller.roles, nationalAdmin: caller.nationalAdmin } : null;
      const ops = [...query.map((f) => ['query', f] as const), ...mutation.map((f) => ['mutation', f] as const)];
      const refused = ops.filter(([, f]) => !mayCall(actor, f.name));
      const allowed = ops.filter(([, f]) => mayCall(actor, f.name));

      // Refused first, between two fingerprints of every table.
      const before = await fingerprint(owner);
      for (const [op, field] of refused) {
        const doc = documentFor(op, field);
        const r = await gql(app, doc.query, doc.variables, caller.token ? { token: caller.token } : {});
        calls++;
        const code = r.errors?.[0]?.extensions?.['code'];
        const ok = caller.token ? code === 'FORBIDDEN' && refusedByTable(r) : code === 'UNAUTHENTICATED';
        if (!ok || (r.data && (r.data as Record<string, unknown>)[field.name] != null)) mismatches.push(`${caller.label} ${field.name}: expected refusal, got ${JSON.stringify(r.errors?.[0] ?? r.data)}`);
      }
      const after = await fingerprint(owner);
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length > 0) mismatches.push(`${caller.label}: refused calls changed ${changed.join(', ')}`);

      for (const [op, field] of allowed) {
        if (field.name === 'logout') continue; // would end the session the other calls use
        const doc = documentFor(op, field);
        const r = await gql(app, doc.query, doc.variables, caller.token ? { token: caller.token } : {});
        calls++;
        const code = r.errors?.[0]?.extensions?.['code'];
        // A public operation may still want a session of its own (refreshSession without its cookie).
        const unauthenticated = code === 'UNAUTHENTICATED' && ACCESS_POLICY[field.name as keyof typeof ACCESS_POLICY].kind !== 'PUBLIC';
        if (refusedByTable(r) || unauthenticated || code === 'INTERNAL_SERVER_ERROR' || code === 'GRAPHQL_VALIDATION_FAILED') {
          mismatches.push(`${caller.label} ${field.name}: expected to pass the table, got ${JSON.stringify(r.errors?.[0])}`);
        } else if (op === 'query' && field.args.every((a) => !isNonNullType(a.type)) && r.errors) {
          // A list or a figure asked without arguments has nothing to refuse: it answers (maybe empty).
          mismatches.push(`${caller.label} ${field.name}: expected an answer, got ${JSON.stringify(r.errors[0])}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The closing note quotes this figure.
    console.info(`access matrix: ${calls} GraphQL calls (${query.length + mutation.length} operations × ${callers.length} callers)`);
    // Thousands of calls (every operation as each of 23 callers): minutes on a loaded 2-core machine, not a timing check.
  }, 600_000);

  it('answers every REST route as the table says', async () => {
    const mismatches: string[] = [];
    for (const caller of callers) {
      const actor = caller.token ? { agencyKind: caller.kind, roles: caller.roles, nationalAdmin: caller.nationalAdmin } : null;
      for (const route of routes) {
        const [method, path] = route.split(' ');
        const url = path.replace(/:[a-zA-Z]+/g, () => randomUUID());
        const res = await app.getHttpAdapter().getInstance().inject({
          method: method as 'GET' | 'POST', url, headers: { 'content-type': 'application/json', ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) },
          ...(method === 'POST' ? { payload: '{}' } : {}),
        });
        const body = res.headers['content-type']?.toString().includes('json') ? (res.json() as { errors?: Array<{ extensions?: Record<string, unknown> }> }) : {};
        const byTable = body.errors?.[0]?.extensions?.['reason'] === ACCESS_TABLE_REASON;
        if (mayCall(actor, route)) {
          if (byTable || res.statusCode === 401 || res.statusCode >= 500) mismatches.push(`${caller.label} ${route}: expected to pass the table, got ${res.statusCode}`);
        } else if (caller.token ? !(res.statusCode === 403 && byTable) : res.statusCode !== 401) {
          mismatches.push(`${caller.label} ${route}: expected refusal, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets subscribers subscribe only as the table says', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const { subscription } = operationsOf(schema);
    const outcomes = await Promise.all(
      callers.filter((c) => c.token).flatMap((caller) =>
        subscription.map(async (field) => {
          const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${caller.token}` }, lazy: false, retryAttempts: 0 });
          const doc = documentFor('subscription', field);
          const expected = !mayCall({ agencyKind: caller.kind, roles: caller.roles, nationalAdmin: caller.nationalAdmin }, field.name);
          // A refusal is awaited however long it takes; an allowed subscription has no acknowledgement, so it is
          // watched for a while for an error that must not come.
          const refused = await new Promise<unknown>((resolve) => {
            const timer = expected ? undefined : setTimeout(() => resolve(null), 2000);
            client.subscribe(doc, {
              next: () => undefined,
              error: (e) => { clearTimeout(timer); resolve(e); },
              complete: () => undefined,
            });
          });
          await client.dispose();
          const got = Array.isArray(refused) && refused.some((e: { extensions?: Record<string, unknown> }) => e.extensions?.['reason'] === ACCESS_TABLE_REASON);
          return got === expected ? null : `${caller.label} ${field.name}: expected ${expected ? 'refusal' : 'subscription'}, got ${JSON.stringify(refused)}`;
        }),
      ),
    );
    // The server unsubscribes from Redis after the sockets close; let that finish before the api closes Redis.
    await new Promise((r) => setTimeout(r, 500));
    expect(outcomes.filter(Boolean)).toEqual([]);
  });
});
