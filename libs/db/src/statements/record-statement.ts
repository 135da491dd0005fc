import { IdentifierKind, maskIdentifier, moneyProblem, normalizeIdentifier, PaymentChannel, PROVINCES } from '@caselink/domain';
import type { EntityManager } from 'typeorm';
import { Identifier } from '../entities/identifier.entity';
import { Transfer } from '../entities/transfer.entity';
import { Victim } from '../entities/victim.entity';
import { VictimStatement } from '../entities/victim-statement.entity';
import type { IdentifierSource } from '../entities/identifier.entity';

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
 * Writes a checked statement in the caller's transaction (acting as `author.agencyId`): victim with
 * masked copies of personal data, statement, transfers, the identifiers they yield, and the case's
 * totals recomputed under a row lock. Used by the api and by the spreadsheet import worker.
 */
export async function recordStatement(m: EntityManager, d: StatementDraft, author: StatementAuthor, source: IdentifierSource = 'STATEMENT'): Promise<VictimStatement> {
  const checked = checkStatement(d);
  // Lock the case row first: concurrent statements then add up their losses one after another.
  await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [d.caseId]);
  const victim = await m.getRepository(Victim).save(
    m.getRepository(Victim).create({
      caseId: d.caseId, agencyId: author.agencyId, name: d.victim.name.trim(),
      idNumber: checked.idNumber, idNumberMasked: checked.idNumber ? maskIdentifier(IdentifierKind.ID_NUMBER, checked.idNumber) : null,
      phone: checked.phone, phoneMasked: checked.phone ? maskIdentifier(IdentifierKind.PHONE, checked.phone) : null,
      age: d.victim.age ?? null, gender: (d.victim.gender as Victim['gender']) ?? null, province: d.victim.province ?? null,
    }),
  );
  const statement = await m.getRepository(VictimStatement).save(
    m.getRepository(VictimStatement).create({
      caseId: d.caseId, victimId: victim.id, agencyId: author.agencyId, takenBy: author.userId, takenByName: author.displayName, takenAt: d.takenAt,
      place: d.place.trim(), province: d.province ?? d.victim.province ?? null, narrative: d.narrative.trim(), reportedLoss: d.reportedLoss.trim(),
    }),
  );
  // The victim's own phone and ID number are personal data, not clues about the ring: they stay on the
  // victim (masked) and never become identifiers. The trail's accounts do.
  const clues: Array<Partial<Identifier>> = [];
  for (const [i, t] of d.transfers.entries()) {
    const saved = await m.getRepository(Transfer).save(
      m.getRepository(Transfer).create({
        caseId: d.caseId, statementId: statement.id, agencyId: author.agencyId, fromAccount: t.fromAccount.trim(), toAccount: t.toAccount.trim(),
        bank: t.bank?.trim() || null, amount: t.amount.trim(), occurredAt: t.occurredAt, channel: t.channel,
        fromKind: checked.trail[i].from.kind, fromCanonical: checked.trail[i].from.canonical,
        toKind: checked.trail[i].to.kind, toCanonical: checked.trail[i].to.canonical,
      }),
    );
    for (const [raw, clue] of [[t.fromAccount, checked.trail[i].from], [t.toAccount, checked.trail[i].to]] as const) {
      clues.push({ kind: clue.kind, rawValue: raw.trim(), canonical: clue.canonical, source: source === 'IMPORT' ? 'IMPORT' : 'TRANSFER', statementId: statement.id, transferId: saved.id });
    }
  }
  if (clues.length > 0) {
    await m.getRepository(Identifier).insert(clues.map((c) => ({ ...c, caseId: d.caseId, agencyId: author.agencyId, createdBy: author.userId })));
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
    [d.caseId, statement.reportedLoss, statement.province],
  );
  return statement;
}
