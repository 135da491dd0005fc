import type { EntityManager } from 'typeorm';
import type { RiskRule } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Thresholds of the risk rules per region (issue 15): the statements on risk_thresholds. Which value applies to a
 * region (the region, its city, its province, the national default) is the domain's effectiveThreshold and, inside
 * the rules engine's SQL, PostgreSQL's risk_threshold(); who may set one is row-level security's and the api's.
 */

export interface RiskThresholdRow {
  region: string;
  rule: RiskRule;
  /** numeric(18,2) as text. */
  value: string;
}

/** The thresholds set for any of `regions` (a region's chain up to the national defaults). */
export async function riskThresholdsOf(m: EntityManager, regions: readonly string[]): Promise<RiskThresholdRow[]> {
  return rowsOf<RiskThresholdRow>(await m.query('SELECT region, rule, value::text FROM risk_thresholds WHERE region = ANY ($1::text[])', [regions]));
}

/**
 * Sets a region's threshold of a rule, in one statement that also answers the value it replaced (null when the
 * region had none of its own): the upsert's sub-select reads the snapshot from before it.
 */
export async function setRiskThreshold(
  m: EntityManager, t: { region: string; rule: RiskRule; value: string; setBy: string; setByAgency: string },
): Promise<{ previous: string | null }> {
  const [row] = rowsOf<{ previous: string | null }>(await m.query(
    `WITH before AS (SELECT value::text AS value FROM risk_thresholds WHERE region = $1 AND rule = $2)
     INSERT INTO risk_thresholds (region, rule, value, set_by, set_by_agency) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (region, rule) DO UPDATE SET value = EXCLUDED.value, set_by = EXCLUDED.set_by, set_by_agency = EXCLUDED.set_by_agency, updated_at = now()
     RETURNING (SELECT value FROM before) AS previous`,
    [t.region, t.rule, t.value, t.setBy, t.setByAgency],
  ));
  return { previous: row.previous };
}
