'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Connection } from './types';

interface Options {
  /** Empty the list when its first page fails to load (filtered lists: old rows would not match the filter). */
  clearOnError?: boolean;
}

/**
 * A cursor-paged list: loads the first page whenever `fetchPage` changes (memoise it on what it depends on),
 * appends further pages on `loadMore`. `error` is the raw failure of the last load, for the caller to word.
 */
export function usePagedList<T>(fetchPage: (after: string | null) => Promise<Connection<T>>, { clearOnError = false }: Options = {}) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [totalCapped, setTotalCapped] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // Only the latest load may write: a filter changed twice quickly must not show the first filter's rows when its
  // answer arrives last.
  const latest = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const ticket = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchPage(after);
        if (ticket !== latest.current) return;
        const rows = page.edges.map((e) => e.node);
        setItems((prev) => (after ? [...prev, ...rows] : rows));
        setTotal(page.totalCount);
        setTotalCapped(page.totalCountCapped === true);
        setCursor(page.pageInfo.endCursor);
        setHasMore(page.pageInfo.hasNextPage);
      } catch (e) {
        if (ticket !== latest.current) return;
        setError(e);
        if (clearOnError && !after) setItems([]);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [fetchPage, clearOnError],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    setItems,
    total,
    /** total is a lower bound (the api stopped counting). */
    totalCapped,
    setTotal,
    hasMore,
    loading,
    error,
    /** Loads the first page again. */
    reload: useCallback(() => void load(null), [load]),
    loadMore: useCallback(() => void load(cursor), [load, cursor]),
  };
}
