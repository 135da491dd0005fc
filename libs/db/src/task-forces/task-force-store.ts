import type { EntityManager } from 'typeorm';
import { OPEN_TASK_STATUSES, TaskKind, TaskStatus } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Task forces (issue 15): every statement on task_forces, task_force_agencies, task_force_cases and task_force_tasks.
 * Each runs in the caller's transaction, so row-level security decides: a force and its tasks are seen by its lead
 * and live members, only the lead changes who is in, only a case's owner puts it in, the assignee works a task.
 */

/** A task force with its live members (the lead not among them) and cases, both in the order they joined. */
export interface TaskForceRow {
  id: string;
  name: string;
  lead_agency_id: string;
  series_id: string | null;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
  member_agency_ids: string[];
  case_ids: string[];
}

/** A row of task_force_tasks. */
export interface TaskForceTaskRow {
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
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT_FORCE = `SELECT f.*,
  ARRAY(SELECT a.agency_id::text FROM task_force_agencies a WHERE a.task_force_id = f.id AND a.removed_at IS NULL ORDER BY a.added_at) AS member_agency_ids,
  ARRAY(SELECT c.case_id::text FROM task_force_cases c WHERE c.task_force_id = f.id AND c.removed_at IS NULL ORDER BY c.added_at) AS case_ids
  FROM task_forces f`;

/** The newest task forces the acting agency leads or is a live member of. */
export async function listTaskForces(m: EntityManager, limit = 100): Promise<TaskForceRow[]> {
  return rowsOf<TaskForceRow>(await m.query(`${SELECT_FORCE} ORDER BY f.created_at DESC LIMIT $1`, [limit]));
}

export async function taskForceById(m: EntityManager, id: string): Promise<TaskForceRow | null> {
  const [row] = rowsOf<TaskForceRow>(await m.query(`${SELECT_FORCE} WHERE f.id = $1`, [id]));
  return row ?? null;
}

/** The lead agency of a force the acting agency may see (null: not visible). */
export async function taskForceLead(m: EntityManager, id: string): Promise<string | null> {
  const [row] = rowsOf<{ lead_agency_id: string }>(await m.query('SELECT lead_agency_id FROM task_forces WHERE id = $1', [id]));
  return row?.lead_agency_id ?? null;
}

/** The lead and the live members of a force: whom its live board updates go to (the api's changes and the worker's overdue tasks). */
export async function taskForceAgencyIds(m: EntityManager, id: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await m.query(
    `SELECT lead_agency_id AS id FROM task_forces WHERE id = $1
     UNION SELECT agency_id FROM task_force_agencies WHERE task_force_id = $1 AND removed_at IS NULL`, [id],
  ));
  return rows.map((r) => r.id);
}

/** The tasks of these forces, soonest due first. */
export async function taskForceTasks(m: EntityManager, taskForceIds: readonly string[]): Promise<TaskForceTaskRow[]> {
  return rowsOf<TaskForceTaskRow>(await m.query('SELECT * FROM task_force_tasks WHERE task_force_id = ANY($1::uuid[]) ORDER BY due_at, id', [taskForceIds]));
}

/** The cases of a series the acting agency may see, with their owners. */
export async function seriesCaseOwners(m: EntityManager, seriesId: string): Promise<Array<{ case_id: string; agency_id: string }>> {
  return rowsOf<{ case_id: string; agency_id: string }>(await m.query('SELECT m.case_id, m.agency_id FROM series_members m WHERE m.series_id = $1', [seriesId]));
}

/**
 * A new task force led by the acting agency, with its members and cases. Two statements: the policies on members and
 * cases look the force up, and a statement does not see what its own other parts write.
 */
export async function createTaskForce(
  m: EntityManager,
  f: { name: string; leadAgencyId: string; seriesId: string | null; createdBy: string; memberAgencyIds: readonly string[]; caseIds: readonly string[] },
): Promise<string> {
  const [{ id }] = rowsOf<{ id: string }>(await m.query(
    'INSERT INTO task_forces (name, lead_agency_id, series_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id', [f.name, f.leadAgencyId, f.seriesId, f.createdBy],
  ));
  if (f.memberAgencyIds.length > 0 || f.caseIds.length > 0) {
    await m.query(
      `WITH members AS (INSERT INTO task_force_agencies (task_force_id, agency_id, added_by) SELECT $1::uuid, a, $4::uuid FROM unnest($2::uuid[]) AS a)
       INSERT INTO task_force_cases (task_force_id, case_id, added_by) SELECT $1::uuid, c, $4::uuid FROM unnest($3::uuid[]) AS c`,
      [id, f.memberAgencyIds, f.caseIds, f.createdBy],
    );
  }
  return id;
}

