import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { failRelinkRun, latestRelinkRuns, recordAudit, relinkRunById, RelinkRunRow, startRelinkRun } from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { isUniqueViolation } from '../common/db-errors';
import { conflict, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { JobState, RelinkRunModel } from './linking.model';

const toModel = (r: RelinkRunRow): RelinkRunModel => {
  const done = Number(r.done);
  const total = Number(r.total);
  // Four phases of unequal length; the bar moves through each phase's share.
  const phases: Record<string, [number, number]> = { waiting: [0, 0], postings: [0, 0.45], hubs: [0.45, 0.5], series: [0.5, 0.8], writing: [0.8, 0.99], done: [1, 1] };
  const [from, to] = phases[r.phase ?? 'waiting'] ?? [0, 0];
  const progress = r.state === JobState.DONE ? 1 : from + (to - from) * (total > 0 ? Math.min(1, done / total) : 0);
  return {
    id: r.id, state: JobState[r.state], phase: r.phase, done, total, progress, stats: r.stats, error: r.error, createdAt: r.created_at,
    startedAt: r.started_at, finishedAt: r.finished_at,
  };
};

/** Full rebuilds of postings and series, for the national admin: one at a time, progress in relink_runs. */
@Injectable()
export class RelinkService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly jobs: JobProducers,
  ) {}

  async start(actor: Actor, address: string): Promise<RelinkRunModel> {
    let row: RelinkRunRow;
    try {
      row = await startRelinkRun(this.tx.manager, { agencyId: actor.agencyId, userId: actor.userId });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('A relink is already queued or running');
      throw e;
    }
    await recordAudit(this.tx.manager, {
      action: AuditAction.RELINK_STARTED, outcome: AuditOutcome.SUCCESS, entityType: 'RelinkRun', entityId: row.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: {},
    });
    // Queued once the run is committed (the worker must find it); a run that cannot be queued fails
    // at once instead of blocking the next one.
    this.tx.afterCommit(async () => {
      try {
        await this.jobs.enqueueRelink({ runId: row.id });
      } catch (e) {
        await this.tx.run({ agencyId: actor.agencyId, userId: actor.userId, nationalAdmin: true, roles: actor.roles }, () =>
          failRelinkRun(this.tx.manager, row.id, `could not be queued: ${(e as Error).message}`, true),
        );
        throw e;
      }
    });
    return toModel(row);
  }

  async runs(): Promise<RelinkRunModel[]> {
    return (await latestRelinkRuns(this.tx.manager, 20)).map(toModel);
  }

  async run(id: string): Promise<RelinkRunModel> {
    const row = await relinkRunById(this.tx.manager, id);
    if (!row) throw notFound('RelinkRun', id);
    return toModel(row);
  }
}
