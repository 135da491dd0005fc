import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the HTTP request (api) or of the request a job came from (worker) that the current code serves.
 * Kept in AsyncLocalStorage rather than passed along: audit rows and queued jobs pick it up without touching
 * the dozens of places that write them (recordAudit, JobProducers read it; the api and the worker set it).
 */
const scope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` (and everything it awaits) as part of request `requestId`. */
export function runInRequestScope<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** What an incoming x-request-id must look like to be kept (else one is made): short, no spaces or markup. */
export const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
