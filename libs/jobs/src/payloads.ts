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

/** The addressed agency moved a request (answered, acknowledged, declined ...): its author hears of it. */
export interface RequestChangedNotice {
  kind: 'REQUEST_ANSWERED';
  /** The sending agency, as which the worker writes the notification. */
  agencyId: string;
  userId: string;
  requestId: string;
  reference: string;
  caseId: string;
  caseNumber: string;
  state: string;
  /** The timeline event of the change; makes the job id deterministic. */
  eventId: string;
}

export type NotificationJob = AccountLockedNotice | RequestChangedNotice;

/** A spreadsheet of victim statements to import; the worker acts as `agencyId`, the importing agency. */
export interface ImportJob {
  importId: string;
  agencyId: string;
}

/** One row of the linking outbox (evidence_changes): a case whose identifiers changed, or a value whose standing did. */
export interface EvidenceLinkJob {
  changeId: string;
}

/** A full rebuild of postings, hubs and series, reported in relink_runs. */
export interface EvidenceRelinkJob {
  runId: string;
}

/** A fund trace too deep to answer at once, run as `agencyId` (the requester's access applies). */
export interface FundsTraceJob {
  traceId: string;
  agencyId: string;
  userId: string;
}

/** What the clock owes a request: escalate an unanswered one, warn before a hold lapses, let it lapse. */
export type DeadlineDue = 'ANSWER' | 'EXPIRY_WARNING' | 'EXPIRY' | 'TASK';

/** Run as the sending agency; the processor re-checks the request, so early, late or repeated jobs are harmless. */
export interface DeadlineJob {
  /** The request, or for TASK the task force task. */
  requestId: string;
  fromAgencyId: string;
  due: DeadlineDue;
  /** When it was due (ISO), to measure lateness. */
  at: string;
}

/** A published bulletin to match against every case and announce to its recipients (idempotent). */
export interface BulletinJob {
  bulletinId: string;
}
/**
 * Risk rules: evaluate one batch of stored signals (one reportRiskSignals call, or one batch of an upload), or
 * ingest an uploaded CSV of signals as `agencyId` (the reporter) and evaluate it batch by batch.
 */
export type RiskRulesJob = { kind: 'EVALUATE'; batchId: string } | { kind: 'UPLOAD'; uploadId: string; agencyId: string };

/** A retention run: scheduled (the worker's job scheduler) or queued by the national admin (its run row exists). */
export interface RetentionJob {
  trigger: 'SCHEDULE' | 'MANUAL';
}

/** Sign and publish every agency's audit chain head (scheduled; or on demand). */
export interface AuditAnchorJob {
  reason: 'SCHEDULE' | 'MANUAL';
}

export interface JobPayloads {
  notifications: NotificationJob;
  imports: ImportJob;
  'evidence-link': EvidenceLinkJob;
  'evidence-relink': EvidenceRelinkJob;
  'funds-trace': FundsTraceJob;
  deadlines: DeadlineJob;
  bulletins: BulletinJob;
  'risk-rules': RiskRulesJob;
  retention: RetentionJob;
  'audit-anchor': AuditAnchorJob;
}
