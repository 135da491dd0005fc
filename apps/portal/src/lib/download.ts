'use client';

import { useCallback, useState } from 'react';
import { useAuth } from './auth';
import { useErrorMessage } from './errors';
import { downloadFile } from './rest';

/**
 * Saves a file the api hands out only with the bearer token (a plain link cannot send it): `download(url, fileName)`
 * (the name is used when the answer names none), `busy` while it runs, `error` in words when it failed.
 */
export function useAuthedDownload() {
  const { withToken } = useAuth();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = useCallback(
    async (url: string, fileName: string) => {
      setBusy(true);
      setError(null);
      try {
        await withToken((token) => downloadFile(url, token, fileName));
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [withToken, errorMessage],
  );
  return { download, busy, error };
}
