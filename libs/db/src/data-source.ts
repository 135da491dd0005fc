import { DataSource } from 'typeorm';
import { Foundation1763800000000 } from './migrations/1763800000000-foundation';
import { Cases1763900000000 } from './migrations/1763900000000-cases';
import { AttachmentsImports1764000000000 } from './migrations/1764000000000-attachments-imports';
import { ForeignKeyIndexes1764100000000 } from './migrations/1764100000000-foreign-key-indexes';
import { UserActiveCheck1764200000000 } from './migrations/1764200000000-user-active-check';
import { Linking1764300000000 } from './migrations/1764300000000-linking';
import { Requests1764400000000 } from './migrations/1764400000000-requests';
import { TaskForces1764600000000 } from './migrations/1764600000000-task-forces';
import { Outcomes1764500000000 } from './migrations/1764500000000-outcomes';
import { RiskSignals1764700000000 } from './migrations/1764700000000-risk-signals';
import { Bulletins1764800000000 } from './migrations/1764800000000-bulletins';
import { Dashboard1764900000000 } from './migrations/1764900000000-dashboard';
import { FundTraceSweep1765000000000 } from './migrations/1765000000000-fund-trace-sweep';
import { ActingOnSharedCases1765100000000 } from './migrations/1765100000000-acting-on-shared-cases';
import { ActingRoles1765200000000 } from './migrations/1765200000000-acting-roles';
import { Metrics1765800000000 } from './migrations/1765800000000-metrics';
import { SecondWall1765300000000 } from './migrations/1765300000000-second-wall';
import { SideDoors1765400000000 } from './migrations/1765400000000-side-doors';
import { AuthRaces1765500000000 } from './migrations/1765500000000-auth-races';
import { TaskAndAccessMachines1765600000000 } from './migrations/1765600000000-task-and-access-machines';
import { SecondFactor1765700000000 } from './migrations/1765700000000-second-factor';
import { SingleSignOn1765710000000 } from './migrations/1765710000000-single-sign-on';
import { Retention1765900000000 } from './migrations/1765900000000-retention';
import { AuditAnchors1765910000000 } from './migrations/1765910000000-audit-anchors';
import { Vocabularies1765920000000 } from './migrations/1765920000000-vocabularies';
import { MachineClients1765940000000 } from './migrations/1765940000000-machine-clients';
import { BankRouting1765930000000 } from './migrations/1765930000000-bank-routing';
import { ArchiveCases1765950000000 } from './migrations/1765950000000-archive-cases';
import { DashboardRollups1765960000000 } from './migrations/1765960000000-dashboard-rollups';
import { CaseSearch1765970000000 } from './migrations/1765970000000-case-search';
import { CaseSearchWalk1765980000000 } from './migrations/1765980000000-case-search-walk';
import { GoldenMinutesFromStops1765990000000 } from './migrations/1765990000000-golden-minutes-from-stops';
import { GoldenMinutesKept1766000000000 } from './migrations/1766000000000-golden-minutes-kept';
import { DashboardProvinceRollup1766010000000 } from './migrations/1766010000000-dashboard-province-rollup';
import { DashboardSeriesReach1766020000000 } from './migrations/1766020000000-dashboard-series-reach';

export const MIGRATIONS = [Foundation1763800000000, Cases1763900000000, AttachmentsImports1764000000000, ForeignKeyIndexes1764100000000, UserActiveCheck1764200000000, Linking1764300000000, Requests1764400000000, Outcomes1764500000000, TaskForces1764600000000, RiskSignals1764700000000, Bulletins1764800000000, Dashboard1764900000000, FundTraceSweep1765000000000, ActingOnSharedCases1765100000000, ActingRoles1765200000000, SecondWall1765300000000, SideDoors1765400000000, AuthRaces1765500000000, TaskAndAccessMachines1765600000000, SecondFactor1765700000000, SingleSignOn1765710000000, Metrics1765800000000, Retention1765900000000, AuditAnchors1765910000000, Vocabularies1765920000000, MachineClients1765940000000, BankRouting1765930000000, ArchiveCases1765950000000, DashboardRollups1765960000000, CaseSearch1765970000000, CaseSearchWalk1765980000000, GoldenMinutesFromStops1765990000000, GoldenMinutesKept1766000000000, DashboardProvinceRollup1766010000000, DashboardSeriesReach1766020000000];

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Give up connecting after this long (the replica: a dead standby must not hold a read up; the primary answers). */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL cancels any statement of an inAgencyTransaction running longer than this (SQLSTATE 57014, the
   * transaction rolls back); unset or 0: no limit. The api's data sources only: the worker's relinks, imports and
   * retention runs take minutes.
   */
  statementTimeoutMs?: number;
  /**
   * false: every inAgencyTransaction runs with PostgreSQL's JIT compilation off (set_config, as the timeout). The api's
   * queries are short; their cost estimates still cross jit_above_cost (a walk's per-case sub-plans, RLS counts), and
   * compiling them cost ~200 ms a search at 1M cases for queries that run in 90. Unset: the server's setting.
   */
  jit?: boolean;
}

/**
 * The statement timeout of each data source that has one, which inAgencyTransaction sets per transaction with
 * set_config(..., true) in its first round trip. Kept here rather than in TypeORM's options.extra, which goes to
 * pg's Pool: pg would send `statement_timeout` as a startup parameter, a session setting that pgbouncer in
 * transaction pooling refuses (or, told to ignore it, drops) and that would otherwise outlive the transaction on
 * a shared server connection. Weak, so a destroyed data source takes its entry with it.
 */
const STATEMENT_TIMEOUTS = new WeakMap<DataSource, number>();

/** The statement timeout in ms createDataSource gave this data source, or undefined when it has none. */
export const statementTimeoutOf = (dataSource: DataSource): number | undefined => STATEMENT_TIMEOUTS.get(dataSource);

/** Data sources created with `jit: false` (kept as the timeouts are, for inAgencyTransaction). */
const JIT_OFF = new WeakSet<DataSource>();

/** Whether inAgencyTransaction turns JIT compilation off on this data source (createDataSource's `jit: false`). */
export const jitOffOn = (dataSource: DataSource): boolean => JIT_OFF.has(dataSource);

/** A data source with every migration and no entities (SQL lives in the stores); never `synchronize`. */
export function createDataSource(options: DataSourceOptions): DataSource {
  const timeout = options.statementTimeoutMs ?? 0;
  if (!Number.isSafeInteger(timeout) || timeout < 0) throw new Error(`statementTimeoutMs must be a whole number of ms, 0 or more (got ${timeout})`);
  const ds = new DataSource({
    type: 'postgres',
    url: options.url,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? 'caselink', ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}) },
  });
  if (timeout > 0) STATEMENT_TIMEOUTS.set(ds, timeout);
  if (options.jit === false) JIT_OFF.add(ds);
  return ds;
}
