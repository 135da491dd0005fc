import type { EntityManager } from 'typeorm';
import { IdentifierKind, PaymentChannel, type TransferSource } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Victim statements as a case shows them (issue 15): each with its victim (the masked copies: the app role cannot
 * read the full ID number and phone) and its payment trail. Written by recordStatement (record-statement.ts). Each
 * runs in the caller's acting transaction: row-level security shows the statements of cases the caller may read.
 */

/** A row of victim_statements as PostgreSQL returns it. */
export interface StatementRow {
  id: string;
  case_id: string;
  victim_id: string;
  agency_id: string;
  taken_by: string;
  taken_by_name: string;
  taken_at: Date;
  place: string;
  province: string | null;
  narrative: string;
  /** Exact decimal CNY (numeric comes back as text). */
  reported_loss: string;
  created_at: Date;
}

/** A statement with its victim's columns (victim_*). */
export interface VictimStatementRow extends StatementRow {
  victim_name: string;
  victim_age: number | null;
  victim_gender: 'M' | 'F' | 'X' | null;
  victim_province: string | null;
  victim_id_number_masked: string | null;
  victim_phone_masked: string | null;
}

/** A row of transfers as PostgreSQL returns it. */
export interface TransferRow {
  id: string;
  case_id: string;
  /** The statement that reported it; null for a transfer a bank reported in answer to a freeze. */
  statement_id: string | null;
  source: TransferSource;
  agency_id: string;
  from_account: string;
  to_account: string;
  bank: string | null;
  amount: string;
  occurred_at: Date;
  channel: PaymentChannel;
  from_kind: IdentifierKind;
  from_canonical: string;
  to_kind: IdentifierKind;
  to_canonical: string;
}

const SELECT_STATEMENT = `SELECT st.*, v.name AS victim_name, v.age AS victim_age, v.gender AS victim_gender, v.province AS victim_province,
  v.id_number_masked AS victim_id_number_masked, v.phone_masked AS victim_phone_masked
  FROM victim_statements st JOIN victims v ON v.id = st.victim_id`;

/** The statements of these cases with their victims, oldest first: one statement for a page of cases. */
export async function statementsOfCases(m: EntityManager, caseIds: readonly string[]): Promise<VictimStatementRow[]> {
  if (caseIds.length === 0) return [];
  return rowsOf<VictimStatementRow>(await m.query(`${SELECT_STATEMENT} WHERE st.case_id = ANY ($1::uuid[]) ORDER BY st.created_at, st.id`, [caseIds]));
}

export async function statementById(m: EntityManager, id: string): Promise<VictimStatementRow | null> {
  const [row] = rowsOf<VictimStatementRow>(await m.query(`${SELECT_STATEMENT} WHERE st.id = $1`, [id]));
  return row ?? null;
}

/** The payment trails of these statements, each in the order the money moved. */
export async function transfersOfStatements(m: EntityManager, statementIds: readonly string[]): Promise<TransferRow[]> {
  if (statementIds.length === 0) return [];
  return rowsOf<TransferRow>(await m.query('SELECT * FROM transfers WHERE statement_id = ANY ($1::uuid[]) ORDER BY occurred_at', [statementIds]));
}
