import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from '@caselink/db';
import { WORKER_CONFIG, WorkerConfig } from './config';
import { ImportsProcessor } from './imports/imports.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { QUEUE_PROCESSORS } from './queue-processor';
import { WorkerHost } from './worker-host';

/** Every processor class; WorkerHost checks them against the queue list at start-up. */
const PROCESSORS = [NotificationsProcessor, ImportsProcessor];

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => {
            const ds = createDataSource({ url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE, applicationName: 'caselink-worker' });
            return ds.initialize();
          },
        },
        ...PROCESSORS,
        { provide: QUEUE_PROCESSORS, inject: PROCESSORS, useFactory: (...processors: unknown[]) => processors },
        WorkerHost,
      ],
      exports: [WorkerHost, DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
