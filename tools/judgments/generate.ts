// The judgment data set of the study "Empirical Research on the High Incidence of Crime of Assisting Information
// Network Criminal Activities in Telecommunication Fraud Cases Based on 26,121 Judgment Documents" (reference 000):
// 26,121 judgments of 2019-2023, one case and one suspect each, whose marginals equal the study's figures after
// rounding, with plausible joint distributions. Pure and deterministic: same seed and agencies, same rows.
//
// Exact marginals with dependence: every attribute with a published marginal is handed out by rank. Each person
// gets a score (a bias from what is already known about them plus standard normal noise from their own stream);
// the top k by score take the category, k being the published count. So counts are exact and, e.g., company legal
// representatives come out older and the young get probation more often, without any marginal moving.
import { AgeBand, Charge, Education, Employment, FraudType, Penalty, SuspectRole } from '@caselink/domain';
import { FRAUD_SHARES, type PoliceAgencyRef } from '../generator/generate';
import { Rng, weightedTable, type WeightedTable } from '../generator/random';
import { FRAUD_LABEL } from '../generator/text';
import { anonymised, type District, idNumber, NATIONWIDE, personName, PROVINCE_BY_CODE } from '../generator/values';

/**
 * Loaded cases are marked by this prefix of `description` (followed by the seed, e.g. "[JUDG s2024] ..."), which
 * `load.ts --truncate` deletes by. Distinct from the synthetic generator's "[SYN ", so either loads and truncates alone.
 */
export const JUDGMENT_MARKER = '[JUDG ';
export const DEFAULT_SEED = 2024;

/** The study's figures (percent, one decimal) and the exact counts of the data set that round to them. */
export const STUDY = {
  total: 26_121,
  /**
   * Judgments per verdict year. The study gives 2021 = 21,185 and "a sharp rise from 2019 to 2023, peaking in 2021
   * ... a slight decline since, the numbers remain significantly higher than in 2019". The other years are our
   * assumption: with 21,185 of 26,121 in 2021, 2019, 2020, 2022 and 2023 share 4,936, so the fall after 2021 cannot be
   * slight in this sample (we take it that fewer later judgments had been published when the documents were
   * collected); both later years stay above 2019.
   */
  years: { 2019: 212, 2020: 2_604, 2021: 21_185, 2022: 1_630, 2023: 490 } as Readonly<Record<number, number>>,
  age: { [AgeBand.UNDER_20]: 3_448, [AgeBand.AGE_20_TO_24]: 5_929, [AgeBand.AGE_25_TO_29]: 12_434, [AgeBand.AGE_30_AND_OVER]: 4_310 },
  agePercent: { [AgeBand.UNDER_20]: 13.2, [AgeBand.AGE_20_TO_24]: 22.7, [AgeBand.AGE_25_TO_29]: 47.6, [AgeBand.AGE_30_AND_OVER]: 16.5 },
  education: { [Education.JUNIOR_HIGH_OR_BELOW]: 17_841, [Education.HIGH_SCHOOL_OR_TECHNICAL]: 5_825, [Education.COLLEGE_OR_ABOVE]: 2_455 },
  educationPercent: { [Education.JUNIOR_HIGH_OR_BELOW]: 68.3, [Education.HIGH_SCHOOL_OR_TECHNICAL]: 22.3, [Education.COLLEGE_OR_ABOVE]: 9.4 },
  employment: { [Employment.UNEMPLOYED]: 16_926, [Employment.COMPANY_LEGAL_REPRESENTATIVE]: 3_526, [Employment.OTHER]: 5_669 },
  employmentPercent: { [Employment.UNEMPLOYED]: 64.8, [Employment.COMPANY_LEGAL_REPRESENTATIVE]: 13.5, [Employment.OTHER]: 21.7 },
  /** "Approximately 20%": 5,224 of 26,121 is 20.0 %. */
  probation: 5_224,
  probationPercent: 20.0,
} as const;

const STREAM = { PLAN: 1, PERSON: 2 } as const;
const DAY_MS = 86_400_000;

