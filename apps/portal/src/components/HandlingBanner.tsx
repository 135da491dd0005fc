'use client';

import { useTranslations } from 'next-intl';
import { useAgencyName } from '../lib/format';
import { graphql } from '../gql';
import type { HandlingFieldsFragment } from '../gql/graphql';
import type { AgencyRef } from './AgencyBadge';

export type HandlingCode = HandlingFieldsFragment;

graphql(`fragment HandlingFields on HandlingCode { mayPassOn mayUseInCourt mustAskBeforeActing }`);

/**
 * The source's handling code, in front of a receiver before they use anything from it: a shared case (the owner),
 * a bulletin (the publisher). `messages` names the texts, `testId` prefixes the test ids.
 */
export function HandlingBanner({ handling, owner, messages = 'case.handling', testId = 'handling' }: {
  handling: HandlingCode;
  owner: AgencyRef;
  messages?: 'case.handling' | 'bulletins.handlingCode';
  testId?: string;
}) {
  const t = useTranslations(messages);
  const agencyName = useAgencyName();
  const items: { key: keyof HandlingCode; ok: boolean }[] = [
    { key: 'mayPassOn', ok: handling.mayPassOn },
    { key: 'mayUseInCourt', ok: handling.mayUseInCourt },
    // "Must ask" is the restrictive one: true is the warning.
    { key: 'mustAskBeforeActing', ok: !handling.mustAskBeforeActing },
  ];
  return (
    <section className="handling-banner" data-testid={`${testId}-banner`} role="note">
      <strong>{t('title', { agency: agencyName(owner) })}</strong>
      <ul>
        {items.map((item) => (
          <li key={item.key} className={item.ok ? 'handling-ok' : 'handling-no'} data-testid={`${testId}-${item.key}`}>
            <span aria-hidden="true">{item.ok ? '✓' : '✕'}</span> {t(`${item.key}.${handling[item.key] ? 'yes' : 'no'}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
