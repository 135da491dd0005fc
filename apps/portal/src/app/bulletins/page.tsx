'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { BulletinList } from './BulletinList';
import { canSeeBulletins } from '../../lib/access';

export default function BulletinsRoute() {
  return <RequireAuth allow={canSeeBulletins}>{(session) => <BulletinList user={session.user} />}</RequireAuth>;
}
