'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { canSeeDashboard } from './access';
import { Dashboard } from './Dashboard';

export default function DashboardRoute() {
  return <RequireAuth allow={canSeeDashboard}>{(session) => <Dashboard user={session.user} />}</RequireAuth>;
}
