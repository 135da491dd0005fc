import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AgencyModel } from '../agencies/agency.model';
import { NationalSignInPolicy, SetAgencySignInPolicyInput } from './sign-in-policy.model';
import { SignInPolicyService } from './sign-in-policy.service';

@Resolver()
export class SignInPolicyResolver {
  constructor(private readonly policy: SignInPolicyService) {}

  @Mutation(() => AgencyModel, { description: "An agency's sign-in policy: second factor required, idle lock, session length" })
  setAgencySignInPolicy(@CurrentActor() actor: Actor, @Args('input', { description: 'The agency and its rules' }) input: SetAgencySignInPolicyInput, @GqlCtx() ctx: GqlContext): Promise<AgencyModel> {
    return this.policy.setAgencyPolicy(actor, input, clientAddress(ctx.req));
  }

  @Query(() => NationalSignInPolicy, { description: "The national centre's sign-in rule for every agency" })
  nationalSignInPolicy(): Promise<NationalSignInPolicy> {
    return this.policy.national();
  }

  @Mutation(() => NationalSignInPolicy, { description: 'National centre: require a second factor of every user of every agency' })
  setNationalSignInPolicy(@CurrentActor() actor: Actor, @Args('secondFactorRequiredForAll', { description: 'Require a second factor of everyone' }) required: boolean, @GqlCtx() ctx: GqlContext): Promise<NationalSignInPolicy> {
    return this.policy.setNational(actor, required, clientAddress(ctx.req));
  }

  @Mutation(() => AgencyModel, { description: 'National centre: switch an agency off (its users can no longer sign in; its data stays)' })
  deactivateAgency(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Agency id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<AgencyModel> {
    return this.policy.setAgencyActive(actor, id, false, clientAddress(ctx.req));
  }

  @Mutation(() => AgencyModel, { description: 'National centre: switch a deactivated agency on again' })
  reactivateAgency(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Agency id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<AgencyModel> {
    return this.policy.setAgencyActive(actor, id, true, clientAddress(ctx.req));
  }
}
