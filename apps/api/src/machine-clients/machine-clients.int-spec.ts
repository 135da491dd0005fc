import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient, Client as WsClient } from 'graphql-ws';
import type { Client, Pool } from 'pg';
import WebSocket from 'ws';
import { AgencyKind, Role } from '@caselink/domain';
import { closeLiveBus, createLiveBus, publishRequestUpdate } from '@caselink/jobs';
import { appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, waitFor } from '../../test/worker-process';

/** Cards of a range no test registers for a bank (freezes are checked against the banks' registered prefixes). */
const card = () => randomCard('628415');

const PREFIX = `caselink-test-mc-${randomUUID().slice(0, 8)}`;
/** Per client: 6 token requests in the window; the rate-limit test spends a client's budget. */
const LIMITS = { QUEUE_PREFIX: PREFIX, RATE_LIMIT_LOGIN_ACCOUNT: '6/900' };

const CREATE = `mutation($i: CreateMachineClientInput!) { createMachineClient(input: $i) {
  clientSecret tokenPath previousSecretsUntil client { id clientId name roles active secrets { hint current expiresAt } } } }`;
const ROTATE = `mutation($id: ID!, $g: Int) { rotateMachineClientSecret(id: $id, graceHours: $g) { clientSecret previousSecretsUntil client { secrets { current } } } }`;
const REVOKE = 'mutation($id: ID!) { revokeMachineClient(id: $id) { active revokedAt secrets { current } } }';
const LIST = 'query($r: Boolean) { machineClients(includeRevoked: $r) { id clientId name roles active lastUsedAt createdByName secrets { hint current } } }';
const SEND_FREEZE = 'mutation($i: SendFreezeRequestInput!) { sendFreezeRequest(input: $i) { id } }';

/** A documentation address per request (TEST-NET-2): the per-address limit is not what these tests spend. */
const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

interface TokenResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, any>;
}

/** POST /oauth/token with a form; `basic` sends the credentials as client_secret_basic. */
async function tokenRequest(
  app: NestFastifyApplication, form: Record<string, string>, opts: { basic?: [string, string]; ip?: string; contentType?: string } = {},
): Promise<TokenResponse> {
  const res = await app.getHttpAdapter().getInstance().inject({
    method: 'POST', url: '/oauth/token', remoteAddress: opts.ip ?? randomIp(),
    headers: {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      ...(opts.basic ? { authorization: `Basic ${Buffer.from(`${opts.basic[0]}:${opts.basic[1]}`).toString('base64')}` } : {}),
    },
    payload: opts.contentType === 'application/json' ? JSON.stringify(form) : new URLSearchParams(form).toString(),
  });
  return { status: res.statusCode, headers: res.headers, body: res.json() };
}

