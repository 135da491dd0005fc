import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  auditHeadName, FoundAuditHead, parseAuditHeadName, parseAuditHeadStatement,
} from '@caselink/domain';
import type { AnchorStore } from './anchor-store';

/**
 * Keys and signatures of the anchored audit trail (issue 13; the statement format is in libs/domain
 * audit-anchors.ts). Ed25519 through Node's crypto: PEM keys as `openssl genpkey -algorithm ed25519` writes them.
 */

/** The private key from a PEM (PKCS#8) text; refuses anything but Ed25519. */
export function signingKeyFromPem(pem: string | Buffer): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

/** The public key from a public PEM (SPKI) — or from a private PEM, whose public half it derives. */
export function publicKeyFromPem(pem: string | Buffer): KeyObject {
  const text = pem.toString();
  const key = /PRIVATE KEY-----/.test(text) ? createPublicKey(signingKeyFromPem(text)) : createPublicKey(text);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit public key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

/** Reads the public key from AUDIT_SIGNING_PUBLIC_KEY_FILE, else derives it from AUDIT_SIGNING_KEY_FILE; null when neither is set. */
export function loadAuditPublicKey(files: { publicKeyFile?: string; signingKeyFile?: string }): KeyObject | null {
  const file = files.publicKeyFile || files.signingKeyFile;
  return file ? publicKeyFromPem(readFileSync(file)) : null;
}

export const publicKeyPem = (key: KeyObject): string => (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }).toString();

/** sha256 of the DER SubjectPublicKeyInfo, hex: `openssl pkey -pubin -in audit-public.pem -outform DER | sha256sum` prints the same. */
export const keyFingerprint = (key: KeyObject): string =>
  createHash('sha256').update((key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' })).digest('hex');

/** 64 bytes; Ed25519 is deterministic, so the same statement signed twice with one key gives the same bytes. */
export const signStatement = (statement: Buffer, key: KeyObject): Buffer => sign(null, statement, key);

export function verifyStatement(statement: Buffer, signature: Buffer, key: KeyObject): boolean {
  try {
    return signature.length === 64 && verify(null, statement, key, signature);
  } catch {
    return false;
  }
}

/** One published head as read from the store, with the bytes an auditor would check. */
export interface StoredAuditHead extends FoundAuditHead {
  statement: Buffer;
  signature: Buffer | null;
}

/** Sequences of a chain that have a statement in the store, ascending, and which of them have a signature. */
export async function anchoredSequences(store: AnchorStore, chainKey: string): Promise<{ statements: number[]; signed: Set<number> }> {
  const statements: number[] = [];
  const signed = new Set<number>();
  for (const name of await store.list(`heads/${chainKey}/`)) {
    const n = parseAuditHeadName(name);
    if (!n || n.chainKey !== chainKey) continue;
    if (n.ext === 'txt') statements.push(n.sequence);
    else signed.add(n.sequence);
  }
  return { statements: statements.sort((a, b) => a - b), signed };
}

/** What readAuditHeads found: the heads it read, and how many statements of the chain have no signature. */
export interface AuditHeadsRead {
  /** Statements of the chain in the store, signed or not. */
  total: number;
  /** Ascending by sequence. */
  heads: StoredAuditHead[];
  /**
   * Statements without a signature file. At most one is expected, briefly (a publication under way, or one a crash cut
   * short that the worker completes); more — or one older than the newest signed head — were not written by a worker
   * publishing normally. They vouch for nothing and are never used to check the chain.
   */
  unsigned: number;
  /** The unsigned statements below the newest signed head (none of them can be a publication under way). */
  unsignedBelowSigned: number;
}

/**
 * Reads a chain's heads and checks each signature with `key`. With `last`, the newest `last` heads that have a
 * signature file (valid or not): statements without one are left out, so that no number of unsigned statements
 * appended to the store can push the signed heads out of the window a check compares (they are only counted).
 * Without `last`, every statement, signed or not (a bundle, the offline tool). A statement that does not parse, or
 * names another chain or sequence than its file, counts as a bad signature: nothing in it is trusted.
 */
export async function readAuditHeads(store: AnchorStore, chainKey: string, key: KeyObject, last?: number): Promise<AuditHeadsRead> {
  const { statements, signed } = await anchoredSequences(store, chainKey);
  const withSignature = statements.filter((s) => signed.has(s));
  const chosen = last === undefined ? statements : withSignature.slice(-last);
  const newestSigned = withSignature.at(-1) ?? 0;
  const unsignedSequences = statements.filter((s) => !signed.has(s));
  const heads: StoredAuditHead[] = [];
  for (const sequence of chosen) {
    const statement = await store.read(auditHeadName(chainKey, sequence, 'txt'));
    if (!statement) continue;
    const signature = signed.has(sequence) ? await store.read(auditHeadName(chainKey, sequence, 'sig')) : null;
    const parsed = parseAuditHeadStatement(statement.toString('utf8'));
    const head = parsed && parsed.chainKey === chainKey && parsed.sequence === sequence ? parsed : null;
    const signatureValid = signature === null ? null : head !== null && verifyStatement(statement, signature, key);
    heads.push({ sequence, head, signatureValid, statement, signature });
  }
  return {
    total: statements.length, heads, unsigned: unsignedSequences.length, unsignedBelowSigned: unsignedSequences.filter((s) => s < newestSigned).length,
  };
}
