'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { Analytics } from './Analytics';
import { canSeeAnalytics } from '../../lib/access';

export default function AnalyticsRoute() {
  return <RequireAuth allow={canSeeAnalytics}>{() => <Analytics />}</RequireAuth>;
}
