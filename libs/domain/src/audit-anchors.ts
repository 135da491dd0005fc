/**
 * The audit trail anchored outside the database (issue 13). Each agency's hash chain head — its last sequence and
 * that row's hash — is signed (Ed25519, a key PostgreSQL never sees) and published to an append-only store; a rewrite
 * of the trail by the owner role that recomputes every hash then no longer matches the heads signed before it.
 *
 * What is signed, byte for byte (UTF-8, five lines each ending in "\n"):
 *
 *   caselink-audit-head:v1
 *   <chain key: the agency id, or 00000000-0000-0000-0000-000000000000 for events of no agency>
 *   <sequence, decimal>
 *   <hash of the row at that sequence, 64 lowercase hex digits>
 *   <publication time, ISO 8601 UTC with milliseconds>
 *
 * so that plain OpenSSL 3 checks a head: `openssl pkeyutl -verify -pubin -inkey audit-public.pem -rawin -in head.txt -sigfile head.sig`.
 * Pure: statements are strings here; signing and the store live in libs/storage.
 */
export const AUDIT_HEAD_TAG = 'caselink-audit-head:v1';
/** The chain of audit events that belong to no agency (failed log-ins with unknown e-mails, system jobs). */
export const NO_AGENCY_CHAIN = '00000000-0000-0000-0000-000000000000';

export interface AuditChainHead {
  chainKey: string;
  sequence: number;
  /** sha256 of the row at `sequence`, lowercase hex. */
  hash: string;
}

