import { Logger, type Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  type AuditAnchorJob, auditAnchorQueue, closeLiveBus, closeRedisClient, createLiveBus, createRedisClient, JobProducers, type LiveBus, type RedisClient, redisTarget,
} from '@caselink/jobs';
import type { WorkerConfig } from './config';

/**
 * The worker's Redis connections besides its BullMQ workers (WorkerHost has those): one connection that every queue
 * the worker writes to or reads counts from shares (the producers, the job schedulers, the metrics' counts), and one
 * live bus (pub/sub for GraphQL subscriptions). Provided once by WorkerModule, closed once by it after every
 * processor has stopped (its onApplicationShutdown runs after its providers'), so no sweep or job loses them mid-way.
 */
export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');
/** The live bus: notifications, request updates and task-force updates the worker raises reach every api process. */
export const LIVE_BUS = Symbol('LIVE_BUS');
/** The audit-anchor queue (its job scheduler, on the shared connection). */
export const AUDIT_ANCHOR_QUEUE = Symbol('AUDIT_ANCHOR_QUEUE');

const log = new Logger('Connections');

export const connectionProviders = (config: WorkerConfig): Provider[] => [
  {
    provide: PRODUCER_REDIS,
    // maxRetriesPerRequest null (redisConnection's): with Redis down, commands wait for it to come back, as before.
    // On a cluster, a Cluster client (BullMQ's queues share it as they share this one).
    // Its trouble is logged once here; the queues on it hear of it too, and say nothing more.
    useFactory: () => createRedisClient(redisTarget(config), { maxRetriesPerRequest: null })
      .on('error', (e: Error) => log.warn(`queue: ${e.message}`)),
  },
  {
    provide: JobProducers,
    inject: [PRODUCER_REDIS],
    useFactory: (redis: RedisClient) => new JobProducers(redis, config.QUEUE_PREFIX),
  },
  {
    provide: AUDIT_ANCHOR_QUEUE,
    inject: [PRODUCER_REDIS],
    useFactory: (redis: RedisClient) => auditAnchorQueue(redis, config.QUEUE_PREFIX).on('error', () => undefined),
  },
  {
    provide: LIVE_BUS,
    useFactory: () => createLiveBus(redisTarget(config), (e) => log.warn(`live events: ${e.message}`)),
  },
];

/**
 * Closes the shared connections: the queues first (on a shared connection they only let go of it), then the connection
 * itself. With Redis unreachable a polite QUIT may never be answered: after a moment the connection is dropped.
 */
export async function closeConnections(c: { producers: JobProducers; auditAnchor: Queue<AuditAnchorJob>; redis: RedisClient; bus: LiveBus }, graceMs = 2000): Promise<void> {
  await Promise.all([c.producers.close(), c.auditAnchor.close()]).catch((e: Error) => log.warn(`closing queues: ${e.message}`));
  await closeRedisClient(c.redis, graceMs);
  await closeLiveBus(c.bus);
}
