import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** The node-postgres pool TypeORM keeps behind a DataSource (its `master`), as far as metrics need it. */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Connections of each named pool (label `pool`: a fixed name, never a URL), read from the pg Pool at scrape time:
 * `waiting` above zero for minutes means DB_POOL_SIZE is too small or transactions are held too long.
 */
export function registerPoolGauges(registry: Registry, pools: Record<string, DataSource>): void {
  const counts = (name: string): PgPoolCounts | undefined => {
    const ds = pools[name];
    return ds?.isInitialized ? ((ds.driver as unknown as { master?: PgPoolCounts }).master ?? undefined) : undefined;
  };
  const gauge = (metric: string, help: string, read: (p: PgPoolCounts) => number) =>
    new Gauge({
      name: metric, help, labelNames: ['pool'], registers: [registry],
      collect() {
        for (const name of Object.keys(pools)) {
          const p = counts(name);
          if (p) this.set({ pool: name }, read(p));
        }
      },
    });
  gauge('caselink_db_pool_connections', 'Connections open in the PostgreSQL pool (busy and idle).', (p) => p.totalCount);
  gauge('caselink_db_pool_idle', 'Idle connections in the PostgreSQL pool.', (p) => p.idleCount);
  gauge('caselink_db_pool_waiting', 'Queries waiting for a free connection of the PostgreSQL pool.', (p) => p.waitingCount);
}
