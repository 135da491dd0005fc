import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { claimRelinkRun, failRelinkRun, finishRelinkRun, reportRelinkProgress } from '@caselink/db';
import { EvidenceRelinkJob, QUEUES } from '@caselink/jobs';
import type { QueueProcessor } from '../queue-processor';
import { Linker, RelinkProgress, RelinkStats } from './linker';
import { LINKER_DATA_SOURCE } from './linker.provider';

/**
 * A full rebuild, reported in relink_runs (the portal's progress bar). The rebuild is one transaction,
 * so a worker killed half-way leaves the previous state; BullMQ hands the stalled job to another worker,
 * which starts over.
 */
@Injectable()
export class EvidenceRelinkProcessor implements QueueProcessor {
  readonly queue = QUEUES.evidenceRelink;
  readonly concurrency = 1;
  private readonly log = new Logger(EvidenceRelinkProcessor.name);

  constructor(
    private readonly linker: Linker,
    @Inject(LINKER_DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  async process(job: Job<EvidenceRelinkJob>): Promise<RelinkStats | { skipped: string }> {
    const { runId } = job.data;
    // The run's row changes through its own pool connections, outside the rebuild's transaction.
    const runs = this.ds.manager;
    if (!(await claimRelinkRun(runs, runId))) return { skipped: 'run already finished' };
    let last = 0;
    const progress = async (p: RelinkProgress) => {
      if (p.phase !== 'done' && Date.now() - last < 250 && p.done !== 0) return;
      last = Date.now();
      await reportRelinkProgress(runs, runId, p);
      await job.updateProgress(p);
    };
    try {
      const stats = await this.linker.relink(progress);
      await finishRelinkRun(runs, runId, stats);
      this.log.log(`Relink ${runId}: ${stats.identifiers} identifiers, ${stats.series} series in ${stats.seconds.toFixed(1)} s`);
      return stats;
    } catch (e) {
      await failRelinkRun(runs, runId, (e as Error).message, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      throw e;
    }
  }
}
