import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { createRedisClient, FAIL_FAST_COMMAND_MS, JobProducers, type RedisClient, redisTarget } from '@caselink/jobs';
import { API_CONFIG, ApiConfig } from '../config/config';

export const REDIS = Symbol('REDIS');

/** Queue producers and one plain Redis client (health checks). Redis holds queues only, never records. */
@Global()
@Module({
  providers: [
    {
      provide: JobProducers,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        const log = new Logger('Queues');
        let last = '';
        // Log each distinct Redis failure once, not on every reconnect attempt.
        return JobProducers.open(redisTarget(config), config.QUEUE_PREFIX, (e) => {
          if (e.message !== last) log.warn(`Redis: ${e.message}`);
          last = e.message;
        });
      },
    },
    {
      provide: REDIS,
      inject: [API_CONFIG],
      // Failures surface through /health/ready; the 'error' listener only keeps them out of the log.
      useFactory: (config: ApiConfig) => createRedisClient(redisTarget(config), { maxRetriesPerRequest: 1, lazyConnect: true, commandTimeout: FAIL_FAST_COMMAND_MS }).on('error', () => undefined),
    },
  ],
  exports: [JobProducers, REDIS],
})
export class JobsModule implements OnApplicationShutdown {
  constructor(
    private readonly producers: JobProducers,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.producers.close();
    this.redis.disconnect();
  }
}
