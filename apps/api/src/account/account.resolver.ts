import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import {
  AccountSecurity, ChangePasswordInput, ConfirmTotpInput, FactorEnrolled, RegisterPasskeyInput, RemoveSecondFactorInput, SignInSessionModel, TotpEnrolment,
} from './account.model';
import { AccountService } from './account.service';

/** The signed-in user's own second factors, recovery codes, password and sessions (access table: SIGNED_IN). */
@Resolver()
export class AccountResolver {
  constructor(private readonly account: AccountService) {}

  @Query(() => AccountSecurity, { description: 'Your second factors, recovery codes left and the rules you sign in under' })
  mySecurity(@CurrentActor() actor: Actor): Promise<AccountSecurity> {
    return this.account.security(actor);
  }

  @Query(() => [SignInSessionModel], { description: 'Your open sessions' })
  mySessions(@CurrentActor() actor: Actor): Promise<SignInSessionModel[]> {
    return this.account.sessions(actor);
  }

  @Mutation(() => TotpEnrolment, { description: 'A new authenticator-app secret and its QR code; confirm with a code' })
  startTotpEnrolment(@CurrentActor() actor: Actor): Promise<TotpEnrolment> {
    return this.account.startTotp(actor);
  }

  @Mutation(() => FactorEnrolled, { description: 'Confirm an authenticator app with its code; the first factor also brings recovery codes' })
  confirmTotpEnrolment(@CurrentActor() actor: Actor, @Args('input', { description: 'The code the app shows and a name for it' }) input: ConfirmTotpInput, @GqlCtx() ctx: GqlContext): Promise<FactorEnrolled> {
    return this.account.confirmTotp(actor, input.code, input.label, clientAddress(ctx.req));
  }

  @Mutation(() => String, { description: 'WebAuthn creation options (JSON) for a new passkey' })
  passkeyRegistrationOptions(@CurrentActor() actor: Actor): Promise<string> {
    return this.account.passkeyOptions(actor);
  }

  @Mutation(() => FactorEnrolled, { description: "Register a passkey from the browser's answer to passkeyRegistrationOptions" })
  registerPasskey(@CurrentActor() actor: Actor, @Args('input', { description: "The browser's answer and a name for it" }) input: RegisterPasskeyInput, @GqlCtx() ctx: GqlContext): Promise<FactorEnrolled> {
    return this.account.registerPasskey(actor, input.response, input.label, clientAddress(ctx.req));
  }

  @Mutation(() => Boolean, { description: 'Remove one of your second factors (with your password)' })
  removeSecondFactor(@CurrentActor() actor: Actor, @Args('input', { description: 'The factor and your password' }) input: RemoveSecondFactorInput, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    return this.account.removeFactor(actor, input.id, input.password, clientAddress(ctx.req));
  }

  @Mutation(() => [String], { description: 'New recovery codes, shown once; the old ones stop working' })
  regenerateRecoveryCodes(@CurrentActor() actor: Actor, @Args('password', { description: 'Your password' }) password: string, @GqlCtx() ctx: GqlContext): Promise<string[]> {
    return this.account.regenerateRecoveryCodes(actor, password, clientAddress(ctx.req));
  }

  @Mutation(() => Boolean, { description: 'Change your password with the current one; your other sessions end' })
  changePassword(@CurrentActor() actor: Actor, @Args('input', { description: 'The current password and the new one' }) input: ChangePasswordInput, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    return this.account.changePassword(actor, input.currentPassword, input.newPassword, clientAddress(ctx.req));
  }

  @Mutation(() => Boolean, { description: 'End one of your sessions' })
  endSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Session id (mySessions)' }, uuidArg('id')) id: string, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    return this.account.endSession(actor, id, clientAddress(ctx.req));
  }

  @Mutation(() => Int, { description: 'End all your sessions but this one' })
  endOtherSessions(@CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<number> {
    return this.account.endOtherSessions(actor, clientAddress(ctx.req));
  }
}
