'use client';

import { CasesDenied } from '../../components/CasesDenied';
import { RequireAuth } from '../../components/RequireAuth';
import { canWorkOnCases } from '../../lib/access';
import { SeriesList } from './SeriesList';

export default function SeriesListRoute() {
  return (
    <RequireAuth allow={canWorkOnCases} denied={(user) => <CasesDenied user={user} />}>
      {() => <SeriesList />}
    </RequireAuth>
  );
}
