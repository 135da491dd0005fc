import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
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

  @Query(() => UserModel)
  user(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, uuidArg('id')) id: string): Promise<UserModel> {
    return this.userService.visible(actor, id);
  }

  @Mutation(() => UserModel, { description: "Create a user in the caller's agency" })
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.create(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => UserModel)
  deactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.setActive(actor, id, false, clientAddress(ctx.req));
  }

  @Mutation(() => UserModel)
  reactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.setActive(actor, id, true, clientAddress(ctx.req));
  }

  @Mutation(() => UserModel, { description: 'Set a new password, unlock the account and end its sessions' })
  resetUserPassword(@CurrentActor() actor: Actor, @Args() input: ResetPasswordArgs, @GqlCtx() ctx: GqlContext): Promise<UserModel> {
    return this.userService.resetPassword(actor, input.id, input.newPassword, clientAddress(ctx.req));
  }
}
