import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  AgencyKind, AuditAction, AuditOutcome, bankPrefixProblem, IdentifierKind, mayCall, normalizeIdentifier, routingDigits, WRONG_BANK,
} from '@caselink/domain';
import {
  addBankPrefixes, bankPrefixes, BankPrefixRow, issuingBanksOf, recordAudit, registeredPrefixes, removeBankPrefix,
} from '@caselink/db';
import type { Actor } from '../common/actor';
import { AppError, badInput, conflict, notFound } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { AddBankPrefixesInput } from './bank-routing.dto';
import { BankPrefixModel, IssuingBankModel } from './bank-routing.model';

/** A card or account number as linking and tracing know it, or why it is neither. */
export function accountProblem(raw: string): { kind: IdentifierKind; canonical: string } | string {
  let reason = '';
  for (const kind of [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT]) {
    const r = normalizeIdentifier(kind, raw);
    if (r.ok) return { kind, canonical: r.canonical };
    reason ||= r.reason;
  }
  return reason;
}

/** An account to route: its kind and canonical value (only cards and domestic account numbers are routed). */
export interface RoutableAccount {
  kind: IdentifierKind | string;
  canonical: string;
}

/** Per request: the issuing banks of the accounts its fields ask for, one statement per level of the query. */
export type RoutingContext = { issuingBanks?: DataLoader<string, IssuingBankModel | null> };

/**
 * Freezes find their bank (issue 16): the card BINs and account-number prefixes each bank registers, and the
 * longest-prefix match that routes an account to its issuing bank — for the freeze form, clues, payment trails, the
 * fund trace and batches of emergency stops. Its SQL is the bank-prefix store's (libs/db/src/agencies); every agency
 * reads the prefixes, only a bank's ADMIN changes its own (row-level security decides again).
 */
