import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import type { Actor } from '../common/actor';
import { UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { AuthPayload, LoginInput, SecondFactorInput, UnlockInput } from './auth.model';
import { AuthService, SignedIn } from './auth.service';
import { REFRESH_COOKIE, Tokens } from './tokens';
import { SignInLimits } from '../rate-limit/sign-in-limits';

const userAgentOf = (ctx: GqlContext): string | null => {
  const ua = ctx.req.headers['user-agent'];
  return typeof ua === 'string' ? ua : null;
};

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: Tokens,
    private readonly users: UsersService,
    private readonly limits: SignInLimits,
  ) {}

  // Nullable on purpose: with a non-null result the first failed alias would stop the rest of a
  // request silently; this way each aliased attempt is answered, and counted towards the lock.
  @Mutation(() => AuthPayload, { nullable: true, description: 'Sign in; sets the httpOnly refresh cookie, or returns the second step that is due' })
  async login(@Args('input', { description: 'E-mail and password' }) input: LoginInput, @GqlCtx() ctx: GqlContext): Promise<AuthPayload> {
    // Per address and per e-mail, shared by every api process (Redis); the lockout in PostgreSQL stays behind it.
    await this.limits.consume('login', ctx.req, input.email);
    const outcome = await this.auth.login(input.email, input.password, clientAddress(ctx.req), userAgentOf(ctx));
    if ('secondFactor' in outcome) {
      return { accessToken: null, expiresAt: null, user: null, sessionExpiresAt: null, idleLockMinutes: null, secondFactor: outcome.secondFactor };
    }
    return this.answer(ctx, outcome.signedIn);
  }

  @Mutation(() => AuthPayload, { nullable: true, description: 'The second step of a log-in: a TOTP code, a recovery code or a passkey; sets the refresh cookie' })
  async verifySecondFactor(@Args('input', { description: 'The challenge and exactly one answer' }) input: SecondFactorInput, @GqlCtx() ctx: GqlContext): Promise<AuthPayload> {
    // Counted per user (a new challenge must not bring a new budget) and per address.
    await this.limits.consume('secondFactor', ctx.req, await this.auth.challengeOwner(input.challenge));
    return this.answer(ctx, await this.auth.verifySecondFactor(input.challenge, input, clientAddress(ctx.req), userAgentOf(ctx)));
  }

  @Mutation(() => String, { description: 'WebAuthn request options (JSON) for the second step with a passkey' })
  async passkeySignInOptions(@Args('challenge', { description: 'The challenge of the password step' }) challenge: string, @GqlCtx() ctx: GqlContext): Promise<string> {
    await this.limits.consume('secondFactor', ctx.req, await this.auth.challengeOwner(challenge));
    return this.auth.passkeySignInOptions(challenge);
  }

  @Mutation(() => AuthPayload, { description: 'New access token from the refresh cookie, which rotates' })
  async refreshSession(@GqlCtx() ctx: GqlContext): Promise<AuthPayload> {
    await this.limits.consume('refresh', ctx.req, await this.auth.sessionOwner(ctx.req.cookies[REFRESH_COOKIE]));
    return this.answer(ctx, await this.auth.refresh(ctx.req.cookies[REFRESH_COOKIE], clientAddress(ctx.req), userAgentOf(ctx)));
  }

  @Mutation(() => Boolean, { description: "The portal's idle lock: refresh is refused until unlockSession" })
  async lockSession(@GqlCtx() ctx: GqlContext): Promise<boolean> {
    await this.limits.consume('unlock', ctx.req, await this.auth.sessionOwner(ctx.req.cookies[REFRESH_COOKIE]));
    await this.auth.lock(ctx.req.cookies[REFRESH_COOKIE], clientAddress(ctx.req));
    return true;
  }

  @Mutation(() => String, { description: 'WebAuthn request options (JSON) for unlocking the session with a passkey' })
  async passkeyUnlockOptions(@GqlCtx() ctx: GqlContext): Promise<string> {
    await this.limits.consume('unlock', ctx.req, await this.auth.sessionOwner(ctx.req.cookies[REFRESH_COOKIE]));
    return this.auth.passkeyUnlockOptions(ctx.req.cookies[REFRESH_COOKIE]);
  }

  @Mutation(() => AuthPayload, { description: 'The lock screen: the password or a passkey again; the page goes on where it was' })
  async unlockSession(@Args('input', { description: 'The password or a passkey answer' }) input: UnlockInput, @GqlCtx() ctx: GqlContext): Promise<AuthPayload> {
    await this.limits.consume('unlock', ctx.req, await this.auth.sessionOwner(ctx.req.cookies[REFRESH_COOKIE]));
    return this.answer(ctx, await this.auth.unlock(ctx.req.cookies[REFRESH_COOKIE], input, clientAddress(ctx.req), userAgentOf(ctx)));
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
    return {
      accessToken: signedIn.accessToken, expiresAt: signedIn.expiresAt, user: signedIn.user,
      sessionExpiresAt: signedIn.sessionExpiresAt, idleLockMinutes: signedIn.idleLockMinutes, secondFactor: null,
    };
  }
}
