'use client';

import { useTranslations } from 'next-intl';
import { answersRequests } from '../../lib/access';
import { useAuth } from '../../lib/auth';
import { useInboxCounts } from '../../lib/inbox-counts';

/**
 * Unread, open and overdue requests of the agency, as small figures. The api counts unread and open among the
 * requests addressed to the agency, so a sending police agency sees its overdue figure only.
 */
export function InboxCountsStrip() {
  const t = useTranslations('requests.counts');
  const { session } = useAuth();
  const counts = useInboxCounts(true, session?.user.id);
  if (!counts || !session) return null;
  const answering = answersRequests(session.user);
  return (
    <div className="inbox-counts" aria-live="polite" data-testid="inbox-counts">
      {answering && (
        <>
          <span className="inbox-count" data-testid="inbox-unread" data-count={counts.unread}>
            <strong>{counts.unread}</strong> {t('unread')}
          </span>
          <span className="inbox-count" data-testid="inbox-open" data-count={counts.open}>
            <strong>{counts.open}</strong> {t('open')}
          </span>
        </>
      )}
      <span className={`inbox-count${counts.overdue > 0 ? ' inbox-count-bad' : ''}`} data-testid="inbox-overdue" data-count={counts.overdue}>
        <strong>{counts.overdue}</strong> {t('overdue')}
      </span>
    </div>
  );
}
