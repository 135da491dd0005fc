'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useAuth, type Session } from '../lib/auth';
import type { User } from '../lib/auth';

interface Props {
  /** Who may see the page; others get a plain "no access" notice (the api enforces the same rule). */
  allow?: (user: User) => boolean;
  /** What to show instead of the generic notice when `allow` refuses (e.g. "not for your kind of agency"). */
  denied?: (user: User) => ReactNode;
  children: (session: Session) => ReactNode;
}

export function RequireAuth({ allow, denied, children }: Props) {
  const { status, session, loggedOut } = useAuth();
  const router = useRouter();
  const pathname = usePathname();
  const t = useTranslations('common');

  useEffect(() => {
    if (status !== 'anonymous') return;
    // After an expired session, come back here once logged in; after an explicit logout, start from home.
    const next = !loggedOut && pathname && pathname !== '/' ? `?next=${encodeURIComponent(pathname)}` : '';
    router.replace(`/login${next}`);
  }, [status, loggedOut, pathname, router]);

  if (status === 'loading') return <p className="muted page-status">{t('restoring')}</p>;
  if (!session) return <p className="muted page-status">{t('redirecting')}</p>;
  if (allow && !allow(session.user)) {
    if (denied) return <>{denied(session.user)}</>;
    return (
      <section className="card" data-testid="forbidden">
        <h1>{t('forbiddenTitle')}</h1>
        <p>{t('forbiddenText')}</p>
        <Link href="/">{t('backHome')}</Link>
      </section>
    );
  }
  return <>{children(session)}</>;
}
