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

const SELECT_STATEMENT_COLUMNS = `SELECT st.*, v.name AS victim_name, v.age AS victim_age, v.gender AS victim_gender, v.province AS victim_province,
  v.id_number_masked AS victim_id_number_masked, v.phone_masked AS victim_phone_masked`;
const FROM_STATEMENT = 'FROM victim_statements st JOIN victims v ON v.id = st.victim_id';
const SELECT_STATEMENT = `${SELECT_STATEMENT_COLUMNS} ${FROM_STATEMENT}`;

/** A transfer as a statement's payment trail shows it (the columns toTransferModel reads). */
export type TrailTransferRow = Pick<TransferRow, 'id' | 'from_account' | 'to_account' | 'bank' | 'amount' | 'occurred_at' | 'channel' | 'from_kind' | 'from_canonical' | 'to_kind' | 'to_canonical'>;

/** A statement with its victim and its payment trail (transfers in the order the money moved). */
export interface StatementWithTrailRow extends VictimStatementRow {
  transfers: TrailTransferRow[];
}

/**
 * The statements of these cases with their victims and payment trails, oldest first, in ONE statement (a case list
 * page reads them in the round trip it would spend on the statements alone). Each trail comes as a JSON array built
 * by PostgreSQL (amounts as text: JSON numbers would lose the exact decimals); row-level security applies to the
 * transfers read in the sub-select as to any other read.
 */
export async function statementsWithTrailsOfCases(m: EntityManager, caseIds: readonly string[]): Promise<StatementWithTrailRow[]> {
  if (caseIds.length === 0) return [];
  const rows = rowsOf<Omit<StatementWithTrailRow, 'transfers'> & { transfers: Array<Omit<TrailTransferRow, 'occurred_at'> & { occurred_at: string }> }>(await m.query(
    `${SELECT_STATEMENT_COLUMNS},
       COALESCE((SELECT json_agg(json_build_object('id', t.id, 'from_account', t.from_account, 'to_account', t.to_account, 'bank', t.bank,
                   'amount', t.amount::text, 'occurred_at', t.occurred_at, 'channel', t.channel, 'from_kind', t.from_kind,
                   'from_canonical', t.from_canonical, 'to_kind', t.to_kind, 'to_canonical', t.to_canonical) ORDER BY t.occurred_at)
                 FROM transfers t WHERE t.statement_id = st.id), '[]') AS transfers
     ${FROM_STATEMENT} WHERE st.case_id = ANY ($1::uuid[]) ORDER BY st.created_at, st.id`,
    [caseIds],
  ));
  for (const r of rows) for (const t of r.transfers) (t as unknown as TrailTransferRow).occurred_at = new Date(t.occurred_at);
  return rows as unknown as StatementWithTrailRow[];
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
