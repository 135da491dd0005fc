import { IdentifierKind, maskIdentifier, moneyProblem, normalizeIdentifier, PaymentChannel, PROVINCES } from '@caselink/domain';
import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';
import type { IdentifierSource } from '@caselink/domain';
import type { StatementRow } from '../cases/statement-store';

export interface StatementDraft {
  caseId: string;
  victim: { name: string; idNumber?: string | null; phone?: string | null; age?: number | null; gender?: string | null; province?: string | null };
  takenAt: Date;
  place: string;
  province?: string | null;
  narrative: string;
  reportedLoss: string;
  transfers: Array<{ fromAccount: string; toAccount: string; bank?: string | null; amount: string; occurredAt: Date; channel: PaymentChannel }>;
}

export interface StatementAuthor {
  agencyId: string;
  userId: string;
  displayName: string;
}

/** A value that cannot be recorded, with the path of the field in the draft and why. */
export class FieldProblem extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

interface AccountClue {
  kind: IdentifierKind;
  canonical: string;
}

/**
 * Checks a statement draft completely before anything is written, so a bad row never leaves half a
 * statement behind. Throws FieldProblem naming the first bad field (paths as in the GraphQL input).
 */
export function checkStatement(d: StatementDraft): { idNumber: string | null; phone: string | null; trail: Array<{ from: AccountClue; to: AccountClue }> } {
  if (!d.victim.name?.trim()) throw new FieldProblem('victim.name', 'must not be empty');
  if (!d.place?.trim()) throw new FieldProblem('place', 'must not be empty');
  if (!d.narrative?.trim()) throw new FieldProblem('narrative', 'must not be empty');
  const lossProblem = moneyProblem(d.reportedLoss);
  if (lossProblem) throw new FieldProblem('reportedLoss', lossProblem);
  if (Number.isNaN(d.takenAt.getTime())) throw new FieldProblem('takenAt', 'must be a date and time');
  if (d.takenAt.getTime() > Date.now() + 5 * 60_000) throw new FieldProblem('takenAt', 'must not be in the future');
  for (const [field, code] of [['province', d.province], ['victim.province', d.victim.province]] as const) {
    if (code && !PROVINCES[code]) throw new FieldProblem(field, `${code} is not a province code`);
  }
  const personal = (field: string, kind: IdentifierKind, raw: string | null | undefined) => {
    if (!raw?.trim()) return null;
    const r = normalizeIdentifier(kind, raw);
    if (!r.ok) throw new FieldProblem(field, r.reason);
    return r.canonical;
  };
  const trail = d.transfers.map((t, i) => {
    const amountProblem = moneyProblem(t.amount);
    if (amountProblem) throw new FieldProblem(`transfers.${i}.amount`, amountProblem);
    if (Number(t.amount) === 0) throw new FieldProblem(`transfers.${i}.amount`, 'must be more than 0');
    if (Number.isNaN(t.occurredAt.getTime())) throw new FieldProblem(`transfers.${i}.occurredAt`, 'must be a date and time');
    if (t.occurredAt.getTime() > Date.now() + 5 * 60_000) throw new FieldProblem(`transfers.${i}.occurredAt`, 'must not be in the future');
    return { from: account(t.fromAccount, t.channel, `transfers.${i}.fromAccount`), to: account(t.toAccount, t.channel, `transfers.${i}.toAccount`) };
  });
  return { idNumber: personal('victim.idNumber', IdentifierKind.ID_NUMBER, d.victim.idNumber), phone: personal('victim.phone', IdentifierKind.PHONE, d.victim.phone), trail };
}

/** Every account in a trail must be a clue linking can use: a card (Luhn), an account, or a wallet for crypto. */
function account(raw: string, channel: PaymentChannel, field: string): AccountClue {
  const kinds =
    channel === PaymentChannel.CRYPTO
      ? [IdentifierKind.CRYPTO_WALLET]
      : channel === PaymentChannel.THIRD_PARTY_PAYMENT
        ? [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT, IdentifierKind.PHONE, IdentifierKind.SOCIAL_ACCOUNT]
        : [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT];
  let firstReason = '';
  for (const kind of kinds) {
    const r = normalizeIdentifier(kind, raw ?? '');
    if (r.ok) return { kind, canonical: r.canonical };
    firstReason ||= r.reason;
  }
  throw new FieldProblem(field, firstReason);
}

/**
 * A statement as recordStatement wrote it, in the shape its callers (the api, the import worker, the seed) have
 * always read: they take its id and reported loss.
 */
export interface RecordedStatement {
  id: string;
  caseId: string;
  victimId: string;
  agencyId: string;
  takenBy: string;
  takenByName: string;
  takenAt: Date;
  place: string;
  province: string | null;
  narrative: string;
  reportedLoss: string;
  createdAt: Date;
}

