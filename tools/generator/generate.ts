// Synthetic CaseLink data: cases of the six provincial police agencies of the demo, their victims, statements,
// payment trails, clues and shares, with fraud rings that really reuse mule cards, phones, sites and wallets across
// provinces. Pure and deterministic: the same config gives byte-identical rows, in any batch size or order, because
// the plan (who owns which case, when, in which ring, with which number) is drawn first from one stream and each
// case then from its own stream (seed, CASE, index); each ring's shared values from (seed, RING, ring).
import {
  AgencyKind,
  CaseAccess,
  CaseStatus,
  Charge,
  Education,
  Employment,
  FraudType,
  IdentifierKind,
  maskIdentifier,
  PaymentChannel,
  Role,
  Sensitivity,
  SuspectRole,
} from '@caselink/domain';
import { DEMO_AGENCIES, DEMO_USERS, type DemoAgency, type DemoUser } from '../seed/demo-data';
import { Rng, weightedTable } from './random';
import { chineseDate, FRAUD_LABEL, narrative } from './text';
import {
  anonymised,
  bankCard,
  type Card,
  cardSpelling,
  cnMobile,
  corporateAccount,
  type District,
  ethWallet,
  fakeApp,
  fakeDomain,
  fakeUrl,
  foreignMobile,
  hostingIp,
  idNumber,
  NATIONWIDE,
  normalized,
  type NormalizedValue,
  personName,
  phoneSpelling,
  policeStation,
  PROVINCE_BY_CODE,
  type ProvinceInfo,
  socialAccount,
  tronWallet,
} from './values';

/**
 * Generated cases are marked by this prefix of `description` (followed by the seed, e.g. "[SYN s42] ..."), which
 * `load.ts --truncate` deletes by. Case numbers keep the app's own format (GD-2024-000123), so benchmarks see
 * realistic numbers, and continue after whatever the agency's counter already holds.
 */
export const SYNTHETIC_MARKER = '[SYN ';

/** Fraud type shares of all cases (DESIGN.md; investment is 26% per the procuratorate figures). */
export const FRAUD_SHARES: ReadonlyArray<readonly [FraudType, number]> = [
  [FraudType.INVESTMENT, 26],
  [FraudType.FAKE_CUSTOMER_SERVICE, 14],
  [FraudType.CLICK_FARMING, 13],
  [FraudType.IMPERSONATING_OFFICIALS, 11],
  [FraudType.ONLINE_LOAN, 10],
  [FraudType.ROMANCE, 8],
  [FraudType.ONLINE_SHOPPING, 6],
  [FraudType.GAME_AND_LIVESTREAM, 5],
  [FraudType.OTHER, 4],
  [FraudType.ELDERLY_CARE_AND_PENSION, 3],
];
const FRAUD_TYPES = FRAUD_SHARES.map(([t]) => t);
const FRAUD_TABLE = weightedTable(FRAUD_SHARES.map(([, w], i) => [i, w] as const));

/** Cases reported 2019-01-01 .. 2025-12-31, peaking in 2021 as the judgment data does. */
const EPOCH_MS = Date.UTC(2019, 0, 1);
const DAY_MS = 86_400_000;
const YEAR_WEIGHTS = weightedTable([
  [2019, 10],
  [2020, 14],
  [2021, 20],
  [2022, 17],
  [2023, 15],
  [2024, 13],
  [2025, 11],
] as const);
const LAST_DAY = (Date.UTC(2025, 11, 31) - EPOCH_MS) / DAY_MS;

/** Share of cases that belong to a ring (5-40 cases reusing the ring's accounts, phones, sites). */
export const RING_SHARE = 0.6;
const MAX_STATEMENTS = 20;
/** Victims' phones are unique per (case, statement), scammers' per case and ring (see `cnMobile`): 21.5 per case < 10^8. */
export const MAX_CASES = 4_000_000;

/** Independent streams; LAYERS and FLOW were added later, so the rows drawn from the others did not change. */
const STREAM = { PLAN: 1, CASE: 2, RING: 3, LAYERS: 4, FLOW: 5, PERSONS: 6, SUSPECTS: 7 } as const;

/**
 * Ring pools kept at once. Cases are chronological and a ring lives 1-10 months, so only the rings of the last months
 * are in use; an evicted pool is simply drawn again from its own stream (same values), so memory stays flat at 1M+.
 */
const RING_CACHE = 4096;

// ---------------------------------------------------------------------------------------------------------------
// Configuration: the agencies (ids from the database, or made up in tests).

export interface PoliceAgencyRef {
  /** Demo key (gd, bj, ...). */
  key: string;
  id: string;
  name: string;
  /** 6-digit GB/T 2260 code: the case-number prefix, as the api numbers cases (440000-2024-000123). */
  region: string;
  /** 2-digit province code. */
  province: string;
  /** The user who records cases, takes statements and grants shares for this agency. */
  investigatorId: string;
  investigatorName: string;
  /** Relative share of cases owned. */
  weight: number;
}

const AGENCY_WEIGHTS: Readonly<Record<string, number>> = { gd: 30, zj: 18, fj: 12, sh: 13, bj: 12, sn: 10 };

/** The provincial police agencies of the demo seed (not the national centre), with their investigators. */
export function demoPoliceAgencies(agencyId: (a: DemoAgency) => string, userId: (u: DemoUser) => string): PoliceAgencyRef[] {
  return DEMO_AGENCIES.filter((a) => a.kind === AgencyKind.POLICE && !a.coordinating).map((a) => {
    const investigator = DEMO_USERS.find((u) => u.agencyKey === a.key && u.roles.includes(Role.INVESTIGATOR));
    if (!investigator) throw new Error(`demo agency ${a.key} has no investigator`);
    return {
      key: a.key,
      id: agencyId(a),
      name: a.name,
      region: a.region,
      province: a.region.slice(0, 2),
      investigatorId: userId(investigator),
      investigatorName: investigator.displayName,
      weight: AGENCY_WEIGHTS[a.key] ?? 10,
    };
  });
}

