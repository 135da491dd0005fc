import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { inAgencyTransaction, rowsOf } from '@caselink/db';
import { LiveBus, NotificationJob, publishNotification, QUEUES, RequestChangedNotice } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import { LIVE_BUS } from '../connections';
import type { QueueProcessor } from '../queue-processor';

/**
 * Writes in-app notifications. Acts as the job's agency (row-level security holds the worker too);
 * a dedupe key per job and recipient makes a second delivery of the same job a no-op.
 */
@Injectable()
export class NotificationsProcessor implements QueueProcessor {
  readonly queue = QUEUES.notifications;

  constructor(
    private readonly ds: DataSource,
    // WorkerModule's: it closes it once the jobs have drained.
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async process(job: Job<NotificationJob>): Promise<{ delivered: number }> {
    const data = job.data;
    if (data.kind === 'REQUEST_ANSWERED') return this.requestChanged(data);
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

  /** The author of a request hears that the addressed agency moved it, live too. */
  private async requestChanged(data: RequestChangedNotice): Promise<{ delivered: number }> {
    const payload = { requestId: data.requestId, reference: data.reference, caseId: data.caseId, caseNumber: data.caseNumber, state: data.state };
    const rows = await inAgencyTransaction(this.ds, { agencyId: data.agencyId, userId: null }, async (m) =>
      rowsOf<{ id: string; created_at: Date }>(await m.query(
        `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
         SELECT $1, u.id, $2, $3::jsonb, $4 FROM users u WHERE u.id = $5 AND u.agency_id = $1 AND u.active
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, created_at`,
        [data.agencyId, data.kind, JSON.stringify(payload), `${data.kind}:${data.eventId}`, data.userId],
      )),
    );
    for (const n of rows) {
      await publishNotification(this.bus, this.config.QUEUE_PREFIX, {
        id: n.id, userId: data.userId, agencyId: data.agencyId, kind: data.kind, payload, createdAt: new Date(n.created_at).toISOString(),
      }).catch(() => undefined);
    }
    return { delivered: rows.length };
  }
}
