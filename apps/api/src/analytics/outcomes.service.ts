import { Injectable } from '@nestjs/common';
import {
  AGE_BANDS, ageBandOf, Charge, Education, Employment, lowerMedian, multiValuedShares, Penalty, percentShares, roundedPercent, shareDistribution,
  ShareDistribution, shareOf, SuspectRole,
} from '@caselink/domain';
import { type GroupRow, groupingOf, OUTCOME_DIMENSIONS, type OutcomeDimension, outcomeGroups } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { OutcomeFilter } from './analytics.dto';
import { OutcomeAnalyticsModel, OutcomeDistributionModel, OutcomeYearModel } from './outcome.model';

/** The grouping sets each field of OutcomeAnalytics needs: a dashboard pays only for the figures it shows. */
const FIELD_DIMENSIONS: Readonly<Record<string, OutcomeDimension>> = {
  age: 'age_at_offence', education: 'education', employment: 'employment', roles: 'role', years: 'verdict_year', penalties: 'penalty', charges: 'charges',
  medianSentenceMonths: 'sentence_months',
};

/** The dimensions behind the selected fields (total, probation and fines come from the grand total). */
export function dimensionsFor(fields: Iterable<string>): OutcomeDimension[] {
  const wanted = new Set<OutcomeDimension>();
  for (const f of fields) {
    const d = FIELD_DIMENSIONS[f];
    if (d) wanted.add(d);
  }
  return OUTCOME_DIMENSIONS.filter((d) => wanted.has(d));
}

/** Checks that the parts of a filter fit together (each part's own checks are the DTO's), naming the field. */
export function checkOutcomeFilter(filter: OutcomeFilter, prefix = 'filter.'): void {
  if (filter.yearFrom != null && filter.yearTo != null && filter.yearFrom > filter.yearTo) {
    throw badInput(`${prefix}yearTo`, `must not be before ${prefix}yearFrom (${filter.yearFrom})`);
  }
}

type Counts<K extends string> = Map<K, { count: number; probation: number }>;

const EMPTY: OutcomeDistributionModel = { known: 0, unknown: 0, buckets: [] };

/** Folds the grouping-set rows into the figures (pure; the shares and rounding are the domain's). */
export function foldOutcomes(rows: readonly GroupRow[], filter: OutcomeFilter, dims: readonly OutcomeDimension[] = OUTCOME_DIMENSIONS): OutcomeAnalyticsModel {
  const all = (1 << dims.length) - 1;
  const of = (d: OutcomeDimension) => (dims.includes(d) ? rows.filter((r) => r.g === groupingOf(dims, d)) : []);
  const grand = rows.find((r) => r.g === all);
  const total = grand?.n ?? 0;
  const counted = <K extends string>(d: OutcomeDimension, key: (r: GroupRow) => K | null): { counts: Counts<K>; unknown: number } => {
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
  const single = <K extends string>(keys: readonly K[], d: OutcomeDimension, key: (r: GroupRow) => K | null): OutcomeDistributionModel => {
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

  async analytics(actor: Actor, filter: OutcomeFilter | null | undefined, prefix = 'filter.', dims: readonly OutcomeDimension[] = OUTCOME_DIMENSIONS): Promise<OutcomeAnalyticsModel> {
    const f = filter ?? {};
    checkOutcomeFilter(f, prefix);
    return foldOutcomes(await outcomeGroups(this.tx.manager, f, dims), f, dims);
  }
}
