'use client';

import { Suspense } from 'react';
import { RequireAuth } from '../../components/RequireAuth';
import { AlertInbox } from './AlertInbox';
import { ReporterDesk } from './ReporterDesk';
import { alertsViewOf, canSeeAlerts } from '../../lib/access';

/** Police get their region's alert inbox; banks and telecoms the desk where they report signals. */
export default function AlertsRoute() {
  return (
    <RequireAuth allow={canSeeAlerts}>
      {({ user }) =>
        alertsViewOf(user) === 'police' ? (
          // The filters live in the address (useSearchParams), which Next renders on the client only.
          <Suspense>
            <AlertInbox user={user} />
          </Suspense>
        ) : (
          <ReporterDesk user={user} />
        )
      }
    </RequireAuth>
  );
}
