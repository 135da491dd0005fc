// Validation of one reported risk signal (API input or CSV row): every problem names the field, nothing is thrown.
import { AgencyKind } from '../agency';
import { moneyProblem } from '../cases';
import { IdentifierKind, normalizeIdentifier } from '../identifiers';
import { AccountProduct, isSignalRegion, RiskSignalKind, signalKindsFor, TransferDirection } from './rules';

/** The accounts a signal names (its own and its counterpart): cards and bank accounts. */
export const SIGNAL_ACCOUNT_KINDS: readonly IdentifierKind[] = [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT];

/** The identifiers an alert names: the accounts of its signals and the phone numbers. */
export const ALERT_IDENTIFIER_KINDS: readonly IdentifierKind[] = [...SIGNAL_ACCOUNT_KINDS, IdentifierKind.PHONE];

/** A signal as reported: text fields as received (a CSV cell or a GraphQL argument), dates already parsed or text. */
export interface RiskSignalDraft {
  kind?: string | null;
  reference?: string | null;
  occurredAt?: Date | string | null;
  region?: string | null;
  subjectIdNumber?: string | null;
  account?: string | null;
  product?: string | null;
  phone?: string | null;
  amount?: string | null;
  direction?: string | null;
  counterpartAccount?: string | null;
}

export type RiskSignalField = keyof RiskSignalDraft;

/** A valid signal in canonical form. The ID number is still here: the caller hashes it and drops it. */
export interface CheckedRiskSignal {
  kind: RiskSignalKind;
  reference: string;
  occurredAt: Date;
  region: string;
  subjectIdNumber: string | null;
  account: string | null;
  accountKind: IdentifierKind.BANK_CARD | IdentifierKind.BANK_ACCOUNT | null;
  product: AccountProduct | null;
  phone: string | null;
  amount: string | null;
  direction: TransferDirection | null;
  counterpartAccount: string | null;
  counterpartKind: IdentifierKind.BANK_CARD | IdentifierKind.BANK_ACCOUNT | null;
}

export interface SignalProblem {
  field: RiskSignalField;
  reason: string;
}

export type SignalCheck = { ok: true; signal: CheckedRiskSignal } | { ok: false; problems: SignalProblem[] };

export const MAX_REFERENCE_LENGTH = 100;
/**
 * The largest amount one signal may carry, CNY. Far above any real withdrawal or transfer, and low enough that
 * a day's sum over an account can never overflow anything; the column holds it as a CHECK too.
 */
export const MAX_SIGNAL_AMOUNT = '1000000000.00';
/** Signals about events before this are refused: a typo in the year, not a late report. */
const EARLIEST = Date.UTC(2000, 0, 1);

/** Which fields each kind needs, and which it may carry besides. */
const SHAPE: Record<RiskSignalKind, { required: RiskSignalField[]; optional: RiskSignalField[] }> = {
  [RiskSignalKind.ACCOUNT_OPENING]: { required: ['subjectIdNumber', 'account', 'product'], optional: [] },
  [RiskSignalKind.SIM_REGISTRATION]: { required: ['subjectIdNumber', 'phone'], optional: [] },
  [RiskSignalKind.CASH_WITHDRAWAL]: { required: ['account', 'amount'], optional: ['subjectIdNumber'] },
  [RiskSignalKind.TRANSFER]: { required: ['account', 'amount', 'direction'], optional: ['subjectIdNumber', 'counterpartAccount'] },
};
const VARIABLE_FIELDS: RiskSignalField[] = ['subjectIdNumber', 'account', 'product', 'phone', 'amount', 'direction', 'counterpartAccount'];

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A card (Luhn) when it is one, else a bank account; the same order the payment trails use, so values link. */
export function canonicalAccount(raw: string): { ok: true; kind: IdentifierKind.BANK_CARD | IdentifierKind.BANK_ACCOUNT; canonical: string } | { ok: false; reason: string } {
  const card = normalizeIdentifier(IdentifierKind.BANK_CARD, raw);
  if (card.ok) return { ok: true, kind: IdentifierKind.BANK_CARD, canonical: card.canonical };
  const account = normalizeIdentifier(IdentifierKind.BANK_ACCOUNT, raw);
  if (account.ok) return { ok: true, kind: IdentifierKind.BANK_ACCOUNT, canonical: account.canonical };
  return { ok: false, reason: account.reason };
}

