import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from '@caselink/db';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from './request-transaction';
import { REPLICA_DATA_SOURCE, ReplicaRouter } from './replica-router';
import { assertRoleIsWalled } from '@caselink/db';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [API_CONFIG],
      useFactory: async (config: ApiConfig) => {
        const ds = createDataSource({
          url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE, applicationName: 'caselink-api', statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS, jit: false,
        });
        await ds.initialize();
        await assertRoleIsWalled(ds);
        return ds;
      },
    },
    {
      // Connected by ReplicaRouter's first poll, not here: a standby that is down must not keep the api from starting.
      provide: REPLICA_DATA_SOURCE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) =>
        config.DATABASE_READ_URL
          ? createDataSource({
            url: config.DATABASE_READ_URL, poolSize: config.DB_POOL_SIZE, applicationName: 'caselink-api-read', connectTimeoutMs: 1_000,
            statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS, jit: false,
          })
          : null,
    },
    ReplicaRouter,
    RequestTransaction,
  ],
  exports: [DataSource, REPLICA_DATA_SOURCE, ReplicaRouter, RequestTransaction],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
