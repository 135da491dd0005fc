import {
  AGE_BANDS, AgeBand, ageBandOf, judgmentProblem, lowerMedian, multiValuedShares, OUTCOME_LABELS, Penalty, percentShares, roundedPercent, shareDistribution,
  shareOf,
} from './index';

describe('age bands', () => {
  it('are half-open intervals [0,20) [20,25) [25,30) [30,∞) without gaps', () => {
    expect([0, 16, 19, 20, 24, 25, 29, 30, 99].map(ageBandOf)).toEqual([
      AgeBand.UNDER_20, AgeBand.UNDER_20, AgeBand.UNDER_20, AgeBand.AGE_20_TO_24, AgeBand.AGE_20_TO_24, AgeBand.AGE_25_TO_29, AgeBand.AGE_25_TO_29,
      AgeBand.AGE_30_AND_OVER, AgeBand.AGE_30_AND_OVER,
    ]);
    for (let i = 1; i < AGE_BANDS.length; i++) expect(AGE_BANDS[i].from).toBe(AGE_BANDS[i - 1].to);
    expect(AGE_BANDS.at(-1)?.to).toBeNull();
    expect(() => ageBandOf(-1)).toThrow();
  });
});

describe('percentages', () => {
  it('round half up to one decimal', () => {
    expect(roundedPercent(1, 3)).toBe(33.3);
    expect(roundedPercent(2, 3)).toBe(66.7);
    expect(roundedPercent(401, 2000)).toBe(20.1); // 20.05
    expect(roundedPercent(5224, 26_121)).toBe(20);
    expect(roundedPercent(1, 0)).toBe(0);
    expect(roundedPercent(1, 8, 2)).toBe(12.5);
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(1, 0)).toBe(0);
  });

  it('split a whole into shares that add up to exactly 100.0 (largest remainder)', () => {
    expect(percentShares([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(percentShares([2, 1])).toEqual([66.7, 33.3]);
    expect(percentShares([0, 0])).toEqual([0, 0]);
    expect(percentShares([5, 0])).toEqual([100, 0]);
    expect(percentShares([1, 1, 1], 0)).toEqual([34, 33, 33]);
    expect(() => percentShares([1.5])).toThrow();
    expect(() => percentShares([-1])).toThrow();
  });

  it('reproduce the figures of the judgment study from its counts, equal to plain rounding there', () => {
    const cases = [
      { counts: [3448, 5929, 12_434, 4310], paper: [13.2, 22.7, 47.6, 16.5] },
      { counts: [17_841, 5825, 2455], paper: [68.3, 22.3, 9.4] },
      { counts: [16_926, 3526, 5669], paper: [64.8, 13.5, 21.7] },
    ];
    for (const { counts, paper } of cases) {
      const total = counts.reduce((a, b) => a + b, 0);
      expect(total).toBe(26_121);
      expect(percentShares(counts)).toEqual(paper);
      expect(counts.map((c) => roundedPercent(c, total))).toEqual(paper);
    }
  });

  it('stay within one unit of the exact share and add up to 100 over many random splits', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 500; round++) {
      const counts = Array.from({ length: 2 + Math.floor(next() * 8) }, () => Math.floor(next() * 5000));
      const total = counts.reduce((a, b) => a + b, 0);
      const shares = percentShares(counts);
      if (total === 0) continue;
      expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
      shares.forEach((s, i) => expect(Math.abs(s - (100 * counts[i]) / total)).toBeLessThan(0.1));
    }
  });
});

