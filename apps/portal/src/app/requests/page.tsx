'use client';

import { Suspense } from 'react';
import { RequireAuth } from '../../components/RequireAuth';
import { canUseRequests } from '../../lib/access';
import { Inbox } from '../../components/requests/Inbox';

export default function RequestsPage() {
  return (
    <RequireAuth allow={canUseRequests}>
      {(session) => (
        <Suspense>
          <Inbox user={session.user} />
        </Suspense>
      )}
    </RequireAuth>
  );
}
