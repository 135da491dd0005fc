'use client';

import { useParams } from 'next/navigation';
import { Suspense } from 'react';
import { CasesDenied } from '../../../components/CasesDenied';
import { RequireAuth } from '../../../components/RequireAuth';
import { canWorkOnCases } from '../../../lib/access';
import { CasePage } from './CasePage';

export default function CaseRoute() {
  const { id } = useParams<{ id: string }>();
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {(session) => (
        <Suspense>
          <CasePage id={id} user={session.user} />
        </Suspense>
      )}
    </RequireAuth>
  );
}
