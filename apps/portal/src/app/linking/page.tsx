'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { RequireAuth } from '../../components/RequireAuth';
import { canAdminLinking } from '../../lib/access';
import type { User } from '../../lib/auth';
import { firstLinkingPage } from '../../components/LinkingTabs';

function Redirect({ user }: { user: User }) {
  const router = useRouter();
  useEffect(() => {
    router.replace(firstLinkingPage(user));
  }, [router, user]);
  return null;
}

export default function LinkingRoute() {
  return <RequireAuth allow={canAdminLinking}>{(session) => <Redirect user={session.user} />}</RequireAuth>;
}
