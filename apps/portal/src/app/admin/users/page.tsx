'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { canAdminUsers } from '../../../lib/access';
import { UsersAdmin } from './UsersAdmin';

export default function UsersPage() {
  return <RequireAuth allow={canAdminUsers}>{(session) => <UsersAdmin me={session.user} />}</RequireAuth>;
}
