import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditChainVerification, AuditEventArgs, AuditEventConnection } from './audit.model';
import { AuditService } from './audit.service';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: "The caller agency's audit trail, newest first" })
  auditEvents(@Args() args: AuditEventArgs): Promise<AuditEventConnection> {
    return this.audit.list(args);
  }

  @Query(() => AuditChainVerification, { description: "Verify the caller agency's audit hash chain" })
  verifyAuditChain(): Promise<AuditChainVerification> {
    return this.audit.verifyChain();
  }
}
