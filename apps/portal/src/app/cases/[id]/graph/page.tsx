'use client';

import { useParams } from 'next/navigation';
import { CasesDenied } from '../../../../components/CasesDenied';
import { RequireAuth } from '../../../../components/RequireAuth';
import { canWorkOnCases } from '../../../../lib/access';
import { GraphPage } from './GraphPage';

export default function CaseGraphRoute() {
  const { id } = useParams<{ id: string }>();
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {() => <GraphPage caseId={id} />}
    </RequireAuth>
  );
}
