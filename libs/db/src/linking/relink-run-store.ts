import type { EntityManager } from 'typeorm';
import { JobState, UNFINISHED_JOB_STATES } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Full relinks (relink_runs, issue 15): the national admin asks for one in the api, the worker claims it, reports
 * progress and the outcome, and its outbox sweep queues again runs whose job went missing. The api runs as the
 * national admin under row-level security; the worker's statements go through the linker's pool, outside the
 * rebuild's transaction, so the progress shows while the rebuild runs.
 */

/** A row of relink_runs. */
export interface RelinkRunRow {
  id: string;
  agency_id: string;
  requested_by: string;
  state: JobState;
  phase: string | null;
  /** bigint */
  done: string;
  /** bigint */
  total: string;
  stats: Record<string, unknown> | null;
  error: string | null;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A new run, QUEUED; a unique violation (relink_runs_one_active) when one is queued or running already. */
export async function startRelinkRun(m: EntityManager, r: { agencyId: string; userId: string }): Promise<RelinkRunRow> {
  const [row] = rowsOf<RelinkRunRow>(await m.query('INSERT INTO relink_runs (agency_id, requested_by) VALUES ($1, $2) RETURNING *', [r.agencyId, r.userId]));
  return row;
}

/** The latest runs, newest first. */
export async function latestRelinkRuns(m: EntityManager, limit = 20): Promise<RelinkRunRow[]> {
  return rowsOf<RelinkRunRow>(await m.query('SELECT * FROM relink_runs ORDER BY created_at DESC LIMIT $1', [limit]));
}

export async function relinkRunById(m: EntityManager, id: string): Promise<RelinkRunRow | null> {
  const [row] = rowsOf<RelinkRunRow>(await m.query('SELECT * FROM relink_runs WHERE id = $1', [id]));
  return row ?? null;
}

/** The worker takes the run (again, after a crash: it starts over); false when it has finished meanwhile. */
export async function claimRelinkRun(m: EntityManager, id: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(await m.query(
    `UPDATE relink_runs SET state = 'RUNNING', phase = 'waiting', done = 0, total = 0, attempts = attempts + 1,
            started_at = coalesce(started_at, now())
     WHERE id = $1 AND state = ANY ($2::text[]) RETURNING id`,
    [id, UNFINISHED_JOB_STATES],
  ));
  return rows.length > 0;
}

export async function reportRelinkProgress(m: EntityManager, id: string, p: { phase: string; done: number; total: number }): Promise<void> {
  await m.query('UPDATE relink_runs SET phase = $2, done = $3, total = $4 WHERE id = $1', [id, p.phase, p.done, p.total]);
}

export async function finishRelinkRun(m: EntityManager, id: string, stats: object): Promise<void> {
  await m.query(`UPDATE relink_runs SET state = 'DONE', phase = 'done', stats = $2, finished_at = now(), error = NULL WHERE id = $1`, [id, JSON.stringify(stats)]);
}

/** Records an error: FAILED and finished when `final`, else still RUNNING (another attempt follows). */
export async function failRelinkRun(m: EntityManager, id: string, error: string, final: boolean): Promise<void> {
  const state = final ? JobState.FAILED : JobState.RUNNING;
  await m.query(`UPDATE relink_runs SET state = $2, error = $3, finished_at = CASE WHEN $2 = 'FAILED' THEN now() END WHERE id = $1`, [id, state, error]);
}

/** Runs queued or running since longer than `minAgeMs`. */
export async function unfinishedRelinkRuns(m: EntityManager, minAgeMs: number): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await m.query(
    `SELECT id FROM relink_runs WHERE state = ANY ($2::text[]) AND created_at < now() - $1 * interval '1 millisecond'`,
    [minAgeMs, UNFINISHED_JOB_STATES],
  ));
  return rows.map((r) => r.id);
}
