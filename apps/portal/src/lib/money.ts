'use client';

import { useLocale } from 'next-intl';
import { useCallback } from 'react';

/**
 * Money stays a decimal string end to end. Intl.NumberFormat formats such strings exactly (no float on the way),
 * and sums are made in integer fen with BigInt.
 */
export function useFormatMoney(): (amount: string | null | undefined) => string {
  const locale = useLocale();
  return useCallback(
    (amount) => {
      if (amount == null || amount === '') return '—';
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
      return format.format(amount as `${number}`);
    },
    [locale],
  );
}

const AMOUNT = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

/** Integer fen of a well-formed amount, or null. */
export function toFen(amount: string): bigint | null {
  const m = AMOUNT.exec(amount.trim());
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

export function fenToDecimal(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${rest}`;
}

/** Sum of the well-formed amounts; the rest are skipped (they carry their own field error). */
export function sumAmounts(amounts: readonly string[]): string {
  return fenToDecimal(amounts.reduce((total, a) => total + (toFen(a) ?? 0n), 0n));
}
