import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  activeManualRun, caseOwnerOf, legalHoldsOf, listRetentionRules, listRetentionRuns, placeLegalHold, queueRetentionRun, recordAudit, releaseLegalHold,
  RetentionRunRow, setRetentionRule,
} from '@caselink/db';
import { AuditAction, AuditOutcome, RETENTION_CLASSES, RetentionClass, retentionPeriodProblem } from '@caselink/domain';
import { JobProducers } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { LegalHoldModel, RetentionRuleModel, RetentionRunModel, SetLegalHoldInput, SetRetentionRuleInput } from './retention.model';

/**
 * Retention rules, runs and legal holds (issue 13). Who may call what is the access table's; PostgreSQL checks it
 * again (only the national admin changes a rule or queues a run, only the owning agency's supervisors hold a case).
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly producers: JobProducers,
  ) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  async rules(): Promise<RetentionRuleModel[]> {
    return (await listRetentionRules(this.m)).map((r) => ({
      ...r, caseBound: RETENTION_CLASSES[r.dataClass].caseBound, purged: RETENTION_CLASSES[r.dataClass].purged,
    }));
  }

  async setRule(actor: Actor, input: SetRetentionRuleInput, address: string): Promise<RetentionRuleModel> {
    const problem = retentionPeriodProblem(input.dataClass, input.periodDays);
    if (problem) {
      const floor = RETENTION_CLASSES[input.dataClass].minDays;
      throw badInput('input.periodDays', `${problem} · 保留期不得少于 ${floor} 天、不得多于 36500 天`);
    }
    const before = (await this.rules()).find((r) => r.dataClass === input.dataClass);
    if (!(await setRetentionRule(this.m, input.dataClass, input.periodDays, actor.userId))) {
      throw forbidden('Only the national centre sets retention periods · 仅国家中心可设置保留期');
    }
    await this.audit(actor, AuditAction.RETENTION_RULE_SET, 'RetentionRule', input.dataClass, address, {
      dataClass: input.dataClass, before: before?.periodDays, after: input.periodDays,
    });
    return (await this.rules()).find((r) => r.dataClass === input.dataClass) as RetentionRuleModel;
  }

  async runs(limit: number): Promise<RetentionRunModel[]> {
    return (await listRetentionRuns(this.m, limit)).map(toRunModel);
  }

  /**
   * Queued in the transaction; the job is added once it commits (its id is the run's, so a retry adds nothing). A run
   * of the last quarter hour still queued or running is answered instead, its job added again in case Redis lost it
   * (the same id: nothing is doubled); older ones are the worker's to call abandoned.
   */
  async runNow(actor: Actor, address: string): Promise<RetentionRunModel> {
    const active = await activeManualRun(this.m, 15);
    const run = active ?? (await queueRetentionRun(this.m, actor.userId));
    if (!active) await this.audit(actor, AuditAction.RETENTION_RUN_STARTED, 'RetentionRun', run.id, address, {});
    this.tx.afterCommit(() => this.producers.enqueueRetention(run.jobId));
    const [row] = await listRetentionRuns(this.m, 1, [run.id]);
    return toRunModel(row);
  }

  async legalHolds(caseIds: readonly string[]): Promise<Map<string, LegalHoldModel>> {
    return new Map((await legalHoldsOf(this.m, caseIds)).map((h) => [h.caseId, h]));
  }

  async setLegalHold(actor: Actor, input: SetLegalHoldInput, address: string): Promise<LegalHoldModel> {
    const reason = input.reason.trim();
    if (!reason) throw badInput('input.reason', 'must say why the case is held · 请填写保全原因');
    await this.ownedCase(actor, input.caseId, 'input.caseId');
    if (!(await placeLegalHold(this.m, input.caseId, actor.agencyId, reason, actor.userId))) {
      throw conflict('The case is already under legal hold · 该案件已处于法律保全状态', { field: 'input.caseId' });
    }
    // The reason is case material (only the case's readers see it): the audit trail, read by auditors, keeps its length.
    await this.audit(actor, AuditAction.LEGAL_HOLD_SET, 'Case', input.caseId, address, { reasonLength: reason.length });
    return (await this.legalHolds([input.caseId])).get(input.caseId) as LegalHoldModel;
  }

  async releaseLegalHold(actor: Actor, caseId: string, address: string): Promise<boolean> {
    await this.ownedCase(actor, caseId, 'caseId');
    const released = await releaseLegalHold(this.m, caseId);
    if (!released) throw notFound('LegalHold', caseId);
    await this.audit(actor, AuditAction.LEGAL_HOLD_RELEASED, 'Case', caseId, address, { heldSince: released.setAt });
    return true;
  }

  /** Holds are the owning agency's: a case shared with the caller is not theirs to hold. */
  private async ownedCase(actor: Actor, caseId: string, field: string): Promise<void> {
    const owner = await caseOwnerOf(this.m, caseId);
    if (!owner) throw notFound('Case', caseId);
    if (owner !== actor.agencyId) throw forbidden(`${field}: only the agency that owns the case holds it · 仅案件所属机构可设置法律保全`);
  }

  private audit(actor: Actor, action: AuditAction, entityType: string, entityId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.m, {
      action, outcome: AuditOutcome.SUCCESS, entityType, entityId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}

function toRunModel(r: RetentionRunRow): RetentionRunModel {
  return {
    id: r.id, trigger: r.trigger, status: r.status, queuedAt: r.queuedAt, startedAt: r.startedAt, finishedAt: r.finishedAt,
    failure: r.failure, requestedByEmail: r.requestedByEmail,
    purgedTotal: r.counts.reduce((n, c) => n + c.purged, 0),
    counts: r.counts.map((c) => ({ dataClass: c.dataClass as RetentionClass, agencyId: c.agencyId, agencyName: c.agencyName, purged: c.purged, ruleDays: c.ruleDays })),
  };
}
