'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { canPublishBulletins } from '../access';
import { PublishForm } from './PublishForm';

export default function NewBulletinRoute() {
  return <RequireAuth allow={canPublishBulletins}>{(session) => <PublishForm user={session.user} />}</RequireAuth>;
}
