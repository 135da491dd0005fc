import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Role, SecondFactorKind } from '@caselink/domain';
import { SignInSessionModel } from '../account/account.model';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { UserConnection, UserModel } from './user.model';
import { CreateUserInput, ResetPasswordArgs, UserListArgs } from './users.dto';
import { UsersService } from './users.service';
import { uuidArg } from '../common/uuid-arg.pipe';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly userService: UsersService) {}

  @Query(() => UserConnection, { description: "Users of the caller's agency" })
  users(
    @CurrentActor() actor: Actor,
    @Args() args: UserListArgs,
  ): Promise<UserConnection> {
    return this.userService.list(actor, args, args.includeInactive);
  }

  @Query(() => UserModel, { description: "One user of the caller's agency (NOT_FOUND otherwise)" })
  user(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'User id' }, uuidArg('id')) id: string): Promise<UserModel> {
    return this.userService.visible(actor, id);
  }

  @Mutation(() => UserModel, { description: "Create a user in the caller's agency" })
  createUser(@CurrentActor() actor: Actor, @Args('input', { description: 'The new user' }) input: CreateUserInput, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.create(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => UserModel, { description: 'Switch a user off: they cannot sign in, their sessions end; their records stay' })
  deactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'User id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.setActive(actor, id, false, clientAddress(ctx.req));
  }

  @Mutation(() => UserModel, { description: 'Switch a deactivated user on again' })
  reactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'User id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.setActive(actor, id, true, clientAddress(ctx.req));
  }

  @Mutation(() => UserModel, { description: "Change a user's roles (within what the access table allows the agency's kind)" })
  setUserRoles(
    @CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'User id' }, uuidArg('id')) id: string, @Args('roles', { type: () => [Role], description: 'The roles the user holds from now on (replaces the old ones)' }) roles: Role[], @GqlCtx() ctx: GqlContext,
  ): Promise<UserModel> {
    return this.userService.setRoles(actor, id, roles, clientAddress(ctx.req));
  }

  @Mutation(() => UserModel, { description: "Remove a user's second factors and recovery codes (a lost phone or key) and end their sessions" })
  resetUserSecondFactors(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'User id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.resetSecondFactors(actor, id, clientAddress(ctx.req));
  }

  @Query(() => [SignInSessionModel], { description: "A user's open sessions" })
  userSessions(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'User id' }, uuidArg('id')) id: string): Promise<SignInSessionModel[]> {
    return this.userService.sessionsOf(actor, id);
  }

  @Mutation(() => Int, { description: "End all of a user's sessions" })
  endUserSessions(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'User id' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<number> {
    return this.userService.endSessionsOf(actor, id, clientAddress(ctx.req));
  }

  @ResolveField(() => [SecondFactorKind], { nullable: true, description: 'Second factors enrolled (admins only; null for other roles)' })
  async secondFactors(@Parent() user: UserModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext & { factorKinds?: DataLoader<string, SecondFactorKind[] | null> }): Promise<SecondFactorKind[] | null> {
    // One query for the page (nested fields run after the root's transaction has committed: each batch opens its own).
    ctx.factorKinds ??= new DataLoader(async (ids: readonly string[]) => {
      const kinds = await this.userService.factorKindsInOwnTransaction(actor, ids);
      return ids.map((id) => (kinds ? (kinds.get(id) ?? []) : null));
    });
    return ctx.factorKinds.load(user.id);
  }

  @Mutation(() => UserModel, { description: 'Set a new password, unlock the account and end its sessions' })
  resetUserPassword(@CurrentActor() actor: Actor, @Args() input: ResetPasswordArgs, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.resetPassword(actor, input.id, input.newPassword, clientAddress(ctx.req));
  }
}
