import type { EntityManager } from 'typeorm';
import type { FraudType } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * The golden minutes (issue 16): report → first emergency stop or freeze sent → first funds held, per case and as
 * medians over the dashboard's period. case_golden_minutes() and dashboard_golden_minutes() (migration
 * 1765930000000-bank-routing) read the timestamps of every agency's freezes on the cases the caller reads, and
 * nothing else of them.
 */

/** A case's golden minutes: when it was reported (its first victim statement, else its creation), first stopped, first held. */
export interface CaseGoldenMinutesRow {
  case_id: string;
  reported_at: Date;
  first_stop_at: Date | null;
  first_held_at: Date | null;
}

/** The golden minutes of the cases the caller reads (others are left out), in one statement. */
export async function caseGoldenMinutes(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseGoldenMinutesRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = rowsOf<CaseGoldenMinutesRow>(await m.query('SELECT * FROM case_golden_minutes($1::uuid[])', [caseIds]));
  return new Map(rows.map((r) => [r.case_id, r]));
}

/**
 * The dashboard's golden minutes: how many cases reported in the period were stopped and held, the median seconds of
 * each step (how many were reported is the dashboard's case count: migration 1765990000000).
 */
export interface GoldenMinutesFigureRow {
  stopped: string;
  held: string;
  report_to_stop_seconds: string | null;
  stop_to_held_seconds: string | null;
}

/** Over the cases reported since a day (Asia/Shanghai) the caller reads, or (region) its supervised region's too. */
export async function goldenMinutesFigures(m: EntityManager, f: { region: boolean; since: string; fraudType: FraudType | null }): Promise<GoldenMinutesFigureRow> {
  const [row] = rowsOf<GoldenMinutesFigureRow>(await m.query('SELECT * FROM dashboard_golden_minutes($1::date, $2, $3)', [f.since, f.fraudType, f.region]));
  return row ?? { stopped: '0', held: '0', report_to_stop_seconds: null, stop_to_held_seconds: null };
}
