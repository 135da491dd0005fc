'use client';

import { useParams } from 'next/navigation';
import { RequireAuth } from '../../../components/RequireAuth';
import { AlertDetail } from './AlertDetail';
import { canSeeAlerts } from '../../../lib/access';

export default function AlertRoute() {
  const { id } = useParams<{ id: string }>();
  return <RequireAuth allow={canSeeAlerts}>{({ user }) => <AlertDetail key={id} id={id} user={user} />}</RequireAuth>;
}
