'use client';

import { useTranslations } from 'next-intl';
import { useAgencyName } from '../lib/format';
import type { IssuingBank } from '../lib/bank-routing';
import styles from './IssuingBankTag.module.css';

/**
 * The bank that issues a card or account (where its freeze goes), by the registered prefix it matched; "unknown" when
 * no bank registered one. The bank's name in the page's language, the prefix in digits.
 */
export function IssuingBankTag({ issuer, testId = 'issuing-bank' }: { issuer: IssuingBank | null | undefined; testId?: string }) {
  const t = useTranslations('bankRouting.clue');
  const agencyName = useAgencyName();
  if (!issuer) {
    return (
      <span className={`${styles.tag} muted small`} data-testid={testId} data-bank-id="">
        {t('unknown')}
      </span>
    );
  }
  return (
    <span className={`${styles.tag} small`} data-testid={testId} data-bank-id={issuer.bank.id} data-prefix={issuer.prefix}>
      {t('issuedBy', { bank: agencyName(issuer.bank) })}
      <span className="muted"> · {t('prefix', { prefix: issuer.prefix })}</span>
    </span>
  );
}
