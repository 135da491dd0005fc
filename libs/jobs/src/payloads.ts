/** Job payloads, keyed by queue. Ids inside are strings so payloads survive JSON round trips. */
export interface AccountLockedNotice {
  kind: 'ACCOUNT_LOCKED';
  agencyId: string;
  subjectUserId: string;
  subjectEmail: string;
  lockedUntil: string;
  /** The audit event that recorded the lock; makes the job id deterministic. */
  auditEventId: string;
}

export type NotificationJob = AccountLockedNotice;

/** A spreadsheet of victim statements to import; the worker acts as `agencyId`, the importing agency. */
export interface ImportJob {
  importId: string;
  agencyId: string;
}

export interface JobPayloads {
  notifications: NotificationJob;
  imports: ImportJob;
}
