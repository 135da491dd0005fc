import { createHash, KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { AuditAnchorCheck, AuditAnchorStatus, checkAuditAnchors, parseAuditHeadName } from '@caselink/domain';
import {
  AnchorStore, keyFingerprint, LocalDiskAnchorStore, publicKeyFromPem, readAuditHeads, readTar, StoredAuditHead,
} from '@caselink/storage';

/**
 * npm run audit:verify -- <bundle.tar | folder> (--public-key audit-public.pem | --fingerprint <sha256>) [--database]
 *
 * Checks signed audit chain heads (issue 13) without trusting the api: every signature with the public key, and the
 * chain against the heads — from the trail inside a bundle downloaded with ?trail=true, or (--database) straight from
 * PostgreSQL as the owner role (DATABASE_OWNER_URL). The input is a bundle (GET /audit/anchors, as a .tar or the
 * folder it unpacked into) or the anchor store itself (AUDIT_ANCHOR_DIR).
 *
 * The key must come from outside the input: a key shipped inside a bundle or store vouches for nothing (whoever could
 * forge the heads could ship their own key with them). So either --public-key (or AUDIT_SIGNING_PUBLIC_KEY_FILE) names
 * the key the operator published, or --fingerprint its published sha256 (of the DER public key), against which the
 * key inside the input is then checked. Exit code 0: everything checks out; 1: something does not (each problem is
 * printed; a key inside the input that is not the fingerprint's is one); 2: the command could not run — also when no
 * trusted key was given.
 */

/** A bundle's files as a read-only store (the folder inside the archive taken off). */
export class MemoryAnchorStore implements AnchorStore {
  constructor(private readonly files: Map<string, Buffer>) {}
  async append(): Promise<boolean> {
    return false;
  }
  async list(prefix: string): Promise<string[]> {
    return [...this.files.keys()].filter((n) => n.startsWith(prefix)).sort();
  }
  async read(name: string): Promise<Buffer | null> {
    return this.files.get(name) ?? null;
  }
}

export interface TrailRow {
  sequence: number;
  prevHash: string;
  hash: string;
  canonical: string;
}

export interface ChainReport {
  chainKey: string;
  heads: number;
  validSignatures: number;
  invalidSignatures: number[];
  unsigned: number[];
  /** Against the trail or the database, when one was given. */
  chain?: { source: 'trail' | 'database'; rows: number; internal: string | null; anchors: AuditAnchorCheck };
}

export interface VerifyReport {
  ok: boolean;
  fingerprint: string;
  keySource: string;
  chains: ChainReport[];
  problems: string[];
}

export interface VerifyOptions {
  input: string;
  publicKeyFile?: string;
  /** sha256 of the DER public key, hex (as `openssl pkey -pubin -in k.pem -outform DER | sha256sum` prints it). */
  fingerprint?: string;
  databaseUrl?: string;
}

/** Neither --public-key nor --fingerprint: exit code 2, nothing reported as OK. */
export class UntrustedKeyError extends Error {}

/** A fingerprint as people paste it (upper case, colons, sha256sum's trailing "  -") in the form keyFingerprint gives. */
export function normalizeFingerprint(text: string): string {
  const hex = text.trim().replace(/\s+-$/, '').replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`--fingerprint: not a sha256 in hex (64 hex digits): ${text}`);
  return hex;
}

const BUNDLE_FOLDER = /^caselink-audit-anchors\//;

