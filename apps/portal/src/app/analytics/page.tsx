'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { canSeeAnalytics } from './access';
import { Analytics } from './Analytics';

export default function AnalyticsRoute() {
  return <RequireAuth allow={canSeeAnalytics}>{() => <Analytics />}</RequireAuth>;
}
