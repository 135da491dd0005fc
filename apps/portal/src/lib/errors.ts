'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useFormatBytes } from './files';
import { GqlError } from './graphql';

/** A translated, human sentence for any failed call. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations('errors');
  return useCallback(
    (error) => {
      if (!(error instanceof GqlError)) return t('INTERNAL_SERVER_ERROR');
      return t(error.code);
    },
    [t],
  );
}

/** For failed list loads: the user typed nothing, so "fix your input" would mislead; say the load failed. */
export function useLoadErrorMessage(): (error: unknown) => string {
  const t = useTranslations('errors');
  const tc = useTranslations('common');
  return useCallback(
    (error) => {
      const code = error instanceof GqlError && error.code !== 'BAD_USER_INPUT' ? error.code : 'INTERNAL_SERVER_ERROR';
      return tc('loadFailed', { reason: t(code) });
    },
    [t, tc],
  );
}

/**
 * Field errors from BAD_USER_INPUT or CONFLICT, keyed by the field name without the "input." prefix
 * (the api names fields as in the mutation: "input.email", "newPassword"); the message loses its
 * "field: " prefix because it is shown under that field.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof GqlError)) return {};
  const out: Record<string, string> = {};
  for (const item of error.items) {
    if ((item.code !== 'BAD_USER_INPUT' && item.code !== 'CONFLICT') || !item.field) continue;
    const message = item.message.startsWith(`${item.field}: `) ? item.message.slice(item.field.length + 2) : item.message;
    out[item.field.replace(/^input\./, '')] = message;
  }
  return out;
}

/** The fields that the api reported as conflicting with an existing record. */
export function conflictFieldsOf(error: unknown): string[] {
  if (!(error instanceof GqlError)) return [];
  return error.items.flatMap((i) => (i.code === 'CONFLICT' && i.field ? [i.field.replace(/^input\./, '')] : []));
}

/** For a failed load of one record: BAD_USER_INPUT would wrongly ask the user to fix a form. */
export function useLoadReason(): (error: unknown) => string {
  const t = useTranslations('errors');
  return useCallback(
    (error) => {
      const code = error instanceof GqlError && error.code !== 'BAD_USER_INPUT' ? error.code : 'INTERNAL_SERVER_ERROR';
      return t(code);
    },
    [t],
  );
}

/**
 * Why an upload was refused, in words: the size limit for a file too large, "empty" for an empty file, the
 * api's reason for other refusals of the file (wrong format), else the general message for the code.
 */
export function useUploadErrorMessage(): (error: unknown) => string {
  const t = useTranslations('upload');
  const errorMessage = useErrorMessage();
  const formatBytes = useFormatBytes();
  return useCallback(
    (error) => {
      const item = error instanceof GqlError ? error.first : undefined;
      if (item?.code === 'PAYLOAD_TOO_LARGE') {
        return item.maxBytes ? t('tooLarge', { limit: formatBytes(item.maxBytes) }) : t('tooLargeUnknown');
      }
      if (item?.code === 'BAD_USER_INPUT' && item.field === 'file') {
        const reason = item.message.replace(/^file: /, '');
        return reason === 'is empty' ? t('empty') : t('refused', { reason });
      }
      return errorMessage(error);
    },
    [t, errorMessage, formatBytes],
  );
}
