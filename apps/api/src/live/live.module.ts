import { Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { closeLiveBus, createLiveBus, createRedisClient, LiveBus, LiveLogConnection, LiveLogRelay, RedisClient, redisTarget } from '@caselink/jobs';
import mqemitter from 'mqemitter';
import { API_CONFIG, ApiConfig } from '../config/config';
import { LivePublisher } from './live.publisher';
import { LiveSessions } from './live-sessions';
import { LiveResolver } from './live.resolver';

import { LIVE_BUS, LIVE_LOCAL } from './live.tokens';

export { LIVE_BUS, LIVE_LOCAL };

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

  constructor(
    @Inject(LIVE_BUS) bus: LiveBus,
    @Inject(LIVE_LOCAL) local: mqemitter.MQEmitter,
    @Inject(API_CONFIG) config: ApiConfig,
    sessions: LiveSessions,
  ) {
    // Its own connection: the publishing one carries the mutations' XADD and PUBLISH, which must not wait behind reads.
    this.conn = createRedisClient(redisTarget(config), { maxRetriesPerRequest: null });
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

/** GraphQL subscriptions, fanned out through Redis (logged events, pub/sub wake-ups) across api processes and from the worker. */
@Global()
@Module({
  providers: [
    {
      provide: LIVE_BUS,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        const log = new Logger('Live');
        let last = '';
        return createLiveBus(redisTarget(config), (e) => {
          if (e.message !== last) log.warn(`Redis: ${e.message}`);
          last = e.message;
        });
      },
    },
    // What GraphQL subscriptions listen on: in-process, fed by the relay.
    { provide: LIVE_LOCAL, useFactory: () => mqemitter() },
    LivePublisher,
    LiveSessions,
    LiveResolver,
    LiveRelayService,
  ],
  exports: [LIVE_BUS, LIVE_LOCAL, LivePublisher, LiveSessions],
})
export class LiveModule implements OnApplicationShutdown {
  constructor(@Inject(LIVE_BUS) private readonly bus: LiveBus) {}

  async onApplicationShutdown(): Promise<void> {
    await closeLiveBus(this.bus);
  }
}
