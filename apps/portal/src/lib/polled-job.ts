'use client';

import { useEffect, useRef, useState } from 'react';
import { useLoadReason } from './errors';

const POLL_MS = 1000;

/**
 * Follows a job in the worker (an import, an upload) once a second until `finished(job)`, then calls `onFinished`
 * once. `load` (memoise it on the job's id) answers the job, or null when there is none: `missing`, and the polling
 * stops. A failed poll is `error`, in words, and the polling goes on; `finished` must keep its identity.
 */
export function usePolledJob<T>(load: () => Promise<T | null>, finished: (job: T) => boolean, onFinished: (job: T) => void) {
  const loadReason = useLoadReason();
  const [job, setJob] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  // The parent's callback may change identity on every render; that must not restart the polling.
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const data = await load();
        if (!live) return;
        setError(null);
        if (!data) {
          setMissing(true);
          return;
        }
        setJob(data);
        if (finished(data)) {
          onFinishedRef.current(data);
          return;
        }
      } catch (e) {
        if (!live) return;
        // Keep trying: one dropped poll should not end the view of a running job.
        setError(loadReason(e));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    }
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [load, finished, loadReason]);

  return { job, error, missing };
}
