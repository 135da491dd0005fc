import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Client } from 'pg';
import { Role } from '@caselink/domain';
import { createApi } from '../bootstrap';
import { AppError } from '../common/errors';
import { codeOf, createAgency, gql, login, ownerClient, testConfig } from '../../test/harness';
import { SignInLimits } from './sign-in-limits';
import { startApiProcess } from '../../test/worker-process';

/**
 * Two api instances sharing one Redis, as two api processes behind a load balancer. They are two Nest apps in
 * this process, each with its own Fastify, its own rate-limit plugin and its own ioredis connection, rather than
 * two OS processes: the counts live only in Redis (nothing is kept in memory between calls), so what two
 * processes would share is exactly what these two share; and SignInLimits can be called directly here. The log-in
 * mutation itself is also tried through two real api processes (dist, built by npm test) at the end.
 */
const PREFIX = `caselink-test-limits-${randomUUID().slice(0, 8)}`;
const LIMITS = {
  QUEUE_PREFIX: PREFIX,
  RATE_LIMIT_LOGIN_IP: '4/60',
  RATE_LIMIT_LOGIN_ACCOUNT: '3/900',
  RATE_LIMIT_SECOND_FACTOR_ACCOUNT: '2/300',
  // `me { id email displayName }` costs 6.5, `__typename` 1.
  GRAPHQL_EXPENSIVE_COST: '5',
  GRAPHQL_EXPENSIVE_LIMIT: '2/60',
};

