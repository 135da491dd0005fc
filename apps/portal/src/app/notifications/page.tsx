'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { Notifications } from './Notifications';

export default function NotificationsPage() {
  return <RequireAuth>{() => <Notifications />}</RequireAuth>;
}
