import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  claimRequestDeadline, inAgencyTransaction, markTaskOverdue, notifyAgencyRoles, notifyRequestSender, recordAudit, recordClockEvent, requestsDue, taskForceAgencyIds, tasksDue,
} from '@caselink/db';
import { AuditAction, AuditOutcome, Role } from '@caselink/domain';
import { DeadlineDue, DeadlineJob, LiveBus, publishNotification, publishRequestUpdate, publishTaskForceUpdate, QUEUES } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import { LIVE_BUS } from '../connections';
import type { QueueProcessor } from '../queue-processor';
import { deadlineLateness, sweepRequeued } from '../metrics/worker-metrics';
import { Sweep } from '../sweep';

export interface DeadlineOutcome {
  acted: boolean;
  /** Milliseconds between when it was due and when it was acted on. */
  latenessMs?: number;
}

/**
 * Deadlines that act: an unanswered request turns OVERDUE at its deadline and its sender's supervisors
 * (and author) are told; a freeze about to lapse warns its sender, and lapses (EXPIRED) at its end.
 * Each action is one conditional UPDATE acting as the sending agency, so an early, late, repeated or
 * stale job does nothing twice. Delayed BullMQ jobs give punctuality; a sweep of `requests_due()` every
 * DEADLINE_SWEEP_MS catches whatever Redis lost.
 */
@Injectable()
export class DeadlinesProcessor implements QueueProcessor, OnApplicationBootstrap, OnApplicationShutdown {
  readonly queue = QUEUES.deadlines;
  private readonly log = new Logger(DeadlinesProcessor.name);
  private readonly sweeper: Sweep;

  constructor(
    private readonly ds: DataSource,
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.sweeper = new Sweep('deadline sweep', config.DEADLINE_SWEEP_MS, () => this.sweepDue(), this.log);
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  /** The bus is WorkerModule's: it closes it after the jobs have drained. */
  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
  }

  process(job: Job<DeadlineJob>): Promise<DeadlineOutcome> {
    return this.act(job.data.requestId, job.data.fromAgencyId, job.data.due);
  }

  /** Whatever is due now, for requests whose job went missing (never two sweeps at once; failures are logged). */
  sweep(): Promise<void> {
    return this.sweeper.run();
  }

  private async sweepDue(): Promise<void> {
    const due: Array<{ id: string; from_agency_id: string; due: DeadlineDue }> = await requestsDue(this.ds.manager);
    const tasks = await tasksDue(this.ds.manager);
    for (const t of tasks) due.push({ id: t.id, from_agency_id: t.lead_agency_id, due: 'TASK' });
    for (const d of due) {
      // One request that cannot be handled now (a lock, a deadlock) must not hold up the others.
      const done = await this.act(d.id, d.from_agency_id, d.due).catch((e: Error) => this.log.warn(`deadline ${d.due} ${d.id}: ${e.message}`));
      // Acted on by the sweep, not its delayed job: that job went missing (or is just about to find nothing to do).
      if (done?.acted) sweepRequeued.inc({ queue: this.queue });
    }
  }

