import { DataSource } from 'typeorm';
import { assertRoleIsWalled, createDataSource, LINKER_ROLE } from '@caselink/db';
import { LiveBus, publishNotification } from '@caselink/jobs';
import type { WorkerConfig } from '../config';
import { LIVE_BUS } from '../connections';
import { Linker } from './linker';

/** The linking role's own pool: a relink holds one connection for its transaction, progress needs another. */
export const LINKER_DATA_SOURCE = Symbol('LINKER_DATA_SOURCE');

export const linkerProviders = (config: WorkerConfig) => [
  {
    provide: LINKER_DATA_SOURCE,
    useFactory: async () => {
      const ds = await createDataSource({ url: config.LINKER_DATABASE_URL, poolSize: 4, applicationName: 'caselink-linker' }).initialize();
      await assertRoleIsWalled(ds, 'LINKER_DATABASE_URL', LINKER_ROLE).catch(async (e: unknown) => {
        await ds.destroy();
        throw e;
      });
      return ds;
    },
  },
  {
    provide: Linker,
    inject: [LINKER_DATA_SOURCE, LIVE_BUS],
    // New links reach their readers' notification centres live.
    useFactory: (ds: DataSource, bus: LiveBus) => new Linker(ds, {
      hubThreshold: config.LINK_HUB_THRESHOLD,
      publish: (n) => publishNotification(bus, config.QUEUE_PREFIX, { ...n, kind: n.kind ?? 'LINK_HIT', createdAt: new Date(n.createdAt).toISOString() }),
    }),
  },
];
