import { Injectable } from '@nestjs/common';
import {
  AGE_BANDS, ageBandOf, Charge, Education, Employment, lowerMedian, multiValuedShares, Penalty, percentShares, roundedPercent, shareDistribution,
  ShareDistribution, shareOf, SuspectRole,
} from '@caselink/domain';
import type { Actor } from '../common/actor';
import { badInput } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { OutcomeFilter } from './analytics.dto';
import { OutcomeAnalyticsModel, OutcomeDistributionModel, OutcomeYearModel } from './outcome.model';

/** What the analytics group by, one grouping set each (plus the grand total). */
export const DIMENSIONS = ['age_at_offence', 'education', 'employment', 'role', 'verdict_year', 'penalty', 'charges', 'sentence_months'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The grouping sets each field of OutcomeAnalytics needs: a dashboard pays only for the figures it shows. */
const FIELD_DIMENSIONS: Readonly<Record<string, Dimension>> = {
  age: 'age_at_offence', education: 'education', employment: 'employment', roles: 'role', years: 'verdict_year', penalties: 'penalty', charges: 'charges',
  medianSentenceMonths: 'sentence_months',
};

/** The dimensions behind the selected fields (total, probation and fines come from the grand total). */
export function dimensionsFor(fields: Iterable<string>): Dimension[] {
  const wanted = new Set<Dimension>();
  for (const f of fields) {
    const d = FIELD_DIMENSIONS[f];
    if (d) wanted.add(d);
  }
  return DIMENSIONS.filter((d) => wanted.has(d));
}

/** GROUPING(...) of the set grouped by `d` alone: every bit set but d's (the first argument is the highest bit). */
const groupingOf = (dims: readonly Dimension[], d: Dimension) => ((1 << dims.length) - 1) ^ (1 << (dims.length - 1 - dims.indexOf(d)));

/** A row of the analytics query: one group of one grouping set (the other dimensions null), or the grand total. */
export interface GroupRow {
  g: number;
  age_at_offence: number | null;
  education: Education | null;
  employment: Employment | null;
  role: SuspectRole | null;
  verdict_year: number | null;
  penalty: Penalty | null;
  charges: Charge[] | null;
  sentence_months: number | null;
  n: number;
  probation: number;
  fined: number;
  fine_total: string | null;
}

/** Checks that the parts of a filter fit together (each part's own checks are the DTO's), naming the field. */
export function checkOutcomeFilter(filter: OutcomeFilter, prefix = 'filter.'): void {
  if (filter.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo) {
    throw badInput(`${prefix}yearTo`, `must not be before ${prefix}yearFrom (${filter.yearFrom})`);
  }
}

/** The SQL of the analytics: one scan of the visible judgments, one grouping set per dimension asked for. */
export function outcomeQuery(filter: OutcomeFilter, dims: readonly Dimension[] = DIMENSIONS): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = ['s.verdict_date IS NOT NULL'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.yearFrom != null) add((p) => `s.verdict_year >= ${p}`, filter.yearFrom);
  if (filter.yearTo != null) add((p) => `s.verdict_year <= ${p}`, filter.yearTo);
  if (filter.roles?.length) add((p) => `s.role = ANY(${p}::text[])`, filter.roles);
  if (filter.charges?.length) add((p) => `s.charges && ${p}::text[]`, filter.charges);
  // The case's fraud type and provinces are kept on its suspects (by triggers), so no join with cases.
  if (filter.fraudTypes?.length) add((p) => `s.case_fraud_type = ANY(${p}::text[])`, filter.fraudTypes);
  if (filter.provinces?.length) add((p) => `s.case_provinces && ${p}::text[]`, filter.provinces);
  const aggregates = 'count(*)::int AS n, count(*) FILTER (WHERE s.probation)::int AS probation, count(s.fine)::int AS fined, sum(s.fine)::text AS fine_total';
  const grouped = dims.length > 0
    ? `SELECT GROUPING(${dims.map((d) => `s.${d}`).join(', ')}) AS g, ${dims.map((d) => `s.${d}`).join(', ')}, ${aggregates}
       FROM suspects s WHERE ${where.join(' AND ')}
       GROUP BY GROUPING SETS (${dims.map((d) => `(s.${d})`).join(', ')}, ())`
    : `SELECT 0 AS g, ${aggregates} FROM suspects s WHERE ${where.join(' AND ')}`;
  return { sql: grouped, params };
}

type Counts<K extends string> = Map<K, { count: number; probation: number }>;

const EMPTY: OutcomeDistributionModel = { known: 0, unknown: 0, buckets: [] };

