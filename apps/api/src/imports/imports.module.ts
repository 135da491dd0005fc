import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { ImportsController } from './imports.controller';
import { ImportsResolver } from './imports.resolver';
import { ImportsService } from './imports.service';

/** Spreadsheet imports of victim statements: upload and template over REST, progress over GraphQL, the work in the worker. */
@Module({
  imports: [CasesModule, EvidenceModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsResolver],
})
export class ImportsModule {}
