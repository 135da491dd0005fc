import type { EntityManager } from 'typeorm';
import { type AgencyKind, FINISHED_JOB_STATES, JobState, UNFINISHED_JOB_STATES } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * CSV uploads of risk signals (issue 15): every statement on risk_signal_uploads, for the api that takes a file and
 * shows its progress and the worker that stores it batch by batch. Row-level security keeps an agency to its own
 * uploads; the linking role (the worker's sweep) reads ids and states only.
 */


/** A row refused by the checks, as the upload keeps it. */
export interface SignalUploadErrorRow {
  row: number;
  column: string | null;
  message: string;
}

/** A row of risk_signal_uploads as PostgreSQL returns it. */
export interface SignalUploadRow {
  id: string;
  agency_id: string;
  created_by: string;
  file_name: string;
  storage_key: string;
  /** A job state: settled once FINISHED_JOB_STATES, re-queued by the sweep while UNFINISHED_JOB_STATES. */
  status: JobState;
  rows_total: number | null;
  rows_done: number;
  accepted: number;
  duplicates: number;
  error_rows: number;
  errors: SignalUploadErrorRow[];
  failure: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  purged_at: Date | null;
}

/** A new upload, QUEUED until the worker takes it. */
export async function createSignalUpload(m: EntityManager, u: { agencyId: string; createdBy: string; fileName: string; storageKey: string }): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await m.query(
    'INSERT INTO risk_signal_uploads (agency_id, created_by, file_name, storage_key) VALUES ($1, $2, $3, $4) RETURNING id',
    [u.agencyId, u.createdBy, u.fileName, u.storageKey],
  ));
  return row.id;
}

/** An upload and its progress (the api's signalUpload and the worker's runner read the same). */
export async function signalUploadById(m: EntityManager, id: string): Promise<SignalUploadRow | null> {
  const [row] = rowsOf<SignalUploadRow>(await m.query('SELECT * FROM risk_signal_uploads WHERE id = $1', [id]));
  return row ?? null;
}

/** The agency's uploads, newest first. */
export async function listSignalUploads(m: EntityManager, limit: number): Promise<SignalUploadRow[]> {
  return rowsOf<SignalUploadRow>(await m.query('SELECT * FROM risk_signal_uploads ORDER BY created_at DESC, id DESC LIMIT $1', [limit]));
}

/**
 * A job takes the upload: its row locked and, unless it is settled already, RUNNING from now (the first start
 * kept). One statement; the row comes back as it was before, null when there is none.
 */
export async function takeSignalUpload(m: EntityManager, id: string): Promise<SignalUploadRow | null> {
  const [row] = rowsOf<SignalUploadRow>(await m.query(
    `WITH up AS (SELECT * FROM risk_signal_uploads WHERE id = $1 FOR UPDATE),
     run AS (
       UPDATE risk_signal_uploads u SET status = $2, started_at = coalesce(u.started_at, now())
       FROM up WHERE u.id = up.id AND NOT (up.status = ANY ($3::text[])) RETURNING u.id)
     SELECT up.* FROM up`,
    [id, JobState.RUNNING, FINISHED_JOB_STATES],
  ));
  return row ?? null;
}

/** The number of data rows, once the file has been read through. */
export async function setSignalUploadTotal(m: EntityManager, id: string, rowsTotal: number): Promise<void> {
  await m.query('UPDATE risk_signal_uploads SET rows_total = $2 WHERE id = $1', [id, rowsTotal]);
}

/** A batch's progress, written in the transaction that stores its rows: a crash rolls both back, a commit keeps both. */
export async function addSignalUploadProgress(
  m: EntityManager, id: string, p: { rows: number; accepted: number; duplicates: number; errorRows: number; errors: readonly SignalUploadErrorRow[] },
): Promise<void> {
  await m.query(
    `UPDATE risk_signal_uploads SET rows_done = rows_done + $2, accepted = accepted + $3, duplicates = duplicates + $4,
       error_rows = error_rows + $5, errors = errors || $6::jsonb WHERE id = $1`,
    [id, p.rows, p.accepted, p.duplicates, p.errorRows, JSON.stringify(p.errors)],
  );
}

/** Every row read: DONE, the total being the rows done. */
export async function finishSignalUpload(m: EntityManager, id: string): Promise<SignalUploadRow> {
  const [row] = rowsOf<SignalUploadRow>(await m.query(
    'UPDATE risk_signal_uploads SET status = $2, rows_total = rows_done, finished_at = now() WHERE id = $1 RETURNING *', [id, JobState.DONE],
  ));
  return row;
}

/** The file cannot be taken (unreadable, bad header): FAILED with the reason. */
export async function failSignalUpload(m: EntityManager, id: string, failure: string): Promise<SignalUploadRow> {
  const [row] = rowsOf<SignalUploadRow>(await m.query(
    'UPDATE risk_signal_uploads SET status = $2, failure = $3, finished_at = now() WHERE id = $1 RETURNING *', [id, JobState.FAILED, failure],
  ));
  return row;
}

/** Uploads queued or running for longer than `minAgeMs`: the sweep (linking role) checks their job is still alive. */
export async function unfinishedSignalUploads(m: EntityManager, minAgeMs: number): Promise<Array<{ id: string; agency_id: string }>> {
  return rowsOf<{ id: string; agency_id: string }>(await m.query(
    `SELECT id, agency_id FROM risk_signal_uploads WHERE status = ANY ($2::text[]) AND created_at < now() - $1 * interval '1 millisecond' LIMIT 100`,
    [minAgeMs, UNFINISHED_JOB_STATES],
  ));
}

/** What the reporter is (a bank or a telecom): what the checks of its rows depend on. */
export async function reporterKind(m: EntityManager, agencyId: string): Promise<AgencyKind> {
  const [row] = rowsOf<{ kind: AgencyKind }>(await m.query('SELECT agency_kind($1) AS kind', [agencyId]));
  return row.kind;
}
