import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/**
 * Evidence files (issue 15): every statement on attachments, for the api's uploads and downloads and the case's
 * list of files. Each function runs in the caller's acting transaction: row-level security shows the records of
 * cases the caller may read, and its insert policy re-checks CONTRIBUTE. The bytes live in the EvidenceStore.
 */

/** A row of attachments as PostgreSQL returns it (size_bytes is a bigint, so text). */
export interface AttachmentRow {
  id: string;
  case_id: string;
  statement_id: string | null;
  agency_id: string;
  file_name: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  created_at: Date;
  /** When the retention queue removed the file (issue 13); the record of what it was stays. */
  purged_at: Date | null;
}

export interface NewAttachment {
  caseId: string;
  statementId: string | null;
  agencyId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
}

/** Whether the statement belongs to the case (as the caller sees it): a file may name only its own case's statements. */
export async function isStatementOfCase(m: EntityManager, statementId: string, caseId: string): Promise<boolean> {
  const [row] = rowsOf<{ found: boolean }>(await m.query(
    'SELECT EXISTS (SELECT 1 FROM victim_statements WHERE id = $1 AND case_id = $2) AS found', [statementId, caseId],
  ));
  return row.found;
}

/** The record of a stored file, as written (the insert policy refuses a caller without CONTRIBUTE). */
export async function createAttachment(m: EntityManager, a: NewAttachment): Promise<AttachmentRow> {
  const [row] = rowsOf<AttachmentRow>(await m.query(
    `INSERT INTO attachments (case_id, statement_id, agency_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [a.caseId, a.statementId, a.agencyId, a.fileName, a.contentType, String(a.sizeBytes), a.sha256, a.storageKey, a.uploadedBy],
  ));
  return row;
}

/** The attachment, if the caller may read its case. */
export async function attachmentById(m: EntityManager, id: string): Promise<AttachmentRow | null> {
  const [row] = rowsOf<AttachmentRow>(await m.query('SELECT * FROM attachments WHERE id = $1', [id]));
  return row ?? null;
}

/** The evidence files of these cases (those the caller may read), oldest first: one statement for a page of cases. */
export async function attachmentsOfCases(m: EntityManager, caseIds: readonly string[]): Promise<AttachmentRow[]> {
  if (caseIds.length === 0) return [];
  return rowsOf<AttachmentRow>(await m.query('SELECT * FROM attachments WHERE case_id = ANY ($1::uuid[]) ORDER BY created_at', [caseIds]));
}
