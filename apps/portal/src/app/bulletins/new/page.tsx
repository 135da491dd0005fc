'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { PublishForm } from './PublishForm';
import { canPublishBulletins } from '../../../lib/access';

export default function NewBulletinRoute() {
  return <RequireAuth allow={canPublishBulletins}>{(session) => <PublishForm user={session.user} />}</RequireAuth>;
}
