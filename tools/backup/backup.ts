import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import {
  databaseGrants, databaseName, databaseSettings, DUMP_FILE, EVIDENCE_FOLDER, listFiles, Manifest, MANIFEST_FILE, migrationList, parseArgs,
  referencedStorageKeys, rowCounts, run, sha256File, splitPassword, verifyAuditChains,
} from './common';

export interface BackupOptions {
  /** The owner role's URL (DATABASE_OWNER_URL) or an admin's: a role that owns or may read every object and bypasses RLS. */
  databaseUrl: string;
  evidenceDir: string;
  outDir: string;
}

/**
 * Roles the schema names (owners, grantees incl. column grants, policy targets): cluster-wide, not in the dump.
 * Extension members (pg_trgm's functions, owned by the bootstrap superuser) are left out: the dump recreates
 * them with CREATE EXTENSION, not one by one.
 */
const ROLES_SQL = `
  WITH ext AS (SELECT objid FROM pg_depend WHERE deptype = 'e'),
  app_ns AS (SELECT oid FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp%'),
  oids AS (
    SELECT relowner AS r FROM pg_class WHERE relnamespace IN (SELECT oid FROM app_ns) AND oid NOT IN (SELECT objid FROM ext)
    UNION SELECT (aclexplode(relacl)).grantee FROM pg_class WHERE relnamespace IN (SELECT oid FROM app_ns) AND oid NOT IN (SELECT objid FROM ext)
    UNION SELECT (aclexplode(attacl)).grantee FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace IN (SELECT oid FROM app_ns) AND c.oid NOT IN (SELECT objid FROM ext)
    UNION SELECT proowner FROM pg_proc WHERE pronamespace IN (SELECT oid FROM app_ns) AND oid NOT IN (SELECT objid FROM ext)
    UNION SELECT (aclexplode(proacl)).grantee FROM pg_proc WHERE pronamespace IN (SELECT oid FROM app_ns) AND oid NOT IN (SELECT objid FROM ext)
    UNION SELECT nspowner FROM pg_namespace WHERE oid IN (SELECT oid FROM app_ns)
    UNION SELECT (aclexplode(nspacl)).grantee FROM pg_namespace WHERE oid IN (SELECT oid FROM app_ns)
    UNION SELECT unnest(polroles) FROM pg_policy
    UNION SELECT (aclexplode(datacl)).grantee FROM pg_database WHERE datname = current_database()
  )
  SELECT DISTINCT rolname FROM oids JOIN pg_roles ON pg_roles.oid = oids.r
  WHERE rolname NOT LIKE 'pg\\_%' ORDER BY 1`;

/**
 * One consistent backup: the counts, migration list and audit verification are read in the very snapshot
 * pg_dump dumps (an exported snapshot), so the manifest describes the dump exactly even while the app writes.
 * The evidence store is copied after the dump: files are written before the rows that name them commit, so
 * every file the dump references already exists then (files added meanwhile are harmless extras).
 */
