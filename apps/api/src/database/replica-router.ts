import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { mayReadFromReplica } from '@caselink/domain';
import { API_CONFIG, ApiConfig } from '../config/config';
import { REDIS } from '../jobs/jobs.module';

/** The hot standby's data source, or null when DATABASE_READ_URL is unset. */
export const REPLICA_DATA_SOURCE = Symbol('REPLICA_DATA_SOURCE');

/** Why a replica-eligible read went where it went (metrics label). */
export type ReadReason = 'replica' | 'off' | 'unhealthy' | 'lagging' | 'own_write' | 'own_write_unknown' | 'replica_failed';

export interface ReadRoute {
  target: 'replica' | 'primary';
  reason: ReadReason;
  dataSource: DataSource;
}

/** "16/B374D848" as a number (PostgreSQL's pg_lsn): 32 high bits / 32 low bits, in hex. */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** Rejects after `ms`: a hung standby or Redis must never hold a read up (the primary answers instead). */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const WRITE_TTL_MS = 60_000; // longer than any lag the replica is used at (REPLICA_MAX_LAG_MS is at most 10 min, in practice seconds)
const CHECK_TIMEOUT_MS = 100;

/**
 * Chooses, per read, between the primary and the streaming replica (issue 14), and measures the replica's lag.
 *
 * Lag: every REPLICA_POLL_MS the primary's WAL position is sampled with the time, then the standby's replayed position
 * read; the lag is the age of the newest sample the standby has replayed: everything committed before that moment is
 * there. (pg_last_xact_replay_timestamp alone would grow on an idle primary with nothing to replay.)
 *
 * Read-your-writes: after a user's mutation commits, the primary's WAL position is kept in Redis for a minute (every
 * api process sees it); that user's replica reads go to the primary until the standby has replayed past it. Another
 * user's reads may lag, within REPLICA_MAX_LAG_MS.
 *
 * Anything uncertain (replica unset, down, promoted, lagging, no recent measure, Redis not answering) sends the read
 * to the primary: never an error for the user.
 */
