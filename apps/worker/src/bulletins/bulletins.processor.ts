import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AgencyKind, bulletinAddresses } from '@caselink/domain';
import { inAgencyTransaction, rowsOf, syncBulletinHits } from '@caselink/db';
import { BulletinJob, bulletinJobId, JobProducers, LiveBus, publishNotification, QUEUES } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import { LIVE_BUS } from '../connections';
import { LINK_LOCK } from '../linking/linker';
import { LINKER_DATA_SOURCE } from '../linking/linker.provider';
import type { QueueProcessor } from '../queue-processor';
import { requeueIfLost, Sweep } from '../sweep';

export interface BulletinOutcome {
  /** False when it was already done (a job delivered twice) or the bulletin is gone. */
  applied: boolean;
  matchNotices: number;
  recipientAgencies: number;
  published: number;
}

interface Notice {
  id: string;
  agencyId: string;
  userId: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * A published bulletin: matched against every case's postings (as the linker role, which alone reads
 * them across agencies, and under the linker's lock, so that a clue linked or unlinked meanwhile is
 * matched by exactly one side), then announced to every user of each addressed agency (as that
 * agency, under its own row-level security). Every step is idempotent — unique hits, dedupe keys — and
 * the bulletin is marked processed only at the end, so a retry or the sweep redoes what is missing and
 * nothing twice. Values cases gain or lose later, relinks and warninglist changes re-sync hits in the linker.
 */
@Injectable()
export class BulletinsProcessor implements QueueProcessor, OnApplicationBootstrap, OnApplicationShutdown {
  readonly queue = QUEUES.bulletins;
  private readonly log = new Logger(BulletinsProcessor.name);
  private readonly sweeper: Sweep;

  constructor(
    private readonly ds: DataSource,
    @Inject(LINKER_DATA_SOURCE) private readonly linkerDs: DataSource,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(JobProducers) private readonly producers: JobProducers,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.sweeper = new Sweep('bulletin sweep', config.OUTBOX_SWEEP_MS, () => this.requeueLost(), this.log);
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  /** The producers and the bus are WorkerModule's: it closes them once every sweep and job has finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
  }

  process(job: Job<BulletinJob>): Promise<BulletinOutcome> {
    return this.deliver(job.data.bulletinId);
  }

  async deliver(bulletinId: string): Promise<BulletinOutcome> {
    const none = { applied: false, matchNotices: 0, recipientAgencies: 0, published: 0 };
    const [b] = (await this.linkerDs.query('SELECT id, processed_at FROM bulletins WHERE id = $1', [bulletinId])) as Array<{ id: string; processed_at: Date | null }>;
    if (!b || b.processed_at) return none;

    const notices: Notice[] = await this.linkerDs.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
      return syncBulletinHits(m, { bulletinId });
    });

    const recipients = (await this.linkerDs.query('SELECT agency_id, agency_kind FROM bulletin_recipients WHERE bulletin_id = $1', [bulletinId])) as Array<{
      agency_id: string | null; agency_kind: string | null;
    }>;
    const audience = {
      agencyIds: recipients.flatMap((r) => (r.agency_id ? [r.agency_id] : [])),
      kinds: recipients.flatMap((r) => (r.agency_kind ? [r.agency_kind as AgencyKind] : [])),
    };
    const directory = (await this.ds.query('SELECT id, kind FROM agency_directory()')) as Array<{ id: string; kind: AgencyKind }>;
    const agencies = directory.filter((a) => bulletinAddresses(audience, a));
    let published = 0;
    for (const a of agencies) {
      // As the addressed agency: it reads the bulletin under its own policy and writes to its own users.
      const rows = await inAgencyTransaction(this.ds, { agencyId: a.id, userId: null }, async (m) =>
        rowsOf<Notice>(await m.query(
          `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
           SELECT $1, u.id, 'BULLETIN_PUBLISHED',
                  jsonb_build_object('bulletinId', b.id, 'title', b.title, 'fraudType', b.fraud_type, 'publisherAgencyId', b.publisher_agency_id),
                  'bulletin-published:' || b.id || ':' || u.id
           FROM bulletins b JOIN users u ON u.agency_id = $1 AND u.active AND u.id <> b.published_by
           WHERE b.id = $2
           ON CONFLICT (dedupe_key) DO NOTHING
           RETURNING id, agency_id AS "agencyId", user_id AS "userId", kind, payload, created_at AS "createdAt"`,
          [a.id, bulletinId],
        )),
      );
      published += rows.length;
      notices.push(...rows);
    }
    await this.linkerDs.query('UPDATE bulletins SET processed_at = now() WHERE id = $1 AND processed_at IS NULL', [bulletinId]);

    for (const n of notices) {
      await publishNotification(this.bus, this.config.QUEUE_PREFIX, { ...n, createdAt: new Date(n.createdAt).toISOString() }).catch(() => undefined);
    }
    const matchNotices = notices.length - published;
    this.log.log(`bulletin ${bulletinId}: ${matchNotices} case authors told of a match, ${published} recipients in ${agencies.length} agencies`);
    return { applied: true, matchNotices, recipientAgencies: agencies.length, published };
  }

  /** Bulletins whose job went missing (Redis lost it, or the api could not queue it at commit). */
  sweep(): Promise<void> {
    return this.sweeper.run();
  }

  private async requeueLost(): Promise<void> {
    const rows = (await this.linkerDs.query(
      `SELECT id FROM bulletins WHERE processed_at IS NULL AND published_at < now() - interval '2 seconds' ORDER BY published_at LIMIT 500`,
    )) as Array<{ id: string }>;
    for (const { id } of rows) await requeueIfLost(this.producers.bulletins, bulletinJobId(id), () => this.producers.enqueueBulletin({ bulletinId: id }));
  }
}
