// Chinese resident identity numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
// (odd = male), ISO 7064 MOD 11-2 check character.
import { PROVINCES } from '../agency';
import { accepted, type FamilyResult, fold, invalid, maskMiddle, stripSeparators } from './common';

export interface IdNumberDetails {
  birthDate: string;
  gender: 'M' | 'F';
  /** 2-digit province code, a key of PROVINCES. */
  province: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Residence permits for Hong Kong, Macao and Taiwan residents (since 2018) use the same format with the fixed
 * prefixes 810000, 820000 and 830000. 83 is not a GB/T 2260 province, so it is mapped to Taiwan's code 71.
 */
const PERMIT_PROVINCE: Readonly<Record<string, string>> = { '830000': '71' };

const EARLIEST_BIRTH_YEAR = 1900;

export function normalizeIdNumber(input: string, now: Date = new Date()): FamilyResult<IdNumberDetails> {
  let id = stripSeparators(fold(input)).toUpperCase();
  if (id === '') return invalid('ID number is empty');
  if (/^\d{15}$/.test(id)) {
    // First-generation cards (before 1999): 2-digit year, no check digit; all holders were born in the 1900s.
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + idNumberCheckChar(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('ID number must be 18 characters: 17 digits and a digit or X (or the old 15-digit form)');

  const prefix = id.slice(0, 6);
  const province = PERMIT_PROVINCE[prefix] ?? prefix.slice(0, 2);
  if (PROVINCES[province] === undefined) return invalid('ID number does not start with a valid province code');

  const birth = id.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return invalid('ID number contains an impossible birth date');
  }
  if (year < EARLIEST_BIRTH_YEAR || date.getTime() > now.getTime()) return invalid('ID number birth date is out of range');

  if (idNumberCheckChar(id) !== id[17]) return invalid('ID number fails the check digit (ISO 7064 MOD 11-2)');
  return accepted(id, {
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    province,
  });
}

/** 440106********123X: region and last 4 stay for recognisability, the birth date is hidden. */
export function maskIdNumber(canonical: string): string {
  return canonical.length === 18 ? maskMiddle(canonical, 6, 4) : maskMiddle(canonical, 0, 0);
}
