import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from './locales';

export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    // Dates are formatted in the browser's own zone (lib/format.ts); this only silences the server fallback.
    timeZone: 'Asia/Shanghai',
  };
});
