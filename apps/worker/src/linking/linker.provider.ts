import { DataSource } from 'typeorm';
import { createDataSource } from '@caselink/db';
import type { WorkerConfig } from '../config';
import { Linker } from './linker';

/** The linking role's own pool: a relink holds one connection for its transaction, progress needs another. */
export const LINKER_DATA_SOURCE = Symbol('LINKER_DATA_SOURCE');

export const linkerProviders = (config: WorkerConfig) => [
  {
    provide: LINKER_DATA_SOURCE,
    useFactory: async () => createDataSource({ url: config.LINKER_DATABASE_URL, poolSize: 4, applicationName: 'caselink-linker' }).initialize(),
  },
  {
    provide: Linker,
    inject: [LINKER_DATA_SOURCE],
    useFactory: (ds: DataSource) => new Linker(ds, { hubThreshold: config.LINK_HUB_THRESHOLD }),
  },
];
