import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
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
    const [run] = (await this.ds.query(
      `UPDATE relink_runs SET state = 'RUNNING', phase = 'waiting', done = 0, total = 0, attempts = attempts + 1,
              started_at = coalesce(started_at, now())
       WHERE id = $1 AND state IN ('QUEUED', 'RUNNING') RETURNING id`,
      [runId],
    )) as [Array<{ id: string }>, number];
    if (run.length === 0) return { skipped: 'run already finished' };
    let last = 0;
    const progress = async (p: RelinkProgress) => {
      // Progress goes through its own pool connection, outside the rebuild's transaction.
      if (p.phase !== 'done' && Date.now() - last < 250 && p.done !== 0) return;
      last = Date.now();
      await this.ds.query('UPDATE relink_runs SET phase = $2, done = $3, total = $4 WHERE id = $1', [runId, p.phase, p.done, p.total]);
      await job.updateProgress(p);
    };
    try {
      const stats = await this.linker.relink(progress);
      await this.ds.query(
        `UPDATE relink_runs SET state = 'DONE', phase = 'done', stats = $2, finished_at = now(), error = NULL WHERE id = $1`,
        [runId, JSON.stringify(stats)],
      );
      this.log.log(`Relink ${runId}: ${stats.identifiers} identifiers, ${stats.series} series in ${stats.seconds.toFixed(1)} s`);
      return stats;
    } catch (e) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.ds.query(`UPDATE relink_runs SET state = $2, error = $3, finished_at = CASE WHEN $2 = 'FAILED' THEN now() END WHERE id = $1`, [
        runId, last ? 'FAILED' : 'RUNNING', (e as Error).message,
      ]);
      throw e;
    }
  }
}
