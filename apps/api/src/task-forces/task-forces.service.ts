import { Injectable } from '@nestjs/common';
import { AgencyKind, allowedTaskTransitions, AuditAction, AuditOutcome, PROVINCES } from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import { JobProducers, type TaskForceUpdateEvent } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { LivePublisher } from '../live/live.publisher';
import { AgencyDirectory } from '../cases/agency-directory';
import { CasesService } from '../cases/cases.service';
import { CreateTaskForceInput, DispatchTaskInput, TaskForceModel, TaskKind, TaskModel, TaskStatus } from './task-force.model';

interface ForceRow {
  id: string;
  name: string;
  lead_agency_id: string;
  series_id: string | null;
  created_at: Date;
  closed_at: Date | null;
}
interface TaskRow {
  id: string;
  task_force_id: string;
  kind: TaskKind;
  title: string;
  province: string | null;
  case_id: string | null;
  assignee_agency_id: string;
  assignee_user_id: string | null;
  due_at: Date;
  status: TaskStatus;
  overdue_at: Date | null;
  created_at: Date;
  updated_at: Date;
}


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
    const rows = (await this.tx.manager.query(
      `SELECT lead_agency_id AS id FROM task_forces WHERE id = $1
       UNION SELECT agency_id FROM task_force_agencies WHERE task_force_id = $1 AND removed_at IS NULL`, [taskForceId],
    )) as Array<{ id: string }>;
    const agencyIds = [...new Set([...rows.map((r) => r.id), ...also])];
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
      const rows = (await this.tx.manager.query(
        'SELECT m.case_id, m.agency_id FROM series_members m WHERE m.series_id = $1', [input.seriesId],
      )) as Array<{ case_id: string; agency_id: string }>;
      if (rows.length === 0) throw badInput('input.seriesId', 'is not a series you can see');
      for (const r of rows) if (r.agency_id === actor.agencyId) caseIds.add(r.case_id);
      const owners = (await this.tx.manager.query('SELECT DISTINCT agency_id FROM series_members WHERE series_id = $1', [input.seriesId])) as Array<{ agency_id: string }>;
      for (const o of owners) if (o.agency_id !== actor.agencyId) members.add(o.agency_id);
    }
    for (const [i, id] of [...caseIds].entries()) {
      const [c] = (await this.tx.manager.query('SELECT agency_id FROM cases WHERE id = $1', [id])) as Array<{ agency_id: string }>;
      if (!c) throw badInput(`input.caseIds.${i}`, 'is not a case you can see');
      if (c.agency_id !== actor.agencyId) throw badInput(`input.caseIds.${i}`, 'only the owning agency puts its case in a task force');
    }
    const [force] = (await this.tx.manager.query(
      'INSERT INTO task_forces (name, lead_agency_id, series_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.name.trim(), actor.agencyId, input.seriesId ?? null, actor.userId],
    )) as Array<{ id: string }>;
    for (const a of members) {
      await this.tx.manager.query('INSERT INTO task_force_agencies (task_force_id, agency_id, added_by) VALUES ($1, $2, $3)', [force.id, a, actor.userId]);
    }
    for (const c of caseIds) {
      await this.tx.manager.query('INSERT INTO task_force_cases (task_force_id, case_id, added_by) VALUES ($1, $2, $3)', [force.id, c, actor.userId]);
    }
    await this.audit(actor, AuditAction.TASK_FORCE_CREATED, force.id, address, { members: [...members], cases: [...caseIds] });
    return this.get(actor, force.id);
  }

  async list(actor: Actor): Promise<TaskForceModel[]> {
    const rows = (await this.tx.manager.query('SELECT * FROM task_forces ORDER BY created_at DESC LIMIT 100')) as ForceRow[];
    return this.build(actor, rows);
  }

  async get(actor: Actor, id: string): Promise<TaskForceModel> {
    const [f] = (await this.tx.manager.query('SELECT * FROM task_forces WHERE id = $1', [id])) as ForceRow[];
    if (!f) throw notFound('TaskForce', id);
    return (await this.build(actor, [f]))[0];
  }

  /** Forces with their members, cases, tasks and board: four statements for any number of forces (the list's page too). */
  private async build(actor: Actor, forces: ForceRow[]): Promise<TaskForceModel[]> {
    if (forces.length === 0) return [];
    const ids = forces.map((f) => f.id);
    const agencies = (await this.tx.manager.query(
      'SELECT task_force_id, agency_id FROM task_force_agencies WHERE task_force_id = ANY($1) AND removed_at IS NULL ORDER BY added_at', [ids],
    )) as Array<{ task_force_id: string; agency_id: string }>;
    const caseRows = (await this.tx.manager.query(
      'SELECT task_force_id, case_id FROM task_force_cases WHERE task_force_id = ANY($1) AND removed_at IS NULL ORDER BY added_at', [ids],
    )) as Array<{ task_force_id: string; case_id: string }>;
    const tasks = (await this.tx.manager.query('SELECT * FROM task_force_tasks WHERE task_force_id = ANY($1) ORDER BY due_at, id', [ids])) as TaskRow[];
    const cases = new Map((await this.cases.byIds(actor, [...new Set(caseRows.map((c) => c.case_id))])).map((c) => [c.id, c]));
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
      const members = agencies.filter((a) => a.task_force_id === f.id).map((a) => a.agency_id);
      return {
        id: f.id, name: f.name, leadAgency: await this.directory.get(f.lead_agency_id),
        agencies: await Promise.all([f.lead_agency_id, ...members].map((a) => this.directory.get(a))),
        cases: caseRows.filter((c) => c.task_force_id === f.id).flatMap((c) => cases.get(c.case_id) ?? []),
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
      await this.tx.manager.query(
        `INSERT INTO task_force_agencies (task_force_id, agency_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [taskForceId, agencyId, actor.userId],
      );
    } else {
      const [r] = (await this.tx.manager.query(
        'UPDATE task_force_agencies SET removed_at = now() WHERE task_force_id = $1 AND agency_id = $2 AND removed_at IS NULL RETURNING 1', [taskForceId, agencyId],
      )) as [unknown[], number];
      if (r.length === 0) throw notFound('TaskForceMember', agencyId);
    }
    await this.audit(actor, member ? AuditAction.TASK_FORCE_MEMBER_ADDED : AuditAction.TASK_FORCE_MEMBER_REMOVED, taskForceId, address, { agencyId });
    await this.announce(taskForceId, 'MEMBERS', null, [agencyId]);
    return this.get(actor, taskForceId);
  }

  async setCase(actor: Actor, taskForceId: string, caseId: string, inForce: boolean, address: string): Promise<TaskForceModel> {
    await this.get(actor, taskForceId);
    const c = await this.cases.get(actor, caseId);
    if (inForce) {
      if (c.owner.id !== actor.agencyId) throw forbidden('Only the owning agency puts its case in a task force');
      await this.tx.manager.query('INSERT INTO task_force_cases (task_force_id, case_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [taskForceId, caseId, actor.userId]);
    } else {
      const [live] = (await this.tx.manager.query(
        'SELECT 1 FROM task_force_cases WHERE task_force_id = $1 AND case_id = $2 AND removed_at IS NULL', [taskForceId, caseId],
      )) as unknown[];
      if (!live) throw notFound('TaskForceCase', caseId);
      const [r] = (await this.tx.manager.query(
        'UPDATE task_force_cases SET removed_at = now() WHERE task_force_id = $1 AND case_id = $2 AND removed_at IS NULL RETURNING 1', [taskForceId, caseId],
      )) as [unknown[], number];
      if (r.length === 0) throw forbidden('Only the case owner or the lead agency takes a case out of a task force');
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
    if (input.assigneeUserId) {
      const [u] = (await this.tx.manager.query('SELECT user_agency($1) AS agency_id', [input.assigneeUserId])) as Array<{ agency_id: string | null }>;
      if (u.agency_id !== input.assigneeAgencyId) throw badInput('input.assigneeUserId', 'must be an active user of the assigned agency');
    }
    const [t] = (await this.tx.manager.query(
      `INSERT INTO task_force_tasks (task_force_id, kind, title, province, case_id, assignee_agency_id, assignee_user_id, due_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [input.taskForceId, input.kind, input.title.trim(), input.province ?? null, input.caseId ?? null, input.assigneeAgencyId, input.assigneeUserId ?? null, input.dueAt, actor.userId],
    )) as TaskRow[];
    await this.audit(actor, AuditAction.TASK_DISPATCHED, input.taskForceId, address, { taskId: t.id, kind: input.kind, assignee: input.assigneeAgencyId });
    // The deadlines queue escalates it if it is still open when due (acting as the lead agency).
    this.tx.afterCommit(() => this.jobs.scheduleDeadline({ requestId: t.id, fromAgencyId: actor.agencyId, due: 'TASK', at: t.due_at.toISOString() }));
    await this.announce(input.taskForceId, 'TASK', t.id);
    return this.toTask(actor, t, true);
  }

  async setStatus(actor: Actor, id: string, status: TaskStatus, address: string): Promise<TaskModel> {
    const [t] = (await this.tx.manager.query('SELECT * FROM task_force_tasks WHERE id = $1', [id])) as TaskRow[];
    if (!t) throw notFound('TaskForceTask', id);
    const [f] = (await this.tx.manager.query('SELECT lead_agency_id FROM task_forces WHERE id = $1', [t.task_force_id])) as Array<{ lead_agency_id: string }>;
    const isLead = f.lead_agency_id === actor.agencyId;
    const allowed = this.allowed(actor, t, isLead);
    if (!allowed.includes(status)) {
      const all = [...allowedTaskTransitions(t.status, 'ASSIGNEE'), ...allowedTaskTransitions(t.status, 'LEAD')];
      throw conflict(`The task is ${t.status}: ${all.length ? `it can only become ${all.join(', ')}, and not by you` : 'that is final'}`, { currentState: t.status });
    }
    // Conditional on the state read above: a concurrent change makes this a CONFLICT, not a lost update.
    const [u] = (await this.tx.manager.query('UPDATE task_force_tasks SET status = $2, updated_at = now() WHERE id = $1 AND status = $3 RETURNING *', [id, status, t.status])) as [TaskRow[], number];
    if (u.length === 0) throw conflict('The task changed meanwhile; reload it', { currentState: t.status });
    await this.audit(actor, AuditAction.TASK_STATUS_CHANGED, t.task_force_id, address, { taskId: id, from: t.status, to: status });
    await this.announce(t.task_force_id, 'TASK', id);
    return this.toTask(actor, u[0], isLead);
  }

  private allowed(actor: Actor, t: TaskRow, isLead: boolean): TaskStatus[] {
    const out: TaskStatus[] = [];
    if (t.assignee_agency_id === actor.agencyId) out.push(...allowedTaskTransitions(t.status, 'ASSIGNEE'));
    if (isLead) out.push(...allowedTaskTransitions(t.status, 'LEAD'));
    return [...new Set(out)];
  }

  private isOverdue(t: TaskRow): boolean {
    return (t.status === TaskStatus.OPEN || t.status === TaskStatus.IN_PROGRESS) && (t.overdue_at !== null || t.due_at.getTime() < Date.now());
  }

  private async toTask(actor: Actor, t: TaskRow, isLead: boolean): Promise<TaskModel> {
    return {
      id: t.id, kind: t.kind, title: t.title, province: t.province, caseId: t.case_id, assigneeAgency: await this.directory.get(t.assignee_agency_id),
      assigneeUserId: t.assignee_user_id, dueAt: t.due_at, status: t.status, overdue: this.isOverdue(t), allowedStatuses: this.allowed(actor, t, isLead),
      createdAt: t.created_at, updatedAt: t.updated_at,
    };
  }

  private async assertLead(actor: Actor, id: string): Promise<void> {
    const [f] = (await this.tx.manager.query('SELECT lead_agency_id FROM task_forces WHERE id = $1', [id])) as Array<{ lead_agency_id: string }>;
    if (!f) throw notFound('TaskForce', id);
    if (f.lead_agency_id !== actor.agencyId) throw forbidden('Only the lead agency changes who is in the task force');
  }

  private audit(actor: Actor, action: AuditAction, id: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.tx.manager, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'TaskForce', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
