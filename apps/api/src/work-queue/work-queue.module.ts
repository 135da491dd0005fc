import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { WorkQueueResolver } from './work-queue.resolver';
import { WorkQueueService } from './work-queue.service';

/** The work queue: what is waiting for each role, and a live signal when it may have changed. */
@Module({ imports: [CasesModule], providers: [WorkQueueService, WorkQueueResolver] })
export class WorkQueueModule {}
