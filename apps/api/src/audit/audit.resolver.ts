import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { AuditAnchorCheckModel, AuditAnchorsArgs, AuditAnchorsModel, AuditChainVerification, AuditEventArgs, AuditEventConnection } from './audit.model';
import { AuditService } from './audit.service';
import { AuditAnchorsService } from './audit-anchors.service';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly anchors: AuditAnchorsService,
  ) {}

  @Query(() => AuditEventConnection, { description: "The caller agency's audit trail, newest first" })
  auditEvents(@Args() args: AuditEventArgs): Promise<AuditEventConnection> {
    return this.audit.list(args);
  }

  @Query(() => AuditChainVerification, { description: "Verify the caller agency's audit hash chain, in the database and against its signed heads" })
  verifyAuditChain(@CurrentActor() actor: Actor): Promise<AuditChainVerification> {
    return this.audit.verifyChain(actor.agencyId);
  }

  @Query(() => AuditAnchorsModel, { description: "The caller agency's newest signed chain heads (kept outside the database) and whether the chain matches them" })
  async auditAnchors(@CurrentActor() actor: Actor, @Args() args: AuditAnchorsArgs): Promise<AuditAnchorsModel> {
    const r = await this.anchors.check(actor.agencyId);
    return {
      configured: this.anchors.configured, check: AuditAnchorCheckModel.from(r.check, r.fingerprint), total: r.total,
      heads: r.heads.slice(0, args.first).map((h) => ({
        sequence: h.sequence, hash: h.head?.hash ?? null, publishedAt: h.head ? new Date(h.head.publishedAt) : null,
        signatureValid: h.signatureValid, matchesChain: h.matchesChain,
      })),
    };
  }

  @Mutation(() => Boolean, { description: "National admin: sign and publish every chain's head now (queued for the worker; the schedule goes on)" })
  publishAuditAnchors(): Promise<boolean> {
    return this.anchors.publishNow();
  }
}