export interface SignedAuditHead extends AuditChainHead {
  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-01T08:00:00.000Z */
  publishedAt: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const STATEMENT = new RegExp(`^${AUDIT_HEAD_TAG}\\n(${UUID})\\n([1-9][0-9]{0,15})\\n([0-9a-f]{64})\\n(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)\\n$`);

/** The exact text that is signed for one head. */
export function auditHeadStatement(h: SignedAuditHead): string {
  const head = { chainKey: h.chainKey, sequence: h.sequence, hash: h.hash, publishedAt: h.publishedAt };
  const text = `${AUDIT_HEAD_TAG}\n${head.chainKey}\n${head.sequence}\n${head.hash}\n${head.publishedAt}\n`;
  if (!STATEMENT.test(text) || !Number.isSafeInteger(head.sequence)) throw new Error(`not a chain head: ${JSON.stringify(head)}`);
  return text;
}

/** The head a statement names, or null when the text is not exactly a statement CaseLink signs. */
export function parseAuditHeadStatement(text: string): SignedAuditHead | null {
  const m = STATEMENT.exec(text);
  if (!m) return null;
  const sequence = Number(m[2]);
  if (!Number.isSafeInteger(sequence) || Number.isNaN(Date.parse(m[4]))) return null;
  return { chainKey: m[1], sequence, hash: m[3], publishedAt: m[4] };
}

/** Store layout: heads/<chain key>/<sequence, 20 digits>.txt (the statement) and .sig (64 raw signature bytes). */
export const auditHeadName = (chainKey: string, sequence: number, ext: 'txt' | 'sig'): string =>
  `heads/${chainKey}/${String(sequence).padStart(20, '0')}.${ext}`;

const HEAD_NAME = new RegExp(`^heads/(${UUID})/(\\d{20})\\.(txt|sig)$`);

export function parseAuditHeadName(name: string): { chainKey: string; sequence: number; ext: 'txt' | 'sig' } | null {
  const m = HEAD_NAME.exec(name);
  if (!m) return null;
  const sequence = Number(m[2]);
  return Number.isSafeInteger(sequence) && sequence > 0 ? { chainKey: m[1], sequence, ext: m[3] as 'txt' | 'sig' } : null;
}

/** The public key as published next to the heads: keys/<sha256 of its DER SubjectPublicKeyInfo, hex>.pem */
export const auditKeyName = (fingerprint: string): string => `keys/${fingerprint}.pem`;

/** What the chain in the database says against the signed heads. */
export enum AuditAnchorStatus {
  /** The server has no public key: only the database's own check ran. */
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  /** No signed head of this chain has been published yet. */
  NOT_YET_ANCHORED = 'NOT_YET_ANCHORED',
  /** Every signed head checked names the hash the row at its sequence has. */
  MATCHES = 'MATCHES',
  /** A row at an anchored sequence has another hash: the trail was rewritten after it was anchored. */
  TAMPERED = 'TAMPERED',
  /** The chain is shorter than a signed head: rows were removed. */
  TRUNCATED = 'TRUNCATED',
  /** A head in the store whose signature does not verify with the key (forged, damaged or another key's). */
  INVALID_SIGNATURE = 'INVALID_SIGNATURE',
  /** The anchor store could not be read. */
  STORE_UNAVAILABLE = 'STORE_UNAVAILABLE',
}

/** The statuses that mean the trail (or its anchors) cannot be trusted. */
export const AUDIT_ANCHOR_FAILURES: readonly AuditAnchorStatus[] = [AuditAnchorStatus.TAMPERED, AuditAnchorStatus.TRUNCATED, AuditAnchorStatus.INVALID_SIGNATURE];

/** One head as found in the store: `head` is null when its statement is not one CaseLink signs. */
export interface FoundAuditHead {
  sequence: number;
  head: SignedAuditHead | null;
  /** true: signature verifies; false: it does not (or the statement is malformed); null: no signature yet. */
  signatureValid: boolean | null;
}

export interface AuditAnchorCheck {
  status: AuditAnchorStatus;
  /** Signed heads compared with the chain. */
  headsChecked: number;
  lastAnchoredSequence: number | null;
  lastAnchoredHash: string | null;
  lastPublishedAt: string | null;
  /** TAMPERED: the first anchored sequence whose row differs; TRUNCATED: the anchored sequence past the chain's end; INVALID_SIGNATURE: the bad head. */
  problemSequence: number | null;
  /** TAMPERED: the last anchored sequence that still matches before it (the changed rows lie after it). */
  matchedUpToSequence: number | null;
  reasonEn: string;
  reasonZh: string;
}

/**
 * Compares anchored heads (ascending by sequence) with the chain: `chainLength` is its last sequence (0 when empty),
 * `rowHash` the hash of the row at a sequence (undefined when there is none). A head without a signature yet (a
 * publication under way) is left out; a bad signature is never trusted.
 */
export function checkAuditAnchors(found: readonly FoundAuditHead[], chainLength: number, rowHash: (sequence: number) => string | undefined): AuditAnchorCheck {
  const signed = found.filter((f): f is FoundAuditHead & { head: SignedAuditHead } => f.signatureValid === true && f.head !== null).sort((a, b) => a.sequence - b.sequence);
  const invalid = found.find((f) => f.signatureValid === false);
  const last = signed.at(-1)?.head ?? null;
  const base = {
    headsChecked: signed.length, lastAnchoredSequence: last?.sequence ?? null, lastAnchoredHash: last?.hash ?? null, lastPublishedAt: last?.publishedAt ?? null,
    problemSequence: null, matchedUpToSequence: null,
  };
  let matched = 0;
  for (const { head } of signed) {
    if (head.sequence > chainLength) {
      return { ...base, status: AuditAnchorStatus.TRUNCATED, problemSequence: head.sequence, matchedUpToSequence: matched || null,
        ...auditAnchorReason(AuditAnchorStatus.TRUNCATED, { sequence: head.sequence, length: chainLength, publishedAt: head.publishedAt }) };
    }
    if (rowHash(head.sequence) !== head.hash) {
      return { ...base, status: AuditAnchorStatus.TAMPERED, problemSequence: head.sequence, matchedUpToSequence: matched || null,
        ...auditAnchorReason(AuditAnchorStatus.TAMPERED, { sequence: head.sequence, after: matched, publishedAt: head.publishedAt }) };
    }
    matched = head.sequence;
  }
  if (invalid) {
    return { ...base, status: AuditAnchorStatus.INVALID_SIGNATURE, problemSequence: invalid.sequence, ...auditAnchorReason(AuditAnchorStatus.INVALID_SIGNATURE, { sequence: invalid.sequence }) };
  }
  if (!last) return { ...base, status: AuditAnchorStatus.NOT_YET_ANCHORED, ...auditAnchorReason(AuditAnchorStatus.NOT_YET_ANCHORED, {}) };
  return { ...base, status: AuditAnchorStatus.MATCHES, ...auditAnchorReason(AuditAnchorStatus.MATCHES, { count: signed.length, sequence: last.sequence, publishedAt: last.publishedAt, length: chainLength }) };
}

/** A check that could not compare anything (no key configured, store unreadable). */
export function auditAnchorCheckWithout(status: AuditAnchorStatus.NOT_CONFIGURED | AuditAnchorStatus.STORE_UNAVAILABLE): AuditAnchorCheck {
  return {
    status, headsChecked: 0, lastAnchoredSequence: null, lastAnchoredHash: null, lastPublishedAt: null, problemSequence: null, matchedUpToSequence: null,
    ...auditAnchorReason(status, {}),
  };
}

interface ReasonFacts {
  sequence?: number;
  length?: number;
  after?: number;
  count?: number;
  publishedAt?: string;
}

/** The reason in English and Chinese (the house style: both, joined by " · " where one string is shown). */
export function auditAnchorReason(status: AuditAnchorStatus, f: ReasonFacts): { reasonEn: string; reasonZh: string } {
  switch (status) {
    case AuditAnchorStatus.NOT_CONFIGURED:
      return { reasonEn: 'Anchoring is not configured on this server (no public key): only the database\'s own check ran', reasonZh: '本服务器未配置链头签名锚定（无公钥），仅进行了数据库内部校验' };
    case AuditAnchorStatus.NOT_YET_ANCHORED:
      return { reasonEn: 'No signed chain head has been published for this agency yet', reasonZh: '本机构尚未发布已签名的链头' };
    case AuditAnchorStatus.MATCHES:
      return {
        reasonEn: `The chain matches the ${f.count} signed head(s) checked (latest: sequence ${f.sequence}, published ${f.publishedAt}; ${(f.length ?? 0) - (f.sequence ?? 0)} row(s) since)`,
        reasonZh: `审计链与核对的 ${f.count} 个签名链头一致（最新：序号 ${f.sequence}，发布于 ${f.publishedAt}；其后新增 ${(f.length ?? 0) - (f.sequence ?? 0)} 条记录）`,
      };
    case AuditAnchorStatus.TAMPERED:
      return {
        reasonEn: `The row at sequence ${f.sequence} no longer has the hash signed at ${f.publishedAt}: the trail was rewritten after it was anchored (the change lies after sequence ${f.after ?? 0})`,
        reasonZh: `序号 ${f.sequence} 的记录与 ${f.publishedAt} 签名的链头哈希不符：审计链在锚定后被改写（改动位于序号 ${f.after ?? 0} 之后）`,
      };
    case AuditAnchorStatus.TRUNCATED:
      return {
        reasonEn: `The chain ends at sequence ${f.length} but a head signed at ${f.publishedAt} names sequence ${f.sequence}: rows were removed`,
        reasonZh: `审计链止于序号 ${f.length}，但 ${f.publishedAt} 签名的链头记录了序号 ${f.sequence}：有记录被删除`,
      };
    case AuditAnchorStatus.INVALID_SIGNATURE:
      return {
        reasonEn: `The head for sequence ${f.sequence} in the anchor store has no valid signature of the CaseLink key: forged or damaged, not trusted`,
        reasonZh: `锚定存储中序号 ${f.sequence} 的链头签名无效（伪造或损坏），不予采信`,
      };
    case AuditAnchorStatus.STORE_UNAVAILABLE:
      return { reasonEn: 'The anchor store could not be read: try again later', reasonZh: '无法读取锚定存储，请稍后再试' };
  }
}
