import { Injectable } from '@nestjs/common';
import { FREEZE_OUTCOMES, moneyProblem, RequestEventKind, RequestState, RequestType, routingDigits } from '@caselink/domain';
import { recordDownstreamTransfers, RequestCaseRow, requestById, RequestChangeColumn } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { accountProblem, BankRoutingService } from '../bank-routing/bank-routing.service';
import { AnswerFreezeInput, ChangeRequestStateInput, SendFreezeRequestInput } from './requests.dto';
import { AgencyRequestModel } from './request.model';
import { RequestsService } from './requests.service';

/** The money checks of a request (more than 0 where asked, 2 decimals, not negative). */
export function checkMoney(field: string, value: string, positive: boolean): string {
  const v = value.trim();
  const problem = moneyProblem(v);
  if (problem) throw badInput(field, problem);
  if (positive && Number(v) === 0) throw badInput(field, 'must be more than 0');
  // Written as the database shows money: 5000 -> 5000.00.
  const [whole, frac = ''] = v.replace(/^\+/, '').split('.');
  return `${whole}.${frac.padEnd(2, '0')}`;
}

/**
 * Freeze requests (police → bank): emergency stops and freezes. Sending the same freeze twice (same case,
 * account and kind) finds the live one. A freeze goes to the bank that issues its account when a bank registered
 * its prefix (WRONG_BANK otherwise, naming that bank); the sender chooses for accounts no bank registered. The bank's
 * answer carries the amount held, the balance and the downstream transfers, which join the case as transactions and
 * identifiers (linking, fund tracing).
 */
