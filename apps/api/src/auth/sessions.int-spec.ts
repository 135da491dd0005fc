import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { Role } from '@caselink/domain';
import { codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';

const REFRESH = 'mutation { refreshSession { accessToken user { email } } }';

describe('sessions', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let agency: TestAgency;

  beforeAll(async () => {
    app = await startApi();
    owner = await ownerClient();
    agency = await createAgency(owner, 'Session', [Role.ADMIN, Role.INVESTIGATOR, Role.LIAISON]);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('denies every non-public resolver without a token, and a forged one', async () => {
    expect(codeOf(await gql(app, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, '{ me { id } }', {}, { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }))).toBe('UNAUTHENTICATED');
  });

  it('rotates the refresh token, and a reused old one ends the whole family', async () => {
    const { cookie } = await login(app, agency.users[Role.INVESTIGATOR].email);
    const first = await gql(app, REFRESH, {}, { cookie });
    expect(first.data?.refreshSession.user.email).toBe(agency.users[Role.INVESTIGATOR].email);
    const rotated = `caselink_refresh=${first.cookies['caselink_refresh']}`;
    expect(rotated).not.toBe(cookie);
    const replay = await gql(app, REFRESH, {}, { cookie });
    expect(replay.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(codeOf(await gql(app, REFRESH, {}, { cookie: rotated }))).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the session', async () => {
    const { cookie, token } = await login(app, agency.users[Role.LIAISON].email);
    expect((await gql(app, 'mutation { logout }', {}, { cookie, token })).data?.logout).toBe(true);
    expect(codeOf(await gql(app, REFRESH, {}, { cookie }))).toBe('UNAUTHENTICATED');
  });

  it('a deactivated user is shut out at once, even with a live access token', async () => {
    const target = await createAgency(owner, 'Deact', [Role.ADMIN, Role.INVESTIGATOR]);
    const victim = await login(app, target.users[Role.INVESTIGATOR].email);
    const admin = (await login(app, target.users[Role.ADMIN].email)).token;
    await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: target.users[Role.INVESTIGATOR].id }, { token: admin });
    expect((await gql(app, '{ me { id } }', {}, { token: victim.token })).errors?.[0].extensions?.['reason']).toBe('ACCOUNT_INACTIVE');
    expect(codeOf(await gql(app, REFRESH, {}, { cookie: victim.cookie }))).toBe('UNAUTHENTICATED');
  });

  it('me returns the user with agency and roles', async () => {
    const { token } = await login(app, agency.users[Role.ADMIN].email);
    const r = await gql(app, '{ me { email roles agency { id kind region } } }', {}, { token });
    expect(r.data?.me).toEqual({ email: agency.users[Role.ADMIN].email, roles: ['ADMIN'], agency: { id: agency.id, kind: 'POLICE', region: '440000' } });
  });
});
