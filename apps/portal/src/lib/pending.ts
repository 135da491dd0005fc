/** Tells the top bar to recount pending incoming access requests after a decision. */
export const PENDING_CHANGED_EVENT = 'caselink:access-requests-changed';

export function announcePendingChanged(): void {
  window.dispatchEvent(new Event(PENDING_CHANGED_EVENT));
}
