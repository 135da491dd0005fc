import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '@caselink/db';
import { seedDemo } from '../seed/seed';
import { backup } from './backup';
import { listFiles, listTables, rowCounts, sha256File, verifyAuditChains } from './common';
import { restore, RestoreRefused } from './restore';

/**
 * Backup and restore end to end: a private demo database with evidence files and audit chains, backed up,
 * restored into a new database and evidence folder, compared; then a corrupted dump and a non-empty target
 * are refused. Databases are made and dropped through tools/scripts/lib.sh (its admin connection and roles).
 */
const ROOT = resolve(__dirname, '../..');
const OWNER_URL = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://caselink_owner:caselink_owner@127.0.0.1:5432/caselink_test';
const APP_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink_test';
const LINKER_URL = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';
const PREFIX = `caselink_backup_test_${process.pid}`;
const SOURCE = `${PREFIX}_src`;
const TARGET = `${PREFIX}_dst`;
const SPARE = `${PREFIX}_spare`;

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

function lib(script: string, ...args: string[]): void {
  execFileSync('bash', ['-c', `. tools/scripts/lib.sh >/dev/null; ${script}`, 'lib', ...args], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: APP_URL, DATABASE_OWNER_URL: OWNER_URL, LINKER_DATABASE_URL: LINKER_URL },
  });
}
const createDb = (name: string) => lib('admin_psql postgres -c "DROP DATABASE IF EXISTS \\"$1\\" WITH (FORCE)" && ensure_database "$1" >/dev/null', name);
const dropDb = (name: string) => lib('admin_psql postgres -c "DROP DATABASE IF EXISTS \\"$1\\" WITH (FORCE)"', name);

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function evidenceHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listFiles(dir)) out[f] = await sha256File(join(dir, f));
  return out;
}

async function chains(url: string) {
  return withClient(url, async (c) => {
    await c.query('BEGIN');
    try {
      return await verifyAuditChains(c);
    } finally {
      await c.query('COMMIT');
    }
  });
}

