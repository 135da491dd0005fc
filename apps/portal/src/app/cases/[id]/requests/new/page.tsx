'use client';

import { useParams } from 'next/navigation';
import { Suspense } from 'react';
import { CasesDenied } from '../../../../../components/CasesDenied';
import { RequireAuth } from '../../../../../components/RequireAuth';
import { canSendRequests } from '../../../../../lib/access';
import { NewRequest } from './NewRequest';

export default function NewRequestRoute() {
  const { id } = useParams<{ id: string }>();
  return (
    <RequireAuth allow={canSendRequests} denied={(user) => <CasesDenied user={user} />}>
      {() => (
        <Suspense>
          <NewRequest caseId={id} />
        </Suspense>
      )}
    </RequireAuth>
  );
}