  async act(requestId: string, fromAgencyId: string, due: DeadlineDue): Promise<DeadlineOutcome> {
    if (due === 'TASK') return this.observed(due, await this.taskOverdue(requestId, fromAgencyId));
    const published: Array<() => Promise<void>> = [];
    const outcome = await inAgencyTransaction(this.ds, { agencyId: fromAgencyId, userId: null }, async (m) => {
      const row = await claimRequestDeadline(m, requestId, due);
      if (!row) return { acted: false };
      const dueAt = due === 'ANSWER' ? row.deadline_at : due === 'EXPIRY' ? row.expires_at : null;
      // A warning belongs to one end of a hold: an extension moves the end and earns a new warning.
      const occasion = new Date((due === 'ANSWER' ? row.deadline_at : row.expires_at) as Date).getTime();
      const latenessMs = dueAt ? Date.now() - new Date(dueAt).getTime() : undefined;
      const kind = due === 'ANSWER' ? 'OVERDUE' : due === 'EXPIRY_WARNING' ? 'EXPIRY_WARNING' : 'STATE';
      await recordClockEvent(m, {
        requestId: row.id, agencyId: fromAgencyId, kind, from: due === 'EXPIRY' ? row.state : null, to: due === 'EXPIRY' ? 'EXPIRED' : null,
        data: { dueAt, firedAt: new Date().toISOString(), latenessMs }, dedupeKey: `${due}:${row.id}:${occasion}`,
      });
      // The clock's changes are audited like anyone's, in the same transaction (no user: the deadline acted).
      await recordAudit(m, {
        action: due === 'EXPIRY' ? AuditAction.REQUEST_STATE_CHANGED : AuditAction.REQUEST_DEADLINE_REACHED, outcome: AuditOutcome.SUCCESS,
        entityType: 'AgencyRequest', entityId: row.id, agencyId: fromAgencyId, actorUserId: null, actorEmail: null,
        details: { reference: row.reference, due, ...(due === 'EXPIRY' ? { from: row.state, to: 'EXPIRED' } : {}), dueAt },
      });
      // The author and the agency's supervisors hear of it.
      const notice = due === 'ANSWER' ? 'REQUEST_OVERDUE' : due === 'EXPIRY_WARNING' ? 'HOLD_EXPIRING' : 'HOLD_EXPIRED';
      const payload = { requestId: row.id, reference: row.reference, caseId: row.case_id, caseNumber: row.case_number, type: row.type, kind: row.kind, dueAt };
      const notified = await notifyRequestSender(m, { agencyId: fromAgencyId, authorId: row.created_by, kind: notice, payload, dedupeKey: `${notice}:${row.id}:${occasion}` });
      published.push(() => publishRequestUpdate(this.bus, this.config.QUEUE_PREFIX, {
        requestId: row.id, reference: row.reference, type: row.type, state: due === 'EXPIRY' ? 'EXPIRED' : row.state, eventKind: kind,
        overdue: due === 'ANSWER', sent: true, fromAgencyId: row.from_agency_id, toAgencyId: row.to_agency_id, at: new Date().toISOString(),
      }));
      for (const n of notified) {
        published.push(() => publishNotification(this.bus, this.config.QUEUE_PREFIX, {
          id: n.id, userId: n.user_id, agencyId: fromAgencyId, kind: notice, payload, createdAt: new Date(n.created_at).toISOString(),
        }));
      }
      return { acted: true, latenessMs };
    });
    for (const p of published) await p().catch((e: Error) => this.log.warn(`live event lost: ${e.message}`));
    if (outcome.acted) this.log.log(`${due} ${requestId} acted on ${outcome.latenessMs ?? 0} ms after it was due`);
    return this.observed(due, outcome);
  }

  private observed(due: DeadlineDue, outcome: DeadlineOutcome): DeadlineOutcome {
    if (outcome.acted && outcome.latenessMs !== undefined) deadlineLateness.observe({ due }, Math.max(0, outcome.latenessMs) / 1000);
    return outcome;
  }

  /** An open task past its due time: flagged once, and the lead agency's supervisors hear of it. */
  private async taskOverdue(taskId: string, leadAgencyId: string): Promise<DeadlineOutcome> {
    const notified: Array<{ id: string; user_id: string; created_at: Date; payload: Record<string, unknown> }> = [];
    let board: { taskForceId: string; agencyIds: string[] } | undefined;
    const outcome = await inAgencyTransaction(this.ds, { agencyId: leadAgencyId, userId: null }, async (m) => {
      const t = await markTaskOverdue(m, taskId);
      if (!t) return { acted: false };
      const payload = { taskId: t.id, taskForceId: t.task_force_id, title: t.title, kind: t.kind, dueAt: t.due_at };
      const delivered = await notifyAgencyRoles(m, { agencyId: leadAgencyId, roles: [Role.SUPERVISOR], kind: 'TASK_OVERDUE', payload, dedupeKey: `TASK_OVERDUE:${t.id}` });
      for (const n of delivered) notified.push({ ...n, payload });
      const agencies = await taskForceAgencyIds(m, t.task_force_id);
      board = { taskForceId: t.task_force_id, agencyIds: agencies };
      return { acted: true, latenessMs: Date.now() - new Date(t.due_at).getTime() };
    });
    for (const n of notified) {
      await publishNotification(this.bus, this.config.QUEUE_PREFIX, {
        id: n.id, userId: n.user_id, agencyId: leadAgencyId, kind: 'TASK_OVERDUE', payload: n.payload, createdAt: new Date(n.created_at).toISOString(),
      }).catch(() => undefined);
    }
    // Open boards of the force turn the task red without a reload.
    if (board) {
      await publishTaskForceUpdate(this.bus, this.config.QUEUE_PREFIX, { ...board, kind: 'TASK_OVERDUE', taskId, at: new Date().toISOString() }).catch(() => undefined);
    }
    return outcome;
  }
}
