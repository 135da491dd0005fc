import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Role } from '@caselink/domain';
import { inAgencyTransaction, notifyAgencyRoles, notifyUser } from '@caselink/db';
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
    // An account lock may be an attack in progress: every active admin of the agency hears of it.
    const rows = await inAgencyTransaction(this.ds, { agencyId: data.agencyId, userId: null }, (m) => notifyAgencyRoles(m, {
      agencyId: data.agencyId, kind: data.kind, roles: [Role.ADMIN], dedupeKey: `${data.kind}:${data.auditEventId}`,
      payload: { subjectUserId: data.subjectUserId, subjectEmail: data.subjectEmail, lockedUntil: data.lockedUntil },
    }));
    return { delivered: rows.length };
  }

  /** The author of a request hears that the addressed agency moved it, live too. */
  private async requestChanged(data: RequestChangedNotice): Promise<{ delivered: number }> {
    const payload = { requestId: data.requestId, reference: data.reference, caseId: data.caseId, caseNumber: data.caseNumber, state: data.state };
    const rows = await inAgencyTransaction(this.ds, { agencyId: data.agencyId, userId: null }, (m) =>
      notifyUser(m, { agencyId: data.agencyId, userId: data.userId, kind: data.kind, payload, dedupeKey: `${data.kind}:${data.eventId}` }),
    );
    for (const n of rows) {
      await publishNotification(this.bus, this.config.QUEUE_PREFIX, {
        id: n.id, userId: data.userId, agencyId: data.agencyId, kind: data.kind, payload, createdAt: new Date(n.created_at).toISOString(),
      }).catch(() => undefined);
    }
    return { delivered: rows.length };
  }
}
