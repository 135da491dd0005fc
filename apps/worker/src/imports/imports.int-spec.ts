import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job } from 'bullmq';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { ImportJob, JobProducers, redisConnection } from '@caselink/jobs';
import { LocalDiskStore } from '@caselink/storage';
import { loadWorkerConfig } from '../config';
import { WorkerModule } from '../worker.module';
import { ImportsProcessor, MAX_STORED_ERRORS, PROGRESS_EVERY } from './imports.processor';

const DB = process.env['TEST_DATABASE_URL'] ?? 'postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink_test';
const OWNER = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://caselink_owner:caselink_owner@127.0.0.1:5432/caselink_test';
const LINKER = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

// Good rows and broken rows at known spreadsheet row numbers (header = row 1, row 8 blank, row 5 with a two-line narrative).
const IMPORT_HEADER = [
  'victim_name', 'victim_id_number', 'victim_phone', 'victim_age', 'victim_gender', 'victim_province', 'taken_at', 'place', 'province', 'narrative',
  'reported_loss', 'transfer1_from', 'transfer1_to', 'transfer1_bank', 'transfer1_amount', 'transfer1_time', 'transfer1_channel',
  'transfer2_from', 'transfer2_to', 'transfer2_bank', 'transfer2_amount', 'transfer2_time', 'transfer2_channel',
];

const CARD_A = '6222021001123456789';
const CARD_B = '6228480012345678903';
const ACCOUNT = '6217000012345678907';
const NO_TRANSFER = ['', '', '', '', '', ''];

type FixtureCell = string | number | Date;

/** Spreadsheet row number -> cells. */
const IMPORT_ROWS: Record<number, FixtureCell[]> = {
  2: ['王芳', '11010519491231002X', '13812345678', '45', '女', '广东', '2026-03-01 10:30', '广州市天河区石牌派出所', '', '投资理财群诱导转账', '10000.00', CARD_A, ACCOUNT, '中国建设银行', '10000', '2026-02-27 14:05', '', ...NO_TRANSFER],
  3: ['钱七', '110105194912310021', '', '', '', '', '2026-03-01 11:00', '派出所', '', '身份证号有误', '300', ...NO_TRANSFER, ...NO_TRANSFER],
  4: ['孙八', '', '', '', '', '', '2026-03-01 11:30', '派出所', '', '损失为负', '-5', ...NO_TRANSFER, ...NO_TRANSFER],
  5: ['李四', '', '', '', '', '35', '2026-03-02T09:00:00+08:00', '福州市鼓楼区', '', '被骗，\n第二行：假客服', '2500.50', CARD_A, ACCOUNT, '', '1500.50', '2026-02-28 09:12', '银行转账', CARD_B, ACCOUNT, '', '1000', '2026/2/28 10:00', 'BANK_TRANSFER'],
  6: ['周九', '', '', '', '', '', '2026-03-03 08:00', '派出所', '', '金额三位小数', '100.12', CARD_A, ACCOUNT, '', '100.123', '2026-03-01 08:00', '', ...NO_TRANSFER],
  7: ['吴十', '', '', '', '', '', '2026-03-03 09:00', '派出所', '', '收款卡号有误', '50', CARD_A, 'ABC-123', '', '50', '2026-03-01 09:00', '', ...NO_TRANSFER],
  9: ['赵六', '', '', '', 'M', '440000', '2026-03-04 15:00', '深圳市南山区', '44', '未转账', '0', ...NO_TRANSFER, ...NO_TRANSFER],
};

const GOOD_LOSS = '12500.50';
const EXPECTED_ERRORS = [
  { row: 3, field: 'victim_id_number', reason: expect.stringMatching(/check/i) },
  { row: 4, field: 'reported_loss', reason: 'must not be negative' },
  { row: 6, field: 'transfer1_amount', reason: 'must have at most 2 decimals' },
  { row: 7, field: 'transfer1_to', reason: expect.stringMatching(/digits/i) },
];

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const asText = (c: FixtureCell) => (c instanceof Date ? c.toISOString() : String(c));

