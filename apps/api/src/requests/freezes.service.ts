import { Injectable } from '@nestjs/common';
import {
  AgencyKind, AuditAction, AuditOutcome, FreezeKind, IdentifierKind, moneyProblem, normalizeIdentifier, RequestState, RequestType,
} from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict } from '../common/errors';
import { AnswerFreezeInput, ChangeRequestStateInput, SendFreezeRequestInput } from './requests.dto';
import { AgencyRequestModel } from './request.model';
import { RequestRow, RequestsService } from './requests.service';

const FREEZE_OUTCOMES = [RequestState.FROZEN, RequestState.PARTIALLY_FROZEN, RequestState.NO_FUNDS, RequestState.ACCOUNT_NOT_FOUND, RequestState.REJECTED];
const LIVE_FREEZE_STATES = ['DRAFT', 'SENT', 'ACKNOWLEDGED', 'FROZEN', 'PARTIALLY_FROZEN', 'EXTENDED'];

/** A card or account number as linking and tracing know it. */
export function accountProblem(raw: string): { kind: IdentifierKind; canonical: string } | string {
  let reason = '';
  for (const kind of [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT]) {
    const r = normalizeIdentifier(kind, raw);
    if (r.ok) return { kind, canonical: r.canonical };
    reason ||= r.reason;
  }
  return reason;
}

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
 * account and kind) finds the live one. The bank's answer carries the amount held, the balance and the
 * downstream transfers, which join the case as transactions and identifiers (linking, fund tracing).
 */
@Injectable()
export class FreezesService {
  constructor(
    private readonly requests: RequestsService,
  ) {}

  async send(actor: Actor, input: SendFreezeRequestInput, address: string): Promise<AgencyRequestModel> {
    const c = await this.requests.sendableCase(actor, input.caseId);
    await this.requests.assertTarget('input.bankAgencyId', input.bankAgencyId, AgencyKind.BANK);
    const account = accountProblem(input.account);
    if (typeof account === 'string') throw badInput('input.account', account);
    const amount = checkMoney('input.amount', input.amount, true);
    const legalBasisDoc = input.legalBasisDoc.trim();
    if (!legalBasisDoc) throw badInput('input.legalBasisDoc', 'must not be empty');
    if (input.sourceTransferId) {
      const [t] = (await this.requests.tx.manager.query('SELECT 1 FROM transfers WHERE id = $1 AND case_id = $2', [input.sourceTransferId, input.caseId])) as unknown[];
      if (!t) throw badInput('input.sourceTransferId', 'is not a transfer of this case');
    }
    // The same freeze again: the live one (and a draft of it is sent now).
    const existing = await this.live(input.caseId, account.canonical, input.kind);
    if (existing) return this.again(actor, existing, input.draft, address);
    const reference = await this.requests.nextReference(actor, RequestType.FREEZE);
    // ON CONFLICT on the live-freeze index: two identical sends racing, or one the caller cannot see (the
    // case owner's, sent before a contributor's), never abort the transaction.
    const inserted = (await this.requests.tx.manager.query(
      `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency,
         legal_basis_doc, account, account_kind, account_canonical, bank_name, amount, source_transfer_id)
       VALUES ('FREEZE', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (case_id, account_canonical, kind) WHERE type = 'FREEZE' AND state NOT IN ('NO_FUNDS','ACCOUNT_NOT_FOUND','REJECTED','RELEASED','EXPIRED')
       DO NOTHING RETURNING id`,
      [input.kind, reference, c.id, c.caseNumber, c.fraudType, actor.agencyId, input.bankAgencyId, actor.userId, input.urgency, legalBasisDoc,
        input.account.trim(), account.kind, account.canonical, input.bankName?.trim() || null, amount, input.sourceTransferId ?? null],
    )) as Array<{ id: string }>;
    if (inserted.length === 0) {
      const raced = await this.live(input.caseId, account.canonical, input.kind);
      if (raced) return this.again(actor, raced, input.draft, address);
      throw conflict(`input.account: a ${input.kind} of ${account.canonical} on this case is already live, sent by another agency working the case`, { field: 'input.account' });
    }
    const id = inserted[0].id;
    await recordAudit(this.requests.tx.manager, {
      action: AuditAction.REQUEST_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'AgencyRequest', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { reference, type: 'FREEZE', kind: input.kind, to: input.bankAgencyId },
    });
    if (input.draft) return this.requests.markRead(actor, id);
    return this.requests.move(actor, id, RequestState.SENT, { address });
  }

  async answer(actor: Actor, input: AnswerFreezeInput, address: string): Promise<AgencyRequestModel> {
    if (!FREEZE_OUTCOMES.includes(input.outcome)) throw badInput('input.outcome', `must be one of ${FREEZE_OUTCOMES.join(', ')}`);
    const holds = input.outcome === RequestState.FROZEN || input.outcome === RequestState.PARTIALLY_FROZEN;
    const set: Record<string, unknown> = {};
    if (holds) {
      if (!input.amountHeld) throw badInput('input.amountHeld', `is needed for ${input.outcome}`);
      set['amount_held'] = checkMoney('input.amountHeld', input.amountHeld, true);
      set['held_at'] = new Date();
      set['expiry_warned_at'] = null;
    } else if (input.amountHeld) {
      throw badInput('input.amountHeld', `must be left out for ${input.outcome}`);
    }
    if (input.balance) set['balance'] = checkMoney('input.balance', input.balance, false);
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
        if (holds) set['expires_at'] = this.requests.holdUntil(r, false);
        if (downstream.length) {
          await this.requests.tx.manager.query('SELECT record_downstream_transfers($1, $2::jsonb)', [r.id, JSON.stringify(downstream)]);
        }
      },
    });
  }

  /** The sender's moves on a freeze: EXTENDED (with a new legal document) and RELEASED. */
  async change(actor: Actor, input: ChangeRequestStateInput, address: string): Promise<AgencyRequestModel> {
    const set: Record<string, unknown> = {};
    if (input.to === RequestState.EXTENDED) {
      const doc = input.legalBasisDoc?.trim();
      if (!doc) throw badInput('input.legalBasisDoc', 'an extension needs its legal document number');
      set['legal_basis_doc'] = doc;
    }
    return this.requests.move(actor, input.id, input.to, {
      note: input.note?.trim() || null, address, set,
      before: async (r) => {
        if (input.to === RequestState.EXTENDED) {
          set['extensions'] = r.extensions + 1;
          set['expires_at'] = this.requests.holdUntil(r, true);
          set['expiry_warned_at'] = null;
        }
      },
    });
  }

  private async live(caseId: string, canonical: string, kind: FreezeKind): Promise<RequestRow | null> {
    const [row] = (await this.requests.tx.manager.query(
      `SELECT * FROM agency_requests WHERE type = 'FREEZE' AND case_id = $1 AND account_canonical = $2 AND kind = $3 AND state = ANY($4::text[])`,
      [caseId, canonical, kind, LIVE_FREEZE_STATES],
    )) as RequestRow[];
    return row ?? null;
  }

  private async again(actor: Actor, existing: RequestRow, draft: boolean, address: string): Promise<AgencyRequestModel> {
    if (existing.state === RequestState.DRAFT && !draft) return this.requests.move(actor, existing.id, RequestState.SENT, { address });
    return this.requests.get(actor, existing.id);
  }
}