/** Reads the input into a store, plus the bundle's own public key and trail when it has them. */
export async function openInput(input: string): Promise<{ store: AnchorStore; bundleKey: Buffer | null; trail: TrailRow[] | null }> {
  const path = resolve(input);
  let store: AnchorStore;
  if (statSync(path).isDirectory()) {
    // An unpacked bundle (its folder, or the folder holding it) or the anchor store itself.
    const inner = statSync(resolve(path, 'caselink-audit-anchors'), { throwIfNoEntry: false })?.isDirectory() ? resolve(path, 'caselink-audit-anchors') : path;
    store = new LocalDiskAnchorStore(inner);
  } else {
    const files = new Map<string, Buffer>();
    for (const e of readTar(readFileSync(path))) files.set(e.name.replace(BUNDLE_FOLDER, ''), e.bytes);
    store = new MemoryAnchorStore(files);
  }
  const bundleKey = await store.read('audit-public.pem');
  const trailFiles = (await store.list('trail-')).filter((n) => /^trail-\d{6}\.jsonl$/.test(n));
  let trail: TrailRow[] | null = null;
  if (trailFiles.length > 0) {
    trail = [];
    for (const f of trailFiles) {
      for (const line of ((await store.read(f)) ?? Buffer.alloc(0)).toString('utf8').split('\n')) if (line.trim()) trail.push(JSON.parse(line) as TrailRow);
    }
  }
  return { store, bundleKey, trail };
}

/** Walks a trail export as audit_verify_chain() walks the table; the first row that does not add up, or null. */
export function checkTrail(chainKey: string, rows: TrailRow[]): string | null {
  let prev = '0'.repeat(64);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.sequence !== i + 1) return `sequence ${i + 1} expected, found ${r.sequence} (a row is missing)`;
    if (r.prevHash !== prev) return `row ${r.sequence}: prevHash does not match the previous row's hash`;
    const hash = createHash('sha256').update(Buffer.from(r.prevHash, 'hex')).update(Buffer.from(r.canonical, 'utf8')).digest('hex');
    if (hash !== r.hash) return `row ${r.sequence}: content does not match its hash (row was altered)`;
    let fields: unknown;
    try {
      fields = JSON.parse(r.canonical);
    } catch {
      return `row ${r.sequence}: canonical text is not JSON`;
    }
    if (!Array.isArray(fields) || fields[0] !== chainKey || Number(fields[1]) !== r.sequence) return `row ${r.sequence}: belongs to another chain or position`;
    prev = r.hash;
  }
  return null;
}

/**
 * The key that checks the signatures, from outside the input: the file given, or the key inside the input whose
 * fingerprint is the one given. Throws UntrustedKeyError when neither was given; `problem` says when the given
 * fingerprint does not match (the key checks nothing then, and the report is not OK).
 */
function publicKey(opts: VerifyOptions, bundleKey: Buffer | null, storeKeys: Buffer[]): { key: KeyObject; source: string; problem?: string } {
  const file = opts.publicKeyFile ?? process.env['AUDIT_SIGNING_PUBLIC_KEY_FILE'];
  // Keys shipped inside the input (a damaged one is skipped): only ever used when their fingerprint was given.
  const inside = (): KeyObject[] => [...(bundleKey ? [bundleKey] : []), ...storeKeys].flatMap((pem) => {
    try {
      return [publicKeyFromPem(pem)];
    } catch {
      return [];
    }
  });
  if (file) {
    const key = publicKeyFromPem(readFileSync(file));
    if (opts.fingerprint && keyFingerprint(key) !== opts.fingerprint) {
      return { key, source: file, problem: `the key in ${file} has the fingerprint ${keyFingerprint(key)}, not the expected ${opts.fingerprint}` };
    }
    return { key, source: file };
  }
  if (opts.fingerprint) {
    const keys = inside();
    const match = keys.find((k) => keyFingerprint(k) === opts.fingerprint);
    if (match) return { key: match, source: `the input's own key, whose fingerprint is the one given (${opts.fingerprint})` };
    const found = [...new Set(keys.map(keyFingerprint))];
    const key = keys[0];
    if (!key) throw new Error(`--fingerprint: the input holds no public key (audit-public.pem or keys/); pass --public-key <the key your operator published>`);
    return {
      key, source: "the input's own key (NOT the expected one)",
      problem: `no key in the input has the expected fingerprint ${opts.fingerprint} (found ${found.join(', ')}): these heads were not signed with the key your operator published, or the fingerprint is wrong`,
    };
  }
  const shipped = [...new Set(inside().map(keyFingerprint))];
  throw new UntrustedKeyError(
    'no trusted public key: pass --public-key <the public key your operator published> or --fingerprint <its sha256, as published>. '
    + `A key shipped inside the bundle or store vouches for nothing by itself${shipped.length ? ` (the input holds ${shipped.join(', ')})` : ''}.`,
  );
}

