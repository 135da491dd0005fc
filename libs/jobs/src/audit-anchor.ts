import { Queue } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';
import type { AuditAnchorJob } from './payloads';
import { QUEUES } from './queues';

/** The one job scheduler of the audit-anchor queue: upserting it again (every worker does at start) keeps one schedule. */
export const AUDIT_ANCHOR_SCHEDULER_ID = 'audit-anchor-every';

/**
 * A publication is not retried by BullMQ: the next one (at most AUDIT_ANCHOR_EVERY_MS later) does the same work, and
 * a failed one must stay visible as failed (a refusal to sign over a rewritten chain is an alarm, not a hiccup).
 */
export const AUDIT_ANCHOR_JOB_OPTIONS = { attempts: 1, removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 30 * 24 * 3600 } };

export function auditAnchorQueue(connection: ConnectionOptions, prefix: string): Queue<AuditAnchorJob> {
  return new Queue<AuditAnchorJob>(QUEUES.auditAnchor, { connection, prefix, defaultJobOptions: AUDIT_ANCHOR_JOB_OPTIONS });
}

/** Asks for a publication now; a job already waiting does the same, so asking twice at once queues one. */
export async function requestAuditAnchorPublication(queue: Queue<AuditAnchorJob>): Promise<string> {
  const job = await queue.add('publish', { reason: 'MANUAL' }, { jobId: `manual-${Math.floor(Date.now() / 1000)}` });
  return job.id ?? '';
}
