import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createRedisClient, LiveBus, LiveLogConnection, LiveLogRelay, RedisClient, redisTarget } from '@caselink/jobs';
import mqemitter from 'mqemitter';
import { API_CONFIG, ApiConfig } from '../config/config';
import { LiveSessions } from './live-sessions';
import { LIVE_BUS, LIVE_LOCAL } from './live.tokens';

/**
 * Feeds this process's subscriptions from the live logs (LiveLogRelay): pub/sub only wakes it, so an event whose
 * message a Redis failover dropped still arrives, once, in order. Started after the bus exists, stopped before it closes.
 */
@Injectable()
export class LiveRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LiveRelay');
  private readonly relay: LiveLogRelay;
  private last = '';

  private readonly conn: RedisClient;

  /** The relay's connection, for reconnecting subscribers' catch-up reads too (off the publishing connection). */
  get logConnection(): LiveLogConnection {
    return this.conn as unknown as LiveLogConnection;
  }

  constructor(
    @Inject(LIVE_BUS) bus: LiveBus,
    @Inject(LIVE_LOCAL) local: mqemitter.MQEmitter,
    @Inject(API_CONFIG) config: ApiConfig,
    sessions: LiveSessions,
  ) {
    // Its own connection: the publishing one carries the mutations' XADD and PUBLISH, which must not wait behind reads.
    // A read that gets no answer (a frozen master) gives up after 5 s: the next tick tries again.
    this.conn = createRedisClient(redisTarget(config), { maxRetriesPerRequest: null, commandTimeout: 5000 });
    this.conn.on('error', () => undefined);
    this.relay = new LiveLogRelay(bus, config.QUEUE_PREFIX, local, {
      conn: this.conn as unknown as LiveLogConnection,
      onError: (e) => {
        if (e.message !== this.last) this.log.warn(`reading the live log: ${e.message}`);
        this.last = e.message;
      },
      onGap: (name) => {
        this.log.warn(`the ${name} log was trimmed past the last event handed on: live connections reconnect and catch up (or reload)`);
        sessions.closeAll();
      },
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  onApplicationShutdown(): void {
    this.relay.stop();
    this.conn.disconnect();
  }
}
