'use client';

import { useParams } from 'next/navigation';
import { CasesDenied } from '../../../../../components/CasesDenied';
import { RequireAuth } from '../../../../../components/RequireAuth';
import { canReadFreezeBatches } from '../../../../../lib/access';
import { BatchPage } from './BatchPage';

export default function FreezeBatchRoute() {
  const { id, batchId } = useParams<{ id: string; batchId: string }>();
  return (
    <RequireAuth allow={canReadFreezeBatches} denied={(user) => <CasesDenied user={user} />}>
      {() => <BatchPage caseId={id} batchId={batchId} />}
    </RequireAuth>
  );
}
