import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { AgencySso, SsoAgency } from './sso.model';
import { SetAgencySsoInput } from './sso.dto';
import { SsoSettingsService } from './sso-settings.service';

@Resolver()
export class SsoResolver {
  constructor(private readonly settings: SsoSettingsService) {}

  @Query(() => [SsoAgency], { description: 'Agencies whose users may sign in through their identity provider (public)' })
  ssoAgencies(): Promise<SsoAgency[]> {
    return this.settings.agencies();
  }

  @Query(() => AgencySso, { nullable: true, description: "An agency's single sign-on settings (null: none yet)" })
  agencySso(@CurrentActor() actor: Actor, @Args('agencyId', { type: () => ID, description: 'Agency id' }, uuidArg('agencyId')) agencyId: string): Promise<AgencySso | null> {
    return this.settings.get(actor, agencyId);
  }

  @Mutation(() => AgencySso, { nullable: true, description: "Create or change an agency's single sign-on settings" })
  setAgencySso(@CurrentActor() actor: Actor, @Args('input', { description: 'The settings' }) input: SetAgencySsoInput, @GqlCtx() ctx: GqlContext): Promise<AgencySso> {
    return this.settings.set(actor, input, clientAddress(ctx.req));
  }
}