export interface GeneratorConfig {
  seed: number;
  cases: number;
  agencies: readonly PoliceAgencyRef[];
  /** Last case number already used per `${agencyId}:${year}`; generated numbers continue after it. */
  numberOffsets?: ReadonlyMap<string, number>;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows, named after the columns (camelCase). Money is a string with exactly 2 decimals; times are ISO-8601 UTC.

export interface CaseRow {
  id: string;
  agencyId: string;
  caseNumber: string;
  title: string;
  description: string;
  fraudType: FraudType;
  status: CaseStatus;
  provinces: string[];
  totalLoss: string;
  victimCount: number;
  reportedOn: string;
  sensitivity: Sensitivity;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface VictimRow {
  id: string;
  caseId: string;
  agencyId: string;
  name: string;
  idNumber: string;
  idNumberMasked: string;
  phone: string | null;
  phoneMasked: string | null;
  age: number;
  gender: 'M' | 'F';
  province: string;
  createdAt: string;
}

export interface StatementRow {
  id: string;
  caseId: string;
  victimId: string;
  agencyId: string;
  takenBy: string;
  takenByName: string;
  takenAt: string;
  place: string;
  province: string;
  narrative: string;
  reportedLoss: string;
  createdAt: string;
}

/** PAYMENT_TRAIL: told in a victim's statement; BANK_RESPONSE: onward movements a bank reported (no statement). */
export type TransferSource = 'PAYMENT_TRAIL' | 'BANK_RESPONSE';

export interface TransferRow {
  id: string;
  caseId: string;
  /** Null exactly for BANK_RESPONSE. */
  statementId: string | null;
  agencyId: string;
  fromAccount: string;
  toAccount: string;
  bank: string | null;
  amount: string;
  occurredAt: string;
  channel: PaymentChannel;
  source: TransferSource;
  /** Kind and canonical value of each account: exactly those of the identifiers the transfer yields. */
  fromKind: IdentifierKind;
  fromCanonical: string;
  toKind: IdentifierKind;
  toCanonical: string;
}

export type IdentifierSource = 'STATEMENT' | 'TRANSFER' | 'MANUAL' | 'BANK_RESPONSE';

export interface IdentifierRow {
  id: string;
  caseId: string;
  agencyId: string;
  kind: IdentifierKind;
  rawValue: string;
  canonical: string;
  source: IdentifierSource;
  statementId: string | null;
  transferId: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ShareRow {
  id: string;
  caseId: string;
  ownerAgencyId: string;
  agencyId: string;
  access: CaseAccess;
  mayPassOn: boolean;
  mayUseInCourt: boolean;
  mustAskBeforeActing: boolean;
  grantedBy: string;
  grantedAt: string;
}

/**
 * A suspect identified for a case (no judgment yet: the judgment columns stay empty). Ring members are the same
 * persons across the ring's cases (same ID number, so the same keyed subject hash), as police find them again.
 */
export interface SuspectRow {
  id: string;
  caseId: string;
  agencyId: string;
  alias: string;
  role: SuspectRole;
  ageAtOffence: number;
  education: Education;
  employment: Employment;
  charges: Charge[];
  /** The full number; the loader stores only its keyed hash (subject_hash). */
  idNumber: string;
  createdBy: string;
  createdAt: string;
}

export interface Batch {
  cases: CaseRow[];
  victims: VictimRow[];
  statements: StatementRow[];
  transfers: TransferRow[];
  identifiers: IdentifierRow[];
  shares: ShareRow[];
  suspects: SuspectRow[];
}

export interface CounterRow {
  agencyId: string;
  year: number;
  lastValue: number;
}

export const emptyBatch = (): Batch => ({ cases: [], victims: [], statements: [], transfers: [], identifiers: [], shares: [], suspects: [] });

// ---------------------------------------------------------------------------------------------------------------
// Money in integer cents.

export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`bad amount ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function parseCents(text: string): number {
  const m = /^(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a 2-decimal amount: ${text}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

/** Median loss per statement (CNY) and spread of its log; overall typical losses run 5k-200k. */
const LOSS_MEDIAN: Readonly<Record<FraudType, number>> = {
  [FraudType.INVESTMENT]: 60_000,
  [FraudType.FAKE_CUSTOMER_SERVICE]: 25_000,
  [FraudType.IMPERSONATING_OFFICIALS]: 50_000,
  [FraudType.CLICK_FARMING]: 12_000,
  [FraudType.ONLINE_LOAN]: 6_000,
  [FraudType.ROMANCE]: 80_000,
  [FraudType.ONLINE_SHOPPING]: 2_500,
  [FraudType.GAME_AND_LIVESTREAM]: 4_000,
  [FraudType.ELDERLY_CARE_AND_PENSION]: 35_000,
  [FraudType.OTHER]: 10_000,
};
const LOSS_SIGMA = 1.0;

/** Victim ages at the time of the report (inclusive range, triangular) and the share who are women. */
const VICTIMS: Readonly<Record<FraudType, { age: readonly [number, number]; female: number }>> = {
  [FraudType.INVESTMENT]: { age: [25, 65], female: 0.45 },
  [FraudType.FAKE_CUSTOMER_SERVICE]: { age: [20, 45], female: 0.55 },
  [FraudType.IMPERSONATING_OFFICIALS]: { age: [22, 70], female: 0.55 },
  [FraudType.CLICK_FARMING]: { age: [18, 40], female: 0.6 },
  [FraudType.ONLINE_LOAN]: { age: [20, 45], female: 0.4 },
  [FraudType.ROMANCE]: { age: [25, 55], female: 0.55 },
  [FraudType.ONLINE_SHOPPING]: { age: [18, 45], female: 0.55 },
  [FraudType.GAME_AND_LIVESTREAM]: { age: [12, 30], female: 0.25 },
  [FraudType.ELDERLY_CARE_AND_PENSION]: { age: [60, 88], female: 0.6 },
  [FraudType.OTHER]: { age: [18, 70], female: 0.5 },
};

/** Days over which a victim kept paying before reporting: slow "nurturing" scams run for weeks. */
const PAYING_DAYS: Readonly<Record<FraudType, number>> = {
  [FraudType.INVESTMENT]: 60,
  [FraudType.ROMANCE]: 75,
  [FraudType.ELDERLY_CARE_AND_PENSION]: 120,
  [FraudType.CLICK_FARMING]: 3,
  [FraudType.ONLINE_LOAN]: 2,
  [FraudType.FAKE_CUSTOMER_SERVICE]: 1,
  [FraudType.IMPERSONATING_OFFICIALS]: 3,
  [FraudType.ONLINE_SHOPPING]: 2,
  [FraudType.GAME_AND_LIVESTREAM]: 3,
  [FraudType.OTHER]: 2,
};

/** Transfers per statement: mostly one (1.26 on average). */
const TRANSFER_COUNT = weightedTable([
  [1, 60],
  [2, 30],
  [3, 8],
  [4, 2],
] as const);

/** How the scammer was reached, per type: the share of cases with a known contact and how often it is a phone. */
const CONTACT: Readonly<Record<FraudType, { p: number; phone: number }>> = {
  [FraudType.INVESTMENT]: { p: 0.45, phone: 0.2 },
  [FraudType.FAKE_CUSTOMER_SERVICE]: { p: 0.8, phone: 0.9 },
  [FraudType.IMPERSONATING_OFFICIALS]: { p: 0.8, phone: 0.9 },
  [FraudType.CLICK_FARMING]: { p: 0.5, phone: 0.1 },
  [FraudType.ONLINE_LOAN]: { p: 0.4, phone: 0.6 },
  [FraudType.ROMANCE]: { p: 0.55, phone: 0.1 },
  [FraudType.ONLINE_SHOPPING]: { p: 0.5, phone: 0.3 },
  [FraudType.GAME_AND_LIVESTREAM]: { p: 0.4, phone: 0.05 },
  [FraudType.ELDERLY_CARE_AND_PENSION]: { p: 0.6, phone: 0.95 },
  [FraudType.OTHER]: { p: 0.5, phone: 0.6 },
};

type ManualKind = IdentifierKind.URL | IdentifierKind.DOMAIN | IdentifierKind.APP | IdentifierKind.IP | IdentifierKind.CRYPTO_WALLET | IdentifierKind.SOCIAL_ACCOUNT;

/** Clues an investigator adds by hand, per type: kind and the chance a case has one. */
const MANUAL: Readonly<Record<FraudType, ReadonlyArray<readonly [ManualKind, number]>>> = {
  [FraudType.INVESTMENT]: [[IdentifierKind.URL, 0.55], [IdentifierKind.DOMAIN, 0.45], [IdentifierKind.APP, 0.45], [IdentifierKind.IP, 0.2], [IdentifierKind.CRYPTO_WALLET, 0.2]],
  [FraudType.ROMANCE]: [[IdentifierKind.URL, 0.5], [IdentifierKind.DOMAIN, 0.35], [IdentifierKind.CRYPTO_WALLET, 0.3], [IdentifierKind.IP, 0.15]],
  [FraudType.FAKE_CUSTOMER_SERVICE]: [[IdentifierKind.APP, 0.2], [IdentifierKind.URL, 0.1]],
  [FraudType.IMPERSONATING_OFFICIALS]: [[IdentifierKind.URL, 0.35], [IdentifierKind.DOMAIN, 0.25], [IdentifierKind.IP, 0.1]],
  [FraudType.CLICK_FARMING]: [[IdentifierKind.APP, 0.45], [IdentifierKind.URL, 0.25], [IdentifierKind.CRYPTO_WALLET, 0.05]],
  [FraudType.ONLINE_LOAN]: [[IdentifierKind.APP, 0.55], [IdentifierKind.URL, 0.25]],
  [FraudType.ONLINE_SHOPPING]: [[IdentifierKind.URL, 0.15]],
  [FraudType.GAME_AND_LIVESTREAM]: [[IdentifierKind.URL, 0.4], [IdentifierKind.DOMAIN, 0.2]],
  [FraudType.ELDERLY_CARE_AND_PENSION]: [[IdentifierKind.APP, 0.1]],
  [FraudType.OTHER]: [[IdentifierKind.URL, 0.1], [IdentifierKind.SOCIAL_ACCOUNT, 0.1]],
};

const MANUAL_NOTE: Readonly<Record<ManualKind, string>> = {
  [IdentifierKind.URL]: '受害人提供的平台网址',
  [IdentifierKind.DOMAIN]: '涉案平台域名',
  [IdentifierKind.APP]: '受害人手机中安装的涉案APP',
  [IdentifierKind.IP]: '涉案平台服务器IP（调证所得）',
  [IdentifierKind.CRYPTO_WALLET]: '资金转换USDT后的收款钱包地址',
  [IdentifierKind.SOCIAL_ACCOUNT]: '嫌疑人社交账号',
};

/**
 * Benign values that really show up in case files (spoofed bank hotlines, carrier numbers, the screen-sharing app
 * of fake customer service, public DNS): in a few percent of cases, so linking has hubs to put on a warning list.
 */
const BENIGN = weightedTable<readonly [IdentifierKind, string, string]>([
  [[IdentifierKind.PHONE, '95588', '来电显示为银行客服号码（改号）'], 30],
  [[IdentifierKind.PHONE, '95555', '来电显示为银行客服号码（改号）'], 15],
  [[IdentifierKind.PHONE, '10086', '来电显示为运营商客服号码（改号）'], 10],
  [[IdentifierKind.APP, '腾讯会议', '对方要求下载进行屏幕共享'], 20],
  [[IdentifierKind.APP, 'ZOOM', '对方要求下载进行屏幕共享'], 10],
  [[IdentifierKind.IP, '114.114.114.114', '受害人手机DNS设置'], 8],
  [[IdentifierKind.IP, '8.8.8.8', '受害人手机DNS设置'], 7],
]);

// ---------------------------------------------------------------------------------------------------------------
// The plan: every case's owner, type, day, ring and number, drawn up front (a few bytes per case).

export interface RingPlan {
  id: number;
  type: FraudType;
  firstDay: number;
  lastDay: number;
  size: number;
}

export interface Plan {
  /** Per case, in case order (chronological): days since 2019-01-01, owner index, fraud type index, ring or -1. */
  day: Int32Array;
  agency: Uint8Array;
  type: Uint8Array;
  ring: Int32Array;
  /** Case number sequence within (agency, year). */
  seq: Int32Array;
  rings: RingPlan[];
  counters: CounterRow[];
}

function dayInYear(rng: Rng, year: number): number {
  const first = (Date.UTC(year, 0, 1) - EPOCH_MS) / DAY_MS;
  const last = (Date.UTC(year, 11, 31) - EPOCH_MS) / DAY_MS;
  return rng.int(first, last);
}

export function yearOfDay(day: number): number {
  return new Date(EPOCH_MS + day * DAY_MS).getUTCFullYear();
}

function makePlan(config: GeneratorConfig): Plan {
  const n = config.cases;
  const rng = new Rng(config.seed, STREAM.PLAN, 0);
  const agencyTable = weightedTable(config.agencies.map((a, i) => [i, a.weight] as const));
  const dayRaw = new Int32Array(n);
  const agencyRaw = new Uint8Array(n);
  const typeRaw = new Uint8Array(n);
  const ringRaw = new Int32Array(n).fill(-1);
  const rings: RingPlan[] = [];

  // Rings first: sizes 5-40, skewed towards small; each active for 1-10 months; owners in at least 2 provinces.
  const ringTarget = Math.round(n * RING_SHARE);
  let k = 0;
  while (k < ringTarget) {
    let size = 5 + Math.floor(35 * rng.float() ** 2);
    if (ringTarget - k - size < 5) size = ringTarget - k; // the last ring takes the remainder
    const type = FRAUD_TYPES[rng.weighted(FRAUD_TABLE)];
    const firstDay = Math.min(dayInYear(rng, rng.weighted(YEAR_WEIGHTS)), LAST_DAY - 30);
    const lastDay = Math.min(firstDay + rng.int(30, 300), LAST_DAY);
    const ring: RingPlan = { id: rings.length, type, firstDay, lastDay, size };
    rings.push(ring);
    const home = rng.weighted(agencyTable);
    for (let j = 0; j < size; j++, k++) {
      dayRaw[k] = rng.int(firstDay, lastDay);
      typeRaw[k] = FRAUD_TYPES.indexOf(type);
      ringRaw[k] = ring.id;
      agencyRaw[k] = rng.chance(0.4) ? home : rng.weighted(agencyTable);
    }
    // A ring is a cross-province affair: make sure its cases are held by at least two agencies.
    const start = k - size;
    if (size >= 2 && config.agencies.length >= 2 && agencyRaw.subarray(start, k).every((a) => a === agencyRaw[start])) {
      agencyRaw[start + 1] = (agencyRaw[start] + 1) % config.agencies.length;
    }
  }
  for (; k < n; k++) {
    dayRaw[k] = dayInYear(rng, rng.weighted(YEAR_WEIGHTS));
    typeRaw[k] = rng.weighted(FRAUD_TABLE);
    agencyRaw[k] = rng.weighted(agencyTable);
  }

  // Case order is chronological (ties broken by a random key), so created_at and case numbers grow together.
  const tie = new Uint32Array(n);
  for (let i = 0; i < n; i++) tie[i] = rng.next();
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dayRaw[a] - dayRaw[b] || tie[a] - tie[b] || a - b);

  const plan: Plan = {
    day: new Int32Array(n),
    agency: new Uint8Array(n),
    type: new Uint8Array(n),
    ring: new Int32Array(n),
    seq: new Int32Array(n),
    rings,
    counters: [],
  };
  const last = new Map<string, number>();
  order.forEach((src, i) => {
    plan.day[i] = dayRaw[src];
    plan.agency[i] = agencyRaw[src];
    plan.type[i] = typeRaw[src];
    plan.ring[i] = ringRaw[src];
    const key = `${config.agencies[agencyRaw[src]].id}:${yearOfDay(dayRaw[src])}`;
    const next = (last.get(key) ?? config.numberOffsets?.get(key) ?? 0) + 1;
    last.set(key, next);
    plan.seq[i] = next;
  });
  plan.counters = [...last.entries()]
    .map(([key, lastValue]) => {
      const [agencyId, year] = key.split(':');
      return { agencyId, year: Number(year), lastValue };
    })
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.year - b.year);
  return plan;
}

// ---------------------------------------------------------------------------------------------------------------
// Rings: the values a ring reuses across its cases.

interface RingPool {
  mules: Card[];
  contacts: { kind: IdentifierKind; raw: string }[];
  domains: string[];
  urls: string[];
  apps: string[];
  ips: string[];
  wallets: string[];
  /** Accounts per hop from the victim: hops[0] the mule cards themselves, hops[1] the first laundering layer, ... */
  hops: LayerAccount[][];
  /** The ring's people (stream (seed, PERSONS, ring)): holders[i] sold or runs mule card i. */
  people: RingPeople;
}

/** A person behind a ring or a case, as police would identify them: ID number, profile, role. */
export interface Person {
  idNumber: string;
  alias: string;
  birthMs: number;
  role: SuspectRole;
  education: Education;
  employment: Employment;
}

interface RingPeople {
  holders: Person[];
  organiser: Person;
  recruiter: Person;
  callers: Person[];
  tech: Person[];
}

/** Per role: age range at the offence and the share of men (card sellers are young; organisers older). */
const PERSON_PROFILE: Readonly<Record<SuspectRole, { age: readonly [number, number]; male: number }>> = {
  [SuspectRole.CARD_SELLER]: { age: [18, 35], male: 0.8 },
  [SuspectRole.MONEY_MULE]: { age: [18, 40], male: 0.8 },
  [SuspectRole.CARD_RECRUITER]: { age: [20, 45], male: 0.85 },
  [SuspectRole.TECHNICAL_SUPPORT]: { age: [20, 40], male: 0.9 },
  [SuspectRole.CALLER]: { age: [18, 35], male: 0.7 },
  [SuspectRole.ORGANISER]: { age: [25, 55], male: 0.9 },
  [SuspectRole.OTHER]: { age: [18, 50], male: 0.75 },
};

/** Charges by role: helping (帮信) for cards and tech, laundering charges for mules, fraud for callers and organisers. */
function chargesOf(rng: Rng, role: SuspectRole): Charge[] {
  switch (role) {
    case SuspectRole.CARD_SELLER:
    case SuspectRole.CARD_RECRUITER:
      return [Charge.ASSISTING_INFORMATION_NETWORK_CRIME];
    case SuspectRole.MONEY_MULE:
      return [rng.chance(0.6) ? Charge.CONCEALING_PROCEEDS : Charge.ASSISTING_INFORMATION_NETWORK_CRIME];
    case SuspectRole.TECHNICAL_SUPPORT:
      return [rng.chance(0.7) ? Charge.ASSISTING_INFORMATION_NETWORK_CRIME : Charge.ILLEGAL_USE_OF_INFORMATION_NETWORK];
    case SuspectRole.CALLER:
      return rng.chance(0.35) ? [Charge.FRAUD, Charge.ILLEGAL_BORDER_CROSSING] : [Charge.FRAUD];
    case SuspectRole.ORGANISER:
      return rng.chance(0.3) ? [Charge.FRAUD, Charge.PERSONAL_INFORMATION_INFRINGEMENT] : [Charge.FRAUD];
    default:
      return [Charge.OTHER];
  }
}

const EDUCATION = weightedTable([
  [Education.JUNIOR_HIGH_OR_BELOW, 55],
  [Education.HIGH_SCHOOL_OR_TECHNICAL, 30],
  [Education.COLLEGE_OR_ABOVE, 15],
] as const);

/** A person of the given role, drawn as of `atMs` (the start of the ring, or the case's report). */
function person(rng: Rng, role: SuspectRole, atMs: number): Person {
  const profile = PERSON_PROFILE[role];
  const gender: 'M' | 'F' = rng.chance(profile.male) ? 'M' : 'F';
  const age = rng.int(profile.age[0], profile.age[1]);
  const birthMs = atMs - Math.round(age * 365.25 + rng.int(1, 364)) * DAY_MS;
  const district: District = rng.pick(rng.weighted(NATIONWIDE).districts);
  return {
    idNumber: normalized(IdentifierKind.ID_NUMBER, idNumber(rng, district, birthMs, gender)).canonical,
    alias: anonymised(personName(rng, gender)),
    birthMs,
    role,
    education: rng.weighted(EDUCATION),
    employment: rng.chance(role === SuspectRole.ORGANISER ? 0.2 : 0.03) ? Employment.COMPANY_LEGAL_REPRESENTATIVE : rng.chance(0.6) ? Employment.UNEMPLOYED : Employment.OTHER,
  };
}

/** A ring's people from its own stream: one holder per mule card, an organiser, a recruiter, 1-4 callers, 0-1 tech. */
function makeRingPeople(seed: number, ring: RingPlan, mules: number): RingPeople {
  const rng = new Rng(seed, STREAM.PERSONS, ring.id);
  const atMs = EPOCH_MS + ring.firstDay * DAY_MS;
  return {
    holders: Array.from({ length: mules }, () => person(rng, rng.chance(0.65) ? SuspectRole.CARD_SELLER : SuspectRole.MONEY_MULE, atMs)),
    organiser: person(rng, SuspectRole.ORGANISER, atMs),
    recruiter: person(rng, SuspectRole.CARD_RECRUITER, atMs),
    callers: Array.from({ length: rng.int(1, 4) }, () => person(rng, SuspectRole.CALLER, atMs)),
    tech: rng.chance(0.5) ? [person(rng, SuspectRole.TECHNICAL_SUPPORT, atMs)] : [],
  };
}

/** An account of a laundering layer: a personal card, or deeper down a company settlement account. */
export interface LayerAccount {
  kind: IdentifierKind.BANK_CARD | IdentifierKind.BANK_ACCOUNT;
  /** As banks report it: plain digits, so also the canonical value (checked by `normalized`). */
  number: string;
  bank: string;
}

function layerAccount(kind: LayerAccount['kind'], account: Card): LayerAccount {
  return { kind, number: normalized(kind, account.number).canonical, bank: account.bank };
}

/** Accounts per laundering layer (hop 2, 3, ...): widest right behind the mules, narrowing towards the cash-out. */
const LAYER_SIZES: ReadonlyArray<readonly [number, number]> = [[4, 10], [3, 8], [2, 6], [2, 5], [1, 4], [1, 4], [1, 3]];

/** A ring's laundering network, drawn from its own stream (seed, LAYERS, ring): 6-8 hops from victim to cash-out. */
function makeLayers(seed: number, ring: RingPlan): LayerAccount[][] {
  const rng = new Rng(seed, STREAM.LAYERS, ring.id);
  const hops = rng.int(6, 8);
  return LAYER_SIZES.slice(0, hops - 1).map(([min, max], i) =>
    Array.from({ length: rng.int(min, max) }, () =>
      i >= 2 && rng.chance(0.35) ? layerAccount(IdentifierKind.BANK_ACCOUNT, corporateAccount(rng)) : layerAccount(IdentifierKind.BANK_CARD, bankCard(rng)),
    ),
  );
}

function makeRingPool(seed: number, ring: RingPlan, phoneBase: number): RingPool {
  const rng = new Rng(seed, STREAM.RING, ring.id);
  const mules = Array.from({ length: rng.int(3, 12) }, () => bankCard(rng));
  const contacts = Array.from({ length: rng.int(1, 4) }, (_, j) => {
    const { phone } = CONTACT[ring.type];
    if (!rng.chance(phone)) return { kind: IdentifierKind.SOCIAL_ACCOUNT, raw: socialAccount(rng) };
    return { kind: IdentifierKind.PHONE, raw: rng.chance(0.6) ? cnMobile(rng, phoneBase + ring.id * 4 + j) : validForeignMobile(rng) };
  });
  const domains = Array.from({ length: rng.int(1, 3) }, () => fakeDomain(rng));
  return {
    mules,
    contacts,
    domains,
    urls: domains.map((dom) => fakeUrl(rng, dom)),
    apps: Array.from({ length: rng.int(1, 2) }, () => fakeApp(rng, ring.type)),
    ips: Array.from({ length: rng.int(1, 3) }, () => hostingIp(rng)),
    wallets: Array.from({ length: rng.int(1, 2) }, () => (rng.chance(0.75) ? tronWallet(rng) : ethWallet(rng))),
    hops: [mules.map((m) => layerAccount(IdentifierKind.BANK_CARD, m)), ...makeLayers(seed, ring)],
    people: makeRingPeople(seed, ring, mules.length),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Bank responses: where a ring's money went after the mule cards, as banks report it to the police of the case.

/** Chance that money arriving at an account moves on: mules forward almost at once, deeper layers less reliably. */
const MOVE_ON_FIRST = 0.85;
const MOVE_ON = 0.42;
/** Pieces an onward movement is split into. */
const PIECES = weightedTable([
  [1, 70],
  [2, 22],
  [3, 8],
] as const);
/** Chance that a piece from hop 3 on goes back to an account of an earlier layer (the trace sees a cycle). */
const CYCLE_BACK = 0.04;
/** Bound on the movements drawn for one arrival at a mule card (breadth first, so the deepest are cut). */
const MAX_MOVES_PER_ARRIVAL = 60;

/** Money of one case arriving at one of its ring's mule cards (a victim's transfer). */
interface Arrival {
  account: LayerAccount;
  cents: number;
  atMs: number;
}

interface Holding {
  account: LayerAccount;
  /** Hops from the victim: 1 at the mule card. */
  hop: number;
  cents: number;
  atMs: number;
}

/** Minutes, log-uniform between lo and hi. */
function delayMinutes(rng: Rng, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + rng.float() * (Math.log(hi) - Math.log(lo)));
}

function validForeignMobile(rng: Rng): string {
  for (let i = 0; i < 50; i++) {
    const raw = foreignMobile(rng);
    if (normalizedOk(IdentifierKind.PHONE, raw)) return raw;
  }
  throw new Error('could not draw a valid foreign mobile number');
}

function normalizedOk(kind: IdentifierKind, raw: string): boolean {
  try {
    normalized(kind, raw);
    return true;
  } catch {
    return false;
  }
}

/** A URL written the way another victim would copy it: same canonical URL, different spelling. */
function respellUrl(rng: Rng, url: string): string {
  const x = rng.float();
  if (x < 0.15) return url.replace(/^(https?:\/\/)([^/]+)/, (_m, scheme: string, host: string) => scheme + host.toUpperCase());
  if (x < 0.3 && !url.includes('#')) return `${url}#/`;
  return url;
}

// ---------------------------------------------------------------------------------------------------------------

const iso = (ms: number): string => new Date(ms).toISOString();
const MINUTE = 60_000;

/** Cases owned per agency, in order; victims' provinces follow the owner, with some from elsewhere. */
export class SyntheticGenerator {
  readonly plan: Plan;
  private readonly rings = new Map<number, RingPool>();
  private readonly agencyByProvince: Map<string, number>;

