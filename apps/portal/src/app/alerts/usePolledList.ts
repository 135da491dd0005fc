'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useNotificationAdded } from '../../lib/live';
import type { Connection } from '../../lib/types';

const FLASH_MS = 4000;

interface Options {
  /** How often the first page is read again while the tab is visible; 0 for never. */
  intervalMs?: number;
  /** Also read again, a moment later, when a notification of one of these kinds is pushed. */
  notificationKinds?: readonly string[];
}

/**
 * A cursor-paged list (as lib/paged-list.ts) that keeps itself fresh: every `intervalMs` and after a matching
 * pushed notification it reads the first page again and puts it in front of the further pages already loaded,
 * so new rows appear on top without the list jumping back to page one. Rows that came in that way are listed
 * in `fresh` for a few seconds (a highlight). A change of `fetchPage` (a filter) starts over.
 */
export function usePolledPagedList<T extends { id: string }>(
  fetchPage: (after: string | null) => Promise<Connection<T>>,
  { intervalMs = 10_000, notificationKinds = [] }: Options = {},
) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const generation = useRef(0);
  // How many rows the first page held when it was last read, and whether further pages were appended.
  const firstCount = useRef(0);
  const extraPages = useRef(false);
  const busy = useRef(false);
  // The rows on screen, for the background refresh to merge into.
  const shown = useRef<T[]>([]);
  useEffect(() => {
    shown.current = items;
  }, [items]);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(flashTimer.current), []);

  const load = useCallback(
    async (after: string | null) => {
      const mine = after ? generation.current : ++generation.current;
      setLoading(true);
      setError(null);
      busy.current = true;
      try {
        const page = await fetchPage(after);
        if (mine !== generation.current) return;
        const rows = page.edges.map((e) => e.node);
        if (after) {
          extraPages.current = true;
          setItems((prev) => [...prev, ...rows.filter((r) => !prev.some((p) => p.id === r.id))]);
        } else {
          firstCount.current = rows.length;
          extraPages.current = false;
          setItems(rows);
          setFresh(new Set());
        }
        setTotal(page.totalCount);
        setCursor(page.pageInfo.endCursor);
        setHasMore(page.pageInfo.hasNextPage);
      } catch (e) {
        if (mine !== generation.current) return;
        setError(e);
        if (!after) setItems([]);
      } finally {
        if (mine === generation.current) {
          setLoading(false);
          busy.current = false;
        }
      }
    },
    [fetchPage],
  );

  /** Reads the first page again in the background: no "loading", rows stay on screen, a failure is kept quiet. */
  const refresh = useCallback(async () => {
    if (busy.current) return;
    const mine = generation.current;
    busy.current = true;
    try {
      const page = await fetchPage(null);
      if (mine !== generation.current) return;
      const rows = page.edges.map((e) => e.node);
      const ids = new Set(rows.map((r) => r.id));
      const prev = shown.current;
      const known = new Set(prev.map((p) => p.id));
      const added = rows.filter((r) => !known.has(r.id)).map((r) => r.id);
      setItems(extraPages.current ? [...rows, ...prev.slice(firstCount.current).filter((p) => !ids.has(p.id))] : rows);
      firstCount.current = rows.length;
      setTotal(page.totalCount);
      if (!extraPages.current) {
        setCursor(page.pageInfo.endCursor);
        setHasMore(page.pageInfo.hasNextPage);
      }
      setError(null);
      if (added.length > 0) {
        setFresh(new Set(added));
        clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => setFresh(new Set()), FLASH_MS);
      }
    } catch {
      // The next round tries again; the rows on screen stay valid meanwhile.
    } finally {
      if (mine === generation.current) busy.current = false;
    }
  }, [fetchPage]);

  useEffect(() => {
    void load(null);
  }, [load]);

  useEffect(() => {
    if (!intervalMs) return;
    const timer = setInterval(() => {
      if (typeof document !== 'undefined' && document.hidden) return;
      void refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);

  const pushTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pushTimer.current), []);
  useNotificationAdded((n) => {
    if (!notificationKinds.includes(n.kind)) return;
    // The notification is written with the alert, but give the api a moment rather than race its commit.
    clearTimeout(pushTimer.current);
    pushTimer.current = setTimeout(() => void refresh(), 300);
  });

  return {
    items,
    setItems,
    total,
    hasMore,
    loading,
    error,
    fresh,
    reload: useCallback(() => void load(null), [load]),
    refresh,
    loadMore: useCallback(() => void load(cursor), [load, cursor]),
  };
}
