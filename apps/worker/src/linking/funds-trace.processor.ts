import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { inAgencyTransaction, traceFundsFrom } from '@caselink/db';
import { FundsTraceJob, QUEUES } from '@caselink/jobs';
import type { QueueProcessor } from '../queue-processor';

/**
 * Deep fund traces (more hops than the api answers at once). Runs as the requesting agency with the
 * app role: the trace follows only transactions that agency may see. Writing the result is idempotent.
 */
@Injectable()
export class FundsTraceProcessor implements QueueProcessor {
  readonly queue = QUEUES.fundsTrace;

  constructor(private readonly ds: DataSource) {}

  async process(job: Job<FundsTraceJob>): Promise<{ edges: number } | { skipped: string }> {
    const { traceId, agencyId, userId } = job.data;
    const ctx = { agencyId, userId };
    const [trace] = await inAgencyTransaction(this.ds, ctx, (m) =>
      m.query(`UPDATE fund_traces SET state = 'RUNNING' WHERE id = $1 AND state IN ('QUEUED','RUNNING') RETURNING transfer_id, max_hops`, [traceId]),
    ).then((r: [Array<{ transfer_id: string; max_hops: number }>, number]) => r[0]);
    if (!trace) return { skipped: 'trace already finished' };
    try {
      const result = await inAgencyTransaction(this.ds, ctx, (m) =>
        traceFundsFrom(m, trace.transfer_id, {
          maxHops: trace.max_hops,
          maxEdges: 20_000,
          onHop: async (hop) => {
            await job.updateProgress({ hop, maxHops: trace.max_hops });
            // Progress commits on its own, outside the trace's transaction.
            await inAgencyTransaction(this.ds, ctx, (p) => p.query('UPDATE fund_traces SET done = $2 WHERE id = $1', [traceId, hop]));
          },
        }),
      );
      await inAgencyTransaction(this.ds, ctx, (m) =>
        m.query(`UPDATE fund_traces SET state = $2, result = $3, done = max_hops, finished_at = now(), error = $4 WHERE id = $1`, [
          traceId, result ? 'DONE' : 'FAILED', result ? JSON.stringify(result) : null, result ? null : 'the transfer is not visible to your agency',
        ]),
      );
      return { edges: result?.edges.length ?? 0 };
    } catch (e) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await inAgencyTransaction(this.ds, ctx, (m) =>
          m.query(`UPDATE fund_traces SET state = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [traceId, (e as Error).message]),
        );
      }
      throw e;
    }
  }
}