  constructor(readonly config: GeneratorConfig) {
    if (!Number.isInteger(config.cases) || config.cases < 0 || config.cases > MAX_CASES) throw new Error(`cases must be 0..${MAX_CASES}`);
    if (config.agencies.length === 0 || config.agencies.length > 255) throw new Error('need 1..255 police agencies');
    this.plan = makePlan(config);
    this.agencyByProvince = new Map(config.agencies.map((a, i) => [a.province, i]));
  }

  /** Ground truth for linking tests and benchmarks: the ring of case `index`, or -1. */
  ringOf(index: number): number {
    return this.plan.ring[index];
  }

  /** case_number_counters rows after the load: the last number used per agency and year. */
  counters(): CounterRow[] {
    return this.plan.counters;
  }

  /** Rows of cases [from, to), independent of how the range is cut. */
  batch(from: number, to: number): Batch {
    const out = emptyBatch();
    for (let i = from; i < Math.min(to, this.config.cases); i++) this.generateCase(i, out);
    return out;
  }

  private ringPool(ringId: number): RingPool {
    let pool = this.rings.get(ringId);
    if (!pool) {
      pool = makeRingPool(this.config.seed, this.plan.rings[ringId], this.config.cases * (MAX_STATEMENTS + 1));
      if (this.rings.size >= RING_CACHE) this.rings.delete(this.rings.keys().next().value as number); // oldest first
      this.rings.set(ringId, pool);
    }
    return pool;
  }

