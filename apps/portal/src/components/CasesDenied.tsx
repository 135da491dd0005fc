'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { isPoliceAgency } from '../lib/access';
import { useAgencyName } from '../lib/format';
import type { User } from '../lib/auth';

/** Cases are police records: other kinds of agency are told so plainly, not just "no access". */
export function CasesDenied({ user }: { user: User }) {
  const t = useTranslations('cases.denied');
  const tc = useTranslations('common');
  const agencyName = useAgencyName();
  const police = isPoliceAgency(user);
  return (
    <section className="card denied" data-testid="forbidden">
      <h1 data-testid={police ? 'cases-role-denied' : 'cases-not-for-agency'}>{police ? t('roleTitle') : t('agencyTitle')}</h1>
      <p>{police ? t('roleText') : t('agencyText', { agency: agencyName(user.agency) })}</p>
      <Link href="/">{tc('backHome')}</Link>
    </section>
  );
}
