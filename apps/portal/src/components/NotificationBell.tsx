'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '../lib/auth';
import { useLoadErrorMessage } from '../lib/errors';
import { useFormatDateTime } from '../lib/format';
import { useLiveResync, useNotificationAdded } from '../lib/live';
import { announceNotificationsChanged, NOTIFICATIONS_CHANGED_EVENT } from '../lib/requests';
import { useNotificationView } from './NotificationText';
import { graphql } from '../gql';
import type { NotificationFieldsFragment } from '../gql/graphql';

export type AppNotification = NotificationFieldsFragment;

graphql(`fragment NotificationFields on Notification { id kind payload createdAt readAt }`);
export const NOTIFICATIONS = graphql(`query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } totalCount }
}`);
const UNREAD_NOTIFICATION_COUNT = graphql(`query UnreadNotificationCount { unreadNotificationCount }`);
export const MARK_NOTIFICATION_READ = graphql(`mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { ...NotificationFields } }`);

const SHOWN = 8;

/** The unread count: loaded at sign-in, bumped by pushes, recounted after reads here and after a reconnect. */
function useUnreadCount(userId: string): [number, () => void] {
  const { request } = useAuth();
  const [count, setCount] = useState(0);
  const load = useCallback(() => {
    request(UNREAD_NOTIFICATION_COUNT)
      .then((d) => setCount(d.unreadNotificationCount))
      .catch(() => undefined);
  }, [request]);
  useEffect(() => {
    load();
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, load);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, load);
  }, [load, userId]);
  useLiveResync(load, 'notifications');
  return [count, load];
}

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round"
      strokeLinejoin="round">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** A bell in the top bar with the unread count; opens the latest notifications, each a sentence and a link. */
export function NotificationBell({ userId }: { userId: string }) {
  const t = useTranslations('notifications');
  const { request } = useAuth();
  const router = useRouter();
  const view = useNotificationView();
  const formatDateTime = useFormatDateTime();
  const loadError = useLoadErrorMessage();
  const [count, recount] = useUnreadCount(userId);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fresh, setFresh] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const loadList = useCallback(() => {
    setError(null);
    request(NOTIFICATIONS, { first: SHOWN })
      .then((d) => setItems(d.notifications.edges.map((e) => e.node)))
      .catch((e: unknown) => setError(e));
  }, [request]);

  useNotificationAdded((n) => {
    recount();
    setFresh((f) => f + 1);
    // An open list shows the new one at once.
    setItems((prev) => (prev ? [{ ...n, readAt: null }, ...prev.filter((p) => p.id !== n.id)].slice(0, SHOWN) : prev));
  });

  useEffect(() => {
    if (open) loadList();
  }, [open, loadList]);

  // Focus moves into the list when it opens (Tab then walks its items); Escape closes it and gives focus back to the bell.
  useEffect(() => {
    if (open) menu.current?.focus();
  }, [open]);

  // Closes on a click elsewhere or Escape.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function markRead(n: AppNotification): Promise<void> {
    if (n.readAt) return;
    try {
      const d = await request(MARK_NOTIFICATION_READ, { id: n.id });
      setItems((prev) => prev?.map((p) => (p.id === n.id ? d.markNotificationRead : p)) ?? prev);
      announceNotificationsChanged();
    } catch {
      // Still unread: it stays bold and counted.
    }
  }

  async function follow(n: AppNotification, href: string | null) {
    await markRead(n);
    setOpen(false);
    if (href) router.push(href);
  }

  async function markAllShown() {
    await Promise.all((items ?? []).filter((n) => !n.readAt).map((n) => markRead(n)));
  }

  return (
    <div className="bell" ref={box}>
      <button ref={button} type="button" className={`bell-button${count > 0 ? ' has-unread' : ''}`} aria-haspopup="dialog" aria-expanded={open}
        onClick={() => setOpen((o) => !o)} title={t('bellTitle', { count })} aria-label={t('bellTitle', { count })} data-testid="notification-bell"
        data-count={count} data-fresh={fresh}>
        <BellIcon />
        {count > 0 && (
          <span className="bell-count" data-testid="notification-count">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {/* Says the new count when a notification is pushed (not on every page load). */}
      <span className="visually-hidden" aria-live="polite" data-testid="notification-live">
        {fresh > 0 ? t('bellTitle', { count }) : ''}
      </span>
      {open && (
        <div ref={menu} className="bell-menu" role="dialog" aria-label={t('title')} tabIndex={-1} data-testid="notification-menu">
          <div className="bell-head">
            <strong>{t('title')}</strong>
            {items?.some((n) => !n.readAt) && (
              <button type="button" className="btn-link small" onClick={() => void markAllShown()} data-testid="notifications-mark-all">
                {t('markAllShown')}
              </button>
            )}
          </div>
          {error !== null && <p className="field-error bell-empty">{loadError(error)}</p>}
          {!items && error === null && <p className="muted bell-empty">{t('loading')}</p>}
          {items?.length === 0 && <p className="muted bell-empty">{t('empty')}</p>}
          {items && items.length > 0 && (
            <ul className="bell-list">
              {items.map((n) => {
                const v = view(n);
                return (
                  <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item unread'} data-testid="notification-item" data-kind={n.kind}
                    data-read={n.readAt ? 'true' : 'false'}>
                    <button type="button" className="bell-item-button" onClick={() => void follow(n, v.href)}>
                      {!n.readAt && <span className="unread-dot" aria-hidden="true" />}
                      <span className="bell-text">
                        <span>{v.text}</span>
                        <span className="muted small">{formatDateTime(n.createdAt)}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <div className="bell-foot">
            <Link href="/notifications" onClick={() => setOpen(false)} data-testid="notifications-all">
              {t('seeAll')}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
