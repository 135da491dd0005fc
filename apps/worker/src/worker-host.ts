import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { Worker } from 'bullmq';
import { clientOf, closeRedisClient, queueConnection, redisTarget } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from './config';
import { inJobScope, ROOT_LOGGER } from './logging';
import { assertOneProcessorPerQueue, QUEUE_PROCESSORS, QueueProcessor } from './queue-processor';
import { observeWorker } from './metrics/worker-metrics';

/** Starts one BullMQ worker per queue once every queue is known to have exactly one processor. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger(WorkerHost.name);
  private workers: Worker[] = [];
  private ownedClient?: ReturnType<typeof clientOf>;

  constructor(
    @Inject(QUEUE_PROCESSORS) private readonly processors: QueueProcessor[],
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    // Absent where a test builds WorkerModule alone: jobs then log through Nest's logger as it is.
    @Optional() @Inject(ROOT_LOGGER) private readonly rootLogger?: Pino,
  ) {}

  onApplicationBootstrap(): void {
    assertOneProcessorPerQueue(this.processors);
    // One Redis: options, each worker its own connections (as always). A cluster: one Cluster client the workers share
    // (each still duplicates it for its blocking reads), closed after them.
    const connection = queueConnection(redisTarget(this.config));
    this.ownedClient = clientOf(connection);
    this.workers = this.processors.map((p) => {
      const worker = new Worker(p.queue, (job) => inJobScope(this.rootLogger, p.queue, job, () => p.process(job)), {
        connection, prefix: this.config.QUEUE_PREFIX, concurrency: p.concurrency ?? this.config.WORKER_CONCURRENCY,
        // A job whose worker died (SIGKILL, lost machine) is taken up again after about this long.
        stalledInterval: this.config.STALLED_INTERVAL_MS, lockDuration: this.config.STALLED_INTERVAL_MS,
      });
      worker.on('failed', (job, err) => this.log.warn(`${p.queue} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`));
      worker.on('error', (err) => this.log.error(`${p.queue}: ${err.message}`));
      observeWorker(p.queue, worker);
      return worker;
    });
    this.log.log(`Processing queues: ${this.processors.map((p) => p.queue).join(', ')}`);
  }

  private draining = false;

  /** Not ready from the first moment of a shutdown (the health check answers 503 while jobs drain). */
  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  /**
   * Workers take no new jobs and finish their current ones (BullMQ close waits for them) within WORKER_DRAIN_MS; a job
   * still running then is left to BullMQ's stalled-job check, which returns it to its queue for another worker (or
   * this one after a restart): returned, never lost, and — the processors being idempotent — never done twice.
   */
  async onApplicationShutdown(): Promise<void> {
    this.draining = true;
    let timer: NodeJS.Timeout | undefined;
    const drained = Promise.all(this.workers.map((w) => w.close())).then(() => true);
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.config.WORKER_DRAIN_MS)));
    const finished = await Promise.race([drained, late]);
    clearTimeout(timer);
    if (!finished) {
      this.log.warn(`jobs still running after ${this.config.WORKER_DRAIN_MS} ms: stopping; they return to their queues`);
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    if (this.ownedClient) await closeRedisClient(this.ownedClient);
  }

  async isRunning(): Promise<boolean> {
    return !this.draining && this.workers.length > 0 && this.workers.every((w) => w.isRunning());
  }
}
