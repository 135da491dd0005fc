'use client';

import { useParams } from 'next/navigation';
import { RequireAuth } from '../../../components/RequireAuth';
import { TaskForcePage } from './TaskForcePage';
import { canUseTaskForces } from '../../../lib/access';

export default function TaskForceRoute() {
  const { id } = useParams<{ id: string }>();
  return <RequireAuth allow={canUseTaskForces}>{() => <TaskForcePage id={id} />}</RequireAuth>;
}
