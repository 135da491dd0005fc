'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { canReadWarninglist, canRelink, canReviewHubs } from '../lib/access';
import type { User } from '../lib/auth';

/** The linking administration pages a user may open, as tabs above each of them. */
export function LinkingTabs({ user }: { user: User }) {
  const t = useTranslations('linkingAdmin');
  const pathname = usePathname();
  const tabs = [
    { href: '/linking/warninglist', label: t('tabs.warninglist'), show: canReadWarninglist(user) },
    { href: '/linking/hubs', label: t('tabs.hubs'), show: canReviewHubs(user) },
    { href: '/linking/relink', label: t('tabs.relink'), show: canRelink(user) },
  ].filter((tab) => tab.show);
  if (tabs.length < 2) return null;
  return (
    <nav className="tabs" aria-label={t('tabsLabel')}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} className={pathname === tab.href ? 'tab active' : 'tab'}
          aria-current={pathname === tab.href ? 'page' : undefined} data-testid={`linking-tab-${tab.href.split('/').pop()}`}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** The first linking page a user may open (for the top bar and home links). */
export function firstLinkingPage(user: User): string {
  if (canReadWarninglist(user)) return '/linking/warninglist';
  if (canReviewHubs(user)) return '/linking/hubs';
  return '/linking/relink';
}