/** The lead adds an agency (nothing if it is in already). */
export async function addTaskForceAgency(m: EntityManager, taskForceId: string, agencyId: string, addedBy: string): Promise<void> {
  await m.query('INSERT INTO task_force_agencies (task_force_id, agency_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [taskForceId, agencyId, addedBy]);
}

/** The lead removes an agency; false when it was not a live member. */
export async function removeTaskForceAgency(m: EntityManager, taskForceId: string, agencyId: string): Promise<boolean> {
  const rows = rowsOf<unknown>(await m.query(
    'UPDATE task_force_agencies SET removed_at = now() WHERE task_force_id = $1 AND agency_id = $2 AND removed_at IS NULL RETURNING 1', [taskForceId, agencyId],
  ));
  return rows.length > 0;
}

/** The owner puts its case in (nothing if it is in already). */
export async function addTaskForceCase(m: EntityManager, taskForceId: string, caseId: string, addedBy: string): Promise<void> {
  await m.query('INSERT INTO task_force_cases (task_force_id, case_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [taskForceId, caseId, addedBy]);
}

/**
 * Takes a case out. `live`: the case was in the force as the caller sees it; `removed`: the caller's policies let it
 * out (the case's owner or the lead).
 */
export async function removeTaskForceCase(m: EntityManager, taskForceId: string, caseId: string): Promise<{ live: boolean; removed: boolean }> {
  const [row] = rowsOf<{ live: boolean; removed: boolean }>(await m.query(
    `WITH live AS (SELECT 1 FROM task_force_cases WHERE task_force_id = $1 AND case_id = $2 AND removed_at IS NULL),
          removed AS (UPDATE task_force_cases SET removed_at = now() WHERE task_force_id = $1 AND case_id = $2 AND removed_at IS NULL RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM live) AS live, EXISTS (SELECT 1 FROM removed) AS removed`,
    [taskForceId, caseId],
  ));
  return row;
}

export async function insertTask(
  m: EntityManager,
  t: {
    taskForceId: string; kind: TaskKind; title: string; province: string | null; caseId: string | null; assigneeAgencyId: string;
    assigneeUserId: string | null; dueAt: Date; createdBy: string;
  },
): Promise<TaskForceTaskRow> {
  const [row] = rowsOf<TaskForceTaskRow>(await m.query(
    `INSERT INTO task_force_tasks (task_force_id, kind, title, province, case_id, assignee_agency_id, assignee_user_id, due_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [t.taskForceId, t.kind, t.title, t.province, t.caseId, t.assigneeAgencyId, t.assigneeUserId, t.dueAt, t.createdBy],
  ));
  return row;
}

/** A task the acting agency may see, with its force's lead agency. */
export async function taskById(m: EntityManager, id: string): Promise<(TaskForceTaskRow & { lead_agency_id: string }) | null> {
  const [row] = rowsOf<TaskForceTaskRow & { lead_agency_id: string }>(await m.query(
    'SELECT t.*, f.lead_agency_id FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id WHERE t.id = $1', [id],
  ));
  return row ?? null;
}

/** Moves a task on, only from the status the caller read (null: it changed meanwhile, or the caller may not). */
export async function setTaskStatus(m: EntityManager, id: string, from: TaskStatus, to: TaskStatus): Promise<TaskForceTaskRow | null> {
  const [row] = rowsOf<TaskForceTaskRow>(await m.query(
    'UPDATE task_force_tasks SET status = $2, updated_at = now() WHERE id = $1 AND status = $3 RETURNING *', [id, to, from],
  ));
  return row ?? null;
}

/** Open tasks past their due time not flagged yet, for the clock (tasks_due() answers no agency's session). */
export async function tasksDue(m: EntityManager): Promise<Array<{ id: string; lead_agency_id: string }>> {
  return rowsOf<{ id: string; lead_agency_id: string }>(await m.query('SELECT id, lead_agency_id FROM tasks_due()'));
}

/**
 * The worker's overdue sweep (acting as the lead agency): flags an open task past its due time, once. Null when it is
 * not (any more) open, not yet due, or flagged already.
 */
export async function markTaskOverdue(m: EntityManager, id: string): Promise<TaskForceTaskRow | null> {
  const [row] = rowsOf<TaskForceTaskRow>(await m.query(
    `UPDATE task_force_tasks SET overdue_at = now(), updated_at = now()
     WHERE id = $1 AND overdue_at IS NULL AND status = ANY ($2::text[]) AND due_at <= now() RETURNING *`,
    [id, OPEN_TASK_STATUSES],
  ));
  return row ?? null;
}
