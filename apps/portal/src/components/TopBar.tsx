'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useAuth } from '../lib/auth';
import { useAgencyName } from '../lib/format';
import { canAdminAgencies, canAdminUsers, canReadAudit } from '../lib/access';
import { AgencyBadge } from './AgencyBadge';
import { LanguageSwitch } from './LanguageSwitch';

export function TopBar() {
  const t = useTranslations();
  const { session, logout } = useAuth();
  const agencyName = useAgencyName();
  const router = useRouter();
  const pathname = usePathname();
  const user = session?.user;

  async function onLogout() {
    await logout();
    router.replace('/login');
  }

  const links = user
    ? [
        { href: '/', label: t('nav.home'), show: true },
        { href: '/admin/users', label: t('nav.users'), show: canAdminUsers(user) },
        { href: '/audit', label: t('nav.audit'), show: canReadAudit(user) },
        { href: '/admin/agencies', label: t('nav.agencies'), show: canAdminAgencies(user) },
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
          {links.map((l) => (
            <Link key={l.href} href={l.href} className={pathname === l.href ? 'active' : undefined}>
              {l.label}
            </Link>
          ))}
        </nav>
      )}
      <div className="topbar-right">
        {user && <AgencyBadge kind={user.agency.kind} name={agencyName(user.agency)} />}
        {user && (
          <span className="topbar-user" title={t('nav.signedInAs', { name: user.displayName })} data-testid="topbar-user">
            {user.displayName}
          </span>
        )}
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
