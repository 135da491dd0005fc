'use client';

import { useParams } from 'next/navigation';
import { Suspense } from 'react';
import { CasesDenied } from '../../../../components/CasesDenied';
import { RequireAuth } from '../../../../components/RequireAuth';
import { canWorkOnCases } from '../../../../lib/access';
import { ImportPage } from './ImportPage';

export default function ImportRoute() {
  const { id } = useParams<{ id: string }>();
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {() => (
        <Suspense>
          <ImportPage caseId={id} />
        </Suspense>
      )}
    </RequireAuth>
  );
}
