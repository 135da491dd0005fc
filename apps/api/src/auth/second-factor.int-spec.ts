import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient } from 'graphql-ws';
import * as OTPAuth from 'otpauth';
import type { Client } from 'pg';
import WebSocket from 'ws';
import { AgencyKind, Role } from '@caselink/domain';
import { LiveSessions } from '../live/live-sessions';
import { appPool, asAgency, createAgency, gql, login, ownerClient, PASSWORD, startApi, TestAgency } from '../../test/harness';

/**
 * Issue 12: the second factor at log-in (TOTP and recovery codes here; passkeys through Chromium's virtual
 * authenticator in the browser tests), enrolment the agency requires, the lock screen, the absolute session end,
 * session lists, admins' resets and switched-off agencies — against the real api, PostgreSQL and Redis.
 */
const LOGIN = `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) {
  accessToken sessionExpiresAt idleLockMinutes secondFactor { challenge methods enrolmentRequired enrolmentToken } } }`;
const VERIFY = `mutation($i: SecondFactorInput!) { verifySecondFactor(input: $i) { accessToken user { email } } }`;
const REFRESH = 'mutation { refreshSession { accessToken sessionExpiresAt } }';

const totpFor = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
/** The code of a step ahead: the api accepts one step either side, and each step once. */
const codeAt = (secret: string, stepsAhead: number) => totpFor(secret).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
const reasonOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.['reason'];
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.['code'];

