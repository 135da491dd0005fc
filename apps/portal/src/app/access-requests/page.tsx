'use client';

import { CasesDenied } from '../../components/CasesDenied';
import { RequireAuth } from '../../components/RequireAuth';
import { may } from '../../lib/access';
import { AccessRequests } from './AccessRequests';

export default function AccessRequestsPage() {
  return (
    <RequireAuth allow={(u) => may(u, 'accessRequests')} denied={(user) => <CasesDenied user={user} />}>
      {() => <AccessRequests />}
    </RequireAuth>
  );
}