/** The api as startApi builds it, plus a hook that keeps the requests it serves (to hand to SignInLimits). */
async function startInstance(): Promise<{ app: NestFastifyApplication; requestFrom: (ip: string) => Promise<FastifyRequest> }> {
  const app = await createApi(testConfig(LIMITS), false);
  const seen = new Map<string, FastifyRequest>();
  app.getHttpAdapter().getInstance().addHook('onRequest', async (req) => {
    const id = req.headers['x-test-request'];
    if (typeof id === 'string') seen.set(id, req);
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const requestFrom = async (ip: string) => {
    const id = randomUUID();
    await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/live', remoteAddress: ip, headers: { 'x-test-request': id } });
    return seen.get(id) as FastifyRequest;
  };
  return { app, requestFrom };
}

/** What `consume` threw, or undefined. */
async function refusal(p: Promise<void>): Promise<AppError | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const randomEmail = () => `nobody-${randomUUID().slice(0, 8)}@limits.test`;

describe('abuse limits across two api processes sharing Redis', () => {
  let a: Awaited<ReturnType<typeof startInstance>>;
  let b: Awaited<ReturnType<typeof startInstance>>;
  let owner: Client;

  beforeAll(async () => {
    [a, b] = await Promise.all([startInstance(), startInstance()]);
    owner = await ownerClient();
  });

  afterAll(async () => {
    await owner?.end();
    await Promise.all([a?.app.close(), b?.app.close()]);
  });

  const limitsOf = (i: typeof a) => i.app.get(SignInLimits);

  it('counts one account across both processes and every address, and refuses in both languages', async () => {
    const email = randomEmail();
    // Three attempts from three addresses, spread over both processes: the account's budget (3) is spent.
    for (const [i, instance] of [a, b, a].entries()) {
      expect(await refusal(limitsOf(instance).consume('login', await instance.requestFrom(`203.0.113.${i + 10}`), email))).toBeUndefined();
    }
    const refused = await refusal(limitsOf(b).consume('login', await b.requestFrom('203.0.113.99'), email.toUpperCase()));
    expect(refused?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', limit: 'ACCOUNT' });
    const retry = refused?.extensions['retryAfterSeconds'] as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(900);
    expect(refused?.message).toMatch(/^Too many sign-in attempts for this account; try again in \d+ s · 登录尝试过多（此账号），请 \d+ 秒后再试$/);
    // Other steps of sign-in have budgets of their own.
    expect(await refusal(limitsOf(a).consume('secondFactor', await a.requestFrom(randomIp()), email))).toBeUndefined();
  });

  it('counts one address across both processes and every account', async () => {
    const ip = '203.0.113.200';
    for (const instance of [a, b, b, a]) {
      expect(await refusal(limitsOf(instance).consume('login', await instance.requestFrom(ip), randomEmail()))).toBeUndefined();
    }
    const refused = await refusal(limitsOf(b).consume('login', await b.requestFrom(ip), randomEmail()));
    expect(refused?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', limit: 'IP', retryAfterSeconds: expect.any(Number) });
    expect(refused?.message).toMatch(/ · 登录尝试过多（来自此地址）/);
    // Another address is not held back by this one.
    expect(await refusal(limitsOf(a).consume('login', await a.requestFrom('203.0.113.201'), randomEmail()))).toBeUndefined();
  });

  it('audits a refusal once per window and key, however often it is refused', async () => {
    const email = randomEmail();
    const ip = randomIp();
    for (const instance of [a, b]) await limitsOf(instance).consume('secondFactor', await instance.requestFrom(ip), email);
    const refusals = await Promise.all([a, b, a, b].map(async (i) => refusal(limitsOf(i).consume('secondFactor', await i.requestFrom(ip), email))));
    expect(refusals.map((r) => r?.extensions['code'])).toEqual(Array(4).fill('TOO_MANY_REQUESTS'));
    const { rows } = await owner.query<{ agency_id: string | null; outcome: string; client_address: string; details: Record<string, unknown> }>(
      `SELECT agency_id, outcome, client_address, details FROM audit_events WHERE action = 'RATE_LIMITED' AND actor_email = $1`, [email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agency_id: null, outcome: 'DENIED', client_address: ip, details: { kind: 'secondFactor', limit: 'ACCOUNT', max: 2, windowSeconds: 300 } });
  });

  it('limits expensive queries per signed-in user, and not another user', async () => {
    const agency = await createAgency(owner, 'Limits', [Role.INVESTIGATOR, Role.ANALYST]);
    const spender = await login(a.app, agency.users[Role.INVESTIGATOR].email);
    const other = await login(b.app, agency.users[Role.ANALYST].email);
    const me = '{ me { id email displayName } }';
    expect(codeOf(await gql(a.app, me, {}, { token: spender.token }))).toBeUndefined();
    expect(codeOf(await gql(b.app, me, {}, { token: spender.token }))).toBeUndefined();

    const res = await a.app.getHttpAdapter().getInstance().inject({
      method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${spender.token}` }, payload: JSON.stringify({ query: me }),
    });
    expect(res.statusCode).toBe(429);
    const body = res.json() as { data: unknown; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', limit: 'USER' });
    const retry = body.errors[0].extensions['retryAfterSeconds'] as number;
    expect(retry).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBe(String(retry));
    expect(body.errors[0].message).toMatch(/^Too many expensive queries in a short time; try again in \d+ s · .+，请 \d+ 秒后再试$/);

    // Cheap operations are not counted; the other user has a budget of their own.
    expect(codeOf(await gql(b.app, '{ __typename }', {}, { token: spender.token }))).toBeUndefined();
    expect(codeOf(await gql(b.app, me, {}, { token: other.token }))).toBeUndefined();
    expect(codeOf(await gql(a.app, me, {}, { token: other.token }))).toBeUndefined();

    const { rows } = await owner.query<{ agency_id: string; details: Record<string, unknown> }>(
      `SELECT agency_id, details FROM audit_events WHERE action = 'RATE_LIMITED' AND actor_user_id = $1`, [agency.users[Role.INVESTIGATOR].id],
    );
    expect(rows).toEqual([expect.objectContaining({ agency_id: agency.id, details: expect.objectContaining({ kind: 'graphqlCost', limit: 'USER' }) })]);
  });

  it('refuses the login mutation itself once the account is over its limit, across two real api processes', async () => {
    // Two api processes as built (dist), sharing Redis: wrong passwords for one e-mail alternate between them.
    const env = { QUEUE_PREFIX: `${PREFIX}-proc`, RATE_LIMIT_LOGIN_ACCOUNT: '3/900', RATE_LIMIT_LOGIN_IP: '100/60' };
    const [one, two] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    try {
      const email = randomEmail();
      const attempt = async (url: string) => {
        const res = await fetch(url, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'mutation($e: String!) { login(input: { email: $e, password: "wrong-password-1" }) { accessToken } }', variables: { e: email } }),
        });
        const body = (await res.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
        return { status: res.status, retryAfter: res.headers.get('retry-after'), error: body.errors?.[0] };
      };
      const answers = [await attempt(one.url), await attempt(two.url), await attempt(one.url), await attempt(two.url)];
      expect(answers.slice(0, 3).map((a) => a.error?.extensions?.['reason'])).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
      const refused = answers[3];
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(refused.error?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', limit: 'ACCOUNT' });
      expect(refused.error?.message).toMatch(/·/); // English · 中文
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('sends the security headers on /graphql and /health', async () => {
    const fastify = a.app.getHttpAdapter().getInstance();
    const responses = [
      await fastify.inject({ method: 'GET', url: '/health/live' }),
      await fastify.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: '{ __typename }' }) }),
    ];
    for (const res of responses) {
      expect(res.headers).toMatchObject({
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
    }
  });
});
