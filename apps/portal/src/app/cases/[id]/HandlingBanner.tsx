'use client';

import { useTranslations } from 'next-intl';
import { useAgencyName } from '../../../lib/format';
import type { AgencyRef, HandlingCode } from '../../../lib/types';

/** The owner's handling code, in front of a receiver before they use anything from the case. */
export function HandlingBanner({ handling, owner }: { handling: HandlingCode; owner: AgencyRef }) {
  const t = useTranslations('case.handling');
  const agencyName = useAgencyName();
  const items: { key: keyof HandlingCode; ok: boolean }[] = [
    { key: 'mayPassOn', ok: handling.mayPassOn },
    { key: 'mayUseInCourt', ok: handling.mayUseInCourt },
    // "Must ask" is the restrictive one: true is the warning.
    { key: 'mustAskBeforeActing', ok: !handling.mustAskBeforeActing },
  ];
  return (
    <section className="handling-banner" data-testid="handling-banner" role="note">
      <strong>{t('title', { agency: agencyName(owner) })}</strong>
      <ul>
        {items.map((item) => (
          <li key={item.key} className={item.ok ? 'handling-ok' : 'handling-no'} data-testid={`handling-${item.key}`}>
            <span aria-hidden="true">{item.ok ? '✓' : '✕'}</span> {t(`${item.key}.${handling[item.key] ? 'yes' : 'no'}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
