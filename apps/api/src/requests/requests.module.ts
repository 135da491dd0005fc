import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { CooperationService } from './cooperation.service';
import { FreezesService } from './freezes.service';
import { RequestAttachmentsController } from './request-attachments.controller';
import { RequestsResolver } from './requests.resolver';
import { RequestsService } from './requests.service';
import { TelecomService } from './telecom.service';

/** Requests between agencies: freezes, telecom and cooperation requests, their timelines and deadlines. */
@Module({
  imports: [CasesModule, EvidenceModule],
  providers: [RequestsService, FreezesService, TelecomService, CooperationService, RequestsResolver],
  controllers: [RequestAttachmentsController],
})
export class RequestsModule {}
