import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { JobProducers } from '@caselink/jobs';
import { codeOf, createAgency, gql, login, ownerClient, startApi, TEST_DB_URL, TEST_REDIS_URL, TestAgency, filesUnder, multipart } from '../../test/harness';
import { TEST_LINKER_URL } from '../../test/worker-process';

/** The worker as built (npm test builds dist/ before the integration tests; so does `build_server`). */
const WORKER = resolve(__dirname, '../../../../dist/apps/worker/src/main.js');



const CARD = '6222021001123456789';
const ACCOUNT = '6217000012345678907';
const CSV = [
  '受害人姓名,身份证号,询问时间,地点,案情,损失金额（元）,transfer1_from,transfer1_to,transfer1_amount,transfer1_time',
  `王芳,11010519491231002X,2026-03-01 10:30,广州,投资理财群诱导转账,10000.00,${CARD},${ACCOUNT},10000,2026-02-27 14:05`,
  '孙八,,2026-03-01 11:30,广州,损失为负,-5,,,,',
  `李四,,2026-03-02 09:00,广州,"假客服，退款",2500.50,${CARD},${ACCOUNT},2500.50,2026-02-28 09:12`,
  '赵六,,2026-03-04 15:00,深圳,未转账,0,,,,',
].join('\r\n');

const IMPORT_FIELDS = 'id caseId fileName format status totalRows processedRows importedRows errorRows errors { row field reason } failure createdAt finishedAt';

