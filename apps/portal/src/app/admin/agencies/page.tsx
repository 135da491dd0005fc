'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { canAdminAgencies } from '../../../lib/access';
import { AgenciesAdmin } from './AgenciesAdmin';

export default function AgenciesPage() {
  return <RequireAuth allow={canAdminAgencies}>{() => <AgenciesAdmin />}</RequireAuth>;
}