  private generateCase(index: number, out: Batch): void {
    const { config, plan } = this;
    const rng = new Rng(config.seed, STREAM.CASE, index);
    const ownerIndex = plan.agency[index];
    const owner = config.agencies[ownerIndex];
    const type = FRAUD_TYPES[plan.type[index]];
    const ringId = plan.ring[index];
    const ring = ringId >= 0 ? this.ringPool(ringId) : undefined;
    const ringPlan = ringId >= 0 ? plan.rings[ringId] : undefined;
    const day = plan.day[index];
    const year = yearOfDay(day);
    const reportedMs = EPOCH_MS + day * DAY_MS;
    // Reported between 08:00 and 22:00 Beijing time (00:00-14:00 UTC).
    const createdMs = reportedMs + rng.int(0, 14 * 60) * MINUTE;
    // Every row of the case takes an id in the case's time (cases are drawn in time order): see Rng.clockMs.
    rng.clockMs = createdMs;
    const caseId = rng.uuid();
    const statementCount = Math.min(MAX_STATEMENTS, 1 + Math.floor(-Math.log(1 - rng.float()) * 2.5));

    const identifiers: IdentifierRow[] = [];
    const addIdentifier = (v: NormalizedValue, source: IdentifierSource, agencyId: string, createdBy: string, atMs: number, extra: Partial<IdentifierRow>): void => {
      identifiers.push({
        id: rng.uuid(),
        caseId,
        agencyId,
        kind: v.kind,
        rawValue: v.raw,
        canonical: v.canonical,
        source,
        statementId: null,
        transferId: null,
        note: null,
        createdBy,
        createdAt: iso(atMs),
        ...extra,
      });
    };

    // What the victims saw of the scammers: contacts (a ring's phones and accounts recur), platform, app, site.
    const contacts: { kind: IdentifierKind; raw: string }[] = [];
    if (rng.chance(CONTACT[type].p)) {
      const count = ring && rng.chance(0.25) ? 2 : 1;
      for (let c = 0; c < count; c++) {
        if (ring && rng.chance(0.85)) contacts.push(rng.pick(ring.contacts));
        else if (rng.chance(CONTACT[type].phone)) {
          contacts.push({ kind: IdentifierKind.PHONE, raw: rng.chance(0.75) ? cnMobile(rng, config.cases * MAX_STATEMENTS + index) : validForeignMobile(rng) });
        } else contacts.push({ kind: IdentifierKind.SOCIAL_ACCOUNT, raw: socialAccount(rng) });
      }
    }
    const caseDomain = ring && rng.chance(0.9) ? rng.pick(ring.domains) : fakeDomain(rng);
    const caseUrl = ring && rng.chance(0.9) ? rng.pick(ring.urls) : fakeUrl(rng, caseDomain);
    const caseApp = ring && rng.chance(0.9) ? rng.pick(ring.apps) : fakeApp(rng, type);

    let totalCents = 0;
    let lastActivityMs = createdMs;
    const arrivals: Arrival[] = []; // victims' money paid into the ring's mule cards
    const provinces = new Set<string>([owner.province]);
    const contributors = new Map<number, number>(); // agency index -> its first statement's time
    let firstVictimName = '';

    for (let s = 0; s < statementCount; s++) {
      // Where the victim lives, and who takes the statement: the police of that province when it is on CaseLink.
      const province: ProvinceInfo =
        s === 0 || rng.chance(0.6) ? (PROVINCE_BY_CODE.get(owner.province) ?? rng.weighted(NATIONWIDE)) : rng.weighted(NATIONWIDE);
      provinces.add(province.code);
      const local = this.agencyByProvince.get(province.code);
      const takerIndex = s > 0 && local !== undefined && local !== ownerIndex && rng.chance(0.85) ? local : ownerIndex;
      const taker = config.agencies[takerIndex];
      const district: District = rng.pick(province.districts);
      const takenMs = s === 0 ? createdMs + rng.int(20, 180) * MINUTE : createdMs + rng.int(60, 45 * 24 * 60) * MINUTE;
      const recordedMs = takenMs + rng.int(5, 120) * MINUTE;
      if (takerIndex !== ownerIndex) contributors.set(takerIndex, Math.min(contributors.get(takerIndex) ?? Infinity, takenMs));
      lastActivityMs = Math.max(lastActivityMs, recordedMs);
      const statementId = rng.uuid();
      // As the app's recordStatement stores them: no note, created with the statement, by its author.
      const clue = (v: NormalizedValue, source: IdentifierSource, transferId: string | null): void =>
        addIdentifier(v, source, taker.id, taker.investigatorId, recordedMs, { statementId, transferId });

      // The victim: ID number and phone stored canonical, with masked copies.
      const profile = VICTIMS[type];
      const gender: 'M' | 'F' = rng.chance(profile.female) ? 'F' : 'M';
      const age = Math.round((rng.int(profile.age[0], profile.age[1]) + rng.int(profile.age[0], profile.age[1])) / 2);
      const birthMs = reportedMs - Math.round(age * 365.25 + rng.int(1, 364)) * DAY_MS;
      const name = personName(rng, gender);
      if (s === 0) firstVictimName = name;
      const id = normalized(IdentifierKind.ID_NUMBER, idNumber(rng, district, birthMs, gender));
      const phone = rng.chance(0.8) ? normalized(IdentifierKind.PHONE, phoneSpelling(rng, cnMobile(rng, index * MAX_STATEMENTS + s))) : undefined;
      const victimId = rng.uuid();
      out.victims.push({
        id: victimId,
        caseId,
        agencyId: taker.id,
        name,
        idNumber: id.canonical,
        idNumberMasked: maskIdentifier(IdentifierKind.ID_NUMBER, id.canonical),
        phone: phone?.canonical ?? null,
        phoneMasked: phone ? maskIdentifier(IdentifierKind.PHONE, phone.canonical) : null,
        age,
        gender,
        province: province.code,
        createdAt: iso(recordedMs),
      });
      // Like the app (recordStatement), the victim's own phone stays on the victim and is no clue.

      // The payment trail: escalating payments from the victim's own card to mule cards (or, rarely, USDT bought
      // from an OTC dealer and sent from the victim's wallet to the ring's), each account a clue, as the app does.
      const transferCount = rng.weighted(TRANSFER_COUNT);
      const own = bankCard(rng);
      const ownWallet = tronWallet(rng);
      const perTransfer = LOSS_MEDIAN[type] / Math.sqrt(transferCount);
      const payingMs = Math.max(1, PAYING_DAYS[type] * rng.float()) * DAY_MS;
      let statementCents = 0;
      let previous: Card | undefined;
      let firstTail = '';
      for (let t = 0; t < transferCount; t++) {
        const yuan = Math.min(2_000_000, Math.max(1, perTransfer * Math.exp(LOSS_SIGMA * rng.normal()) * (1 + 0.5 * t)));
        const cents = yuan >= 1000 && rng.chance(0.6) ? Math.round(yuan / 100) * 10_000 : Math.round(yuan * 100);
        statementCents += cents;
        const occurredMs = takenMs - payingMs + (payingMs * (t + rng.float() * 0.9)) / transferCount - 10 * MINUTE;
        const transferId = rng.uuid();
        const crypto = (type === FraudType.INVESTMENT || type === FraudType.ROMANCE) && rng.chance(0.04);
        let from: NormalizedValue;
        let to: NormalizedValue;
        let bank: string | null;
        let channel: PaymentChannel;
        let mule: Card | undefined;
        if (crypto) {
          from = normalized(IdentifierKind.CRYPTO_WALLET, ownWallet);
          to = normalized(IdentifierKind.CRYPTO_WALLET, ring && rng.chance(0.8) ? rng.pick(ring.wallets) : tronWallet(rng));
          bank = null;
          channel = PaymentChannel.CRYPTO;
        } else {
          let card: Card;
          if (ring && ringPlan && rng.chance(0.75)) {
            // Rings rotate their mule cards as they get frozen: cases late in the ring's life use later cards.
            const span = Math.max(1, ringPlan.lastDay - ringPlan.firstDay);
            const pos = ((day - ringPlan.firstDay) / span) * (ring.mules.length - 1) + rng.normal();
            card = ring.mules[Math.max(0, Math.min(ring.mules.length - 1, Math.round(pos)))];
          } else {
            card = previous && rng.chance(0.35) ? previous : bankCard(rng);
          }
          previous = card;
          if (ring?.mules.includes(card)) mule = card;
          from = normalized(IdentifierKind.BANK_CARD, cardSpelling(rng, own.number));
          to = normalized(IdentifierKind.BANK_CARD, cardSpelling(rng, card.number));
          bank = card.bank;
          channel = rng.chance(0.28) ? PaymentChannel.THIRD_PARTY_PAYMENT : PaymentChannel.BANK_TRANSFER;
        }
        if (t === 0) firstTail = to.canonical.slice(-4);
        const atMs = Math.round(occurredMs / 1000) * 1000;
        out.transfers.push({
          id: transferId,
          caseId,
          statementId,
          agencyId: taker.id,
          fromAccount: from.raw,
          toAccount: to.raw,
          bank,
          amount: formatCents(cents),
          occurredAt: iso(atMs),
          channel,
          source: 'PAYMENT_TRAIL',
          fromKind: from.kind,
          fromCanonical: from.canonical,
          toKind: to.kind,
          toCanonical: to.canonical,
        });
        if (mule) arrivals.push({ account: layerAccount(IdentifierKind.BANK_CARD, mule), cents, atMs });
        clue(from, 'TRANSFER', transferId);
        clue(to, 'TRANSFER', transferId);
      }
      totalCents += statementCents;

      const contact = contacts.length > 0 && rng.chance(0.8) ? rng.pick(contacts) : undefined;
      out.statements.push({
        id: statementId,
        caseId,
        victimId,
        agencyId: taker.id,
        takenBy: taker.investigatorId,
        takenByName: taker.investigatorName,
        takenAt: iso(takenMs),
        place: takerIndex === ownerIndex && province.code !== owner.province ? `${owner.name}反诈中心（远程视频询问）` : policeStation(rng, district),
        province: province.code,
        narrative: narrative(rng, type, {
          date: chineseDate(takenMs - payingMs),
          contact: contact ? (contact.kind === IdentifierKind.PHONE && /^\d{11}$/.test(contact.raw) ? phoneSpelling(rng, contact.raw) : contact.raw) : '',
          app: caseApp,
          url: respellUrl(rng, caseUrl),
          amount: formatCents(statementCents),
          transfers: transferCount,
          cardTail: firstTail,
          city: district.city,
        }),
        reportedLoss: formatCents(statementCents),
        createdAt: iso(recordedMs),
      });
    }

    // Clues the owner's investigator adds by hand: at most one per kind and value (identifiers_manual_key).
    const manual = new Set<string>();
    const addManual = (v: NormalizedValue, note: string): void => {
      const key = `${v.kind}:${v.canonical}`;
      if (manual.has(key)) return;
      manual.add(key);
      addIdentifier(v, 'MANUAL', owner.id, owner.investigatorId, createdMs + rng.int(60, 10 * 24 * 60) * MINUTE, { note });
    };
    for (const contact of contacts) {
      const raw = contact.kind === IdentifierKind.PHONE && /^\d{11}$/.test(contact.raw) ? phoneSpelling(rng, contact.raw) : contact.raw;
      addManual(normalized(contact.kind, raw), '嫌疑人联系方式');
    }
    for (const [kind, p] of MANUAL[type]) {
      if (!rng.chance(p)) continue;
      const fromRing = ring !== undefined && rng.chance(0.85);
      let raw: string;
      switch (kind) {
        case IdentifierKind.URL:
          raw = respellUrl(rng, fromRing && ring ? rng.pick(ring.urls) : caseUrl);
          break;
        case IdentifierKind.DOMAIN:
          raw = fromRing && ring ? rng.pick(ring.domains) : caseDomain;
          break;
        case IdentifierKind.APP:
          raw = fromRing && ring ? rng.pick(ring.apps) : caseApp;
          break;
        case IdentifierKind.IP:
          raw = fromRing && ring ? rng.pick(ring.ips) : hostingIp(rng);
          break;
        case IdentifierKind.CRYPTO_WALLET:
          raw = fromRing && ring ? rng.pick(ring.wallets) : rng.chance(0.75) ? tronWallet(rng) : ethWallet(rng);
          break;
        case IdentifierKind.SOCIAL_ACCOUNT:
          raw = socialAccount(rng);
          break;
      }
      addManual(normalized(kind, raw), MANUAL_NOTE[kind]);
    }
    if (rng.chance(type === FraudType.FAKE_CUSTOMER_SERVICE ? 0.15 : 0.03)) {
      const [kind, raw, note] = rng.weighted(BENIGN);
      addManual(normalized(kind, raw), note);
    }

    // Agencies that took statements for this case contribute to it through a share granted just before.
    for (const [agencyIndex, firstMs] of [...contributors.entries()].sort((a, b) => a[0] - b[0])) {
      out.shares.push({
        id: rng.uuid(),
        caseId,
        ownerAgencyId: owner.id,
        agencyId: config.agencies[agencyIndex].id,
        access: CaseAccess.CONTRIBUTE,
        mayPassOn: false,
        mayUseInCourt: true,
        mustAskBeforeActing: false,
        grantedBy: owner.investigatorId,
        grantedAt: iso(Math.max(createdMs + MINUTE, firstMs - rng.int(10, 120) * MINUTE)),
      });
    }

    const sortedProvinces = [...provinces].sort();
    const label = FRAUD_LABEL[type];
    const x = rng.float();
    const status =
      LAST_DAY - day < 60
        ? x < 0.4 ? CaseStatus.REPORTED : x < 0.95 ? CaseStatus.INVESTIGATING : CaseStatus.SOLVED
        : x < 0.05 ? CaseStatus.REPORTED : x < 0.45 ? CaseStatus.INVESTIGATING : x < 0.8 ? CaseStatus.SOLVED : CaseStatus.CLOSED;
    const y = rng.float();
    out.cases.push({
      id: caseId,
      agencyId: owner.id,
      caseNumber: `${owner.region}-${year}-${String(plan.seq[index]).padStart(6, '0')}`,
      title: `${anonymised(firstVictimName)}${statementCount > 1 ? `等${statementCount}人` : ''}被${label}诈骗案`,
      description: `${SYNTHETIC_MARKER}s${config.seed}] ${label}诈骗，受害人${statementCount}名，涉及${sortedProvinces.map((p) => PROVINCE_BY_CODE.get(p)?.name ?? p).join('、')}，损失合计人民币${formatCents(totalCents)}元。`,
      fraudType: type,
      status,
      provinces: sortedProvinces,
      totalLoss: formatCents(totalCents),
      victimCount: statementCount,
      reportedOn: iso(reportedMs).slice(0, 10),
      sensitivity: y < 0.92 ? Sensitivity.NORMAL : y < 0.99 ? Sensitivity.SENSITIVE : Sensitivity.SECRET,
      createdBy: owner.investigatorId,
      createdAt: iso(createdMs),
      updatedAt: iso(lastActivityMs),
    });
    for (const row of identifiers) out.identifiers.push(row);
    this.suspects(clocked(new Rng(config.seed, STREAM.SUSPECTS, index), createdMs), ring, arrivals, status, caseId, owner, createdMs, out);
    if (ring && ringPlan && arrivals.length > 0) {
      const pos = (day - ringPlan.firstDay) / Math.max(1, ringPlan.lastDay - ringPlan.firstDay);
      this.bankResponses(clocked(new Rng(config.seed, STREAM.FLOW, index), createdMs), ring, pos, arrivals, caseId, owner, createdMs, out);
    }
  }

