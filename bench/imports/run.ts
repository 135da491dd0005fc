import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Job } from 'bullmq';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { createDataSource } from '@caselink/db';
import type { ImportJob } from '@caselink/jobs';
import { importColumnNames } from '@caselink/jobs';
import { LocalDiskStore } from '@caselink/storage';
import { ImportsProcessor } from '../../apps/worker/src/imports/imports.processor';
import { readSheet } from '../../apps/worker/src/imports/sheet-reader';

/**
 * Runs the imports processor in-process (no Redis: the job is handed over directly) on a generated sheet of
 * BENCH_ROWS statements with BENCH_TRANSFERS transfers each, into a fresh case of the Guangdong demo
 * investigator: parsing alone (CSV and XLSX), the CSV import with its rate per 1,000 rows (the case grows as
 * it goes), a redelivery of the finished job (every row skipped), and the XLSX import when BENCH_FORMATS
 * includes XLSX. Prints the figures; writes dist/bench/imports-results.json. BENCH_SMOKE=1: 40 rows, CSV and XLSX
 * both imported, checked: every row parsed, imported and in the case with its transfers, and the redelivery adding nothing.
 */
const ROOT = join(__dirname, '../../..');
const SMOKE = process.env['BENCH_SMOKE'] === '1';
const DB = required('BENCH_DATABASE_URL');
const OWNER = required('BENCH_OWNER_URL');
const ROWS = Number(process.env['BENCH_ROWS'] ?? (SMOKE ? 40 : 5000));
const TRANSFERS = Number(process.env['BENCH_TRANSFERS'] ?? 2);
const POOL = Number(process.env['BENCH_POOL_SIZE'] ?? 4);
const FORMATS = (process.env['BENCH_FORMATS'] ?? (SMOKE ? 'CSV,XLSX' : 'CSV')).split(',').map((f) => f.trim().toUpperCase());

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run bench/imports/run.sh)`);
  return v;
}

/** Deterministic PRNG (mulberry32), so every run imports the same sheet. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withLuhn(payload: string): string {
  for (let c = 0; c <= 9; c++) {
    let sum = 0;
    [...(payload + c)].reverse().forEach((ch, i) => {
      const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
      sum += Math.floor(d / 10) + (d % 10);
    });
    if (sum % 10 === 0) return payload + c;
  }
  throw new Error('unreachable');
}

function withIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return first17 + (v === 10 ? 'X' : String(v));
}

/** The sheet as rows of text cells, header first: every row valid, as a province's clean export would be. */
function generate(rows: number, transfers: number): string[][] {
  const rnd = prng(20261122);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const pad = (n: number) => String(n).padStart(2, '0');
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
  const given = ['芳', '伟', '娜', '敏', '静', '强', '磊', '洋', '艳', '军'];
  const mules = Array.from({ length: 200 }, () => withLuhn(`621700${digits(12)}`));
  const out = [importColumnNames(transfers)];
  for (let r = 0; r < rows; r++) {
    const day = 1 + Math.floor(rnd() * 28);
    const takenAt = `2026-03-${pad(day)} ${pad(8 + Math.floor(rnd() * 10))}:${pad(Math.floor(rnd() * 60))}`;
    const amounts = Array.from({ length: transfers }, () => (100 + Math.floor(rnd() * 5_000_000) / 100).toFixed(2));
    const loss = amounts.reduce((s, a) => s + Math.round(Number(a) * 100), 0);
    const born = `19${60 + Math.floor(rnd() * 40)}${pad(1 + Math.floor(rnd() * 12))}${pad(1 + Math.floor(rnd() * 28))}`;
    const row = [
      pick(surnames) + pick(given), withIdCheck(`440106${born}${digits(3)}`), `13${digits(9)}`, String(20 + Math.floor(rnd() * 60)), pick(['男', '女']),
      pick(['广东', '44', '福建', '35']), takenAt, '广州市天河区石牌派出所', '44', `受害人在投资群内被诱导下载虚假理财App，共转账${transfers}笔。`,
      `${Math.floor(loss / 100)}.${String(loss % 100).padStart(2, '0')}`,
    ];
    for (let t = 0; t < transfers; t++) {
      row.push(withLuhn(`622202${digits(12)}`), pick(mules), '中国建设银行', amounts[t], `2026-02-${pad(1 + Math.floor(rnd() * 27))} 14:05`, pick(['BANK_TRANSFER', '银行转账', '']));
    }
    out.push(row);
  }
  return out;
}

const csvOf = (rows: string[][]) => `\uFEFF${rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('statements');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Run {
  label: string;
  seconds: number;
  rows: number;
  imported: number;
  statements: number;
  perSecond: number;
}

async function main(): Promise<void> {
  const owner = new Client({ connectionString: OWNER });
  await owner.connect();
  const { rows: [investigator] } = await owner.query<{ id: string; agency_id: string }>("SELECT id, agency_id FROM users WHERE email = 'investigator@gd.demo'");
  if (!investigator) throw new Error('the demo seed is missing (investigator@gd.demo)');
  const dir = mkdtempSync(join(os.tmpdir(), 'caselink-bench-imports-'));
  const store = new LocalDiskStore(dir);
  const ds = await createDataSource({ url: DB, poolSize: POOL, applicationName: 'caselink-bench-imports' }).initialize();
  const processor = new ImportsProcessor(ds, { EVIDENCE_DIR: dir });
  const stamp = Date.now();

  const sheet = generate(ROWS, TRANSFERS);
  const files = { CSV: Buffer.from(csvOf(sheet)), XLSX: await xlsxOf(sheet) };
  const runs: Run[] = [];
  for (const format of ['CSV', 'XLSX'] as const) {
    const started = process.hrtime.bigint();
    let n = 0;
    for await (const _row of readSheet(format, Readable.from([files[format]]))) n++;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    check(n - 1 === ROWS, `${format}: ${n - 1} rows parsed of ${ROWS}`);
    runs.push({ label: `${format} parsing only`, seconds, rows: n - 1, imported: 0, statements: 0, perSecond: (n - 1) / seconds });
  }
  let csvImport: { id: string; caseId: string } | undefined;

  const timed = async (label: string, importId: string, caseId: string): Promise<Run> => {
    const job = { id: `import-${importId}`, data: { importId, agencyId: investigator.agency_id }, attemptsMade: 0, opts: { attempts: 1 }, updateProgress: async () => undefined };
    const started = process.hrtime.bigint();
    const outcome = await processor.process(job as unknown as Job<ImportJob>);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (outcome.status !== 'DONE' || outcome.errorRows > 0) throw new Error(`${label}: ${JSON.stringify(outcome)} ${JSON.stringify((await owner.query('SELECT failure, errors FROM imports WHERE id = $1', [importId])).rows[0])}`);
    const { rows: [{ n }] } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM victim_statements WHERE case_id = $1', [caseId]);
    return { label, seconds, rows: outcome.processedRows, imported: outcome.importedRows, statements: n, perSecond: outcome.processedRows / seconds };
  };

  for (const format of (['CSV', 'XLSX'] as const).filter((f) => FORMATS.includes(f))) {
    const { rows: [c] } = await owner.query<{ id: string }>(
      `INSERT INTO cases (agency_id, case_number, title, fraud_type, reported_on, provinces, created_by)
       VALUES ($1, $2, $3, 'INVESTMENT', '2026-03-01', '{44}', $4) RETURNING id`,
      [investigator.agency_id, `BENCH-IMP-${stamp}-${format}`, `导入基准 ${format} ${new Date(stamp).toISOString()}`, investigator.id],
    );
    const { key } = await store.put(Readable.from([files[format]]), 1e9);
    const { rows: [imp] } = await owner.query<{ id: string }>(
      'INSERT INTO imports (case_id, agency_id, created_by, file_name, format, storage_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [c.id, investigator.agency_id, investigator.id, `bench.${format.toLowerCase()}`, format, key],
    );
    const run = await timed(`${format}, ${ROWS} rows x ${TRANSFERS} transfers`, imp.id, c.id);
    check(run.rows === ROWS && run.imported === ROWS && run.statements === ROWS, `${format}: ${run.rows} processed, ${run.imported} imported, ${run.statements} statements in the case, of ${ROWS}`);
    const { rows: [{ n: transfers }] } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM transfers WHERE case_id = $1', [c.id]);
    check(transfers === ROWS * TRANSFERS, `${format}: ${transfers} transfers in the case, of ${ROWS * TRANSFERS}`);
    runs.push(run);
    if (format === 'CSV') csvImport = { id: imp.id, caseId: c.id };
  }
  const buckets: string[] = [];
  if (csvImport) {
    // The rate as the case fills up: each row's recordStatement recomputes the case totals over all its statements.
    const { rows } = await owner.query<{ bucket: number; n: number; rate: string }>(
      `SELECT (r.row_number - 2) / 1000 AS bucket, count(*)::int AS n,
              round((count(*) / greatest(extract(epoch FROM max(s.created_at) - min(s.created_at)), 0.001))::numeric, 1)::text AS rate
       FROM import_rows r JOIN victim_statements s ON s.id = r.statement_id WHERE r.import_id = $1 GROUP BY 1 ORDER BY 1`,
      [csvImport.id],
    );
    for (const b of rows) buckets.push(`rows ${b.bucket * 1000 + 1}-${b.bucket * 1000 + b.n}: ${b.rate}/s`);
    // A redelivery of the finished job (a worker died before BullMQ heard of the completion): every row is skipped.
    await owner.query("UPDATE imports SET status = 'RUNNING' WHERE id = $1", [csvImport.id]);
    const again = await timed('CSV redelivered (all rows already landed)', csvImport.id, csvImport.caseId);
    check(again.rows === ROWS && again.statements === ROWS, `the redelivery adds nothing (${again.rows} rows seen, ${again.statements} statements in the case, of ${ROWS})`);
    runs.push(again);
  }
  await ds.destroy();
  await owner.end();
  rmSync(dir, { recursive: true, force: true });

  const report = [
    `Spreadsheet import (imports processor in-process, one transaction per row: statement, ${TRANSFERS} transfers, ${TRANSFERS * 2} identifiers, case totals, audit event, import_rows mark);`,
    `CSV ${(files.CSV.length / 1e6).toFixed(1)} MB, XLSX ${(files.XLSX.length / 1e6).toFixed(1)} MB; pool ${POOL}; ${os.cpus().length} cores, ${os.cpus()[0]?.model}`,
    '',
    '| run | rows | statements in case | seconds | rows/s |',
    '|---|---:|---:|---:|---:|',
    ...runs.map((r) => `| ${r.label} | ${r.rows} | ${r.statements || ''} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(1)} |`),
    '',
    buckets.length ? `CSV import rate as the case fills: ${buckets.join('; ')}` : '',
  ].join('\n');
  console.log(report);
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
  writeFileSync(join(ROOT, `dist/bench/imports${SMOKE ? '-smoke' : ''}-results.json`), JSON.stringify({ rows: ROWS, transfers: TRANSFERS, pool: POOL, runs, buckets }, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
