import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { closeLiveBus, createLiveBus, LiveBus, redisTarget } from '@caselink/jobs';
import { API_CONFIG, ApiConfig } from '../config/config';
import { LivePublisher } from './live.publisher';
import { LiveSessions } from './live-sessions';
import { LiveResolver } from './live.resolver';

import { LIVE_BUS } from './live.tokens';

export { LIVE_BUS };

/** GraphQL subscriptions, fanned out through Redis pub/sub across api processes (and from the worker). */
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
    LivePublisher,
    LiveSessions,
    LiveResolver,
  ],
  exports: [LIVE_BUS, LivePublisher, LiveSessions],
})
export class LiveModule implements OnApplicationShutdown {
  constructor(@Inject(LIVE_BUS) private readonly bus: LiveBus) {}

  async onApplicationShutdown(): Promise<void> {
    await closeLiveBus(this.bus);
  }
}