@Injectable()
export class BankRoutingService {
  constructor(
    readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  /** The issuing bank of each routable account (canonical → bank), in the current transaction, in one statement. */
  async issuingBanks(accounts: readonly RoutableAccount[]): Promise<Map<string, IssuingBankModel>> {
    const digits = [...new Set(accounts.flatMap((a) => routingDigits(a.kind, a.canonical) ?? []))];
    const out = new Map<string, IssuingBankModel>();
    for (const [account, row] of await issuingBanksOf(this.tx.manager, digits)) {
      out.set(account, { bank: await this.directory.get(row.agency_id, this.tx.manager), prefix: row.prefix });
    }
    return out;
  }

  /** The issuing bank of one card or account number as written; null when no registered prefix matches. */
  async route(raw: string, field: string): Promise<IssuingBankModel | null> {
    const account = accountProblem(raw);
    if (typeof account === 'string') throw badInput(field, account);
    return (await this.issuingBanks([account])).get(account.canonical) ?? null;
  }

  /**
   * A freeze goes to the bank that issues its account: the refusal when a registered prefix names another bank
   * (BAD_USER_INPUT at `field`, reason WRONG_BANK, the issuing bank named in both languages, its id in extensions).
   * An account no bank registered goes where the sender chooses.
   */
  async wrongBank(field: string, account: string, issuer: { agencyId: string; prefix: string }): Promise<AppError> {
    const bank = await this.directory.get(issuer.agencyId, this.tx.manager);
    return new AppError(
      'BAD_USER_INPUT',
      `${field}: ${account} is issued by ${bank.nameEn} (prefix ${issuer.prefix}): send the freeze to ${bank.nameEn} · ` +
        `该账户由${bank.name}发行（前缀 ${issuer.prefix}），请向${bank.name}发送冻结`,
      { field, reason: WRONG_BANK, issuingBankId: bank.id, issuingBankName: bank.name, issuingBankNameEn: bank.nameEn, prefix: issuer.prefix },
    );
  }

  /**
   * The issuing bank of an account for a nested field (Identifier, Transfer): batched per request in one
   * transaction acting as the caller, after the root field's has committed.
   */
  load(actor: Actor, ctx: RoutingContext, account: RoutableAccount): Promise<IssuingBankModel | null> {
    const digits = routingDigits(account.kind, account.canonical);
    if (!digits) return Promise.resolve(null);
    ctx.issuingBanks ??= new DataLoader(async (keys: readonly string[]) => {
      const found = await this.tx.runAs(actor, () => this.issuingBanks(keys.map((canonical) => ({ kind: IdentifierKind.BANK_CARD, canonical }))));
      return keys.map((k) => found.get(k) ?? null);
    });
    return ctx.issuingBanks.load(digits);
  }

  async list(actor: Actor, bankAgencyId: string | null): Promise<BankPrefixModel[]> {
    if (bankAgencyId && (await this.directory.all(this.tx.manager)).get(bankAgencyId)?.kind !== AgencyKind.BANK) {
      throw badInput('bankAgencyId', 'must be a bank agency');
    }
    return Promise.all((await bankPrefixes(this.tx.manager, bankAgencyId)).map((r) => this.toModel(actor, r)));
  }

  /**
   * Registers prefixes for the caller's bank, all or none, audited: each validated (naming its place in the list), one
   * another bank registered is a CONFLICT naming that bank (English · 中文, its id in extensions), the bank's own are kept.
   */
  async add(actor: Actor, input: AddBankPrefixesInput, address: string): Promise<BankPrefixModel[]> {
    const m = this.tx.manager;
    const prefixes = input.prefixes.map((p, i) => {
      const prefix = p.trim();
      const problem = bankPrefixProblem(prefix);
      if (problem) throw badInput(`input.prefixes.${i}`, problem);
      return prefix;
    });
    const label = input.label?.trim() || null;
    const wanted = [...new Set(prefixes)];
    const taken = await registeredPrefixes(m, wanted);
    const refuse = async (holder: BankPrefixRow) => this.takenError(`input.prefixes.${prefixes.indexOf(holder.prefix)}`, holder);
    for (const p of wanted) {
      const holder = taken.get(p);
      if (holder && holder.agency_id !== actor.agencyId) throw await refuse(holder);
    }
    const fresh = wanted.filter((p) => !taken.has(p));
    const added = await addBankPrefixes(m, { agencyId: actor.agencyId, userId: actor.userId, prefixes: fresh, label });
    if (added.length < fresh.length) {
      // Registered by someone else between the check and the insert: name them, and write nothing (the error rolls back).
      const raced = await registeredPrefixes(m, fresh.filter((p) => !added.some((a) => a.prefix === p)));
      const holder = [...raced.values()].find((r) => r.agency_id !== actor.agencyId);
      if (holder) throw await refuse(holder);
    }
    if (added.length > 0) {
      await recordAudit(m, {
        action: AuditAction.BANK_PREFIXES_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'BankPrefix', entityId: null, agencyId: actor.agencyId,
        actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { prefixes: added.map((a) => a.prefix), label },
      });
    }
    const mine = await registeredPrefixes(m, wanted);
    return Promise.all(wanted.flatMap((p) => mine.get(p) ?? []).map((r) => this.toModel(actor, r)));
  }

  /** Removes one of the caller's bank's prefixes, audited; NOT_FOUND for a prefix it has not registered. */
  async remove(actor: Actor, prefix: string, address: string): Promise<boolean> {
    const value = prefix.trim();
    const problem = bankPrefixProblem(value);
    if (problem) throw badInput('prefix', problem);
    const row = await removeBankPrefix(this.tx.manager, actor.agencyId, value);
    if (!row) throw notFound('BankPrefix', value);
    await recordAudit(this.tx.manager, {
      action: AuditAction.BANK_PREFIX_REMOVED, outcome: AuditOutcome.SUCCESS, entityType: 'BankPrefix', entityId: null, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { prefix: row.prefix, label: row.label },
    });
    return true;
  }

  private async takenError(field: string, holder: BankPrefixRow): Promise<AppError> {
    const bank = await this.directory.get(holder.agency_id, this.tx.manager);
    return conflict(`${field}: prefix ${holder.prefix} is registered by ${bank.nameEn} · 前缀 ${holder.prefix} 已由${bank.name}登记`, {
      field, reason: 'PREFIX_TAKEN', prefix: holder.prefix, bankAgencyId: bank.id, bankName: bank.name, bankNameEn: bank.nameEn,
    });
  }

  private async toModel(actor: Actor, r: BankPrefixRow): Promise<BankPrefixModel> {
    return {
      prefix: r.prefix, bank: await this.directory.get(r.agency_id, this.tx.manager), label: r.label, createdAt: r.created_at,
      removable: r.agency_id === actor.agencyId && mayCall(actor, 'removeBankPrefix'),
    };
  }
}
