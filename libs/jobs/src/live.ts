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

/** The topics whose events carry a sequence and can be caught up on after a reconnect. */
export type LiveLogName = 'request-updates' | 'notifications' | 'task-forces';

/**
 * Each topic's recent events, in a capped Redis Stream whose entry id is the event's `sequence`: a subscriber that
 * reconnects (maybe to another api process) asks for what came after the last sequence it saw. Single-key
 * commands only, so a Redis Cluster is fine whatever the queue prefix.
 */
export const liveLogKey = (prefix: string, name: LiveLogName) => `${liveTopic(prefix, name)}:log`;

/** About how many events each topic keeps for catching up (trimmed approximately, as Redis does cheaply). */
export const LIVE_LOG_LENGTH = 10_000;

/** A stream id, "<ms>-<n>": what clients send back as `after`. */
const SEQUENCE = /^(\d{1,20})-(\d{1,20})$/;

export const isLiveSequence = (s: string): boolean => SEQUENCE.test(s);

/** Orders two sequences (negative when a comes first), numerically as Redis orders stream ids. */
export function compareLiveSequence(a: string, b: string): number {
  const [, am, an] = SEQUENCE.exec(a) ?? [];
  const [, bm, bn] = SEQUENCE.exec(b) ?? [];
  if (am === undefined || bm === undefined) throw new Error(`not a live sequence: ${am === undefined ? a : b}`);
  const d = BigInt(am) - BigInt(bm) || BigInt(an) - BigInt(bn);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The few stream commands used here, as both an ioredis Redis and Cluster offer them. */
export interface LiveLogConnection {
  xadd(key: string, ...args: string[]): Promise<string | null>;
  xrange(key: string, start: string, end: string, count: 'COUNT', n: number): Promise<Array<[string, string[]]>>;
}

/** The bus's own publishing connection (mqemitter-redis keeps it as pubConn): the log is written beside the publish. */
export const liveLogConnection = (bus: LiveBus): LiveLogConnection => (bus as unknown as { pubConn: LiveLogConnection }).pubConn;

/** Logs the event (its sequence is the entry id), then publishes it with that sequence under the subscription's field name. */
async function publishLogged(bus: LiveBus, prefix: string, name: LiveLogName, field: string, event: object): Promise<void> {
  const sequence = await liveLogConnection(bus).xadd(liveLogKey(prefix, name), 'MAXLEN', '~', String(LIVE_LOG_LENGTH), '*', 'e', JSON.stringify(event));
  if (!sequence) throw new Error('the live log refused the event');
  // The message wakes every api process's relay (LiveLogRelay), which hands on what the log holds, in the log's order:
  // two publishers may log in one order and publish in the other, and a message may be lost or come twice.
  await new Promise<void>((resolve, reject) =>
    bus.emit({ topic: liveTopic(prefix, name), payload: { [field]: { ...event, sequence } } }, (e?: Error) => (e ? reject(e) : resolve())),
  );
}

/** Publishes under the field name of the subscription, as mercurius hands payloads to resolvers. */
export function publishRequestUpdate(bus: LiveBus, prefix: string, update: RequestUpdateEvent): Promise<void> {
  return publishLogged(bus, prefix, 'request-updates', 'requestUpdates', update);
}

export function publishNotification(bus: LiveBus, prefix: string, n: NotificationEvent): Promise<void> {
  return publishLogged(bus, prefix, 'notifications', 'notificationAdded', n);
}

export function publishTaskForceUpdate(bus: LiveBus, prefix: string, update: TaskForceUpdateEvent): Promise<void> {
  return publishLogged(bus, prefix, 'task-forces', 'taskForceUpdates', update);
}

/** What a reconnecting subscriber missed: the events after its sequence, oldest first, or a gap when the log no longer reaches back that far. */
export type LiveCatchUp<T> = { gap: true } | { gap: false; events: Array<T & { sequence: string }> };

/**
 * Reads the events logged after `after` (a sequence this topic handed out). The entry `after` itself must still be
 * in the log: trimming removes the oldest first, so then nothing after it was lost; when it is gone, some may have
 * been (a gap: the subscriber reloads instead).
 */
export async function readLiveAfter<T>(conn: LiveLogConnection, prefix: string, name: LiveLogName, after: string, page = 500): Promise<LiveCatchUp<T>> {
  const key = liveLogKey(prefix, name);
  const events: Array<T & { sequence: string }> = [];
  let entries = await conn.xrange(key, after, '+', 'COUNT', page + 1);
  if (!entries.length || compareLiveSequence(entries[0][0], after) !== 0) return { gap: true };
  entries = entries.slice(1);
  for (;;) {
    for (const [id, fields] of entries) {
      const json = fields[fields.indexOf('e') + 1];
      events.push({ ...(JSON.parse(json) as T), sequence: id });
    }
    if (entries.length < page) return { gap: false, events };
    entries = await conn.xrange(key, `(${entries[entries.length - 1][0]}`, '+', 'COUNT', page);
  }
}

/** The subscription field each logged topic's payloads travel under (as mercurius hands them to resolvers). */
export const LIVE_LOG_FIELDS: Record<LiveLogName, string> = {
  'request-updates': 'requestUpdates',
  notifications: 'notificationAdded',
  'task-forces': 'taskForceUpdates',
};

/** How often the relay reads the logs without being woken: the longest a live event waits when its pub/sub message was lost. */
export const LIVE_RELAY_POLL_MS = 1000;

/** Where the relay hands events to this process's subscribers (an in-process mqemitter). */
export interface LiveLocalEmitter {
  emit(message: { topic: string; payload: unknown }, cb?: (e?: Error) => void): unknown;
}

/**
 * Hands each logged event to this process's subscribers from the log itself: once, in the log's order, with its
 * sequence. Redis pub/sub delivers at most once: a subscriber connection that drops (its node killed in a failover)
 * silently misses what is published until it has subscribed again, and an open socket would never know. So a
 * pub/sub message only wakes the relay, and the relay also reads every `pollMs`: what pub/sub lost arrives on the
 * next read, and a message delivered twice finds nothing new. When the log was trimmed past the last event
 * handed on (an outage long enough for LIVE_LOG_LENGTH events), `onGap` is told: subscribers may have missed some.
 */
export class LiveLogRelay {
  private readonly state = new Map<LiveLogName, { last: string; handedOn: boolean; reading: boolean; again: boolean }>();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly wake = new Map<LiveLogName, (m: unknown, done: () => void) => void>();

  constructor(
    private readonly bus: LiveBus,
    private readonly prefix: string,
    private readonly local: LiveLocalEmitter,
    private readonly opts: {
      pollMs?: number;
      page?: number;
      onError?: (e: Error) => void;
      onGap?: (name: LiveLogName) => void;
      /** Where the logs are read: a connection of the relay's own, so that its reads never queue before a publish. */
      conn?: LiveLogConnection;
    } = {},
  ) {}

  private get conn(): LiveLogConnection {
    return this.opts.conn ?? liveLogConnection(this.bus);
  }

  /**
   * Starts from a few seconds back on this process's clock (stream ids are Redis's milliseconds): nothing here waits for
   * Redis, so a process starts while Redis is away, and the few events before the start reach no subscriber yet or are
   * ones a reconnecting client skips by its sequence. Then listens for wake-ups and reads every `pollMs`.
   */
  start(): void {
    const from = `${Math.max(0, Date.now() - 5000)}-0`;
    for (const name of Object.keys(LIVE_LOG_FIELDS) as LiveLogName[]) {
      this.state.set(name, { last: from, handedOn: false, reading: false, again: false });
      const wake = (_: unknown, done: () => void) => {
        void this.read(name);
        done();
      };
      this.wake.set(name, wake);
      this.bus.on(liveTopic(this.prefix, name), wake as never);
    }
    const tick = () => {
      if (this.stopped) return;
      void Promise.all([...this.state.keys()].map((name) => this.read(name, true))).finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs ?? LIVE_RELAY_POLL_MS);
      });
    };
    this.timer = setTimeout(tick, this.opts.pollMs ?? LIVE_RELAY_POLL_MS);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const [name, wake] of this.wake) this.bus.removeListener(liveTopic(this.prefix, name), wake as never);
    this.wake.clear();
  }

  /** Reads what came after the last event handed on (one read at a time per log; a wake-up meanwhile reads again after). */
  private async read(name: LiveLogName, checkGap = false): Promise<void> {
    const s = this.state.get(name);
    if (!s || this.stopped) return;
    if (s.reading) {
      s.again = true;
      return;
    }
    s.reading = true;
    const key = liveLogKey(this.prefix, name);
    const page = this.opts.page ?? 500;
    try {
      if (checkGap && s.handedOn) {
        // Trimmed past `last`: the oldest entry kept is newer. (An entry lost in a failover before it reached the replica
        // leaves older ones in place: no gap.)
        const [oldest] = await this.conn.xrange(key, '-', '+', 'COUNT', 1);
        if (oldest && compareLiveSequence(oldest[0], s.last) > 0) this.opts.onGap?.(name);
      }
      do {
        s.again = false;
        const entries = await this.conn.xrange(key, `(${s.last}`, '+', 'COUNT', page);
        for (const [id, fields] of entries) {
          if (this.stopped) return;
          const i = fields.indexOf('e');
          let event: object | undefined;
          try {
            event = i >= 0 ? (JSON.parse(fields[i + 1]) as object) : undefined;
          } catch {
            event = undefined;
          }
          // An entry that is not an event is passed over (reported), never read again and again.
          if (event) this.local.emit({ topic: liveTopic(this.prefix, name), payload: { [LIVE_LOG_FIELDS[name]]: { ...event, sequence: id } } });
          else this.opts.onError?.(new Error(`live log ${name}: entry ${id} is not an event; passed over`));
          s.last = id;
          s.handedOn = true;
        }
        if (entries.length === page) s.again = true;
      } while (s.again && !this.stopped);
    } catch (e) {
      this.opts.onError?.(e as Error);
    } finally {
      s.reading = false;
    }
  }
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
