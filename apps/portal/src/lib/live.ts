'use client';

/**
 * Live updates over graphql-ws: one socket per signed-in tab, opened by <LiveUpdates /> in the layout with the
 * current access token and opened anew whenever the token is refreshed. Pages listen through the hooks below;
 * after a reconnect (the socket dropped, or a new token) they are told to load again, since pushes sent while
 * the socket was down are gone.
 *
 * Where the socket goes: NEXT_PUBLIC_CASELINK_WS_URL when set at build time, else same origin /graphql (ws:// or
 * wss:// as the page), which the portal's /graphql rewrite passes on to the api, upgrade included.
 */
import { createClient } from 'graphql-ws';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { NOTIFICATION_ADDED, REQUEST_UPDATES } from './documents';
import type { RequestUpdate } from './types';

export type LiveStatus = 'off' | 'connecting' | 'open' | 'closed';

/** A notification as pushed (no read mark: a new one is unread). */
export interface LiveNotification {
  id: string;
  kind: string;
  payload: string;
  createdAt: string;
}

type Listener<T> = (value: T) => void;

const requestListeners = new Set<Listener<RequestUpdate>>();
const notificationListeners = new Set<Listener<LiveNotification>>();
const resyncListeners = new Set<() => void>();
const statusListeners = new Set<() => void>();
let status: LiveStatus = 'off';
/** Whether a socket of this tab was ever acknowledged: any later connection means pushes may have been missed. */
let connectedOnce = false;

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const l of statusListeners) l();
}

function emit<T>(listeners: Set<Listener<T>>, value: T) {
  for (const l of [...listeners]) {
    try {
      l(value);
    } catch {
      // One broken listener must not starve the others.
    }
  }
}

/** The socket's address: the build-time override, else this page's origin. */
export function liveUrl(): string {
  const configured = process.env.NEXT_PUBLIC_CASELINK_WS_URL;
  if (configured) return configured;
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

/** Keeps one socket open for `token` (none while signed out); a new token closes the old socket and opens another. */
export function useLiveConnection(token: string | undefined): void {
  useEffect(() => {
    if (!token) {
      setStatus('off');
      connectedOnce = false;
      return;
    }
    setStatus('connecting');
    const client = createClient({
      url: liveUrl(),
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      keepAlive: 20_000,
      // The api may be restarting or the token about to be replaced: keep trying, with the client's backoff.
      retryAttempts: Number.MAX_SAFE_INTEGER,
      shouldRetry: () => true,
      on: {
        connecting: () => setStatus('connecting'),
        connected: () => {
          setStatus('open');
          if (connectedOnce) for (const l of [...resyncListeners]) l();
          connectedOnce = true;
        },
        closed: () => setStatus('closed'),
      },
    });
    const stopRequests = client.subscribe<{ requestUpdates: RequestUpdate }>(
      { query: REQUEST_UPDATES },
      {
        next: (result) => result.data && emit(requestListeners, result.data.requestUpdates),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const stopNotifications = client.subscribe<{ notificationAdded: LiveNotification }>(
      { query: NOTIFICATION_ADDED },
      {
        next: (result) => result.data && emit(notificationListeners, result.data.notificationAdded),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      stopRequests();
      stopNotifications();
      void client.dispose();
    };
  }, [token]);
}

/** The socket's state, for a small "live" indicator. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (onChange) => {
      statusListeners.add(onChange);
      return () => statusListeners.delete(onChange);
    },
    () => status,
    () => 'off',
  );
}

/** Calls `handler` for each pushed request change (the handler may change between renders). */
export function useRequestUpdates(handler: (update: RequestUpdate) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const listener = (u: RequestUpdate) => ref.current(u);
    requestListeners.add(listener);
    return () => {
      requestListeners.delete(listener);
    };
  }, []);
}

/** Calls `handler` for each new notification of the signed-in user. */
export function useNotificationAdded(handler: (notification: LiveNotification) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const listener = (n: LiveNotification) => ref.current(n);
    notificationListeners.add(listener);
    return () => {
      notificationListeners.delete(listener);
    };
  }, []);
}

/** Calls `handler` when the socket came back after a drop or a token refresh: load again what is shown. */
export function useLiveResync(handler: () => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const listener = () => ref.current();
    resyncListeners.add(listener);
    return () => {
      resyncListeners.delete(listener);
    };
  }, []);
}

/**
 * Runs `refresh` once shortly after pushed changes that `matches` (all by default) and after a reconnect: a
 * burst of changes (an answer and its messages) loads once.
 */
export function useLiveRefresh(refresh: () => void, matches: (update: RequestUpdate) => boolean = () => true, delayMs = 250): void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const schedule = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  };
  useRequestUpdates((u) => {
    if (matches(u)) schedule();
  });
  useLiveResync(schedule);
}
