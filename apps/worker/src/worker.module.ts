import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertRoleIsWalled, createDataSource } from '@caselink/db';
import { WORKER_CONFIG, WorkerConfig } from './config';
import { ImportsProcessor } from './imports/imports.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { EvidenceLinkProcessor } from './linking/evidence-link.processor';
import { EvidenceOutbox } from './linking/evidence-outbox';
import { EvidenceRelinkProcessor } from './linking/evidence-relink.processor';
import { FundsTraceProcessor } from './linking/funds-trace.processor';
import { DeadlinesProcessor } from './deadlines/deadlines.processor';
import { BulletinsProcessor } from './bulletins/bulletins.processor';
import { LINKER_DATA_SOURCE, linkerProviders } from './linking/linker.provider';
import type { Queue } from 'bullmq';
import type { RedisClient } from '@caselink/jobs';
import { AuditAnchorJob, JobProducers, LiveBus } from '@caselink/jobs';
import { AUDIT_ANCHOR_QUEUE, closeConnections, connectionProviders, LIVE_BUS, PRODUCER_REDIS } from './connections';
import { QUEUE_PROCESSORS } from './queue-processor';
import { WorkerHost } from './worker-host';
import { RiskRulesProcessor } from './risk/risk-rules.processor';
import { riskEngineProvider } from './risk/risk-engine.provider';
import { WorkerMetrics } from './metrics/worker-metrics';
import { RetentionProcessor } from './retention/retention.processor';
import { AuditAnchorProcessor } from './audit/audit-anchor.processor';

/** Every processor class; WorkerHost checks them against the queue list at start-up. */
const PROCESSORS = [NotificationsProcessor, ImportsProcessor, EvidenceLinkProcessor, EvidenceRelinkProcessor, FundsTraceProcessor, DeadlinesProcessor, BulletinsProcessor, RiskRulesProcessor, RetentionProcessor, AuditAnchorProcessor];

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(LINKER_DATA_SOURCE) private readonly linkerDs: DataSource,
    @Inject(PRODUCER_REDIS) private readonly redis: RedisClient,
    @Inject(JobProducers) private readonly producers: JobProducers,
    @Inject(AUDIT_ANCHOR_QUEUE) private readonly auditAnchor: Queue<AuditAnchorJob>,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
  ) {}

  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => {
            const ds = await createDataSource({ url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE, applicationName: 'caselink-worker' }).initialize();
            await assertRoleIsWalled(ds);
            return ds;
          },
        },
        // One producer connection and one live bus for the whole process (closed below).
        ...connectionProviders(config),
        ...linkerProviders(config),
        riskEngineProvider(config),
        EvidenceOutbox,
        ...PROCESSORS,
        { provide: QUEUE_PROCESSORS, inject: PROCESSORS, useFactory: (...processors: unknown[]) => processors },
        WorkerHost,
        WorkerMetrics,
      ],
      exports: [WorkerHost, DataSource, WorkerMetrics],
    };
  }

  /**
   * Runs after every provider's onApplicationShutdown (Nest calls the module's own hook last): WorkerHost has drained
   * the jobs and every sweep has stopped, so nothing uses the pools or the shared Redis connections any more.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
    if (this.linkerDs.isInitialized) await this.linkerDs.destroy();
    await closeConnections({ producers: this.producers, auditAnchor: this.auditAnchor, redis: this.redis, bus: this.bus });
  }
}
