import type { EntityManager } from 'typeorm';
import { rowsOf } from '../agency-context';

/** A row of metrics_request_figures() (migration 1765800000000-metrics): one figure of the worker's request gauges. */
export interface RequestFigureRow {
  figure: string;
  label1: string;
  label2: string;
  value: number;
}

/**
 * Every request figure Prometheus reads from the worker, in one statement. As SYSTEM: row-level security shows
 * SYSTEM no request, metrics_request_figures() (SECURITY DEFINER) only counts.
 */
export async function requestFigures(m: EntityManager): Promise<RequestFigureRow[]> {
  return rowsOf<RequestFigureRow>(await m.query('SELECT * FROM metrics_request_figures()'));
}
