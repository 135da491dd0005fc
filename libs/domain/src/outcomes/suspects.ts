// Suspects and the outcome of their cases (DESIGN.md "Suspect"): role in the fraud chain, who they are
// (age at the offence, education, employment), what they were charged with and the judgment.

/** Where in the fraud chain a suspect stood. Renting out or selling "two cards" (bank and phone cards) is the typical role. */
export enum SuspectRole {
  CARD_SELLER = 'CARD_SELLER',
  CARD_RECRUITER = 'CARD_RECRUITER',
  MONEY_MULE = 'MONEY_MULE',
  TECHNICAL_SUPPORT = 'TECHNICAL_SUPPORT',
  CALLER = 'CALLER',
  ORGANISER = 'ORGANISER',
  OTHER = 'OTHER',
}

/** Highest education completed, in the three groups the judgment study reports. */
export enum Education {
  JUNIOR_HIGH_OR_BELOW = 'JUNIOR_HIGH_OR_BELOW',
  HIGH_SCHOOL_OR_TECHNICAL = 'HIGH_SCHOOL_OR_TECHNICAL',
  COLLEGE_OR_ABOVE = 'COLLEGE_OR_ABOVE',
}

/** Employment at the time of the offence, in the three groups the judgment study reports. */
export enum Employment {
  UNEMPLOYED = 'UNEMPLOYED',
  COMPANY_LEGAL_REPRESENTATIVE = 'COMPANY_LEGAL_REPRESENTATIVE',
  OTHER = 'OTHER',
}

/** Charges (罪名) around telecom fraud. */
export enum Charge {
  /** 帮助信息网络犯罪活动罪 (Criminal Law art. 287-2), "帮信罪". */
  ASSISTING_INFORMATION_NETWORK_CRIME = 'ASSISTING_INFORMATION_NETWORK_CRIME',
  /** 诈骗罪 (art. 266). */
  FRAUD = 'FRAUD',
  /** 掩饰、隐瞒犯罪所得、犯罪所得收益罪 (art. 312). */
  CONCEALING_PROCEEDS = 'CONCEALING_PROCEEDS',
  /** 偷越国（边）境罪 (art. 322). */
  ILLEGAL_BORDER_CROSSING = 'ILLEGAL_BORDER_CROSSING',
  /** 侵犯公民个人信息罪 (art. 253-1). */
  PERSONAL_INFORMATION_INFRINGEMENT = 'PERSONAL_INFORMATION_INFRINGEMENT',
  /** 非法利用信息网络罪 (art. 287-1). */
  ILLEGAL_USE_OF_INFORMATION_NETWORK = 'ILLEGAL_USE_OF_INFORMATION_NETWORK',
  /** 洗钱罪 (art. 191). */
  MONEY_LAUNDERING = 'MONEY_LAUNDERING',
  OTHER = 'OTHER',
}

/** The principal penalty of a judgment (主刑, or a fine alone, or exemption from punishment). */
export enum Penalty {
  /** 有期徒刑: 6 months to 15 years, up to 25 years for several crimes (art. 45, 69). */
  FIXED_TERM_IMPRISONMENT = 'FIXED_TERM_IMPRISONMENT',
  /** 拘役: 1 to 6 months (art. 42). */
  CRIMINAL_DETENTION = 'CRIMINAL_DETENTION',
  /** 管制: 3 months to 2 years (art. 38). */
  PUBLIC_SURVEILLANCE = 'PUBLIC_SURVEILLANCE',
  /** 单处罚金. */
  FINE_ONLY = 'FINE_ONLY',
  /** 免予刑事处罚 (art. 37). */
  EXEMPTED = 'EXEMPTED',
}

/** Age at the offence accepted on a suspect (criminal responsibility starts at 12 for the gravest crimes, art. 17). */
export const MIN_AGE_AT_OFFENCE = 12;
export const MAX_AGE_AT_OFFENCE = 99;

