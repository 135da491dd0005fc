import { Injectable } from '@nestjs/common';
import { AgencyKind, allowedTaskTransitions, AuditAction, AuditOutcome, OPEN_TASK_STATUSES, PROVINCES } from '@caselink/domain';
import {
  addTaskForceAgency, addTaskForceCase, createTaskForce, insertTask, listTaskForces, recordAudit, removeTaskForceAgency, removeTaskForceCase, seriesCaseOwners,
  setTaskStatus, taskById, taskForceAgencyIds, taskForceById, TaskForceRow, taskForceLead, taskForceTasks, TaskForceTaskRow, userAgencyOf, visibleCasesByIds,
} from '@caselink/db';
import { JobProducers, type TaskForceUpdateEvent } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { LivePublisher } from '../live/live.publisher';
import { AgencyDirectory } from '../cases/agency-directory';
import { CasesService } from '../cases/cases.service';
import { CreateTaskForceInput, DispatchTaskInput, TaskForceModel, TaskModel, TaskStatus } from './task-force.model';

/**
 * Task forces: a supervisor forms one (lead = own agency) with member police agencies and its own
 * cases; members read those cases while they are members (row-level security: the cases policy). Tasks
 * are dispatched to member agencies, shown on a board by province and status, and escalate when overdue.
 */
