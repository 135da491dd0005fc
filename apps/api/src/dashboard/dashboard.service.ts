import { Injectable } from '@nestjs/common';
import { FraudType, RequestState, RequestType, Role } from '@caselink/domain';
import { dashboardFigures, type FigureRow, goldenMinutesFigures, type GoldenMinutesFigureRow, overdueOpenTasks, overdueRequestsOf } from '@caselink/db';
import type { Actor } from '../common/actor';
import { forbidden } from '../common/errors';
import { AgencyDirectory } from '../cases/agency-directory';
import { RequestTransaction } from '../database/request-transaction';
import { DashboardFilter } from './dashboard.dto';
import {
  DashboardBucket, DashboardCaseGroupModel, DashboardGoldenMinutesModel, DashboardOverdueRequestModel, DashboardOverdueTaskModel, DashboardScope,
  DashboardSeriesPointModel, SupervisorDashboardModel,
} from './dashboard.model';

const DAY_MS = 86_400_000;
const LIST_SIZE = 20;

/** Today's date in China (YYYY-MM-DD): periods and buckets are Asia/Shanghai calendar days. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The first day of a period of `days` days ending today. */
export const periodStart = (today: string, days: number): string => addDays(today, 1 - days);

export function bucketFor(days: number): DashboardBucket {
  return days <= 31 ? DashboardBucket.DAY : days <= 184 ? DashboardBucket.WEEK : DashboardBucket.MONTH;
}

/** First days of the buckets from `since` to `today`: days, 7-day windows from `since`, or calendar months (the first one partial). */
export function bucketStarts(since: string, today: string, bucket: DashboardBucket): string[] {
  const out: string[] = [];
  for (let d = since; d <= today; ) {
    out.push(d);
    if (bucket === DashboardBucket.DAY) d = addDays(d, 1);
    else if (bucket === DashboardBucket.WEEK) d = addDays(d, 7);
    else {
      const [y, m] = d.split('-').map(Number);
      d = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    }
  }
  return out;
}

const num = (v: string | number | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));
const money = (v: string | null | undefined): string => (v === null || v === undefined ? '0.00' : fixed2(v));

/** A numeric from PostgreSQL with exactly two decimals, without going through a float. */
function fixed2(v: string): string {
  const [whole, frac = ''] = v.split('.');
  return `${whole}.${(frac + '00').slice(0, 2)}`;
}

const byCasesThenKey = (a: DashboardCaseGroupModel, b: DashboardCaseGroupModel) => b.cases - a.cases || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Folds the figure rows into the dashboard (pure: the scope, lists and region are the caller's). */
export function foldFigures(
  rows: readonly FigureRow[],
  period: { days: number; since: string; today: string; fraudType: FraudType | null },
): Omit<SupervisorDashboardModel, 'scope' | 'region' | 'overdueRequests' | 'tasks' | 'goldenMinutes'> & { overdueRequestCount: number; openTasks: number; overdueTasks: number } {
  const of = (figure: string) => rows.filter((r) => r.figure === figure);
  const group = (r: FigureRow): DashboardCaseGroupModel => ({ key: r.k1 as string, cases: num(r.n), openCases: num(r.n2), totalLoss: money(r.amount) });
  const total = of('cases')[0];
  const freezes = of('freezes')[0];
  const answered = num(freezes?.n);
  const held = num(freezes?.n2);
  const median = freezes?.amount2 ?? null;

  const bucket = bucketFor(period.days);
  const starts = bucketStarts(period.since, period.today, bucket);
  // Series days come as China day numbers (days since 1970-01-01 in UTC+8).
  const dayOf = (r: FigureRow) => new Date(Number(r.k1) * DAY_MS).toISOString().slice(0, 10);
  const joined = new Map(of('series_joined').map((r) => [dayOf(r), num(r.n)]));
  const formed = new Map(of('series_new').map((r) => [dayOf(r), num(r.n)]));
  const before = of('series_before')[0];
  let series = num(before?.n2);
  let linked = num(before?.n);
  const seriesGrowth: DashboardSeriesPointModel[] = starts.map((start, i) => {
    const end = starts[i + 1] ?? addDays(period.today, 1);
    let newSeries = 0;
    let joinedCases = 0;
    for (let d = start; d < end; d = addDays(d, 1)) {
      newSeries += formed.get(d) ?? 0;
      joinedCases += joined.get(d) ?? 0;
    }
    series += newSeries;
    linked += joinedCases;
    return { start, newSeries, joinedCases, series, linkedCases: linked };
  });

  const tasks = of('tasks')[0];
  return {
    periodDays: period.days,
    since: period.since,
    fraudType: period.fraudType,
    cases: { cases: num(total?.n), openCases: num(total?.n2), totalLoss: money(total?.amount) },
    byProvince: of('province').map(group).sort(byCasesThenKey),
    byFraudType: of('fraud_type').map(group).sort(byCasesThenKey),
    seriesBucket: bucket,
    seriesGrowth,
    requestsByState: of('requests')
      .map((r) => ({ type: r.k1 as RequestType, state: r.k2 as RequestState, count: num(r.n) }))
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : b.count - a.count)),
    freezes: {
      answered,
      held,
      successRate: answered > 0 ? held / answered : null,
      amountHeld: money(freezes?.amount),
      medianAnswerSeconds: median === null ? null : Math.round(Number(median)),
    },
    overdueRequestCount: num(of('overdue_requests')[0]?.n),
    openTasks: num(tasks?.n2),
    overdueTasks: num(tasks?.n),
  };
}