  /**
   * Suspects the owner identified, from the case's own stream (seed, SUSPECTS, case): the more the case has
   * progressed, the more are known. In a ring, the holders of the mule cards the victims paid into (banks name the
   * holder), and in solved cases the ring's callers, recruiter, organiser or tech support: the same persons across the
   * ring's cases. Outside rings, fresh people (a card seller, sometimes a caller).
   */
  private suspects(rng: Rng, ring: RingPool | undefined, arrivals: Arrival[], status: CaseStatus, caseId: string, owner: PoliceAgencyRef, createdMs: number, out: Batch): void {
    const solved = status === CaseStatus.SOLVED || status === CaseStatus.CLOSED;
    const found = solved ? 0.95 : status === CaseStatus.INVESTIGATING ? 0.5 : 0.1;
    if (!rng.chance(found)) return;
    const people: Person[] = [];
    if (ring) {
      const paid = new Set(arrivals.map((a) => a.account.number));
      ring.hops[0].forEach((mule, i) => {
        if (paid.has(mule.number) && rng.chance(0.8)) people.push(ring.people.holders[i]);
      });
      if (solved) {
        if (rng.chance(0.5)) people.push(rng.pick(ring.people.callers));
        if (rng.chance(0.35)) people.push(ring.people.recruiter);
        if (rng.chance(0.2)) people.push(ring.people.organiser);
        if (ring.people.tech.length > 0 && rng.chance(0.15)) people.push(ring.people.tech[0]);
      }
    } else {
      if (rng.chance(0.8)) people.push(person(rng, rng.chance(0.65) ? SuspectRole.CARD_SELLER : SuspectRole.MONEY_MULE, createdMs));
      if (solved && rng.chance(0.3)) people.push(person(rng, SuspectRole.CALLER, createdMs));
    }
    for (const p of people) {
      const atMs = createdMs + rng.int(2, 90) * DAY_MS + rng.int(0, 600) * MINUTE;
      out.suspects.push({
        id: rng.uuid(),
        caseId,
        agencyId: owner.id,
        alias: p.alias,
        role: p.role,
        ageAtOffence: Math.max(12, Math.floor((createdMs - p.birthMs) / (365.25 * DAY_MS))),
        education: p.education,
        employment: p.employment,
        charges: chargesOf(rng, p.role),
        idNumber: p.idNumber,
        createdBy: owner.investigatorId,
        createdAt: iso(atMs),
      });
    }
  }

