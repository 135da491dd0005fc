import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../common/pagination';
import { DataSource } from 'typeorm';
import { CaseStatus, isPersonalData, maskIdentifier } from '@caselink/domain';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { RequestTransaction } from '../database/request-transaction';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AttachmentModel } from '../evidence/attachment.model';
import { AgencyDirectory } from './agency-directory';
import {
  AccessRequestConnection, AccessRequestModel, AgencyRef, CaseConnection, CaseModel, CaseShareModel, IdentifierModel, VictimPersonalData, VictimStatementModel,
  ViewerAccess,
} from './case.model';
import { loadersOf } from './case-loaders';
import { AccessRequestArgs, AddIdentifierInput, AddStatementInput, CaseListArgs, CreateCaseInput, DecideAccessRequestInput, RequestAccessInput, ShareCaseInput } from './cases.dto';
import { CasesService } from './cases.service';
import { SharingService } from './sharing.service';
import { shownAccount } from './masking';
import { StatementsService } from './statements.service';

@Resolver(() => CaseModel)
export class CasesResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly statementService: StatementsService,
    private readonly sharingService: SharingService,
    private readonly directory: AgencyDirectory,
    private readonly ds: DataSource,
    private readonly tx: RequestTransaction,
  ) {}

  @Query(() => CaseConnection, { description: 'Cases the caller may see (police only), newest first' })
  async cases(@CurrentActor() actor: Actor, @Args() args: CaseListArgs, @Info() info: GraphQLResolveInfo, @Context() ctx: GqlContext): Promise<CaseConnection> {
    const page = await this.caseService.list(actor, args, selects(info, 'totalCount') || selects(info, 'totalCountCapped'));
    await loadersOf(ctx, this.ds, this.directory).prime(this.tx.manager, page.edges.map((e) => e.node), info, ['edges', 'node']);
    return page;
  }

  @Query(() => CaseModel, { description: 'One case the caller may see; NOT_FOUND otherwise' })
  async case(
    @CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Case id' }, uuidArg('id')) id: string, @Info() info: GraphQLResolveInfo,
    @Context() ctx: GqlContext,
  ): Promise<CaseModel> {
    const c = await this.caseService.get(actor, id);
    // The case page in one transaction: what it shows of the case is read here, not after this field has committed.
    await loadersOf(ctx, this.ds, this.directory).prime(this.tx.manager, [c], info);
    return c;
  }

  @Query(() => [AgencyRef], { description: 'Police agencies, for the sharing dialog' })
  policeAgencies(): Promise<AgencyRef[]> {
    return this.directory.police();
  }

  @Query(() => AccessRequestConnection, { description: 'Access requests your agency made, or received for its cases, newest first' })
  accessRequests(@CurrentActor() actor: Actor, @Args() args: AccessRequestArgs): Promise<AccessRequestConnection> {
    return this.sharingService.listRequests(actor, args);
  }

  @Query(() => VictimPersonalData, { description: 'Full ID number and phone (OWNER or CONTRIBUTE only); every call is audited' })
  victimPersonalData(@CurrentActor() actor: Actor, @Args('victimId', { type: () => ID, description: 'Victim id' }, uuidArg('victimId')) victimId: string): Promise<VictimPersonalData> {
    return this.sharingService.personalData(actor, victimId);
  }

  @Mutation(() => CaseModel, { description: "Open a case in the caller's agency (numbered per agency and year)" })
  createCase(@CurrentActor() actor: Actor, @Args('input', { description: 'The case' }) input: CreateCaseInput, @GqlCtx() ctx: GqlContext): Promise<CaseModel> {
    return this.caseService.create(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => CaseModel, { description: 'Move a case you own to another status; CONFLICT naming the current state when the change is not allowed' })
  async changeCaseStatus(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Case id' }, uuidArg('id')) id: string,
    @Args('status', { type: () => CaseStatus, description: 'The new status (one of Case.allowedTransitions)' }) status: CaseStatus,
    @GqlCtx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseModel> {
    const c = await this.caseService.changeStatus(actor, id, status, clientAddress(ctx.req));
    // The case page answers a move with the whole page: read in the move's transaction.
    await loadersOf(ctx, this.ds, this.directory).prime(this.tx.manager, [c], info);
    return c;
  }

  @Mutation(() => VictimStatementModel, { description: 'Add a victim statement with its payment trail (OWNER or CONTRIBUTE); every transfer yields identifiers' })
  addStatement(@CurrentActor() actor: Actor, @Args('input', { description: 'The statement' }) input: AddStatementInput, @GqlCtx() ctx: GqlContext): Promise<VictimStatementModel> {
    return this.statementService.add(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => IdentifierModel, { description: 'Add a clue by hand (OWNER or CONTRIBUTE); the case is re-linked' })
  addIdentifier(@CurrentActor() actor: Actor, @Args('input', { description: 'The clue' }) input: AddIdentifierInput, @GqlCtx() ctx: GqlContext): Promise<IdentifierModel> {
    return this.sharingService.addIdentifier(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => IdentifierModel, { description: 'Correct a clue your agency added by hand; the case is re-linked' })
  correctIdentifier(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Identifier id' }, uuidArg('id')) id: string,
    @Args('value', { description: 'The corrected value (validated like a new clue)' }) value: string,
    @GqlCtx() ctx: GqlContext,
  ): Promise<IdentifierModel> {
    return this.sharingService.correctIdentifier(actor, id, value, clientAddress(ctx.req));
  }

  @Mutation(() => Boolean, { description: 'Remove a clue your agency added by hand; the case is re-linked' })
  removeIdentifier(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Identifier id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    return this.sharingService.removeIdentifier(actor, id, clientAddress(ctx.req));
  }

  @Mutation(() => CaseShareModel, { description: 'Share a case you own with another police agency (READ or CONTRIBUTE, with a handling code)' })
  shareCase(@CurrentActor() actor: Actor, @Args('input', { description: 'The share' }) input: ShareCaseInput, @GqlCtx() ctx: GqlContext): Promise<CaseShareModel> {
    return this.sharingService.share(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => CaseShareModel, { description: 'End a share of a case you own at once' })
  revokeShare(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Share id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<CaseShareModel> {
    return this.sharingService.revoke(actor, id, clientAddress(ctx.req));
  }

  @Mutation(() => AccessRequestModel, { description: 'Ask the owner of a case for access (police)' })
  requestAccess(@CurrentActor() actor: Actor, @Args('input', { description: 'The case and why' }) input: RequestAccessInput, @GqlCtx() ctx: GqlContext): Promise<AccessRequestModel> {
    return this.sharingService.requestAccess(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => AccessRequestModel, { description: 'Approve (sharing the case) or deny an access request for a case you own' })
  decideAccessRequest(@CurrentActor() actor: Actor, @Args('input', { description: 'The decision' }) input: DecideAccessRequestInput, @GqlCtx() ctx: GqlContext): Promise<AccessRequestModel> {
    return this.sharingService.decide(actor, input, clientAddress(ctx.req));
  }

  /** Accounts of payment trails that are personal data (phones) are masked by the same rule as clues. */
  @ResolveField(() => [VictimStatementModel], { description: 'Victim statements with their payment trails, oldest first' })
  async statements(@Parent() c: CaseModel, @Context() ctx: GqlContext): Promise<VictimStatementModel[]> {
    const all = await loadersOf(ctx, this.ds, this.directory).statements.load(c.id);
    if (!c.masked) return all;
    return all.map((st) => ({
      ...st,
      transfers: st.transfers.map((t) => ({
        ...t, fromAccount: shownAccount(t.fromKind, t.fromAccount, t.fromCanonical, true), toAccount: shownAccount(t.toKind, t.toAccount, t.toCanonical, true),
      })),
    }));
  }

  /** Personal-data clues (ID numbers, phones) are masked for READ grantees and analysts, as victims' data is. */
  @ResolveField(() => [IdentifierModel], { description: 'Clues of the case (personal-data ones masked for READ grantees and analysts)' })
  async identifiers(@Parent() c: CaseModel, @Context() ctx: GqlContext): Promise<IdentifierModel[]> {
    const all = await loadersOf(ctx, this.ds, this.directory).identifiers.load(c.id);
    if (!c.masked) return all;
    return all.map((i) => (isPersonalData(i.kind) ? { ...i, rawValue: maskIdentifier(i.kind, i.canonical), canonical: maskIdentifier(i.kind, i.canonical) } : i));
  }

  @ResolveField(() => [AttachmentModel], { description: 'Evidence files of the case' })
  attachments(@Parent() c: CaseModel, @Context() ctx: GqlContext): Promise<AttachmentModel[]> {
    return loadersOf(ctx, this.ds, this.directory).attachments.load(c.id);
  }

  @ResolveField(() => [CaseShareModel], { description: 'Owner only; [] for others' })
  async shares(@Parent() c: CaseModel, @Context() ctx: GqlContext): Promise<CaseShareModel[]> {
    return c.viewerAccess === ViewerAccess.OWNER ? loadersOf(ctx, this.ds, this.directory).shares.load(c.id) : [];
  }
}

@Resolver(() => CaseShareModel)
export class CaseShareResolver {
  constructor(private readonly directory: AgencyDirectory) {}

  @ResolveField(() => AgencyRef, { description: 'The agency it is shared with' })
  agency(@Parent() s: CaseShareModel): Promise<AgencyRef> {
    return this.directory.get(s.agencyId);
  }
}

@Resolver(() => AccessRequestModel)
export class AccessRequestResolver {
  constructor(private readonly directory: AgencyDirectory) {}

  @ResolveField(() => AgencyRef, { description: 'The agency that asks' })
  requestingAgency(@Parent() r: AccessRequestModel): Promise<AgencyRef> {
    return this.directory.get(r.requestingAgencyId);
  }

  @ResolveField(() => AgencyRef, { description: 'The agency that owns the case' })
  ownerAgency(@Parent() r: AccessRequestModel): Promise<AgencyRef> {
    return this.directory.get(r.ownerAgencyId);
  }
}
