import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Client } from 'pg';

/** What `backup` writes next to the dump; `restore` trusts nothing in the folder that this does not hash. */
export interface Manifest {
  format: 'caselink-backup/1';
  createdAt: string;
  database: string;
  /** The role that took the dump (owner or an admin): it must have seen every row (BYPASSRLS). */
  dumpedAs: string;
  serverVersion: string;
  pgDumpVersion: string;
  /** Cluster-wide roles the dump's owners, grants and policies name: they must exist on the target. */
  roles: string[];
  /** Database-level grants and settings: they live on the database, outside what pg_dump (without --create) holds. */
  databaseGrants: DatabaseGrant[];
  databaseSettings: string[];
  migrations: Array<{ timestamp: string; name: string }>;
  rowCounts: Record<string, number>;
  audit: AuditVerification;
  dump: { file: string; sizeBytes: number; sha256: string };
  evidence: {
    files: Array<{ path: string; sizeBytes: number; sha256: string }>;
    /** Storage keys rows referenced at backup time that were not in the evidence store then either. */
    referencedMissing: string[];
  };
}

export interface DatabaseGrant {
  grantee: string;
  privilege: 'CONNECT' | 'TEMPORARY' | 'CREATE';
}

export interface ChainVerification {
  chainKey: string;
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  firstBrokenSequence: number | null;
  reason: string | null;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  chains: ChainVerification[];
}

export const DUMP_FILE = 'database.dump';
export const EVIDENCE_FOLDER = 'evidence';
export const MANIFEST_FILE = 'manifest.json';

/** Schemas that belong to the server, not to the application. */
const SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')";

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `root`, as forward-slash paths relative to it (sorted, so manifests diff cleanly). */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

/** Application tables (all non-system schemas), schema-qualified. */
export async function listTables(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ t: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ${SYSTEM_SCHEMAS} AND n.nspname NOT LIKE 'pg_temp%'
     ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

/** Exact row counts; the connection's role must bypass RLS, or the counts would be one agency's view. */
export async function rowCounts(db: Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await listTables(db)) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`);
    counts[t] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * audit_verify_chain() walks the chain of the acting agency (app.agency_id) only; an operator verifies every chain
 * by setting each chain key in turn (agency-less events chain under the zero uuid, which app_agency() accepts too).
 * Must run inside a transaction: set_config(..., true) is transaction-local.
 */
export async function verifyAuditChains(db: Client): Promise<AuditVerification> {
  const { rows: keys } = await db.query<{ chain_key: string }>('SELECT DISTINCT chain_key::text FROM audit_events ORDER BY 1');
  const chains: ChainVerification[] = [];
  for (const { chain_key } of keys) {
    await db.query("SELECT set_config('app.agency_id', $1, true)", [chain_key]);
    const { rows } = await db.query<{ ok: boolean; checked_count: string; first_broken_id: string | null; first_broken_sequence: string | null; reason: string | null }>(
      'SELECT * FROM audit_verify_chain()',
    );
    const r = rows[0];
    if (!r) throw new Error(`audit_verify_chain() returned nothing for chain ${chain_key}`);
    chains.push({
      chainKey: chain_key, ok: r.ok, checked: Number(r.checked_count), firstBrokenId: r.first_broken_id,
      firstBrokenSequence: r.first_broken_sequence === null ? null : Number(r.first_broken_sequence), reason: r.reason,
    });
  }
  await db.query("SELECT set_config('app.agency_id', '', true)");
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_events');
  const total = Number(rows[0]?.n ?? 0);
  // A chain that checks out but covers fewer rows than the table holds would hide rows outside any walk.
  const checked = chains.reduce((s, c) => s + c.checked, 0);
  return { ok: chains.every((c) => c.ok) && checked === total, rows: total, chains };
}

/** Migrations applied (TypeORM's table), in order. */
export async function migrationList(db: Client): Promise<Array<{ timestamp: string; name: string }>> {
  const { rows } = await db.query<{ timestamp: string; name: string }>('SELECT timestamp::text, name FROM migrations ORDER BY id');
  return rows;
}

/** Storage keys held by any `storage_key` column (attachments, imports, signal uploads, and whatever comes later). */
export async function referencedStorageKeys(db: Client): Promise<string[]> {
  const { rows: cols } = await db.query<{ t: string }>(
    `SELECT format('%I.%I', c.table_schema, c.table_name) AS t FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.column_name = 'storage_key' AND c.table_schema NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1`,
  );
  const keys = new Set<string>();
  for (const { t } of cols) {
    const { rows } = await db.query<{ k: string | null }>(`SELECT DISTINCT storage_key AS k FROM ${t}`);
    for (const r of rows) if (r.k) keys.add(r.k);
  }
  return [...keys].sort();
}

/**
 * A libpq URL without its password, and the password for PGPASSWORD: a password in argv is visible to every
 * local user in `ps`.
 */
export function splitPassword(url: string): { url: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Runs a command to completion; rejects with its stderr on a non-zero exit. */
export function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(new Error(`${cmd} could not start: ${e.message} (install postgresql-client)`)));
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${cmd} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/** A manifest path must stay inside its folder: a crafted `../` would otherwise read or write anywhere. */
export function safeRelative(path: string): boolean {
  return path.length > 0 && !path.startsWith('/') && !path.includes('\\') && path.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}

/** --name value pairs and positionals, for the two small command lines here. */
export function parseArgs(argv: string[]): { flags: Record<string, string>; positional: string[] } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else flags[a.slice(2)] = argv[++i] ?? '';
    } else positional.push(a);
  }
  return { flags, positional };
}

/** The current database's grants, other than its owner's own (implicit), e.g. the linker's TEMPORARY. */
export async function databaseGrants(db: Client): Promise<DatabaseGrant[]> {
  const { rows } = await db.query<DatabaseGrant>(
    `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee, a.privilege_type AS privilege
     FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
     WHERE d.datname = current_database() AND a.grantee <> d.datdba ORDER BY 1, 2`,
  );
  return rows;
}

/** ALTER DATABASE ... SET values (for every role), as name=value. */
export async function databaseSettings(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ s: string }>(
    `SELECT unnest(setconfig) AS s FROM pg_db_role_setting
     WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND setrole = 0 ORDER BY 1`,
  );
  return rows.map((r) => r.s);
}
