'use client';

import { useParams } from 'next/navigation';
import { RequireAuth } from '../../../components/RequireAuth';
import { canSeeBulletins } from '../access';
import { BulletinPage } from './BulletinPage';

export default function BulletinRoute() {
  const { id } = useParams<{ id: string }>();
  return <RequireAuth allow={canSeeBulletins}>{(session) => <BulletinPage id={id} user={session.user} />}</RequireAuth>;
}
