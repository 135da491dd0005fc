import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { auditChainHashes, auditChainHeads, inAgencyTransaction } from '@caselink/db';
import { auditHeadName, auditHeadStatement, auditKeyName, parseAuditHeadStatement, SignedAuditHead } from '@caselink/domain';
import { AUDIT_ANCHOR_SCHEDULER_ID, AuditAnchorJob, QUEUES } from '@caselink/jobs';
import {
  AnchorStore, anchoredSequences, keyFingerprint, LocalDiskAnchorStore, publicKeyPem, signingKeyFromPem, signStatement, verifyStatement,
} from '@caselink/storage';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import { AUDIT_ANCHOR_QUEUE } from '../connections';
import { auditAnchorCaughtUp, auditAnchoredRows, auditAnchorInterval, auditAnchorLastPublished } from '../metrics/worker-metrics';
import type { QueueProcessor } from '../queue-processor';

/** What happened to one chain in one publication. */
export type ChainOutcome =
  | 'PUBLISHED' // a new head signed and appended
  | 'UNCHANGED' // its head was published already
  | 'COMPLETED' // a head left without its signature (a crash between the two files) got it
  | 'REFUSED_REWRITTEN' // the last published head no longer matches the chain: nothing is signed over a rewrite
  | 'REFUSED_SHORTER' // the chain ends before its last published head: rows were removed
  | 'REFUSED_BAD_ANCHOR' // the last head in the store is not one this key signed
  | 'DEFERRED' // the head's name is taken by an unsigned statement not signed over (too old, or another hash): the next head will be
  | 'FAILED'; // the store or the database failed for this chain

export interface AnchorPublication {
  configured: boolean;
  chains: Record<string, ChainOutcome>;
}

const REFUSED: readonly ChainOutcome[] = ['REFUSED_REWRITTEN', 'REFUSED_SHORTER', 'REFUSED_BAD_ANCHOR', 'FAILED'];

/** Outcomes after which the chain's current head is signed in the store. */
const CAUGHT_UP: readonly ChainOutcome[] = ['PUBLISHED', 'UNCHANGED', 'COMPLETED'];

/** Called with each signed head a publication found (or wrote) as the chain's anchor. */
type AnchoredSeen = (sequence: number, publishedAt: string) => void;

const HOUR_MS = 3600_000;
/** A statement dated this far ahead of the worker's clock is not one it wrote. */
const CLOCK_SKEW_MS = 60_000;

/**
 * How old an unsigned statement (left by a crash between statement and signature) may be and still be signed: twice
 * the publication interval, at least 5 minutes and at most an hour (an hour when publications run only on request).
 * Older ones are ignored — anyone who can append to the store could otherwise get a backdated statement signed.
 */
export function completionWindowMs(everyMs: number): number {
  return everyMs === 0 ? HOUR_MS : Math.min(Math.max(2 * everyMs, 5 * 60_000), HOUR_MS);
}

/**
 * Anchors the audit trail outside the database (issue 13): on a BullMQ job scheduler (every AUDIT_ANCHOR_EVERY_MS,
 * one schedule however many workers upsert it), each chain's head — last sequence and hash, read as SYSTEM through
 * audit_chain_heads() — is signed with the Ed25519 key of AUDIT_SIGNING_KEY_FILE and appended to the anchor store as
 * heads/<chain>/<sequence>.txt (the statement) and .sig (the signature).
 *
 * Idempotent and crash-safe: a head already in the store is not published again (the store never overwrites, so
 * two workers publishing the same head leave one statement, and Ed25519 being deterministic, one signature); a
 * crash between statement and signature leaves a statement that the next run signs — only if it is recent
 * (completionWindowMs), at or below the chain's end and names the chain's hash there. Any other unsigned statement
 * is ignored (logged): it vouches for nothing, is never signed, and never blocks the chain. Before a new head is
 * signed, the last *signed* one must still match the chain (same hash at its sequence): a trail rewritten by the
 * owner role is never signed over — the chain is refused, the job fails and the error names it.
 */
