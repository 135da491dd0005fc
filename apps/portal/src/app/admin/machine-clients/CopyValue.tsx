'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import styles from './machine-clients.module.css';

/** Selects the text on screen and copies it (no clipboard API on an insecure origin); the selection stays for a manual copy. */
function copySelected(node: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!node || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
  return document.execCommand('copy');
}

/** A value shown in full with a "Copy" button; the result is announced in a live region that is there from the start. */
export function CopyValue({ value, what, testId, secret }: { value: string; what: string; testId?: string; secret?: boolean }) {
  const t = useTranslations('machineClients');
  const valueRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 3000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(copySelected(valueRef.current));
    }
  }

  return (
    <span className={styles.valueLine}>
      <code ref={valueRef} className={`${styles.value}${secret ? ` ${styles.secretValue}` : ''}`} data-testid={testId}>
        {value}
      </code>
      <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={t('copyLabel', { what })} data-testid={testId && `${testId}-copy`}>
        {t('copy')}
      </button>
      <span role="status" className={`${styles.copyStatus} ${copied ? styles.copied : styles.copyFailed}`}>
        {copied === null ? '' : copied ? t('copied') : t('copyFailed')}
      </span>
    </span>
  );
}
