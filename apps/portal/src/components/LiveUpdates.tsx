'use client';

import { useAuth } from '../lib/auth';
import { useLiveConnection } from '../lib/live';

/** Opens the live-update socket for the signed-in user (lib/live.ts); renders nothing. */
export function LiveUpdates() {
  const { session } = useAuth();
  useLiveConnection(session?.token);
  return null;
}
