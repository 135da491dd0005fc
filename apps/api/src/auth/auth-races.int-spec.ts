import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { LOGIN_POLICY, Role } from '@caselink/domain';
import { JobProducers } from '@caselink/jobs';
import { codeOf, createAgency, gql, GqlResult, login, ownerClient, PASSWORD, startApi, TestAgency } from '../../test/harness';

const LOGIN = 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }';
const REFRESH = 'mutation { refreshSession { accessToken user { email } } }';

const reasonOf = (r: GqlResult) => r.errors?.[0]?.extensions?.['reason'];
/** What the caller sees of a failed log-in, with the lock time (which differs by milliseconds) blanked. */
const answer = (r: GqlResult) => {
  const e = r.errors?.[0];
  const until = e?.extensions?.['lockedUntil'];
  const blank = (s: string) => (typeof until === 'string' ? s.replace(until, '<until>') : s);
  return { data: r.data, message: blank(e?.message ?? ''), extensions: { ...e?.extensions, ...(until ? { lockedUntil: '<until>' } : {}) } };
};

describe('auth races', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let agency: TestAgency;

  beforeAll(async () => {
    // Its own queue prefix, so the lock notices counted below are this file's alone.
    app = await startApi({ QUEUE_PREFIX: `caselink-test-auth-races-${randomUUID()}` });
    owner = await ownerClient();
    agency = await createAgency(owner, 'Races', [Role.ADMIN, Role.INVESTIGATOR, Role.ANALYST, Role.AUDITOR, Role.LIAISON]);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('two parallel refreshes with one cookie: one rotates, the other is reuse and ends the family', async () => {
    const user = agency.users[Role.INVESTIGATOR];
    for (let round = 0; round < 5; round++) {
      const { cookie } = await login(app, user.email);
      const results = await Promise.all([gql(app, REFRESH, {}, { cookie }), gql(app, REFRESH, {}, { cookie })]);
      const winners = results.filter((r) => r.data?.refreshSession);
      const losers = results.filter((r) => !r.data?.refreshSession);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
      const rotated = `caselink_refresh=${winners[0].cookies['caselink_refresh']}`;
      expect(rotated).not.toBe(cookie);
      // The loser counted as reuse: the winner's new token is dead too.
      expect(codeOf(await gql(app, REFRESH, {}, { cookie: rotated }))).toBe('UNAUTHENTICATED');
    }
    const { rows } = await owner.query<{ live: string; total: string; rotated: string }>(
      'SELECT count(*) FILTER (WHERE revoked_at IS NULL) AS live, count(*) AS total, count(replaced_by) AS rotated FROM refresh_sessions WHERE user_id = $1',
      [user.id],
    );
    // Per round: the log-in's session and exactly one rotation of it.
    expect(rows[0]).toEqual({ live: '0', total: '10', rotated: '5' });
    const reused = await owner.query("SELECT 1 FROM audit_events WHERE action = 'REFRESH_TOKEN_REUSED' AND actor_user_id = $1", [user.id]);
    expect(reused.rowCount).toBe(5);
  });

  it('30 parallel wrong passwords lock the account after 5 attempts, with one lock event and one notice', async () => {
    const user = agency.users[Role.ANALYST];
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => gql(app, LOGIN, { e: user.email, p: `wrong-password-${i}` })));
    const reasons = results.map(reasonOf);
    // Only the allowed attempts are tried; the fifth sets the lock, every later one is refused untried.
    expect(reasons.filter((r) => r === 'INVALID_CREDENTIALS')).toHaveLength(LOGIN_POLICY.maxFailedAttempts - 1);
    expect(reasons.filter((r) => r === 'ACCOUNT_LOCKED')).toHaveLength(30 - (LOGIN_POLICY.maxFailedAttempts - 1));
    const untils = new Set(results.map((r) => r.errors?.[0].extensions?.['lockedUntil']).filter(Boolean));
    expect(untils.size).toBe(1);

    const [state] = (await owner.query<{ failed_attempts: number; minutes: number }>(
      'SELECT failed_attempts, extract(epoch FROM locked_until - now()) / 60 AS minutes FROM users WHERE id = $1', [user.id],
    )).rows;
    expect(state.failed_attempts).toBe(0); // the locking failure resets the count (libs/domain afterFailedAttempt)
    expect(Number(state.minutes)).toBeGreaterThan(LOGIN_POLICY.lockMinutes - 1);
    expect(Number(state.minutes)).toBeLessThanOrEqual(LOGIN_POLICY.lockMinutes);

    const { rows } = await owner.query<{ action: string; reason: string | null }>(
      "SELECT action, details->>'reason' AS reason FROM audit_events WHERE entity_id = $1 AND action IN ('LOGIN_FAILED', 'ACCOUNT_LOCKED')", [user.id],
    );
    expect(rows.filter((r) => r.action === 'LOGIN_FAILED')).toHaveLength(30);
    expect(rows.filter((r) => r.reason === 'INVALID_CREDENTIALS')).toHaveLength(LOGIN_POLICY.maxFailedAttempts);
    expect(rows.filter((r) => r.action === 'ACCOUNT_LOCKED')).toHaveLength(1);
    const notices = (await app.get(JobProducers).notifications.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']))
      .filter((j) => j.data.kind === 'ACCOUNT_LOCKED' && j.data.subjectUserId === user.id);
    expect(notices).toHaveLength(1);

    // Locked: the right password is refused too.
    expect(reasonOf(await gql(app, LOGIN, { e: user.email, p: PASSWORD }))).toBe('ACCOUNT_LOCKED');
  });

  it('an unknown e-mail answers exactly like a wrong password, before and after the lock', async () => {
    const known = agency.users[Role.AUDITOR].email;
    const unknown = `nobody-${randomUUID().slice(0, 8)}@races.test`;
    for (let attempt = 1; attempt <= LOGIN_POLICY.maxFailedAttempts + 1; attempt++) {
      const [k, u] = await Promise.all([gql(app, LOGIN, { e: known, p: `wrong-${attempt}` }), gql(app, LOGIN, { e: unknown, p: `wrong-${attempt}` })]);
      expect(answer(u)).toEqual(answer(k));
      expect(reasonOf(k)).toBe(attempt < LOGIN_POLICY.maxFailedAttempts ? 'INVALID_CREDENTIALS' : 'ACCOUNT_LOCKED');
    }
    expect(answer(await gql(app, LOGIN, { e: unknown, p: PASSWORD }))).toEqual(answer(await gql(app, LOGIN, { e: known, p: PASSWORD })));
  });

  it('a deactivated account looks unknown without the password, and says so with it', async () => {
    const user = agency.users[Role.LIAISON];
    await owner.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    const unknown = await gql(app, LOGIN, { e: `nobody-${randomUUID().slice(0, 8)}@races.test`, p: 'wrong-password' });
    expect(answer(await gql(app, LOGIN, { e: user.email, p: 'wrong-password' }))).toEqual(answer(unknown));
    expect(reasonOf(unknown)).toBe('INVALID_CREDENTIALS');
    expect(reasonOf(await gql(app, LOGIN, { e: user.email, p: PASSWORD }))).toBe('ACCOUNT_INACTIVE');
  });
});
