import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { PageArgs } from '../common/pagination';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AgencyConnection, AgencyModel } from './agency.model';
import { AgenciesService } from './agencies.service';
import { CreateAgencyInput } from './agencies.dto';

@Resolver(() => AgencyModel)
export class AgenciesResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @Query(() => AgencyConnection, { description: "The caller's agency; every agency for the national admin" })
  agencies(@Args() page: PageArgs): Promise<AgencyConnection> {
    return this.agencyService.list(page);
  }

  @Query(() => AgencyModel, { description: "One agency: the caller's own, any for the national admin (NOT_FOUND otherwise)" })
  agency(@Args('id', { type: () => ID, description: 'Agency id' }, uuidArg('id')) id: string): Promise<AgencyModel> {
    return this.agencyService.get(id);
  }

  @Mutation(() => AgencyModel, { description: 'National admin: create an agency with its first admin' })
  createAgency(@CurrentActor() actor: Actor, @Args('input', { description: 'The agency and its first admin' }) input: CreateAgencyInput, @GqlCtx() ctx: GqlContext): Promise<AgencyModel> {
    return this.agencyService.create(actor, input, clientAddress(ctx.req));
  }
}
