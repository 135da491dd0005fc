'use client';

import { NATIONAL_REGION_CODE, PROVINCES, provinceOf } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';

/**
 * The portal's users work in China: every time is shown, and typed into forms, in Beijing time, whatever zone the
 * browser is in, and says so. Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a typed wall-clock
 * time has exactly one instant.
 */
export const PORTAL_TIME_ZONE = 'Asia/Shanghai';
const PORTAL_UTC_OFFSET = '+08:00';

const WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: PORTAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An instant as Beijing wall-clock time, "2026-12-07T14:05": the value of a datetime-local field. */
export function beijingWallClock(at: Date | string | number): string {
  const parts: Record<string, string> = {};
  for (const p of WALL_CLOCK.formatToParts(new Date(at))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The calendar day of an instant in Beijing, "2026-12-07" (a report date, a purge day). */
export const beijingDay = (at: Date | string | number = Date.now()): string => beijingWallClock(at).slice(0, 10);

/** A datetime-local value ("2026-12-07T14:05", seconds optional), read as Beijing time, as the ISO instant the api takes. */
export function wallClockToIso(local: string): string {
  const withSeconds = /T\d\d:\d\d$/.test(local) ? `${local}:00` : local;
  return new Date(`${withSeconds}${PORTAL_UTC_OFFSET}`).toISOString();
}

/**
 * Date and time of an instant, in Beijing time and saying so: "2026-12-07 14:05（北京时间）", "2026-12-07 14:05 (UTC+8)".
 * The one formatter for every time the portal shows.
 */
export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const t = useTranslations('time');
  return useCallback(
    (iso) => {
      if (!iso) return '—';
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      return t('at', { at: beijingWallClock(at).replace('T', ' ') });
    },
    [t],
  );
}

/** The zone datetime-local fields are read in, for their hint ("北京时间（UTC+8）"). */
export function useInputZoneNote(): string {
  return useTranslations('time')('inputZone');
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