describe('machine clients: OAuth 2.0 client credentials for banks\' and telecoms\' own systems', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let gd: TestAgency;
  let bank: TestAgency;
  let otherBank: TestAgency;
  const t: Record<string, string> = {};
  let caseId: string;

  const createClientAs = async (token: string, name = `核心银行系统 core banking ${randomUUID().slice(0, 4)}`, roles: string[] = ['LIAISON']) => {
    const r = await gql(app, CREATE, { i: { name, roles } }, { token });
    if (!r.data) throw new Error(`createMachineClient: ${JSON.stringify(r.errors)}`);
    return r.data.createMachineClient as { clientSecret: string; client: { id: string; clientId: string; name: string } };
  };
  const tokenOf = async (clientId: string, secret: string, scope?: string): Promise<string> => {
    const r = await tokenRequest(app, { grant_type: 'client_credentials', ...(scope ? { scope } : {}) }, { basic: [clientId, secret] });
    if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body['access_token'];
  };
  const freezeTo = async (bankId: string) => {
    const r = await gql(app, SEND_FREEZE, {
      i: { caseId, bankAgencyId: bankId, kind: 'EMERGENCY_STOP', account: card(), amount: '8000', legalBasisDoc: '粤公(反诈)冻字[2026]301号' },
    }, { token: t['gd'] });
    if (!r.data) throw new Error(`sendFreezeRequest: ${JSON.stringify(r.errors)}`);
    return r.data.sendFreezeRequest.id as string;
  };
  const refusals = async (clientId: string) => (await owner.query<{ agency_id: string | null; outcome: string; details: Record<string, unknown> }>(
    `SELECT agency_id, outcome, details FROM audit_events WHERE action = 'MACHINE_TOKEN_REFUSED' AND details->>'clientId' = $1 ORDER BY sequence`, [clientId],
  )).rows;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'McGD', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    bank = await createAgency(owner, 'McBank', [Role.ADMIN, Role.LIAISON], AgencyKind.BANK, '110000');
    otherBank = await createAgency(owner, 'McBank2', [Role.ADMIN], AgencyKind.BANK, '310000');
    app = await startApi(LIMITS);
    await app.listen(0, '127.0.0.1');
    t['gd'] = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    t['bankAdmin'] = (await login(app, bank.users[Role.ADMIN].email)).token;
    t['bankLiaison'] = (await login(app, bank.users[Role.LIAISON].email)).token;
    t['otherAdmin'] = (await login(app, otherBank.users[Role.ADMIN].email)).token;
    const created = await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
      i: { title: '机器客户端测试案件 machine client case', fraudType: 'FAKE_CUSTOMER_SERVICE', reportedOn: '2026-11-20' },
    }, { token: t['gd'] });
    caseId = created.data?.createCase.id;
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
    await pool?.end();
  });

  it("an agency's admin creates a client: the secret is shown once and kept only as an Argon2id hash; bad input names the field and writes nothing", async () => {
    const made = (await gql(app, CREATE, { i: { name: '  核心银行系统 core banking  ', roles: ['LIAISON', 'LIAISON'] } }, { token: t['bankAdmin'] })).data?.createMachineClient;
    expect(made).toMatchObject({
      clientSecret: expect.stringMatching(/^mcs_[A-Za-z0-9_-]{43}$/), tokenPath: '/oauth/token', previousSecretsUntil: null,
      client: { clientId: expect.stringMatching(/^mc_[0-9a-f]{24}$/), name: '核心银行系统 core banking', roles: ['LIAISON'], active: true, secrets: [{ current: true, expiresAt: null }] },
    });
    expect(made.client.secrets[0].hint).toBe(made.clientSecret.slice(-4));
    const { rows: [stored] } = await owner.query<{ secret_hash: string }>('SELECT secret_hash FROM machine_client_secrets WHERE machine_client_id = $1', [made.client.id]);
    expect(stored.secret_hash).toMatch(/^\$argon2id\$/);
    expect(stored.secret_hash).not.toContain(made.clientSecret);
    const { rows: [audit] } = await owner.query(`SELECT agency_id, actor_user_id, details FROM audit_events WHERE action = 'MACHINE_CLIENT_CREATED' AND entity_id = $1`, [made.client.id]);
    expect(audit).toMatchObject({ agency_id: bank.id, actor_user_id: bank.users[Role.ADMIN].id, details: { clientId: made.client.clientId, roles: ['LIAISON'] } });
    expect(JSON.stringify(audit)).not.toContain(made.clientSecret);
    // Listed for its admins, never with the secret.
    const listed = (await gql(app, LIST, {}, { token: t['bankAdmin'] })).data?.machineClients;
    expect(listed).toContainEqual(expect.objectContaining({ id: made.client.id, createdByName: expect.any(String), lastUsedAt: null }));
    expect(JSON.stringify(listed)).not.toContain(made.clientSecret);

    const count = async () => (await owner.query('SELECT count(*)::int AS n FROM machine_clients WHERE agency_id = $1', [bank.id])).rows[0].n as number;
    const before = await count();
    for (const [input, field] of [
      [{ name: 'x', roles: ['ADMIN'] }, 'input.roles'], // a machine never administers
      [{ name: 'x', roles: ['INVESTIGATOR'] }, 'input.roles'], // not a bank's role
      [{ name: 'x', roles: [] }, 'input.roles'],
      [{ name: '   ', roles: ['LIAISON'] }, 'input.name'],
      [{ name: 'x'.repeat(101), roles: ['LIAISON'] }, 'input.name'],
    ] as const) {
      const r = await gql(app, CREATE, { i: input }, { token: t['bankAdmin'] });
      expect({ field, ext: r.errors?.[0].extensions }).toEqual({ field, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
      expect(r.errors?.[0].message).toMatch(/ · /);
    }
    expect(await count()).toBe(before);
    // A police agency's client acts with police roles (never ADMIN).
    const police = await createAgency(owner, 'McPoliceAdmin', [Role.ADMIN], AgencyKind.POLICE, '440000');
    const policeAdmin = (await login(app, police.users[Role.ADMIN].email)).token;
    expect((await gql(app, CREATE, { i: { name: 'case system', roles: ['ANALYST'] } }, { token: policeAdmin })).data?.createMachineClient.client.roles).toEqual(['ANALYST']);
    expect(codeOf(await gql(app, CREATE, { i: { name: 'case system', roles: ['LIAISON'] } }, { token: policeAdmin }))).toBe('BAD_USER_INPUT');
  });

  it("only the agency's own admins see and manage its clients (GraphQL), and the client's account is no user to manage", async () => {
    const mine = await createClientAs(t['bankAdmin']);
    // Not an admin of the bank: the access table refuses.
    for (const q of [LIST, CREATE, ROTATE, REVOKE]) {
      const vars = q === LIST ? {} : q === CREATE ? { i: { name: 'x', roles: ['LIAISON'] } } : { id: mine.client.id };
      const r = await gql(app, q, vars, { token: t['bankLiaison'] });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCESS_TABLE' });
    }
    // Another bank's admin: nothing to see, nothing to change.
    expect((await gql(app, LIST, { r: true }, { token: t['otherAdmin'] })).data?.machineClients.map((c: { id: string }) => c.id)).not.toContain(mine.client.id);
    expect(codeOf(await gql(app, ROTATE, { id: mine.client.id }, { token: t['otherAdmin'] }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, REVOKE, { id: mine.client.id }, { token: t['otherAdmin'] }))).toBe('NOT_FOUND');
    const { rows: [state] } = await owner.query<{ n: number; revoked: boolean }>(
      'SELECT (SELECT count(*)::int FROM machine_client_secrets WHERE machine_client_id = $1) AS n, revoked_at IS NOT NULL AS revoked FROM machine_clients WHERE id = $1', [mine.client.id]);
    expect(state).toEqual({ n: 1, revoked: false });
    // The client's account is in no user list, and no user mutation reaches it.
    const users = await gql(app, 'query { users(first: 100, includeInactive: true) { edges { node { id } } } }', {}, { token: t['bankAdmin'] });
    expect(users.data?.users.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(mine.client.id);
    expect(codeOf(await gql(app, 'query($id: ID!) { user(id: $id) { id } }', { id: mine.client.id }, { token: t['bankAdmin'] }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: mine.client.id }, { token: t['bankAdmin'] }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, 'mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "another-password-123") { id } }', { id: mine.client.id }, { token: t['bankAdmin'] }))).toBe('NOT_FOUND');
    // Nor does a password sign-in with its account's e-mail work.
    const { rows: [account] } = await owner.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [mine.client.id]);
    expect(account.email).toBe(`${mine.client.clientId}@machine.caselink.invalid`);
    expect(codeOf(await gql(app, 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: account.email, p: mine.clientSecret }))).toBe('UNAUTHENTICATED');
  });

  it('holds the wall straight at PostgreSQL as the app role: other agencies, other roles, never the hashes, never the account (SELECT, UPDATE, DELETE)', async () => {
    const mine = await createClientAs(t['bankAdmin']);
    const id = mine.client.id;
    const otherAdmin = otherBank.users[Role.ADMIN].id;
    const attempts: Array<[string, string, string[], string, unknown[]]> = [
      ['another bank\'s admin reads', otherBank.id, ['ADMIN'], 'SELECT id FROM machine_clients WHERE id = $1', [id]],
      ['another bank\'s admin reads secrets', otherBank.id, ['ADMIN'], 'SELECT id FROM machine_client_secrets WHERE machine_client_id = $1', [id]],
      ['the bank\'s liaison reads', bank.id, ['LIAISON'], 'SELECT id FROM machine_clients WHERE id = $1', [id]],
      ['the bank\'s worker reads', bank.id, ['SYSTEM'], 'SELECT id FROM machine_clients WHERE id = $1', [id]],
      ['another bank\'s admin revokes', otherBank.id, ['ADMIN'], `UPDATE machine_clients SET revoked_at = now(), revoked_by = '${otherAdmin}' WHERE id = $1 RETURNING id`, [id]],
      ['another bank\'s admin ends secrets', otherBank.id, ['ADMIN'], 'UPDATE machine_client_secrets SET expires_at = now() WHERE machine_client_id = $1 RETURNING id', [id]],
      ['the bank\'s liaison ends secrets', bank.id, ['LIAISON'], 'UPDATE machine_client_secrets SET expires_at = now() WHERE machine_client_id = $1 RETURNING id', [id]],
      ['the bank\'s admin reads the account', bank.id, ['ADMIN'], 'SELECT id FROM users WHERE id = $1', [id]],
      ['the bank\'s admin switches the account back on', bank.id, ['ADMIN'], 'UPDATE users SET active = true WHERE id = $1 RETURNING id', [id]],
      ['the bank\'s admin deletes the account', bank.id, ['ADMIN'], 'DELETE FROM users WHERE id = $1 RETURNING id', [id]],
    ];
    for (const [what, agency, roles, sql, params] of attempts) {
      const rows = await asAgency(pool, agency, sql, params, roles, roles.includes('ADMIN') ? (agency === bank.id ? bank.users[Role.ADMIN].id : otherAdmin) : '')
        .catch((e: { code?: string }) => (e.code === '42501' ? [] : Promise.reject(e)));
      expect({ what, rows }).toEqual({ what, rows: [] });
    }
    // Refused outright (no privilege, or a guard): deleting clients or secrets, reading a hash, moving an end later,
    // un-revoking, changing the roles — even as the bank's own admin.
    const admin = bank.users[Role.ADMIN].id;
    for (const [what, sql] of [
      ['delete a client', 'DELETE FROM machine_clients WHERE id = $1'],
      ['delete a secret', 'DELETE FROM machine_client_secrets WHERE machine_client_id = $1'],
      ['read a hash', 'SELECT secret_hash FROM machine_client_secrets WHERE machine_client_id = $1'],
      ['change the roles', `UPDATE machine_clients SET roles = ARRAY['LIAISON','ANALYST'] WHERE id = $1`],
      ['end a secret later than it ends', `UPDATE machine_client_secrets SET expires_at = now() + interval '1 day' WHERE machine_client_id = $1 AND expires_at IS NOT NULL`],
    ] as const) {
      if (what === 'end a secret later than it ends') await asAgency(pool, bank.id, 'UPDATE machine_client_secrets SET expires_at = now() WHERE machine_client_id = $1', [id], ['ADMIN'], admin);
      const error = await asAgency(pool, bank.id, sql, [id], ['ADMIN'], admin).then(() => null, (e: { code?: string }) => e.code);
      expect({ what, error }).toEqual({ what, error: '42501' });
    }
    // The bank's admin may revoke (the account goes off with it), but not take it back.
    await asAgency(pool, bank.id, 'UPDATE machine_clients SET revoked_at = now(), revoked_by = $2 WHERE id = $1', [id, admin], ['ADMIN'], admin);
    expect((await owner.query('SELECT active FROM users WHERE id = $1', [id])).rows[0].active).toBe(false);
    const back = await asAgency(pool, bank.id, 'UPDATE machine_clients SET revoked_at = NULL, revoked_by = NULL WHERE id = $1', [id], ['ADMIN'], admin).then(() => null, (e: { code?: string }) => e.code);
    expect(back).toBe('42501');
  });

  it('issues a token (client_secret_basic and client_secret_post) that acts as the bank with its roles: its inbox, its answers, audited as the client', async () => {
    const mine = await createClientAs(t['bankAdmin'], '核心银行系统 answering desk');
    const basic = await tokenRequest(app, { grant_type: 'client_credentials' }, { basic: [mine.client.clientId, mine.clientSecret] });
    expect(basic.status).toBe(200);
    expect(basic.headers['cache-control']).toBe('no-store');
    expect(basic.headers['pragma']).toBe('no-cache');
    expect(basic.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number), scope: 'LIAISON' });
    expect(basic.body['expires_in']).toBeGreaterThan(500);
    expect(basic.body['expires_in']).toBeLessThanOrEqual(600);
    expect(basic.body).not.toHaveProperty('refresh_token');
    const post = await tokenRequest(app, { grant_type: 'client_credentials', client_id: mine.client.clientId, client_secret: mine.clientSecret, scope: 'LIAISON' });
    expect(post.status).toBe(200);
    const token = post.body['access_token'] as string;

    const me = await gql(app, 'query { me { id displayName roles agency { id } } }', {}, { token });
    expect(me.data?.me).toEqual({ id: mine.client.id, displayName: expect.stringContaining('核心银行系统 answering desk'), roles: ['LIAISON'], agency: { id: bank.id } });
    // Its bank's freeze is in its inbox; another bank's is not there at all.
    const ours = await freezeTo(bank.id);
    const theirs = await freezeTo(otherBank.id);
    const inbox = await gql(app, 'query { requests(direction: INCOMING, first: 50) { edges { node { id } } } }', {}, { token });
    const ids = inbox.data?.requests.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(ours);
    expect(ids).not.toContain(theirs);
    expect(codeOf(await gql(app, 'query($id: ID!) { request(id: $id) { id } }', { id: theirs }, { token }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, 'mutation($id: ID!) { acknowledgeRequest(id: $id) { state } }', { id: theirs }, { token }))).toBe('NOT_FOUND');
    // What its roles and agency may not do: police work, administration.
    for (const [query, vars] of [
      [SEND_FREEZE, { i: { caseId, bankAgencyId: bank.id, kind: 'EMERGENCY_STOP', account: card(), amount: '1', legalBasisDoc: 'x' } }],
      ['query { cases(first: 5) { totalCount } }', {}],
      [LIST, {}],
      [CREATE, { i: { name: 'x', roles: ['LIAISON'] } }],
      ['query { users(first: 5) { totalCount } }', {}],
    ] as const) {
      const r = await gql(app, query, vars, { token });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCESS_TABLE' });
    }
    // It answers its bank's freeze: the timeline names it, the audit trail has it as the actor, as the bank.
    expect((await gql(app, 'mutation($id: ID!) { acknowledgeRequest(id: $id) { state } }', { id: ours }, { token })).data?.acknowledgeRequest.state).toBe('ACKNOWLEDGED');
    const answered = await gql(app, 'mutation($i: AnswerFreezeInput!) { answerFreeze(input: $i) { state amountHeld } }', {
      i: { id: ours, outcome: 'FROZEN', amountHeld: '8000', balance: '8350.20', downstream: [] },
    }, { token });
    expect(answered.data?.answerFreeze).toEqual({ state: 'FROZEN', amountHeld: '8000.00' });
    const seen = await gql(app, 'query($id: ID!) { request(id: $id) { events { toState authorName agency { id } } } }', { id: ours }, { token: t['gd'] });
    expect(seen.data?.request.events.filter((e: { toState: string | null }) => e.toState === 'FROZEN')).toEqual([
      { toState: 'FROZEN', authorName: expect.stringContaining('核心银行系统 answering desk'), agency: { id: bank.id } },
    ]);
    const { rows } = await owner.query<{ action: string; agency_id: string; actor_user_id: string; actor_email: string }>(
      `SELECT action, agency_id, actor_user_id, actor_email FROM audit_events WHERE actor_user_id = $1 ORDER BY sequence`, [mine.client.id]);
    expect(rows.map((r) => r.action)).toEqual(['MACHINE_TOKEN_ISSUED', 'MACHINE_TOKEN_ISSUED', 'REQUEST_STATE_CHANGED', 'REQUEST_STATE_CHANGED']);
    expect(new Set(rows.map((r) => `${r.agency_id} ${r.actor_email}`))).toEqual(new Set([`${bank.id} ${mine.client.clientId}@machine.caselink.invalid`]));
    // Its admins see when it was last used.
    const listed = (await gql(app, LIST, {}, { token: t['bankAdmin'] })).data?.machineClients.find((c: { id: string }) => c.id === mine.client.id);
    expect(listed.lastUsedAt).toEqual(expect.any(String));
    // At PostgreSQL the client acting as itself sees no client (not an admin).
    expect(await asAgency(pool, bank.id, 'SELECT id FROM machine_clients', [], ['LIAISON'], mine.client.id)).toEqual([]);
  });

  it('refuses bad token requests as RFC 6749 §5.2 says, and audits the refused authentications as the client\'s agency', async () => {
    const mine = await createClientAs(t['bankAdmin']);
    const good = { grant_type: 'client_credentials' };
    const expectError = (r: TokenResponse, status: number, error: string) => {
      expect({ status: r.status, error: r.body['error'] }).toEqual({ status, error });
      expect(r.body['error_description']).toMatch(/^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/);
      expect(r.headers['cache-control']).toBe('no-store');
    };
    const wrongBasic = await tokenRequest(app, good, { basic: [mine.client.clientId, `mcs_${'A'.repeat(43)}`] });
    expectError(wrongBasic, 401, 'invalid_client');
    expect(wrongBasic.headers['www-authenticate']).toMatch(/^Basic /);
    expectError(await tokenRequest(app, { ...good, client_id: mine.client.clientId, client_secret: 'wrong' }), 400, 'invalid_client');
    expectError(await tokenRequest(app, good, { basic: ['mc_000000000000000000000000', mine.clientSecret] }), 401, 'invalid_client');
    expectError(await tokenRequest(app, good, { basic: ['not-a-client', 'whatever'] }), 401, 'invalid_client');
    expectError(await tokenRequest(app, { scope: 'LIAISON' }, { basic: [mine.client.clientId, mine.clientSecret] }), 400, 'invalid_request'); // no grant_type
    expectError(await tokenRequest(app, { grant_type: 'password', username: 'x', password: 'y' }, { basic: [mine.client.clientId, mine.clientSecret] }), 400, 'unauthorized_client');
    expectError(await tokenRequest(app, { ...good, scope: 'ADMIN' }, { basic: [mine.client.clientId, mine.clientSecret] }), 400, 'invalid_scope');
    expectError(await tokenRequest(app, { grant_type: 'client_credentials' }), 400, 'invalid_client'); // no credentials at all
    expectError(await tokenRequest(app, { grant_type: 'client_credentials', client_id: mine.client.clientId, client_secret: mine.clientSecret }, { contentType: 'application/json' }), 400, 'invalid_request');
    // Audited as the bank (refused authentications and grants of a known client), anonymously for an unknown client.
    expect((await refusals(mine.client.clientId)).map((r) => [r.agency_id, r.outcome, r.details['reason']])).toEqual([
      [bank.id, 'DENIED', 'WRONG_SECRET'], [bank.id, 'DENIED', 'WRONG_SECRET'], [bank.id, 'DENIED', 'INVALID_REQUEST'],
      [bank.id, 'DENIED', 'GRANT_NOT_ALLOWED'], [bank.id, 'DENIED', 'INVALID_SCOPE'],
    ]);
    expect((await refusals('mc_000000000000000000000000')).map((r) => [r.agency_id, r.details['reason']])).toEqual([[null, 'UNKNOWN_CLIENT']]);
    // The bank's admins (and auditors) read their own refusals in the audit trail; no secret is in it.
    const trail = await gql(app, 'query { auditEvents(first: 100, action: "MACHINE_TOKEN_REFUSED") { edges { node { entityId details } } } }', {}, { token: t['bankAdmin'] });
    expect(trail.data?.auditEvents.edges.map((e: { node: { entityId: string } }) => e.node.entityId)).toContain(mine.client.id);
    expect(JSON.stringify(trail.data)).not.toContain(mine.clientSecret);
  });

  it('rotates: the old secret works during its grace period and not after; graceHours 0 stops it at once', async () => {
    const mine = await createClientAs(t['bankAdmin']);
    const first = mine.clientSecret;
    const rotated = (await gql(app, ROTATE, { id: mine.client.id }, { token: t['bankAdmin'] })).data?.rotateMachineClientSecret;
    expect(rotated.previousSecretsUntil).toEqual(expect.any(String));
    expect(new Date(rotated.previousSecretsUntil).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(rotated.client.secrets).toEqual([{ current: true }, { current: true }]);
    await tokenOf(mine.client.clientId, rotated.clientSecret);
    await tokenOf(mine.client.clientId, first); // within its grace period
    // The grace period is over (moved to now, as the clock would): the old secret is refused, and told why.
    await owner.query('UPDATE machine_client_secrets SET expires_at = now() WHERE machine_client_id = $1 AND expires_at IS NOT NULL', [mine.client.id]);
    const late = await tokenRequest(app, { grant_type: 'client_credentials' }, { basic: [mine.client.clientId, first] });
    expect({ status: late.status, error: late.body['error'] }).toEqual({ status: 401, error: 'invalid_client' });
    expect(late.body['error_description']).toMatch(/rotated out/);
    // A leaked secret: rotated with no grace, it stops at once.
    const again = (await gql(app, ROTATE, { id: mine.client.id, g: 0 }, { token: t['bankAdmin'] })).data?.rotateMachineClientSecret;
    expect(again.previousSecretsUntil).toBeNull();
    const leaked = await tokenRequest(app, { grant_type: 'client_credentials' }, { basic: [mine.client.clientId, rotated.clientSecret] });
    expect(leaked.status).toBe(401);
    await tokenOf(mine.client.clientId, again.clientSecret);
    expect((await refusals(mine.client.clientId)).map((r) => r.details['reason'])).toEqual(['SECRET_ROTATED_OUT', 'SECRET_ROTATED_OUT']);
    expect(codeOf(await gql(app, ROTATE, { id: mine.client.id, g: 200 }, { token: t['bankAdmin'] }))).toBe('BAD_USER_INPUT');
    const { rows } = await owner.query(`SELECT details FROM audit_events WHERE action = 'MACHINE_CLIENT_SECRET_ROTATED' AND entity_id = $1 ORDER BY sequence`, [mine.client.id]);
    expect(rows.map((r) => r.details.graceHours)).toEqual([24, 0]);
  });

  it('revoking ends everything at once: tokens already issued, token requests, and live connections (as a deactivated user\'s)', async () => {
    const mine = await createClientAs(t['bankAdmin']);
    const token = await tokenOf(mine.client.clientId, mine.clientSecret);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const heard: string[] = [];
    let ws: WsClient | undefined;
    const closed = new Promise<number>((resolve) => {
      ws = createClient({
        url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 0,
        onNonLazyError: () => undefined, // the 4401 close is what this test waits for
        on: { closed: (e) => resolve((e as { code: number }).code) },
      });
      ws.subscribe<{ requestUpdates: { requestId: string } }>({ query: 'subscription { requestUpdates { requestId } }' }, {
        next: (v) => v.data && heard.push(v.data.requestUpdates.requestId), error: () => undefined, complete: () => undefined,
      });
    });
    try {
      // The machine token works over graphql-ws: a probe addressed to its bank reaches it.
      const bus = createLiveBus(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
      try {
        await waitFor(async () => {
          await publishRequestUpdate(bus, PREFIX, {
            requestId: 'probe', reference: 'probe', type: 'FREEZE', state: 'SENT', eventKind: 'STATE', overdue: false, sent: true,
            fromAgencyId: gd.id, toAgencyId: bank.id, at: new Date().toISOString(),
          });
          await new Promise((r) => setTimeout(r, 100));
          return heard.includes('probe') ? true : undefined;
        }, 'the machine client\'s subscription to be live');
      } finally {
        await closeLiveBus(bus);
      }
      const revoked = (await gql(app, REVOKE, { id: mine.client.id }, { token: t['bankAdmin'] })).data?.revokeMachineClient;
      expect(revoked).toEqual({ active: false, revokedAt: expect.any(String), secrets: [{ current: false }] });
      expect(await closed).toBe(4401);
    } finally {
      await ws?.dispose();
    }
    const call = await gql(app, 'query { inboxCounts { unread } }', {}, { token });
    expect(call.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_INACTIVE' });
    const asked = await tokenRequest(app, { grant_type: 'client_credentials' }, { basic: [mine.client.clientId, mine.clientSecret] });
    expect({ status: asked.status, error: asked.body['error'], description: asked.body['error_description'] }).toEqual({ status: 401, error: 'invalid_client', description: expect.stringMatching(/revoked/) });
    expect((await refusals(mine.client.clientId)).map((r) => r.details['reason'])).toEqual(['REVOKED']);
    expect(codeOf(await gql(app, ROTATE, { id: mine.client.id }, { token: t['bankAdmin'] }))).toBe('CONFLICT');
    // Revoked once: again changes nothing and audits nothing more.
    await gql(app, REVOKE, { id: mine.client.id }, { token: t['bankAdmin'] });
    const { rows } = await owner.query(`SELECT actor_user_id FROM audit_events WHERE action = 'MACHINE_CLIENT_REVOKED' AND entity_id = $1`, [mine.client.id]);
    expect(rows).toEqual([{ actor_user_id: bank.users[Role.ADMIN].id }]);
    expect((await gql(app, LIST, {}, { token: t['bankAdmin'] })).data?.machineClients.map((c: { id: string }) => c.id)).not.toContain(mine.client.id);
    expect((await gql(app, LIST, { r: true }, { token: t['bankAdmin'] })).data?.machineClients.map((c: { id: string }) => c.id)).toContain(mine.client.id);
  });

  it('counts token requests in the sign-in limits per client: over the limit, 429 with Retry-After, audited once', async () => {
    const mine = await createClientAs(t['bankAdmin']);
    const statuses: number[] = [];
    let last: TokenResponse | undefined;
    for (let i = 0; i < 7; i++) {
      last = await tokenRequest(app, { grant_type: 'client_credentials' }, { basic: [mine.client.clientId, mine.clientSecret] });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expect(last?.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.stringMatching(/^Too many token requests for this client; try again in \d+ s$/) });
    const retryAfter = Number(last?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(last?.headers['cache-control']).toBe('no-store');
    // Refused without checking the secret: even the right one waits.
    const { rows } = await owner.query(`SELECT details FROM audit_events WHERE action = 'RATE_LIMITED' AND actor_email = $1`, [`${mine.client.clientId}@machine.caselink.invalid`]);
    expect(rows).toEqual([{ details: expect.objectContaining({ kind: 'login', limit: 'ACCOUNT', max: 6 }) }]);
    // Another client is not held back by this one.
    const other = await createClientAs(t['bankAdmin']);
    expect((await tokenRequest(app, { grant_type: 'client_credentials' }, { basic: [other.client.clientId, other.clientSecret] })).status).toBe(200);
  });
});
