import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { getIntrospectionQuery } from 'graphql';
import { AgencyKind, Role } from '@caselink/domain';
import { codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

describe('hostile and malformed requests', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let agency: TestAgency;
  let token: string;

  beforeAll(async () => {
    app = await startApi({ BODY_LIMIT_BYTES: '65536' });
    owner = await ownerClient();
    agency = await createAgency(owner, 'Hostile', [Role.ADMIN]);
    token = (await login(app, agency.users[Role.ADMIN].email)).token;
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('refuses deep nesting, measured by fields: fragments add no depth', async () => {
    // The only cycle reachable from Query is introspection's ofType chain; outside production __type still counts.
    let selection = 'name';
    for (let i = 0; i < 12; i++) selection = `ofType { ${selection} }`;
    const r = await gql(app, `{ __type(name: "Case") { fields { type { ${selection} } } } }`, {}, { token });
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0].message).toMatch(/^Query depth limit of 8 exceeded/);
    expect(r.data).toBeNull();
    // Nested fragments around a shallow field are as deep as the field (the portal composes its documents so).
    const wrapped = `${'... on Query { '.repeat(12)}me { id }${' }'.repeat(12)}`;
    const spread = await gql(app, 'query { ...A } fragment A on Query { ...B } fragment B on Query { me { ...C } } fragment C on User { id }', {}, { token });
    expect(spread.errors).toBeUndefined();
    const inline = await gql(app, `{ ${wrapped} }`, {}, { token });
    expect(inline.errors).toBeUndefined();
  });

  it('lets introspection past the depth limit outside production, as GraphiQL and code generators ask for it', async () => {
    // getIntrospectionQuery() nests ofType nine levels under __schema.
    const r = await gql<{ __schema: { queryType: { name: string }; types: unknown[] } }>(app, getIntrospectionQuery({ descriptions: true }));
    expect(r.errors).toBeUndefined();
    expect(r.data?.__schema.queryType.name).toBe('Query');
    expect(r.data?.__schema.types.length).toBeGreaterThan(100);
    // Still counted for everything else: a deep document under a normal field is refused.
    let selection = 'name';
    for (let i = 0; i < 12; i++) selection = `ofType { ${selection} }`;
    const deep = await gql(app, `{ __type(name: "Case") { fields { type { ${selection} } } } }`, {}, { token });
    expect(codeOf(deep)).toBe('QUERY_TOO_COMPLEX');
    // The page itself.
    const page = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/graphiql' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('refuses 1,000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ');
    const r = await gql(app, `{ ${aliases} }`, {}, { token });
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses first: 1000000 as too costly, and any first over 100 naming the argument', async () => {
    const huge = await gql(app, '{ users(first: 1000000) { totalCount } }', {}, { token });
    expect(codeOf(huge)).toBe('QUERY_TOO_COMPLEX');
    expect(huge.errors?.[0].message).toMatch(/^Query Cost limit/);
    const over = await gql(app, '{ users(first: 101) { totalCount } }', {}, { token });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(over.errors?.[0].message).toMatch(/first: must not exceed 100/);
  });

  it('refuses a forged cursor, naming the argument', async () => {
    const r = await gql(app, '{ users(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }', {}, { token });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a body over the size limit', async () => {
    const res = await app.getHttpAdapter().getInstance().inject({
      method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(70_000)}` }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names the field of a malformed input and writes nothing', async () => {
    const bad = await gql(app, 'mutation { createUser(input: { email: "not-an-email", displayName: "X", roles: [ANALYST], password: "long-enough-password" }) { id } }', {}, { token });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const short = await gql(app, 'mutation { createUser(input: { email: "ok@short.test", displayName: "X", roles: [ANALYST], password: "short" }) { id } }', {}, { token });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const wrongRole = await gql(app, 'mutation { createUser(input: { email: "ok@role.test", displayName: "X", roles: [LIAISON], password: "long-enough-password" }) { id } }', {}, { token });
    expect(wrongRole.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    const badId = await gql(app, 'mutation { deactivateUser(id: "1 OR 1=1") { id } }', {}, { token });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const { rows } = await owner.query("SELECT count(*)::int AS n FROM users WHERE email IN ('not-an-email', 'ok@short.test', 'ok@role.test')");
    expect(rows[0].n).toBe(0);
  });

  it('a variable that does not fit its input type is BAD_USER_INPUT naming the field, in both languages', async () => {
    const create = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
    const missing = await gql(app, create, { i: { email: 'var@missing.test', displayName: 'X', roles: ['ANALYST'] } }, { token });
    expect(missing.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'i.password' });
    expect(missing.errors?.[0].message).toMatch(/变量 i\.password/);
    const unknown = await gql(app, create, { i: { email: 'var@unknown.test', displayName: 'X', roles: ['ANALYST'], password: 'long-enough-password', admin: true } }, { token });
    expect(unknown.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'i.admin' });
    const wrongEnum = await gql(app, create, { i: { email: 'var@enum.test', displayName: 'X', roles: ['ROOT'], password: 'long-enough-password' } }, { token });
    expect(wrongEnum.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/roles/) });
    const none = await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', {}, { token });
    expect(none.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    const { rows } = await owner.query("SELECT count(*)::int AS n FROM users WHERE email LIKE 'var@%'");
    expect(rows[0].n).toBe(0);
  });

  it('a duplicate e-mail is a CONFLICT naming the field', async () => {
    const r = await gql(app, 'mutation($e: String!) { createUser(input: { email: $e, displayName: "X", roles: [ANALYST], password: "long-enough-password" }) { id } }', { e: agency.users[Role.ADMIN].email }, { token });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
  });

  it('never sends a stack trace, and unknown fields are a validation error', async () => {
    const r = await gql(app, '{ me { nope } }', {}, { token });
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r.errors)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  describe('in production', () => {
    let prod: NestFastifyApplication;
    beforeAll(async () => {
      prod = await startApi({ NODE_ENV: 'production' });
    });
    afterAll(() => prod.close());

    it('turns introspection off and suggests no field names', async () => {
      const intro = await gql(prod, '{ __schema { types { name } } }', {}, { token });
      expect(codeOf(intro)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(intro.errors?.[0].message).toMatch(/introspection/i);
      // GraphiQL's query is refused too (by the depth limit, which production applies to introspection as well); no page.
      const graphiql = await gql(prod, getIntrospectionQuery(), {}, { token });
      expect(graphiql.data).toBeNull();
      expect(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']).toContain(codeOf(graphiql));
      expect((await prod.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
      const typo = await gql(prod, '{ me { emial } }', {}, { token });
      expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    });
  });
});

describe('the national admin', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let national: TestAgency;
  let token: string;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    national = await createAgency(owner, 'National', [Role.ADMIN], AgencyKind.POLICE, '100000', true);
    token = (await login(app, national.users[Role.ADMIN].email)).token;
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('creates an agency with its first admin, who can log in and sees only that agency', async () => {
    const email = `first-admin-${national.id}@bank.test`;
    const r = await gql(app, 'mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id kind region } }', {
      i: { name: `测试银行-${national.id}`, nameEn: 'Test Bank', kind: 'BANK', region: '440300', adminEmail: email, adminDisplayName: 'First', adminPassword: 'long-enough-password' },
    }, { token });
    expect(r.data?.createAgency).toMatchObject({ kind: 'BANK', region: '440300' });
    const first = (await login(app, email, 'long-enough-password')).token;
    const list = await gql(app, '{ agencies { edges { node { id } } } }', {}, { token: first });
    expect(list.data?.agencies.edges.map((e: any) => e.node.id)).toEqual([r.data?.createAgency.id]);
  });

  it('refuses a region that does not fit the kind, and writes nothing', async () => {
    const name = `Bad-${national.id}`;
    const r = await gql(app, 'mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }', {
      i: { name, nameEn: 'Bad', kind: 'FOREIGN_PARTNER', region: '440000', adminEmail: `x-${national.id}@x.test`, adminDisplayName: 'X', adminPassword: 'long-enough-password' },
    }, { token });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.region' });
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM agencies WHERE name = $1', [name]);
    expect(rows[0].n).toBe(0);
  });

  it('rolls the agency back when its first admin cannot be created', async () => {
    const name = `Half-${national.id}`;
    const r = await gql(app, 'mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }', {
      i: { name, nameEn: 'Half', kind: 'BANK', region: '110000', adminEmail: national.users[Role.ADMIN].email, adminDisplayName: 'Dup', adminPassword: 'long-enough-password' },
    }, { token });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.admin.email' });
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM agencies WHERE name = $1', [name]);
    expect(rows[0].n).toBe(0);
  });
});
