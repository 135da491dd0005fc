import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi, TestAgency, filesUnder, multipart } from '../../test/harness';



describe('evidence attachments', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let gd: TestAgency;
  let bj: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  let caseId: string;
  const dir = mkdtempSync(join(tmpdir(), 'caselink-evidence-'));

  const upload = (token: string | undefined, content: Buffer, id = caseId) => {
    const { body, contentType } = multipart(content);
    return app.getHttpAdapter().getInstance().inject({
      method: 'POST', url: `/cases/${id}/attachments`, payload: body,
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  };

  beforeAll(async () => {
    app = await startApi({ EVIDENCE_DIR: dir, MAX_ATTACHMENT_BYTES: '4096' });
    owner = await ownerClient();
    gd = await createAgency(owner, 'EvGD', [Role.INVESTIGATOR, Role.SUPERVISOR]);
    bj = await createAgency(owner, 'EvBJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '110000');
    bank = await createAgency(owner, 'EvBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    t['gd'] = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    t['gdSup'] = (await login(app, gd.users[Role.SUPERVISOR].email)).token;
    t['bj'] = (await login(app, bj.users[Role.INVESTIGATOR].email)).token;
    t['bank'] = (await login(app, bank.users[Role.LIAISON].email)).token;
    const c = await gql(app, 'mutation { createCase(input: { title: "证据测试", fraudType: ONLINE_LOAN, reportedOn: "2026-11-01" }) { id } }', {}, { token: t['gd'] });
    caseId = c.data?.createCase.id;
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('streams a file in, records its sha256, lists it on the case and serves the same bytes', async () => {
    const content = Buffer.from('聊天记录截图 chat log 2026-11-01\n'.repeat(20));
    const res = await upload(t['gd'], content);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ fileName: 'evidence.txt', sizeBytes: String(content.length), sha256: createHash('sha256').update(content).digest('hex') });
    const listed = await gql(app, 'query($id: ID!) { case(id: $id) { attachments { id sha256 downloadPath } } }', { id: caseId }, { token: t['gd'] });
    expect(listed.data?.case.attachments).toEqual([{ id: body.id, sha256: body.sha256, downloadPath: `/attachments/${body.id}` }]);
    const down = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/attachments/${body.id}`, headers: { authorization: `Bearer ${t['gd']}` } });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    const other = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/attachments/${body.id}`, headers: { authorization: `Bearer ${t['bj']}` } });
    expect(other.statusCode).toBe(404);
  });

  it('refuses an oversized or empty upload, naming the field, and keeps no file or row', async () => {
    const before = filesUnder(dir).length;
    const big = await upload(t['gd'], Buffer.alloc(10_000, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    const empty = await upload(t['gd'], Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(filesUnder(dir).length).toBe(before);
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM attachments WHERE case_id = $1', [caseId]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses a deactivated account on the REST route too, even with a live access token', async () => {
    const other = await createAgency(owner, 'EvDeact', [Role.INVESTIGATOR]);
    const token = (await login(app, other.users[Role.INVESTIGATOR].email)).token;
    const c = await gql(app, 'mutation { createCase(input: { title: "停用测试", fraudType: OTHER, reportedOn: "2026-11-01" }) { id } }', {}, { token });
    await owner.query('UPDATE users SET active = false WHERE id = $1', [other.users[Role.INVESTIGATOR].id]);
    const res = await upload(token, Buffer.from('x'), c.data?.createCase.id);
    expect(res.statusCode).toBe(401);
    expect(res.json().errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_INACTIVE' });
  });

  it('refuses callers without CONTRIBUTE: no token, another province, a READ grantee, a bank', async () => {
    expect((await upload(undefined, Buffer.from('x'))).statusCode).toBe(401);
    expect((await upload(t['bj'], Buffer.from('x'))).statusCode).toBe(404);
    // Shares are a supervisor's act (access table).
    const shared = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId, agencyId: bj.id, access: 'READ', mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true },
    }, { token: t['gdSup'] });
    expect(shared.errors).toBeUndefined();
    expect((await upload(t['bj'], Buffer.from('x'))).statusCode).toBe(403);
    expect((await upload(t['bank'], Buffer.from('x'))).statusCode).toBe(403);
    expect((await upload(t['gd'], Buffer.from('x'), 'not-a-uuid')).json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
  });
});
