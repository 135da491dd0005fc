/**
 * Text in one language out of the api's bilingual sentences, "English · 中文" (apps/api/src/common/errors.ts): the
 * pure part of lib/errors.ts, without React, so it is tested on its own (bilingual.spec.ts).
 */

export type Lang = 'zh' | 'en';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g;
const LATIN = /[A-Za-z]/g;
const SEPARATOR = ' · ';

const langOfLocale = (locale: string): Lang => (locale.startsWith('zh') ? 'zh' : 'en');

/**
 * Which language a text is written in: Chinese when its CJK characters are at least half as many as its Latin letters
 * (a Chinese sentence may name an operation or a bank in Latin letters), English when it has Latin letters and fewer
 * CJK ones (an English sentence may quote a Chinese value), none for numbers and signs.
 */
export function languageOf(text: string): Lang | null {
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cjk > 0 && cjk * 2 >= latin) return 'zh';
  return latin > 0 ? 'en' : null;
}

/**
 * The part of a text in the page's language (`locale`: "zh-CN" or "en"): the matching half of "English · 中文", the
 * text itself when it is written in that language or in none (a number), else null.
 */
export function inLanguage(text: string, locale: string): string | null {
  const want = langOfLocale(locale);
  const parts = text.split(SEPARATOR);
  // The Chinese half starts at the first part written in Chinese that follows one that is not.
  for (let i = 1; i < parts.length; i++) {
    if (languageOf(parts[i]) !== 'zh' || languageOf(parts[i - 1]) === 'zh') continue;
    const en = parts.slice(0, i).join(SEPARATOR).trim();
    const zh = parts.slice(i).join(SEPARATOR).trim();
    if (en && zh) return want === 'zh' ? zh : en;
  }
  const lang = languageOf(text);
  return lang === null || lang === want ? text.trim() : null;
}
