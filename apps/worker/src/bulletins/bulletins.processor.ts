import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { bulletinAddresses } from '@caselink/domain';
import {
  agencyDirectory, BulletinNotice, bulletinForDelivery, inAgencyTransaction, markBulletinProcessed, notifyBulletinRecipients, syncBulletinHits, takeLinkLock,
  unprocessedBulletinIds,
} from '@caselink/db';
import { BulletinJob, bulletinJobId, JobProducers, LiveBus, publishNotification, QUEUES } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import { LIVE_BUS } from '../connections';
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
    const b = await bulletinForDelivery(this.linkerDs.manager, bulletinId);
    if (!b || b.processed_at) return none;

    const notices: BulletinNotice[] = await this.linkerDs.transaction(async (m) => {
      await takeLinkLock(m);
      return syncBulletinHits(m, { bulletinId });
    });

    const audience = { agencyIds: b.recipient_agency_ids, kinds: b.recipient_kinds };
    const agencies = (await agencyDirectory(this.ds.manager)).filter((a) => bulletinAddresses(audience, a));
    let published = 0;
    for (const a of agencies) {
      // As the addressed agency: it reads the bulletin under its own policy and writes to its own users.
      const rows = await inAgencyTransaction(this.ds, { agencyId: a.id, userId: null }, (m) => notifyBulletinRecipients(m, a.id, bulletinId));
      published += rows.length;
      notices.push(...rows);
    }
    await markBulletinProcessed(this.linkerDs.manager, bulletinId);

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
    for (const id of await unprocessedBulletinIds(this.linkerDs.manager)) await requeueIfLost(this.producers.bulletins, bulletinJobId(id), () => this.producers.enqueueBulletin({ bulletinId: id }));
  }
}