describe('second factor, sessions and sign-in policy', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let agency: TestAgency;
  let national: TestAgency;

  beforeAll(async () => {
    app = await startApi();
    await app.listen(0, '127.0.0.1');
    owner = await ownerClient();
    agency = await createAgency(owner, 'SfPolice', [Role.INVESTIGATOR, Role.ADMIN, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR], AgencyKind.POLICE, '330000');
    national = await createAgency(owner, 'SfNational', [Role.ADMIN], AgencyKind.POLICE, '110000', true);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const adminToken = async () => (await login(app, agency.users[Role.ADMIN].email)).token;

  /** Enrols TOTP for `email` (signed in with a password alone); returns the secret and the recovery codes. */
  async function enrolTotp(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await gql(app, 'mutation { startTotpEnrolment { secret otpauthUri qrCodeSvg } }', {}, { token });
    expect(started.errors).toBeUndefined();
    const { secret, otpauthUri, qrCodeSvg } = (started.data as Record<string, any>).startTotpEnrolment;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/CaseLink:/);
    expect(qrCodeSvg).toMatch(/^<svg/);
    const wrong = await gql(app, 'mutation($i: ConfirmTotpInput!) { confirmTotpEnrolment(input: $i) { recoveryCodes } }', { i: { code: '000000', label: 'phone' } }, { token });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.['field']).toBe('input.code');
    const confirmed = await gql(app, 'mutation($i: ConfirmTotpInput!) { confirmTotpEnrolment(input: $i) { factor { kind label } recoveryCodes } }',
      { i: { code: codeAt(secret, 0), label: '值班手机 duty phone' } }, { token });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmTotpEnrolment.factor).toEqual({ kind: 'TOTP', label: '值班手机 duty phone' });
    return { secret, recoveryCodes: confirmed.data?.confirmTotpEnrolment.recoveryCodes };
  }

  it('TOTP: log-in becomes two steps; a code and a challenge work once; recovery codes once each', async () => {
    const email = agency.users[Role.INVESTIGATOR].email;
    const { secret, recoveryCodes } = await enrolTotp((await login(app, email)).token);
    expect(recoveryCodes).toHaveLength(10);

    const step1 = await gql(app, LOGIN, { e: email, p: PASSWORD });
    expect(step1.data?.login.accessToken).toBeNull();
    expect(step1.cookies['caselink_refresh']).toBeUndefined(); // no session before the second step
    const due = step1.data?.login.secondFactor;
    expect(due.methods).toEqual(['TOTP', 'RECOVERY_CODE']);
    expect(due.enrolmentRequired).toBe(false);

    const wrong = await gql(app, VERIFY, { i: { challenge: due.challenge, totpCode: '123456' } });
    expect(reasonOf(wrong)).toBe('INVALID_SECOND_FACTOR');
    const both = await gql(app, VERIFY, { i: { challenge: due.challenge, totpCode: codeAt(secret, 1), recoveryCode: recoveryCodes[0] } });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');

    const code = codeAt(secret, 1);
    const ok = await gql(app, VERIFY, { i: { challenge: due.challenge, totpCode: code } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.verifySecondFactor.user.email).toBe(email);
    expect(ok.cookies['caselink_refresh']).toBeTruthy();

    // The challenge is spent, and so is the code's time step.
    expect(reasonOf(await gql(app, VERIFY, { i: { challenge: due.challenge, totpCode: code } }))).toBe('CHALLENGE_INVALID');
    const again = (await gql(app, LOGIN, { e: email, p: PASSWORD })).data?.login.secondFactor;
    expect(reasonOf(await gql(app, VERIFY, { i: { challenge: again.challenge, totpCode: code } }))).toBe('INVALID_SECOND_FACTOR');

    // A recovery code, typed carelessly, works once.
    const messy = ` ${recoveryCodes[0].toUpperCase().replace('-', ' ')} `;
    expect((await gql(app, VERIFY, { i: { challenge: again.challenge, recoveryCode: messy } })).errors).toBeUndefined();
    const third = (await gql(app, LOGIN, { e: email, p: PASSWORD })).data?.login.secondFactor;
    expect(reasonOf(await gql(app, VERIFY, { i: { challenge: third.challenge, recoveryCode: recoveryCodes[0] } }))).toBe('INVALID_SECOND_FACTOR');

    const { rows } = await owner.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_events WHERE actor_user_id = $1 AND action IN ('SECOND_FACTOR_ENROLLED', 'RECOVERY_CODE_USED', 'SECOND_FACTOR_FAILED', 'LOGIN') ORDER BY sequence`,
      [agency.users[Role.INVESTIGATOR].id],
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['SECOND_FACTOR_ENROLLED', 'RECOVERY_CODE_USED', 'SECOND_FACTOR_FAILED']));
    expect(rows.filter((r) => r.action === 'LOGIN').map((r) => r.details['method'])).toEqual(expect.arrayContaining(['TOTP', 'RECOVERY_CODE']));

    // The admin resets the factors (a lost phone): the password alone signs in again.
    const reset = await gql(app, 'mutation($id: ID!) { resetUserSecondFactors(id: $id) { id secondFactors } }', { id: agency.users[Role.INVESTIGATOR].id }, { token: await adminToken() });
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.resetUserSecondFactors.secondFactors).toEqual([]);
    expect((await gql(app, LOGIN, { e: email, p: PASSWORD })).data?.login.accessToken).toBeTruthy();
  });

  it('failed second factors count towards the lock', async () => {
    const who = await createAgency(owner, 'SfLock', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    const email = who.users[Role.INVESTIGATOR].email;
    await enrolTotp((await login(app, email)).token);
    const due = (await gql(app, LOGIN, { e: email, p: PASSWORD })).data?.login.secondFactor;
    const reasons: unknown[] = [];
    for (let i = 0; i < 5; i++) reasons.push(reasonOf(await gql(app, VERIFY, { i: { challenge: due.challenge, totpCode: '000000' } })));
    expect(reasons.slice(0, 4)).toEqual(['INVALID_SECOND_FACTOR', 'INVALID_SECOND_FACTOR', 'INVALID_SECOND_FACTOR', 'INVALID_SECOND_FACTOR']);
    expect(reasons[4]).toBe('ACCOUNT_LOCKED');
    // Locked: the right password is refused too.
    expect(reasonOf(await gql(app, LOGIN, { e: email, p: PASSWORD }))).toBe('ACCOUNT_LOCKED');
  });

  it('signing in again between wrong codes does not clear their count', async () => {
    const who = await createAgency(owner, 'SfLoop', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    const email = who.users[Role.INVESTIGATOR].email;
    await enrolTotp((await login(app, email)).token);
    const wrongCodes = async (n: number) => {
      const due = (await gql(app, LOGIN, { e: email, p: PASSWORD })).data?.login.secondFactor;
      const reasons: unknown[] = [];
      for (let i = 0; i < n; i++) reasons.push(reasonOf(await gql(app, VERIFY, { i: { challenge: due.challenge, totpCode: '000000' } })));
      return reasons;
    };
    expect(await wrongCodes(4)).toEqual(Array(4).fill('INVALID_SECOND_FACTOR'));
    // A fresh password step lifts nothing: the next wrong code locks the account.
    expect(await wrongCodes(1)).toEqual(['ACCOUNT_LOCKED']);
    expect(reasonOf(await gql(app, LOGIN, { e: email, p: PASSWORD }))).toBe('ACCOUNT_LOCKED');
  });

  it('an agency that requires a second factor makes its users enrol before anything else', async () => {
    const who = await createAgency(owner, 'SfRequired', [Role.INVESTIGATOR, Role.ADMIN], AgencyKind.POLICE, '330000');
    const admin = (await login(app, who.users[Role.ADMIN].email)).token;
    const set = await gql(app, `mutation($i: SetAgencySignInPolicyInput!) { setAgencySignInPolicy(input: $i) { secondFactorRequired idleLockMinutes sessionHours } }`,
      { i: { agencyId: who.id, secondFactorRequired: true, idleLockMinutes: 15, sessionHours: 8 } }, { token: admin });
    expect(set.data?.setAgencySignInPolicy).toEqual({ secondFactorRequired: true, idleLockMinutes: 15, sessionHours: 8 });
    // Another agency's admin may not set it.
    const other = await gql(app, `mutation($i: SetAgencySignInPolicyInput!) { setAgencySignInPolicy(input: $i) { id } }`,
      { i: { agencyId: who.id, secondFactorRequired: false, idleLockMinutes: 30, sessionHours: 12 } }, { token: await adminToken() });
    expect(codeOf(other)).toBe('NOT_FOUND');
    const bad = await gql(app, `mutation($i: SetAgencySignInPolicyInput!) { setAgencySignInPolicy(input: $i) { id } }`,
      { i: { agencyId: who.id, secondFactorRequired: true, idleLockMinutes: 0, sessionHours: 99 } }, { token: admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');

    const email = who.users[Role.INVESTIGATOR].email;
    const due = (await gql(app, LOGIN, { e: email, p: PASSWORD })).data?.login.secondFactor;
    expect(due.enrolmentRequired).toBe(true);
    expect(due.methods).toEqual([]);
    const enrolment = due.enrolmentToken as string;
    // The enrolment token opens nothing but enrolment.
    const cases = await gql(app, '{ cases(first: 1) { totalCount } }', {}, { token: enrolment });
    expect(reasonOf(cases)).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    const { secret } = await enrolTotp(enrolment);
    const ok = await gql(app, VERIFY, { i: { challenge: due.challenge, totpCode: codeAt(secret, 1) } });
    expect(ok.errors).toBeUndefined();
    const session = (await gql(app, REFRESH, {}, { cookie: `caselink_refresh=${ok.cookies['caselink_refresh']}` })).data?.refreshSession;
    // 8 hours from the sign-in, not from this refresh.
    expect(new Date(session.sessionExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(8 * 3_600_000);
    // The last factor cannot be removed while the agency requires one.
    const token = ok.data?.verifySecondFactor.accessToken;
    const mine = (await gql(app, '{ mySecurity { secondFactorRequired factors { id } recoveryCodesLeft } }', {}, { token })).data?.mySecurity;
    expect(mine.secondFactorRequired).toBe(true);
    expect(mine.recoveryCodesLeft).toBe(10);
    const removal = await gql(app, 'mutation($i: RemoveSecondFactorInput!) { removeSecondFactor(input: $i) }', { i: { id: mine.factors[0].id, password: PASSWORD } }, { token });
    expect(reasonOf(removal)).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('a session ends at its absolute end however often refreshed, locks when idle, and unlocks with the password', async () => {
    const email = agency.users[Role.ANALYST].email;
    const { cookie } = await login(app, email);
    const refreshed = await gql(app, REFRESH, {}, { cookie });
    expect(refreshed.errors).toBeUndefined();
    let current = `caselink_refresh=${refreshed.cookies['caselink_refresh']}`;

    // The portal locks: refresh is refused until the lock screen is passed.
    expect((await gql(app, 'mutation { lockSession }', {}, { cookie: current })).data?.lockSession).toBe(true);
    expect(reasonOf(await gql(app, REFRESH, {}, { cookie: current }))).toBe('SESSION_LOCKED');
    const UNLOCK = 'mutation($i: UnlockInput!) { unlockSession(input: $i) { accessToken } }';
    expect(reasonOf(await gql(app, UNLOCK, { i: { password: 'not-the-password-9' } }, { cookie: current }))).toBe('INVALID_CREDENTIALS');
    const unlocked = await gql(app, UNLOCK, { i: { password: PASSWORD } }, { cookie: current });
    expect(unlocked.errors).toBeUndefined();
    current = `caselink_refresh=${unlocked.cookies['caselink_refresh']}`;

    // A portal left closed longer than the idle time finds the session locked (server-side).
    const userId = agency.users[Role.ANALYST].id;
    await owner.query(`UPDATE refresh_sessions SET created_at = now() - interval '2 hours' WHERE user_id = $1 AND revoked_at IS NULL AND replaced_by IS NULL`, [userId]);
    expect(reasonOf(await gql(app, REFRESH, {}, { cookie: current }))).toBe('SESSION_LOCKED');
    const back = await gql(app, UNLOCK, { i: { password: PASSWORD } }, { cookie: current });
    expect(back.errors).toBeUndefined();
    current = `caselink_refresh=${back.cookies['caselink_refresh']}`;

    // Past its absolute end, the session is over.
    await owner.query(`UPDATE refresh_sessions SET family_expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    expect(reasonOf(await gql(app, REFRESH, {}, { cookie: current }))).toBe('SESSION_LIFETIME_REACHED');
    const { rows } = await owner.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_events WHERE actor_user_id = $1 AND action IN ('SESSION_LOCKED', 'SESSION_UNLOCKED')`, [userId]);
    expect(rows.map((r) => r.action).sort()).toEqual(['SESSION_LOCKED', 'SESSION_UNLOCKED']);
  });

  it('users see and end their own sessions; a password change ends the others; admins end a user\'s sessions', async () => {
    const email = agency.users[Role.SUPERVISOR].email;
    const a = await login(app, email);
    const b = await login(app, email);
    const sessions = (await gql(app, '{ mySessions { id method current } }', {}, { token: a.token })).data?.mySessions as Array<{ id: string; current: boolean; method: string }>;
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current) as { id: string };
    expect((await gql(app, '{ me { id } }', {}, { token: b.token })).errors).toBeUndefined();
    expect((await gql(app, 'mutation($id: ID!) { endSession(id: $id) }', { id: other.id }, { token: a.token })).data?.endSession).toBe(true);
    expect(reasonOf(await gql(app, REFRESH, {}, { cookie: b.cookie }))).toBe('SESSION_REVOKED');
    // Its access token ends with it, not 15 minutes later.
    expect(reasonOf(await gql(app, '{ me { id } }', {}, { token: b.token }))).toBe('SESSION_ENDED');

    const c = await login(app, email);
    const wrong = await gql(app, 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', { i: { currentPassword: 'nope-nope-nope', newPassword: 'a-new-password-2026' } }, { token: a.token });
    expect(wrong.errors?.[0].extensions?.['field']).toBe('input.currentPassword');
    const changed = await gql(app, 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', { i: { currentPassword: PASSWORD, newPassword: 'a-new-password-2026' } }, { token: a.token });
    expect(changed.errors).toBeUndefined();
    expect(reasonOf(await gql(app, REFRESH, {}, { cookie: c.cookie }))).toBe('SESSION_REVOKED');
    expect((await gql(app, REFRESH, {}, { cookie: a.cookie })).errors).toBeUndefined();
    expect(reasonOf(await gql(app, LOGIN, { e: email, p: PASSWORD }))).toBe('INVALID_CREDENTIALS');
    await login(app, email, 'a-new-password-2026');

    const admin = await adminToken();
    const listed = (await gql(app, '{ userSessions(id: "' + agency.users[Role.SUPERVISOR].id + '") { id } }', {}, { token: admin })).data?.userSessions;
    expect(listed.length).toBeGreaterThan(0);
    const ended = await gql(app, 'mutation($id: ID!) { endUserSessions(id: $id) }', { id: agency.users[Role.SUPERVISOR].id }, { token: admin });
    expect(ended.data?.endUserSessions).toBe(listed.length);
    expect((await gql(app, '{ userSessions(id: "' + agency.users[Role.SUPERVISOR].id + '") { id } }', {}, { token: admin })).data?.userSessions).toEqual([]);
  });

  it('admins change roles only within the access table, audited; never their own ADMIN', async () => {
    const admin = await adminToken();
    const target = agency.users[Role.AUDITOR].id;
    const SET = 'mutation($id: ID!, $r: [Role!]!) { setUserRoles(id: $id, roles: $r) { roles } }';
    expect(codeOf(await gql(app, SET, { id: target, r: ['LIAISON'] }, { token: admin }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(app, SET, { id: agency.users[Role.ADMIN].id, r: ['AUDITOR'] }, { token: admin }))).toBe('BAD_USER_INPUT');
    const done = await gql(app, SET, { id: target, r: ['AUDITOR', 'ANALYST'] }, { token: admin });
    expect(done.data?.setUserRoles.roles.sort()).toEqual(['ANALYST', 'AUDITOR']);
    const { rows } = await owner.query<{ details: { before: string[]; after: string[] } }>(
      `SELECT details FROM audit_events WHERE action = 'USER_ROLES_CHANGED' AND entity_id = $1`, [target]);
    expect(rows[0].details).toMatchObject({ before: ['AUDITOR'], after: ['ANALYST', 'AUDITOR'] });
    // Not an admin: refused by the access table.
    const investigator = (await login(app, agency.users[Role.ANALYST].email)).token;
    expect(codeOf(await gql(app, SET, { id: target, r: ['AUDITOR'] }, { token: investigator }))).toBe('FORBIDDEN');
    await gql(app, SET, { id: target, r: ['AUDITOR'] }, { token: admin });
  });

  it('deactivating a user closes their live connections at once', async () => {
    const who = await createAgency(owner, 'SfLive', [Role.INVESTIGATOR, Role.ADMIN], AgencyKind.POLICE, '330000');
    const { token } = await login(app, who.users[Role.INVESTIGATOR].email);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 0,
        on: { closed: (e) => resolve((e as { code: number }).code) },
      });
      client.subscribe({ query: 'subscription { notificationAdded { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    // The subscription is registered once the server has run its resolver; then the admin switches the user off.
    const live = app.get(LiveSessions);
    for (let i = 0; i < 600 && live.connectionsOf(who.users[Role.INVESTIGATOR].id) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(live.connectionsOf(who.users[Role.INVESTIGATOR].id)).toBe(1);
    const off = await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: who.users[Role.INVESTIGATOR].id }, { token: (await login(app, who.users[Role.ADMIN].email)).token });
    expect(off.data?.deactivateUser.active).toBe(false);
    expect(await closed).toBe(4401);
  });

  it("another agency's admin, and a colleague who is not an admin, reach no one's factors, codes, challenges or sessions", async () => {
    // The holder: a user with a factor, recovery codes, a pending challenge and open sessions.
    const holder = await createAgency(owner, 'SfHolder', [Role.INVESTIGATOR, Role.ANALYST], AgencyKind.POLICE, '330000');
    const victim = holder.users[Role.INVESTIGATOR];
    await enrolTotp((await login(app, victim.email)).token);
    await gql(app, LOGIN, { e: victim.email, p: PASSWORD }); // leaves a live second-factor challenge
    const stranger = await createAgency(owner, 'SfStranger', [Role.ADMIN], AgencyKind.POLICE, '330000');
    const strangerToken = (await login(app, stranger.users[Role.ADMIN].email)).token;

    // Through the api: every admin operation on the holder's user is refused as if the user did not exist.
    for (const [query, field] of [
      ['query($id: ID!) { userSessions(id: $id) { id } }', 'userSessions'],
      ['mutation($id: ID!) { endUserSessions(id: $id) }', 'endUserSessions'],
      ['mutation($id: ID!) { resetUserSecondFactors(id: $id) { id } }', 'resetUserSecondFactors'],
      ['mutation($id: ID!) { setUserRoles(id: $id, roles: [ADMIN]) { id } }', 'setUserRoles'],
    ] as const) {
      const r = await gql(app, query, { id: victim.id }, { token: strangerToken });
      expect([field, codeOf(r)]).toEqual([field, 'NOT_FOUND']);
    }

    // Straight at PostgreSQL as the app role: the stranger's admin, and the holder's own analyst (not the user, not an admin).
    const pool = appPool();
    try {
      for (const [agencyId, roles, userId] of [
        [stranger.id, ['ADMIN'], stranger.users[Role.ADMIN].id],
        [holder.id, ['ANALYST'], holder.users[Role.ANALYST].id],
      ] as const) {
        for (const table of ['second_factors', 'recovery_codes', 'sign_in_challenges']) {
          const seen = await asAgency<{ n: number }>(pool, agencyId, `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [victim.id], roles, userId);
          expect([table, roles[0], seen[0].n]).toEqual([table, roles[0], 0]);
          const removed = await asAgency(pool, agencyId, `DELETE FROM ${table} WHERE user_id = $1 RETURNING id`, [victim.id], roles, userId);
          expect([table, roles[0], removed.length]).toEqual([table, roles[0], 0]);
        }
      }
      const sessions = await asAgency<{ n: number }>(pool, stranger.id, 'SELECT count(*)::int AS n FROM refresh_sessions WHERE user_id = $1', [victim.id], ['ADMIN'], stranger.users[Role.ADMIN].id);
      expect(sessions[0].n).toBe(0);
    } finally {
      await pool.end();
    }
    // The holder's rows are all still there.
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM second_factors WHERE user_id = $1', [victim.id]);
    expect(rows[0].n).toBe(1);
  });

  it("PostgreSQL refuses a local admin's switching its agency off, and the centre's switching itself off", async () => {
    const pool = appPool();
    try {
      const refused = async (agencyId: string, userId: string, national: boolean) => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query("SELECT set_config('app.agency_id', $1, true), set_config('app.roles', 'ADMIN', true), set_config('app.user_id', $2, true), set_config('app.national_admin', $3, true)",
            [agencyId, userId, national ? 'on' : 'off']);
          await c.query('UPDATE agencies SET active = false WHERE id = $1', [agencyId]);
          return 'changed';
        } catch (e) {
          return (e as { code?: string }).code;
        } finally {
          await c.query('ROLLBACK');
          c.release();
        }
      };
      expect(await refused(agency.id, agency.users[Role.ADMIN].id, false)).toBe('42501');
      expect(await refused(national.id, national.users[Role.ADMIN].id, true)).toBe('42501');
      // Its own policy, though, the local admin may set.
      const rows = await asAgency(pool, agency.id, 'UPDATE agencies SET idle_lock_minutes = 30 WHERE id = $1 RETURNING id', [agency.id], ['ADMIN'], agency.users[Role.ADMIN].id);
      expect(rows).toHaveLength(1);
    } finally {
      await pool.end();
    }
  });

  it('the national centre switches an agency off: its users cannot sign in, their tokens stop working, its data stays', async () => {
    const who = await createAgency(owner, 'SfOff', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    const email = who.users[Role.INVESTIGATOR].email;
    const before = await login(app, email);
    const nat = (await login(app, national.users[Role.ADMIN].email)).token;
    // A local admin may not.
    expect(codeOf(await gql(app, 'mutation($id: ID!) { deactivateAgency(id: $id) { active } }', { id: who.id }, { token: await adminToken() }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, 'mutation($id: ID!) { deactivateAgency(id: $id) { active } }', { id: national.id }, { token: nat }))).toBe('BAD_USER_INPUT');
    const off = await gql(app, 'mutation($id: ID!) { deactivateAgency(id: $id) { active } }', { id: who.id }, { token: nat });
    expect(off.data?.deactivateAgency.active).toBe(false);
    expect(reasonOf(await gql(app, LOGIN, { e: email, p: PASSWORD }))).toBe('AGENCY_INACTIVE');
    expect(reasonOf(await gql(app, '{ me { id } }', {}, { token: before.token }))).toBe('ACCOUNT_INACTIVE');
    expect(reasonOf(await gql(app, REFRESH, {}, { cookie: before.cookie }))).toBe('AGENCY_INACTIVE');
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE agency_id = $1', [who.id]);
    expect(rows[0].n).toBe(1);
    await gql(app, 'mutation($id: ID!) { reactivateAgency(id: $id) { active } }', { id: who.id }, { token: nat });
    expect((await gql(app, LOGIN, { e: email, p: PASSWORD })).data?.login.accessToken).toBeTruthy();
  });
});
