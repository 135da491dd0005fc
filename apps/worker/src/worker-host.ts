import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { clientOf, closeRedisClient, queueConnection, redisTarget } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from './config';
import { inJobScope, ROOT_LOGGER } from './logging';
import { assertOneProcessorPerQueue, QUEUE_PROCESSORS, QueueProcessor } from './queue-processor';
import { observeWorker } from './metrics/worker-metrics';

/** How often the watchdog looks (on a Redis Cluster): a worker idle for two looks in a row while its queue waits is stuck. */
const WATCHDOG_MS = 5_000;

interface Watched {
  processor: QueueProcessor;
  worker: Worker;
  /** Jobs running now, and the time of the worker's last sign of life (a job taken, finished or the queue drained). */
  running: number;
  lastSeen: number;
  /** The previous look found jobs waiting while this worker did nothing. */
  suspect: boolean;
  /** For the waiting count (made on the first look that needs it). */
  queue?: Queue;
}

/**
 * Starts one BullMQ worker per queue once every queue is known to have exactly one processor. On a Redis Cluster a
 * watchdog replaces a worker that has stopped taking jobs: after a master fails over, a worker's blocking read can stay
 * on the dead node and the worker waits forever while its queue fills (taskforcesh/bullmq#3088; seen here in the
 * cluster fault tests). A fresh worker reads through the new master; the jobs were never lost, only not taken.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger(WorkerHost.name);
  private workers: Worker[] = [];
  private watched: Watched[] = [];
  private watchdog?: NodeJS.Timeout;
  private connection?: ConnectionOptions;
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
    this.connection = connection;
    this.ownedClient = clientOf(connection);
    this.watched = this.processors.map((p) => this.start(p, connection));
    this.workers = this.watched.map((w) => w.worker);
    if (this.config.REDIS_CLUSTER_NODES?.length) this.watchdog = setInterval(() => void this.look().catch((e: Error) => this.log.warn(`watchdog: ${e.message}`)), WATCHDOG_MS);
    this.log.log(`Processing queues: ${this.processors.map((p) => p.queue).join(', ')}`);
  }

  private start(p: QueueProcessor, connection: ConnectionOptions): Watched {
    const worker = new Worker(p.queue, (job) => inJobScope(this.rootLogger, p.queue, job, () => p.process(job)), {
      connection, prefix: this.config.QUEUE_PREFIX, concurrency: p.concurrency ?? this.config.WORKER_CONCURRENCY,
      // A job whose worker died (SIGKILL, lost machine) is taken up again after about this long.
      stalledInterval: this.config.STALLED_INTERVAL_MS, lockDuration: this.config.STALLED_INTERVAL_MS,
    });
    const w: Watched = { processor: p, worker, running: 0, lastSeen: Date.now(), suspect: false };
    worker.on('active', () => {
      w.running++;
      w.lastSeen = Date.now();
    });
    const done = () => {
      w.running = Math.max(0, w.running - 1);
      w.lastSeen = Date.now();
    };
    worker.on('completed', done);
    worker.on('failed', (job, err) => {
      done();
      this.log.warn(`${p.queue} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`);
    });
    worker.on('drained', () => (w.lastSeen = Date.now()));
    worker.on('error', (err) => this.log.error(`${p.queue}: ${err.message}`));
    observeWorker(p.queue, worker);
    return w;
  }

  /** One look of the watchdog: a worker with nothing running, no sign of life since the last look and jobs waiting twice running is replaced. */
  private async look(): Promise<void> {
    if (this.draining || !this.connection) return;
    const now = Date.now();
    for (const w of this.watched) {
      if (w.running > 0 || now - w.lastSeen < WATCHDOG_MS) {
        w.suspect = false;
        continue;
      }
      w.queue ??= new Queue(w.processor.queue, { connection: this.connection, prefix: this.config.QUEUE_PREFIX }).on('error', () => undefined);
      const waiting = await w.queue.getWaitingCount();
      if (waiting === 0 || !w.suspect) {
        w.suspect = waiting > 0;
        continue;
      }
      this.log.warn(`${w.processor.queue}: ${waiting} jobs waiting and the worker took none for ${Math.round((now - w.lastSeen) / 1000)} s: starting a fresh worker`);
      const fresh = this.start(w.processor, this.connection);
      fresh.queue = w.queue;
      this.watched[this.watched.indexOf(w)] = fresh;
      this.workers = this.watched.map((x) => x.worker);
      // The stuck one may never answer a polite close: force it, without waiting on it.
      void w.worker.close(true).catch(() => undefined);
    }
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
    clearInterval(this.watchdog);
    await Promise.all(this.watched.map((w) => w.queue?.close().catch(() => undefined)));
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
