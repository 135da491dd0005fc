'use client';

import { useParams } from 'next/navigation';
import { Suspense } from 'react';
import { RequireAuth } from '../../../components/RequireAuth';
import { canUseRequests } from '../../../lib/access';
import { RequestPage } from './RequestPage';

export default function RequestRoute() {
  const { id } = useParams<{ id: string }>();
  return (
    <RequireAuth allow={canUseRequests}>
      {(session) => (
        <Suspense>
          <RequestPage id={id} user={session.user} />
        </Suspense>
      )}
    </RequireAuth>
  );
}
