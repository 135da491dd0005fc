'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { canRelink } from '../../../lib/access';
import { Relink } from './Relink';

export default function RelinkRoute() {
  return <RequireAuth allow={canRelink}>{(session) => <Relink user={session.user} />}</RequireAuth>;
}