/**
 * Age groups of the judgment study ("under 20, 20-25, 25-30, over 30"), as half-open intervals of whole years at
 * the offence: [0, 20), [20, 25), [25, 30), [30, ∞). A 25-year-old counts in AGE_25_TO_29, a 20-year-old in AGE_20_TO_24.
 */
export enum AgeBand {
  UNDER_20 = 'UNDER_20',
  AGE_20_TO_24 = 'AGE_20_TO_24',
  AGE_25_TO_29 = 'AGE_25_TO_29',
  AGE_30_AND_OVER = 'AGE_30_AND_OVER',
}

export interface AgeBandEdges {
  band: AgeBand;
  /** Inclusive lower edge, in whole years. */
  from: number;
  /** Exclusive upper edge; null for the open last band. */
  to: number | null;
}

export const AGE_BANDS: readonly AgeBandEdges[] = [
  { band: AgeBand.UNDER_20, from: 0, to: 20 },
  { band: AgeBand.AGE_20_TO_24, from: 20, to: 25 },
  { band: AgeBand.AGE_25_TO_29, from: 25, to: 30 },
  { band: AgeBand.AGE_30_AND_OVER, from: 30, to: null },
];

/** The band of a whole-year age at the offence. */
export function ageBandOf(age: number): AgeBand {
  for (const b of AGE_BANDS) {
    if (age >= b.from && (b.to === null || age < b.to)) return b.band;
  }
  throw new Error(`age ${age} is below every band`);
}

export const SENTENCE_MONTHS: Readonly<Record<Penalty, { min: number; max: number } | null>> = {
  [Penalty.FIXED_TERM_IMPRISONMENT]: { min: 6, max: 300 },
  [Penalty.CRIMINAL_DETENTION]: { min: 1, max: 6 },
  [Penalty.PUBLIC_SURVEILLANCE]: { min: 3, max: 24 },
  [Penalty.FINE_ONLY]: null,
  [Penalty.EXEMPTED]: null,
};

/** Probation (缓刑) is open to criminal detention and to fixed terms of at most 3 years (art. 72). */
export const MAX_PROBATION_SENTENCE_MONTHS = 36;

export interface JudgmentTerms {
  penalty: Penalty;
  sentenceMonths: number | null;
  probation: boolean;
  /** Whether a fine was imposed (its amount is checked as money elsewhere). */
  fined: boolean;
}

export type JudgmentField = 'sentenceMonths' | 'probation' | 'fine';

/** Why the terms of a judgment do not fit together (naming the field), or null when they do. */
export function judgmentProblem(t: JudgmentTerms): { field: JudgmentField; reason: string } | null {
  const range = SENTENCE_MONTHS[t.penalty];
  if (range) {
    if (t.sentenceMonths === null) return { field: 'sentenceMonths', reason: `is needed for ${t.penalty}` };
    if (!Number.isInteger(t.sentenceMonths) || t.sentenceMonths < range.min || t.sentenceMonths > range.max) {
      return { field: 'sentenceMonths', reason: `must be ${range.min} to ${range.max} months for ${t.penalty}` };
    }
  } else if (t.sentenceMonths !== null && t.sentenceMonths !== 0) {
    return { field: 'sentenceMonths', reason: `must be left out for ${t.penalty}` };
  }
  if (t.probation) {
    const allowed = t.penalty === Penalty.CRIMINAL_DETENTION
      || (t.penalty === Penalty.FIXED_TERM_IMPRISONMENT && (t.sentenceMonths ?? Infinity) <= MAX_PROBATION_SENTENCE_MONTHS);
    if (!allowed) return { field: 'probation', reason: `is only possible with criminal detention or a fixed term of at most ${MAX_PROBATION_SENTENCE_MONTHS} months` };
  }
  if (t.penalty === Penalty.FINE_ONLY && !t.fined) return { field: 'fine', reason: 'is needed for FINE_ONLY' };
  if (t.penalty === Penalty.EXEMPTED && t.fined) return { field: 'fine', reason: 'must be left out for EXEMPTED' };
  return null;
}
