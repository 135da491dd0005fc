import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/**
 * Bank routing (issue 16): the card BINs and account-number prefixes each bank issues (bank_prefixes), and the
 * longest-prefix match that sends a freeze to the bank that holds the account. Every function runs in the caller's
 * acting transaction: every agency reads the prefixes (a directory fact), and row-level security lets only an ADMIN
 * of a bank add or remove its own.
 */

/** A row of bank_prefixes. */
export interface BankPrefixRow {
  prefix: string;
  agency_id: string;
  label: string | null;
  added_by: string;
  created_at: Date;
}

/** The bank an account goes to, by the longest registered prefix it starts with. */
export interface IssuingBankRow {
  /** The account as asked (digits). */
  account: string;
  agency_id: string;
  prefix: string;
}

/**
 * The issuing bank of each account, by longest-prefix match (issuing_bank(): each account's first 4 to 12 digits looked
 * up in the primary key, the longest registered wins), in one statement for the whole list. Accounts no registered
 * prefix matches are absent from the result. Pass digits (routingDigits in libs/domain); anything else matches nothing.
 */
export async function issuingBanksOf(m: EntityManager, accounts: readonly string[]): Promise<Map<string, IssuingBankRow>> {
  const distinct = [...new Set(accounts)];
  if (distinct.length === 0) return new Map();
  const rows = rowsOf<IssuingBankRow>(await m.query(
    'SELECT a.account, b.agency_id, b.prefix FROM unnest($1::text[]) AS a(account) CROSS JOIN LATERAL issuing_bank(a.account) b',
    [distinct],
  ));
  return new Map(rows.map((r) => [r.account, r]));
}

/** The prefixes of one bank, or of every bank (null), by bank and prefix. */
export async function bankPrefixes(m: EntityManager, agencyId: string | null): Promise<BankPrefixRow[]> {
  return rowsOf<BankPrefixRow>(await m.query(
    'SELECT * FROM bank_prefixes WHERE $1::uuid IS NULL OR agency_id = $1 ORDER BY agency_id, prefix',
    [agencyId],
  ));
}

/** Which of `prefixes` are registered already, and by which bank. */
export async function registeredPrefixes(m: EntityManager, prefixes: readonly string[]): Promise<Map<string, BankPrefixRow>> {
  if (prefixes.length === 0) return new Map();
  const rows = rowsOf<BankPrefixRow>(await m.query('SELECT * FROM bank_prefixes WHERE prefix = ANY ($1::text[])', [prefixes]));
  return new Map(rows.map((r) => [r.prefix, r]));
}

/**
 * Registers prefixes for the caller's bank in one statement; a prefix registered meanwhile (by anyone) is left out
 * of the result (ON CONFLICT: the transaction goes on and the caller says whose it is).
 */
export async function addBankPrefixes(
  m: EntityManager, p: { agencyId: string; userId: string; prefixes: readonly string[]; label: string | null },
): Promise<BankPrefixRow[]> {
  return rowsOf<BankPrefixRow>(await m.query(
    `INSERT INTO bank_prefixes (prefix, agency_id, label, added_by)
     SELECT x, $1, $3, $2 FROM unnest($4::text[]) AS x
     ON CONFLICT (prefix) DO NOTHING RETURNING *`,
    [p.agencyId, p.userId, p.label, p.prefixes],
  ));
}

/** Removes one of the caller's bank's prefixes; null when it has no such prefix (row-level security: its own only). */
export async function removeBankPrefix(m: EntityManager, agencyId: string, prefix: string): Promise<BankPrefixRow | null> {
  const [row] = rowsOf<BankPrefixRow>(await m.query('DELETE FROM bank_prefixes WHERE prefix = $1 AND agency_id = $2 RETURNING *', [prefix, agencyId]));
  return row ?? null;
}
