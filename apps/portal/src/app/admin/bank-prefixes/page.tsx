'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { may } from '../../../lib/access';
import { BankPrefixesAdmin } from './BankPrefixesAdmin';

/** A bank's card BINs and account-number prefixes: its admins only (the access table's addBankPrefixes line); others get "no access". */
export default function BankPrefixesPage() {
  return <RequireAuth allow={(u) => may(u, 'addBankPrefixes')}>{(session) => <BankPrefixesAdmin me={session.user} />}</RequireAuth>;
}