export async function verifyAnchors(opts: VerifyOptions): Promise<VerifyReport> {
  const { store, bundleKey, trail } = await openInput(opts.input);
  const storeKeys = await Promise.all((await store.list('keys/')).map(async (n) => (await store.read(n)) ?? Buffer.alloc(0)));
  const { key, source, problem } = publicKey(opts, bundleKey, storeKeys);
  const problems: string[] = problem ? [problem] : [];
  const chainKeys = [...new Set((await store.list('heads/')).map((n) => parseAuditHeadName(n)?.chainKey).filter((k): k is string => !!k))].sort();
  const heads = new Map<string, StoredAuditHead[]>();
  const chains: ChainReport[] = [];
  for (const chainKey of chainKeys) {
    const found = (await readAuditHeads(store, chainKey, key)).heads;
    heads.set(chainKey, found);
    const report: ChainReport = {
      chainKey, heads: found.length, validSignatures: found.filter((h) => h.signatureValid === true).length,
      invalidSignatures: found.filter((h) => h.signatureValid === false).map((h) => h.sequence), unsigned: found.filter((h) => h.signatureValid === null).map((h) => h.sequence),
    };
    for (const s of report.invalidSignatures) problems.push(`chain ${chainKey}: head ${s} has no valid signature of this key (forged, damaged or another key's)`);
    chains.push(report);
  }
  if (trail) {
    // A bundle is one agency's: its trail belongs to the chain of its heads.
    const chainKey = chainKeys.length === 1 ? chainKeys[0] : trail.length ? String((JSON.parse(trail[0].canonical) as unknown[])[0]) : '';
    const internal = checkTrail(chainKey, trail);
    const byRow = new Map(trail.map((r) => [r.sequence, r.hash]));
    const anchors = checkAuditAnchors(heads.get(chainKey) ?? [], trail.length, (s) => byRow.get(s));
    const report = chains.find((c) => c.chainKey === chainKey);
    if (report) report.chain = { source: 'trail', rows: trail.length, internal, anchors };
    if (internal) problems.push(`chain ${chainKey} (trail): ${internal}`);
    if (anchors.status !== AuditAnchorStatus.MATCHES && anchors.status !== AuditAnchorStatus.NOT_YET_ANCHORED) problems.push(`chain ${chainKey} (trail): ${anchors.status} — ${anchors.reasonEn}`);
  }
  if (opts.databaseUrl) await checkDatabase(opts.databaseUrl, chains, heads, problems);
  return { ok: problems.length === 0, fingerprint: keyFingerprint(key), keySource: source, chains, problems };
}

