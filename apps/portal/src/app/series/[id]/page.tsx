'use client';

import { useParams } from 'next/navigation';
import { CasesDenied } from '../../../components/CasesDenied';
import { RequireAuth } from '../../../components/RequireAuth';
import { canWorkOnCases } from '../../../lib/access';
import { SeriesPage } from './SeriesPage';

export default function SeriesRoute() {
  const { id } = useParams<{ id: string }>();
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {() => <SeriesPage id={id} />}
    </RequireAuth>
  );
}
