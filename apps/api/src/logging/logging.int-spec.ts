import * as argon2 from 'argon2';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { createApi } from '../bootstrap';
import { createAgency, ownerClient, testConfig, TestAgency } from '../../test/harness';

const DEMO_PASSWORD = 'CaseLink-Demo-2026';
const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';

/** Structured logs: JSON lines, one request id per request carried into audit rows, nothing personal or secret. */
describe('structured logs', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let gd: TestAgency;
  const lines: string[] = [];

  const post = async (body: object, headers: Record<string, string> = {}) => {
    const res = await app.getHttpAdapter().getInstance().inject({
      method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body),
    });
    return { res, body: res.json() as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }, reqId: String(res.headers['x-request-id']) };
  };
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const requestLine = (reqId: string) => parsed().find((l) => l['reqId'] === reqId && l['msg'] === 'request completed');

  beforeAll(async () => {
    app = await createApi(testConfig({ LOG_LEVEL: 'debug' }), { write: (s: string) => void lines.push(...s.split('\n').filter(Boolean)) });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    owner = await ownerClient();
    gd = await createAgency(owner, 'LogsGD', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    await owner.query('UPDATE users SET password_hash = $2 WHERE id = $1', [gd.users[Role.INVESTIGATOR].id, await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id })]);
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  it('logs a sign-in, a statement with personal data and an error without secrets, and ties the audit row to the request', async () => {
    const email = gd.users[Role.INVESTIGATOR].email;
    const login = await post({ query: 'mutation SignIn($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', variables: { e: email, p: DEMO_PASSWORD } });
    const token = login.body.data?.['login'].accessToken as string;
    expect(token).toBeTruthy();
    const refresh = (login.res.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'caselink_refresh')?.value;
    expect(refresh).toBeTruthy();
    const auth = { authorization: `Bearer ${token}`, cookie: `caselink_refresh=${refresh}` };

    // A proxy's request id is kept; anything odd is replaced.
    const created = await post({ query: 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', variables: { i: { title: '日志测试案', fraudType: 'OTHER', reportedOn: '2026-11-20' } } }, { ...auth, 'x-request-id': 'edge-proxy.0001' });
    expect(created.reqId).toBe('edge-proxy.0001');
    const caseId = created.body.data?.['createCase'].id as string;
    const added = await post({
      operationName: 'AddVictimStatement',
      query: 'mutation AddVictimStatement($i: AddStatementInput!) { addStatement(input: $i) { id } }',
      variables: { i: {
        caseId, takenAt: '2026-11-20T08:00:00Z', place: '天河区派出所', province: '44', narrative: '接到自称客服的电话。', reportedLoss: '100.00',
        victim: { name: '张三', idNumber: ID_NUMBER, phone: PHONE, age: 45, gender: 'M', province: '44' },
      } },
    }, { ...auth, 'x-request-id': 'bad id <script>' });
    expect(added.body.errors).toBeUndefined();
    expect(added.reqId).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await post({ query: 'query($v: ID!) { victimPersonalData(victimId: $v) { idNumber } }', variables: { v: `${ID_NUMBER}-${PHONE}` } }, auth);
    expect(failed.body.errors?.length).toBeGreaterThan(0);

    if (process.env['DUMP_LOGS']) process.stderr.write(lines.join('\n') + '\n');
    const all = parsed();
    expect(all.length).toBeGreaterThan(0);
    for (const l of all) {
      expect(typeof l['level']).toBe('string');
      expect(typeof l['time']).toBe('number');
      expect(typeof l['msg']).toBe('string');
    }
    const text = lines.join('\n');
    for (const secret of [DEMO_PASSWORD, ID_NUMBER, PHONE, '+8613812345678', token, refresh as string]) expect(text).not.toContain(secret);

    expect(requestLine(login.reqId)).toMatchObject({ operationName: 'SignIn', statusCode: 200, method: 'POST', path: '/graphql' });
    expect(requestLine(created.reqId)).toMatchObject({ operationName: 'createCase', agencyId: gd.id, userId: gd.users[Role.INVESTIGATOR].id });
    expect(requestLine(added.reqId)).toMatchObject({ operationName: 'AddVictimStatement', agencyId: gd.id, userId: gd.users[Role.INVESTIGATOR].id });
    expect(requestLine(failed.reqId)).toMatchObject({ operationName: 'victimPersonalData', agencyId: gd.id });

    // The audit rows each request wrote name it.
    const audit = async (action: string) =>
      (await owner.query<{ details: Record<string, unknown> | null }>('SELECT details FROM audit_events WHERE agency_id = $1 AND action = $2 ORDER BY sequence DESC LIMIT 1', [gd.id, action])).rows[0]?.details;
    expect((await audit('CASE_CREATED'))?.['requestId']).toBe(created.reqId);
    expect((await audit('LOGIN'))?.['requestId']).toBe(login.reqId);
  });
});
