import type { EntityManager } from 'typeorm';
import { type FraudType, OPEN_TASK_STATUSES, type TaskKind, type TaskStatus } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * The supervisor dashboard (issue 15): its figures and the overdue tasks behind a drill-down (the overdue requests
 * are the request store's). Every statement runs in the caller's transaction.
 */

/** A row of dashboard_figures() / dashboard_region_figures() (migrations 1764900000000-dashboard, 1765960000000-dashboard-rollups). */
export interface FigureRow {
  figure: string;
  k1: string | null;
  k2: string | null;
  n: string | number | null;
  n2: string | number | null;
  amount: string | null;
  amount2: string | null;
}

/**
 * The dashboard's figures since a day (Asia/Shanghai), of one fraud type or all. READABLE: dashboard_figures() with
 * the invoker's rights, so row-level security decides; region: dashboard_region_figures(), which checks in
 * PostgreSQL that the caller supervises a police agency's region and returns aggregates only. Both sum the rollups
 * the writers keep (cases, series members) and read only the granted cases row by row. months: the series growth is
 * bucketed by calendar month, so the month rollups may answer it.
 */
export async function dashboardFigures(m: EntityManager, f: { region: boolean; since: string; fraudType: FraudType | null; months: boolean }): Promise<FigureRow[]> {
  // Aggregates over up to every case: JIT compilation would cost more than it saves.
  await m.query("SELECT set_config('jit', 'off', true)");
  return rowsOf<FigureRow>(await (f.region
    ? m.query('SELECT * FROM dashboard_region_figures($1::date, $2, $3)', [f.since, f.fraudType, f.months])
    : m.query('SELECT * FROM dashboard_figures(NULL, $1::date, $2, $3)', [f.since, f.fraudType, f.months])));
}

export interface OverdueTaskRow {
  id: string;
  task_force_id: string;
  /** The task force's name. */
  name: string;
  kind: TaskKind;
  title: string;
  status: TaskStatus;
  province: string | null;
  assignee_agency_id: string;
  due_at: Date;
}

/** Open tasks past their due time in the open task forces the agency is in (row-level security: task_force_tasks_read), oldest first. */
export async function overdueOpenTasks(m: EntityManager, limit: number): Promise<OverdueTaskRow[]> {
  return rowsOf<OverdueTaskRow>(await m.query(
    `SELECT t.id, t.task_force_id, f.name, t.kind, t.title, t.status, t.province, t.assignee_agency_id, t.due_at
     FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id
     WHERE f.closed_at IS NULL AND t.status = ANY ($1::text[]) AND t.due_at <= now()
     ORDER BY t.due_at, t.id LIMIT $2`,
    [OPEN_TASK_STATUSES, limit],
  ));
}
