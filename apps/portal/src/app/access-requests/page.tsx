'use client';

import { CasesDenied } from '../../components/CasesDenied';
import { RequireAuth } from '../../components/RequireAuth';
import { canWorkOnCases } from '../../lib/access';
import { AccessRequests } from './AccessRequests';

export default function AccessRequestsPage() {
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {() => <AccessRequests />}
    </RequireAuth>
  );
}
