'use client';

import { RequireAuth } from '../../components/RequireAuth';
import { canUseTaskForces } from './shared';
import { TaskForceList } from './TaskForceList';

export default function TaskForcesRoute() {
  return <RequireAuth allow={canUseTaskForces}>{(session) => <TaskForceList user={session.user} />}</RequireAuth>;
}
