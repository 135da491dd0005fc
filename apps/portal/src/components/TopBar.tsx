'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useAuth } from '../lib/auth';
import { useAgencyName } from '../lib/format';
import { answersRequests, canAddToWarninglist, canAdminAgencies, canAdminUsers, canReadAudit, canRelink, canReviewHubs, canSeeAlerts, canSeeAnalytics, canSeeBulletins, canSeeDashboard, canSeeRetention, canUseRequests, canUseTaskForces, canWorkOnCases, may } from '../lib/access';
import { useInboxCounts } from '../lib/inbox-counts';
import { PENDING_CHANGED_EVENT } from '../lib/pending';
import { AgencyBadge } from './AgencyBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { graphql } from '../gql';

const PENDING_INCOMING_COUNT = graphql(`query PendingIncoming { accessRequests(direction: INCOMING, status: PENDING, first: 1) { totalCount } }`);

/** Pending incoming access requests: one query when the user signs in, again after each decision. */
function usePendingIncoming(enabled: boolean, userId: string | undefined): number {
  const { request } = useAuth();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled || !userId) return;
    let live = true;
    const load = () =>
      request(PENDING_INCOMING_COUNT)
        .then((data) => live && setCount(data.accessRequests.totalCount))
        // A badge is a convenience: the inbox itself reports failures.
        .catch(() => undefined);
    void load();
    window.addEventListener(PENDING_CHANGED_EVENT, load);
    return () => {
      live = false;
      window.removeEventListener(PENDING_CHANGED_EVENT, load);
    };
  }, [enabled, userId, request]);
  return enabled ? count : 0;
}

export function TopBar() {
  const t = useTranslations();
  const { session, logout } = useAuth();
  const agencyName = useAgencyName();
  const router = useRouter();
  const pathname = usePathname();
  const user = session?.user;
  const casesAllowed = user ? canWorkOnCases(user) : false;
  const pending = usePendingIncoming(casesAllowed, user?.id);
  const requestsAllowed = user ? canUseRequests(user) : false;
  const answering = user ? answersRequests(user) : false;
  const inbox = useInboxCounts(requestsAllowed, user?.id);

  async function onLogout() {
    await logout();
    router.replace('/login');
  }

  const links: { href: string; label: string; show: boolean; badge?: number; badgeTestId?: string; badgeTitle?: string; badgeBad?: boolean }[] = user
    ? [
        { href: '/', label: t('nav.home'), show: true },
        { href: '/dashboard', label: t('nav.dashboard'), show: canSeeDashboard(user) },
        { href: '/cases', label: t('nav.cases'), show: casesAllowed },
        { href: '/series', label: t('nav.series'), show: casesAllowed },
        { href: '/task-forces', label: t('nav.taskForces'), show: canUseTaskForces(user) },
        { href: '/alerts', label: t('nav.alerts'), show: canSeeAlerts(user) },
        { href: '/bulletins', label: t('nav.bulletins'), show: canSeeBulletins(user) },
        { href: '/analytics', label: t('nav.analytics'), show: canSeeAnalytics(user) },
        {
          // Answering agencies: unread requests (red once any is overdue). Senders: their overdue requests (the api
          // counts unread only among requests addressed to the agency).
          href: '/requests', label: t('nav.requests'), show: requestsAllowed, badge: answering ? (inbox?.unread ?? 0) : (inbox?.overdue ?? 0),
          badgeTestId: 'requests-unread-count', badgeBad: (inbox?.overdue ?? 0) > 0,
          badgeTitle: t('nav.requestsCount', { unread: inbox?.unread ?? 0, overdue: inbox?.overdue ?? 0 }),
        },
        {
          href: '/access-requests', label: t('nav.accessRequests'), show: casesAllowed, badge: pending, badgeTestId: 'pending-requests-count',
          badgeTitle: t('nav.pendingRequests', { count: pending }),
        },
        // Linking administration: warninglist (admins), hub reviews (police supervisors), relink (national admin).
        { href: '/linking', label: t('nav.linking'), show: canAddToWarninglist(user) || canReviewHubs(user) || canRelink(user) },
        { href: '/admin/users', label: t('nav.users'), show: canAdminUsers(user) },
        { href: '/admin/machine-clients', label: t('machineClients.nav'), show: may(user, 'machineClients') },
        // A bank's card BINs and account prefixes (where freezes of its accounts go): the bank's admins.
        { href: '/admin/bank-prefixes', label: t('bankRouting.nav'), show: may(user, 'addBankPrefixes') },
        { href: '/audit', label: t('nav.audit'), show: canReadAudit(user) },
        { href: '/retention', label: t('nav.retention'), show: canSeeRetention(user) },
        { href: '/admin/agencies', label: t('nav.agencies'), show: canAdminAgencies(user) },
        { href: '/account', label: t('nav.account'), show: true },
      ].filter((l) => l.show)
    : [];

  return (
    <header className="topbar">
      <Link href="/" className="brand" data-testid="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        {t('app.product')}
      </Link>
      {links.length > 0 && (
        <nav className="topnav" aria-label={t('nav.home')}>
          {links.map((l) => {
            const active = l.href === '/' ? pathname === '/' : pathname === l.href || pathname.startsWith(`${l.href}/`);
            return (
              <Link key={l.href} href={l.href} className={active ? 'active' : undefined} data-testid={`nav-${l.href.slice(1) || 'home'}`}>
                {l.label}
                {l.badge ? (
                  <span className={`nav-count${l.badgeBad ? ' nav-count-bad' : ''}`} data-testid={l.badgeTestId} data-count={l.badge} title={l.badgeTitle}>
                    {l.badge}
                  </span>
                ) : null}
              </Link>
            );
          })}
        </nav>
      )}
      <div className="topbar-right">
        {user && <AgencyBadge kind={user.agency.kind} name={agencyName(user.agency)} />}
        {user && (
          <span className="topbar-user" title={t('nav.signedInAs', { name: user.displayName })} data-testid="topbar-user">
            {user.displayName}
          </span>
        )}
        {user && <NotificationBell userId={user.id} />}
        <LanguageSwitch />
        {user && (
          <button type="button" className="btn btn-ghost" onClick={onLogout} data-testid="logout">
            {t('nav.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
