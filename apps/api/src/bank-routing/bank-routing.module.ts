import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BankRoutingResolver, DownstreamIssuingBankResolver, IdentifierIssuingBankResolver, TransferIssuingBankResolver } from './bank-routing.resolver';
import { BankRoutingService } from './bank-routing.service';

/** Freezes find their bank: banks' card BINs and account-number prefixes, and routing accounts to their issuing bank. */
@Module({
  imports: [CasesModule],
  providers: [BankRoutingService, BankRoutingResolver, IdentifierIssuingBankResolver, TransferIssuingBankResolver, DownstreamIssuingBankResolver],
  exports: [BankRoutingService],
})
export class BankRoutingModule {}