describe('distributions', () => {
  it('keep every category in order with zero counts, shares over the known judgments', () => {
    const d = shareDistribution(['A', 'B', 'C'] as const, new Map([['C', { count: 1, probation: 1 }], ['A', { count: 2, probation: 0 }]]), 5);
    expect(d).toEqual({
      known: 3,
      unknown: 5,
      buckets: [
        { key: 'A', count: 2, probation: 0, share: 2 / 3, percent: 66.7 },
        { key: 'B', count: 0, probation: 0, share: 0, percent: 0 },
        { key: 'C', count: 1, probation: 1, share: 1 / 3, percent: 33.3 },
      ],
    });
    expect(() => shareDistribution(['A'], new Map([['Z', { count: 1, probation: 0 }]]))).toThrow(/unexpected/);
  });

  it('give multi-valued attributes shares of all judgments, not adding up to 100', () => {
    const d = multiValuedShares(['X', 'Y'], new Map([['X', { count: 10, probation: 2 }], ['Y', { count: 3, probation: 0 }]]), 10);
    expect(d.buckets.map((b) => b.percent)).toEqual([100, 30]);
    expect(d.known).toBe(10);
  });

  it('find the lower median of a histogram (percentile_disc 0.5)', () => {
    expect(lowerMedian([])).toBeNull();
    expect(lowerMedian([[6, 1]])).toBe(6);
    expect(lowerMedian([[12, 2], [6, 2]])).toBe(6);
    expect(lowerMedian([[6, 1], [12, 1], [24, 1]])).toBe(12);
    expect(lowerMedian([[3, 0], [9, 5]])).toBe(9);
  });
});

describe('judgment terms', () => {
  const ok = { penalty: Penalty.FIXED_TERM_IMPRISONMENT, sentenceMonths: 8, probation: false, fined: true };

  it('accept the usual sentences for assisting information network crime', () => {
    expect(judgmentProblem(ok)).toBeNull();
    expect(judgmentProblem({ ...ok, probation: true, sentenceMonths: 36 })).toBeNull();
    expect(judgmentProblem({ penalty: Penalty.CRIMINAL_DETENTION, sentenceMonths: 4, probation: true, fined: true })).toBeNull();
    expect(judgmentProblem({ penalty: Penalty.FINE_ONLY, sentenceMonths: null, probation: false, fined: true })).toBeNull();
    expect(judgmentProblem({ penalty: Penalty.EXEMPTED, sentenceMonths: 0, probation: false, fined: false })).toBeNull();
  });

  it('name the field that does not fit', () => {
    expect(judgmentProblem({ ...ok, sentenceMonths: null })?.field).toBe('sentenceMonths');
    expect(judgmentProblem({ ...ok, sentenceMonths: 5 })).toEqual({ field: 'sentenceMonths', reason: 'must be 6 to 300 months for FIXED_TERM_IMPRISONMENT' });
    expect(judgmentProblem({ ...ok, penalty: Penalty.CRIMINAL_DETENTION, sentenceMonths: 7 })?.field).toBe('sentenceMonths');
    expect(judgmentProblem({ ...ok, sentenceMonths: 8.5 })?.field).toBe('sentenceMonths');
    expect(judgmentProblem({ ...ok, penalty: Penalty.FINE_ONLY, sentenceMonths: 3 })?.field).toBe('sentenceMonths');
    expect(judgmentProblem({ ...ok, probation: true, sentenceMonths: 37 })?.field).toBe('probation');
    expect(judgmentProblem({ ...ok, penalty: Penalty.PUBLIC_SURVEILLANCE, sentenceMonths: 6, probation: true })?.field).toBe('probation');
    expect(judgmentProblem({ penalty: Penalty.FINE_ONLY, sentenceMonths: null, probation: false, fined: false })?.field).toBe('fine');
    expect(judgmentProblem({ penalty: Penalty.EXEMPTED, sentenceMonths: null, probation: false, fined: true })?.field).toBe('fine');
  });
});

describe('labels', () => {
  it('name every category in Chinese and English', () => {
    for (const table of Object.values(OUTCOME_LABELS)) {
      for (const label of Object.values(table) as Array<{ zh: string; en: string }>) {
        expect(label.zh.length).toBeGreaterThan(0);
        expect(label.en.length).toBeGreaterThan(0);
      }
    }
  });
});
