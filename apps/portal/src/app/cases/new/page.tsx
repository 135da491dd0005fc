'use client';

import { CasesDenied } from '../../../components/CasesDenied';
import { RequireAuth } from '../../../components/RequireAuth';
import { canWorkOnCases } from '../../../lib/access';
import { NewCaseForm } from './NewCaseForm';

export default function NewCasePage() {
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {(session) => <NewCaseForm user={session.user} />}
    </RequireAuth>
  );
}
