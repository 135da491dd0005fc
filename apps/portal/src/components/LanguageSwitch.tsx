'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALE_COOKIE, LOCALES, type Locale } from '../i18n/locales';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** Stores the choice in the NEXT_LOCALE cookie and re-renders server parts; client state (the session) stays. */
export function LanguageSwitch() {
  const t = useTranslations('language');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <div className="lang-switch" role="group" aria-label={t('label')} data-testid="language-switch">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className={locale === current ? 'active' : undefined}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          data-testid={`lang-${locale}`}
        >
          {t(locale)}
        </button>
      ))}
    </div>
  );
}
