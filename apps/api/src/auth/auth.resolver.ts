import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import type { Actor } from '../common/actor';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { AuthPayload, LoginInput } from './auth.model';
import { AuthService, SignedIn } from './auth.service';
import { REFRESH_COOKIE, Tokens } from './tokens';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: Tokens,
    private readonly users: UsersService,
  ) {}

  // Nullable on purpose: with a non-null result the first failed alias would stop the rest of a
  // request silently; this way each aliased attempt is answered, and counted towards the lock.
  @Mutation(() => AuthPayload, { nullable: true, description: 'Sign in; sets the httpOnly refresh cookie' })
  async login(@Args('input') input: LoginInput, @GqlCtx() ctx: GqlContext): Promise<AuthPayload> {
    return this.answer(ctx, await this.auth.login(input.email, input.password, clientAddress(ctx.req)));
  }

  @Mutation(() => AuthPayload, { description: 'New access token from the refresh cookie, which rotates' })
  async refreshSession(@GqlCtx() ctx: GqlContext): Promise<AuthPayload> {
    return this.answer(ctx, await this.auth.refresh(ctx.req.cookies[REFRESH_COOKIE], clientAddress(ctx.req)));
  }

  @Mutation(() => Boolean, { description: 'Revoke the refresh session and clear the cookie' })
  async logout(@GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.auth.logout(ctx.req.cookies[REFRESH_COOKIE], clientAddress(ctx.req));
    ctx.reply.clearCookie(REFRESH_COOKIE, this.tokens.cookieOptions());
    return true;
  }

  @Query(() => UserModel, { description: 'The signed-in user and their agency' })
  me(@CurrentActor() actor: Actor): Promise<UserModel> {
    return this.users.get(actor.userId);
  }

  private answer(ctx: GqlContext, signedIn: SignedIn): AuthPayload {
    ctx.reply.setCookie(REFRESH_COOKIE, signedIn.refresh.token, this.tokens.cookieOptions(signedIn.refresh.expiresAt));
    return { accessToken: signedIn.accessToken, expiresAt: signedIn.expiresAt, user: signedIn.user };
  }
}
