'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { inLanguage } from './bilingual';
import { useFormatBytes } from './files';
import { GqlError, type GqlErrorItem } from './graphql';

/**
 * The one place where the api's refusals become sentences, in the page's language only.
 *
 * The api answers an error with extensions {code, reason, field} and a message that is bilingual, "English · 中文",
 * or (older refusals) English only. What the portal says, first that applies:
 * 1. a reason code it knows, translated (messages/readable: apiErrors.reasons.<REASON>, with the values the api sent);
 * 2. the half of a bilingual message in the page's language (after the "field: " prefix, which the field shows);
 * 3. the message itself when it is already in the page's language;
 * 4. the translated sentence for the error's code (errors.<CODE>), or for a field, "check this value":
 *    so the Chinese portal never shows an English sentence, nor the English portal a Chinese one.
 */

/** Codes whose message names internals (ids, entity names) or nothing: the code's sentence is all the user needs. */
const GENERAL_ONLY: readonly string[] = ['NOT_FOUND', 'NETWORK', 'INTERNAL_SERVER_ERROR'];

/** The api's message without the "field: " it starts with when it names a field. */
function withoutField(item: GqlErrorItem): string {
  return item.field && item.message.startsWith(`${item.field}: `) ? item.message.slice(item.field.length + 2) : item.message;
}

/** A form field's name as the form knows it: "input.email" -> "email". */
const formField = (field: string) => field.replace(/^input\./, '');

/** Text in the page's language for a bilingual value the api returns as data (a chain check's reason, a hold's cause). */
export function useInLanguage(): (text: string) => string {
  const locale = useLocale();
  const t = useTranslations('apiErrors');
  return useCallback((text) => inLanguage(text, locale) ?? t('otherLanguage'), [locale, t]);
}

/** The sentence for one error item: its reason translated, else its message in the page's language, else null. */
function useItemText(): (item: GqlErrorItem) => string | null {
  const locale = useLocale();
  const t = useTranslations('apiErrors');
  return useCallback(
    (item) => {
      const reason = item.reason;
      if (reason && t.has(`reasons.${reason}`)) {
        const d = item.details ?? {};
        const en = locale === 'en';
        const text = (zh: unknown, english: unknown) => String((en ? english : zh) ?? zh ?? english ?? '');
        return t(`reasons.${reason}`, {
          bank: text(d.issuingBankName ?? d.bankName, d.issuingBankNameEn ?? d.bankNameEn),
          prefix: String(d.prefix ?? ''),
          operation: String(d.operation ?? ''),
          seconds: String(d.timeoutSeconds ?? ''),
        });
      }
      return withoutField(item) ? inLanguage(withoutField(item), locale) : null;
    },
    [locale, t],
  );
}

/** A translated, human sentence for any failed call (shown above a form, or beside a button). */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations('errors');
  const itemText = useItemText();
  return useCallback(
    (error) => {
      if (!(error instanceof GqlError)) return t('INTERNAL_SERVER_ERROR');
      const item = error.first;
      // A field's own words go under the field (useFieldErrors); above the form, the general sentence. "Case <id> was
      // not found" and server failures say nothing more to a user than the code's sentence.
      if (!item || GENERAL_ONLY.includes(item.code) || (item.field && !item.reason)) return t(error.code);
      return itemText(item) ?? t(error.code);
    },
    [t, itemText],
  );
}

/** For failed list loads: the user typed nothing, so "fix your input" would mislead; say the load failed. */
export function useLoadErrorMessage(): (error: unknown) => string {
  const tc = useTranslations('common');
  const loadReason = useLoadReason();
  return useCallback((error) => tc('loadFailed', { reason: loadReason(error) }), [tc, loadReason]);
}

/** For a failed load of one record: BAD_USER_INPUT would wrongly ask the user to fix a form. */
export function useLoadReason(): (error: unknown) => string {
  const t = useTranslations('errors');
  const errorMessage = useErrorMessage();
  return useCallback(
    (error) => (error instanceof GqlError && error.code !== 'BAD_USER_INPUT' ? errorMessage(error) : t('INTERNAL_SERVER_ERROR')),
    [t, errorMessage],
  );
}

/**
 * Field errors from BAD_USER_INPUT or CONFLICT, keyed by the field name without the "input." prefix (the api names
 * fields as in the mutation: "input.email", "newPassword"), each in the page's language and without its "field: "
 * prefix because it is shown under that field.
 */
export function useFieldErrors(): (error: unknown) => Record<string, string> {
  const t = useTranslations('apiErrors');
  const itemText = useItemText();
  return useCallback(
    (error) => {
      if (!(error instanceof GqlError)) return {};
      const out: Record<string, string> = {};
      for (const item of error.items) {
        if ((item.code !== 'BAD_USER_INPUT' && item.code !== 'CONFLICT') || !item.field) continue;
        out[formField(item.field)] = itemText(item) ?? t(item.code === 'CONFLICT' ? 'fieldConflict' : 'fieldInvalid');
      }
      return out;
    },
    [t, itemText],
  );
}

/** The fields that the api reported as conflicting with an existing record. */
export function conflictFieldsOf(error: unknown): string[] {
  if (!(error instanceof GqlError)) return [];
  return error.items.flatMap((i) => (i.code === 'CONFLICT' && i.field ? [formField(i.field)] : []));
}

/**
 * A reason the api gives as data rather than as an error (a spreadsheet row's problem, a refused upload's cause), in
 * the page's language, or "check this value" when it has none in it.
 */
export function useProblemText(): (reason: string) => string {
  const locale = useLocale();
  const t = useTranslations('apiErrors');
  return useCallback((reason) => inLanguage(reason, locale) ?? t('fieldInvalid'), [locale, t]);
}

/**
 * Why an upload was refused, in words: the size limit for a file too large, "empty" for an empty file, the
 * api's reason for other refusals of the file (wrong format), else the general message for the code.
 */
export function useUploadErrorMessage(): (error: unknown) => string {
  const t = useTranslations('upload');
  const errorMessage = useErrorMessage();
  const problemText = useProblemText();
  const formatBytes = useFormatBytes();
  return useCallback(
    (error) => {
      const item = error instanceof GqlError ? error.first : undefined;
      if (item?.code === 'PAYLOAD_TOO_LARGE') {
        return item.maxBytes ? t('tooLarge', { limit: formatBytes(item.maxBytes) }) : t('tooLargeUnknown');
      }
      if (item?.code === 'BAD_USER_INPUT' && item.field === 'file') {
        const reason = withoutField(item);
        return reason === 'is empty' ? t('empty') : t('refused', { reason: problemText(reason) });
      }
      return errorMessage(error);
    },
    [t, errorMessage, formatBytes, problemText],
  );
}
