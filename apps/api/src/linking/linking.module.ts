import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BankRoutingModule } from '../bank-routing/bank-routing.module';
import { FundTraceService } from './fund-trace.service';
import { LinkingResolver } from './linking.resolver';
import { LinkingService } from './linking.service';
import { RelinkService } from './relink.service';
import { WarninglistService } from './warninglist.service';

/** Case links, series, blind hits, the warninglist and hub reviews, full relinks and fund traces. */
@Module({
  imports: [CasesModule, BankRoutingModule],
  providers: [LinkingService, WarninglistService, RelinkService, FundTraceService, LinkingResolver],
  exports: [LinkingService],
})
export class LinkingModule {}