/**
 * Writes a checked statement in the caller's transaction (acting as `author.agencyId`): victim with
 * masked copies of personal data, statement, transfers, the identifiers they yield, and the case's
 * totals recomputed under a row lock. Used by the api and by the spreadsheet import worker. Four
 * statements however long the trail: the victim and its statement in one, the trail and its clues in one.
 */
export async function recordStatement(m: EntityManager, d: StatementDraft, author: StatementAuthor, source: IdentifierSource = 'STATEMENT'): Promise<RecordedStatement> {
  const checked = checkStatement(d);
  // Lock the case row first: concurrent statements then add up their losses one after another.
  await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [d.caseId]);
  const [st] = rowsOf<StatementRow>(await m.query(
    `WITH v AS (
       INSERT INTO victims (case_id, agency_id, name, id_number, id_number_masked, phone, phone_masked, age, gender, province)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id)
     INSERT INTO victim_statements (case_id, victim_id, agency_id, taken_by, taken_by_name, taken_at, place, province, narrative, reported_loss)
     SELECT $1, v.id, $2, $11, $12, $13, $14, $15, $16, $17 FROM v RETURNING *`,
    [
      d.caseId, author.agencyId, d.victim.name.trim(),
      checked.idNumber, checked.idNumber ? maskIdentifier(IdentifierKind.ID_NUMBER, checked.idNumber) : null,
      checked.phone, checked.phone ? maskIdentifier(IdentifierKind.PHONE, checked.phone) : null,
      d.victim.age ?? null, d.victim.gender ?? null, d.victim.province ?? null,
      author.userId, author.displayName, d.takenAt, d.place.trim(), d.province ?? d.victim.province ?? null, d.narrative.trim(), d.reportedLoss.trim(),
    ],
  ));
  // The victim's own phone and ID number are personal data, not clues about the ring: they stay on the
  // victim (masked) and never become identifiers. The trail's accounts do, two per transfer, in the order given.
  if (d.transfers.length > 0) {
    const column = <T>(pick: (t: StatementDraft['transfers'][number], i: number) => T) => d.transfers.map(pick);
    await m.query(
      `WITH trail AS (
         SELECT gen_random_uuid() AS id, x.* FROM unnest($5::text[], $6::text[], $7::text[], $8::numeric[], $9::timestamptz[], $10::text[],
           $11::text[], $12::text[], $13::text[], $14::text[]) WITH ORDINALITY
           AS x(from_account, to_account, bank, amount, occurred_at, channel, from_kind, from_canonical, to_kind, to_canonical, n)),
       written AS (
         INSERT INTO transfers (id, case_id, statement_id, agency_id, from_account, to_account, bank, amount, occurred_at, channel,
                                from_kind, from_canonical, to_kind, to_canonical)
         SELECT t.id, $1, $2, $3, t.from_account, t.to_account, t.bank, t.amount, t.occurred_at, t.channel,
                t.from_kind, t.from_canonical, t.to_kind, t.to_canonical FROM trail t ORDER BY t.n)
       INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, statement_id, transfer_id, created_by)
       SELECT $1, $3, c.kind, c.raw_value, c.canonical, $15, $2, t.id, $4
       FROM trail t CROSS JOIN LATERAL (VALUES (1, t.from_kind, t.from_account, t.from_canonical), (2, t.to_kind, t.to_account, t.to_canonical))
         AS c(side, kind, raw_value, canonical)
       ORDER BY t.n, c.side`,
      [
        d.caseId, st.id, author.agencyId, author.userId,
        column((t) => t.fromAccount.trim()), column((t) => t.toAccount.trim()), column((t) => t.bank?.trim() || null), column((t) => t.amount.trim()),
        column((t) => t.occurredAt), column((t) => t.channel),
        column((_, i) => checked.trail[i].from.kind), column((_, i) => checked.trail[i].from.canonical),
        column((_, i) => checked.trail[i].to.kind), column((_, i) => checked.trail[i].to.canonical),
        source === 'IMPORT' ? 'IMPORT' : 'TRANSFER',
      ],
    );
  }
  // Totals grow by this statement under the row lock taken above: constant work however large the
  // case (re-summing every statement made big imports quadratic). Statements are never deleted.
  await m.query(
    `UPDATE cases SET
       total_loss = total_loss + $2::numeric,
       victim_count = victim_count + 1,
       provinces = CASE WHEN $3::text IS NULL OR $3 = ANY (provinces) THEN provinces
                        ELSE (SELECT array_agg(p ORDER BY p) FROM unnest(provinces || $3::text) p) END,
       updated_at = now()
     WHERE id = $1`,
    [d.caseId, st.reported_loss, st.province],
  );
  // The loss as given (callers audit and answer it as entered; the column holds it with two decimals).
  return {
    id: st.id, caseId: st.case_id, victimId: st.victim_id, agencyId: st.agency_id, takenBy: st.taken_by, takenByName: st.taken_by_name,
    takenAt: st.taken_at, place: st.place, province: st.province, narrative: st.narrative, reportedLoss: d.reportedLoss.trim(), createdAt: st.created_at,
  };
}
