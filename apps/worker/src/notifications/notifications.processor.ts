import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { inAgencyTransaction, rowsOf } from '@caselink/db';
import { NotificationJob, QUEUES } from '@caselink/jobs';
import type { QueueProcessor } from '../queue-processor';

/**
 * Writes in-app notifications. Acts as the job's agency (row-level security holds the worker too);
 * a dedupe key per job and recipient makes a second delivery of the same job a no-op.
 */
@Injectable()
export class NotificationsProcessor implements QueueProcessor {
  readonly queue = QUEUES.notifications;

  constructor(private readonly ds: DataSource) {}

  async process(job: Job<NotificationJob>): Promise<{ delivered: number }> {
    const data = job.data;
    return inAgencyTransaction(this.ds, { agencyId: data.agencyId, userId: null }, async (m) => {
      // An account lock may be an attack in progress: every active admin of the agency hears of it.
      const rows = rowsOf<{ id: string }>(await m.query(
        `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
         SELECT $1, u.id, $2, $3::jsonb, $4 || ':' || u.id
         FROM users u WHERE u.agency_id = $1 AND u.active AND 'ADMIN' = ANY (u.roles)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [data.agencyId, data.kind, JSON.stringify({ subjectUserId: data.subjectUserId, subjectEmail: data.subjectEmail, lockedUntil: data.lockedUntil }), `${data.kind}:${data.auditEventId}`],
      ));
      return { delivered: rows.length };
    });
  }
}
