'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { canReadWarninglist } from '../../../lib/access';
import { Warninglist } from './Warninglist';

export default function WarninglistRoute() {
  return <RequireAuth allow={canReadWarninglist}>{(session) => <Warninglist user={session.user} />}</RequireAuth>;
}
