import type { Queue } from 'bullmq';
import { sweepRequeued } from './metrics/worker-metrics';

/** Where a sweep's failures go (a Nest Logger). */
export interface SweepLog {
  warn(message: string): void;
}

/**
 * A periodic sweep of the database for work whose job Redis lost. Runs never overlap: a call while one runs gets the
 * running one. A failed run is logged (`<name>: <message>`), never thrown: the next run tries again. Once stopped, no
 * new run starts; `stop` waits for the running one, so nothing it uses is closed under it.
 *
 * `work`'s arguments are optional: runs on the timer pass none (`run(0)`, say, sweeps without the usual minimum age).
 */
export class Sweep<A extends unknown[] = []> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly work: (...args: A) => Promise<void>,
    private readonly log: SweepLog,
  ) {}

  /** Sweeps every `everyMs`, and once now (with `first`'s arguments). */
  start(...first: A): void {
    if (this.stopped || this.timer) return;
    // The timer's runs take no arguments: `work` has defaults for each (see above).
    this.timer = setInterval(() => void this.run(...([] as unknown[] as A)), this.everyMs);
    void this.run(...first);
  }

  run(...args: A): Promise<void> {
    if (this.running) return this.running;
    if (this.stopped) return Promise.resolve();
    this.running = (async () => {
      try {
        await this.work(...args);
      } catch (e) {
        this.log.warn(`${this.name}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** No more runs; resolves once the running one (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** States of a job that will not run again: its id can be queued afresh. */
const DONE_STATES: readonly string[] = ['completed', 'failed', 'unknown'];

/**
 * The sweeps' common check: when the job `jobId` of `queue` is missing (lost with Redis) or finished although its
 * work is still pending, it is queued again (`add`, which uses the same id; a finished job is removed first so the
 * id can be used again) and counted in caselink_worker_sweep_requeued_total. True when it was queued again; false
 * when a live job (waiting, delayed, active...) is there.
 */
export async function requeueIfLost(queue: Pick<Queue, 'name' | 'getJob'>, jobId: string, add: () => Promise<unknown>): Promise<boolean> {
  const job = await queue.getJob(jobId);
  if (job) {
    if (!DONE_STATES.includes(await job.getState())) return false;
    await job.remove().catch(() => undefined);
  }
  await add();
  sweepRequeued.inc({ queue: queue.name });
  return true;
}
