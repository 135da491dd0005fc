import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, PASSWORD, startApi, TestAgency } from '../../test/harness';

const LOGIN = 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }';

describe('account lockout', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let agency: TestAgency;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    agency = await createAgency(owner, 'Lock', [Role.ADMIN, Role.INVESTIGATOR, Role.ANALYST, Role.AUDITOR]);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const reasons = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (r.errors ?? []).map((e) => e.extensions?.['reason']);

  it('locks for 10 minutes after 5 failures, and then refuses even the right password', async () => {
    const email = agency.users[Role.INVESTIGATOR].email;
    for (let i = 0; i < 4; i++) {
      expect(reasons(await gql(app, LOGIN, { e: email, p: 'wrong-password' }))).toEqual(['INVALID_CREDENTIALS']);
    }
    const fifth = await gql(app, LOGIN, { e: email, p: 'wrong-password' });
    expect(reasons(fifth)).toEqual(['ACCOUNT_LOCKED']);
    const until = new Date(fifth.errors?.[0].extensions?.['lockedUntil'] as string).getTime();
    expect(until - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(reasons(await gql(app, LOGIN, { e: email, p: PASSWORD }))).toEqual(['ACCOUNT_LOCKED']);
    const { rows } = await owner.query("SELECT action FROM audit_events WHERE entity_id = $1 AND action IN ('LOGIN_FAILED','ACCOUNT_LOCKED') ORDER BY sequence", [agency.users[Role.INVESTIGATOR].id]);
    expect(rows.filter((r) => r.action === 'ACCOUNT_LOCKED')).toHaveLength(1);
    expect(rows.filter((r) => r.action === 'LOGIN_FAILED')).toHaveLength(6);
  });

  it('counts 6 attempts aliased in one request one by one', async () => {
    const email = agency.users[Role.ANALYST].email;
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: login(input: { email: $e, password: "wrong-${i}" }) { accessToken }`).join('\n');
    const r = await gql(app, `mutation($e: String!) { ${aliases} }`, { e: email });
    expect(reasons(r)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    expect(reasons(await gql(app, LOGIN, { e: email, p: PASSWORD }))).toEqual(['ACCOUNT_LOCKED']);
  });

  it('an admin reset unlocks the account', async () => {
    const email = agency.users[Role.AUDITOR].email;
    for (let i = 0; i < 5; i++) await gql(app, LOGIN, { e: email, p: 'wrong-password' });
    expect(reasons(await gql(app, LOGIN, { e: email, p: PASSWORD }))).toEqual(['ACCOUNT_LOCKED']);
    const admin = (await login(app, agency.users[Role.ADMIN].email)).token;
    const reset = await gql(app, 'mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "a-brand-new-password") { lockedUntil } }', { id: agency.users[Role.AUDITOR].id }, { token: admin });
    expect(reset.data?.resetUserPassword.lockedUntil).toBeNull();
    expect((await gql(app, LOGIN, { e: email, p: 'a-brand-new-password' })).data?.login.accessToken).toEqual(expect.any(String));
  });

  it('does not reveal whether an unknown e-mail exists', async () => {
    const r = await gql(app, LOGIN, { e: 'nobody@nowhere.test', p: 'whatever-password' });
    expect(reasons(r)).toEqual(['INVALID_CREDENTIALS']);
  });
});
