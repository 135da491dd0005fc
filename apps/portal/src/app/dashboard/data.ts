/** The supervisorDashboard query (docs/api-dashboard.graphql) and its shape, and the drill-down addresses. */
import type { RequestStateName, RequestTypeName } from '../../lib/types';

export type Scope = 'READABLE' | 'REGION';

export interface CaseFigures {
  cases: number;
  openCases: number;
  totalLoss: string;
}
export interface CaseGroup extends CaseFigures {
  key: string;
}
export interface SeriesPoint {
  start: string;
  newSeries: number;
  joinedCases: number;
  series: number;
  linkedCases: number;
}
export interface RequestCount {
  type: RequestTypeName;
  state: RequestStateName;
  count: number;
}
export interface OverdueRequest {
  id: string;
  reference: string;
  type: RequestTypeName;
  state: RequestStateName;
  caseNumber: string;
  toAgency: { id: string; name: string; nameEn: string };
  deadlineAt: string;
}
export interface OverdueTask {
  id: string;
  taskForceId: string;
  taskForceName: string;
  title: string;
  status: string;
  province: string | null;
  assigneeAgency: { id: string; name: string; nameEn: string };
  dueAt: string;
}
export interface DashboardData {
  scope: Scope;
  region: string | null;
  periodDays: number;
  since: string;
  fraudType: string | null;
  cases: CaseFigures;
  byProvince: CaseGroup[];
  byFraudType: CaseGroup[];
  seriesBucket: 'DAY' | 'WEEK' | 'MONTH';
  seriesGrowth: SeriesPoint[];
  requestsByState: RequestCount[];
  freezes: { answered: number; held: number; successRate: number | null; amountHeld: string; medianAnswerSeconds: number | null };
  overdueRequests: { count: number; items: OverdueRequest[] };
  tasks: { open: number; overdue: number; items: OverdueTask[] };
}

const GROUP = 'key cases openCases totalLoss';
const AGENCY = 'id name nameEn';
export const SUPERVISOR_DASHBOARD = `query SupervisorDashboard($filter: DashboardFilter) { supervisorDashboard(filter: $filter) {
  scope region periodDays since fraudType cases { cases openCases totalLoss } byProvince { ${GROUP} } byFraudType { ${GROUP} }
  seriesBucket seriesGrowth { start newSeries joinedCases series linkedCases } requestsByState { type state count }
  freezes { answered held successRate amountHeld medianAnswerSeconds }
  overdueRequests { count items { id reference type state caseNumber toAgency { ${AGENCY} } deadlineAt } }
  tasks { open overdue items { id taskForceId taskForceName title status province assigneeAgency { ${AGENCY} } dueAt } }
} }`;

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
