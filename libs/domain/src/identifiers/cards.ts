// Bank identifiers: payment card numbers (PAN) and bank account numbers.
import { accepted, type FamilyResult, fold, invalid, luhnValid, stripSeparators } from './common';

export interface BankCardDetails {
  /** First 6 digits (BIN/IIN): identifies the issuing bank, which is who receives the freeze request. */
  bin: string;
}

/**
 * Card numbers (ISO/IEC 7812): 12–19 digits with a Luhn check digit. A few old domestic cards fail Luhn; those can
 * be recorded as BANK_ACCOUNT, which has no checksum requirement.
 */
export function normalizeBankCard(input: string): FamilyResult<BankCardDetails> {
  const digits = stripSeparators(fold(input));
  if (digits === '') return invalid('card number is empty');
  if (!/^\d+$/.test(digits)) return invalid('card number must contain only digits');
  if (digits.length < 12 || digits.length > 19) return invalid('card number must be 12 to 19 digits long');
  if (/^0+$/.test(digits)) return invalid('card number must not be all zeros');
  if (!luhnValid(digits)) return invalid('card number fails the Luhn check');
  return accepted(digits, { bin: digits.slice(0, 6) });
}

export interface BankAccountDetails {
  /** DOMESTIC: digits only, no checksum known; IBAN: validated with ISO 7064 mod 97-10. */
  format: 'DOMESTIC' | 'IBAN';
  /** ISO country code of an IBAN. */
  country?: string;
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/**
 * Account numbers: 6–34 characters. Chinese (and most Asian) domestic accounts are digit strings with bank-specific
 * or no check digits, so only the shape is checked. Anything with letters must be an IBAN (the only alphanumeric
 * format with a published checksum); this keeps typos such as a letter O for zero out of the linking index.
 */
export function normalizeBankAccount(input: string): FamilyResult<BankAccountDetails> {
  const value = stripSeparators(fold(input)).toUpperCase();
  if (value === '') return invalid('account number is empty');
  if (!/^[A-Z0-9]+$/.test(value)) return invalid('account number may contain only letters and digits');
  if (value.length < 6 || value.length > 34) return invalid('account number must be 6 to 34 characters long');
  if (/^\d+$/.test(value)) return accepted(value, { format: 'DOMESTIC' });
  if (!IBAN_SHAPE.test(value)) return invalid('account number must be digits only, or an IBAN');
  if (!ibanValid(value)) return invalid('IBAN fails the mod-97 check');
  return accepted(value, { format: 'IBAN', country: value.slice(0, 2) });
}

/** ISO 13616: move the first 4 characters to the end, letters to 10..35, the number mod 97 must be 1. */
export function ibanValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const n = parseInt(ch, 36); // '0'..'9' -> 0..9, 'A'..'Z' -> 10..35
    rest = n > 9 ? (rest * 100 + n) % 97 : (rest * 10 + n) % 97;
  }
  return rest === 1;
}