/**
 * Reads an instant: a Date, or ISO 8601 text with an offset ('Z', +08:00), or 'YYYY-MM-DD HH:mm[:ss]' without one,
 * read in Asia/Shanghai (as banks' exports write local time).
 */
function instant(v: Date | string): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(v.trim());
  if (!m) return null;
  const offset = (m[3] ?? '+08:00').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(`${m[1]}T${m[2]}${offset.toUpperCase()}`);
  // Date() rolls 2026-02-30 over to March: refuse what does not read back.
  return Number.isNaN(d.getTime()) || !sameCalendarDay(m[1], d, offset) ? null : d;
}

function sameCalendarDay(day: string, d: Date, offset: string): boolean {
  if (offset === 'Z' || offset === 'z') return d.toISOString().slice(0, 10) === day;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, mm] = offset.slice(1).split(':').map(Number);
  return new Date(d.getTime() + sign * (h * 60 + mm) * 60_000).toISOString().slice(0, 10) === day;
}

/**
 * Checks one signal reported by an agency of `reporter` kind: the kind must be one it reports (banks accounts and
 * money, telecoms SIM cards), the fields must fit the kind, and identifiers are normalised as clues are (Luhn
 * cards, E.164 phones, checksummed ID numbers) so that alerts match cases' identifiers.
 */