/** Folds the grouping-set rows into the figures (pure; the shares and rounding are the domain's). */
export function foldOutcomes(rows: readonly GroupRow[], filter: OutcomeFilter, dims: readonly Dimension[] = DIMENSIONS): OutcomeAnalyticsModel {
  const all = (1 << dims.length) - 1;
  const of = (d: Dimension) => (dims.includes(d) ? rows.filter((r) => r.g === groupingOf(dims, d)) : []);
  const grand = rows.find((r) => r.g === all);
  const total = grand?.n ?? 0;
  const counted = <K extends string>(d: Dimension, key: (r: GroupRow) => K | null): { counts: Counts<K>; unknown: number } => {
    const counts: Counts<K> = new Map();
    let unknown = 0;
    for (const r of of(d)) {
      const k = key(r);
      if (k === null) unknown += r.n;
      else {
        const now = counts.get(k) ?? { count: 0, probation: 0 };
        counts.set(k, { count: now.count + r.n, probation: now.probation + r.probation });
      }
    }
    return { counts, unknown };
  };
  const single = <K extends string>(keys: readonly K[], d: Dimension, key: (r: GroupRow) => K | null): OutcomeDistributionModel => {
    if (!dims.includes(d)) return EMPTY;
    const { counts, unknown } = counted(d, key);
    return toModel(shareDistribution(keys, counts, unknown));
  };

  const chargeCounts: Counts<Charge> = new Map();
  for (const r of of('charges')) {
    for (const c of new Set(r.charges ?? [])) {
      const now = chargeCounts.get(c) ?? { count: 0, probation: 0 };
      chargeCounts.set(c, { count: now.count + r.n, probation: now.probation + r.probation });
    }
  }

  const byYear = new Map(of('verdict_year').filter((r) => r.verdict_year !== null).map((r) => [Number(r.verdict_year), r]));
  const dataYears = [...byYear.keys()].sort((a, b) => a - b);
  const from = filter.yearFrom ?? dataYears[0] ?? filter.yearTo ?? null;
  const to = filter.yearTo ?? dataYears.at(-1) ?? filter.yearFrom ?? null;
  const yearList = !dims.includes('verdict_year') || from === null || to === null ? [] : Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const yearCounts = yearList.map((y) => byYear.get(y)?.n ?? 0);
  const yearPercents = percentShares(yearCounts);
  const years: OutcomeYearModel[] = yearList.map((year, i) => {
    const probation = byYear.get(year)?.probation ?? 0;
    return { year, count: yearCounts[i], share: shareOf(yearCounts[i], total), percent: yearPercents[i], probation, probationPercent: roundedPercent(probation, yearCounts[i]) };
  });

  const probation = grand?.probation ?? 0;
  return {
    total,
    age: single(AGE_BANDS.map((b) => b.band), 'age_at_offence', (r) => (r.age_at_offence === null ? null : ageBandOf(r.age_at_offence))),
    education: single(Object.values(Education), 'education', (r) => r.education),
    employment: single(Object.values(Employment), 'employment', (r) => r.employment),
    roles: single(Object.values(SuspectRole), 'role', (r) => r.role),
    charges: dims.includes('charges') ? toModel(multiValuedShares(Object.values(Charge), chargeCounts, total)) : EMPTY,
    penalties: single(Object.values(Penalty), 'penalty', (r) => r.penalty),
    probation: { count: probation, of: total, share: shareOf(probation, total), percent: roundedPercent(probation, total) },
    years,
    medianSentenceMonths: lowerMedian(of('sentence_months').filter((r) => r.sentence_months !== null).map((r) => [Number(r.sentence_months), r.n] as const)),
    fines: { fined: grand?.fined ?? 0, total: grand?.fine_total ?? '0.00' },
  };
}

function toModel(d: ShareDistribution): OutcomeDistributionModel {
  const edges = new Map(AGE_BANDS.map((b) => [b.band as string, b]));
  return {
    known: d.known,
    unknown: d.unknown,
    buckets: d.buckets.map((b) => ({ ...b, from: edges.get(b.key)?.from ?? null, to: edges.get(b.key)?.to ?? null })),
  };
}

/**
 * The outcome analytics of the judgment study (age, education, employment, probation, cases per year, roles,
 * charges, penalties) over the judgments the caller may see: every query runs in the caller's transaction, so
 * row-level security keeps it to the agency's own cases and those shared with it.
 */
@Injectable()
export class OutcomesService {
  constructor(private readonly tx: RequestTransaction) {}

  async analytics(actor: Actor, filter: OutcomeFilter | null | undefined, prefix = 'filter.', dims: readonly Dimension[] = DIMENSIONS): Promise<OutcomeAnalyticsModel> {
    const f = filter ?? {};
    checkOutcomeFilter(f, prefix);
    // A dashboard query over tens of thousands of rows: JIT compilation would cost more than it saves.
    await this.tx.manager.query("SELECT set_config('jit', 'off', true)");
    const { sql, params } = outcomeQuery(f, dims);
    const rows = (await this.tx.manager.query(sql, params)) as GroupRow[];
    return foldOutcomes(rows, f, dims);
  }
}
