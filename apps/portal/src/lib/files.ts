'use client';

import { useLocale } from 'next-intl';
import { useCallback } from 'react';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** File sizes in binary units (1 MB = 1024 KB, as file managers show them), e.g. "2.4 MB", "512 B". */
export function useFormatBytes(): (bytes: number | string | null | undefined) => string {
  const locale = useLocale();
  return useCallback(
    (value) => {
      if (value == null || value === '') return '—';
      let n = Number(value);
      if (!Number.isFinite(n) || n < 0) return String(value);
      let unit = 0;
      while (n >= 1024 && unit < UNITS.length - 1) {
        n /= 1024;
        unit++;
      }
      const digits = unit === 0 || n >= 100 ? 0 : 1;
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n)} ${UNITS[unit]}`;
    },
    [locale],
  );
}

/** "5891b5b522d5…f6be03": enough of a sha256 to compare by eye. */
export const shortHash = (hex: string) => (hex.length > 18 ? `${hex.slice(0, 12)}…${hex.slice(-6)}` : hex);

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a byte-order mark, so that Excel opens Chinese text correctly. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The lower-case extension of a file name, with its dot ("" when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}
