import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { mayCall } from '@caselink/domain';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { selects } from '../common/pagination';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AgencyRef } from '../cases/case.model';
import { BulletinCaseMatchModel, BulletinConnection, BulletinModel, CaseBulletinHitModel } from './bulletin.model';
import { BulletinListArgs, PublishBulletinInput } from './bulletins.dto';
import { BulletinsService } from './bulletins.service';

const id = (name: string, description: string) => [name, { type: () => ID, description }, uuidArg(name)] as const;

type BulletinContext = GqlContext & { bulletinMatches?: DataLoader<string, BulletinCaseMatchModel[]> };

@Resolver(() => BulletinModel)
export class BulletinsResolver {
  constructor(private readonly service: BulletinsService) {}

  @Query(() => BulletinConnection, { description: 'Bulletins published by or addressed to your agency, newest first' })
  bulletins(@CurrentActor() actor: Actor, @Args() args: BulletinListArgs, @Info() info: GraphQLResolveInfo): Promise<BulletinConnection> {
    return this.service.list(actor, args, selects(info, 'totalCount'));
  }

  @Query(() => BulletinModel, { description: 'Opens a bulletin (marks it read for you); NOT_FOUND unless published by or addressed to your agency' })
  bulletin(@CurrentActor() actor: Actor, @Args(...id('id', 'Bulletin id')) bulletinId: string): Promise<BulletinModel> {
    return this.service.get(actor, bulletinId, true);
  }

  @Query(() => Int, { description: 'Bulletins you may read and have not opened' })
  bulletinUnreadCount(): Promise<number> {
    return this.service.unreadCount();
  }

  @Query(() => [CaseBulletinHitModel], { description: 'Police: bulletins you may read whose watched identifiers this case holds' })
  caseBulletinHits(@CurrentActor() actor: Actor, @Args(...id('caseId', 'Case id (NOT_FOUND for a case you may not read)')) caseId: string): Promise<CaseBulletinHitModel[]> {
    return this.service.caseHits(actor, caseId);
  }

  @Query(() => [AgencyRef], { description: 'Agencies a bulletin can be addressed to (the public directory)' })
  bulletinRecipientAgencies(): Promise<AgencyRef[]> {
    return this.service.recipientDirectory();
  }

  @Mutation(() => BulletinModel, {
    description: 'Police supervisors and admins: publish to kinds of agency and/or chosen agencies; the worker matches its identifiers against every case',
  })
  publishBulletin(@CurrentActor() actor: Actor, @Args('input', { description: 'The bulletin' }) input: PublishBulletinInput, @GqlCtx() ctx: GqlContext): Promise<BulletinModel> {
    return this.service.publish(actor, input, clientAddress(ctx.req));
  }

  @ResolveField(() => [BulletinCaseMatchModel], { description: 'Cases you may open that hold a watched identifier' })
  matchingCases(@Parent() b: BulletinModel, @CurrentActor() actor: Actor, @Context() ctx: BulletinContext): Promise<BulletinCaseMatchModel[]> {
    // Only those who may read cases (access table) see them; for others no transaction is opened at all.
    if (!mayCall(actor, 'cases')) return Promise.resolve([]);
    // One query for every bulletin of the request (a list page), in one transaction acting as the caller.
    ctx.bulletinMatches ??= new DataLoader(async (ids: readonly string[]) => {
      const byId = await this.service.tx.runAs(actor, () => this.service.matchingCases(actor, ids));
      return ids.map((i) => byId.get(i) ?? []);
    });
    return ctx.bulletinMatches.load(b.id);
  }
}
