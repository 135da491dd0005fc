'use client';

import { useCallback, useEffect, useState } from 'react';
import { useAuth } from './auth';
import { useLiveRefresh } from './live';
import { REQUESTS_CHANGED_EVENT } from './requests';
import { graphql } from '../gql';
import type { InboxCountsQuery } from '../gql/graphql';

type InboxCounts = InboxCountsQuery['inboxCounts'];

const INBOX_COUNTS = graphql(`query InboxCounts { inboxCounts { unread open overdue } }`);

/**
 * The agency's inbox figures (unread, open, overdue): loaded when the user signs in, again on every pushed
 * change, after a reconnect, and when a page here read or changed a request.
 */
export function useInboxCounts(enabled: boolean, userId: string | undefined): InboxCounts | null {
  const { request } = useAuth();
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const load = useCallback(() => {
    if (!enabled || !userId) return;
    request(INBOX_COUNTS)
      .then((data) => setCounts(data.inboxCounts))
      // A badge is a convenience: the inbox itself reports failures.
      .catch(() => undefined);
  }, [enabled, userId, request]);
  useEffect(() => {
    load();
    window.addEventListener(REQUESTS_CHANGED_EVENT, load);
    return () => window.removeEventListener(REQUESTS_CHANGED_EVENT, load);
  }, [load]);
  useLiveRefresh(load);
  return enabled ? counts : null;
}
