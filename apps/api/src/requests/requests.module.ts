import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { BankRoutingModule } from '../bank-routing/bank-routing.module';
import { CooperationService } from './cooperation.service';
import { FreezeBatchesResolver } from './freeze-batches.resolver';
import { FreezeBatchesService } from './freeze-batches.service';
import { FreezesService } from './freezes.service';
import { RequestAttachmentsController } from './request-attachments.controller';
import { RequestsResolver } from './requests.resolver';
import { RequestsService } from './requests.service';
import { TelecomService } from './telecom.service';

/** Requests between agencies: freezes, telecom and cooperation requests, their timelines and deadlines; batches of emergency stops from a trace. */
@Module({
  imports: [CasesModule, EvidenceModule, BankRoutingModule],
  providers: [RequestsService, FreezesService, TelecomService, CooperationService, RequestsResolver, FreezeBatchesService, FreezeBatchesResolver],
  controllers: [RequestAttachmentsController],
})
export class RequestsModule {}
