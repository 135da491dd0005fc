'use client';

import { NATIONAL_REGION_CODE, PROVINCES, provinceOf } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';

/** Date and time in the browser's own time zone (times are stored in UTC). */
export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const locale = useLocale();
  return useCallback(
    (iso) => {
      if (!iso) return '—';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    },
    [locale],
  );
}

/** Province name for domestic regions ("Nationwide" for the national code), country name for foreign partners. */
export function useRegionName(): (region: string) => string {
  const locale = useLocale();
  const t = useTranslations('region');
  return useCallback(
    (region) => {
      if (region === NATIONAL_REGION_CODE) return t('national');
      const province = provinceOf(region);
      if (province) return PROVINCES[province][locale === 'en' ? 'en' : 'zh'];
      try {
        return new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region;
      } catch {
        return region;
      }
    },
    [locale, t],
  );
}

/** The region name, plus the code for city-level regions so two branches in one province stay distinguishable. */
export function useRegionLabel(): (region: string) => string {
  const regionName = useRegionName();
  return useCallback(
    (region) => {
      const name = regionName(region);
      return provinceOf(region) && !region.endsWith('0000') ? `${name} · ${region}` : name;
    },
    [regionName],
  );
}

export function useAgencyName(): (agency: { name: string; nameEn: string }) => string {
  const locale = useLocale();
  return useCallback((agency) => (locale === 'en' ? agency.nameEn : agency.name), [locale]);
}

/** Province name from a 2-digit GB/T 2260 prefix (cases and victims carry those). */
export function useProvinceName(): (code: string | null | undefined) => string {
  const locale = useLocale();
  return useCallback(
    (code) => {
      if (!code) return '—';
      const province = PROVINCES[code.slice(0, 2)];
      return province ? province[locale === 'en' ? 'en' : 'zh'] : code;
    },
    [locale],
  );
}

/** A calendar date (YYYY-MM-DD) as written in the user's language; no time zone shift. */
export function useFormatDate(): (date: string | null | undefined) => string {
  const locale = useLocale();
  return useCallback(
    (date) => {
      if (!date) return '—';
      const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime())) return date;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
    },
    [locale],
  );
}

/** Provinces sorted by code, for selects. */
export function useProvinceOptions(): { code: string; name: string }[] {
  const locale = useLocale();
  return Object.entries(PROVINCES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, names]) => ({ code, name: locale === 'en' ? names.en : names.zh }));
}

/** Short lists (provinces, fraud types): "、" in Chinese, ", " in English. */
export function useJoinList(): (items: readonly string[]) => string {
  const locale = useLocale();
  return useCallback((items) => items.join(locale === 'en' ? ', ' : '、'), [locale]);
}

/**
 * The api's reasons for some refusals (retention rules, legal holds) come in both languages, "english · 中文" (after the field, which
 * fieldErrorsOf strips): the page shows the half in its own language, or the whole when there is no such split.
 */
export function useReasonInLanguage(): (reason: string) => string {
  const locale = useLocale();
  return useCallback(
    (reason: string) => {
      const parts = reason.split(' · ');
      if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return reason;
      return (locale === 'en' ? parts[0] : parts[1]).trim();
    },
    [locale],
  );
}
