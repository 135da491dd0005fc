import { IdentifierKind } from './identifiers';

/**
 * Freezes find their bank (issue 16): each bank registers the card BINs and account-number prefixes it issues, and an
 * account goes to the bank of its longest registered prefix. Pure rules and vocabularies; the table, its policies and
 * the batched match are in libs/db (bank_prefixes, libs/db/src/agencies/bank-prefix-store.ts).
 */

/** A registered prefix: digits only, 4 to 12 of them (a 6-digit BIN, or a longer account range). */
export const BANK_PREFIX_MIN_LENGTH = 4;
export const BANK_PREFIX_MAX_LENGTH = 12;

/** Why a prefix cannot be registered (English · 中文), or null when it can. */
export function bankPrefixProblem(prefix: string): string | null {
  if (!/^\d+$/.test(prefix)) return 'must contain digits only · 只能包含数字';
  if (prefix.length < BANK_PREFIX_MIN_LENGTH || prefix.length > BANK_PREFIX_MAX_LENGTH) {
    return `must be ${BANK_PREFIX_MIN_LENGTH} to ${BANK_PREFIX_MAX_LENGTH} digits long · 长度须为 ${BANK_PREFIX_MIN_LENGTH} 至 ${BANK_PREFIX_MAX_LENGTH} 位`;
  }
  return null;
}

/** The kinds of identifier a bank issues (and a freeze can hold): cards and accounts. */
export const BANK_ACCOUNT_KINDS: readonly IdentifierKind[] = [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT];

/** The digits a canonical card or account number is routed by; null for anything no prefix can match (wallets, IBANs, phones). */
export function routingDigits(kind: IdentifierKind | string, canonical: string): string | null {
  return BANK_ACCOUNT_KINDS.includes(kind as IdentifierKind) && /^\d+$/.test(canonical) ? canonical : null;
}

/** The reason code of a freeze addressed to a bank that does not issue its account (extensions.reason). */
export const WRONG_BANK = 'WRONG_BANK';

/** What became of one last-seen account of a trace in a batch of emergency stops. */
export enum FreezeBatchItemOutcome {
  /** An emergency stop went to the account's issuing bank with this batch. */
  SENT = 'SENT',
  /** A stop of the same account on the case was live already (sent earlier, by this batch's agency or another): nothing sent again. */
  ALREADY_LIVE = 'ALREADY_LIVE',
  /** No registered prefix matches the account: not sent; the investigator chooses the bank and sends it by hand. */
  UNKNOWN_BANK = 'UNKNOWN_BANK',
  /** Not a bank card or account (a wallet, a payment-app account): no bank can stop it. */
  NOT_A_BANK_ACCOUNT = 'NOT_A_BANK_ACCOUNT',
}

/** A client's idempotency key for one batch (a UUID, or any 1–100 printable characters). */
export const FREEZE_BATCH_KEY_MAX_LENGTH = 100;
