'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { may } from '../../../lib/access';
import { MachineClientsAdmin } from './MachineClientsAdmin';

/** The agency's machine clients: its admins only (the access table's machineClients line); others get "no access". */
export default function MachineClientsPage() {
  return <RequireAuth allow={(u) => may(u, 'machineClients')}>{(session) => <MachineClientsAdmin me={session.user} />}</RequireAuth>;
}
