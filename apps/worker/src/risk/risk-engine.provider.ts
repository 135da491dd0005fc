import { DataSource } from 'typeorm';
import { LiveBus, publishNotification } from '@caselink/jobs';
import type { WorkerConfig } from '../config';
import { LIVE_BUS } from '../connections';
import { LINKER_DATA_SOURCE } from '../linking/linker.provider';
import { RiskEngine } from './risk-engine';

/** The rules engine on the linking role's pool; the alerts and leads it raises reach notification centres live. */
export const riskEngineProvider = (config: WorkerConfig) => ({
  provide: RiskEngine,
  inject: [LINKER_DATA_SOURCE, LIVE_BUS],
  useFactory: (ds: DataSource, bus: LiveBus) => new RiskEngine(ds, {
    publish: (n) => publishNotification(bus, config.QUEUE_PREFIX, { ...n, createdAt: new Date(n.createdAt).toISOString() }),
  }),
});
