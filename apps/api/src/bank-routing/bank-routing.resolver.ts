import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, clientAddress, GqlContext } from '../common/actor';
import { CurrentActor, GqlCtx } from '../common/decorators';
import { badInput } from '../common/errors';
import { IdentifierModel, TransferModel } from '../cases/case.model';
import { DownstreamTransferModel } from '../requests/request.model';
import { AddBankPrefixesInput, BankPrefixesArgs } from './bank-routing.dto';
import { BankPrefixModel, IssuingBankModel } from './bank-routing.model';
import { accountProblem, BankRoutingService, RoutingContext } from './bank-routing.service';

@Resolver()
export class BankRoutingResolver {
  constructor(private readonly routing: BankRoutingService) {}

  @Query(() => [BankPrefixModel], {
    description: 'Card BINs and account-number prefixes banks registered as theirs (a directory fact every agency reads), by bank and prefix',
  })
  bankPrefixes(@CurrentActor() actor: Actor, @Args() args: BankPrefixesArgs): Promise<BankPrefixModel[]> {
    return this.routing.list(actor, args.bankAgencyId ?? null);
  }

  @Query(() => IssuingBankModel, {
    nullable: true,
    description: 'The bank that issues a card or account number (longest registered prefix); null when no bank registered a matching prefix (choose the bank yourself)',
  })
  issuingBank(@Args('account', { description: 'A card or account number as written (validated like a clue: BAD_USER_INPUT at account otherwise)' }) account: string): Promise<IssuingBankModel | null> {
    if (account.length > 64) throw badInput('account', 'must be at most 64 characters');
    return this.routing.route(account, 'account');
  }

  @Mutation(() => [BankPrefixModel], {
    description: "Bank admins: register card BINs / account-number prefixes your bank issues (audited); answers the bank's entries for the prefixes given",
  })
  addBankPrefixes(@CurrentActor() actor: Actor, @Args('input', { description: 'The prefixes and what they stand for' }) input: AddBankPrefixesInput, @GqlCtx() ctx: GqlContext): Promise<BankPrefixModel[]> {
    return this.routing.add(actor, input, clientAddress(ctx.req));
  }

  @Mutation(() => Boolean, { description: "Bank admins: remove one of your bank's prefixes (audited); NOT_FOUND for a prefix your bank has not registered" })
  removeBankPrefix(@CurrentActor() actor: Actor, @Args('prefix', { description: 'The prefix (digits)' }) prefix: string, @GqlCtx() ctx: GqlContext): Promise<boolean> {
    if (prefix.length > 32) throw badInput('prefix', 'must be at most 32 characters');
    return this.routing.remove(actor, prefix, clientAddress(ctx.req));
  }
}

/** The issuing bank of card and account clues (freeze from the clue list). */
@Resolver(() => IdentifierModel)
export class IdentifierIssuingBankResolver {
  constructor(private readonly routing: BankRoutingService) {}

  @ResolveField(() => IssuingBankModel, {
    nullable: true,
    description: 'BANK_CARD and BANK_ACCOUNT: the bank that issues it (where a freeze goes); null for other kinds and for accounts no bank registered',
  })
  issuingBank(@Parent() i: IdentifierModel, @CurrentActor() actor: Actor, @Context() ctx: GqlContext & RoutingContext): Promise<IssuingBankModel | null> {
    return this.routing.load(actor, ctx, { kind: i.kind, canonical: i.canonical });
  }
}

/** The issuing banks of a payment trail's accounts. */
@Resolver(() => TransferModel)
export class TransferIssuingBankResolver {
  constructor(private readonly routing: BankRoutingService) {}

  @ResolveField(() => IssuingBankModel, {
    nullable: true,
    description: 'The bank that issues the paying account (by registered prefix); null for wallets, payment-app accounts and accounts no bank registered',
  })
  fromIssuingBank(@Parent() t: TransferModel, @CurrentActor() actor: Actor, @Context() ctx: GqlContext & RoutingContext): Promise<IssuingBankModel | null> {
    return this.routing.load(actor, ctx, { kind: t.fromKind, canonical: t.fromCanonical });
  }

  @ResolveField(() => IssuingBankModel, {
    nullable: true,
    description: 'The bank that issues the receiving account — where a freeze of it goes (bank is the bank as the victim named it); null when unknown',
  })
  toIssuingBank(@Parent() t: TransferModel, @CurrentActor() actor: Actor, @Context() ctx: GqlContext & RoutingContext): Promise<IssuingBankModel | null> {
    return this.routing.load(actor, ctx, { kind: t.toKind, canonical: t.toCanonical });
  }
}

/** The issuing bank of the accounts a bank's answer says the money went on to: where the next stop goes. */
@Resolver(() => DownstreamTransferModel)
export class DownstreamIssuingBankResolver {
  constructor(private readonly routing: BankRoutingService) {}

  @ResolveField(() => IssuingBankModel, { nullable: true, description: 'The bank that issues the receiving account (by registered prefix); null when unknown' })
  issuingBank(@Parent() d: DownstreamTransferModel, @CurrentActor() actor: Actor, @Context() ctx: GqlContext & RoutingContext): Promise<IssuingBankModel | null> {
    const account = accountProblem(d.toAccount);
    return typeof account === 'string' ? Promise.resolve(null) : this.routing.load(actor, ctx, account);
  }
}