export interface JudgmentConfig {
  seed: number;
  /** Police agencies owning the cases, with their investigator and relative weight. */
  agencies: readonly PoliceAgencyRef[];
  /** Last case number already used per `${agencyId}:${year}`; generated numbers continue after it. */
  numberOffsets?: ReadonlyMap<string, number>;
}

export interface JudgmentCaseRow {
  id: string;
  agencyId: string;
  caseNumber: string;
  title: string;
  description: string;
  fraudType: FraudType;
  provinces: string[];
  reportedOn: string;
  createdBy: string;
  createdAt: string;
}

export interface SuspectRow {
  id: string;
  caseId: string;
  ownerAgencyId: string;
  agencyId: string;
  alias: string;
  role: SuspectRole;
  ageAtOffence: number;
  ageBand: AgeBand;
  education: Education;
  employment: Employment;
  charges: Charge[];
  /** The full number; the loader stores only its keyed hash. */
  idNumber: string;
  createdBy: string;
  createdAt: string;
  verdictDate: string;
  court: string;
  judgmentNumber: string;
  penalty: Penalty;
  sentenceMonths: number | null;
  probation: boolean;
  /** Exact decimal CNY, or null for no fine. */
  fine: string | null;
  judgmentRecordedAt: string;
}

export interface JudgmentDataSet {
  cases: JudgmentCaseRow[];
  suspects: SuspectRow[];
  /** The last case number per agency and year, for case_number_counters. */
  counters: Array<{ agencyId: string; year: number; lastValue: number }>;
}

/** Province abbreviations used in judgment numbers: （2021）粤0106刑初123号. */
const PROVINCE_ABBR: Readonly<Record<string, string>> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏', '33': '浙', '34': '皖', '35': '闽',
  '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝', '51': '川', '52': '黔', '53': '滇', '54': '藏',
  '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
};

const ROLE_LABEL: Readonly<Record<SuspectRole, string>> = {
  [SuspectRole.CARD_SELLER]: '出租、出售本人银行卡及电话卡',
  [SuspectRole.CARD_RECRUITER]: '收购、介绍他人办理银行卡并转交上线',
  [SuspectRole.MONEY_MULE]: '利用本人账户为他人转账、取现（“跑分”）',
  [SuspectRole.TECHNICAL_SUPPORT]: '提供服务器、改号软件等技术支持',
  [SuspectRole.CALLER]: '在境外诈骗窝点充当话务员',
  [SuspectRole.ORGANISER]: '组织他人出售“两卡”并从中牟利',
  [SuspectRole.OTHER]: '为诈骗团伙提供其他帮助',
};

/** Role given employment (and a tilt to technical support for the college-educated). */
const ROLE_TABLES: Readonly<Record<Employment, WeightedTable<SuspectRole>>> = {
  [Employment.UNEMPLOYED]: weightedTable([
    [SuspectRole.CARD_SELLER, 58], [SuspectRole.MONEY_MULE, 20], [SuspectRole.CARD_RECRUITER, 10], [SuspectRole.CALLER, 4],
    [SuspectRole.TECHNICAL_SUPPORT, 2], [SuspectRole.ORGANISER, 1], [SuspectRole.OTHER, 5],
  ]),
  // Legal representatives sell the accounts of their (often shell) companies, or provide tools.
  [Employment.COMPANY_LEGAL_REPRESENTATIVE]: weightedTable([
    [SuspectRole.CARD_SELLER, 55], [SuspectRole.TECHNICAL_SUPPORT, 15], [SuspectRole.MONEY_MULE, 12], [SuspectRole.CARD_RECRUITER, 8],
    [SuspectRole.ORGANISER, 5], [SuspectRole.OTHER, 5],
  ]),
  [Employment.OTHER]: weightedTable([
    [SuspectRole.CARD_SELLER, 50], [SuspectRole.MONEY_MULE, 17], [SuspectRole.CARD_RECRUITER, 10], [SuspectRole.TECHNICAL_SUPPORT, 10],
    [SuspectRole.CALLER, 5], [SuspectRole.ORGANISER, 2], [SuspectRole.OTHER, 6],
  ]),
};