/** The golden minutes' figures (medians in whole seconds) over the period's `cases` (the dashboard's own count). */
export function foldGoldenMinutes(r: GoldenMinutesFigureRow, cases: number): DashboardGoldenMinutesModel {
  const seconds = (v: string | null) => (v === null ? null : Math.round(Number(v)));
  return {
    cases, stopped: num(r.stopped), held: num(r.held),
    medianReportToStopSeconds: seconds(r.report_to_stop_seconds), medianStopToHeldSeconds: seconds(r.stop_to_held_seconds),
  };
}

/**
 * The supervisor dashboard. Everything runs in the caller's transaction: READABLE figures under its row-level
 * security (dashboard_figures() has the invoker's rights); REGION figures through dashboard_region_figures(), which
 * checks again in PostgreSQL that the caller is an active supervisor of a police agency and returns aggregates only.
 * The lists behind the drill-downs are always read under the caller's own policies.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  async supervisorDashboard(actor: Actor, filter: DashboardFilter | null | undefined, now = new Date()): Promise<SupervisorDashboardModel> {
    const days = filter?.periodDays ?? 90;
    const fraudType = filter?.fraudType ?? null;
    const supervisor = actor.roles.includes(Role.SUPERVISOR);
    const scope = filter?.scope ?? (supervisor ? DashboardScope.REGION : DashboardScope.READABLE);
    if (scope === DashboardScope.REGION && !supervisor) throw forbidden('Region figures are for supervisors; ask for scope READABLE');
    const today = chinaToday(now);
    const since = periodStart(today, days);
    const rows = await dashboardFigures(this.tx.manager, { region: scope === DashboardScope.REGION, since, fraudType, months: bucketFor(days) === DashboardBucket.MONTH });
    const figures = foldFigures(rows, { days, since, today, fraudType });
    const goldenMinutes = foldGoldenMinutes(await goldenMinutesFigures(this.tx.manager, { region: scope === DashboardScope.REGION, since, fraudType }), figures.cases.cases);
    const requests = await this.overdueRequests(actor, fraudType);
    const tasks = await this.overdueTasks();
    const { overdueRequestCount, openTasks, overdueTasks, ...rest } = figures;
    return {
      scope,
      region: scope === DashboardScope.REGION ? (await this.directory.get(actor.agencyId)).region : null,
      ...rest,
      goldenMinutes,
      overdueRequests: { count: overdueRequestCount, items: requests },
      tasks: { open: openTasks, overdue: overdueTasks, items: tasks },
    };
  }

  /** The agency's own overdue requests (the drill-down list; row-level security would allow no others anyway). */
  private async overdueRequests(actor: Actor, fraudType: FraudType | null): Promise<DashboardOverdueRequestModel[]> {
    const rows = await overdueRequestsOf(this.tx.manager, actor.agencyId, fraudType, LIST_SIZE);
    return Promise.all(rows.map(async (r) => ({
      id: r.id, reference: r.reference, type: r.type, kind: r.kind, state: r.state, caseNumber: r.case_number, toAgency: await this.directory.get(r.to_agency_id), deadlineAt: r.deadline_at,
    })));
  }

  /** Overdue tasks of the open task forces the agency is in (row-level security: task_force_tasks_read). */
  private async overdueTasks(): Promise<DashboardOverdueTaskModel[]> {
    const rows = await overdueOpenTasks(this.tx.manager, LIST_SIZE);
    return Promise.all(rows.map(async (r) => ({
      id: r.id, taskForceId: r.task_force_id, taskForceName: r.name, kind: r.kind, title: r.title, status: r.status, province: r.province,
      assigneeAgency: await this.directory.get(r.assignee_agency_id), dueAt: r.due_at,
    })));
  }
}
