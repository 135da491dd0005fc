/** The supervisorDashboard query (docs/api-dashboard.graphql) and its shape, and the drill-down addresses. */
import { graphql } from '../../gql';
import type { DashboardScope, SupervisorDashboardQuery } from '../../gql/graphql';

export type Scope = DashboardScope;
export type DashboardData = SupervisorDashboardQuery['supervisorDashboard'];
export type CaseFigures = DashboardData['cases'];
export type CaseGroup = DashboardData['byProvince'][number];
export type SeriesPoint = DashboardData['seriesGrowth'][number];
export type RequestCount = DashboardData['requestsByState'][number];
export type OverdueRequest = DashboardData['overdueRequests']['items'][number];
export type OverdueTask = DashboardData['tasks']['items'][number];

graphql(`fragment DashboardGroup on DashboardCaseGroup { key cases openCases totalLoss }`);
export const SUPERVISOR_DASHBOARD = graphql(`query SupervisorDashboard($filter: DashboardFilter) { supervisorDashboard(filter: $filter) {
  scope region periodDays since fraudType cases { cases openCases totalLoss } byProvince { ...DashboardGroup } byFraudType { ...DashboardGroup }
  seriesBucket seriesGrowth { start newSeries joinedCases series linkedCases } requestsByState { type state count }
  freezes { answered held successRate amountHeld medianAnswerSeconds }
  goldenMinutes { cases stopped held medianReportToStopSeconds medianStopToHeldSeconds }
  overdueRequests { count items { id reference type state caseNumber toAgency { id name nameEn } deadlineAt } }
  tasks { open overdue items { id taskForceId taskForceName title status province assigneeAgency { id name nameEn } dueAt } }
} }`);

export const PERIODS = [30, 90, 365] as const;

/** The case list with the bar's filter: the cases of the period the viewer may open. */
export function casesHref(since: string, filter: { province?: string; fraudType?: string | null }): string {
  const q = new URLSearchParams({ from: since });
  if (filter.province) q.set('province', filter.province);
  if (filter.fraudType) q.set('types', filter.fraudType);
  return `/cases?${q.toString()}`;
}

/** The outgoing requests of one type in one state. */
export const requestsHref = (type: string, state: string): string => `/requests?${new URLSearchParams({ direction: 'OUTGOING', type, state }).toString()}`;
export const OVERDUE_REQUESTS_HREF = '/requests?direction=OUTGOING&show=OVERDUE';
