import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  AuditAction, AuditAnchorCheck, auditAnchorCheckWithout, AuditAnchorStatus, auditHeadName, AuditOutcome, checkAuditAnchors,
} from '@caselink/domain';
import { auditChainLength, auditHashesAt, auditTrailPage, recordAudit } from '@caselink/db';
import { AuditAnchorJob, requestAuditAnchorPublication } from '@caselink/jobs';
import { AuditHeadsRead, publicKeyPem, readAuditHeads, StoredAuditHead, tarEntry, tarEnd } from '@caselink/storage';
import type { Actor } from '../common/actor';
import { conflict } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { Anchoring, ANCHORING, AUDIT_ANCHOR_QUEUE } from './anchoring.provider';

/**
 * Signed heads compared with the chain on each check: the newest ones that carry a signature (statements without one
 * are never compared, and cannot push the signed ones out of this window). The worker signs a new head only after
 * the last one still matched, so the newest heads vouch for the older ones; `npm run audit:verify` checks them all.
 */
export const ANCHORS_CHECKED = 100;
/** Rows of the trail per file of a bundle (trail-000001.jsonl, …), each read in a transaction of its own. */
const TRAIL_PAGE = 5000;
/** The folder a bundle unpacks into. */
export const BUNDLE_FOLDER = 'caselink-audit-anchors';

export interface CheckedHead extends StoredAuditHead {
  /** Whether the row at the head's sequence has the signed hash (null: the head is not trusted, or not signed yet). */
  matchesChain: boolean | null;
}

export interface AnchorReport {
  check: AuditAnchorCheck;
  /** Newest first. */
  heads: CheckedHead[];
  /** Heads of the chain in the store. */
  total: number;
  /**
   * Statements of the chain in the store without a signature: ignored by the check. More than one, or any below the
   * newest signed head, were not left by a publication under way (someone else appended them): logged as a warning.
   */
  unsigned: number;
  fingerprint: string | null;
}

/**
 * The caller agency's audit chain against its signed heads in the anchor store (issue 13), and the bundle an auditor
 * downloads to check them without CaseLink: the public key, the heads as signed, the commands (and on request the
 * trail itself). The store is read, never written, from here.
 */
@Injectable()
export class AuditAnchorsService {
  private readonly log = new Logger(AuditAnchorsService.name);

  constructor(
    private readonly tx: RequestTransaction,
    @Inject(ANCHORING) private readonly anchoring: Anchoring,
    @Inject(AUDIT_ANCHOR_QUEUE) private readonly queue: Queue<AuditAnchorJob>,
  ) {}

  get configured(): boolean {
    return this.anchoring.publicKey !== null;
  }

  /** Runs inside the caller's transaction: the chain's rows are read under row-level security, its own agency's only. */
  async check(agencyId: string, last = ANCHORS_CHECKED): Promise<AnchorReport> {
    const key = this.anchoring.publicKey;
    if (!key) return { check: auditAnchorCheckWithout(AuditAnchorStatus.NOT_CONFIGURED), heads: [], total: 0, unsigned: 0, fingerprint: null };
    let found: AuditHeadsRead;
    try {
      found = await readAuditHeads(this.anchoring.store, agencyId, key, last);
    } catch (e) {
      this.log.warn(`anchor store: ${(e as Error).message}`);
      return { check: auditAnchorCheckWithout(AuditAnchorStatus.STORE_UNAVAILABLE), heads: [], total: 0, unsigned: 0, fingerprint: this.anchoring.fingerprint };
    }
    if (found.unsigned > 1 || found.unsignedBelowSigned > 0) {
      this.log.warn(`anchor store: chain ${agencyId} holds ${found.unsigned} statement(s) without a signature (${found.unsignedBelowSigned} below the newest signed head), ignored by the check: not a publication under way — who else can write to the store?`);
    }
    const sequences = found.heads.map((h) => h.sequence);
    const [rows, length] = await Promise.all([auditHashesAt(this.tx.manager, agencyId, sequences), auditChainLength(this.tx.manager, agencyId)]);
    const hashes = new Map(rows.map((r) => [Number(r.sequence), r.hash.toString('hex')]));
    const check = checkAuditAnchors(found.heads, length, (s) => hashes.get(s));
    const heads = found.heads
      .map((h) => ({ ...h, matchesChain: h.signatureValid && h.head ? hashes.get(h.sequence) === h.head.hash : null }))
      .reverse();
    return { check, heads, total: found.total, unsigned: found.unsigned, fingerprint: this.anchoring.fingerprint };
  }

  /** Queues a publication of every chain's head now (the worker signs; the schedule goes on as before). */
  async publishNow(): Promise<boolean> {
    await requestAuditAnchorPublication(this.queue);
    return true;
  }