@Injectable()
export class AuditAnchorProcessor implements QueueProcessor, OnApplicationBootstrap, OnApplicationShutdown {
  readonly queue = QUEUES.auditAnchor;
  /** One publication at a time per worker (another worker's at the same time is harmless). */
  readonly concurrency = 1;
  private readonly log = new Logger(AuditAnchorProcessor.name);
  private readonly key: KeyObject | null;
  private readonly store: AnchorStore;
  private schedule: Queue<AuditAnchorJob> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ds: DataSource,
    // On the shared producer connection (WorkerModule closes it); used only when anchoring is on.
    @Inject(AUDIT_ANCHOR_QUEUE) private readonly anchorQueue: Queue<AuditAnchorJob>,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    // A key file that is missing or not Ed25519 stops the worker at start, not at the first publication.
    this.key = config.AUDIT_SIGNING_KEY_FILE ? signingKeyFromPem(readFileSync(config.AUDIT_SIGNING_KEY_FILE)) : null;
    this.store = new LocalDiskAnchorStore(resolve(config.AUDIT_ANCHOR_DIR));
  }

  onApplicationBootstrap(): void {
    if (!this.key) {
      this.log.warn('AUDIT_SIGNING_KEY_FILE is not set: audit chain heads are not signed or published (anchoring off)');
      return;
    }
    this.schedule = this.anchorQueue;
    // Not awaited: with Redis down the worker still starts (and says so on /health/ready); the schedule follows.
    void this.ensureSchedule();
    if (this.config.AUDIT_ANCHOR_EVERY_MS === 0) return;
    // For CaseLinkAuditAnchorStale: the interval, and "caught up" at start (the first publication follows within it).
    auditAnchorInterval.set(this.config.AUDIT_ANCHOR_EVERY_MS / 1000);
    auditAnchorCaughtUp.set(Date.now() / 1000);
    // Redis can lose the schedule (a flush, a new instance): checked again on the same beat, and put back if gone.
    this.timer = setInterval(() => void this.ensureSchedule(), this.config.AUDIT_ANCHOR_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async ensureSchedule(): Promise<void> {
    try {
      const every = this.config.AUDIT_ANCHOR_EVERY_MS;
      if (every === 0) {
        // Only when asked: a schedule an earlier configuration left in Redis goes.
        await this.schedule?.removeJobScheduler(AUDIT_ANCHOR_SCHEDULER_ID);
        this.log.log('audit chain heads are signed and published only when asked (AUDIT_ANCHOR_EVERY_MS=0)');
        return;
      }
      const current = await this.schedule?.getJobScheduler(AUDIT_ANCHOR_SCHEDULER_ID);
      if (current && Number(current.every) === every) return;
      await this.schedule?.upsertJobScheduler(AUDIT_ANCHOR_SCHEDULER_ID, { every }, { name: 'publish', data: { reason: 'SCHEDULE' } });
      this.log.log(`audit chain heads are signed and published every ${every} ms to ${resolve(this.config.AUDIT_ANCHOR_DIR)}`);
    } catch (e) {
      this.log.warn(`audit-anchor schedule: ${(e as Error).message}`);
    }
  }

  async process(job: Job<AuditAnchorJob>): Promise<AnchorPublication> {
    const result = await this.publish();
    const refused = Object.entries(result.chains).filter(([, o]) => REFUSED.includes(o));
    const published = Object.values(result.chains).filter((o) => o === 'PUBLISHED').length;
    if (published > 0) this.log.log(`audit anchors (${job.data?.reason ?? 'SCHEDULE'}): ${published} new head(s) signed and published`);
    // The job fails (and stays failed, visible in the queue metrics) when any chain could not be anchored.
    if (refused.length > 0) throw new Error(`audit anchors: ${refused.map(([k, o]) => `chain ${k} ${o}`).join('; ')}`);
    return result;
  }

  /** Signs and appends every chain's head that is not published yet. */
  async publish(): Promise<AnchorPublication> {
    const key = this.key;
    if (!key) return { configured: false, chains: {} };
    // The public key sits next to the heads, named by its fingerprint (written once).
    await this.store.append(auditKeyName(keyFingerprint(key)), Buffer.from(publicKeyPem(key)));
    const heads = await inAgencyTransaction(this.ds, { agencyId: null, userId: null }, (m) => auditChainHeads(m));
    const chains: Record<string, ChainOutcome> = {};
    // For the metrics: the newest signed head's publication time, and the audit rows below each chain's anchored head.
    let newestPublished = 0;
    let anchoredRows = 0;
    for (const h of heads) {
      const head = { chainKey: h.chain_key, sequence: Number(h.sequence), hash: h.hash.toString('hex') };
      let upTo = 0;
      const seen: AnchoredSeen = (sequence, publishedAt) => {
        upTo = Math.max(upTo, sequence);
        newestPublished = Math.max(newestPublished, Date.parse(publishedAt));
      };
      chains[head.chainKey] = await this.publishHead(key, head, seen).catch((e: Error) => {
        this.log.error(`audit anchor of chain ${head.chainKey}: ${e.message}`);
        return 'FAILED' as const;
      });
      anchoredRows += upTo;
    }
    if (newestPublished > 0) auditAnchorLastPublished.set(newestPublished / 1000);
    auditAnchoredRows.set(anchoredRows);
    if (Object.values(chains).every((o) => CAUGHT_UP.includes(o))) auditAnchorCaughtUp.set(Date.now() / 1000);
    return { configured: true, chains };
  }

  private async publishHead(key: KeyObject, head: { chainKey: string; sequence: number; hash: string }, seen: AnchoredSeen): Promise<ChainOutcome> {
    const { statements, signed } = await anchoredSequences(this.store, head.chainKey);
    // The newest statement with a signature file is the anchor a new head must agree with. Statements without one
    // vouch for nothing (anyone who can append to the store can write them): they never block the chain.
    const lastSigned = statements.filter((s) => signed.has(s)).at(-1);
    let anchoredUpTo = 0;
    if (lastSigned !== undefined) {
      const statement = await this.store.read(auditHeadName(head.chainKey, lastSigned, 'txt'));
      const anchored = statement ? parseAuditHeadStatement(statement.toString('utf8')) : null;
      if (!statement || !anchored || anchored.chainKey !== head.chainKey || anchored.sequence !== lastSigned) {
        this.log.error(`audit chain ${head.chainKey}: the anchored head ${lastSigned} is not a statement CaseLink signs; not publishing`);
        return 'REFUSED_BAD_ANCHOR';
      }
      const signature = await this.store.read(auditHeadName(head.chainKey, lastSigned, 'sig'));
      if (!signature || !verifyStatement(statement, signature, key)) {
        this.log.error(`audit chain ${head.chainKey}: the anchored head ${lastSigned} does not carry this key's signature; ${await this.rotationHint(key)}; not publishing`);
        return 'REFUSED_BAD_ANCHOR';
      }
      // (A head newer than the one read a moment ago: another worker published since. Read again, not taken on trust.)
      const now = lastSigned === head.sequence ? head.hash : await this.hashAt(head.chainKey, lastSigned);
      if (now === undefined) {
        this.log.error(`audit chain ${head.chainKey} ends before its anchored sequence ${lastSigned}: rows were removed; not publishing`);
        return 'REFUSED_SHORTER';
      }
      if (now !== anchored.hash) {
        this.log.error(`audit chain ${head.chainKey}: the row at anchored sequence ${lastSigned} has changed since ${anchored.publishedAt} (rewritten); not publishing`);
        return 'REFUSED_REWRITTEN';
      }
      anchoredUpTo = lastSigned;
      seen(lastSigned, anchored.publishedAt);
    }
    // Unsigned statements past the newest signed head: one a crash cut short between statement and signature is signed
    // now — the newest of them at or below the chain's end, if it is recent and names the hash the chain has there.
    const unsigned = statements.filter((s) => !signed.has(s) && s > anchoredUpTo);
    const pastEnd = unsigned.filter((s) => s > head.sequence);
    if (pastEnd.length > 0) {
      this.log.warn(`audit chain ${head.chainKey}: ignoring ${pastEnd.length} unsigned statement(s) past the chain's end (sequence ${pastEnd[0]}…): CaseLink did not write them`);
    }
    let completed = false;
    const candidate = unsigned.filter((s) => s <= head.sequence).at(-1);
    if (candidate !== undefined) {
      const statement = await this.store.read(auditHeadName(head.chainKey, candidate, 'txt'));
      const hash = candidate === head.sequence ? head.hash : await this.hashAt(head.chainKey, candidate);
      const refusal = statement ? this.completable(statement, head.chainKey, candidate, hash) : 'it could not be read';
      if (refusal) {
        this.log.warn(`audit chain ${head.chainKey}: ignoring the unsigned statement ${candidate} (${refusal}); not signing it`);
      } else {
        completed = await this.appendSignature(key, head.chainKey, candidate, statement as Buffer);
        anchoredUpTo = candidate;
        seen(candidate, (parseAuditHeadStatement((statement as Buffer).toString('utf8')) as SignedAuditHead).publishedAt);
      }
    }
    if (anchoredUpTo >= head.sequence) return completed ? 'COMPLETED' : 'UNCHANGED';
    const written = auditHeadStatement({ ...head, publishedAt: new Date().toISOString() });
    const name = auditHeadName(head.chainKey, head.sequence, 'txt');
    let statement: Buffer = Buffer.from(written, 'utf8');
    if (!(await this.store.append(name, statement))) {
      // Another worker published this head just now: its statement stands if it names the same hash and is signed by
      // this key — or, not signed yet, was written moments ago. Anything else holding the name is not signed over.
      const theirs = await this.store.read(name);
      const parsed = theirs ? parseAuditHeadStatement(theirs.toString('utf8')) : null;
      const theirSignature = await this.store.read(auditHeadName(head.chainKey, head.sequence, 'sig'));
      if (theirSignature) {
        if (!theirs || !verifyStatement(theirs, theirSignature, key)) {
          this.log.error(`audit chain ${head.chainKey}: the head ${head.sequence} in the store does not carry this key's signature; ${await this.rotationHint(key)}; not publishing`);
          return 'REFUSED_BAD_ANCHOR';
        }
        if (parsed?.hash !== head.hash) {
          this.log.error(`audit chain ${head.chainKey}: the store holds another head for sequence ${head.sequence}; not publishing`);
          return 'REFUSED_BAD_ANCHOR';
        }
      } else {
        const refusal = theirs ? this.completable(theirs, head.chainKey, head.sequence, head.hash) : 'it could not be read';
        if (refusal) {
          // The name is taken: this head cannot be published; the chain's next head will be, once it grows.
          this.log.warn(`audit chain ${head.chainKey}: the unsigned statement ${head.sequence} in the store is not this publication's (${refusal}); not signing it, head deferred until the chain grows`);
          return 'DEFERRED';
        }
      }
      statement = theirs as Buffer;
    }
    await this.appendSignature(key, head.chainKey, head.sequence, statement);
    seen(head.sequence, (parseAuditHeadStatement(statement.toString('utf8')) as SignedAuditHead).publishedAt);
    return 'PUBLISHED';
  }

  /**
   * Why an unsigned statement found in the store must not be signed, or null when it may: it must be exactly a
   * statement of this chain and sequence, name the hash the chain has there, and have been written recently (within
   * COMPLETION_WINDOW) — a statement backdated by someone who can append to the store would otherwise get a signature.
   */
  private completable(statement: Buffer, chainKey: string, sequence: number, hash: string | undefined): string | null {
    const parsed = parseAuditHeadStatement(statement.toString('utf8'));
    if (!parsed || parsed.chainKey !== chainKey || parsed.sequence !== sequence) return 'not a statement CaseLink writes for it';
    if (hash === undefined || parsed.hash !== hash) return 'it names another hash than the chain has there';
    const age = Date.now() - Date.parse(parsed.publishedAt);
    const window = completionWindowMs(this.config.AUDIT_ANCHOR_EVERY_MS);
    if (age > window) return `published ${parsed.publishedAt}, more than ${Math.round(window / 60_000)} min ago`;
    if (age < -CLOCK_SKEW_MS) return `published ${parsed.publishedAt}, in the future`;
    return null;
  }

  /** What to do when the store holds heads another key signed: after a key rotation, a new store. */
  private async rotationHint(key: KeyObject): Promise<string> {
    const fingerprint = keyFingerprint(key);
    const others = (await this.store.list('keys/').catch(() => [] as string[]))
      .map((n) => /^keys\/([0-9a-f]{64})\.pem$/.exec(n)?.[1]).filter((f): f is string => !!f && f !== fingerprint);
    return `this store ${others.length ? `also holds the key(s) ${others.join(', ')} — ` : ''}was signed with another key than this one (${fingerprint}). `
      + 'If the signing key was rotated: a store is signed with one key only (statements carry no key id), so point AUDIT_ANCHOR_DIR '
      + `(the worker's and the api's) at a new, empty store for the new key, keep this one (${resolve(this.config.AUDIT_ANCHOR_DIR)}) read-only, and check it with its `
      + 'old public key: npm run audit:verify -- <old store> --public-key <old public key> --database. Otherwise someone wrote to the store without the key';
  }

  /** Appends the statement's signature; true when this call wrote it. */
  private async appendSignature(key: KeyObject, chainKey: string, sequence: number, statement: Buffer): Promise<boolean> {
    const name = auditHeadName(chainKey, sequence, 'sig');
    const signature = signStatement(statement, key);
    if (await this.store.append(name, signature)) return true;
    const theirs = await this.store.read(name);
    if (!theirs || !verifyStatement(statement, theirs, key)) throw new Error(`the store holds another signature for ${name}`);
    return false;
  }

  private async hashAt(chainKey: string, sequence: number): Promise<string | undefined> {
    const rows = await inAgencyTransaction(this.ds, { agencyId: null, userId: null }, (m) => auditChainHashes(m, chainKey, [sequence]));
    return rows[0]?.hash.toString('hex');
  }
}
