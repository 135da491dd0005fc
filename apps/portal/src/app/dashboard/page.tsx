'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { Dashboard } from './Dashboard';
import { canSeeDashboard } from '../../lib/access';

export default function DashboardRoute() {
  return <RequireAuth allow={canSeeDashboard}>{(session) => <Dashboard user={session.user} />}</RequireAuth>;
}
