import { Field, ObjectType } from '@nestjs/graphql';
import { AgencyRef } from '../cases/case.model';

@ObjectType('IssuingBank', {
  description:
    'The bank that issues a card or account, found by the longest card BIN / account-number prefix registered by a bank (bankPrefixes). ' +
    'A freeze of the account goes to this bank; null where this type is optional means no bank registered a matching prefix, and the sender chooses the bank',
})
export class IssuingBankModel {
  @Field(() => AgencyRef, { description: 'The bank agency (requestTargets(type: FREEZE) lists the same agencies)' }) bank: AgencyRef;
  @Field({ description: 'The registered prefix the account starts with (the longest one that matched)' }) prefix: string;
}

@ObjectType('BankPrefix', { description: 'A card BIN or account-number prefix a bank registered as its own: freezes of accounts starting with it go to that bank' })
export class BankPrefixModel {
  @Field({ description: '4 to 12 digits; unique across banks' }) prefix: string;
  @Field(() => AgencyRef, { description: 'The bank that issues accounts starting with it' }) bank: AgencyRef;
  @Field(() => String, { nullable: true, description: 'What it stands for (a card product, an account range), as the bank described it' }) label: string | null;
  @Field({ description: 'When it was registered' }) createdAt: Date;
  @Field({ description: "The caller may remove it: an ADMIN of the bank that registered it (removeBankPrefix)" }) removable: boolean;
}
