import { createHash } from 'node:crypto';
import {
  AgeBand, ageBandOf, Charge, Education, Employment, IdentifierKind, judgmentProblem, moneyProblem, normalizeIdentifier, percentShares, roundedPercent, SuspectRole,
} from '@caselink/domain';
import { fakePoliceAgencies } from '../generator/generate';
import { generateJudgments, JUDGMENT_MARKER, STUDY, type SuspectRow } from './generate';
import { parseArgs } from './load';

const agencies = fakePoliceAgencies();
const data = generateJudgments({ seed: 2024, agencies });
const { suspects, cases } = data;
const N = STUDY.total;

const count = (pred: (s: SuspectRow) => boolean) => suspects.filter(pred).length;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('the judgment data set of the study', () => {
  it('has 26,121 judgments of 2019-2023, 21,185 of them in 2021, rising to 2021 and falling after', () => {
    expect(suspects).toHaveLength(26_121);
    expect(cases).toHaveLength(26_121);
    const perYear = [2019, 2020, 2021, 2022, 2023].map((y) => count((s) => s.verdictDate.startsWith(String(y))));
    expect(perYear).toEqual([212, 2604, 21_185, 1630, 490]);
    expect(perYear[0]).toBeLessThan(perYear[1]);
    expect(perYear[1]).toBeLessThan(perYear[2]);
    expect(perYear[3]).toBeLessThan(perYear[2]);
    expect(Math.min(perYear[3], perYear[4])).toBeGreaterThan(perYear[0]);
  });

  it('matches the published marginals exactly after rounding', () => {
    const percents = <K extends string>(keys: readonly K[], key: (s: SuspectRow) => K) => percentShares(keys.map((k) => count((s) => key(s) === k)));
    expect(percents(Object.values(AgeBand), (s) => s.ageBand)).toEqual([13.2, 22.7, 47.6, 16.5]);
    expect(percents(Object.values(Education), (s) => s.education)).toEqual([68.3, 22.3, 9.4]);
    expect(percents(Object.values(Employment), (s) => s.employment)).toEqual([64.8, 13.5, 21.7]);
    // Plain rounding gives the same figures (the shares are not bent by the largest-remainder method).
    for (const [k, c] of Object.entries(STUDY.age)) expect(roundedPercent(c, N)).toBe(STUDY.agePercent[k as AgeBand]);
    for (const [k, c] of Object.entries(STUDY.education)) expect(roundedPercent(c, N)).toBe(STUDY.educationPercent[k as Education]);
    for (const [k, c] of Object.entries(STUDY.employment)) expect(roundedPercent(c, N)).toBe(STUDY.employmentPercent[k as Employment]);
    expect(roundedPercent(count((s) => s.probation), N)).toBe(20.0);
    for (const [k, c] of Object.entries(STUDY.age)) expect({ k, n: count((s) => s.ageBand === k) }).toEqual({ k, n: c });
  });

  it('is not independent where the study hints: legal representatives older, the young more often on probation, college at 20-29', () => {
    const age = (pred: (s: SuspectRow) => boolean) => mean(suspects.filter(pred).map((s) => s.ageAtOffence));
    expect(age((s) => s.employment === Employment.COMPANY_LEGAL_REPRESENTATIVE)).toBeGreaterThan(age((s) => s.employment === Employment.UNEMPLOYED) + 4);
    const rate = (pred: (s: SuspectRow) => boolean) => count((s) => pred(s) && s.probation) / count(pred);
    expect(rate((s) => s.ageBand === AgeBand.UNDER_20)).toBeGreaterThan(rate((s) => s.ageBand === AgeBand.AGE_30_AND_OVER) * 1.5);
    expect(rate((s) => s.role === SuspectRole.ORGANISER)).toBeLessThan(0.08);
    const collegeShare = (band: AgeBand) => count((s) => s.ageBand === band && s.education === Education.COLLEGE_OR_ABOVE) / count((s) => s.ageBand === band);
    expect(collegeShare(AgeBand.AGE_20_TO_24)).toBeGreaterThan(collegeShare(AgeBand.UNDER_20) * 2);
    // Renting and selling "two cards" is the typical role.
    const sellers = count((s) => s.role === SuspectRole.CARD_SELLER);
    for (const role of Object.values(SuspectRole)) expect(sellers).toBeGreaterThanOrEqual(count((s) => s.role === role));
    expect(sellers / N).toBeGreaterThan(0.45);
  });

  it('holds only judgments the api would accept: ages in their band, lawful sentences, money, valid ID numbers, 帮信罪 on every one', () => {
    const problems: string[] = [];
    const reportedOn = new Map(cases.map((c) => [c.id, c.reportedOn.replace(/-/g, '')]));
    suspects.forEach((s, i) => {
      const bad = (why: string) => problems.push(`${i}: ${why}`);
      if (ageBandOf(s.ageAtOffence) !== s.ageBand || s.ageAtOffence < 16) bad(`age ${s.ageAtOffence} in ${s.ageBand}`);
      const p = judgmentProblem({ penalty: s.penalty, sentenceMonths: s.sentenceMonths, probation: s.probation, fined: s.fine !== null });
      if (p) bad(`${p.field} ${p.reason}`);
      if (s.fine !== null && moneyProblem(s.fine)) bad(`fine ${s.fine}`);
      if (s.charges[0] !== Charge.ASSISTING_INFORMATION_NETWORK_CRIME || new Set(s.charges).size !== s.charges.length) bad(`charges ${s.charges.join()}`);
      if (i % 5 === 0) {
        if (!normalizeIdentifier(IdentifierKind.ID_NUMBER, s.idNumber).ok) bad(`ID number ${s.idNumber}`);
        // The birth date in the number gives the age at the offence (offence 0-60 days before the report).
        const birth = s.idNumber.slice(6, 14);
        const reported = reportedOn.get(s.caseId) ?? '';
        const ageAtReport = Number(reported.slice(0, 4)) - Number(birth.slice(0, 4)) - (reported.slice(4) < birth.slice(4) ? 1 : 0);
        if (ageAtReport - s.ageAtOffence < 0 || ageAtReport - s.ageAtOffence > 1) bad(`born ${birth}, reported ${reported}, age ${s.ageAtOffence}`);
      }
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('makes cases of the agencies, marked for --truncate, numbered per agency and year like the api', () => {
    const province = new Map(agencies.map((a) => [a.id, a.province]));
    const numbers = new Set(cases.map((c) => `${c.agencyId}:${c.caseNumber}`));
    expect(numbers.size).toBe(N);
    const wrong = cases.filter((c) =>
      !province.has(c.agencyId) || !c.description.startsWith(`${JUDGMENT_MARKER}s2024] `) || !c.provinces.includes(province.get(c.agencyId) ?? '')
      || !new RegExp(`^\\d{6}-${c.reportedOn.slice(0, 4)}-\\d{6}$`).test(c.caseNumber));
    expect(wrong.slice(0, 5)).toEqual([]);
    const verdicts = new Map(suspects.map((s) => [s.caseId, s.verdictDate]));
    expect(cases.every((c) => c.reportedOn < (verdicts.get(c.id) ?? ''))).toBe(true);
    // Every demo agency gets its share; Guangdong (weight 30) the most.
    const per = agencies.map((a) => cases.filter((c) => c.agencyId === a.id).length);
    expect(Math.min(...per)).toBeGreaterThan(1000);
    expect(Math.max(...per)).toBe(cases.filter((c) => c.agencyId === agencies.find((a) => a.key === 'gd')?.id).length);
  });

  it('is deterministic: same seed, same rows; another seed, other rows with the same marginals; numbers continue after offsets', () => {
    expect(digest(generateJudgments({ seed: 2024, agencies }))).toBe(digest(data));
    const other = generateJudgments({ seed: 7, agencies });
    expect(digest(other)).not.toBe(digest(data));
    expect(other.suspects.filter((s) => s.probation)).toHaveLength(STUDY.probation);
    const gd = agencies[1];
    const year = Number(cases.find((c) => c.agencyId === gd.id)?.reportedOn.slice(0, 4));
    const shifted = generateJudgments({ seed: 2024, agencies, numberOffsets: new Map([[`${gd.id}:${year}`, 41]]) });
    const first = shifted.cases.filter((c) => c.agencyId === gd.id && c.reportedOn.startsWith(String(year))).map((c) => c.caseNumber).sort()[0];
    expect(first).toBe(`${gd.region}-${year}-000042`);
  });

  it('parses its command line', () => {
    expect(parseArgs([])).toEqual({ seed: 2024, truncate: false, load: true, agencies: [] });
    expect(parseArgs(['--truncate', '--no-load', '--seed=7', '--agency', 'A0000000-0000-4000-8000-000000000001'])).toEqual({
      seed: 7, truncate: true, load: false, agencies: ['a0000000-0000-4000-8000-000000000001'],
    });
    expect(() => parseArgs(['--agency', 'x'])).toThrow(/UUID/);
    expect(() => parseArgs(['--cases', '5'])).toThrow(/unknown option/);
  });
});
