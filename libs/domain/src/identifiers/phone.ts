// Telecom identifiers: phone numbers (incl. short service numbers) and handset IMEIs.
// The 'max' metadata validates against the full per-region number plans; the default 'min' build only checks
// lengths and would accept numbers that cannot exist, which would then link unrelated cases.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { accepted, type FamilyResult, fold, invalid, luhnCheckDigit, luhnValid, maskMiddle, stripSeparators } from './common';

/** Region used for numbers written without a country code: CaseLink works mostly on mainland-China numbers. */
export const DEFAULT_PHONE_REGION = 'CN';

export interface PhoneDetails {
  /** True for short service numbers (95588, 10086, 110, ...), which are kept as plain digits. */
  serviceNumber: boolean;
  /** Country calling code without '+', absent for service numbers. */
  callingCode?: string;
  /** ISO 3166-1 alpha-2 region, absent for service numbers and non-geographic codes. */
  region?: string;
  nationalNumber: string;
  /** libphonenumber line type (MOBILE, FIXED_LINE, SHARED_COST, ...), when known. */
  lineType?: string;
}

/**
 * Short numbers with no country code (bank hotlines like 95588, carrier numbers like 10086, 110) are real clues,
 * e.g. spoofed caller IDs, and go onto the warning list, but are not E.164-addressable. Rule: a bare run of 3–6
 * digits is a service number and is kept as those digits.
 */
const SERVICE_NUMBER = /^\d{3,6}$/;

export function normalizePhone(input: string): FamilyResult<PhoneDetails> {
  const compact = stripSeparators(fold(input), '().');
  if (compact === '') return invalid('phone number is empty');
  if (SERVICE_NUMBER.test(compact)) return accepted(compact, { serviceNumber: true, nationalNumber: compact });
  if (!/^\+?\d+$/.test(compact)) return invalid('phone number may contain only digits, an optional leading + and separators');

  const parsed = parsePhoneNumberFromString(compact, DEFAULT_PHONE_REGION);
  if (!parsed || !parsed.isValid()) {
    return compact.startsWith('+') || compact.startsWith('00')
      ? invalid('not a valid international phone number')
      : invalid(`not a valid phone number for region ${DEFAULT_PHONE_REGION} (write foreign numbers with + and the country code)`);
  }
  return accepted(parsed.number, {
    serviceNumber: false,
    callingCode: parsed.countryCallingCode,
    region: parsed.country,
    nationalNumber: parsed.nationalNumber,
    lineType: parsed.getType(),
  });
}

/** `+86 138****5678`: country code, first 3 and last 4 of the national number; service numbers are public. */
export function maskPhone(canonical: string): string {
  if (!canonical.startsWith('+')) return canonical;
  const parsed = parsePhoneNumberFromString(canonical);
  if (!parsed) return maskMiddle(canonical, 3, 4);
  const national = parsed.nationalNumber;
  // Short foreign numbers (e.g. 8-digit Cambodian mobiles) would reveal too much with 3 + 4 kept.
  const masked = national.length >= 10 ? maskMiddle(national, 3, 4) : maskMiddle(national, 2, 3);
  return `+${parsed.countryCallingCode} ${masked}`;
}

export interface ImeiDetails {
  /** Type Allocation Code: the first 8 digits, identifying the handset model. */
  tac: string;
  /** Software version number, when the input was an IMEISV. */
  svn?: string;
}

/**
 * IMEI: canonical is the 15-digit IMEI with its Luhn check digit.
 * - 15 digits: the check digit must be right.
 * - 14 digits: TAC + serial without check digit (as some forms print it); the check digit is computed.
 * - 16 digits: an IMEISV (TAC + serial + 2-digit software version, no check digit), as reported by network
 *   equipment; it identifies the same handset, so it is reduced to the 15-digit IMEI to link with other sightings.
 */
export function normalizeImei(input: string): FamilyResult<ImeiDetails> {
  const digits = stripSeparators(fold(input), '/.');
  if (!/^\d+$/.test(digits)) return invalid('IMEI must contain only digits');
  if (/^0+$/.test(digits)) return invalid('IMEI must not be all zeros');
  switch (digits.length) {
    case 14:
      return accepted(digits + luhnCheckDigit(digits), { tac: digits.slice(0, 8) });
    case 15:
      return luhnValid(digits) ? accepted(digits, { tac: digits.slice(0, 8) }) : invalid('IMEI fails the Luhn check');
    case 16: {
      const body = digits.slice(0, 14);
      return accepted(body + luhnCheckDigit(body), { tac: digits.slice(0, 8), svn: digits.slice(14) });
    }
    default:
      return invalid('IMEI must be 15 digits (or 14 without the check digit, or a 16-digit IMEISV)');
  }
}
