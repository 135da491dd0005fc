import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { RiskSignalsService } from './risk-signals.service';
import { SignalUploadsController } from './signal-uploads.controller';

/** Risk signals from banks and telecoms, the alerts the worker's rules raise, leads on cases, thresholds per region. */
@Module({
  imports: [CasesModule, EvidenceModule],
  controllers: [SignalUploadsController],
  providers: [RiskSignalsService, AlertsService, AlertsResolver],
})
export class AlertsModule {}
