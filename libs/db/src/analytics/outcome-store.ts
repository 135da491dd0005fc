import type { EntityManager } from 'typeorm';
import type { Charge, Education, Employment, FraudType, Penalty, SuspectRole } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * The outcome analytics of the judgment study (issue 15): one scan of the judgments the caller may see, one grouping
 * set per dimension asked for. Runs in the caller's transaction, so row-level security keeps it to the agency's own
 * cases and those shared with it.
 */

/** What the analytics group by, one grouping set each (plus the grand total), in the order of GROUPING(...). */
export const OUTCOME_DIMENSIONS = ['age_at_offence', 'education', 'employment', 'role', 'verdict_year', 'penalty', 'charges', 'sentence_months'] as const;
export type OutcomeDimension = (typeof OUTCOME_DIMENSIONS)[number];

/** Which judgments count; every part narrows, lists match any of their values (the api's OutcomeFilter fits). */
export interface OutcomeGroupFilter {
  yearFrom?: number | null;
  yearTo?: number | null;
  fraudTypes?: readonly FraudType[] | null;
  provinces?: readonly string[] | null;
  charges?: readonly Charge[] | null;
  roles?: readonly SuspectRole[] | null;
}

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

/** GROUPING(...) of the set grouped by `d` alone: every bit set but d's (the first argument is the highest bit). */
export const groupingOf = (dims: readonly OutcomeDimension[], d: OutcomeDimension): number =>
  ((1 << dims.length) - 1) ^ (1 << (dims.length - 1 - dims.indexOf(d)));

/** The SQL of the analytics (exported for the benchmark, which runs it straight at PostgreSQL). */
export function outcomeQuery(filter: OutcomeGroupFilter, dims: readonly OutcomeDimension[] = OUTCOME_DIMENSIONS): { sql: string; params: unknown[] } {
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

/** The grouping-set rows of the visible judgments the filter keeps, for the dimensions asked for. */
export async function outcomeGroups(m: EntityManager, filter: OutcomeGroupFilter, dims: readonly OutcomeDimension[] = OUTCOME_DIMENSIONS): Promise<GroupRow[]> {
  // A dashboard query over tens of thousands of rows: JIT compilation would cost more than it saves.
  await m.query("SELECT set_config('jit', 'off', true)");
  const { sql, params } = outcomeQuery(filter, dims);
  return rowsOf<GroupRow>(await m.query(sql, params));
}