/** The rows as CSV (UTF-8 with a byte-order mark, CRLF, row 8 an empty line). */
function importCsv(rows: Record<number, FixtureCell[]> = IMPORT_ROWS, header = IMPORT_HEADER): Buffer {
  const last = Math.max(...Object.keys(rows).map(Number));
  const lines = [header.map(quote).join(',')];
  for (let r = 2; r <= last; r++) lines.push((rows[r] ?? []).map((c) => quote(asText(c))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/**
 * The same rows as an XLSX workbook, the way people type them in Excel: some amounts as numbers, a time
 * as a date cell (Excel holds wall-clock time), the ID number as text.
 */
async function importXlsx(rows: Record<number, FixtureCell[]> = IMPORT_ROWS, header = IMPORT_HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('询问笔录');
  ws.getRow(1).values = header;
  for (const [r, cells] of Object.entries(rows)) {
    const typed = cells.map((c, i) => {
      const column = header[i];
      if (typeof c === 'string' && /^(reported_loss|transfer\d_amount)$/.test(column) && /^\d+(\.\d+)?$/.test(c)) return Number(c);
      if (typeof c === 'string' && column === 'taken_at' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(c)) {
        const [y, mo, d, h, mi] = c.split(/[- :]/).map(Number);
        const cell = new Date(Date.UTC(y, mo - 1, d, h, mi));
        return cell;
      }
      return c;
    });
    ws.getRow(Number(r)).values = typed;
  }
  ws.getColumn(7).numFmt = 'yyyy-mm-dd hh:mm';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The imports worker on real PostgreSQL and Redis: per-row validation errors named by row and column,
 * one transaction per row, and at-least-once delivery with exactly-once effect.
 */
describe('imports worker', () => {
  const prefix = `caselink-test-imports-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'caselink-imports-'));
  const store = new LocalDiskStore(dir);
  let worker: INestApplicationContext;
  let processor: ImportsProcessor;
  let producers: JobProducers;
  let owner: Client;
  let agencyId: string;
  let otherAgencyId: string;
  let userId: string;
  let csvImport: { id: string; caseId: string };

  beforeAll(async () => {
    owner = new Client({ connectionString: OWNER });
    await owner.connect();
    const mk = async (name: string) =>
      (await owner.query<{ id: string }>("INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $1, 'POLICE', '440000') RETURNING id", [name])).rows[0].id;
    agencyId = await mk(`Import-${prefix}`);
    otherAgencyId = await mk(`ImportOther-${prefix}`);
    userId = (await owner.query<{ id: string }>(
      "INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, '李警官', '{INVESTIGATOR}', 'x') RETURNING id",
      [agencyId, `i-${prefix}@imports.test`],
    )).rows[0].id;
    producers = new JobProducers(redisConnection(REDIS), prefix);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forConfig(loadWorkerConfig({ DATABASE_URL: DB, LINKER_DATABASE_URL: LINKER, REDIS_URL: REDIS, QUEUE_PREFIX: prefix, WORKER_HEALTH_PORT: '0', EVIDENCE_DIR: dir })),
      { logger: ['error'] },
    );
    await worker.init();
    processor = worker.get(ImportsProcessor);
  });

  afterAll(async () => {
    await worker.close();
    await producers.imports.obliterate({ force: true });
    await producers.close();
    await owner.end();
  });

  let caseCounter = 0;
  const newCase = async () =>
    (await owner.query<{ id: string }>(
      `INSERT INTO cases (agency_id, case_number, title, fraud_type, reported_on, provinces, created_by)
       VALUES ($1, $2, '导入测试', 'INVESTMENT', '2026-03-01', '{44}', $3) RETURNING id`,
      [agencyId, `IMP-${prefix}-${++caseCounter}`, userId],
    )).rows[0].id;

  const newImport = async (caseId: string, format: 'CSV' | 'XLSX', body: Buffer) => {
    const { key } = await store.put(Readable.from([body]), 50_000_000);
    return (await owner.query<{ id: string }>(
      'INSERT INTO imports (case_id, agency_id, created_by, file_name, format, storage_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [caseId, agencyId, userId, `statements.${format.toLowerCase()}`, format, key],
    )).rows[0].id;
  };

  const jobFor = (importId: string, onProgress: (p: number) => void = () => undefined, asAgency = agencyId) =>
    ({
      id: `import-${importId}`, data: { importId, agencyId: asAgency }, attemptsMade: 0, opts: { attempts: 5 },
      updateProgress: async (p: number) => onProgress(p),
    }) as unknown as Job<ImportJob>;

  const importOf = async (id: string) => (await owner.query('SELECT * FROM imports WHERE id = $1', [id])).rows[0];

  const caseState = async (caseId: string) =>
    (await owner.query(
      `SELECT c.total_loss::text AS loss, c.victim_count AS victims, c.provinces,
              (SELECT count(*)::int FROM victim_statements WHERE case_id = $1) AS statements,
              (SELECT count(*)::int FROM victims WHERE case_id = $1) AS victim_rows,
              (SELECT count(*)::int FROM transfers WHERE case_id = $1) AS transfers,
              (SELECT count(*)::int FROM identifiers WHERE case_id = $1) AS identifiers
       FROM cases c WHERE c.id = $1`,
      [caseId],
    )).rows[0];

  const GOOD_STATE = { loss: GOOD_LOSS, victims: 3, provinces: ['35', '44'], statements: 3, victim_rows: 3, transfers: 3, identifiers: 6 };

  /** What a successful import of IMPORT_ROWS leaves behind, whichever the format. */
  async function expectGoodRowsLanded(id: string, caseId: string) {
    expect(await importOf(id)).toMatchObject({
      status: 'DONE', total_rows: 7, processed_rows: 7, imported_rows: 3, error_rows: 4, errors: EXPECTED_ERRORS, failure: null, finished_at: expect.any(Date),
    });
    expect(await caseState(caseId)).toEqual(GOOD_STATE);
    const statements = (await owner.query(
      `SELECT r.row_number, s.taken_by, s.taken_by_name, s.taken_at, s.narrative, s.reported_loss::text AS loss, v.name
       FROM import_rows r JOIN victim_statements s ON s.id = r.statement_id JOIN victims v ON v.id = s.victim_id
       WHERE r.import_id = $1 ORDER BY r.row_number`,
      [id],
    )).rows;
    expect(statements.map((s) => [s.row_number, s.name, s.loss])).toEqual([[2, '王芳', '10000.00'], [5, '李四', '2500.50'], [9, '赵六', '0.00']]);
    expect(statements.every((s) => s.taken_by === userId && s.taken_by_name === '李警官')).toBe(true);
    expect(statements[0].taken_at.toISOString()).toBe('2026-03-01T02:30:00.000Z');
    expect(statements[1].narrative).toBe('被骗，\n第二行：假客服');
    const sources = (await owner.query('SELECT DISTINCT source FROM identifiers WHERE case_id = $1', [caseId])).rows;
    expect(sources).toEqual([{ source: 'IMPORT' }]);
    const audited = (await owner.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'STATEMENT_ADDED' AND details->>'importId' = $1", [id])).rows[0];
    expect(audited.n).toBe(3);
  }

  it('imports the good rows of a CSV, names each bad row and column, and leaves nothing of a bad row behind', async () => {
    const caseId = await newCase();
    const id = await newImport(caseId, 'CSV', importCsv());
    const progress: number[] = [];
    expect(await processor.process(jobFor(id, (p) => progress.push(p)))).toEqual({ status: 'DONE', totalRows: 7, processedRows: 7, importedRows: 3, errorRows: 4 });
    expect(progress.at(-1)).toBe(100);
    await expectGoodRowsLanded(id, caseId);
    const bad = (await owner.query("SELECT count(*)::int AS n FROM victims WHERE case_id = $1 AND name IN ('钱七','孙八','周九','吴十')", [caseId])).rows[0];
    expect(bad.n).toBe(0);
    csvImport = { id, caseId };
  });

  it('imports an XLSX workbook the same way (number and date cells included)', async () => {
    const caseId = await newCase();
    const id = await newImport(caseId, 'XLSX', await importXlsx());
    await processor.process(jobFor(id));
    await expectGoodRowsLanded(id, caseId);
  });

  it('a job delivered twice adds nothing, even when its finish was never recorded', async () => {
    const { id, caseId } = csvImport;
    const before = await caseState(caseId);
    expect(await processor.process(jobFor(id))).toMatchObject({ status: 'DONE', importedRows: 3, errorRows: 4 });
    await owner.query("UPDATE imports SET status = 'RUNNING', finished_at = NULL WHERE id = $1", [id]);
    expect(await processor.process(jobFor(id))).toEqual({ status: 'DONE', totalRows: 7, processedRows: 7, importedRows: 3, errorRows: 4 });
    expect(await caseState(caseId)).toEqual(before);
    expect((await owner.query('SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1', [id])).rows[0].n).toBe(3);
    expect((await importOf(id)).errors).toEqual(EXPECTED_ERRORS);
  });

  it('after a crash mid-file, the rerun skips the rows that landed and completes the rest', async () => {
    // A row marked in import_rows by an earlier delivery is not imported again.
    const caseId = await newCase();
    const id = await newImport(caseId, 'CSV', importCsv());
    await owner.query("UPDATE imports SET status = 'RUNNING', processed_rows = 1, imported_rows = 1 WHERE id = $1", [id]);
    await owner.query('INSERT INTO import_rows (import_id, row_number, agency_id) VALUES ($1, 2, $2)', [id, agencyId]);
    expect(await processor.process(jobFor(id))).toMatchObject({ status: 'DONE', importedRows: 3, errorRows: 4 });
    expect(await caseState(caseId)).toMatchObject({ statements: 2, loss: '2500.50' });

    // A worker that dies at its first progress report (Redis gone) after PROGRESS_EVERY rows committed.
    const many: Record<number, FixtureCell[]> = {};
    for (let r = 2; r <= 121; r++) many[r] = [`受害人${r}`, '', '', '', '', '', '2026-03-04 15:00', '深圳', '', '案情', '1.00', ...NO_TRANSFER, ...NO_TRANSFER];
    const case2 = await newCase();
    const id2 = await newImport(case2, 'CSV', importCsv(many));
    const crashing = jobFor(id2, () => {
      throw new Error('connection lost');
    });
    await expect(processor.process(crashing)).rejects.toThrow('connection lost');
    expect(await importOf(id2)).toMatchObject({ status: 'RUNNING', processed_rows: PROGRESS_EVERY });
    expect(await caseState(case2)).toMatchObject({ statements: PROGRESS_EVERY });
    expect(await processor.process(jobFor(id2))).toEqual({ status: 'DONE', totalRows: 120, processedRows: 120, importedRows: 120, errorRows: 0 });
    expect(await caseState(case2)).toMatchObject({ statements: 120, victims: 120, loss: '120.00' });
    const rows = (await owner.query('SELECT count(DISTINCT row_number)::int AS n, count(statement_id)::int AS s FROM import_rows WHERE import_id = $1', [id2])).rows[0];
    expect(rows).toEqual({ n: 120, s: 120 });
  });

  it('fails an unreadable file or a bad header as a whole, writing no statement', async () => {
    const caseId = await newCase();
    const junk = await newImport(caseId, 'XLSX', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]));
    expect(await processor.process(jobFor(junk))).toMatchObject({ status: 'FAILED' });
    expect((await importOf(junk)).failure).toMatch(/cannot be read as XLSX/);
    const header = await newImport(caseId, 'CSV', importCsv(IMPORT_ROWS, [...IMPORT_HEADER.slice(0, -1), 'foo']));
    expect(await processor.process(jobFor(header))).toMatchObject({ status: 'FAILED' });
    expect(await importOf(header)).toMatchObject({ status: 'FAILED', failure: expect.stringMatching(/row 1: unknown column\(s\) "foo"/), finished_at: expect.any(Date) });
    const missing = await newImport(caseId, 'CSV', Buffer.from('victim_name,place\n张三,x\n'));
    await processor.process(jobFor(missing));
    expect((await importOf(missing)).failure).toMatch(/missing column\(s\) taken_at, narrative, reported_loss/);
    expect(await caseState(caseId)).toMatchObject({ statements: 0, loss: '0.00' });
  });

  it('keeps counting errors past the stored list', async () => {
    const rows: Record<number, FixtureCell[]> = {};
    for (let r = 2; r <= MAX_STORED_ERRORS + 51; r++) rows[r] = ['x', '', '', '', '', '', '2026-03-04 15:00', 'p', '', 'n', '-1', ...NO_TRANSFER, ...NO_TRANSFER];
    const id = await newImport(await newCase(), 'CSV', importCsv(rows));
    expect(await processor.process(jobFor(id))).toMatchObject({ status: 'DONE', importedRows: 0, errorRows: MAX_STORED_ERRORS + 50 });
    const imp = await importOf(id);
    expect(imp.errors).toHaveLength(MAX_STORED_ERRORS);
    expect(imp.errors[0]).toEqual({ row: 2, field: 'reported_loss', reason: 'must not be negative' });
  });

  it('reads a CSV saved in GB18030 (Excel on Chinese Windows) and one with semicolons', async () => {
    const caseId = await newCase();
    const zhang = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三
    const gb = Buffer.concat([Buffer.from('victim_name,taken_at,place,narrative,reported_loss\r\n'), zhang, Buffer.from(',2026-03-01 10:00,p,n,1\r\n')]);
    await processor.process(jobFor(await newImport(caseId, 'CSV', gb)));
    const semi = Buffer.from('受害人姓名;询问时间;地点;案情;损失金额（元）\n李四;2026-03-01 10:00;p;"a;b";"1,000.00"\n');
    await processor.process(jobFor(await newImport(caseId, 'CSV', semi)));
    const rows = (await owner.query('SELECT v.name, s.narrative, s.reported_loss::text AS loss FROM victim_statements s JOIN victims v ON v.id = s.victim_id WHERE s.case_id = $1 ORDER BY v.name', [caseId])).rows;
    expect(rows).toEqual([{ name: '张三', narrative: 'n', loss: '1.00' }, { name: '李四', narrative: 'a;b', loss: '1000.00' }]);
  });

  it('acts as the job agency under row-level security: another agency cannot run this import', async () => {
    const caseId = await newCase();
    const id = await newImport(caseId, 'CSV', importCsv());
    expect(await processor.process(jobFor(id, undefined, otherAgencyId))).toMatchObject({ status: 'MISSING' });
    expect(await importOf(id)).toMatchObject({ status: 'QUEUED', processed_rows: 0 });
    expect(await caseState(caseId)).toMatchObject({ statements: 0 });
  });

  it('runs through the imports queue: enqueued twice, processed once, progress 100', async () => {
    const caseId = await newCase();
    const id = await newImport(caseId, 'CSV', importCsv());
    await producers.enqueueImport({ importId: id, agencyId });
    await producers.enqueueImport({ importId: id, agencyId });
    await waitFor(async () => (await importOf(id)).status === 'DONE');
    const job = await producers.imports.getJob(`import-${id}`);
    await waitFor(async () => (await job?.getState()) === 'completed');
    expect((await producers.imports.getJob(`import-${id}`))?.progress).toBe(100);
    expect(await caseState(caseId)).toEqual(GOOD_STATE);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