export function checkRiskSignal(d: RiskSignalDraft, reporter: AgencyKind, now: Date = new Date()): SignalCheck {
  const problems: SignalProblem[] = [];
  const problem = (field: RiskSignalField, reason: string) => problems.push({ field, reason });

  const kindText = typeof d.kind === 'string' ? d.kind.trim().toUpperCase() : '';
  const kind = Object.values(RiskSignalKind).includes(kindText as RiskSignalKind) ? (kindText as RiskSignalKind) : null;
  if (blank(d.kind)) problem('kind', 'is required');
  else if (!kind) problem('kind', `must be one of ${Object.values(RiskSignalKind).join(', ')}`);
  else if (!signalKindsFor(reporter).includes(kind)) {
    const allowed = signalKindsFor(reporter);
    problem('kind', allowed.length ? `a ${reporter.toLowerCase()} reports ${allowed.join(', ')} only` : 'only banks and telecoms report risk signals');
  }

  const reference = typeof d.reference === 'string' ? d.reference.trim() : '';
  if (reference === '') problem('reference', 'is required');
  else if (reference.length > MAX_REFERENCE_LENGTH) problem('reference', `must be at most ${MAX_REFERENCE_LENGTH} characters`);
  else if ([...reference].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) problem('reference', 'must not contain control characters');

  let occurredAt: Date | null = null;
  if (blank(d.occurredAt)) problem('occurredAt', 'is required');
  else {
    occurredAt = instant(d.occurredAt as Date | string);
    if (!occurredAt) problem('occurredAt', 'must be a date and time such as 2026-11-20T14:05:00+08:00 (without an offset: Asia/Shanghai)');
    else if (occurredAt.getTime() > now.getTime() + 5 * 60_000) problem('occurredAt', 'must not be in the future');
    else if (occurredAt.getTime() < EARLIEST) problem('occurredAt', 'must not be before 2000');
  }

  const region = typeof d.region === 'string' ? d.region.trim() : '';
  if (region === '') problem('region', 'is required');
  else if (!isSignalRegion(region)) problem('region', 'must be the 6-digit GB/T 2260 code of a province, city or county, such as 440000 or 440100');

  const out: CheckedRiskSignal = {
    kind: kind ?? RiskSignalKind.TRANSFER, reference, occurredAt: occurredAt ?? new Date(0), region,
    subjectIdNumber: null, account: null, accountKind: null, product: null, phone: null, amount: null, direction: null,
    counterpartAccount: null, counterpartKind: null,
  };
  if (kind) {
    const shape = SHAPE[kind];
    for (const f of VARIABLE_FIELDS) {
      const present = !blank(d[f]);
      if (shape.required.includes(f) && !present) problem(f, `is required for ${kind}`);
      else if (present && !shape.required.includes(f) && !shape.optional.includes(f)) problem(f, `does not apply to ${kind}`);
    }
  }
  const text = (f: RiskSignalField) => (blank(d[f]) ? null : String(d[f]).trim());

  const idNumber = text('subjectIdNumber');
  if (idNumber !== null) {
    const r = normalizeIdentifier(IdentifierKind.ID_NUMBER, idNumber);
    if (r.ok) out.subjectIdNumber = r.canonical;
    else problem('subjectIdNumber', r.reason);
  }
  const account = text('account');
  if (account !== null) {
    const r = canonicalAccount(account);
    if (r.ok) [out.account, out.accountKind] = [r.canonical, r.kind];
    else problem('account', r.reason);
  }
  const counterpart = text('counterpartAccount');
  if (counterpart !== null) {
    const r = canonicalAccount(counterpart);
    if (r.ok) [out.counterpartAccount, out.counterpartKind] = [r.canonical, r.kind];
    else problem('counterpartAccount', r.reason);
  }
  const product = text('product');
  if (product !== null) {
    const p = product.toUpperCase();
    if (Object.values(AccountProduct).includes(p as AccountProduct)) out.product = p as AccountProduct;
    else problem('product', `must be one of ${Object.values(AccountProduct).join(', ')}`);
  }
  const phone = text('phone');
  if (phone !== null) {
    const r = normalizeIdentifier(IdentifierKind.PHONE, phone);
    if (r.ok) out.phone = r.canonical;
    else problem('phone', r.reason);
  }
  const amount = text('amount');
  if (amount !== null) {
    const p = moneyProblem(amount);
    if (p) problem('amount', p);
    else if (Number(amount) === 0) problem('amount', 'must be more than 0');
    else if (centsOf(amount) > centsOf(MAX_SIGNAL_AMOUNT)) problem('amount', `must be at most ${MAX_SIGNAL_AMOUNT}`);
    else out.amount = normalizeMoney(amount);
  }
  const direction = text('direction');
  if (direction !== null) {
    const v = direction.toUpperCase();
    if (v === TransferDirection.IN || v === TransferDirection.OUT) out.direction = v;
    else problem('direction', 'must be IN or OUT');
  }

  // A problem on a field is reported once, the first reason found.
  const seen = new Set<RiskSignalField>();
  const unique = problems.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
  return unique.length ? { ok: false, problems: unique } : { ok: true, signal: out };
}

/** "25000" -> "25000.00", exactly (string arithmetic, never a float). */
function normalizeMoney(text: string): string {
  const [whole, frac = ''] = text.trim().split('.');
  return `${BigInt(whole).toString()}.${(frac + '00').slice(0, 2)}`;
}

/** Cents of a valid amount (moneyProblem passed), exactly. */
function centsOf(text: string): bigint {
  const [whole, frac = ''] = text.trim().split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
}

/** The columns of a signal upload (CSV with a header row, any order) and the field each fills. */
export const RISK_SIGNAL_COLUMNS: ReadonlyArray<{ name: string; field: RiskSignalField; required: boolean }> = [
  { name: 'kind', field: 'kind', required: true },
  { name: 'reference', field: 'reference', required: true },
  { name: 'occurred_at', field: 'occurredAt', required: true },
  { name: 'region', field: 'region', required: true },
  { name: 'subject_id_number', field: 'subjectIdNumber', required: false },
  { name: 'account', field: 'account', required: false },
  { name: 'product', field: 'product', required: false },
  { name: 'phone', field: 'phone', required: false },
  { name: 'amount', field: 'amount', required: false },
  { name: 'direction', field: 'direction', required: false },
  { name: 'counterpart_account', field: 'counterpartAccount', required: false },
];

/** The column of a field, for problems reported against a CSV row. */
export function columnOfSignalField(field: RiskSignalField): string {
  return RISK_SIGNAL_COLUMNS.find((c) => c.field === field)?.name ?? field;
}