const FRAUD_TABLE = weightedTable(FRAUD_SHARES);
const CHARGE_ORDER = Object.values(Charge);

/** Ages within a band (whole years at the offence); 帮信罪 applies from 16. */
const AGE_TABLES: Readonly<Record<AgeBand, WeightedTable<number>>> = {
  [AgeBand.UNDER_20]: weightedTable([[16, 8], [17, 14], [18, 36], [19, 42]]),
  [AgeBand.AGE_20_TO_24]: weightedTable([[20, 18], [21, 20], [22, 21], [23, 21], [24, 20]]),
  [AgeBand.AGE_25_TO_29]: weightedTable([[25, 21], [26, 21], [27, 20], [28, 19], [29, 19]]),
  [AgeBand.AGE_30_AND_OVER]: weightedTable(Array.from({ length: 31 }, (_, i) => [30 + i, Math.exp(-i / 8)] as const)),
};

/** Indices 0..n-1 with the `k` highest scores (ties to the lower index). */
function topByScore(indices: readonly number[], score: (i: number) => number, k: number): Set<number> {
  if (k > indices.length) throw new Error(`cannot pick ${k} of ${indices.length}`);
  const scored = indices.map((i) => ({ i, s: score(i) }));
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return new Set(scored.slice(0, k).map((x) => x.i));
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/** A whole number of CNY in `step`s between `min` and `max`, as exact decimal text. */
function yuan(rng: Rng, min: number, max: number, step: number): string {
  return `${step * rng.int(Math.ceil(min / step), Math.floor(max / step))}.00`;
}

/**
 * The data set: 26,121 cases (one per judgment) of the given agencies, each with one judged suspect. Latent draws
 * come from each person's own stream (seed, PERSON, i) in a fixed order; the order of years and age bands from the
 * plan stream (seed, PLAN, 0).
 */
export function generateJudgments(config: JudgmentConfig): JudgmentDataSet {
  if (config.agencies.length === 0) throw new Error('no police agencies to own the cases');
  const n = STUDY.total;
  const plan = new Rng(config.seed, STREAM.PLAN, 0);
  const people = Array.from({ length: n }, (_, i) => new Rng(config.seed, STREAM.PERSON, i));
  const all = Array.from({ length: n }, (_, i) => i);

  // Year and age band: exact counts in a shuffled order.
  const shuffled = <T>(counts: ReadonlyArray<readonly [T, number]>): T[] => {
    const out = counts.flatMap(([v, c]) => Array.from({ length: c }, () => v));
    for (let i = out.length - 1; i > 0; i--) {
      const j = plan.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const years = shuffled(Object.entries(STUDY.years).map(([y, c]) => [Number(y), c] as const));
  const bands = shuffled(Object.entries(STUDY.age) as Array<[AgeBand, number]>);
  if (years.length !== n || bands.length !== n) throw new Error('the study counts do not add up');

  // Latent noise, drawn first and in this order from every person's stream.
  const noise = people.map((rng) => ({ legalRep: rng.normal(), unemployed: rng.normal(), college: rng.normal(), highSchool: rng.normal(), probation: rng.normal() }));

  // Employment: legal representatives are older; the unemployed younger.
  const legalRepBias: Record<AgeBand, number> = { UNDER_20: -2.2, AGE_20_TO_24: -0.7, AGE_25_TO_29: 0.2, AGE_30_AND_OVER: 1.1 };
  const unemployedBias: Record<AgeBand, number> = { UNDER_20: 0.9, AGE_20_TO_24: 0.3, AGE_25_TO_29: 0, AGE_30_AND_OVER: -0.5 };
  const legalReps = topByScore(all, (i) => legalRepBias[bands[i]] + noise[i].legalRep, STUDY.employment.COMPANY_LEGAL_REPRESENTATIVE);
  const rest = all.filter((i) => !legalReps.has(i));
  const unemployed = topByScore(rest, (i) => unemployedBias[bands[i]] + noise[i].unemployed, STUDY.employment.UNEMPLOYED);
  const employment = all.map((i) => (legalReps.has(i) ? Employment.COMPANY_LEGAL_REPRESENTATIVE : unemployed.has(i) ? Employment.UNEMPLOYED : Employment.OTHER));

  // Education: college graduates cluster at 20-29 and among the employed; the youngest have at most (vocational) high school.
  const collegeAge: Record<AgeBand, number> = { UNDER_20: -1.2, AGE_20_TO_24: 0.7, AGE_25_TO_29: 0.3, AGE_30_AND_OVER: -0.2 };
  const collegeWork: Record<Employment, number> = { UNEMPLOYED: -0.3, COMPANY_LEGAL_REPRESENTATIVE: 0.8, OTHER: 0.4 };
  const college = topByScore(all, (i) => collegeAge[bands[i]] + collegeWork[employment[i]] + noise[i].college, STUDY.education.COLLEGE_OR_ABOVE);
  const highSchoolAge: Record<AgeBand, number> = { UNDER_20: 0.3, AGE_20_TO_24: 0.2, AGE_25_TO_29: 0, AGE_30_AND_OVER: -0.3 };
  const highSchoolWork: Record<Employment, number> = { UNEMPLOYED: -0.2, COMPANY_LEGAL_REPRESENTATIVE: 0.4, OTHER: 0.3 };
  const highSchool = topByScore(all.filter((i) => !college.has(i)), (i) => highSchoolAge[bands[i]] + highSchoolWork[employment[i]] + noise[i].highSchool,
    STUDY.education.HIGH_SCHOOL_OR_TECHNICAL);
  const education = all.map((i) => (college.has(i) ? Education.COLLEGE_OR_ABOVE : highSchool.has(i) ? Education.HIGH_SCHOOL_OR_TECHNICAL : Education.JUNIOR_HIGH_OR_BELOW));

  // Role in the chain, from each person's stream.
  const roles = all.map((i) => {
    const rng = people[i];
    if (education[i] === Education.COLLEGE_OR_ABOVE && rng.chance(0.12)) return SuspectRole.TECHNICAL_SUPPORT;
    return rng.weighted(ROLE_TABLES[employment[i]]);
  });

  // Probation: more for the young and first-time card sellers, rare for organisers.
  const probationAge: Record<AgeBand, number> = { UNDER_20: 1.0, AGE_20_TO_24: 0.35, AGE_25_TO_29: 0, AGE_30_AND_OVER: -0.25 };
  const probationRole: Record<SuspectRole, number> = {
    CARD_SELLER: 0.25, MONEY_MULE: -0.2, CARD_RECRUITER: -0.5, TECHNICAL_SUPPORT: -0.3, CALLER: -0.4, ORGANISER: -1.8, OTHER: 0,
  };
  const probationEducation: Record<Education, number> = { JUNIOR_HIGH_OR_BELOW: 0, HIGH_SCHOOL_OR_TECHNICAL: 0.1, COLLEGE_OR_ABOVE: 0.3 };
  const probation = topByScore(all, (i) => probationAge[bands[i]] + probationRole[roles[i]] + probationEducation[education[i]] + noise[i].probation, STUDY.probation);

  // Everything else per person; owners weighted.
  const agencyTable = weightedTable(config.agencies.map((a, i) => [i, a.weight] as const));
  const drafts = all.map((i) => {
    const rng = people[i];
    const agency = config.agencies[rng.weighted(agencyTable)];
    const age = rng.weighted(AGE_TABLES[bands[i]]);
    const year = years[i];
    const verdictMs = Date.UTC(year, 0, 1) + rng.int(0, (Date.UTC(year, 11, 31) - Date.UTC(year, 0, 1)) / DAY_MS) * DAY_MS;
    const reportedMs = verdictMs - rng.int(75, 420) * DAY_MS;
    const offenceMs = reportedMs - rng.int(0, 60) * DAY_MS;
    const role = roles[i];
    const charges = [Charge.ASSISTING_INFORMATION_NETWORK_CRIME];
    if (rng.chance(role === SuspectRole.CALLER ? 0.3 : 0.02)) charges.push(Charge.ILLEGAL_BORDER_CROSSING);
    if (rng.chance(role === SuspectRole.MONEY_MULE ? 0.06 : 0.01)) charges.push(Charge.CONCEALING_PROCEEDS);
    if (rng.chance(role === SuspectRole.TECHNICAL_SUPPORT ? 0.05 : 0.008)) charges.push(Charge.PERSONAL_INFORMATION_INFRINGEMENT);
    charges.sort((a, b) => CHARGE_ORDER.indexOf(a) - CHARGE_ORDER.indexOf(b));
    const extra = charges.length - 1;
    const onProbation = probation.has(i);
    let penalty: Penalty;
    let months: number | null;
    if (onProbation) {
      penalty = rng.chance(0.32) ? Penalty.CRIMINAL_DETENTION : Penalty.FIXED_TERM_IMPRISONMENT;
      months = penalty === Penalty.CRIMINAL_DETENTION ? rng.int(3, 6) : rng.weighted(weightedTable([[6, 25], [7, 15], [8, 18], [9, 10], [10, 10], [12, 12], [18, 6], [24, 4]]));
    } else {
      const x = rng.float();
      penalty = x < 0.02 ? Penalty.FINE_ONLY : x < 0.026 ? Penalty.EXEMPTED : x < 0.21 ? Penalty.CRIMINAL_DETENTION : Penalty.FIXED_TERM_IMPRISONMENT;
      if (penalty === Penalty.CRIMINAL_DETENTION) months = rng.int(2, 6);
      else if (penalty === Penalty.FIXED_TERM_IMPRISONMENT) {
        const base = rng.weighted(weightedTable([[6, 14], [7, 12], [8, 14], [9, 10], [10, 12], [11, 6], [12, 12], [14, 5], [15, 5], [18, 4], [20, 2], [24, 2], [30, 1], [36, 1]]));
        const severity = role === SuspectRole.ORGANISER ? rng.int(6, 14) : role === SuspectRole.CARD_RECRUITER || role === SuspectRole.TECHNICAL_SUPPORT ? rng.int(0, 4) : 0;
        months = Math.min(36, base + severity) + extra * rng.int(4, 12);
      } else months = null;
    }
    let fine: string | null = null;
    if (penalty === Penalty.FINE_ONLY) fine = yuan(rng, 2000, 10_000, 1000);
    else if (penalty !== Penalty.EXEMPTED && rng.chance(0.96)) {
      fine = role === SuspectRole.ORGANISER || employment[i] === Employment.COMPANY_LEGAL_REPRESENTATIVE
        ? yuan(rng, 5000, 50_000, 1000)
        : role === SuspectRole.MONEY_MULE || role === SuspectRole.CARD_RECRUITER
          ? yuan(rng, 3000, 20_000, 1000)
          : rng.chance(0.3) ? yuan(rng, 1000, 3000, 500) : yuan(rng, 2000, 10_000, 1000);
    }
    const gender: 'M' | 'F' = rng.chance(0.82) ? 'M' : 'F';
    const alias = anonymised(personName(rng, gender));
    // Birth date so that the age at the offence is exactly `age`.
    const offence = new Date(offenceMs);
    const birthMonth = rng.int(0, 11);
    const birthDay = rng.int(1, new Date(Date.UTC(2001, birthMonth + 1, 0)).getUTCDate());
    const birthdayAfterOffence = birthMonth > offence.getUTCMonth() || (birthMonth === offence.getUTCMonth() && birthDay > offence.getUTCDate());
    const birthMs = Date.UTC(offence.getUTCFullYear() - age - (birthdayAfterOffence ? 1 : 0), birthMonth, birthDay);
    const ownProvince = PROVINCE_BY_CODE.get(agency.province);
    const home: District = rng.chance(0.55) && ownProvince ? rng.pick(ownProvince.districts) : rng.pick(rng.weighted(NATIONWIDE).districts);
    const id = idNumber(rng, home, birthMs, gender);
    const courtDistrict: District = rng.pick((ownProvince ?? PROVINCE_BY_CODE.get('11'))?.districts ?? [home]);
    const fraudType = rng.weighted(FRAUD_TABLE);
    const provinces = new Set([agency.province]);
    if (rng.chance(0.3)) provinces.add(rng.weighted(NATIONWIDE).code);
    return {
      i, agency, age, band: bands[i], year, verdictMs, reportedMs, role, charges, penalty, months, onProbation, fine, alias, id, courtDistrict, fraudType,
      provinces: [...provinces].sort(), caseId: rng.uuid(), suspectId: rng.uuid(), recordedMs: verdictMs + rng.int(1, 20) * DAY_MS + rng.int(1, 9) * 3_600_000,
    };
  });

  // Case numbers per agency and year of reporting, in reporting order; judgment numbers per court and year, in verdict order.
  const caseSeq = new Map<string, number>();
  const caseNumbers = new Map<number, string>();
  for (const d of [...drafts].sort((a, b) => a.reportedMs - b.reportedMs || a.i - b.i)) {
    const y = new Date(d.reportedMs).getUTCFullYear();
    const key = `${d.agency.id}:${y}`;
    const next = (caseSeq.get(key) ?? config.numberOffsets?.get(key) ?? 0) + 1;
    caseSeq.set(key, next);
    caseNumbers.set(d.i, `${d.agency.region}-${y}-${String(next).padStart(6, '0')}`);
  }
  const courtSeq = new Map<string, number>();
  const judgmentNumbers = new Map<number, string>();
  for (const d of [...drafts].sort((a, b) => a.verdictMs - b.verdictMs || a.i - b.i)) {
    const key = `${d.courtDistrict.code}:${d.year}`;
    const next = (courtSeq.get(key) ?? 0) + 1;
    courtSeq.set(key, next);
    judgmentNumbers.set(d.i, `（${d.year}）${PROVINCE_ABBR[d.courtDistrict.code.slice(0, 2)] ?? ''}${d.courtDistrict.code.slice(2)}刑初${next}号`);
  }

  const cases: JudgmentCaseRow[] = [];
  const suspects: SuspectRow[] = [];
  for (const d of drafts) {
    const court = `${d.courtDistrict.city}${d.courtDistrict.district.endsWith('街道') ? '第一' : d.courtDistrict.district}人民法院`;
    const createdMs = d.reportedMs + 9 * 3_600_000 + (d.i % 480) * 60_000;
    cases.push({
      id: d.caseId,
      agencyId: d.agency.id,
      caseNumber: caseNumbers.get(d.i) as string,
      title: `${d.alias}帮助信息网络犯罪活动案`,
      description: `${JUDGMENT_MARKER}s${config.seed}] ${d.alias}${ROLE_LABEL[d.role]}，被用于${FRAUD_LABEL[d.fraudType]}诈骗；${court}于${d.year}年判决。`,
      fraudType: d.fraudType,
      provinces: d.provinces,
      reportedOn: day(d.reportedMs),
      createdBy: d.agency.investigatorId,
      createdAt: iso(createdMs),
    });
    suspects.push({
      id: d.suspectId,
      caseId: d.caseId,
      ownerAgencyId: d.agency.id,
      agencyId: d.agency.id,
      alias: d.alias,
      role: d.role,
      ageAtOffence: d.age,
      ageBand: d.band,
      education: education[d.i],
      employment: employment[d.i],
      charges: d.charges,
      idNumber: d.id,
      createdBy: d.agency.investigatorId,
      createdAt: iso(createdMs + 3_600_000),
      verdictDate: day(d.verdictMs),
      court,
      judgmentNumber: judgmentNumbers.get(d.i) as string,
      penalty: d.penalty,
      sentenceMonths: d.months,
      probation: d.onProbation,
      fine: d.fine,
      judgmentRecordedAt: iso(d.recordedMs),
    });
  }
  const counters = [...caseSeq.entries()].map(([key, lastValue]) => {
    const [agencyId, year] = key.split(':');
    return { agencyId, year: Number(year), lastValue };
  });
  return { cases, suspects, counters };
}
