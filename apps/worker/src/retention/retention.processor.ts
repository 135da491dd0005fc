import { resolve } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  auditRetentionClass, beginRetentionRun, fileRemovalsDone, finishRetentionRun, inAgencyTransaction, pendingFileRemovals,
  purgeRetentionBatch,
} from '@caselink/db';
import { PURGED_CLASSES, RetentionClass, RetentionTrigger } from '@caselink/domain';
import { JobProducers, jobRequestId, QUEUES, RetentionJob } from '@caselink/jobs';
import { EvidenceStore, LocalDiskStore } from '@caselink/storage';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import type { QueueProcessor } from '../queue-processor';

const SYSTEM = { agencyId: null, userId: null } as const;
const SCHEDULER_ID = 'retention-every';

export interface RetentionOutcome {
  runId: string;
  purged: Partial<Record<RetentionClass, number>>;
  filesRemoved: number;
}

/**
 * The retention queue (issue 13): every RETENTION_EVERY_MS (a BullMQ job scheduler, so several workers schedule it
 * once) and whenever the national admin runs it, purge each class past its rule, one batch per transaction, then
 * tell the audit trail per agency and class. A run killed half-way is taken up again by BullMQ's stalled-job check
 * under the same job id: what went stays gone and counted once, the rest goes, and the audit tells of each row once.
 * Files are removed after their rows' transaction commits, from `retention_file_removals`, which only the removal
 * empties — so a crash in between leaves a file to remove, never a file forgotten.
 */
@Injectable()
export class RetentionProcessor implements QueueProcessor, OnApplicationBootstrap {
  readonly queue = QUEUES.retention;
  // One run at a time per worker; runs of several workers skip each other's rows (SKIP LOCKED).
  readonly concurrency = 1;
  private readonly log = new Logger(RetentionProcessor.name);
  private readonly store: EvidenceStore;

  constructor(
    private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    // The schedule is set on the shared producers' retention queue (WorkerModule closes them).
    private readonly producers: JobProducers,
  ) {
    this.store = new LocalDiskStore(resolve(config.EVIDENCE_DIR));
  }

  async onApplicationBootstrap(): Promise<void> {
    const scheduler = this.producers.retention;
    try {
      if (this.config.RETENTION_EVERY_MS > 0) {
        await scheduler.upsertJobScheduler(SCHEDULER_ID, { every: this.config.RETENTION_EVERY_MS }, {
          name: 'purge', data: { trigger: 'SCHEDULE' } satisfies RetentionJob, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
        });
      } else {
        await scheduler.removeJobScheduler(SCHEDULER_ID);
      }
    } catch (e) {
      // Redis down at start: the next worker start (or another worker) schedules it; manual runs still work.
      this.log.warn(`retention schedule not set: ${(e as Error).message}`);
    }
  }

  async process(job: Job<RetentionJob>): Promise<RetentionOutcome> {
    const trigger = job.data.trigger === 'MANUAL' ? RetentionTrigger.MANUAL : RetentionTrigger.SCHEDULE;
    const runId = await inAgencyTransaction(this.ds, SYSTEM, (m) => beginRetentionRun(m, String(job.id), trigger));
    try {
      // Files a crashed run left behind go first, and what a run that failed for good purged but never told.
      let filesRemoved = await this.removeFiles();
      await inAgencyTransaction(this.ds, SYSTEM, (m) => auditRetentionClass(m, runId, null, jobRequestId(job.data) ?? null));
      const purged: RetentionOutcome['purged'] = {};
      for (const [i, dataClass] of PURGED_CLASSES.entries()) {
        let total = 0;
        for (;;) {
          const n = await inAgencyTransaction(this.ds, SYSTEM, (m) => purgeRetentionBatch(m, runId, dataClass, this.config.RETENTION_BATCH_SIZE));
          total += n;
          filesRemoved += await this.removeFiles();
          if (n < this.config.RETENTION_BATCH_SIZE) break;
        }
        await inAgencyTransaction(this.ds, SYSTEM, (m) => auditRetentionClass(m, runId, dataClass, jobRequestId(job.data) ?? null));
        purged[dataClass] = total;
        await job.updateProgress({ classesDone: i + 1, classes: PURGED_CLASSES.length, dataClass });
        if (total > 0) this.log.log(`retention ${dataClass}: ${total} purged`);
      }
      await inAgencyTransaction(this.ds, SYSTEM, (m) => finishRetentionRun(m, runId, null));
      return { runId, purged, filesRemoved };
    } catch (e) {
      // Recorded as failed for the portal; BullMQ retries the job, which takes the same run up again.
      await inAgencyTransaction(this.ds, SYSTEM, (m) => finishRetentionRun(m, runId, (e as Error).message)).catch(() => undefined);
      throw e;
    }
  }

  /** Removes the files of purged rows, then forgets them: a removal repeated after a crash finds nothing to do. */
  private async removeFiles(): Promise<number> {
    let removed = 0;
    for (;;) {
      const keys = await inAgencyTransaction(this.ds, SYSTEM, (m) => pendingFileRemovals(m, 200));
      if (keys.length === 0) return removed;
      for (const key of keys) await this.store.remove(key);
      await inAgencyTransaction(this.ds, SYSTEM, (m) => fileRemovalsDone(m, keys));
      removed += keys.length;
    }
  }
}
