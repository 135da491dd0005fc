import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RetentionClass, RetentionRunStatus, RetentionTrigger } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Retention rules, runs and legal holds (issue 13), shared by the api (rules, runs, holds) and the worker (the
 * purge). Every call runs in the caller's acting transaction: row-level security decides what it sees, and the
 * purge functions answer only the system acting for no agency (migration 1765900000000-retention). Who changed a
 * rule or queued a run shows only to those who may see that user (the same agency's).
 */

export interface RetentionRuleRow {
  dataClass: RetentionClass;
  periodDays: number;
  minDays: number;
  updatedAt: Date;
  updatedByEmail: string | null;
}

export interface RetentionRunCountRow {
  runId: string;
  dataClass: RetentionClass;
  agencyId: string;
  agencyName: string;
  purged: number;
  ruleDays: number;
}

export interface RetentionRunRow {
  id: string;
  jobId: string;
  trigger: RetentionTrigger;
  status: RetentionRunStatus;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  failure: string | null;
  requestedByEmail: string | null;
  counts: RetentionRunCountRow[];
}

export interface LegalHoldRow {
  caseId: string;
  reason: string;
  setAt: Date;
  setByEmail: string | null;
}

export async function listRetentionRules(m: EntityManager): Promise<RetentionRuleRow[]> {
  return rowsOf<RetentionRuleRow>(await m.query(
    `SELECT r.data_class AS "dataClass", r.period_days AS "periodDays", r.min_days AS "minDays", r.updated_at AS "updatedAt",
            u.email AS "updatedByEmail"
     FROM retention_rules r LEFT JOIN users u ON u.id = r.updated_by ORDER BY r.data_class`,
  ));
}

/** Null when the row was not changed (the caller may not, or the class does not exist). */
export async function setRetentionRule(m: EntityManager, dataClass: RetentionClass, periodDays: number, userId: string): Promise<boolean> {
  const rows = rowsOf<{ data_class: string }>(await m.query(
    `UPDATE retention_rules SET period_days = $2, updated_at = now(), updated_by = $3 WHERE data_class = $1 RETURNING data_class`,
    [dataClass, periodDays, userId],
  ));
  return rows.length === 1;
}

/** The national admin's run, queued: its job id is made here so the job and the row name each other. */
export async function queueRetentionRun(m: EntityManager, userId: string): Promise<{ id: string; jobId: string }> {
  const id = randomUUID();
  const jobId = `retention-${id}`;
  await m.query(
    `INSERT INTO retention_runs (id, job_id, trigger, requested_by, status) VALUES ($1, $2, 'MANUAL', $3, 'QUEUED')`,
    [id, jobId, userId],
  );
  return { id, jobId };
}

/** The national admin's runs still queued or running that were queued in the last `minutes`: at most one is wanted. */
export async function activeManualRun(m: EntityManager, minutes: number): Promise<{ id: string; jobId: string } | null> {
  const [row] = rowsOf<{ id: string; jobId: string }>(await m.query(
    `SELECT id, job_id AS "jobId" FROM retention_runs
     WHERE trigger = 'MANUAL' AND status IN ('QUEUED', 'RUNNING') AND queued_at > now() - make_interval(mins => $1)
     ORDER BY queued_at DESC LIMIT 1`,
    [minutes],
  ));
  return row ?? null;
}

export async function listRetentionRuns(m: EntityManager, limit: number, ids?: string[]): Promise<RetentionRunRow[]> {
  const runs = rowsOf<Omit<RetentionRunRow, 'counts'>>(await m.query(
    `SELECT r.id, r.job_id AS "jobId", r.trigger, r.status, r.queued_at AS "queuedAt", r.started_at AS "startedAt",
            r.finished_at AS "finishedAt", r.failure, u.email AS "requestedByEmail"
     FROM retention_runs r LEFT JOIN users u ON u.id = r.requested_by WHERE ($2::uuid[] IS NULL OR r.id = ANY ($2)) ORDER BY r.queued_at DESC, r.id LIMIT $1`,
    [limit, ids ?? null],
  ));
  if (runs.length === 0) return [];
  // Row-level security shows an agency only its own counts (the national admin all of them).
  const counts = rowsOf<RetentionRunCountRow>(await m.query(
    `SELECT c.run_id AS "runId", c.data_class AS "dataClass", c.agency_id AS "agencyId", a.name AS "agencyName",
            c.purged, c.rule_days AS "ruleDays"
     FROM retention_run_counts c JOIN agencies a ON a.id = c.agency_id
     WHERE c.run_id = ANY ($1) ORDER BY c.data_class, a.name`,
    [runs.map((r) => r.id)],
  ));
  return runs.map((r) => ({ ...r, counts: counts.filter((c) => c.runId === r.id) }));
}

export async function legalHoldsOf(m: EntityManager, caseIds: readonly string[]): Promise<LegalHoldRow[]> {
  return rowsOf<LegalHoldRow>(await m.query(
    `SELECT h.case_id AS "caseId", h.reason, h.set_at AS "setAt", u.email AS "setByEmail"
     FROM legal_holds h LEFT JOIN users u ON u.id = h.set_by WHERE h.case_id = ANY ($1)`,
    [caseIds],
  ));
}

/** The agency owning the case, if the caller sees it at all (row-level security). */
export async function caseOwnerOf(m: EntityManager, caseId: string): Promise<string | null> {
  const [c] = rowsOf<{ agency_id: string }>(await m.query('SELECT agency_id FROM cases WHERE id = $1', [caseId]));
  return c?.agency_id ?? null;
}

/** False when the case already has a hold (one per case). */
export async function placeLegalHold(m: EntityManager, caseId: string, agencyId: string, reason: string, userId: string): Promise<boolean> {
  const rows = rowsOf<{ case_id: string }>(await m.query(
    `INSERT INTO legal_holds (case_id, agency_id, reason, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
    [caseId, agencyId, reason, userId],
  ));
  return rows.length === 1;
}

/** The hold lifted, or null when there was none (for this caller to lift). */
export async function releaseLegalHold(m: EntityManager, caseId: string): Promise<{ setAt: Date } | null> {
  const rows = rowsOf<{ setAt: Date }>(await m.query('DELETE FROM legal_holds WHERE case_id = $1 RETURNING set_at AS "setAt"', [caseId]));
  return rows[0] ?? null;
}

// —— the worker's side: acting as the system, for no agency ——

export async function beginRetentionRun(m: EntityManager, jobId: string, trigger: RetentionTrigger): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await m.query('SELECT retention_run_begin($1, $2) AS id', [jobId, trigger]));
  return row.id;
}

export async function finishRetentionRun(m: EntityManager, runId: string, failure: string | null): Promise<void> {
  await m.query('SELECT retention_run_finish($1, $2)', [runId, failure]);
}

/** One batch of one class: how many rows went. */
export async function purgeRetentionBatch(m: EntityManager, runId: string, dataClass: RetentionClass, batchSize: number): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await m.query('SELECT retention_purge_batch($1, $2, $3) AS n', [runId, dataClass, batchSize]));
  return Number(row.n);
}

/**
 * Audit rows for what this run purged of the class and the audit trail does not tell yet: how many were written.
 * Without a class: whatever any other run purged and never told (its job failed for good mid-class).
 */
export async function auditRetentionClass(m: EntityManager, runId: string, dataClass: RetentionClass | null, requestId: string | null): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await m.query('SELECT retention_audit_class($1, $2, $3) AS n', [runId, dataClass, requestId]));
  return Number(row.n);
}

/** Files whose rows were purged and which are still on disk. */
export async function pendingFileRemovals(m: EntityManager, limit: number): Promise<string[]> {
  return rowsOf<{ storage_key: string }>(await m.query(
    'SELECT storage_key FROM retention_file_removals ORDER BY queued_at, storage_key LIMIT $1', [limit],
  )).map((r) => r.storage_key);
}

export async function fileRemovalsDone(m: EntityManager, keys: readonly string[]): Promise<void> {
  if (keys.length) await m.query('DELETE FROM retention_file_removals WHERE storage_key = ANY ($1)', [keys]);
}