  /**
   * The caller agency's bundle as a tar archive: README.txt, audit-public.pem, heads/<chain>/<sequence>.txt and .sig for
   * every head in the store, and with `trail` the chain itself (trail-NNNNNN.jsonl: sequence, prevHash, hash and the
   * canonical text PostgreSQL hashed). The download is audited before the first byte goes out.
   */
  async bundle(actor: Actor, address: string, trail: boolean): Promise<{ fileName: string; chunks: AsyncGenerator<Buffer> }> {
    const key = this.anchoring.publicKey;
    if (!key) throw conflict('Anchoring is not configured on this server: there are no signed heads to download · 本服务器未配置链头签名锚定，无可下载的签名链头', { reason: 'ANCHORING_NOT_CONFIGURED' });
    // Files are read before the transaction opens: a long list must not hold a database connection.
    const all = await readAuditHeads(this.anchoring.store, actor.agencyId, key);
    const { found, report } = await this.tx.runAs(actor, async () => {
      const r = await this.check(actor.agencyId);
      await recordAudit(this.tx.manager, {
        action: AuditAction.AUDIT_ANCHORS_DOWNLOADED, outcome: AuditOutcome.SUCCESS, entityType: 'AuditChain', entityId: actor.agencyId,
        agencyId: actor.agencyId, actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
        details: { heads: all.heads.length, lastAnchoredSequence: r.check.lastAnchoredSequence, status: r.check.status, trail, keyFingerprint: this.anchoring.fingerprint },
      });
      return { found: all, report: r };
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return { fileName: `caselink-audit-anchors-${actor.agencyId.slice(0, 8)}-${stamp}.tar`, chunks: this.bundleChunks(actor, publicKeyPem(key), found.heads, report, trail) };
  }

  private async *bundleChunks(actor: Actor, pem: string, heads: StoredAuditHead[], report: AnchorReport, trail: boolean): AsyncGenerator<Buffer> {
    const at = (name: string) => `${BUNDLE_FOLDER}/${name}`;
    yield tarEntry({ name: at('README.txt'), bytes: Buffer.from(bundleReadme(actor.agencyId, this.anchoring.fingerprint ?? '', report.check, trail)) });
    yield tarEntry({ name: at('audit-public.pem'), bytes: Buffer.from(pem) });
    for (const h of heads) {
      yield tarEntry({ name: at(auditHeadName(actor.agencyId, h.sequence, 'txt')), bytes: h.statement });
      if (h.signature) yield tarEntry({ name: at(auditHeadName(actor.agencyId, h.sequence, 'sig')), bytes: h.signature });
    }
    if (trail) {
      let after = 0;
      for (let page = 1; ; page++) {
        const rows = await this.tx.runAs(actor, () => auditTrailPage(this.tx.manager, actor.agencyId, after, TRAIL_PAGE));
        if (rows.length === 0) break;
        const lines = rows.map((r) => JSON.stringify({ sequence: Number(r.sequence), prevHash: r.prev_hash.toString('hex'), hash: r.hash.toString('hex'), canonical: r.canonical }));
        yield tarEntry({ name: at(`trail-${String(page).padStart(6, '0')}.jsonl`), bytes: Buffer.from(`${lines.join('\n')}\n`) });
        after = Number(rows[rows.length - 1].sequence);
        if (rows.length < TRAIL_PAGE) break;
      }
    }
    yield tarEnd();
  }
}

/** The instructions inside a bundle: plain tools only (tar, OpenSSL 3, sha256sum). */
export function bundleReadme(chainKey: string, fingerprint: string, check: AuditAnchorCheck, trail: boolean): string {
  return `CaseLink — signed audit chain heads / 审计链头签名锚定
Chain (agency id): ${chainKey}
Downloaded: ${new Date().toISOString()}
CaseLink's check at download: ${check.status} — ${check.reasonEn}
                              ${check.reasonZh}

Each heads/<chain>/<sequence>.txt is exactly the text that was signed:

  caselink-audit-head:v1
  <chain key>
  <sequence>
  <sha256 of the audit row at that sequence, hex>
  <publication time, UTC>

and heads/<chain>/<sequence>.sig is its Ed25519 signature (64 bytes). The key that signed them never enters the
database, so a rewrite of the trail by the database's owner cannot produce matching heads.

1. Check that audit-public.pem is the key your operator published (compare the fingerprint through another channel):

     openssl pkey -pubin -in audit-public.pem -outform DER | sha256sum
     expected: ${fingerprint}

2. Check one head (OpenSSL 3; prints "Signature Verified Successfully"):

     openssl pkeyutl -verify -pubin -inkey audit-public.pem -rawin -in heads/${chainKey}/<sequence>.txt -sigfile heads/${chainKey}/<sequence>.sig

   or all of them:

     for f in heads/*/*.txt; do openssl pkeyutl -verify -pubin -inkey audit-public.pem -rawin -in "$f" -sigfile "\${f%.txt}.sig" >/dev/null && echo "OK  $f" || echo "BAD $f"; done

3. With CaseLink's tool (signatures, order, and ${trail ? 'the trail in this bundle against the heads' : 'with --database or a bundle downloaded with ?trail=true, the chain against the heads'}).
   The tool does not trust the audit-public.pem shipped in this bundle by itself: give it the key or the fingerprint
   your operator published (through another channel than this download), or it stops without reporting OK (exit 2):

     npm run audit:verify -- <this .tar file or the folder it unpacked into> --public-key <the key your operator published>
     npm run audit:verify -- <this .tar file or the folder it unpacked into> --fingerprint <the fingerprint your operator published>
`;
}
