'use client';

import { Suspense } from 'react';
import { CasesDenied } from '../../components/CasesDenied';
import { RequireAuth } from '../../components/RequireAuth';
import { canWorkOnCases } from '../../lib/access';
import { CaseList } from './CaseList';

export default function CasesPage() {
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {(session) => (
        // The filters live in the address (useSearchParams), which Next renders on the client only.
        <Suspense>
          <CaseList ownAgencyId={session.user.agency.id} />
        </Suspense>
      )}
    </RequireAuth>
  );
}
