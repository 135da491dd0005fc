import { Module } from '@nestjs/common';
import { AgencyDirectory } from './agency-directory';
import { AccessRequestResolver, CaseShareResolver, CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';
import { SharingService } from './sharing.service';
import { StatementsService } from './statements.service';

/** Cases, victim statements, identifiers (clues), sharing and access requests. */
@Module({
  providers: [AgencyDirectory, CasesService, StatementsService, SharingService, CasesResolver, CaseShareResolver, AccessRequestResolver],
  exports: [CasesService, AgencyDirectory],
})
export class CasesModule {}
