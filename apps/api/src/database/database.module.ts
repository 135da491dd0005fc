import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from '@caselink/db';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from './request-transaction';
import { assertRoleIsWalled } from '@caselink/db';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [API_CONFIG],
      useFactory: async (config: ApiConfig) => {
        const ds = createDataSource({ url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE, applicationName: 'caselink-api' });
        await ds.initialize();
        await assertRoleIsWalled(ds);
        return ds;
      },
    },
    RequestTransaction,
  ],
  exports: [DataSource, RequestTransaction],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
