'use client';

import { useParams } from 'next/navigation';
import { CasesDenied } from '../../../../../components/CasesDenied';
import { RequireAuth } from '../../../../../components/RequireAuth';
import { canWorkOnCases } from '../../../../../lib/access';
import { NewStatementForm } from './NewStatementForm';

export default function NewStatementPage() {
  const { id } = useParams<{ id: string }>();
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {(session) => <NewStatementForm caseId={id} user={session.user} />}
    </RequireAuth>
  );
}