@Injectable()
export class FreezesService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly requests: RequestsService,
    private readonly routing: BankRoutingService,
  ) {}

  /** Reads the case (with the transfer, any live freeze and the issuing bank) once, writes once, moves once: about 7 statements. */
  async send(actor: Actor, input: SendFreezeRequestInput, address: string): Promise<AgencyRequestModel> {
    const account = accountProblem(input.account);
    const canonical = typeof account === 'string' ? null : account.canonical;
    const same = {
      transferId: input.sourceTransferId ?? null, freeze: canonical ? { accountCanonical: canonical, kind: input.kind } : undefined,
      route: typeof account === 'string' ? null : routingDigits(account.kind, account.canonical),
    };
    const c = await this.requests.sendableCase(actor, input.caseId, same);
    await this.requests.assertTarget('input.bankAgencyId', input.bankAgencyId, RequestType.FREEZE);
    if (typeof account === 'string') throw badInput('input.account', account);
    const amount = checkMoney('input.amount', input.amount, true);
    const legalBasisDoc = input.legalBasisDoc.trim();
    if (!legalBasisDoc) throw badInput('input.legalBasisDoc', 'must not be empty');
    if (!c.transfer_found) throw badInput('input.sourceTransferId', 'is not a transfer of this case');
    if (c.issuing_bank_id && c.issuing_prefix && c.issuing_bank_id !== input.bankAgencyId) {
      throw await this.routing.wrongBank('input.bankAgencyId', account.canonical, { agencyId: c.issuing_bank_id, prefix: c.issuing_prefix });
    }
    // The same freeze again: the live one (and a draft of it is sent now).
    if (c.live_freeze_id) return this.again(actor, c, c.live_freeze_id, input.draft, address);
    const created = await this.requests.create(actor, c, {
      type: RequestType.FREEZE, kind: input.kind, toAgencyId: input.bankAgencyId, urgency: input.urgency, legalBasisDoc,
      account: input.account.trim(), accountKind: account.kind, accountCanonical: account.canonical, bankName: input.bankName?.trim() || null, amount,
      sourceTransferId: input.sourceTransferId ?? null,
    }, { draft: input.draft, address });
    if (created) return created;
    // Two identical sends raced, or the live one is one the caller cannot see (the case owner's, sent before a
    // contributor's): the insert did nothing and the transaction goes on.
    const raced = await this.requests.sendableCase(actor, input.caseId, same);
    if (raced.live_freeze_id) return this.again(actor, raced, raced.live_freeze_id, input.draft, address);
    throw conflict(`input.account: a ${input.kind} of ${account.canonical} on this case is already live, sent by another agency working the case`, { field: 'input.account' });
  }

  async answer(actor: Actor, input: AnswerFreezeInput, address: string): Promise<AgencyRequestModel> {
    if (!FREEZE_OUTCOMES.includes(input.outcome)) throw badInput('input.outcome', `must be one of ${FREEZE_OUTCOMES.join(', ')}`);
    const holds = input.outcome === RequestState.FROZEN || input.outcome === RequestState.PARTIALLY_FROZEN;
    const set: Partial<Record<RequestChangeColumn, unknown>> = {};
    if (holds) {
      if (!input.amountHeld) throw badInput('input.amountHeld', `is needed for ${input.outcome}`);
      set.amount_held = checkMoney('input.amountHeld', input.amountHeld, true);
      set.held_at = new Date();
      set.expiry_warned_at = null;
    } else if (input.amountHeld) {
      throw badInput('input.amountHeld', `must be left out for ${input.outcome}`);
    }
    if (input.balance) set.balance = checkMoney('input.balance', input.balance, false);
    if (input.outcome === RequestState.REJECTED && !input.reason?.trim()) throw badInput('input.reason', 'say why the freeze is rejected');
    const downstream = input.downstream.map((d, i) => {
      const to = accountProblem(d.toAccount);
      if (typeof to === 'string') throw badInput(`input.downstream.${i}.toAccount`, to);
      const amount = checkMoney(`input.downstream.${i}.amount`, d.amount, true);
      if (Number.isNaN(d.occurredAt.getTime()) || d.occurredAt.getTime() > Date.now() + 5 * 60_000) throw badInput(`input.downstream.${i}.occurredAt`, 'must not be in the future');
      return { toAccount: d.toAccount.trim(), toKind: to.kind, toCanonical: to.canonical, bank: d.bank?.trim() || null, amount, occurredAt: d.occurredAt.toISOString() };
    });
    if (downstream.length > 0 && input.outcome === RequestState.ACCOUNT_NOT_FOUND) throw badInput('input.downstream', 'an account that was not found has no transfers');
    return this.requests.move(actor, input.id, input.outcome, {
      note: input.reason?.trim() || null, address,
      set,
      data: downstream.length ? { downstream: downstream.map(({ toAccount, bank, amount, occurredAt }) => ({ toAccount, bank, amount, occurredAt })) } : undefined,
      before: async (r) => {
        if (holds) set.expires_at = this.requests.holdUntil(r, false);
        if (downstream.length) await recordDownstreamTransfers(this.tx.manager, r.id, downstream);
      },
    });
  }

  /** The sender's moves on a freeze: EXTENDED (with a new legal document) and RELEASED. */
  async change(actor: Actor, input: ChangeRequestStateInput, address: string): Promise<AgencyRequestModel> {
    const set: Partial<Record<RequestChangeColumn, unknown>> = {};
    if (input.to === RequestState.EXTENDED) {
      const doc = input.legalBasisDoc?.trim();
      if (!doc) throw badInput('input.legalBasisDoc', 'an extension needs its legal document number');
      set.legal_basis_doc = doc;
    }
    return this.requests.move(actor, input.id, input.to, {
      note: input.note?.trim() || null, address, set,
      before: async (r) => {
        if (input.to === RequestState.EXTENDED) {
          set.extensions = r.extensions + 1;
          set.expires_at = this.requests.holdUntil(r, true);
          set.expiry_warned_at = null;
        }
      },
    });
  }

  /** The live freeze found again: a draft of it is sent now (under its row lock), otherwise it is answered as it is. */
  private async again(actor: Actor, c: RequestCaseRow, id: string, draft: boolean, address: string): Promise<AgencyRequestModel> {
    const existing = await requestById(this.tx.manager, id, { lock: !draft });
    if (!existing) throw notFound('AgencyRequest', id);
    if (existing.state === RequestState.DRAFT && !draft) return this.requests.moveRow(actor, existing, RequestState.SENT, { address, sendable: c });
    // A send tried again (its answer was lost: the api that took it died, say) may follow a commit whose after-commit
    // work never ran: the bank's live event and the deadline's job. Both are announced again; the bank's inbox keys
    // rows by request and the deadline job by its id, so a second announcement changes nothing.
    if (!draft && existing.state === RequestState.SENT && existing.created_by === actor.userId) this.requests.afterChange(existing, RequestEventKind.STATE);
    return this.requests.toModel(actor, existing);
  }
}
