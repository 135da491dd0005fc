// Counts into shares and rounded percentages, for the outcome analytics and their CSV exports.
// Integer arithmetic only: a count times 10^(2 + decimals) stays far below 2^53 for any realistic count.

/** `part / whole` as a fraction in [0, 1]; 0 when there is nothing to divide. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** `part / whole` in percent rounded half up to `decimals` places (20.05 -> 20.1); 0 when `whole` is 0. */
export function roundedPercent(part: number, whole: number, decimals = 1): number {
  if (whole <= 0) return 0;
  const scale = 10 ** decimals;
  const units = 100 * scale;
  // round(part * units / whole) with exact integers: floor((2 * part * units + whole) / (2 * whole)).
  return Math.floor((2 * part * units + whole) / (2 * whole)) / scale;
}

/**
 * Percentages of a whole split into categories, rounded to `decimals` places so that they add up to exactly 100
 * (largest remainder: every share is first rounded down, then the units left go to the largest remainders, ties
 * to the earlier category). Each result differs from its exact share by less than one unit of the last place, and
 * equals the plainly rounded share whenever the plainly rounded shares already add up to 100. All 0 when the
 * counts are all 0.
 */
export function percentShares(counts: readonly number[], decimals = 1): number[] {
  for (const c of counts) {
    if (!Number.isSafeInteger(c) || c < 0) throw new Error(`counts must be whole numbers >= 0, got ${c}`);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const scale = 10 ** decimals;
  const units = 100 * scale;
  const floors = counts.map((c) => Math.floor((c * units) / total));
  const remainders = counts.map((c, i) => c * units - floors[i] * total);
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = counts.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (const i of order) {
    if (left === 0) break;
    if (remainders[i] === 0) continue;
    floors[i] += 1;
    left -= 1;
  }
  return floors.map((u) => u / scale);
}

export interface CategoryCount<K extends string = string> {
  key: K;
  count: number;
  /** Of `count`, how many were given probation. */
  probation: number;
}

export interface ShareBucket<K extends string = string> extends CategoryCount<K> {
  /** count / known, unrounded. */
  share: number;
  /** count / known in percent, rounded to one decimal; the buckets of a distribution add up to 100.0. */
  percent: number;
}

export interface ShareDistribution<K extends string = string> {
  /** Judgments where the attribute is recorded: the denominator of every share. */
  known: number;
  /** Judgments where it is not (not part of any share). */
  unknown: number;
  /** Every category in `keys` order, zero counts included, so charts keep their axes. */
  buckets: Array<ShareBucket<K>>;
}

/** A single-valued attribute over judgments: each judgment is in one bucket or unknown. */
export function shareDistribution<K extends string>(keys: readonly K[], counts: ReadonlyMap<K, { count: number; probation: number }>, unknown = 0): ShareDistribution<K> {
  for (const k of counts.keys()) {
    if (!keys.includes(k)) throw new Error(`unexpected category ${k}`);
  }
  const rows = keys.map((key) => ({ key, count: counts.get(key)?.count ?? 0, probation: counts.get(key)?.probation ?? 0 }));
  const known = rows.reduce((a, r) => a + r.count, 0);
  const percents = percentShares(rows.map((r) => r.count));
  return { known, unknown, buckets: rows.map((r, i) => ({ ...r, share: shareOf(r.count, known), percent: percents[i] })) };
}

/**
 * A multi-valued attribute (a judgment may name several charges): each bucket's share is of all `judgments`, rounded
 * on its own, so the shares do not add up to 100.
 */
export function multiValuedShares<K extends string>(keys: readonly K[], counts: ReadonlyMap<K, { count: number; probation: number }>, judgments: number): ShareDistribution<K> {
  for (const k of counts.keys()) {
    if (!keys.includes(k)) throw new Error(`unexpected category ${k}`);
  }
  return {
    known: judgments,
    unknown: 0,
    buckets: keys.map((key) => {
      const count = counts.get(key)?.count ?? 0;
      return { key, count, probation: counts.get(key)?.probation ?? 0, share: shareOf(count, judgments), percent: roundedPercent(count, judgments) };
    }),
  };
}

/**
 * The lower median of values given as a histogram (value, how often): the smallest value at or below which at
 * least half of them lie (PostgreSQL's percentile_disc(0.5)). null for no values.
 */
export function lowerMedian(histogram: ReadonlyArray<readonly [number, number]>): number | null {
  const sorted = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [value, n] of sorted) {
    seen += n;
    if (2 * seen >= total) return value;
  }
  return sorted[sorted.length - 1][0];
}
