'use client';

import { useParams } from 'next/navigation';
import { RequireAuth } from '../../../components/RequireAuth';
import { BulletinPage } from './BulletinPage';
import { canSeeBulletins } from '../../../lib/access';

export default function BulletinRoute() {
  const { id } = useParams<{ id: string }>();
  return <RequireAuth allow={canSeeBulletins}>{(session) => <BulletinPage id={id} user={session.user} />}</RequireAuth>;
}
