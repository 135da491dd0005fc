'use client';

import { useTranslations } from 'next-intl';
import { forwardRef, useId, type ReactNode } from 'react';
import { useFormatBytes } from '../lib/files';

interface Props {
  label: string;
  file: File | null;
  onChange(file: File | null): void;
  accept?: string;
  disabled?: boolean;
  hint?: ReactNode;
  error?: boolean;
  testId?: string;
}

/**
 * A file input with a button and "no file chosen" in the page's language (the browser's own control speaks the
 * browser's language), showing the chosen file's name and size. The real input stays in the page for
 * keyboards, screen readers and tests.
 */
export const FilePicker = forwardRef<HTMLInputElement, Props>(function FilePicker(
  { label, file, onChange, accept, disabled, hint, error, testId },
  ref,
) {
  const t = useTranslations('upload');
  const id = useId();
  const formatBytes = useFormatBytes();
  return (
    <div className={`field file-picker${error ? ' has-error' : ''}`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className={`file-picker-box${disabled ? ' disabled' : ''}`}>
        <input id={id} ref={ref} type="file" name="file" accept={accept} disabled={disabled} className="visually-hidden"
          aria-labelledby={`${id}-label`} data-testid={testId} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
        <label htmlFor={id} className="btn btn-small">
          {t('choose')}
        </label>
        <span className={file ? 'file-picker-name' : 'muted'} data-testid={testId ? `${testId}-name` : undefined}>
          {file ? file.name : t('noFile')}
        </span>
        {file && <span className="muted small">{formatBytes(file.size)}</span>}
      </div>
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
});
