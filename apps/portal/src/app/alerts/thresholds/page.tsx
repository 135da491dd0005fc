'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { Thresholds } from './Thresholds';
import { canSeeAlerts } from '../../../lib/access';

export default function ThresholdsRoute() {
  return <RequireAuth allow={canSeeAlerts}>{({ user }) => <Thresholds user={user} />}</RequireAuth>;
}
