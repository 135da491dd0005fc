'use client';

import { Suspense } from 'react';
import { RequireAuth } from '../../components/RequireAuth';
import { TaskForceList } from './TaskForceList';
import { canUseTaskForces } from '../../lib/access';

export default function TaskForcesRoute() {
  // Suspense: the list reads ?series= (forming a task force from a series).
  return (
    <Suspense>
      <RequireAuth allow={canUseTaskForces}>{(session) => <TaskForceList user={session.user} />}</RequireAuth>
    </Suspense>
  );
}