@Injectable()
export class TaskForcesService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly directory: AgencyDirectory,
    private readonly jobs: JobProducers,
    private readonly live: LivePublisher,
  ) {}

  /** After commit, tells the force's agencies (and `also`, e.g. a removed member) that it changed, so open boards re-read it. */
  private async announce(taskForceId: string, kind: TaskForceUpdateEvent['kind'], taskId: string | null, also: string[] = []): Promise<void> {
    const agencyIds = [...new Set([...(await taskForceAgencyIds(this.tx.manager, taskForceId)), ...also])];
    this.tx.afterCommit(() => this.live.taskForceUpdate({ taskForceId, agencyIds, kind, taskId, at: new Date().toISOString() }));
  }

  async create(actor: Actor, input: CreateTaskForceInput, address: string): Promise<TaskForceModel> {
    const all = await this.directory.all(this.tx.manager);
    const members = new Set<string>();
    for (const [i, id] of input.memberAgencyIds.entries()) {
      if (all.get(id)?.kind !== AgencyKind.POLICE) throw badInput(`input.memberAgencyIds.${i}`, 'must be a police agency');
      if (id !== actor.agencyId) members.add(id);
    }
    const caseIds = new Set(input.caseIds);
    if (input.seriesId) {
      // From a series: the caller's own cases in it join; the agencies holding the others become members.
      const rows = await seriesCaseOwners(this.tx.manager, input.seriesId);
      if (rows.length === 0) throw badInput('input.seriesId', 'is not a series you can see');
      for (const r of rows) if (r.agency_id === actor.agencyId) caseIds.add(r.case_id);
      for (const r of rows) if (r.agency_id !== actor.agencyId) members.add(r.agency_id);
    }
    const owners = new Map((await visibleCasesByIds(this.tx.manager, [...caseIds])).map((c) => [c.id, c.agency_id]));
    for (const [i, id] of [...caseIds].entries()) {
      const owner = owners.get(id);
      if (!owner) throw badInput(`input.caseIds.${i}`, 'is not a case you can see');
      if (owner !== actor.agencyId) throw badInput(`input.caseIds.${i}`, 'only the owning agency puts its case in a task force');
    }
    const id = await createTaskForce(this.tx.manager, {
      name: input.name.trim(), leadAgencyId: actor.agencyId, seriesId: input.seriesId ?? null, createdBy: actor.userId, memberAgencyIds: [...members], caseIds: [...caseIds],
    });
    await this.audit(actor, AuditAction.TASK_FORCE_CREATED, id, address, { members: [...members], cases: [...caseIds] });
    return this.get(actor, id);
  }

  async list(actor: Actor): Promise<TaskForceModel[]> {
    return this.build(actor, await listTaskForces(this.tx.manager));
  }

  async get(actor: Actor, id: string): Promise<TaskForceModel> {
    const f = await taskForceById(this.tx.manager, id);
    if (!f) throw notFound('TaskForce', id);
    return (await this.build(actor, [f]))[0];
  }

  /** Forces (read with their members and cases) with their tasks and board: one more statement for any number of forces, and the cases. */
  private async build(actor: Actor, forces: TaskForceRow[]): Promise<TaskForceModel[]> {
    if (forces.length === 0) return [];
    const tasks = await taskForceTasks(this.tx.manager, forces.map((f) => f.id));
    const cases = new Map((await this.cases.byIds(actor, [...new Set(forces.flatMap((f) => f.case_ids))])).map((c) => [c.id, c]));
    return Promise.all(forces.map(async (f) => {
      const isLead = f.lead_agency_id === actor.agencyId;
      const own = tasks.filter((t) => t.task_force_id === f.id);
      const board = new Map<string, { province: string | null; status: TaskStatus; count: number; overdue: number }>();
      for (const t of own) {
        const key = `${t.province ?? ''}:${t.status}`;
        const cell = board.get(key) ?? { province: t.province, status: t.status, count: 0, overdue: 0 };
        cell.count++;
        if (this.isOverdue(t)) cell.overdue++;
        board.set(key, cell);
      }
      return {
        id: f.id, name: f.name, leadAgency: await this.directory.get(f.lead_agency_id),
        agencies: await Promise.all([f.lead_agency_id, ...f.member_agency_ids].map((a) => this.directory.get(a))),
        cases: f.case_ids.flatMap((c) => cases.get(c) ?? []),
        tasks: await Promise.all(own.map((t) => this.toTask(actor, t, isLead))),
        board: [...board.values()].sort((a, b) => (a.province ?? '').localeCompare(b.province ?? '') || a.status.localeCompare(b.status)),
        isLead, seriesId: f.series_id, createdAt: f.created_at, closedAt: f.closed_at,
      };
    }));
  }

  async setAgency(actor: Actor, taskForceId: string, agencyId: string, member: boolean, address: string): Promise<TaskForceModel> {
    await this.assertLead(actor, taskForceId);
    if (member) {
      if ((await this.directory.all(this.tx.manager)).get(agencyId)?.kind !== AgencyKind.POLICE) throw badInput('agencyId', 'must be a police agency');
      if (agencyId === actor.agencyId) throw badInput('agencyId', 'the lead agency is always in');
      await addTaskForceAgency(this.tx.manager, taskForceId, agencyId, actor.userId);
    } else if (!(await removeTaskForceAgency(this.tx.manager, taskForceId, agencyId))) {
      throw notFound('TaskForceMember', agencyId);
    }
    await this.audit(actor, member ? AuditAction.TASK_FORCE_MEMBER_ADDED : AuditAction.TASK_FORCE_MEMBER_REMOVED, taskForceId, address, { agencyId });
    await this.announce(taskForceId, 'MEMBERS', null, [agencyId]);
    return this.get(actor, taskForceId);
  }

  async setCase(actor: Actor, taskForceId: string, caseId: string, inForce: boolean, address: string): Promise<TaskForceModel> {
    // The force must be one the caller sees (NOT_FOUND otherwise); the policies decide the rest.
    if (!(await taskForceLead(this.tx.manager, taskForceId))) throw notFound('TaskForce', taskForceId);
    const c = await this.cases.get(actor, caseId);
    if (inForce) {
      if (c.owner.id !== actor.agencyId) throw forbidden('Only the owning agency puts its case in a task force');
      await addTaskForceCase(this.tx.manager, taskForceId, caseId, actor.userId);
    } else {
      const out = await removeTaskForceCase(this.tx.manager, taskForceId, caseId);
      if (!out.live) throw notFound('TaskForceCase', caseId);
      if (!out.removed) throw forbidden('Only the case owner or the lead agency takes a case out of a task force');
    }
    await this.audit(actor, inForce ? AuditAction.TASK_FORCE_CASE_ADDED : AuditAction.TASK_FORCE_CASE_REMOVED, taskForceId, address, { caseId });
    await this.announce(taskForceId, 'CASES', null);
    return this.get(actor, taskForceId);
  }

  async dispatch(actor: Actor, input: DispatchTaskInput, address: string): Promise<TaskModel> {
    const force = await this.get(actor, input.taskForceId);
    if (!force.isLead) throw forbidden('The lead agency dispatches tasks');
    if (!force.agencies.some((a) => a.id === input.assigneeAgencyId)) throw badInput('input.assigneeAgencyId', 'must be an agency of the task force');
    if (input.province && !PROVINCES[input.province]) throw badInput('input.province', `${input.province} is not a province code`);
    if (input.caseId && !force.cases.some((c) => c.id === input.caseId)) throw badInput('input.caseId', 'must be a case of the task force');
    if (Number.isNaN(input.dueAt.getTime())) throw badInput('input.dueAt', 'must be a date and time');
    if (input.assigneeUserId && (await userAgencyOf(this.tx.manager, input.assigneeUserId)) !== input.assigneeAgencyId) {
      throw badInput('input.assigneeUserId', 'must be an active user of the assigned agency');
    }
    const t = await insertTask(this.tx.manager, {
      taskForceId: input.taskForceId, kind: input.kind, title: input.title.trim(), province: input.province ?? null, caseId: input.caseId ?? null,
      assigneeAgencyId: input.assigneeAgencyId, assigneeUserId: input.assigneeUserId ?? null, dueAt: input.dueAt, createdBy: actor.userId,
    });
    await this.audit(actor, AuditAction.TASK_DISPATCHED, input.taskForceId, address, { taskId: t.id, kind: input.kind, assignee: input.assigneeAgencyId });
    // The deadlines queue escalates it if it is still open when due (acting as the lead agency).
    this.tx.afterCommit(() => this.jobs.scheduleDeadline({ requestId: t.id, fromAgencyId: actor.agencyId, due: 'TASK', at: t.due_at.toISOString() }));
    await this.announce(input.taskForceId, 'TASK', t.id);
    return this.toTask(actor, t, true);
  }

  async setStatus(actor: Actor, id: string, status: TaskStatus, address: string): Promise<TaskModel> {
    const t = await taskById(this.tx.manager, id);
    if (!t) throw notFound('TaskForceTask', id);
    const isLead = t.lead_agency_id === actor.agencyId;
    const allowed = this.allowed(actor, t, isLead);
    if (!allowed.includes(status)) {
      const all = [...allowedTaskTransitions(t.status, 'ASSIGNEE'), ...allowedTaskTransitions(t.status, 'LEAD')];
      throw conflict(`The task is ${t.status}: ${all.length ? `it can only become ${all.join(', ')}, and not by you` : 'that is final'}`, { currentState: t.status });
    }
    // Conditional on the state read above: a concurrent change makes this a CONFLICT, not a lost update.
    const u = await setTaskStatus(this.tx.manager, id, t.status, status);
    if (!u) throw conflict('The task changed meanwhile; reload it', { currentState: t.status });
    await this.audit(actor, AuditAction.TASK_STATUS_CHANGED, t.task_force_id, address, { taskId: id, from: t.status, to: status });
    await this.announce(t.task_force_id, 'TASK', id);
    return this.toTask(actor, u, isLead);
  }

  private allowed(actor: Actor, t: TaskForceTaskRow, isLead: boolean): TaskStatus[] {
    const out: TaskStatus[] = [];
    if (t.assignee_agency_id === actor.agencyId) out.push(...allowedTaskTransitions(t.status, 'ASSIGNEE'));
    if (isLead) out.push(...allowedTaskTransitions(t.status, 'LEAD'));
    return [...new Set(out)];
  }

  private isOverdue(t: TaskForceTaskRow): boolean {
    return OPEN_TASK_STATUSES.includes(t.status) && (t.overdue_at !== null || t.due_at.getTime() < Date.now());
  }

  private async toTask(actor: Actor, t: TaskForceTaskRow, isLead: boolean): Promise<TaskModel> {
    return {
      // The column's CHECK holds TaskKind's values.
      id: t.id, kind: t.kind, title: t.title, province: t.province, caseId: t.case_id, assigneeAgency: await this.directory.get(t.assignee_agency_id),
      assigneeUserId: t.assignee_user_id, dueAt: t.due_at, status: t.status, overdue: this.isOverdue(t), allowedStatuses: this.allowed(actor, t, isLead),
      createdAt: t.created_at, updatedAt: t.updated_at,
    };
  }

  private async assertLead(actor: Actor, id: string): Promise<void> {
    const lead = await taskForceLead(this.tx.manager, id);
    if (!lead) throw notFound('TaskForce', id);
    if (lead !== actor.agencyId) throw forbidden('Only the lead agency changes who is in the task force');
  }

  private audit(actor: Actor, action: AuditAction, id: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.tx.manager, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'TaskForce', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
