import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { redisConnection } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from './config';
import { assertOneProcessorPerQueue, QUEUE_PROCESSORS, QueueProcessor } from './queue-processor';

/** Starts one BullMQ worker per queue once every queue is known to have exactly one processor. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(WorkerHost.name);
  private workers: Worker[] = [];

  constructor(
    @Inject(QUEUE_PROCESSORS) private readonly processors: QueueProcessor[],
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    assertOneProcessorPerQueue(this.processors);
    const connection = redisConnection(this.config.REDIS_URL);
    this.workers = this.processors.map((p) => {
      const worker = new Worker(p.queue, (job) => p.process(job), {
        connection, prefix: this.config.QUEUE_PREFIX, concurrency: p.concurrency ?? this.config.WORKER_CONCURRENCY,
        // A job whose worker died (SIGKILL, lost machine) is taken up again after about this long.
        stalledInterval: this.config.STALLED_INTERVAL_MS, lockDuration: this.config.STALLED_INTERVAL_MS,
      });
      worker.on('failed', (job, err) => this.log.warn(`${p.queue} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`));
      worker.on('error', (err) => this.log.error(`${p.queue}: ${err.message}`));
      return worker;
    });
    this.log.log(`Processing queues: ${this.processors.map((p) => p.queue).join(', ')}`);
  }

  /** Workers finish their current jobs before the process exits (BullMQ close waits for them). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }

  async isRunning(): Promise<boolean> {
    return this.workers.length > 0 && this.workers.every((w) => w.isRunning());
  }
}
