'use client';

import { useTranslations } from 'next-intl';
import { forwardRef, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
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
  /** The box takes a file dropped on it too. */
  dropzone?: boolean;
}

/** A drag that carries files (not text or a link from the page). */
const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/**
 * A file input with a button and "no file chosen" in the page's language (the browser's own control speaks the
 * browser's language), showing the chosen file's name and size. The real input stays in the page for
 * keyboards, screen readers and tests; with `dropzone` a file dropped on the box is chosen as well.
 */
export const FilePicker = forwardRef<HTMLInputElement, Props>(function FilePicker(
  { label, file, onChange, accept, disabled, hint, error, testId, dropzone },
  ref,
) {
  const t = useTranslations('upload');
  const id = useId();
  const formatBytes = useFormatBytes();
  const own = useRef<HTMLInputElement | null>(null);
  const [over, setOver] = useState(false);
  const drops = dropzone && !disabled;

  function setRef(el: HTMLInputElement | null) {
    own.current = el;
    if (typeof ref === 'function') ref(el);
    else if (ref) ref.current = el;
  }

  function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (!dropped) return;
    // The input holds what was dropped, as if chosen with the button.
    if (own.current) own.current.files = e.dataTransfer.files;
    onChange(dropped);
  }

  return (
    <div className={`field file-picker${error ? ' has-error' : ''}`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className={`file-picker-box${disabled ? ' disabled' : ''}${over ? ' drag-over' : ''}`} data-testid={testId && dropzone ? `${testId}-drop` : undefined}
        onDragOver={drops ? (e) => {
          if (!carriesFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        } : undefined}
        onDragLeave={drops ? (e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
        } : undefined}
        onDrop={drops ? drop : undefined}>
        <input id={id} ref={setRef} type="file" name="file" accept={accept} disabled={disabled} className="visually-hidden"
          aria-labelledby={`${id}-label`} data-testid={testId} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
        <label htmlFor={id} className="btn btn-small">
          {t('choose')}
        </label>
        <span className={file ? 'file-picker-name' : 'muted'} data-testid={testId ? `${testId}-name` : undefined}>
          {file ? file.name : t('noFile')}
        </span>
        {file && <span className="muted small">{formatBytes(file.size)}</span>}
        {dropzone && !file && <span className="muted small file-picker-drop">{t('orDrop')}</span>}
      </div>
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
});
