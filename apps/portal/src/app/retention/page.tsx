'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { Retention } from './Retention';
import { canSeeRetention } from '../../lib/access';

export default function RetentionRoute() {
  return <RequireAuth allow={canSeeRetention}>{({ user }) => <Retention user={user} />}</RequireAuth>;
}
