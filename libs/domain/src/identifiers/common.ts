// Shared result shapes and small checksum helpers for the identifier families.

/** A rejected input, with a short sentence the user can act on. */
export interface Invalid {
  ok: false;
  reason: string;
}

/** What a family normaliser returns; the dispatcher adds `value` (the cleaned raw input). */
export type FamilyResult<D> = { ok: true; canonical: string; details: D } | Invalid;

export const invalid = (reason: string): Invalid => ({ ok: false, reason });

export const accepted = <D>(canonical: string, details: D): FamilyResult<D> => ({ ok: true, canonical, details });

/**
 * Trims and drops zero-width characters and BOMs, which copy-paste from chat apps and PDFs often carries.
 * `String.prototype.trim` already covers NBSP and the ideographic space U+3000.
 */
export function clean(raw: string): string {
  return raw.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
}

/**
 * NFKC folds full-width forms typed with Chinese IMEs (１３８, ＡＢＣ, －) to ASCII, so they link with
 * half-width entries of the same value.
 */
export function fold(s: string): string {
  return s.normalize('NFKC');
}

/** Removes spaces and dash-like separators (ASCII hyphen and the Unicode dashes) from a number. */
export function stripSeparators(s: string, extra = ''): string {
  const chars = `\\s\\-\\u2010-\\u2015\\u2212${extra.replace(/[\\\]^-]/g, '\\$&')}`;
  return s.replace(new RegExp(`[${chars}]`, 'g'), '');
}

/** Luhn (mod 10) check over a string of digits, check digit last. */
export function luhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/** The Luhn check digit to append to `payload` (digits only). */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  // Walking from the right, the digit next to the (future) check digit is doubled first.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Keeps `keepStart` leading and `keepEnd` trailing characters and stars out the rest. */
export function maskMiddle(s: string, keepStart: number, keepEnd: number, stars?: number): string {
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  const hidden = stars ?? s.length - keepStart - keepEnd;
  return s.slice(0, keepStart) + '*'.repeat(hidden) + s.slice(s.length - keepEnd);
}
