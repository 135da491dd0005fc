'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { canSeeAlerts } from '../access';
import { Thresholds } from './Thresholds';

export default function ThresholdsRoute() {
  return <RequireAuth allow={canSeeAlerts}>{({ user }) => <Thresholds user={user} />}</RequireAuth>;
}
