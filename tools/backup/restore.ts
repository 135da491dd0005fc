import { constants } from 'node:fs';
import { access, copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  AuditVerification, databaseGrants, databaseName, databaseSettings, EVIDENCE_FOLDER, listTables, Manifest, MANIFEST_FILE, parseArgs,
  referencedStorageKeys, rowCounts, run, safeRelative, sha256File, splitPassword, verifyAuditChains,
} from './common';

export interface RestoreOptions {
  backupDir: string;
  /** The target database: empty, made by tools/scripts/lib.sh ensure_database; as the owner role or an admin. */
  databaseUrl: string;
  evidenceDir: string;
  /** The manifest's sha256 as printed at backup time, kept apart: without it a rewritten manifest goes unseen. */
  manifestSha256?: string;
}

export interface RestoreReport {
  ok: boolean;
  /** One line per check, for the summary. */
  lines: string[];
  problems: string[];
}

/** Refused before anything was written: the target is untouched. */
export class RestoreRefused extends Error {}

const exists = (p: string) => access(p, constants.F_OK).then(() => true, () => false);

export async function restore(opts: RestoreOptions): Promise<RestoreReport> {
  const backupDir = resolve(opts.backupDir);
  const evidenceDir = resolve(opts.evidenceDir);
  const manifestPath = join(backupDir, MANIFEST_FILE);
  if (!(await exists(manifestPath))) throw new RestoreRefused(`${manifestPath} not found: not a backup folder`);
  if (opts.manifestSha256 && (await sha256File(manifestPath)) !== opts.manifestSha256.toLowerCase()) {
    throw new RestoreRefused(`${manifestPath} does not match the expected sha256: the manifest was changed`);
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  if (manifest.format !== 'caselink-backup/1') throw new RestoreRefused(`${manifestPath}: unknown format ${String(manifest.format)}`);

  // 1. Every byte of the backup against the manifest, before touching the target.
  for (const f of [{ path: manifest.dump.file, sha256: manifest.dump.sha256 }, ...manifest.evidence.files.map((e) => ({ path: `${EVIDENCE_FOLDER}/${e.path}`, sha256: e.sha256 }))]) {
    if (!safeRelative(f.path)) throw new RestoreRefused(`manifest names a path outside the backup folder: ${f.path}`);
    const p = join(backupDir, f.path);
    if (!(await exists(p))) throw new RestoreRefused(`backup file missing: ${p}`);
    if ((await sha256File(p)) !== f.sha256) throw new RestoreRefused(`backup file ${p} does not match its sha256 in the manifest: corrupted or tampered`);
  }

  // 2. The target: empty, with the cluster-wide roles the dump's owners, grants and policies name.
  const target = databaseName(opts.databaseUrl);
  const db = new Client({ connectionString: opts.databaseUrl, application_name: 'caselink-restore' });
  await db.connect();
  try {
    const tables = await listTables(db);
    if (tables.length > 0) {
      throw new RestoreRefused(`database ${target} is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(', ')}): restore only into an empty database`);
    }
    const { rows: present } = await db.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1)', [manifest.roles]);
    const missingRoles = manifest.roles.filter((r) => !present.some((p) => p.rolname === r));
    if (missingRoles.length > 0) {
      throw new RestoreRefused(`roles missing on the target cluster: ${missingRoles.join(', ')} (create them first, e.g. ensure_database in tools/scripts/lib.sh)`);
    }
    const { rows: [me] } = await db.query<{ bypass: boolean; role: string }>(
      'SELECT current_user AS role, (rolbypassrls OR rolsuper) AS bypass FROM pg_roles WHERE rolname = current_user',
    );
    if (!me?.bypass) throw new RestoreRefused(`role ${me?.role} does not bypass row-level security: restore as the owner role or an admin`);
    for (const f of manifest.evidence.files) {
      if (await exists(join(evidenceDir, f.path))) throw new RestoreRefused(`evidence file ${join(evidenceDir, f.path)} already exists: restore into a new EVIDENCE_DIR`);
    }

    // 3. The database in one transaction: any error leaves the target as empty as it was. Owners are kept
    // (the roles exist); triggers such as the audit chain's are created after the data, so rows load as dumped.
    const conn = splitPassword(opts.databaseUrl);
    await run('pg_restore', ['--exit-on-error', '--single-transaction', '--no-password', `--dbname=${conn.url}`, join(backupDir, manifest.dump.file)], conn.env);

    // Database-level grants and settings (e.g. the linker's TEMPORARY) are not in a dump made without --create;
    // the manifest carries them and the database's owner re-applies them.
    await db.query('BEGIN');
    try {
      const targetId = db.escapeIdentifier(target);
      await db.query(`REVOKE ALL ON DATABASE ${targetId} FROM PUBLIC`);
      for (const g of manifest.databaseGrants) {
        if (!['CONNECT', 'TEMPORARY', 'CREATE'].includes(g.privilege)) throw new Error(`manifest: unknown database privilege ${g.privilege}`);
        await db.query(`GRANT ${g.privilege} ON DATABASE ${targetId} TO ${g.grantee === 'PUBLIC' ? 'PUBLIC' : db.escapeIdentifier(g.grantee)}`);
      }
      for (const setting of manifest.databaseSettings) {
        const eq = setting.indexOf('=');
        await db.query(`ALTER DATABASE ${targetId} SET ${db.escapeIdentifier(setting.slice(0, eq))} TO ${db.escapeLiteral(setting.slice(eq + 1))}`);
      }
      await db.query('COMMIT');
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }

    // 4. Evidence files; COPYFILE_EXCL refuses to overwrite even one that appeared since the check above.
    for (const f of manifest.evidence.files) {
      const to = join(evidenceDir, f.path);
      await mkdir(dirname(to), { recursive: true });
      await copyFile(join(backupDir, EVIDENCE_FOLDER, f.path), to, constants.COPYFILE_EXCL);
    }

    // 5. Checks on what landed.
    const lines: string[] = [];
    const problems: string[] = [];
    const counts = await rowCounts(db);
    const names = [...new Set([...Object.keys(manifest.rowCounts), ...Object.keys(counts)])].sort();
    const countDiffs = names.filter((t) => manifest.rowCounts[t] !== counts[t]);
    for (const t of countDiffs) problems.push(`table ${t}: ${counts[t] ?? 'missing'} rows, manifest ${manifest.rowCounts[t] ?? 'missing'}`);
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    lines.push(`row counts: ${countDiffs.length === 0 ? 'match' : 'DIFFER'} (${names.length} tables, ${total} rows)`);

    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let audit: AuditVerification;
    try {
      audit = await verifyAuditChains(db);
    } finally {
      await db.query('COMMIT');
    }
    for (const c of audit.chains.filter((c) => !c.ok)) problems.push(`audit chain ${c.chainKey}: broken at sequence ${c.firstBrokenSequence} (${c.reason})`);
    if (!audit.ok && audit.chains.every((c) => c.ok)) problems.push('audit chain: rows outside every chain walk');
    if (JSON.stringify(audit.chains) !== JSON.stringify(manifest.audit.chains)) problems.push('audit chains differ from the verification recorded at backup time');
    lines.push(`audit chains: ${audit.ok ? 'verified' : 'BROKEN'} (${audit.chains.length} chains, ${audit.rows} rows; at backup: ${manifest.audit.ok ? 'verified' : 'BROKEN'})`);

    let evidenceBad = 0;
    for (const f of manifest.evidence.files) {
      if ((await sha256File(join(evidenceDir, f.path))) !== f.sha256) {
        evidenceBad++;
        problems.push(`evidence file ${join(evidenceDir, f.path)} does not match its sha256`);
      }
    }
    const restored = new Set(manifest.evidence.files.map((f) => f.path));
    const knownMissing = new Set(manifest.evidence.referencedMissing);
    const newlyMissing = (await referencedStorageKeys(db)).filter((k) => !restored.has(k) && !knownMissing.has(k));
    for (const k of newlyMissing) problems.push(`evidence ${k} is referenced by a row but not in the backup`);
    lines.push(`evidence: ${evidenceBad === 0 ? 'hashes match' : 'MISMATCH'} (${manifest.evidence.files.length} files into ${evidenceDir}` +
      `${knownMissing.size > 0 ? `; ${knownMissing.size} referenced files were already missing at backup time` : ''})`);

    const grantsOk = JSON.stringify(await databaseGrants(db)) === JSON.stringify(manifest.databaseGrants)
      && JSON.stringify(await databaseSettings(db)) === JSON.stringify(manifest.databaseSettings);
    if (!grantsOk) problems.push('database-level grants or settings differ from the manifest');
    lines.push(`database grants and settings: ${grantsOk ? 'match' : 'DIFFER'} (${manifest.databaseGrants.map((g) => `${g.grantee} ${g.privilege}`).join(', ')})`);

    const migrations = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    if (JSON.stringify(migrations) !== JSON.stringify(manifest.migrations.map((m) => m.name))) problems.push('migration list differs from the manifest');
    lines.push(`migrations: ${migrations.length} (latest ${migrations[migrations.length - 1] ?? 'none'})`);
    return { ok: problems.length === 0, lines, problems };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const backupDir = positional[0];
  if (!backupDir) throw new RestoreRefused('usage: npm run restore -- <backup folder> [--evidence-dir DIR] [--manifest-sha256 HEX]');
  // As in backup: the owner role (its objects keep their owner; BYPASSRLS for the checks) or an admin.
  const databaseUrl = process.env['RESTORE_DATABASE_URL'] ?? process.env['DATABASE_OWNER_URL'];
  if (!databaseUrl) throw new RestoreRefused('set DATABASE_OWNER_URL (caselink_owner) or RESTORE_DATABASE_URL (an admin) to the empty target database');
  const evidenceDir = flags['evidence-dir'] ?? process.env['EVIDENCE_DIR'] ?? 'var/evidence';
  const report = await restore({ backupDir, databaseUrl, evidenceDir, manifestSha256: flags['manifest-sha256'] });
  console.log(`Restored ${resolve(backupDir)} into ${databaseName(databaseUrl)}`);
  for (const l of report.lines) console.log(`  ${l}`);
  for (const p of report.problems) console.error(`  MISMATCH: ${p}`);
  console.log(report.ok ? 'Restore verified.' : 'Restore finished but does NOT match the backup.');
  if (!report.ok) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof RestoreRefused ? `Refused: ${e.message}` : e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
