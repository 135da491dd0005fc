import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from './locales';

/** Capabilities that keep their messages in a file of their own (messages/<feature>/<locale>.json). */
export const MESSAGE_FEATURES = ['dashboard', 'alerts', 'bulletins', 'access', 'sso', 'account', 'audit-actions', 'retention', 'audit-anchors', 'readable', 'work-queue', 'machine-clients', 'clue-exchange', 'emergency-stops', 'bank-routing'] as const;

export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  const base = (await import(`../../messages/${locale}.json`)).default;
  const features = await Promise.all(MESSAGE_FEATURES.map(async (f) => (await import(`../../messages/${f}/${locale}.json`)).default));
  return {
    locale,
    messages: Object.assign({}, base, ...features),
    // Times are shown in Beijing time by lib/format.ts, whatever the browser's zone; this is the server's fallback.
    timeZone: 'Asia/Shanghai',
  };
});
