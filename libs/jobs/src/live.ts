import type { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import mqemitterRedis = require('mqemitter-redis');
import { createRedisClient, type RedisTarget } from './connection';

/**
 * Live events (GraphQL subscriptions) fanned out through Redis pub/sub, so an event raised by any api
 * process or by the worker reaches subscribers on every api process. Payloads carry ids and states only:
 * clients fetch details over HTTP, under their own row-level security.
 */
export type LiveBus = mqemitterRedis.MQEmitterRedis;

export function createLiveBus(redis: string | RedisTarget, onError: (e: Error) => void = () => undefined): LiveBus {
  const target = typeof redis === 'string' ? { url: redis } : redis;
  // On a cluster, PUBLISH reaches subscribers on every node: one Cluster client subscribes (on a node it picks, again on
  // another if that one fails), one publishes. Channels are not keys, so `${prefix}:live:…` needs no hash tag.
  const bus = target.clusterNodes?.length
    ? mqemitterRedis({
      subConn: createRedisClient(target, { maxRetriesPerRequest: null }) as unknown as Redis,
      pubConn: createRedisClient(target, { maxRetriesPerRequest: null, enableAutoPipelining: true }) as unknown as Redis,
    })
    : mqemitterRedis({ connectionString: target.url, maxRetriesPerRequest: null });
  // Connection trouble surfaces here; the connections reconnect by themselves.
  (bus as unknown as { state: EventEmitter }).state.on('error', onError);
  return bus;
}

/** Topic names carry the queue prefix, so test runs and deployments sharing a Redis never cross. */
export const liveTopic = (prefix: string, name: 'request-updates' | 'notifications' | 'task-forces' | 'sessions-ended') => `${prefix}:live:${name}`;

/** Sessions that ended (a user or agency switched off, a session ended by its user or an admin): their live connections close. */
export interface SessionsEndedEvent {
  /** Every connection of these users... */
  userIds: string[];
  /** ...or, when given, only those opened with these sign-in sessions (refresh families). */
  sessionIds?: string[];
  /** Every connection of the agency's users. */
  agencyId?: string;
}

export function publishSessionsEnded(bus: LiveBus, prefix: string, ended: SessionsEndedEvent): Promise<void> {
  return new Promise((resolve, reject) =>
    bus.emit({ topic: liveTopic(prefix, 'sessions-ended'), payload: ended }, (e?: Error) => (e ? reject(e) : resolve())),
  );
}

export interface RequestUpdateEvent {
  requestId: string;
  reference: string;
  type: string;
  state: string;
  eventKind: string;
  overdue: boolean;
  /** Ever sent: the addressed agency hears nothing of a draft, even one withdrawn unsent. */
  sent: boolean;
  fromAgencyId: string;
  toAgencyId: string;
  at: string;
}

export interface NotificationEvent {
  id: string;
  userId: string;
  agencyId: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** A task force changed (task dispatched or moved, task overdue, membership, cases): its agencies re-read it. */
export interface TaskForceUpdateEvent {
  taskForceId: string;
  /** The lead and the member agencies at the time of the change (a removed agency hears of its removal). */
  agencyIds: string[];
  kind: 'TASK' | 'TASK_OVERDUE' | 'MEMBERS' | 'CASES';
  taskId: string | null;
  at: string;
}

/** Publishes under the field name of the subscription, as mercurius hands payloads to resolvers. */
export function publishRequestUpdate(bus: LiveBus, prefix: string, update: RequestUpdateEvent): Promise<void> {
  return new Promise((resolve, reject) =>
    bus.emit({ topic: liveTopic(prefix, 'request-updates'), payload: { requestUpdates: update } }, (e?: Error) => (e ? reject(e) : resolve())),
  );
}

export function publishNotification(bus: LiveBus, prefix: string, n: NotificationEvent): Promise<void> {
  return new Promise((resolve, reject) =>
    bus.emit({ topic: liveTopic(prefix, 'notifications'), payload: { notificationAdded: n } }, (e?: Error) => (e ? reject(e) : resolve())),
  );
}

export function publishTaskForceUpdate(bus: LiveBus, prefix: string, update: TaskForceUpdateEvent): Promise<void> {
  return new Promise((resolve, reject) =>
    bus.emit({ topic: liveTopic(prefix, 'task-forces'), payload: { taskForceUpdates: update } }, (e?: Error) => (e ? reject(e) : resolve())),
  );
}

/**
 * Closes the bus; with Redis unreachable a polite close never completes, so after a moment its
 * connections are dropped (a process stopping must not hang on a dead Redis).
 */
export async function closeLiveBus(bus: LiveBus, graceMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = new Promise<boolean>((resolve) => bus.close(() => resolve(true)));
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  if (!(await Promise.race([closed, late]))) {
    const conns = bus as unknown as { subConn?: { disconnect(): void }; pubConn?: { disconnect(): void } };
    conns.subConn?.disconnect();
    conns.pubConn?.disconnect();
  }
  clearTimeout(timer);
}
