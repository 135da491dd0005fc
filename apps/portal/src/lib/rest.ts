/**
 * The api's plain-HTTP routes (evidence files, spreadsheet imports), reached same-origin under /api
 * (next.config.ts rewrites them to the api). Failures become GqlError, like GraphQL ones, so one set of
 * messages and the token refresh in useAuth().withToken serve both.
 */
import { GqlError, toItem, type RawError } from './graphql';

/**
 * The portal path of an api REST path: "/attachments/1" -> "/api/attachments/1". A path the api already gives
 * as a portal path (request attachments: "/api/requests/…") stays as it is.
 */
export const apiPath = (path: string) => (path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? path : `/${path}`}`);

function errorOf(status: number, text: string): GqlError {
  try {
    const body = JSON.parse(text) as { errors?: RawError[] };
    if (body.errors?.length) return new GqlError(body.errors.map(toItem));
  } catch {
    // Not JSON: a proxy or server page.
  }
  if (status === 413) return new GqlError([{ message: `HTTP ${status}`, code: 'PAYLOAD_TOO_LARGE' }]);
  if (status === 401) return new GqlError([{ message: `HTTP ${status}`, code: 'UNAUTHENTICATED' }]);
  if (status === 410) return new GqlError([{ message: `HTTP ${status}`, code: 'GONE' }]);
  return new GqlError([{ message: `HTTP ${status}`, code: status >= 502 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR' }]);
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs one file as multipart field "file" and resolves with the JSON answer. XMLHttpRequest rather than
 * fetch: only it reports upload progress. `signal` aborts the upload (rejects with an AbortError).
 */
export function uploadFile<T>(
  path: string,
  file: File,
  token: string | undefined,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new GqlError([{ message: 'unreadable answer', code: 'INTERNAL_SERVER_ERROR' }]));
        }
      } else {
        reject(errorOf(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new GqlError([{ message: 'network error', code: 'NETWORK' }]));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The file name a content-disposition header gives (RFC 6266 filename* first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(disposition);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}

/** Hands a blob to the browser as a download under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * GETs a file with the bearer token (a plain link cannot send it) and saves it under the name the api
 * gives, else `fallbackName`.
 */
export async function downloadFile(path: string, token: string | undefined, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  } catch {
    throw new GqlError([{ message: 'network error', code: 'NETWORK' }]);
  }
  if (!response.ok) throw errorOf(response.status, await response.text().catch(() => ''));
  const blob = await response.blob();
  saveBlob(blob, fileNameOf(response.headers.get('content-disposition')) ?? fallbackName);
}