describe('backup and restore', () => {
  jest.setTimeout(300_000);
  let tmp: string;
  const sourceUrl = withDb(OWNER_URL, SOURCE);
  const targetUrl = withDb(OWNER_URL, TARGET);
  const spareUrl = withDb(OWNER_URL, SPARE);

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), `${PREFIX}-`));
    createDb(SOURCE);
    const ds = await createDataSource({ url: sourceUrl, poolSize: 1, applicationName: 'caselink-backup-test' }).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
    await seedDemo(sourceUrl);

    // Two evidence files (as LocalDiskStore names them) with the attachment rows that reference them, and
    // audit rows in two agencies' chains and the agency-less one.
    const evidence = join(tmp, 'evidence-src');
    await withClient(sourceUrl, async (c) => {
      const { rows: [kase] } = await c.query<{ id: string; agency_id: string; created_by: string }>('SELECT id, agency_id, created_by FROM cases ORDER BY case_number LIMIT 1');
      if (!kase) throw new Error('the demo seed made no case');
      for (const [i, body] of ['转账截图 screenshot bytes', 'chat log: 你好, transfer 58000 now'].entries()) {
        const key = `2026-01/${randomUUID()}`;
        await mkdir(join(evidence, '2026-01'), { recursive: true });
        await writeFile(join(evidence, key), body);
        await c.query(
          `INSERT INTO attachments (case_id, agency_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
           VALUES ($1, $2, $3, 'text/plain', $4, $5, $6, $7)`,
          [kase.id, kase.agency_id, `evidence-${i}.txt`, Buffer.byteLength(body), await sha256File(join(evidence, key)), key, kase.created_by],
        );
      }
      // An upload in flight is not evidence yet: not backed up.
      await writeFile(join(evidence, '2026-01', `${randomUUID()}.part`), 'half');
      const { rows: agencies } = await c.query<{ id: string }>('SELECT id FROM agencies ORDER BY name LIMIT 2');
      for (const agency of [...agencies.map((a) => a.id), null, agencies[0]?.id ?? null]) {
        await c.query(
          `INSERT INTO audit_events (agency_id, action, entity_type, outcome, chain_key, sequence, occurred_at, prev_hash, hash)
           VALUES ($1, 'LOGIN', 'user', 'SUCCESS', '00000000-0000-0000-0000-000000000000', 0, now(), '', '')`,
          [agency],
        );
      }
    });
  });

  afterAll(async () => {
    for (const db of [SOURCE, TARGET, SPARE]) {
      try {
        dropDb(db);
      } catch (e) {
        console.error(`could not drop ${db}: ${String(e)}`);
      }
    }
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('restores a backup into an empty database with equal row counts, audit chains and evidence', async () => {
    const backupDir = join(tmp, 'backup');
    const manifest = await backup({ databaseUrl: sourceUrl, evidenceDir: join(tmp, 'evidence-src'), outDir: backupDir });
    expect(manifest.database).toBe(SOURCE);
    expect(manifest.serverVersion).toMatch(/^\d+/);
    expect(manifest.migrations.length).toBeGreaterThan(10);
    expect(manifest.rowCounts['public.attachments']).toBe(2);
    expect(manifest.audit.ok).toBe(true);
    expect(manifest.audit.chains.length).toBeGreaterThanOrEqual(3);
    expect(manifest.evidence.files).toHaveLength(2);
    expect(manifest.evidence.files.every((f) => !f.path.endsWith('.part'))).toBe(true);
    expect(manifest.roles).toEqual(expect.arrayContaining(['caselink_app', 'caselink_linker', 'caselink_owner']));

    createDb(TARGET);
    const report = await restore({ backupDir, databaseUrl: targetUrl, evidenceDir: join(tmp, 'evidence-dst') });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    // Independently of restore's own checks: the two databases and evidence folders agree.
    expect(await withClient(targetUrl, rowCounts)).toEqual(await withClient(sourceUrl, rowCounts));
    const [src, dst] = [await chains(sourceUrl), await chains(targetUrl)];
    expect(dst.ok).toBe(true);
    expect(dst).toEqual(src);
    const srcFiles = await evidenceHashes(join(tmp, 'evidence-src'));
    const dstFiles = await evidenceHashes(join(tmp, 'evidence-dst'));
    expect(dstFiles).toEqual(Object.fromEntries(Object.entries(srcFiles).filter(([k]) => !k.endsWith('.part'))));
    // Policies and grants came back with the data: the app role still sees nothing without an agency.
    const appSees = await withClient(withDb(APP_URL, TARGET), async (c) => (await c.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0]?.n);
    expect(appSees).toBe('0');
  });

  it('refuses a backup whose dump lost or changed one byte, naming the file, and leaves the target empty', async () => {
    const copy = join(tmp, 'backup-corrupt');
    await cp(join(tmp, 'backup'), copy, { recursive: true });
    const dump = join(copy, 'database.dump');
    const fh = await open(dump, 'r+');
    try {
      const at = Math.floor((await fh.stat()).size / 2);
      const b = Buffer.alloc(1);
      await fh.read(b, 0, 1, at);
      b[0] = (b[0] ?? 0) ^ 0xff;
      await fh.write(b, 0, 1, at);
    } finally {
      await fh.close();
    }
    createDb(SPARE);
    const attempt = restore({ backupDir: copy, databaseUrl: spareUrl, evidenceDir: join(tmp, 'evidence-spare') });
    await expect(attempt).rejects.toThrow(RestoreRefused);
    await expect(attempt).rejects.toThrow(/database\.dump does not match its sha256/);
    expect(await withClient(spareUrl, listTables)).toEqual([]);
  });

  it('refuses a target database that has tables, naming it', async () => {
    await expect(restore({ backupDir: join(tmp, 'backup'), databaseUrl: targetUrl, evidenceDir: join(tmp, 'evidence-other') }))
      .rejects.toThrow(new RegExp(`database ${TARGET} is not empty`));
  });
});
