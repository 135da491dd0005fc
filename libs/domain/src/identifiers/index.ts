// Identifiers (clues) and their canonical forms, which is what links cases across agencies (DESIGN.md "Domain").
import { type BankAccountDetails, type BankCardDetails, normalizeBankAccount, normalizeBankCard } from './cards';
import { clean, type FamilyResult, type Invalid, invalid } from './common';
import { type CryptoWalletDetails, normalizeCryptoWallet } from './crypto-wallets';
import { type IdNumberDetails, maskIdNumber, normalizeIdNumber } from './id-number';
import { type IpDetails, normalizeDomain, normalizeIp, normalizeUrl, type UrlDetails } from './network';
import { type ImeiDetails, maskPhone, normalizeImei, normalizePhone, type PhoneDetails } from './phone';
import { type AppDetails, normalizeApp, normalizeSocialAccount, type SocialAccountDetails } from './social';

export type { BankAccountDetails, BankCardDetails, CryptoWalletDetails, IdNumberDetails, IpDetails, UrlDetails, ImeiDetails, PhoneDetails, AppDetails, SocialAccountDetails };
export type { CryptoChain, CryptoAddressType } from './crypto-wallets';
export { SOCIAL_PLATFORMS } from './social';
export { DEFAULT_PHONE_REGION } from './phone';
export { luhnCheckDigit } from './common';

export enum IdentifierKind {
  BANK_CARD = 'BANK_CARD',
  BANK_ACCOUNT = 'BANK_ACCOUNT',
  PHONE = 'PHONE',
  IMEI = 'IMEI',
  IP = 'IP',
  URL = 'URL',
  DOMAIN = 'DOMAIN',
  CRYPTO_WALLET = 'CRYPTO_WALLET',
  SOCIAL_ACCOUNT = 'SOCIAL_ACCOUNT',
  APP = 'APP',
  ID_NUMBER = 'ID_NUMBER',
}

/** Extra facts found while validating, per kind (DOMAIN has none). */
export interface IdentifierDetailsByKind {
  [IdentifierKind.BANK_CARD]: BankCardDetails;
  [IdentifierKind.BANK_ACCOUNT]: BankAccountDetails;
  [IdentifierKind.PHONE]: PhoneDetails;
  [IdentifierKind.IMEI]: ImeiDetails;
  [IdentifierKind.IP]: IpDetails;
  [IdentifierKind.URL]: UrlDetails;
  [IdentifierKind.DOMAIN]: undefined;
  [IdentifierKind.CRYPTO_WALLET]: CryptoWalletDetails;
  [IdentifierKind.SOCIAL_ACCOUNT]: SocialAccountDetails;
  [IdentifierKind.APP]: AppDetails;
  [IdentifierKind.ID_NUMBER]: IdNumberDetails;
}

export type IdentifierRejection = Invalid;

/**
 * `value` is the input as entered (trimmed, invisible characters removed), kept for display and evidence;
 * `canonical` is the normalised form used for linking. Normalising `canonical` again yields `canonical`.
 */
export type NormalizedIdentifier<K extends IdentifierKind = IdentifierKind> =
  | { ok: true; value: string; canonical: string; details?: IdentifierDetailsByKind[K] }
  | IdentifierRejection;

type Normalizers = { [K in IdentifierKind]: (input: string) => FamilyResult<IdentifierDetailsByKind[K]> };

const NORMALIZERS: Normalizers = {
  [IdentifierKind.BANK_CARD]: normalizeBankCard,
  [IdentifierKind.BANK_ACCOUNT]: normalizeBankAccount,
  [IdentifierKind.PHONE]: normalizePhone,
  [IdentifierKind.IMEI]: normalizeImei,
  [IdentifierKind.IP]: normalizeIp,
  [IdentifierKind.URL]: normalizeUrl,
  [IdentifierKind.DOMAIN]: normalizeDomain,
  [IdentifierKind.CRYPTO_WALLET]: normalizeCryptoWallet,
  [IdentifierKind.SOCIAL_ACCOUNT]: normalizeSocialAccount,
  [IdentifierKind.APP]: normalizeApp,
  [IdentifierKind.ID_NUMBER]: (input) => normalizeIdNumber(input),
};

/** Inputs longer than this are not identifiers; the cap also bounds the work done on hostile input. */
const MAX_INPUT = 256;
const MAX_URL_INPUT = 2048;

export function isIdentifierKind(kind: unknown): kind is IdentifierKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(NORMALIZERS, kind);
}

/** Validates and normalises a clue. Never throws: bad input gives `{ ok: false, reason }` with a user-facing reason. */
export function normalizeIdentifier<K extends IdentifierKind>(kind: K, raw: string): NormalizedIdentifier<K> {
  if (!isIdentifierKind(kind)) return invalid('unknown identifier kind');
  if (typeof raw !== 'string') return invalid('value must be text');
  const value = clean(raw);
  if (value === '') return invalid('value is empty');
  if (value.length > (kind === IdentifierKind.URL ? MAX_URL_INPUT : MAX_INPUT)) return invalid('value is too long');
  let result: FamilyResult<IdentifierDetailsByKind[K]>;
  try {
    result = (NORMALIZERS[kind] as (input: string) => FamilyResult<IdentifierDetailsByKind[K]>)(value);
  } catch {
    // The families are written not to throw; this guards against surprises inside third-party parsers.
    return invalid('value could not be read');
  }
  if (!result.ok) return result;
  return result.details === undefined
    ? { ok: true, value, canonical: result.canonical }
    : { ok: true, value, canonical: result.canonical, details: result.details };
}

/** Kinds that identify a natural person directly and are masked outside need-to-know views (PIPL). */
export function isPersonalData(kind: IdentifierKind): boolean {
  return kind === IdentifierKind.ID_NUMBER || kind === IdentifierKind.PHONE;
}

/** Display form of a canonical value: personal data masked (440106********123X, +86 138****5678), others unchanged. */
export function maskIdentifier(kind: IdentifierKind, canonical: string): string {
  switch (kind) {
    case IdentifierKind.ID_NUMBER:
      return maskIdNumber(canonical);
    case IdentifierKind.PHONE:
      return maskPhone(canonical);
    default:
      return canonical;
  }
}
