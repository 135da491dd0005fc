import { z } from 'zod';
import type { ConnectionOptions } from 'bullmq';
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

/** BullMQ connection options from a redis:// URL; workers need maxRetriesPerRequest null. */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export interface RedisNode {
  host: string;
  port: number;
}

/**
 * Where Redis is: one server (`url`), or a Redis Cluster reached through seed nodes, `url` then giving only the
 * user name, password and TLS (rediss:) its nodes share — its host and port are not used.
 */
export interface RedisTarget {
  url: string;
  clusterNodes?: readonly RedisNode[];
}

/** The target a validated api or worker configuration names (REDIS_URL, REDIS_CLUSTER_NODES). */
export function redisTarget(config: { REDIS_URL: string; REDIS_CLUSTER_NODES?: readonly RedisNode[] }): RedisTarget {
  return config.REDIS_CLUSTER_NODES?.length ? { url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES } : { url: config.REDIS_URL };
}

/** "host:port,host:port" → nodes; null when an entry is not host:port (the configurations report it). */
export function parseClusterNodes(list: string): RedisNode[] | null {
  const nodes = list.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const m = /^([^\s:]+|\[[0-9a-fA-F:.]+\]):(\d{1,5})$/.exec(entry);
    const port = m ? Number(m[2]) : 0;
    return m && port >= 1 && port <= 65535 ? { host: m[1].replace(/^\[|\]$/g, ''), port } : null;
  });
  return nodes.length > 0 && nodes.every((n) => n !== null) ? (nodes as RedisNode[]) : null;
}

/**
 * On a cluster every key a BullMQ Lua script touches must hash to one slot: the prefix must carry a hash tag
 * (the first "{…}" of a key, non-empty), e.g. "{caselink}". Rate-limit keys live under the prefix too.
 */
export const hasHashTag = (prefix: string): boolean => /^[^{]*\{[^}]+\}/.test(prefix);

export type RedisClient = Redis | Cluster;

export interface RedisClientOptions {
  /** null (BullMQ workers and anything that should wait out an outage) or a small number (health checks, limits). */
  maxRetriesPerRequest?: number | null;
  lazyConnect?: boolean;
  keyPrefix?: string;
  enableAutoPipelining?: boolean;
  /**
   * Fail a command not answered within this many ms. A frozen Redis (SIGSTOP, a partition) keeps its TCP connection
   * open and answers nothing: without a timeout a sign-in's rate limit or a health check would wait for ever.
   * Never on a BullMQ worker's connection (its blocking reads wait on purpose).
   */
  commandTimeout?: number;
}

/** The command timeout of clients that must fail fast rather than wait out an outage (limits, health, read routing). */
export const FAIL_FAST_COMMAND_MS = 1000;

/**
 * The one way the api and the worker open a Redis client: `Redis` on one server (as `new Redis(url, options)` always
 * did), `Cluster` on a cluster. Cluster clients read from masters only (a replica may lag a queue's state) and retry
 * the seeds every few hundred milliseconds up to 2 s (a failover takes cluster-node-timeout plus an election).
 */
export function createRedisClient(target: RedisTarget, options: RedisClientOptions = {}): RedisClient {
  if (!target.clusterNodes?.length) return new Redis(target.url, options as RedisOptions);
  const u = new URL(target.url);
  const { keyPrefix, lazyConnect, enableAutoPipelining, maxRetriesPerRequest, commandTimeout } = options;
  const clusterOptions: ClusterOptions = {
    redisOptions: {
      username: u.username || undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      tls: u.protocol === 'rediss:' ? {} : undefined,
      // undefined stays ioredis' default (20), as on one server.
      ...(maxRetriesPerRequest !== undefined ? { maxRetriesPerRequest } : {}),
      ...(commandTimeout !== undefined ? { commandTimeout } : {}),
    },
    scaleReads: 'master',
    // A cluster client queues commands while it has no cluster at all, with no limit: right for what waits out an outage
    // (maxRetriesPerRequest null), wrong for a health check or a limit, which must fail at once (as one Redis does).
    enableOfflineQueue: maxRetriesPerRequest === null || maxRetriesPerRequest === undefined,
    clusterRetryStrategy: (times: number) => Math.min(100 * times, 2000),
    // A dead master answers nothing: notice it (and re-read the slots) well within a failover.
    slotsRefreshTimeout: 2000,
    // A frozen master (SIGSTOP, a partition) never closes its connection nor answers MOVED: only re-reading the slots
    // now and then tells its clients that its replica took over.
    slotsRefreshInterval: 2000,
    // A command to a dead master is retried (up to maxRedirections, 16) this often: 16 × 500 ms outlasts a failover.
    retryDelayOnFailover: 500,
    retryDelayOnClusterDown: 300,
    ...(keyPrefix !== undefined ? { keyPrefix } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    ...(enableAutoPipelining !== undefined ? { enableAutoPipelining } : {}),
  };
  return new Cluster(target.clusterNodes.map((n) => ({ host: n.host, port: n.port })), clusterOptions);
}

/**
 * A BullMQ `connection` for `target`. One server: options, each queue and worker opening (and closing) its own
 * connections, as before. A cluster: a Cluster client (BullMQ cannot build one from options), shared by whatever it is
 * given to — BullMQ never closes a client it was given, so its owner closes it (closeRedisClient) after them.
 */
export function queueConnection(target: RedisTarget): ConnectionOptions {
  // The client's errors reach BullMQ's listeners (the queues' 'error'); this one only keeps ioredis from calling them unhandled.
  return target.clusterNodes?.length ? createRedisClient(target, { maxRetriesPerRequest: null }).on('error', () => undefined) : redisConnection(target.url);
}

/** The client inside a BullMQ connection, when it is one (the cluster case), else undefined. */
export function clientOf(connection: ConnectionOptions): RedisClient | undefined {
  return connection instanceof Redis || connection instanceof Cluster ? connection : undefined;
}

/** QUIT, or after `graceMs` (Redis unreachable: QUIT is never answered) drop the connection. */
export async function closeRedisClient(client: RedisClient, graceMs = 2000): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'wait') return client.disconnect();
  let timer: NodeJS.Timeout | undefined;
  const quit = client.quit().then(() => true, () => false);
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  if (!(await Promise.race([quit, late]))) client.disconnect();
  clearTimeout(timer);
}

/** The REDIS_CLUSTER_NODES setting of the api's and the worker's configurations: seed nodes, validated. */
export const redisClusterNodesSetting = z.string().optional().transform((v, ctx) => {
  if (!v?.trim()) return undefined;
  const nodes = parseClusterNodes(v);
  if (!nodes) {
    ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of host:port, e.g. 10.0.0.1:6379,10.0.0.2:6379' });
    return z.NEVER;
  }
  return nodes;
});

/** BullMQ's Lua scripts touch several keys of a queue at once: on a cluster they must hash to one slot. */
export function checkQueuePrefix(c: { REDIS_CLUSTER_NODES?: readonly RedisNode[]; QUEUE_PREFIX: string }, ctx: z.RefinementCtx): void {
  if (c.REDIS_CLUSTER_NODES && !hasHashTag(c.QUEUE_PREFIX)) {
    ctx.addIssue({
      code: 'custom', path: ['QUEUE_PREFIX'],
      message: `must be a Redis hash tag such as {caselink} when REDIS_CLUSTER_NODES is set (got "${c.QUEUE_PREFIX}"): every key of a queue must hash to one cluster slot`,
    });
  }
}