  /**
   * Where the money a case's victims paid into the ring's mule cards went next, as the banks answered the case's
   * owner: breadth first from each arrival, an account moves money on (minutes to days later) with some chance,
   * sending 60-100% of what arrived in 1-3 pieces to accounts of the ring's next layer (sometimes back to an
   * earlier one); the rest stays. Accounts are picked near the case's place in the ring's life, so cases of the
   * same months share them (fan-in). Each movement is a BANK_RESPONSE transfer of the case (no statement), both
   * accounts clues of the case, recorded when the bank answered.
   */
  private bankResponses(rng: Rng, ring: RingPool, pos: number, arrivals: Arrival[], caseId: string, owner: PoliceAgencyRef, createdMs: number, out: Batch): void {
    const pick = (pool: LayerAccount[]): LayerAccount => {
      const i = Math.round(pos * (pool.length - 1) + rng.normal() * Math.max(1, pool.length / 4));
      return pool[Math.max(0, Math.min(pool.length - 1, i))];
    };
    for (const arrival of arrivals) {
      const moves: TransferRow[] = [];
      const queue: Holding[] = [{ account: arrival.account, hop: 1, cents: arrival.cents, atMs: arrival.atMs }];
      let lastMs = arrival.atMs;
      for (let q = 0; q < queue.length && moves.length < MAX_MOVES_PER_ARRIVAL; q++) {
        const h = queue[q];
        if (h.hop >= ring.hops.length || !rng.chance(h.hop === 1 ? MOVE_ON_FIRST : MOVE_ON)) continue; // last seen here
        const onward = Math.floor(h.cents * (0.6 + 0.4 * rng.float()));
        const pieces = Math.min(rng.weighted(PIECES), Math.floor(onward / 10_000)); // at least 100 CNY a piece
        const weights = Array.from({ length: pieces }, () => 0.5 + rng.float());
        const weightSum = weights.reduce((a, b) => a + b, 0);
        let left = onward;
        for (let p = 0; p < pieces && moves.length < MAX_MOVES_PER_ARRIVAL; p++) {
          let cents = p === pieces - 1 ? left : Math.floor((onward * weights[p]) / weightSum);
          if (cents >= 100_000 && rng.chance(0.5)) cents = Math.floor(cents / 10_000) * 10_000; // round hundreds; the rest stays
          left -= cents;
          const pool = h.hop >= 3 && rng.chance(CYCLE_BACK) ? ring.hops[rng.int(0, 1)] : ring.hops[h.hop];
          let target = pick(pool);
          if (target.number === h.account.number) {
            if (pool.length === 1) continue;
            target = pool[(pool.indexOf(target) + 1) % pool.length];
          }
          const delay = h.hop === 1 ? delayMinutes(rng, 2, 12 * 60) : delayMinutes(rng, 10, 3 * 24 * 60);
          const atMs = h.atMs + Math.round(delay * 60) * 1000;
          lastMs = Math.max(lastMs, atMs);
          moves.push({
            id: rng.uuid(),
            caseId,
            statementId: null,
            agencyId: owner.id,
            fromAccount: h.account.number,
            toAccount: target.number,
            bank: target.bank,
            amount: formatCents(cents),
            occurredAt: iso(atMs),
            channel: PaymentChannel.BANK_TRANSFER,
            source: 'BANK_RESPONSE',
            fromKind: h.account.kind,
            fromCanonical: h.account.number,
            toKind: target.kind,
            toCanonical: target.number,
          });
          queue.push({ account: target, hop: h.hop + 1, cents, atMs });
        }
      }
      // The banks answer the owner's request some days after the case was reported and the money moved.
      const answeredAt = iso(Math.max(createdMs, lastMs) + rng.int(1, 20) * DAY_MS + rng.int(0, 600) * MINUTE);
      for (const m of moves) {
        out.transfers.push(m);
        for (const [raw, kind, canonical] of [[m.fromAccount, m.fromKind, m.fromCanonical], [m.toAccount, m.toKind, m.toCanonical]] as const) {
          out.identifiers.push({
            id: rng.uuid(),
            caseId,
            agencyId: owner.id,
            kind,
            rawValue: raw,
            canonical,
            source: 'BANK_RESPONSE',
            statementId: null,
            transferId: m.id,
            note: null,
            createdBy: owner.investigatorId,
            createdAt: answeredAt,
          });
        }
      }
    }
  }
}

/** `rng`, its ids in the case's time (Rng.clockMs). */
function clocked(rng: Rng, ms: number): Rng {
  rng.clockMs = ms;
  return rng;
}

/** Made-up agency and user ids for tests and dry runs (the loader looks the real ones up by name and e-mail). */
export function fakePoliceAgencies(seed = 0): PoliceAgencyRef[] {
  const rng = new Rng(seed, 99, 0);
  return demoPoliceAgencies(
    () => rng.uuid(),
    () => rng.uuid(),
  );
}
