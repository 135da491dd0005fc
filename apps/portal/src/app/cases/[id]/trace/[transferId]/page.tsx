'use client';

import { useParams } from 'next/navigation';
import { CasesDenied } from '../../../../../components/CasesDenied';
import { RequireAuth } from '../../../../../components/RequireAuth';
import { canWorkOnCases } from '../../../../../lib/access';
import { TracePage } from './TracePage';

export default function FundTraceRoute() {
  const { id, transferId } = useParams<{ id: string; transferId: string }>();
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {() => <TracePage caseId={id} transferId={transferId} />}
    </RequireAuth>
  );
}
