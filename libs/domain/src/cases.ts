/** Fraud types (DESIGN.md taxonomy); investment fraud is about a quarter of all cases. */
export enum FraudType {
  INVESTMENT = 'INVESTMENT',
  FAKE_CUSTOMER_SERVICE = 'FAKE_CUSTOMER_SERVICE',
  IMPERSONATING_OFFICIALS = 'IMPERSONATING_OFFICIALS',
  CLICK_FARMING = 'CLICK_FARMING',
  ONLINE_LOAN = 'ONLINE_LOAN',
  ROMANCE = 'ROMANCE',
  ONLINE_SHOPPING = 'ONLINE_SHOPPING',
  GAME_AND_LIVESTREAM = 'GAME_AND_LIVESTREAM',
  ELDERLY_CARE_AND_PENSION = 'ELDERLY_CARE_AND_PENSION',
  OTHER = 'OTHER',
}

export enum CaseStatus {
  REPORTED = 'REPORTED',
  INVESTIGATING = 'INVESTIGATING',
  SOLVED = 'SOLVED',
  CLOSED = 'CLOSED',
}

/** Cases still being worked: the dashboard's "open" figure. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [CaseStatus.REPORTED, CaseStatus.INVESTIGATING];

/** A victim's gender as recorded: male, female, or not stated. */
export const GENDERS = ['M', 'F', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

/** Where an identifier of a case came from. */
export const IDENTIFIER_SOURCES = ['STATEMENT', 'TRANSFER', 'MANUAL', 'IMPORT', 'BANK_RESPONSE'] as const;
export type IdentifierSource = (typeof IDENTIFIER_SOURCES)[number];

/** Where a transfer came from: the victim's payment trail, or a bank's answer to a freeze (money passed on). */
export const TRANSFER_SOURCES = ['PAYMENT_TRAIL', 'BANK_RESPONSE'] as const;
export type TransferSource = (typeof TRANSFER_SOURCES)[number];

/** The files a statement import reads. */
export const IMPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export enum Sensitivity {
  NORMAL = 'NORMAL',
  SENSITIVE = 'SENSITIVE',
  SECRET = 'SECRET',
}

/** Allowed status changes; a solved or closed case may be reopened for investigation. */
const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  [CaseStatus.REPORTED]: [CaseStatus.INVESTIGATING, CaseStatus.CLOSED],
  [CaseStatus.INVESTIGATING]: [CaseStatus.SOLVED, CaseStatus.CLOSED],
  [CaseStatus.SOLVED]: [CaseStatus.CLOSED, CaseStatus.INVESTIGATING],
  [CaseStatus.CLOSED]: [CaseStatus.INVESTIGATING],
};

export function allowedCaseTransitions(from: CaseStatus): readonly CaseStatus[] {
  return CASE_TRANSITIONS[from];
}

/** An access request is decided once, by the case's owner; PostgreSQL reads the same machine. */
export enum AccessRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
}

const ACCESS_REQUEST_TRANSITIONS: Record<AccessRequestStatus, readonly AccessRequestStatus[]> = {
  [AccessRequestStatus.PENDING]: [AccessRequestStatus.APPROVED, AccessRequestStatus.DENIED],
  [AccessRequestStatus.APPROVED]: [],
  [AccessRequestStatus.DENIED]: [],
};

export function allowedAccessRequestTransitions(from: AccessRequestStatus): readonly AccessRequestStatus[] {
  return ACCESS_REQUEST_TRANSITIONS[from];
}

/** Why a status change is not allowed, or null when it is. */
export function caseTransitionProblem(from: CaseStatus, to: CaseStatus): string | null {
  if (CASE_TRANSITIONS[from].includes(to)) return null;
  const allowed = CASE_TRANSITIONS[from];
  return `a ${from} case cannot become ${to}; it can become ${allowed.join(' or ')}`;
}

/** Access another agency holds on a case. */
export enum CaseAccess {
  READ = 'READ',
  CONTRIBUTE = 'CONTRIBUTE',
}

/** Handling code on shared material (after Europol SIENA's H-codes), as three explicit permissions. */
export interface HandlingCode {
  mayPassOn: boolean;
  mayUseInCourt: boolean;
  mustAskBeforeActing: boolean;
}

export enum PaymentChannel {
  BANK_TRANSFER = 'BANK_TRANSFER',
  THIRD_PARTY_PAYMENT = 'THIRD_PARTY_PAYMENT',
  CRYPTO = 'CRYPTO',
}

/** Why `text` is not an amount of CNY (non-negative, at most 2 decimals), or null. Money stays a string: never a float. */
export function moneyProblem(text: string): string | null {
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(text.trim())) {
    if (/^-/.test(text.trim())) return 'must not be negative';
    if (/^\d+\.\d{3,}$/.test(text.trim())) return 'must have at most 2 decimals';
    return 'must be an amount in CNY such as 1234.56';
  }
  return null;
}

/**
 * The buckets of the supervisor dashboard's rollups (libs/db migration 1765960000000): a row sums a day, a month
 * (day = its first day) or a year (day = 1 January), so any period adds up whole years and months and the days at its
 * ends instead of every day.
 */
export const DASHBOARD_ROLLUP_SPANS = ['D', 'M', 'Y'] as const;
/** Series members are summed by day and month only (growth is asked over periods, never whole years at once). */
export const DASHBOARD_MEMBER_ROLLUP_SPANS = ['D', 'M'] as const;

/**
 * The case list counts its matches up to this many, then says "at least" (CaseConnection.totalCountCapped): counting
 * every case a province sees, under row-level security, costs most of a second at national scale, for a figure
 * nobody reads beyond its first digits.
 */
export const CASE_COUNT_CAP = 10_000;

/**
 * A search in words first tests the newest visible cases that pass the other filters, up to this many (the walk): a
 * common word fills a page within a few hundred of them, where the trigram indexes would hand over every one of its
 * 100,000+ matches at national scale (seconds). A term the walk finds in fewer than a page of them goes to the indexes,
 * as does a number (cards, phones, case numbers). Counted by the walk, a total is "at least" (totalCountCapped) unless
 * the walk saw every candidate. About 0.1 ms a case (its narratives and ~22 identifiers read).
 */
export const CASE_SEARCH_WALK = 1_000;
