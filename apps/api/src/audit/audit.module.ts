import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { clientOf, closeRedisClient } from '@caselink/jobs';
import { anchoringProviders, AUDIT_ANCHOR_QUEUE } from './anchoring.provider';
import { AuditAnchorsController } from './audit-anchors.controller';
import { AuditAnchorsService } from './audit-anchors.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Module({ controllers: [AuditAnchorsController], providers: [...anchoringProviders, AuditAnchorsService, AuditService, AuditResolver] })
export class AuditModule implements OnApplicationShutdown {
  constructor(@Inject(AUDIT_ANCHOR_QUEUE) private readonly queue: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    const client = clientOf(this.queue.opts.connection);
    if (client) await closeRedisClient(client);
  }
}
