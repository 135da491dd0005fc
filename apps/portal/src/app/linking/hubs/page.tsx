'use client';

import { RequireAuth } from '../../../components/RequireAuth';
import { canReviewHubs } from '../../../lib/access';
import { HubReviews } from './HubReviews';

export default function HubReviewsRoute() {
  return <RequireAuth allow={canReviewHubs}>{(session) => <HubReviews user={session.user} />}</RequireAuth>;
}
