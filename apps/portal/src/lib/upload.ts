'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from './auth';
import { GqlError } from './graphql';
import { uploadFile, type UploadProgress } from './rest';

/** The largest file the portal's proxy passes on (next.config.ts); bigger ones are refused here. */
export const MAX_UPLOAD_BYTES = Number(process.env.CASELINK_MAX_UPLOAD_BYTES ?? 32 * 1024 * 1024);

/**
 * One upload at a time with its progress: `send` resolves with the api's answer or rejects with a GqlError
 * (PAYLOAD_TOO_LARGE at once for a file the proxy would not pass on); leaving the page aborts a running upload.
 */
export function useUpload<T>() {
  const { withToken } = useAuth();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const send = useCallback(
    async (path: string, file: File): Promise<T> => {
      if (file.size > MAX_UPLOAD_BYTES) {
        throw new GqlError([{ message: 'file too large', code: 'PAYLOAD_TOO_LARGE', field: 'file', maxBytes: MAX_UPLOAD_BYTES }]);
      }
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setBusy(true);
      setProgress({ loaded: 0, total: file.size });
      try {
        return await withToken((token) => uploadFile<T>(path, file, token, setProgress, controller.signal));
      } finally {
        if (abort.current === controller) abort.current = null;
        setBusy(false);
        setProgress(null);
      }
    },
    [withToken],
  );

  return { send, busy, progress };
}
