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
import { graphql } from '../gql';
import type { NotificationAddedSubscription, RequestUpdatesSubscription, TaskForceUpdatesSubscription, WorkQueueChangedSubscription } from '../gql/graphql';

/** Pushed over graphql-ws to both agencies of a request whenever it changes. */
export type RequestUpdate = RequestUpdatesSubscription['requestUpdates'];
/** A notification as pushed (no read mark: a new one is unread). */
export type LiveNotification = NotificationAddedSubscription['notificationAdded'];
/** A task force changed: its board and tasks are read again. */
export type TaskForceUpdate = TaskForceUpdatesSubscription['taskForceUpdates'];
/** The user's work queue may have changed (these kinds): the home page asks for it again. */
export type WorkQueueChange = WorkQueueChangedSubscription['workQueueChanged'];

const REQUEST_UPDATES = graphql(`subscription RequestUpdates { requestUpdates { requestId reference type state eventKind overdue fromAgencyId toAgencyId at } }`);
const NOTIFICATION_ADDED = graphql(`subscription NotificationAdded { notificationAdded { id kind payload createdAt } }`);
const TASK_FORCE_UPDATES = graphql(`subscription TaskForceUpdates { taskForceUpdates { taskForceId kind taskId at } }`);
const WORK_QUEUE_CHANGED = graphql(`subscription WorkQueueChanged { workQueueChanged { kinds at } }`);

export type LiveStatus = 'off' | 'connecting' | 'open' | 'closed';


type Listener<T> = (value: T) => void;

const requestListeners = new Set<Listener<RequestUpdate>>();
const notificationListeners = new Set<Listener<LiveNotification>>();
const taskForceListeners = new Set<Listener<TaskForceUpdate>>();
const workQueueListeners = new Set<Listener<WorkQueueChange>>();
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
    const stopRequests = client.subscribe<RequestUpdatesSubscription>(
      { query: REQUEST_UPDATES.toString() },
      {
        next: (result) => result.data && emit(requestListeners, result.data.requestUpdates),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const stopNotifications = client.subscribe<NotificationAddedSubscription>(
      { query: NOTIFICATION_ADDED.toString() },
      {
        next: (result) => result.data && emit(notificationListeners, result.data.notificationAdded),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const stopTaskForces = client.subscribe<TaskForceUpdatesSubscription>(
      { query: TASK_FORCE_UPDATES.toString() },
      {
        next: (result) => result.data && emit(taskForceListeners, result.data.taskForceUpdates),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const stopWorkQueue = client.subscribe<WorkQueueChangedSubscription>(
      { query: WORK_QUEUE_CHANGED.toString() },
      {
        next: (result) => result.data && emit(workQueueListeners, result.data.workQueueChanged),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      stopRequests();
      stopNotifications();
      stopTaskForces();
      stopWorkQueue();
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

/** Calls the latest `handler` for each value pushed to `listeners` while the component is mounted. */
function useListener<T>(listeners: Set<Listener<T>>, handler: (value: T) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const listener = (v: T) => ref.current(v);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listeners]);
}

/** Calls `handler` for each pushed request change (the handler may change between renders). */
export function useRequestUpdates(handler: (update: RequestUpdate) => void): void {
  useListener(requestListeners, handler);
}

/** Calls `handler` for each new notification of the signed-in user. */
export function useNotificationAdded(handler: (notification: LiveNotification) => void): void {
  useListener(notificationListeners, handler);
}

/** Calls `handler` for each change to a task force the user's agency is in. */
export function useTaskForceUpdates(handler: (update: TaskForceUpdate) => void): void {
  useListener(taskForceListeners, handler);
}

/** Calls `handler` when the socket came back after a drop or a token refresh: load again what is shown. */
export function useLiveResync(handler: () => void): void {
  useListener(resyncListeners as Set<Listener<void>>, handler);
}

/** A function that runs the latest `refresh` once, `delayMs` after its last call: a burst of pushes loads once. */
function useCoalesced(refresh: () => void, delayMs: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  };
}

/**
 * Runs `refresh` once shortly after pushed changes that `matches` (all by default) and after a reconnect: a
 * burst of changes (an answer and its messages) loads once.
 */
export function useLiveRefresh(refresh: () => void, matches: (update: RequestUpdate) => boolean = () => true, delayMs = 250): void {
  const schedule = useCoalesced(refresh, delayMs);
  useRequestUpdates((u) => {
    if (matches(u)) schedule();
  });
  useLiveResync(schedule);
}

/** Runs `refresh` shortly after a change to task force `taskForceId` (any force when null) and after a reconnect. */
export function useTaskForceRefresh(taskForceId: string | null, refresh: () => void, delayMs = 250): void {
  const schedule = useCoalesced(refresh, delayMs);
  useTaskForceUpdates((u) => {
    if (taskForceId === null || u.taskForceId === taskForceId) schedule();
  });
  useLiveResync(schedule);
}

/** Runs `refresh` shortly after the user's work queue may have changed (a burst loads once) and after a reconnect. */
export function useWorkQueueRefresh(refresh: () => void, delayMs = 250): void {
  const schedule = useCoalesced(refresh, delayMs);
  useListener<WorkQueueChange>(workQueueListeners, schedule);
  useLiveResync(schedule);
}
