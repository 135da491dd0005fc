import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseLegalHoldResolver, RetentionResolver } from './retention.resolver';
import { RetentionService } from './retention.service';

/** Retention rules, purge runs and legal holds (issue 13); the purge itself is the worker's `retention` queue. */
@Module({ imports: [CasesModule], providers: [RetentionService, RetentionResolver, CaseLegalHoldResolver] })
export class RetentionModule {}