export async function backup(opts: BackupOptions): Promise<Manifest> {
  const outDir = resolve(opts.outDir);
  const evidenceDir = resolve(opts.evidenceDir);
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`backup folder ${outDir} is not empty`);
  const evidenceExists = await stat(evidenceDir).then((s) => s.isDirectory(), () => false);

  const db = new Client({ connectionString: opts.databaseUrl, application_name: 'caselink-backup' });
  await db.connect();
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [who] } = await db.query<{ role: string; bypass: boolean; db: string; version: string }>(
      `SELECT current_user AS role, (rolbypassrls OR rolsuper) AS bypass, current_database() AS db, current_setting('server_version') AS version
       FROM pg_roles WHERE rolname = current_user`,
    );
    if (!who?.bypass) throw new Error(`role ${who?.role} does not bypass row-level security: its dump would hold one agency's rows only; use DATABASE_OWNER_URL (caselink_owner) or an admin URL`);
    const { rows: [snap] } = await db.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const dumpPath = join(outDir, DUMP_FILE);
    const conn = splitPassword(opts.databaseUrl);
    // The dump runs concurrently with the reads below, in the same snapshot; the transaction stays open until it ends.
    const dumping = run('pg_dump', ['--format=custom', '--no-password', `--snapshot=${snap?.id}`, `--file=${dumpPath}`, `--dbname=${conn.url}`], conn.env);
    const reads = (async () => ({
      migrations: await migrationList(db),
      rowCounts: await rowCounts(db),
      audit: await verifyAuditChains(db),
      roles: (await db.query<{ rolname: string }>(ROLES_SQL)).rows.map((r) => r.rolname),
      keys: await referencedStorageKeys(db),
      grants: await databaseGrants(db),
      settings: await databaseSettings(db),
    }))();
    const [, read] = await Promise.all([dumping, reads]);
    await db.query('COMMIT');

    const files: Manifest['evidence']['files'] = [];
    if (evidenceExists) {
      for (const rel of await listFiles(evidenceDir)) {
        // An upload in flight (LocalDiskStore writes `<key>.part`, then renames): not evidence yet.
        if (rel.endsWith('.part')) continue;
        files.push({ path: rel, ...(await copyHashed(join(evidenceDir, rel), join(outDir, EVIDENCE_FOLDER, rel))) });
      }
    }
    const copied = new Set(files.map((f) => f.path));
    const pgDumpVersion = (await run('pg_dump', ['--version'])).trim();
    const manifest: Manifest = {
      format: 'caselink-backup/1',
      createdAt: new Date().toISOString(),
      database: who.db,
      dumpedAs: who.role,
      serverVersion: who.version,
      pgDumpVersion,
      roles: read.roles,
      databaseGrants: read.grants,
      databaseSettings: read.settings,
      migrations: read.migrations,
      rowCounts: read.rowCounts,
      audit: read.audit,
      dump: { file: DUMP_FILE, sizeBytes: (await stat(dumpPath)).size, sha256: await sha256File(dumpPath) },
      evidence: { files, referencedMissing: read.keys.filter((k) => !copied.has(k)) },
    };
    await writeFile(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx' });
    return manifest;
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
}

/** Copies one file, hashing the bytes as they are written, so the manifest's hash is the copy's. */
async function copyHashed(from: string, to: string): Promise<{ sizeBytes: number; sha256: string }> {
  await mkdir(dirname(to), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), meter, createWriteStream(to, { flags: 'wx' }));
  return { sizeBytes: size, sha256: hash.digest('hex') };
}

async function main(): Promise<void> {
  const { flags } = parseArgs(process.argv.slice(2));
  // The owner role by default: it owns every object (so the dump carries all grants and policies) and has
  // BYPASSRLS (so it reads every agency's rows). BACKUP_DATABASE_URL may name an admin instead.
  const databaseUrl = process.env['BACKUP_DATABASE_URL'] ?? process.env['DATABASE_OWNER_URL'];
  if (!databaseUrl) throw new Error('set DATABASE_OWNER_URL (caselink_owner) or BACKUP_DATABASE_URL (an admin)');
  const evidenceDir = flags['evidence-dir'] ?? process.env['EVIDENCE_DIR'] ?? 'var/evidence';
  const outDir = flags['out'] ?? join('var/backups', `${databaseName(databaseUrl)}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const m = await backup({ databaseUrl, evidenceDir, outDir });
  const rows = Object.values(m.rowCounts).reduce((s, n) => s + n, 0);
  console.log(`Backup of ${m.database} (PostgreSQL ${m.serverVersion}) in ${resolve(outDir)}`);
  console.log(`  ${Object.keys(m.rowCounts).length} tables, ${rows} rows, ${m.migrations.length} migrations, ${m.evidence.files.length} evidence files`);
  console.log(`  audit chains: ${m.audit.ok ? 'verified' : 'BROKEN'} (${m.audit.chains.length} chains, ${m.audit.rows} rows)`);
  console.log(`  roles the target cluster needs: ${m.roles.join(', ')}`);
  console.log(`  manifest sha256 (keep it apart from the backup): ${await sha256File(join(outDir, MANIFEST_FILE))}`);
  if (m.evidence.referencedMissing.length > 0) console.warn(`  warning: ${m.evidence.referencedMissing.length} referenced evidence files were already missing from ${evidenceDir}`);
  // A backup of a broken chain is still kept (it is the evidence), but nobody should take it for a clean one.
  if (!m.audit.ok) {
    console.error('  the audit chain does NOT verify at backup time: see manifest.json audit.chains');
    process.exitCode = 2;
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
