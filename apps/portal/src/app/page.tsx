'use client';

import { RequireAuth } from '../components/RequireAuth';
import { Home } from './home/Home';

export default function HomePage() {
  return <RequireAuth>{(session) => <Home user={session.user} />}</RequireAuth>;
}
