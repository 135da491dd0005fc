'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { shortHash } from '../lib/files';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (insecure origin, permissions): the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** A long hash shown shortened; a click copies it whole. The full value is in the tooltip and data-value; the
 * accessible name holds the visible (short) text, as WCAG 2.5.3 asks. */
export function CopyHash({ value, testId }: { value: string; testId?: string }) {
  const t = useTranslations('common');
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button type="button" className="hash-button mono" title={`${value}\n${t('clickToCopy')}`} data-value={value} data-testid={testId}
      onClick={() => void copyText(value).then(setCopied)} aria-label={t('copyValue', { value: shortHash(value) })}>
      {shortHash(value)}
      {copied !== null && (
        <span className={copied ? 'copied' : 'copy-failed'} role="status">
          {copied ? t('copied') : t('copyFailed')}
        </span>
      )}
    </button>
  );
}
