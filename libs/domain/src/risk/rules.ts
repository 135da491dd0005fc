// Risk rules over banks' and telecoms' signals (DESIGN.md "Risk signal and alert"). Thresholds are data, set per
// region; the defaults below are the reference's and live under the national pseudo-region '000000'.
import { AgencyKind, isChineseRegionCode, NATIONAL_REGION_CODE } from '../agency';
import { moneyProblem } from '../cases';

export enum RiskSignalKind {
  ACCOUNT_OPENING = 'ACCOUNT_OPENING',
  SIM_REGISTRATION = 'SIM_REGISTRATION',
  CASH_WITHDRAWAL = 'CASH_WITHDRAWAL',
  TRANSFER = 'TRANSFER',
}

export enum AccountProduct {
  DEBIT_CARD = 'DEBIT_CARD',
  CREDIT_CARD = 'CREDIT_CARD',
  ACCOUNT = 'ACCOUNT',
}

export enum TransferDirection {
  IN = 'IN',
  OUT = 'OUT',
}

export enum RiskRule {
  /** Sum of one account's cash withdrawals on one day (Asia/Shanghai) above the threshold, CNY. */
  CASH_WITHDRAWAL_DAILY = 'CASH_WITHDRAWAL_DAILY',
  /** SIM cards registered to one subject at one carrier above the threshold. */
  SIM_CARDS_PER_CARRIER = 'SIM_CARDS_PER_CARRIER',
  /** Debit cards opened by one subject at one bank above the threshold. */
  DEBIT_CARDS_PER_BANK = 'DEBIT_CARDS_PER_BANK',
  /** Accounts and cards of one subject across all banks above the threshold. */
  ACCOUNTS_ACROSS_BANKS = 'ACCOUNTS_ACROSS_BANKS',
  /** Money in, then at least PASS_THROUGH_SHARE of it out of the same account within the threshold, minutes. */
  PASS_THROUGH = 'PASS_THROUGH',
}

export enum AlertStatus {
  NEW = 'NEW',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  DISMISSED = 'DISMISSED',
}

/** Who reports what: banks see accounts and money, telecoms SIM cards. */
const KINDS_BY_REPORTER: Partial<Record<AgencyKind, readonly RiskSignalKind[]>> = {
  [AgencyKind.BANK]: [RiskSignalKind.ACCOUNT_OPENING, RiskSignalKind.CASH_WITHDRAWAL, RiskSignalKind.TRANSFER],
  [AgencyKind.TELECOM]: [RiskSignalKind.SIM_REGISTRATION],
};

export function signalKindsFor(kind: AgencyKind): readonly RiskSignalKind[] {
  return KINDS_BY_REPORTER[kind] ?? [];
}

/** The region under which the national default thresholds are kept. */
export const NATIONAL_THRESHOLD_REGION = '000000';

/** The reference's defaults (20,000 CNY a day; 5 SIMs per carrier; 4 debit cards per bank; 10 accounts; 30 minutes). */
export const DEFAULT_THRESHOLDS: Readonly<Record<RiskRule, string>> = {
  [RiskRule.CASH_WITHDRAWAL_DAILY]: '20000.00',
  [RiskRule.SIM_CARDS_PER_CARRIER]: '5',
  [RiskRule.DEBIT_CARDS_PER_BANK]: '4',
  [RiskRule.ACCOUNTS_ACROSS_BANKS]: '10',
  [RiskRule.PASS_THROUGH]: '30',
};

/** Share of an incoming amount that must leave again within the window for PASS_THROUGH. */
export const PASS_THROUGH_SHARE = 0.8;
/** The longest PASS_THROUGH window a region may set (a day): evaluation looks back one day. */
export const MAX_PASS_THROUGH_MINUTES = 1440;

/** What a rule's threshold counts. */
export function thresholdUnit(rule: RiskRule): 'CNY' | 'COUNT' | 'MINUTES' {
  if (rule === RiskRule.CASH_WITHDRAWAL_DAILY) return 'CNY';
  if (rule === RiskRule.PASS_THROUGH) return 'MINUTES';
  return 'COUNT';
}

