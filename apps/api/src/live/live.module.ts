import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { closeLiveBus, createLiveBus, LiveBus, redisTarget } from '@caselink/jobs';
import mqemitter from 'mqemitter';
import { API_CONFIG, ApiConfig } from '../config/config';
import { LivePublisher } from './live.publisher';
import { LiveSessions } from './live-sessions';
import { LiveRelayService } from './live-relay.service';
import { LiveResolver } from './live.resolver';

import { LIVE_BUS, LIVE_LOCAL } from './live.tokens';

export { LIVE_BUS, LIVE_LOCAL, LiveRelayService };

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
