import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AnalyticsResolver } from './analytics.resolver';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';
import { SuspectsService } from './suspects.service';

/** Suspects and judgments on cases, and the outcome analytics over them (with CSV exports). */
@Module({
  imports: [CasesModule],
  providers: [SuspectsService, OutcomesService, AnalyticsResolver],
  controllers: [OutcomesController],
})
export class AnalyticsModule {}