/** Every anchored chain against PostgreSQL, read as the owner role (past row-level security), and chains never anchored. */
async function checkDatabase(url: string, chains: ChainReport[], heads: Map<string, StoredAuditHead[]>, problems: string[]): Promise<void> {
  const db = new Client({ connectionString: url, application_name: 'caselink-audit-verify' });
  await db.connect();
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: keys } = await db.query<{ chain_key: string }>('SELECT DISTINCT chain_key::text AS chain_key FROM audit_events ORDER BY 1');
    for (const { chain_key } of keys) {
      if (!chains.some((c) => c.chainKey === chain_key)) {
        chains.push({ chainKey: chain_key, heads: 0, validSignatures: 0, invalidSignatures: [], unsigned: [] });
        heads.set(chain_key, []);
      }
    }
    for (const report of chains) {
      const found = heads.get(report.chainKey) ?? [];
      await db.query("SELECT set_config('app.agency_id', $1, true)", [report.chainKey]);
      const { rows: [v] } = await db.query<{ ok: boolean; checked_count: string; reason: string | null; first_broken_sequence: string | null }>('SELECT * FROM audit_verify_chain()');
      const { rows } = await db.query<{ sequence: string; hash: Buffer }>(
        'SELECT sequence::text AS sequence, hash FROM audit_events WHERE chain_key = $1 AND sequence = ANY ($2::bigint[])', [report.chainKey, found.map((h) => h.sequence)],
      );
      const { rows: [len] } = await db.query<{ n: string }>('SELECT coalesce(max(sequence), 0)::text AS n FROM audit_events WHERE chain_key = $1', [report.chainKey]);
      const byRow = new Map(rows.map((r) => [Number(r.sequence), r.hash.toString('hex')]));
      const anchors = checkAuditAnchors(found, Number(len.n), (s) => byRow.get(s));
      const internal = v.ok ? null : `row ${v.first_broken_sequence}: ${v.reason}`;
      report.chain = { source: 'database', rows: Number(v.checked_count), internal, anchors };
      if (internal) problems.push(`chain ${report.chainKey} (database): ${internal}`);
      if (anchors.status !== AuditAnchorStatus.MATCHES && anchors.status !== AuditAnchorStatus.NOT_YET_ANCHORED) problems.push(`chain ${report.chainKey} (database): ${anchors.status} — ${anchors.reasonEn}`);
    }
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

function parse(argv: string[]): VerifyOptions {
  let input: string | undefined;
  let publicKeyFile: string | undefined;
  let fingerprint: string | undefined;
  let database = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--public-key') publicKeyFile = argv[++i];
    else if (a.startsWith('--public-key=')) publicKeyFile = a.slice('--public-key='.length);
    else if (a === '--fingerprint') fingerprint = normalizeFingerprint(argv[++i] ?? '');
    else if (a.startsWith('--fingerprint=')) fingerprint = normalizeFingerprint(a.slice('--fingerprint='.length));
    else if (a === '--database') database = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (input === undefined) input = a;
    else throw new Error(`one input only (got ${input} and ${a})`);
  }
  if (!input) throw new Error('usage: npm run audit:verify -- <bundle.tar | folder> (--public-key audit-public.pem | --fingerprint <sha256>) [--database]');
  const databaseUrl = database ? process.env['DATABASE_OWNER_URL'] : undefined;
  if (database && !databaseUrl) throw new Error('--database reads DATABASE_OWNER_URL (the caselink_owner role): set it');
  return { input, publicKeyFile, fingerprint, databaseUrl };
}

async function main(): Promise<void> {
  let opts: VerifyOptions;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  let r: VerifyReport;
  try {
    r = await verifyAnchors(opts);
  } catch (e) {
    if (!(e instanceof UntrustedKeyError)) throw e;
    console.error(`NOT VERIFIED: ${e.message}`);
    process.exit(2);
  }
  console.log(`Public key sha256 ${r.fingerprint}\n  from ${r.keySource}`);
  for (const c of r.chains) {
    console.log(`chain ${c.chainKey}: ${c.heads} head(s), ${c.validSignatures} with a valid signature${c.unsigned.length ? `, ${c.unsigned.length} not signed yet` : ''}${c.invalidSignatures.length ? `, ${c.invalidSignatures.length} BAD` : ''}`);
    if (c.chain) {
      console.log(`  ${c.chain.source}: ${c.chain.rows} row(s), ${c.chain.internal ? `BROKEN (${c.chain.internal})` : 'links and hashes add up'}`);
      console.log(`  against the signed heads: ${c.chain.anchors.status} — ${c.chain.anchors.reasonEn}`);
    }
  }
  if (r.ok) console.log(`OK: every signature verifies with the key ${r.fingerprint}${r.chains.some((c) => c.chain) ? ' and every chain checked matches its signed heads' : ''}`);
  else for (const p of r.problems) console.error(`PROBLEM: ${p}`);
  process.exitCode = r.ok ? 0 : 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
