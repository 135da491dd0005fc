'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { canSeeBulletins } from './access';
import { BulletinList } from './BulletinList';

export default function BulletinsRoute() {
  return <RequireAuth allow={canSeeBulletins}>{(session) => <BulletinList user={session.user} />}</RequireAuth>;
}
