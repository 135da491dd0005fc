'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { ListFoot, RetryAlert } from '../../components/ListParts';
import { useNotificationView } from '../../components/NotificationText';
import { useAuth } from '../../lib/auth';
import { useErrorMessage, useLoadErrorMessage } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { useLiveResync, useNotificationAdded } from '../../lib/live';
import { usePagedList } from '../../lib/paged-list';
import { announceNotificationsChanged } from '../../lib/requests';
import { MARK_NOTIFICATION_READ, NOTIFICATIONS, type AppNotification } from '../../components/NotificationBell';

const PAGE_SIZE = 30;

/** All of the user's notifications, newest first: a sentence, a link, read or not. */
export function Notifications() {
  const t = useTranslations('notifications');
  const { request } = useAuth();
  const view = useNotificationView();
  const formatDateTime = useFormatDateTime();
  const loadErrorMessage = useLoadErrorMessage();
  const errorMessage = useErrorMessage();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const fetchPage = useCallback(
    async (after: string | null) =>
      (await request(NOTIFICATIONS, { first: PAGE_SIZE, after, unreadOnly })).notifications,
    [request, unreadOnly],
  );
  const { items, setItems, total, hasMore, loading, error, reload, loadMore } = usePagedList(fetchPage, { clearOnError: true });
  useNotificationAdded(reload);
  useLiveResync(reload, 'notifications');

  async function markRead(n: AppNotification) {
    setActionError(null);
    try {
      const d = await request(MARK_NOTIFICATION_READ, { id: n.id });
      setItems((prev) => prev.map((p) => (p.id === n.id ? d.markNotificationRead : p)));
      announceNotificationsChanged();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  async function markAllShown() {
    for (const n of items.filter((i) => !i.readAt)) await markRead(n);
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <div className="actions">
          <label className="check">
            <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid="notifications-unread-only" />
            {t('unreadOnly')}
          </label>
          {items.some((n) => !n.readAt) && (
            <button type="button" className="btn" onClick={() => void markAllShown()} data-testid="notifications-page-mark-all">
              {t('markAllShown')}
            </button>
          )}
        </div>
      </div>
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={reload} />}
      {actionError && <RetryAlert message={actionError} onRetry={reload} />}
      <section className="card table-card">
        <div className="table-toolbar">
          <span className="muted" aria-live="polite" data-testid="notifications-total">
            {t('total', { total: total ?? 0 })}
          </span>
        </div>
        <ul className="notification-list" data-testid="notification-list">
          {items.map((n) => {
            const v = view(n);
            return (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification unread'} data-testid="notification-row" data-kind={n.kind}
                data-read={n.readAt ? 'true' : 'false'}>
                {!n.readAt && <span className="unread-dot" role="img" aria-label={t('unread')} title={t('unread')} />}
                <span className={`notification-kind nk-${n.kind}`}>{t.has(`kindLabels.${n.kind}`) ? t(`kindLabels.${n.kind}`) : n.kind}</span>
                <span className="notification-text">
                  {v.href ? (
                    <Link href={v.href} onClick={() => void markRead(n)} data-testid="notification-link">
                      {v.text}
                    </Link>
                  ) : (
                    v.text
                  )}
                </span>
                <span className="muted small nowrap">{formatDateTime(n.createdAt)}</span>
                {!n.readAt && (
                  <button type="button" className="btn btn-small" onClick={() => void markRead(n)} data-testid="notification-mark-read">
                    {t('markRead')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore}
          empty={items.length === 0 && error === null && <p className="muted table-status">{t('empty')}</p>} />
      </section>
    </>
  );
}
