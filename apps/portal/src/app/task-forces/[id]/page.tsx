'use client';

import { useParams } from 'next/navigation';
import { RequireAuth } from '../../../components/RequireAuth';
import { canUseTaskForces } from '../shared';
import { TaskForcePage } from './TaskForcePage';

export default function TaskForceRoute() {
  const { id } = useParams<{ id: string }>();
  return <RequireAuth allow={canUseTaskForces}>{() => <TaskForcePage id={id} />}</RequireAuth>;
}