@Injectable()
export class ReplicaRouter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ReplicaRouter.name);
  private samples: Array<{ lsn: bigint; at: number }> = [];
  private replayed: bigint | null = null;
  private lagMs: number | null = null;
  private measuredAt = 0;
  private inUse = false;
  private outOfUseReason = 'not measured yet';
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;

  readonly reads = new Counter({
    name: 'caselink_db_replica_eligible_reads_total', help: 'Reads the access table lets the replica serve, by where they ran (replica | primary) and why.',
    labelNames: ['target', 'reason'], registers: [],
  });
  readonly lag = new Gauge({
    name: 'caselink_db_replica_lag_seconds', help: 'Age of the newest primary WAL position the streaming replica has replayed (-1: unknown, replica down).', registers: [],
  });
  readonly inUseGauge = new Gauge({ name: 'caselink_db_replica_in_use', help: '1 while the replica serves reads (configured, healthy, within REPLICA_MAX_LAG_MS).', registers: [] });
  readonly checkDuration = new Histogram({
    name: 'caselink_db_replica_check_seconds', help: 'Time to choose primary or replica for one read (includes the read-your-writes look-up in Redis).',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1], registers: [],
  });

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(DataSource) private readonly primary: DataSource,
    @Inject(REPLICA_DATA_SOURCE) private readonly replica: DataSource | null,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {
    this.lag.set(-1);
    this.inUseGauge.set(0);
  }

  get configured(): boolean {
    return this.replica !== null;
  }

  /** The last measure, for tests and the log. */
  get status(): { inUse: boolean; lagMs: number | null; replayed: string | null; reason: string } {
    return { inUse: this.inUse, lagMs: this.lagMs, replayed: this.replayed?.toString(16) ?? null, reason: this.inUse ? 'in use' : this.outOfUseReason };
  }

  onApplicationBootstrap(): void {
    if (!this.replica) return;
    const tick = (): void => {
      if (this.stopped) return;
      this.polling = this.poll().finally(() => { if (!this.stopped) this.timer = setTimeout(tick, this.config.REPLICA_POLL_MS); });
    };
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    if (this.replica?.isInitialized) await this.replica.destroy();
  }

  /** Where a read of `operation` by `userId` runs. Only operations of REPLICA_READS can go to the replica. */
  async route(operation: string, userId: string | null): Promise<ReadRoute> {
    if (!mayReadFromReplica(operation)) return { target: 'primary', reason: 'off', dataSource: this.primary };
    const started = process.hrtime.bigint();
    const route = await this.choose(userId);
    this.checkDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
    this.reads.inc({ target: route.target, reason: route.reason });
    return route;
  }

  /** A read that failed on the replica and ran again on the primary. */
  failedOver(operation: string, error: Error): void {
    this.reads.inc({ target: 'primary', reason: 'replica_failed' });
    this.log.warn(`${operation} failed on the replica, answered from the primary: ${error.message}`);
  }

  /**
   * After `userId`'s mutation committed: the primary's WAL position now, which the standby must have replayed before
   * that user's reads may go there again. A failure is logged; the read-your-writes guard then rests on the lag bound.
   */
  async recordWrite(userId: string | null): Promise<void> {
    if (!this.replica || !userId) return;
    try {
      const [row]: Array<{ lsn: string }> = await within(1_000, this.primary.query('SELECT pg_current_wal_lsn()::text AS lsn'));
      if (!this.redis) throw new Error('no Redis client');
      await within(500, this.redis.set(this.writeKey(userId), row.lsn, 'PX', WRITE_TTL_MS));
    } catch (e) {
      this.log.warn(`could not record the write position of user ${userId}: ${(e as Error).message}`);
    }
  }

  private writeKey(userId: string): string {
    return `${this.config.QUEUE_PREFIX}:read-your-writes:${userId}`;
  }

  private async choose(userId: string | null): Promise<ReadRoute> {
    const primary = (reason: ReadReason): ReadRoute => ({ target: 'primary', reason, dataSource: this.primary });
    if (!this.replica) return primary('off');
    // A measure older than a few polls means the standby (or the primary sample) stopped answering.
    if (!this.inUse || Date.now() - this.measuredAt > Math.max(3 * this.config.REPLICA_POLL_MS, 1_000)) {
      return primary(this.outOfUseReason.startsWith('lag') ? 'lagging' : 'unhealthy');
    }
    if (userId) {
      let own: string | null;
      try {
        if (!this.redis) throw new Error('no Redis client');
        own = await within(CHECK_TIMEOUT_MS, this.redis.get(this.writeKey(userId)));
      } catch {
        return primary('own_write_unknown');
      }
      if (own && (this.replayed === null || this.replayed < lsnValue(own))) return primary('own_write');
    }
    return { target: 'replica', reason: 'replica', dataSource: this.replica };
  }

  private async poll(): Promise<void> {
    const replica = this.replica;
    if (!replica) return;
    const timeout = Math.max(this.config.REPLICA_POLL_MS * 2, 500);
    if (!replica.isInitialized) {
      // Not up when the api started (or never reached): keep trying; the primary answers meanwhile.
      try {
        await within(timeout * 4, replica.initialize());
      } catch (e) {
        return this.outOfUse(`replica not reachable: ${(e as Error).message}`);
      }
    }
    try {
      const [p]: Array<{ lsn: string }> = await within(timeout, this.primary.query('SELECT pg_current_wal_lsn()::text AS lsn'));
      this.samples.push({ lsn: lsnValue(p.lsn), at: Date.now() });
    } catch (e) {
      // The primary's own trouble: the replica cannot be judged, so it is not used (and the primary answers or fails as ever).
      return this.outOfUse(`primary WAL position unknown: ${(e as Error).message}`);
    }
    // Samples as far back as could still matter (a lag beyond the bound only needs to be known as beyond it).
    const horizon = Date.now() - 2 * this.config.REPLICA_MAX_LAG_MS - 1_000;
    while (this.samples.length > 2 && this.samples[1].at < horizon) this.samples.shift();
    let r: { recovery: boolean; replayed: string | null };
    try {
      [r] = await within(timeout, replica.query('SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replayed'));
    } catch (e) {
      this.lagMs = null;
      this.lag.set(-1);
      return this.outOfUse(`replica not answering: ${(e as Error).message}`);
    }
    // A promoted standby is no longer fed by this primary: reading it could miss any later write.
    if (!r.recovery || !r.replayed) return this.outOfUse('replica is not in recovery (promoted?) or has replayed nothing');
    const replayed = lsnValue(r.replayed);
    this.replayed = replayed;
    this.measuredAt = Date.now();
    const newest = [...this.samples].reverse().find((s) => s.lsn <= replayed);
    this.lagMs = newest ? this.measuredAt - newest.at : this.measuredAt - this.samples[0].at;
    this.lag.set(this.lagMs / 1000);
    if (this.lagMs > this.config.REPLICA_MAX_LAG_MS) return this.outOfUse(`lag ${this.lagMs} ms > REPLICA_MAX_LAG_MS ${this.config.REPLICA_MAX_LAG_MS} ms`);
    if (!this.inUse) this.log.log(`replica back in use (lag ${this.lagMs} ms)`);
    this.inUse = true;
    this.inUseGauge.set(1);
  }

  private outOfUse(reason: string): void {
    if (this.inUse || this.outOfUseReason === 'not measured yet') this.log.warn(`replica out of use, reads go to the primary: ${reason}`);
    this.inUse = false;
    this.outOfUseReason = reason;
    this.inUseGauge.set(0);
  }
}
