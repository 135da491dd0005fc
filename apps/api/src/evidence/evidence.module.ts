import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { evidenceStoreProvider } from './evidence-store.provider';

/** Evidence files on cases and statements, behind the EvidenceStore interface. */
@Module({
  imports: [CasesModule],
  controllers: [AttachmentsController],
  providers: [evidenceStoreProvider, AttachmentsService],
  exports: [evidenceStoreProvider],
})
export class EvidenceModule {}
