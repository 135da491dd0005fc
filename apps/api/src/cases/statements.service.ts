import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, IdentifierKind, maskIdentifier, moneyProblem, normalizeIdentifier, PaymentChannel, PROVINCES } from '@caselink/domain';
import { Identifier, recordAudit, User, Transfer, Victim, VictimStatement } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, forbidden } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { VictimStatementModel, ViewerAccess } from './case.model';
import { toStatementModel } from './case-mappers';
import { AddStatementInput, TransferInput } from './cases.dto';
import { CasesService } from './cases.service';

interface AccountClue {
  kind: IdentifierKind;
  canonical: string;
}

/**
 * Victim statements with their payment trails. One transaction: victim, statement, transfers, the
 * identifiers every transfer yields, and the case totals, or nothing at all.
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
  ) {}

  async add(actor: Actor, input: AddStatementInput, address: string): Promise<VictimStatementModel> {
    const model = await this.cases.get(actor, input.caseId);
    if (model.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow adding statements; ask the owner for CONTRIBUTE');
    const m = this.tx.manager;
    // Lock the case row first: concurrent statements then add up their losses one after another.
    await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [input.caseId]);

    const lossProblem = moneyProblem(input.reportedLoss);
    if (lossProblem) throw badInput('input.reportedLoss', lossProblem);
    if (input.takenAt.getTime() > Date.now() + 5 * 60_000) throw badInput('input.takenAt', 'must not be in the future');
    for (const field of ['province', 'victim.province'] as const) {
      const code = field === 'province' ? input.province : input.victim.province;
      if (code && !PROVINCES[code]) throw badInput(`input.${field}`, `${code} is not a province code`);
    }
    const idNumber = this.personal('input.victim.idNumber', IdentifierKind.ID_NUMBER, input.victim.idNumber);
    const phone = this.personal('input.victim.phone', IdentifierKind.PHONE, input.victim.phone);
    const trail = input.transfers.map((t, i) => this.checkTransfer(t, i));

    const taker = await m.getRepository(User).findOneByOrFail({ id: actor.userId });
    const victim = await m.getRepository(Victim).save(m.getRepository(Victim).create({
      caseId: input.caseId, agencyId: actor.agencyId, name: input.victim.name.trim(),
      idNumber: idNumber?.canonical ?? null, idNumberMasked: idNumber ? maskIdentifier(IdentifierKind.ID_NUMBER, idNumber.canonical) : null,
      phone: phone?.canonical ?? null, phoneMasked: phone ? maskIdentifier(IdentifierKind.PHONE, phone.canonical) : null,
      age: input.victim.age ?? null, gender: (input.victim.gender as Victim['gender']) ?? null, province: input.victim.province ?? null,
    }));
    const statement = await m.getRepository(VictimStatement).save(m.getRepository(VictimStatement).create({
      caseId: input.caseId, victimId: victim.id, agencyId: actor.agencyId, takenBy: actor.userId, takenByName: taker.displayName, takenAt: input.takenAt,
      place: input.place.trim(), province: input.province ?? input.victim.province ?? null, narrative: input.narrative.trim(), reportedLoss: input.reportedLoss.trim(),
    }));
    const clues: Array<Partial<Identifier>> = [];
    if (phone) clues.push({ kind: IdentifierKind.PHONE, rawValue: input.victim.phone as string, canonical: phone.canonical, source: 'STATEMENT', statementId: statement.id });
    for (const [i, t] of input.transfers.entries()) {
      const saved = await m.getRepository(Transfer).save(m.getRepository(Transfer).create({
        caseId: input.caseId, statementId: statement.id, agencyId: actor.agencyId, fromAccount: t.fromAccount.trim(), toAccount: t.toAccount.trim(),
        bank: t.bank?.trim() || null, amount: t.amount.trim(), occurredAt: t.occurredAt, channel: t.channel,
      }));
      for (const [raw, clue] of [[t.fromAccount, trail[i].from], [t.toAccount, trail[i].to]] as const) {
        clues.push({ kind: clue.kind, rawValue: raw.trim(), canonical: clue.canonical, source: 'TRANSFER', statementId: statement.id, transferId: saved.id });
      }
    }
    if (clues.length > 0) {
      await m.getRepository(Identifier).insert(clues.map((c) => ({ ...c, caseId: input.caseId, agencyId: actor.agencyId, createdBy: actor.userId })));
    }
    await m.query(
      `UPDATE cases SET
         total_loss = (SELECT coalesce(sum(reported_loss), 0) FROM victim_statements WHERE case_id = $1),
         victim_count = (SELECT count(DISTINCT victim_id) FROM victim_statements WHERE case_id = $1),
         provinces = (SELECT array_agg(DISTINCT p ORDER BY p) FROM (SELECT unnest(provinces) AS p FROM cases WHERE id = $1
                        UNION SELECT province FROM victim_statements WHERE case_id = $1 AND province IS NOT NULL) x),
         updated_at = now()
       WHERE id = $1`,
      [input.caseId],
    );
    await recordAudit(m, {
      action: AuditAction.STATEMENT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'VictimStatement', entityId: statement.id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { caseId: input.caseId, caseOwner: model.owner.id, transfers: input.transfers.length, reportedLoss: statement.reportedLoss },
    });
    return toStatementModel(statement);
  }

  private personal(field: string, kind: IdentifierKind, raw: string | undefined) {
    if (!raw?.trim()) return null;
    const r = normalizeIdentifier(kind, raw);
    if (!r.ok) throw badInput(field, r.reason);
    return r;
  }

  /** Every account in a trail must be a clue we can link on: a card (Luhn), an account, or a wallet for crypto. */
  private checkTransfer(t: TransferInput, i: number): { from: AccountClue; to: AccountClue } {
    const amountProblem = moneyProblem(t.amount);
    if (amountProblem) throw badInput(`input.transfers.${i}.amount`, amountProblem);
    if (Number(t.amount) === 0) throw badInput(`input.transfers.${i}.amount`, 'must be more than 0');
    if (t.occurredAt.getTime() > Date.now() + 5 * 60_000) throw badInput(`input.transfers.${i}.occurredAt`, 'must not be in the future');
    return { from: this.account(t.fromAccount, t.channel, `input.transfers.${i}.fromAccount`), to: this.account(t.toAccount, t.channel, `input.transfers.${i}.toAccount`) };
  }

  private account(raw: string, channel: PaymentChannel, field: string): AccountClue {
    const kinds = channel === PaymentChannel.CRYPTO
      ? [IdentifierKind.CRYPTO_WALLET]
      : channel === PaymentChannel.THIRD_PARTY_PAYMENT
        ? [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT, IdentifierKind.PHONE, IdentifierKind.SOCIAL_ACCOUNT]
        : [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT];
    let firstReason = '';
    for (const kind of kinds) {
      const r = normalizeIdentifier(kind, raw);
      if (r.ok) return { kind, canonical: r.canonical };
      firstReason ||= r.reason;
    }
    throw badInput(field, firstReason);
  }
}
