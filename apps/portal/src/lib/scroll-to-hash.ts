'use client';

import { useEffect } from 'react';

/**
 * Scrolls to the element the address's #fragment names once `ready` (the section or row it names is rendered):
 * the work queue's links (/cases/<id>#links, /access-requests#<id>, /task-forces/<id>#task-<id>) land on what is
 * loaded after the page, which neither the browser nor the router can find when they look, at navigation.
 */
export function useScrollToHash(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [ready]);
}
