import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { codeOf, createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { IdpAccount, RunningIdp, signInAtIdp, startIdp } from '../../test/idp';

/**
 * Single sign-on against a real OpenID provider (tools/idp/idp.mjs, oidc-provider) in a child process: the browser's
 * part is played by hand (start through inject, the provider through fetch, the callback through inject).
 */
const PORTAL = 'http://portal.sso.test';
const REDIRECT = `${PORTAL}/api/auth/sso/callback`;
const CLIENT = { client_id: 'caselink-test', client_secret: 'caselink-test-secret-0123456789' };
const OTHER_CLIENT = { client_id: 'someone-else', client_secret: 'someone-else-secret-0123456789' };
const SET = `mutation($i: SetAgencySsoInput!) { setAgencySso(input: $i) { agencyId issuer clientId emailDomain rolesClaim requireMfa enabled redirectUri } }`;

describe('single sign-on by OpenID Connect', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let idp: RunningIdp;
  let idp2: RunningIdp;
  let late: RunningIdp;
  let bank: TestAgency;
  let other: TestAgency;
  let mfaBank: TestAgency;
  let lateBank: TestAgency;
  const s = randomUUID().slice(0, 8);
  const domain = `bank-${s}.example`;
  const otherDomain = `other-${s}.example`;
  const mfaDomain = `mfa-${s}.example`;
  const lateDomain = `late-${s}.example`;
  const accounts: Record<string, IdpAccount> = {
    liaison: { email: `liaison@${domain}`, sub: `sub-liaison-${s}`, roles: ['LIAISON', 'INVESTIGATOR'], name: '单点联络员' },
    stranger: { email: `someone@${otherDomain}`, sub: `sub-stranger-${s}`, roles: ['LIAISON'] },
    taken: { email: `taken@${domain}`, sub: `sub-taken-${s}`, roles: ['LIAISON'] },
    police: { email: `police@${domain}`, sub: `sub-police-${s}`, roles: ['INVESTIGATOR', 'SUPERVISOR'] },
    mfa: { email: `officer@${mfaDomain}`, sub: `sub-mfa-${s}`, roles: ['ANALYST'] },
    late: { email: `late@${lateDomain}`, sub: `sub-late-${s}`, roles: ['LIAISON'] },
  };
  const inject = () => app.getHttpAdapter().getInstance();

  const configure = async (agency: TestAgency, issuer: string, emailDomain: string, extra: Record<string, unknown> = {}) => {
    const { token } = await login(app, agency.users[Role.ADMIN].email);
    const r = await gql(app, SET, { i: { agencyId: agency.id, issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, emailDomain, ...extra } }, { token });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data?.['setAgencySso'] as Record<string, unknown>;
  };

  /** GET start: the provider's authorization URL. */
  const start = async (agencyId: string, returnTo = '/cases?page=2') => {
    const res = await inject().inject({ method: 'GET', url: `/auth/sso/${agencyId}/start?returnTo=${encodeURIComponent(returnTo)}` });
    expect(res.statusCode).toBe(302);
    const location = String(res.headers.location);
    // The browser is given the state it must bring back.
    const stateCookie = (res.cookies as Array<{ name: string; value: string; httpOnly?: boolean; sameSite?: string }>).find((c) => c.name === 'caselink_sso_state');
    if (location.includes('state=')) expect(stateCookie).toMatchObject({ value: new URL(location).searchParams.get('state'), httpOnly: true, sameSite: 'Lax' });
    return location;
  };

  /** The provider's redirect delivered to the api, as the portal's proxy does. */
  /** By default from the browser that started the log-in (it holds the state cookie that start set). */
  const deliver = async (callback: URL, browserState: string | null = callback.searchParams.get('state')) => {
    const res = await inject().inject({
      method: 'GET', url: `/auth/sso/callback${callback.search}`,
      headers: { 'user-agent': 'sso-int-spec', ...(browserState ? { cookie: `caselink_sso_state=${browserState}` } : {}) },
    });
    expect(res.statusCode).toBe(302);
    const cookie = (res.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'caselink_refresh');
    return { location: String(res.headers.location), cookie: cookie ? `caselink_refresh=${cookie.value}` : undefined };
  };

  const flow = async (agency: TestAgency, choice: { sub: string; mfa?: boolean }) => deliver(await signInAtIdp(await start(agency.id), choice, REDIRECT));

  const sessions = async () => Number((await owner.query('SELECT count(*) FROM refresh_sessions')).rows[0].count);
  const failures = async (agencyId: string | null, reason: string) =>
    Number((await owner.query(
      "SELECT count(*) FROM audit_events WHERE action = 'SSO_LOGIN_FAILED' AND details->>'reason' = $2 AND agency_id IS NOT DISTINCT FROM $1",
      [agencyId, reason],
    )).rows[0].count);

  /** A refusal: the reason on the portal's log-in page, one audit row more, no cookie and no session. */
  const expectRefused = async (agencyId: string | null, reason: string, attempt: () => Promise<{ location: string; cookie?: string }>) => {
    const [before, audited] = [await sessions(), await failures(agencyId, reason)];
    const answer = await attempt();
    expect(answer.location).toBe(`${PORTAL}/login?sso_error=${reason}`);
    expect(answer.cookie).toBeUndefined();
    expect(await sessions()).toBe(before);
    expect(await failures(agencyId, reason)).toBe(audited + 1);
  };

  beforeAll(async () => {
    app = await startApi({ PORTAL_URL: PORTAL });
    owner = await ownerClient();
    const clients = [{ ...CLIENT, redirect_uris: [REDIRECT] }, { ...OTHER_CLIENT, redirect_uris: [REDIRECT] }];
    [idp, idp2, late] = await Promise.all([
      startIdp({ clients, accounts: Object.values(accounts) }),
      startIdp({ clients, accounts: Object.values(accounts) }),
      startIdp({ clients, accounts: Object.values(accounts), clockOffsetSeconds: -7200 }),
    ]);
    bank = await createAgency(owner, 'SsoBank', [Role.ADMIN], AgencyKind.BANK, '110000');
    other = await createAgency(owner, 'SsoOther', [Role.ADMIN], AgencyKind.BANK, '110000');
    mfaBank = await createAgency(owner, 'SsoMfa', [Role.ADMIN], AgencyKind.BANK, '110000');
    lateBank = await createAgency(owner, 'SsoLate', [Role.ADMIN], AgencyKind.BANK, '110000');
    await owner.query("INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'taken', '{LIAISON}', 'x')", [other.id, accounts.taken.email]);
    await configure(bank, idp.issuer, domain);
    await configure(other, idp.issuer, otherDomain);
    await configure(mfaBank, idp.issuer, mfaDomain, { requireMfa: true });
    await configure(lateBank, late.issuer, lateDomain);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([idp?.stop(), idp2?.stop(), late?.stop()]);
    await app?.close();
    await owner?.end();
  });

  describe('settings', () => {
    it('lists agencies offering sign-on to anyone, and shows their admin everything but the secret', async () => {
      const list = await gql(app, '{ ssoAgencies { id name nameEn } }');
      expect((list.data?.['ssoAgencies'] as Array<{ id: string }>).map((a) => a.id)).toEqual(expect.arrayContaining([bank.id, mfaBank.id]));
      const { token } = await login(app, bank.users[Role.ADMIN].email);
      const own = await gql(app, 'query($a: ID!) { agencySso(agencyId: $a) { issuer clientId emailDomain rolesClaim requireMfa enabled redirectUri } }', { a: bank.id }, { token });
      expect(own.data?.['agencySso']).toEqual({ issuer: idp.issuer, clientId: CLIENT.client_id, emailDomain: domain, rolesClaim: 'roles', requireMfa: false, enabled: true, redirectUri: REDIRECT });
      const secret = await gql(app, 'query($a: ID!) { agencySso(agencyId: $a) { clientSecret } }', { a: bank.id }, { token });
      expect(codeOf(secret)).toBe('GRAPHQL_VALIDATION_FAILED');
      const stranger = await gql(app, 'query($a: ID!) { agencySso(agencyId: $a) { issuer } }', { a: other.id }, { token });
      expect(codeOf(stranger)).toBe('FORBIDDEN');
      const audited = await owner.query("SELECT details FROM audit_events WHERE action = 'SSO_CONFIGURED' AND agency_id = $1", [bank.id]);
      expect(audited.rows[0].details).toMatchObject({ issuer: idp.issuer, secretChanged: true });
      expect(JSON.stringify(audited.rows)).not.toContain(CLIENT.client_secret);
    });

    it('refuses bad settings naming the field, in both languages', async () => {
      const { token } = await login(app, bank.users[Role.ADMIN].email);
      const base = { agencyId: bank.id, issuer: idp.issuer, clientId: 'c', emailDomain: domain };
      for (const [field, bad] of [['issuer', 'http://idp.example.com'], ['issuer', 'ftp://x'], ['emailDomain', `@${domain}`], ['rolesClaim', 'roles claim!']] as const) {
        const r = await gql(app, SET, { i: { ...base, [field]: bad } }, { token });
        expect({ field, code: codeOf(r), at: r.errors?.[0]?.extensions?.['field'] }).toEqual({ field, code: 'BAD_USER_INPUT', at: `input.${field}` });
        expect(r.errors?.[0]?.message).toMatch(/ · .*[\u4e00-\u9fff]/);
      }
      const fresh = await createAgency(owner, 'SsoFresh', [Role.ADMIN], AgencyKind.TELECOM, '110000');
      const t2 = (await login(app, fresh.users[Role.ADMIN].email)).token;
      const noSecret = await gql(app, SET, { i: { ...base, agencyId: fresh.id } }, { token: t2 });
      expect(noSecret.errors?.[0]?.extensions?.['field']).toBe('input.clientSecret');
    });
  });

  describe('a successful sign-on', () => {
    let callback: URL;

    it('provisions the user in the agency with the roles its kind may hold, sets the refresh cookie, and returns to the page', async () => {
      const authUrl = new URL(await start(bank.id));
      expect(authUrl.origin).toBe(idp.issuer);
      expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
      callback = await signInAtIdp(authUrl.href, { sub: accounts.liaison.sub }, REDIRECT);
      const answer = await deliver(callback);
      expect(answer.location).toBe(`${PORTAL}/login/sso?returnTo=${encodeURIComponent('/cases?page=2')}`);
      expect(answer.cookie).toBeDefined();
      const { rows } = await owner.query('SELECT id, agency_id, roles FROM users WHERE email = $1', [accounts.liaison.email]);
      expect(rows).toEqual([{ id: expect.any(String), agency_id: bank.id, roles: ['LIAISON'] }]); // INVESTIGATOR is not for banks
      const identity = await owner.query('SELECT user_id, agency_id FROM user_sso_identities WHERE issuer = $1 AND subject = $2', [idp.issuer, accounts.liaison.sub]);
      expect(identity.rows).toEqual([{ user_id: rows[0].id, agency_id: bank.id }]);
      const audit = await owner.query("SELECT actor_user_id FROM audit_events WHERE action = 'SSO_LOGIN' AND agency_id = $1", [bank.id]);
      expect(audit.rows.map((r) => r.actor_user_id)).toEqual([rows[0].id]);

      const refreshed = await gql(app, 'mutation { refreshSession { accessToken user { email roles } } }', {}, { cookie: answer.cookie });
      expect(refreshed.errors).toBeUndefined();
      expect(refreshed.data?.['refreshSession']).toMatchObject({ user: { email: accounts.liaison.email, roles: ['LIAISON'] } });
    });

    it('a second sign-on finds the same user', async () => {
      const answer = await flow(bank, { sub: accounts.liaison.sub });
      expect(answer.cookie).toBeDefined();
      const { rows } = await owner.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [accounts.liaison.email]);
      expect(rows[0].n).toBe(1);
      const audit = await owner.query("SELECT count(DISTINCT actor_user_id)::int AS users, count(*)::int AS n FROM audit_events WHERE action = 'SSO_LOGIN' AND agency_id = $1", [bank.id]);
      expect(audit.rows[0]).toEqual({ users: 1, n: 2 });
    });

    it('a replayed callback (same state) is refused', async () => {
      await expectRefused(bank.id, 'SSO_STATE_INVALID', () => deliver(callback));
    });

    it('a replayed code with a fresh state is refused by the provider', async () => {
      const fresh = new URL(await start(bank.id)).searchParams.get('state') as string;
      const replay = new URL(callback);
      replay.searchParams.set('state', fresh);
      await expectRefused(bank.id, 'SSO_TOKEN_INVALID', () => deliver(replay));
    });

    it("a callback opened in another browser than the one that started the log-in (log-in CSRF) is refused", async () => {
      const callback = await signInAtIdp(await start(bank.id), { sub: accounts.liaison.sub }, REDIRECT);
      await expectRefused(null, 'SSO_STATE_INVALID', () => deliver(callback, null));
      await expectRefused(null, 'SSO_STATE_INVALID', () => deliver(callback, 'some-other-state'));
    });

    it('an unknown state is refused without an agency', async () => {
      await expectRefused(null, 'SSO_STATE_INVALID', () => deliver(new URL(`${REDIRECT}?code=abc&state=${randomUUID()}`)));
    });
  });

  describe('refusals', () => {
    it('a code and iss from another provider (wrong issuer)', async () => {
      const authUrl = new URL(await start(bank.id));
      const elsewhere = new URL(`${authUrl.pathname}${authUrl.search}`, idp2.issuer);
      const callback = await signInAtIdp(elsewhere.href, { sub: accounts.liaison.sub }, REDIRECT);
      expect(callback.searchParams.get('iss')).toBe(idp2.issuer);
      await expectRefused(bank.id, 'SSO_TOKEN_INVALID', () => deliver(callback));
    });

    it('a code issued to another client (wrong audience)', async () => {
      const authUrl = new URL(await start(bank.id));
      authUrl.searchParams.set('client_id', OTHER_CLIENT.client_id);
      const callback = await signInAtIdp(authUrl.href, { sub: accounts.liaison.sub }, REDIRECT);
      await expectRefused(bank.id, 'SSO_TOKEN_INVALID', () => deliver(callback));
    });

    it('an expired ID token (the provider runs two hours behind)', async () => {
      const callback = await signInAtIdp(await start(lateBank.id), { sub: accounts.late.sub }, REDIRECT);
      await expectRefused(lateBank.id, 'SSO_TOKEN_INVALID', () => deliver(callback));
      const { rows } = await owner.query("SELECT details FROM audit_events WHERE action = 'SSO_LOGIN_FAILED' AND agency_id = $1", [lateBank.id]);
      expect(JSON.stringify(rows)).toMatch(/exp|expired|timestamp/i);
      expect((await owner.query('SELECT 1 FROM users WHERE email = $1', [accounts.late.email])).rowCount).toBe(0);
    });

    it("an e-mail of another agency's domain", async () => {
      await expectRefused(bank.id, 'SSO_DOMAIN_NOT_ALLOWED', () => flow(bank, { sub: accounts.stranger.sub }));
      expect((await owner.query('SELECT 1 FROM users WHERE email = $1', [accounts.stranger.email])).rowCount).toBe(0);
    });

    it('a user that exists in another agency', async () => {
      await expectRefused(bank.id, 'SSO_USER_OF_OTHER_AGENCY', () => flow(bank, { sub: accounts.taken.sub }));
      const { rows } = await owner.query('SELECT agency_id FROM users WHERE email = $1', [accounts.taken.email]);
      expect(rows).toEqual([{ agency_id: other.id }]);
    });

    it('a second factor required but not used; accepted when used', async () => {
      await expectRefused(mfaBank.id, 'SSO_MFA_REQUIRED', () => flow(mfaBank, { sub: accounts.mfa.sub }));
      const ok = await flow(mfaBank, { sub: accounts.mfa.sub, mfa: true });
      expect(ok.cookie).toBeDefined();
      expect((await owner.query('SELECT roles FROM users WHERE email = $1', [accounts.mfa.email])).rows).toEqual([{ roles: ['ANALYST'] }]);
    });

    it("the agency's sign-in policy requires a second factor: the provider's MFA is required too", async () => {
      await owner.query('UPDATE agencies SET second_factor_required = true WHERE id = $1', [bank.id]);
      try {
        await expectRefused(bank.id, 'SSO_MFA_REQUIRED', () => flow(bank, { sub: accounts.liaison.sub }));
        expect((await flow(bank, { sub: accounts.liaison.sub, mfa: true })).cookie).toBeDefined();
      } finally {
        await owner.query('UPDATE agencies SET second_factor_required = false WHERE id = $1', [bank.id]);
      }
    });

    it("a user who enrolled a second factor here signs on only with the provider's second factor", async () => {
      const { rows: [user] } = await owner.query<{ id: string; agency_id: string }>('SELECT id, agency_id FROM users WHERE email = $1', [accounts.liaison.email]);
      await owner.query(
        "INSERT INTO second_factors (user_id, agency_id, kind, label, credential_id, public_key, sign_count) VALUES ($1, $2, 'PASSKEY', 'key', $3, '\\x00', 0)",
        [user.id, user.agency_id, `cred-${randomUUID()}`]);
      try {
        await expectRefused(bank.id, 'SSO_MFA_REQUIRED', () => flow(bank, { sub: accounts.liaison.sub }));
        expect((await flow(bank, { sub: accounts.liaison.sub, mfa: true })).cookie).toBeDefined();
      } finally {
        await owner.query('DELETE FROM second_factors WHERE user_id = $1', [user.id]);
      }
    });

    it('a stored client secret is not sent to a new issuer: it must be given again', async () => {
      const { token } = await login(app, bank.users[Role.ADMIN].email);
      const moved = await gql(app, SET, { i: { agencyId: bank.id, issuer: idp2.issuer, clientId: CLIENT.client_id, emailDomain: domain } }, { token });
      expect(moved.errors?.[0]?.extensions?.['field']).toBe('input.clientSecret');
    });

    it('no role the agency may hold', async () => {
      await expectRefused(bank.id, 'SSO_NO_ROLES', () => flow(bank, { sub: accounts.police.sub }));
      expect((await owner.query('SELECT 1 FROM users WHERE email = $1', [accounts.police.email])).rowCount).toBe(0);
    });

    it('a deactivated user, and an agency without sign-on', async () => {
      await owner.query('UPDATE users SET active = false WHERE email = $1', [accounts.liaison.email]);
      try {
        await expectRefused(bank.id, 'ACCOUNT_INACTIVE', () => flow(bank, { sub: accounts.liaison.sub }));
      } finally {
        await owner.query('UPDATE users SET active = true WHERE email = $1', [accounts.liaison.email]);
      }
      const none = await createAgency(owner, 'SsoNone', [Role.ADMIN], AgencyKind.BANK, '110000');
      await expectRefused(null, 'SSO_NOT_CONFIGURED', async () => ({ location: await start(none.id) }));
    });

    it('an agency switched off', async () => {
      await owner.query('UPDATE agencies SET active = false WHERE id = $1', [other.id]);
      try {
        await expectRefused(other.id, 'AGENCY_INACTIVE', async () => ({ location: await start(other.id) }));
      } finally {
        await owner.query('UPDATE agencies SET active = true WHERE id = $1', [other.id]);
      }
    });

    it('returns only to paths of the portal', async () => {
      const state = new URL(await start(bank.id, 'https://evil.example/x')).searchParams.get('state');
      expect(state).toBeTruthy();
      const callback = await signInAtIdp(await start(bank.id, '//evil.example'), { sub: accounts.liaison.sub }, REDIRECT);
      expect((await deliver(callback)).location).toBe(`${PORTAL}/login/sso?returnTo=%2F`);
    });
  });
});
