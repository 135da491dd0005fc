import type { EntityManager } from 'typeorm';
import type { JobState } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Spreadsheet imports of victim statements (issue 15): every statement on imports and import_rows, for the api
 * (upload, progress, list) and the worker (the run) alike; the import's progress and its failure are written by
 * the same functions from both. Each runs in the caller's acting transaction: row-level security shows an agency
 * its own imports only. The statements themselves are written by recordStatement.
 */

export type ImportFormat = 'CSV' | 'XLSX';
/** An import is a background job: its status is a job state. */
export type ImportStatus = JobState;

/** One refused cell (or row, field ''): the spreadsheet row (header = 1), its column and why. */
export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}

/** A row of imports as PostgreSQL returns it. */
export interface ImportRow {
  id: string;
  case_id: string;
  agency_id: string;
  created_by: string;
  file_name: string;
  format: ImportFormat;
  storage_key: string;
  status: ImportStatus;
  total_rows: number | null;
  processed_rows: number;
  imported_rows: number;
  error_rows: number;
  errors: ImportRowError[];
  failure: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** When the retention queue removed the uploaded file and the row map (issue 13). */
  purged_at: Date | null;
}

export interface NewImport {
  caseId: string;
  agencyId: string;
  createdBy: string;
  fileName: string;
  format: ImportFormat;
  storageKey: string;
}

/** The import as uploaded, QUEUED (the insert policy refuses a caller without CONTRIBUTE on the case). */
export async function createImport(m: EntityManager, i: NewImport): Promise<ImportRow> {
  const [row] = rowsOf<ImportRow>(await m.query(
    'INSERT INTO imports (case_id, agency_id, created_by, file_name, format, storage_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
    [i.caseId, i.agencyId, i.createdBy, i.fileName, i.format, i.storageKey],
  ));
  return row;
}

export async function importById(m: EntityManager, id: string): Promise<ImportRow | null> {
  const [row] = rowsOf<ImportRow>(await m.query('SELECT * FROM imports WHERE id = $1', [id]));
  return row ?? null;
}

/** The caller's agency's imports into a case, newest first. */
export async function importsOfCase(m: EntityManager, caseId: string, limit: number): Promise<ImportRow[]> {
  return rowsOf<ImportRow>(await m.query(
    'SELECT * FROM imports WHERE case_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [caseId, limit],
  ));
}

/** An import with who uploaded it (the statements are recorded as taken by them). */
export interface LockedImportRow extends ImportRow {
  author_name: string | null;
  author_email: string | null;
}

/** The import and its uploader, row-locked so two deliveries of the same job start one after the other. */
export async function lockImport(m: EntityManager, id: string): Promise<LockedImportRow | null> {
  const [row] = rowsOf<LockedImportRow>(await m.query(
    `SELECT i.*, u.display_name AS author_name, u.email AS author_email
     FROM imports i LEFT JOIN users u ON u.id = i.created_by WHERE i.id = $1 FOR UPDATE OF i`,
    [id],
  ));
  return row ?? null;
}

/** (Re)starts a run, RUNNING with fresh counters; a rerun keeps when the first run started. */
export async function restartImport(m: EntityManager, id: string): Promise<void> {
  await m.query(
    `UPDATE imports SET status = 'RUNNING', started_at = coalesce(started_at, now()), processed_rows = 0, imported_rows = 0, error_rows = 0,
       errors = '[]', failure = NULL
     WHERE id = $1`,
    [id],
  );
}

/** The number of data rows, once the worker has read the whole file. */
export async function setImportTotal(m: EntityManager, id: string, totalRows: number): Promise<void> {
  await m.query('UPDATE imports SET total_rows = $2 WHERE id = $1', [id, totalRows]);
}

export interface ImportProgress {
  processedRows: number;
  importedRows: number;
  errorRows: number;
  errors: readonly ImportRowError[];
}

/** The counters so far; with `finishedTotal`, the run is DONE with that many data rows. */
export async function recordImportProgress(m: EntityManager, id: string, p: ImportProgress, finishedTotal?: number): Promise<void> {
  const params: unknown[] = [id, p.processedRows, p.importedRows, p.errorRows, JSON.stringify(p.errors)];
  if (finishedTotal !== undefined) params.push(finishedTotal);
  await m.query(
    `UPDATE imports SET processed_rows = $2, imported_rows = $3, error_rows = $4, errors = $5::jsonb${
      finishedTotal === undefined ? '' : `, status = 'DONE', total_rows = $6, finished_at = now()`}
     WHERE id = $1`,
    params,
  );
}

/** Ends the import FAILED as a whole (api: it could not be queued; worker: unreadable file, bad header, access withdrawn). */
export async function failImport(m: EntityManager, id: string, failure: string): Promise<ImportRow | null> {
  const [row] = rowsOf<ImportRow>(await m.query(
    `UPDATE imports SET status = 'FAILED', failure = $2, finished_at = now() WHERE id = $1 RETURNING *`, [id, failure],
  ));
  return row ?? null;
}

/**
 * Where a (re)delivered run resumes, in one statement: whether the agency may still add statements to the case,
 * and the spreadsheet rows an earlier delivery landed already.
 */
export async function importResumePoint(m: EntityManager, importId: string, caseId: string): Promise<{ may_contribute: boolean; landed: number[] }> {
  const [row] = rowsOf<{ may_contribute: boolean; landed: number[] }>(await m.query(
    `SELECT app_can_contribute($2) AS may_contribute,
            ARRAY(SELECT row_number FROM import_rows WHERE import_id = $1) AS landed`,
    [importId, caseId],
  ));
  return row;
}

/** Marks a spreadsheet row as landed; false when another delivery of the job marked it first. */
export async function markImportRow(m: EntityManager, r: { importId: string; row: number; agencyId: string; statementId: string }): Promise<boolean> {
  const marked = rowsOf<{ row_number: number }>(await m.query(
    `INSERT INTO import_rows (import_id, row_number, agency_id, statement_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (import_id, row_number) DO NOTHING RETURNING row_number`,
    [r.importId, r.row, r.agencyId, r.statementId],
  ));
  return marked.length > 0;
}
