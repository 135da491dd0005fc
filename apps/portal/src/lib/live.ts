'use client';

/**
 * Live updates over graphql-ws: one socket per signed-in tab, opened by <LiveUpdates /> in the layout with the
 * current access token and opened anew whenever the token is refreshed. Pages listen through the hooks below.
 *
 * Request updates, notifications and task force updates carry a sequence: the last one seen is kept per subscription,
 * and after a reconnect (the socket dropped, maybe to another api process, or a new token) the subscription asks for
 * what came after it, so pages get the missed pushes as ordinary ones. Pages are told to load again only when that
 * cannot work: the api no longer keeps events that old (GONE, reason LIVE_GAP), no sequence was seen yet, or for the
 * work queue (its pushes carry none).
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

const REQUEST_UPDATES = graphql(`subscription RequestUpdates($after: String) { requestUpdates(after: $after) { requestId reference type state eventKind overdue fromAgencyId toAgencyId at sequence } }`);
const NOTIFICATION_ADDED = graphql(`subscription NotificationAdded($after: String) { notificationAdded(after: $after) { id kind payload createdAt sequence } }`);
const TASK_FORCE_UPDATES = graphql(`subscription TaskForceUpdates($after: String) { taskForceUpdates(after: $after) { taskForceId kind taskId at sequence } }`);
const WORK_QUEUE_CHANGED = graphql(`subscription WorkQueueChanged { workQueueChanged { kinds at } }`);

export type LiveStatus = 'off' | 'connecting' | 'open' | 'closed';

/** The subscriptions a page may need to load again for, when their missed pushes cannot be caught up on. */
export type LiveStream = 'requests' | 'notifications' | 'task-forces' | 'work-queue';


type Listener<T> = (value: T) => void;

const requestListeners = new Set<Listener<RequestUpdate>>();
const notificationListeners = new Set<Listener<LiveNotification>>();
const taskForceListeners = new Set<Listener<TaskForceUpdate>>();
const workQueueListeners = new Set<Listener<WorkQueueChange>>();
const resyncListeners = new Set<Listener<LiveStream>>();
/** The last sequence seen per subscription, sent back as `after` when it is opened again. */
const lastSequence: Partial<Record<LiveStream, string>> = {};
const statusListeners = new Set<() => void>();
let status: LiveStatus = 'off';
/** Whether a socket of this tab was ever acknowledged: any later connection means pushes may have been missed. */
let connectedOnce = false;

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const l of statusListeners) l();
}

/** Orders two sequences ("<ms>-<n>", as the api hands them out), numerically. */
export function compareSequence(a: string, b: string): number {
  const [am = '0', an = '0'] = a.split('-');
  const [bm = '0', bn = '0'] = b.split('-');
  const d = BigInt(am) - BigInt(bm) || BigInt(an) - BigInt(bn);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Whether the api said it cannot catch this subscription up (`after` too old or not one it knows): load again instead. */
export function isCatchUpRefused(errors: unknown): boolean {
  const list = Array.isArray(errors) ? (errors as Array<{ extensions?: Record<string, unknown> }>) : [];
  return list.some((e) => e.extensions?.['reason'] === 'LIVE_GAP' || (e.extensions?.['code'] === 'BAD_USER_INPUT' && e.extensions?.['field'] === 'after'));
}

function resync(stream: LiveStream) {
  emit(resyncListeners, stream);
}

type Subscribable = Pick<ReturnType<typeof createClient>, 'subscribe'>;

/**
 * Follows one subscription on `client`, remembering the last sequence seen. The variables are read at each send,
 * so graphql-ws's own resubscription after a reconnect carries the latest `after`. When the api refuses to catch up,
 * pages load again and the subscription starts afresh.
 */
export function follow<T extends { sequence?: string | null }>(
  client: Subscribable, stream: LiveStream, query: string, field: string, listeners: Set<Listener<T>>,
): () => void {
  let stop: () => void = () => undefined;
  let stopped = false;
  const start = () => {
    stop = client.subscribe<Record<string, T>>(
      {
        query,
        get variables() {
          return { after: lastSequence[stream] ?? null };
        },
      },
      {
        next: (result) => {
          const value = result.data?.[field];
          if (!value) return;
          const seen = lastSequence[stream];
          if (value.sequence && (!seen || compareSequence(value.sequence, seen) > 0)) lastSequence[stream] = value.sequence;
          emit(listeners, value);
        },
        error: (errors) => {
          if (stopped || !isCatchUpRefused(errors)) return;
          delete lastSequence[stream];
          resync(stream);
          start();
        },
        complete: () => undefined,
      },
    );
  };
  start();
  return () => {
    stopped = true;
    stop();
  };
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
      for (const k of Object.keys(lastSequence) as LiveStream[]) delete lastSequence[k];
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
          // Subscriptions with a sequence catch up by themselves; the others may have missed pushes: load again.
          if (connectedOnce) for (const s of ['requests', 'notifications', 'task-forces', 'work-queue'] as const) if (!lastSequence[s]) resync(s);
          connectedOnce = true;
        },
        closed: () => setStatus('closed'),
      },
    });
    const stopRequests = follow<RequestUpdate>(client, 'requests', REQUEST_UPDATES.toString(), 'requestUpdates', requestListeners);
    const stopNotifications = follow<LiveNotification>(client, 'notifications', NOTIFICATION_ADDED.toString(), 'notificationAdded', notificationListeners);
    const stopTaskForces = follow<TaskForceUpdate>(client, 'task-forces', TASK_FORCE_UPDATES.toString(), 'taskForceUpdates', taskForceListeners);
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

/**
 * Calls `handler` when pushes of `stream` (any, when not given) may have been missed and cannot be caught up on (the
 * socket came back and the api no longer keeps them, or none had been seen to catch up from): load again what is shown.
 */
export function useLiveResync(handler: () => void, stream?: LiveStream): void {
  useListener<LiveStream>(resyncListeners, (s) => {
    if (!stream || s === stream) handler();
  });
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
  useLiveResync(schedule, 'requests');
}

/** Runs `refresh` shortly after a change to task force `taskForceId` (any force when null) and after a reconnect. */
export function useTaskForceRefresh(taskForceId: string | null, refresh: () => void, delayMs = 250): void {
  const schedule = useCoalesced(refresh, delayMs);
  useTaskForceUpdates((u) => {
    if (taskForceId === null || u.taskForceId === taskForceId) schedule();
  });
  useLiveResync(schedule, 'task-forces');
}

/** Runs `refresh` shortly after the user's work queue may have changed (a burst loads once) and after a reconnect. */
export function useWorkQueueRefresh(refresh: () => void, delayMs = 250): void {
  const schedule = useCoalesced(refresh, delayMs);
  useListener<WorkQueueChange>(workQueueListeners, schedule);
  useLiveResync(schedule, 'work-queue');
}
