'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { Account } from './Account';

export default function AccountPage() {
  return <RequireAuth>{(session) => <Account me={session.user} />}</RequireAuth>;
}