/** Why `value` cannot be the threshold of `rule`, or null. */
export function thresholdProblem(rule: RiskRule, value: string): string | null {
  const v = value.trim();
  switch (thresholdUnit(rule)) {
    case 'CNY': {
      const p = moneyProblem(v);
      if (p) return p;
      return Number(v) > 0 ? null : 'must be more than 0';
    }
    case 'MINUTES':
      if (!/^\d{1,4}$/.test(v)) return 'must be a whole number of minutes';
      return Number(v) >= 1 && Number(v) <= MAX_PASS_THROUGH_MINUTES ? null : `must be 1 to ${MAX_PASS_THROUGH_MINUTES} minutes`;
    default:
      if (!/^\d{1,4}$/.test(v)) return 'must be a whole number';
      return Number(v) >= 1 && Number(v) <= 1000 ? null : 'must be 1 to 1000';
  }
}

/** The canonical text of a valid threshold: money with 2 decimals, counts and minutes as integers. */
export function canonicalThreshold(rule: RiskRule, value: string): string {
  return decimalText(value, thresholdUnit(rule) === 'CNY' ? 2 : 0);
}

/** Display form of an observed figure or threshold stored as numeric: no decimals for counts and minutes. */
export function formatRuleFigure(rule: RiskRule, numericText: string): string {
  const unit = thresholdUnit(rule);
  if (unit === 'CNY') return decimalText(numericText, 2);
  // Minutes may carry seconds as a fraction (12.5); counts are whole.
  return unit === 'MINUTES' ? decimalText(numericText) : decimalText(numericText, 0);
}

/**
 * A non-negative decimal (numeric text) exactly, never through a float: rounded half up to `places` decimals
 * ("20000" -> "20000.00", "6.00" -> "6"), or without `places` with its trailing zeros dropped ("12.50" -> "12.5").
 * Text that is no such decimal is returned as it is.
 */
function decimalText(text: string, places?: number): string {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[1] === '' && !m[2])) return text;
  const [whole, frac] = [m[1] || '0', m[2] ?? ''];
  if (places === undefined) {
    const f = frac.replace(/0+$/, '');
    return `${BigInt(whole).toString()}${f ? `.${f}` : ''}`;
  }
  // One digit past the last kept decides the rounding.
  const units = (BigInt(whole + frac.padEnd(places + 1, '0').slice(0, places + 1)) + 5n) / 10n;
  if (places === 0) return units.toString();
  const digits = units.toString().padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** A 6-digit GB/T 2260 code where a signal happened (province, city or county), not the national code. */
export function isSignalRegion(code: string): boolean {
  return code !== NATIONAL_REGION_CODE && isChineseRegionCode(code);
}

/**
 * The regions whose threshold applies to `region`, most specific first: the county or city itself, its city,
 * its province, then the national default. A city's own value beats its province's, which beats the default.
 */
export function thresholdRegionChain(region: string): string[] {
  const chain = [region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`, NATIONAL_THRESHOLD_REGION];
  return [...new Set(chain)];
}

/** The effective threshold for `region`: the first of its chain that is set, with the region it comes from. */
export function effectiveThreshold(
  rule: RiskRule, region: string, set: ReadonlyArray<{ region: string; rule: RiskRule; value: string }>,
): { value: string; source: string } {
  for (const r of thresholdRegionChain(region)) {
    const hit = set.find((s) => s.rule === rule && s.region === r);
    if (hit) return { value: hit.value, source: r };
  }
  return { value: DEFAULT_THRESHOLDS[rule], source: NATIONAL_THRESHOLD_REGION };
}

/**
 * Whether a police agency of `agencyRegion` covers events in `region`: a province bureau its province and the
 * cities in it, a city bureau its city (and counties), a county bureau itself; the national centre everything.
 * Mirrored by the SQL function risk_region_covers (row-level security of alerts).
 */
export function regionCovers(agencyRegion: string, region: string): boolean {
  if (agencyRegion === NATIONAL_REGION_CODE) return true;
  if (!/^\d{6}$/.test(agencyRegion) || !/^\d{6}$/.test(region)) return false;
  if (agencyRegion.endsWith('0000')) return region.slice(0, 2) === agencyRegion.slice(0, 2);
  if (agencyRegion.endsWith('00')) return region.slice(0, 4) === agencyRegion.slice(0, 4);
  return region === agencyRegion;
}