describe('statement imports (api + worker)', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let gd: TestAgency;
  let bj: TestAgency;
  let zj: TestAgency;
  let bank: TestAgency;
  let worker: ChildProcess | undefined;
  let workerLog = '';
  const t: Record<string, string> = {};
  let caseId: string;
  const dir = mkdtempSync(join(tmpdir(), 'caselink-imports-api-'));
  const prefix = `caselink-test-api-imports-${randomUUID().slice(0, 8)}`;

  const upload = (token: string | undefined, content: Buffer | string, fileName = 'statements.csv', type = 'text/csv', id = caseId) => {
    const { body, contentType } = multipart(Buffer.from(content), fileName, type);
    return app.getHttpAdapter().getInstance().inject({
      method: 'POST', url: `/cases/${id}/imports`, payload: body,
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  };

  const statusOf = async (token: string, id: string) => {
    const r = await gql(app, `query($id: ID!) { statementImport(id: $id) { ${IMPORT_FIELDS} } }`, { id }, { token });
    return r.data?.statementImport;
  };

  /** Polls the status query until the import is finished, checking that progress only ever moves forward. */
  const untilFinished = async (token: string, id: string) => {
    const end = Date.now() + 30_000;
    let last = -1;
    while (Date.now() < end) {
      const s = await statusOf(token, id);
      expect(s.processedRows).toBeGreaterThanOrEqual(last);
      last = s.processedRows;
      if (s.status === 'DONE' || s.status === 'FAILED') return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import ${id} did not finish; is dist/ built from this source? worker said:\n${workerLog}`);
  };

  const startWorker = () => {
    if (!existsSync(WORKER)) throw new Error('Build first: the test runs the built worker (npm test builds dist/)');
    worker = spawn(process.execPath, [WORKER], {
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: TEST_DB_URL, LINKER_DATABASE_URL: TEST_LINKER_URL, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, EVIDENCE_DIR: dir, WORKER_HEALTH_PORT: '0', DB_POOL_SIZE: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (d: Buffer) => (workerLog += d.toString()));
    worker.stderr?.on('data', (d: Buffer) => (workerLog += d.toString()));
  };

  beforeAll(async () => {
    app = await startApi({ EVIDENCE_DIR: dir, QUEUE_PREFIX: prefix, MAX_IMPORT_BYTES: '100000' });
    owner = await ownerClient();
    gd = await createAgency(owner, 'ImpGD', [Role.INVESTIGATOR, Role.SUPERVISOR]);
    bj = await createAgency(owner, 'ImpBJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '110000');
    zj = await createAgency(owner, 'ImpZJ', [Role.INVESTIGATOR], AgencyKind.POLICE, '330000');
    bank = await createAgency(owner, 'ImpBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    t['gd'] = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    t['gdSup'] = (await login(app, gd.users[Role.SUPERVISOR].email)).token;
    t['bj'] = (await login(app, bj.users[Role.INVESTIGATOR].email)).token;
    t['zj'] = (await login(app, zj.users[Role.INVESTIGATOR].email)).token;
    t['bank'] = (await login(app, bank.users[Role.LIAISON].email)).token;
    const c = await gql(app, 'mutation { createCase(input: { title: "批量导入", fraudType: INVESTMENT, reportedOn: "2026-03-01" }) { id } }', {}, { token: t['gd'] });
    caseId = c.data?.createCase.id;
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker?.once('exit', r));
    }
    await app.get(JobProducers).imports.obliterate({ force: true });
    await app.close();
    await owner.end();
  });

  it('queues an upload after its record commits, and the status query follows the worker to the end', async () => {
    const res = await upload(t['gd'], CSV);
    expect(res.statusCode).toBe(201);
    const queued = res.json();
    expect(queued).toMatchObject({ caseId, fileName: 'statements.csv', format: 'CSV', status: 'QUEUED', totalRows: null, processedRows: 0, errors: [], failure: null, finishedAt: null });
    const job = await app.get(JobProducers).imports.getJob(`import-${queued.id}`);
    // The request's id travels with the job (its log lines and audit rows in the worker carry it).
    expect(job?.data).toEqual({ importId: queued.id, agencyId: gd.id, meta: { requestId: expect.any(String) } });
    const audit = await owner.query("SELECT details FROM audit_events WHERE action = 'IMPORT_STARTED' AND entity_id = $1", [queued.id]);
    expect(audit.rows[0].details).toMatchObject({ caseId, fileName: 'statements.csv', format: 'CSV', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await statusOf(t['gd'], queued.id)).toMatchObject({ status: 'QUEUED', processedRows: 0, totalRows: null });

    startWorker();
    const done = await untilFinished(t['gd'], queued.id);
    expect(done).toMatchObject({
      status: 'DONE', totalRows: 4, processedRows: 4, importedRows: 3, errorRows: 1, failure: null,
      errors: [{ row: 3, field: 'reported_loss', reason: 'must not be negative' }], finishedAt: expect.any(String),
    });
    const c = await gql(app, 'query($id: ID!) { case(id: $id) { totalLoss victimCount statements { victim { name } reportedLoss } } }', { id: caseId }, { token: t['gd'] });
    expect(c.data?.case).toMatchObject({ totalLoss: '12500.50', victimCount: 3 });
    expect(c.data?.case.statements.map((s: { victim: { name: string } }) => s.victim.name).sort()).toEqual(['李四', '王芳', '赵六'].sort());
    const list = await gql(app, `query($c: ID!) { statementImports(caseId: $c) { id status } }`, { c: caseId }, { token: t['gd'] });
    expect(list.data?.statementImports).toEqual([{ id: queued.id, status: 'DONE' }]);
    expect((await app.get(JobProducers).imports.getJob(`import-${queued.id}`))?.progress).toBe(100);
  });

  it('refuses callers without CONTRIBUTE: no token, another province, a READ grantee, a bank; imports stay with their agency', async () => {
    expect((await upload(undefined, CSV)).statusCode).toBe(401);
    expect((await upload(t['bj'], CSV)).statusCode).toBe(404);
    // Shares are a supervisor's act (access table).
    const shared = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId, agencyId: bj.id, access: 'READ', mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true },
    }, { token: t['gdSup'] });
    expect(shared.errors).toBeUndefined();
    const read = await upload(t['bj'], CSV);
    expect(read.statusCode).toBe(403);
    expect(read.json().errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await upload(t['bank'], CSV)).statusCode).toBe(403);
    expect((await upload(t['gd'], CSV, 'statements.csv', 'text/csv', 'not-a-uuid')).json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
    const [mine] = (await gql(app, 'query($c: ID!) { statementImports(caseId: $c) { id } }', { c: caseId }, { token: t['gd'] })).data?.statementImports ?? [];
    expect(codeOf(await gql(app, 'query($id: ID!) { statementImport(id: $id) { id } }', { id: mine.id }, { token: t['bj'] }))).toBe('NOT_FOUND');
    expect((await gql(app, 'query($c: ID!) { statementImports(caseId: $c) { id } }', { c: caseId }, { token: t['bj'] })).data?.statementImports).toEqual([]);
    expect(codeOf(await gql(app, 'query($id: ID!) { statementImport(id: $id) { id } }', { id: mine.id }, { token: t['bank'] }))).toBe('FORBIDDEN');
  });

  it('refuses what is not CSV or XLSX, naming the field "file", and keeps no file or row', async () => {
    const before = filesUnder(dir).length;
    const { rows: [{ n }] } = await owner.query('SELECT count(*)::int AS n FROM imports WHERE case_id = $1', [caseId]);
    const refusals = [
      await upload(t['gd'], '%PDF-1.7', 'statements.pdf', 'application/pdf'),
      await upload(t['gd'], Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'statements.xls', 'application/vnd.ms-excel'),
      await upload(t['gd'], CSV, 'statements.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      await upload(t['gd'], Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'statements.csv', 'text/csv'),
    ];
    for (const r of refusals) {
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    }
    expect(refusals[1].json().errors[0].message).toMatch(/97-2003/);
    expect(filesUnder(dir).length).toBe(before);
    expect((await owner.query('SELECT count(*)::int AS n FROM imports WHERE case_id = $1', [caseId])).rows[0].n).toBe(n);
    // Without an extension the media type decides; Windows browsers send CSV as application/vnd.ms-excel, the name wins then.
    expect((await upload(t['gd'], 'victim_name\r\n', 'export', 'text/csv')).statusCode).toBe(201);
    expect((await upload(t['gd'], 'victim_name\r\n', 'export.CSV', 'application/vnd.ms-excel')).statusCode).toBe(201);
  });

  it('a CONTRIBUTE grantee imports into the case as itself; the owner does not see that import', async () => {
    const shared = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', {
      i: { caseId, agencyId: zj.id, access: 'CONTRIBUTE', mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true },
    }, { token: t['gdSup'] });
    expect(shared.errors).toBeUndefined();
    const res = await upload(t['zj'], CSV.split('\r\n').slice(0, 2).join('\r\n'));
    expect(res.statusCode).toBe(201);
    const done = await untilFinished(t['zj'], res.json().id);
    expect(done).toMatchObject({ status: 'DONE', importedRows: 1 });
    const { rows } = await owner.query('SELECT s.agency_id FROM import_rows r JOIN victim_statements s ON s.id = r.statement_id WHERE r.import_id = $1', [done.id]);
    expect(rows).toEqual([{ agency_id: zj.id }]);
    expect(codeOf(await gql(app, 'query($id: ID!) { statementImport(id: $id) { id } }', { id: done.id }, { token: t['gd'] }))).toBe('NOT_FOUND');
  });

  it('serves the CSV template to signed-in police only', async () => {
    const get = (token?: string, query = '') =>
      app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/imports/template.csv${query}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get()).statusCode).toBe(401);
    expect((await get(t['bank'])).statusCode).toBe(403);
    const en = await get(t['gd']);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toMatch(/^text\/csv/);
    const lines = en.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^victim_name,victim_id_number,victim_phone,victim_age,victim_gender,victim_province,taken_at,place,province,narrative,reported_loss,transfer1_from,/);
    expect(lines[0].split(',')).toHaveLength(lines[1].split(',').length);
    expect((await get(t['gd'], '?lang=zh')).body).toMatch(/^\uFEFF受害人姓名,身份证号,手机号/);
    expect((await get(t['gd'], '?lang=fr')).json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });
  });
});
