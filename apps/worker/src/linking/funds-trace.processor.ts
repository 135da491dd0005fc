import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  claimFundTrace, failFundTrace, finishFundTrace, inAgencyTransaction, reportFundTraceHop, stalledFundTraces, SYSTEM_ROLE, traceFundsFrom,
} from '@caselink/db';
import { FundsTraceJob, JobProducers, QUEUES } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import type { QueueProcessor } from '../queue-processor';
import { requeueIfLost, Sweep } from '../sweep';

/**
 * Deep fund traces (more hops than the api answers at once). Runs as the requesting agency with the
 * app role: the trace follows only transactions that agency may see. Writing the result is idempotent.
 * A sweep every OUTBOX_SWEEP_MS queues again the traces whose job Redis lost (the job id is the trace's).
 */
@Injectable()
export class FundsTraceProcessor implements QueueProcessor, OnApplicationBootstrap, OnApplicationShutdown {
  readonly queue = QUEUES.fundsTrace;
  private readonly log = new Logger(FundsTraceProcessor.name);
  private readonly sweeper: Sweep<[minAgeMs?: number]>;

  constructor(
    private readonly ds: DataSource,
    @Inject(JobProducers) private readonly producers: JobProducers,
    @Inject(WORKER_CONFIG) config: WorkerConfig,
  ) {
    this.sweeper = new Sweep('fund trace sweep', config.OUTBOX_SWEEP_MS, (minAgeMs = 2000) => this.requeueStalled(minAgeMs), this.log);
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  /** The producers are WorkerModule's: it closes them once every sweep and job has finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
  }

  /** Traces still QUEUED or RUNNING a while after they were asked for, with no live job: queued again. */
  sweep(minAgeMs = 2000): Promise<void> {
    return this.sweeper.run(minAgeMs);
  }

  private async requeueStalled(minAgeMs: number): Promise<void> {
    for (const t of await stalledFundTraces(this.ds.manager, minAgeMs)) {
      await requeueIfLost(this.producers.fundsTrace, `trace-${t.id}`, () => this.producers.enqueueFundsTrace({ traceId: t.id, agencyId: t.agency_id, userId: t.requested_by }));
    }
  }

  async process(job: Job<FundsTraceJob>): Promise<{ edges: number } | { skipped: string }> {
    const { traceId, agencyId, userId } = job.data;
    const ctx = { agencyId, userId, roles: [SYSTEM_ROLE] }; // a job: SYSTEM to PostgreSQL's role checks
    const trace = await inAgencyTransaction(this.ds, ctx, (m) => claimFundTrace(m, traceId));
    if (!trace) return { skipped: 'trace already finished' };
    try {
      const result = await inAgencyTransaction(this.ds, ctx, (m) =>
        traceFundsFrom(m, trace.transfer_id, {
          maxHops: trace.max_hops,
          maxEdges: 20_000,
          onHop: async (hop) => {
            await job.updateProgress({ hop, maxHops: trace.max_hops });
            // Progress commits on its own, outside the trace's transaction.
            await inAgencyTransaction(this.ds, ctx, (p) => reportFundTraceHop(p, traceId, hop));
          },
        }),
      );
      await inAgencyTransaction(this.ds, ctx, (m) => finishFundTrace(m, traceId, result ? { result } : { error: 'the transfer is not visible to your agency' }));
      return { edges: result?.edges.length ?? 0 };
    } catch (e) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await inAgencyTransaction(this.ds, ctx, (m) => failFundTrace(m, traceId, (e as Error).message));
      }
      throw e;
    }
  }
}
