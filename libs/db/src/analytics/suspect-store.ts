import type { EntityManager } from 'typeorm';
import type { Charge, Education, Employment, Penalty, SuspectRole } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Suspects of a case and the judgments on them (issue 15): every statement on suspects. Each runs in the caller's
 * transaction: row-level security shows the suspects of the cases the caller may read, and lets only OWNER and
 * CONTRIBUTE agencies add one or record a judgment.
 */

/** A row of suspects as selected here (the verdict date as text: a date has no time zone). */
export interface SuspectRow {
  id: string;
  case_id: string;
  agency_id: string;
  alias: string | null;
  role: SuspectRole;
  age_at_offence: number | null;
  education: Education | null;
  employment: Employment | null;
  charges: Charge[];
  subject_hash: Buffer | null;
  created_at: Date;
  verdict_date: string | null;
  verdict_year: number | null;
  court: string | null;
  judgment_number: string | null;
  penalty: Penalty | null;
  sentence_months: number | null;
  probation: boolean | null;
  fine: string | null;
  judgment_agency_id: string | null;
  judgment_recorded_at: Date | null;
}

const COLUMNS = `id, case_id, agency_id, alias, role, age_at_offence, education, employment, charges, subject_hash, created_at,
  verdict_date::text AS verdict_date, verdict_year, court, judgment_number, penalty, sentence_months, probation, fine, judgment_agency_id, judgment_recorded_at`;

/** The case's suspects in the order they were recorded. */
export async function suspectsOfCase(m: EntityManager, caseId: string): Promise<SuspectRow[]> {
  return rowsOf<SuspectRow>(await m.query(`SELECT ${COLUMNS} FROM suspects WHERE case_id = $1 ORDER BY created_at, id`, [caseId]));
}

export async function suspectById(m: EntityManager, id: string): Promise<SuspectRow | null> {
  const [row] = rowsOf<SuspectRow>(await m.query(`SELECT ${COLUMNS} FROM suspects WHERE id = $1`, [id]));
  return row ?? null;
}

export interface NewSuspect {
  caseId: string;
  agencyId: string;
  alias: string | null;
  role: SuspectRole;
  ageAtOffence: number | null;
  education: Education | null;
  employment: Employment | null;
  charges: readonly Charge[];
  subjectHash: Buffer | null;
  createdBy: string;
}

export async function insertSuspect(m: EntityManager, s: NewSuspect): Promise<SuspectRow> {
  const [row] = rowsOf<SuspectRow>(await m.query(
    // The case's owner, fraud type and provinces are copied from the case row by a trigger.
    `INSERT INTO suspects (case_id, agency_id, alias, role, age_at_offence, education, employment, charges, subject_hash, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10) RETURNING ${COLUMNS}`,
    [s.caseId, s.agencyId, s.alias, s.role, s.ageAtOffence, s.education, s.employment, s.charges, s.subjectHash, s.createdBy],
  ));
  return row;
}

export interface JudgmentRecord {
  suspectId: string;
  verdictDate: string;
  court: string;
  judgmentNumber: string | null;
  penalty: Penalty;
  sentenceMonths: number | null;
  probation: boolean;
  fine: string | null;
  agencyId: string;
  userId: string;
}

/** Records (or corrects) the judgment on a suspect; null when row-level security keeps the caller from it. */
export async function recordJudgment(m: EntityManager, j: JudgmentRecord): Promise<SuspectRow | null> {
  const [row] = rowsOf<SuspectRow>(await m.query(
    `UPDATE suspects SET verdict_date = $2, court = $3, judgment_number = $4, penalty = $5, sentence_months = $6, probation = $7, fine = $8,
       judgment_agency_id = $9, judgment_by = $10, judgment_recorded_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [j.suspectId, j.verdictDate, j.court, j.judgmentNumber, j.penalty, j.sentenceMonths, j.probation, j.fine, j.agencyId, j.userId],
  ));
  return row ?? null;
}
