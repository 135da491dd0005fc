import type { Job } from 'bullmq';
import { ALL_QUEUES, QueueName } from '@caselink/jobs';

/** One processor per queue; jobs must be idempotent (at-least-once delivery). */
export interface QueueProcessor {
  readonly queue: QueueName;
  /** Jobs at once per worker process; WORKER_CONCURRENCY when absent. */
  readonly concurrency?: number;
  process(job: Job): Promise<unknown>;
}

export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');

/** Refuses a worker where a queue would pile up unprocessed, or where two processors race for it. */
export function assertOneProcessorPerQueue(processors: readonly Pick<QueueProcessor, 'queue'>[], queues: readonly string[] = ALL_QUEUES): void {
  const problems: string[] = [];
  for (const queue of queues) {
    const n = processors.filter((p) => p.queue === queue).length;
    if (n === 0) problems.push(`queue "${queue}" has no processor`);
    if (n > 1) problems.push(`queue "${queue}" has ${n} processors`);
  }
  for (const p of processors) if (!queues.includes(p.queue)) problems.push(`processor for unknown queue "${p.queue}"`);
  if (problems.length > 0) throw new Error(`Worker refuses to start: ${problems.join('; ')}`);
}
