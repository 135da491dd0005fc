import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { inAgencyTransaction } from '@caselink/db';
import { auditHeadName, auditHeadStatement, auditKeyName, parseAuditHeadStatement } from '@caselink/domain';
import { AUDIT_ANCHOR_SCHEDULER_ID, AuditAnchorJob, auditAnchorQueue, QUEUES, redisConnection } from '@caselink/jobs';
import {
  AnchorStore, anchoredSequences, keyFingerprint, LocalDiskAnchorStore, publicKeyPem, signingKeyFromPem, signStatement, verifyStatement,
} from '@caselink/storage';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import type { QueueProcessor } from '../queue-processor';

/** What happened to one chain in one publication. */
export type ChainOutcome =
  | 'PUBLISHED' // a new head signed and appended
  | 'UNCHANGED' // its head was published already
  | 'COMPLETED' // a head left without its signature (a crash between the two files) got it
  | 'REFUSED_REWRITTEN' // the last published head no longer matches the chain: nothing is signed over a rewrite
  | 'REFUSED_SHORTER' // the chain ends before its last published head: rows were removed
  | 'REFUSED_BAD_ANCHOR' // the last head in the store is not one this key signed
  | 'FAILED'; // the store or the database failed for this chain

export interface AnchorPublication {
  configured: boolean;
  chains: Record<string, ChainOutcome>;
}

const REFUSED: readonly ChainOutcome[] = ['REFUSED_REWRITTEN', 'REFUSED_SHORTER', 'REFUSED_BAD_ANCHOR', 'FAILED'];

/**
 * Anchors the audit trail outside the database (issue 13): on a BullMQ job scheduler (every AUDIT_ANCHOR_EVERY_MS,
 * one schedule however many workers upsert it), each chain's head — last sequence and hash, read as SYSTEM through
 * audit_chain_heads() — is signed with the Ed25519 key of AUDIT_SIGNING_KEY_FILE and appended to the anchor store as
 * heads/<chain>/<sequence>.txt (the statement) and .sig (the signature).
 *
 * Idempotent and crash-safe: a head already in the store is not published again (the store never overwrites, so
 * two workers publishing the same head leave one statement, and Ed25519 being deterministic, one signature); a
 * crash between statement and signature leaves a statement that the next run signs. Before a new head is signed,
 * the last published one must still match the chain (same hash at its sequence): a trail rewritten by the owner
 * role is never signed over — the chain is refused, the job fails and the error names it.
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
    const schedule = auditAnchorQueue(redisConnection(this.config.REDIS_URL), this.config.QUEUE_PREFIX);
    schedule.on('error', (e) => this.log.warn(`audit-anchor schedule: ${e.message}`));
    this.schedule = schedule;
    // Not awaited: with Redis down the worker still starts (and says so on /health/ready); the schedule follows.
    void this.ensureSchedule();
    if (this.config.AUDIT_ANCHOR_EVERY_MS === 0) return;
    // Redis can lose the schedule (a flush, a new instance): checked again on the same beat, and put back if gone.
    this.timer = setInterval(() => void this.ensureSchedule(), this.config.AUDIT_ANCHOR_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.schedule?.close();
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
    const heads = await inAgencyTransaction(this.ds, { agencyId: null, userId: null }, (m) =>
      m.query('SELECT chain_key, sequence::text AS sequence, hash FROM audit_chain_heads()')) as Array<{ chain_key: string; sequence: string; hash: Buffer }>;
    const chains: Record<string, ChainOutcome> = {};
    for (const h of heads) {
      const head = { chainKey: h.chain_key, sequence: Number(h.sequence), hash: h.hash.toString('hex') };
      chains[head.chainKey] = await this.publishHead(key, head).catch((e: Error) => {
        this.log.error(`audit anchor of chain ${head.chainKey}: ${e.message}`);
        return 'FAILED' as const;
      });
    }
    return { configured: true, chains };
  }

  private async publishHead(key: KeyObject, head: { chainKey: string; sequence: number; hash: string }): Promise<ChainOutcome> {
    const { statements } = await anchoredSequences(this.store, head.chainKey);
    const last = statements.at(-1);
    if (last !== undefined) {
      const statement = await this.store.read(auditHeadName(head.chainKey, last, 'txt'));
      const anchored = statement ? parseAuditHeadStatement(statement.toString('utf8')) : null;
      if (!statement || !anchored || anchored.chainKey !== head.chainKey || anchored.sequence !== last) {
        this.log.error(`audit chain ${head.chainKey}: the anchored head ${last} is not a statement CaseLink signs; not publishing`);
        return 'REFUSED_BAD_ANCHOR';
      }
      const signature = await this.store.read(auditHeadName(head.chainKey, last, 'sig'));
      if (signature && !verifyStatement(statement, signature, key)) {
        this.log.error(`audit chain ${head.chainKey}: the anchored head ${last} does not carry this key's signature; not publishing`);
        return 'REFUSED_BAD_ANCHOR';
      }
      // (A head newer than the one read a moment ago: another worker published since. Read again, not taken on trust.)
      const now = last === head.sequence ? head.hash : await this.hashAt(head.chainKey, last);
      if (now === undefined) {
        this.log.error(`audit chain ${head.chainKey} ends before its anchored sequence ${last}: rows were removed; not publishing`);
        return 'REFUSED_SHORTER';
      }
      if (now !== anchored.hash) {
        this.log.error(`audit chain ${head.chainKey}: the row at anchored sequence ${last} has changed since ${anchored.publishedAt} (rewritten); not publishing`);
        return 'REFUSED_REWRITTEN';
      }
      // Left without its signature by a crash: signed now (only once it is known to match the chain).
      const completed = signature ? false : await this.appendSignature(key, head.chainKey, last, statement);
      if (last >= head.sequence) return completed ? 'COMPLETED' : 'UNCHANGED';
    }
    const written = auditHeadStatement({ ...head, publishedAt: new Date().toISOString() });
    const name = auditHeadName(head.chainKey, head.sequence, 'txt');
    let statement: Buffer = Buffer.from(written, 'utf8');
    if (!(await this.store.append(name, statement))) {
      // Another worker published this head just now: its statement stands (it must name the same hash).
      const theirs = await this.store.read(name);
      const parsed = theirs ? parseAuditHeadStatement(theirs.toString('utf8')) : null;
      if (!theirs || parsed?.hash !== head.hash) {
        this.log.error(`audit chain ${head.chainKey}: the store holds another head for sequence ${head.sequence}; not publishing`);
        return 'REFUSED_BAD_ANCHOR';
      }
      statement = theirs;
    }
    await this.appendSignature(key, head.chainKey, head.sequence, statement);
    return 'PUBLISHED';
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
    const rows = await inAgencyTransaction(this.ds, { agencyId: null, userId: null }, (m) =>
      m.query('SELECT hash FROM audit_chain_hashes($1, $2)', [chainKey, [sequence]])) as Array<{ hash: Buffer }>;
    return rows[0]?.hash.toString('hex');
  }
}
