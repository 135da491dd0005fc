import { CaseStatus, FraudType } from '@caselink/domain';

/** The list's filters as kept in the address, so "back" from a case returns to the same list. */
export interface CaseFilters {
  fraudTypes: FraudType[];
  status: CaseStatus | '';
  province: string;
  reportedFrom: string;
  reportedTo: string;
  minLoss: string;
  maxLoss: string;
  search: string;
}

export const NO_FILTERS: CaseFilters = {
  fraudTypes: [],
  status: '',
  province: '',
  reportedFrom: '',
  reportedTo: '',
  minLoss: '',
  maxLoss: '',
  search: '',
};

const FRAUD_TYPES = Object.values(FraudType) as string[];
const STATUSES = Object.values(CaseStatus) as string[];

export function filtersFromQuery(query: URLSearchParams): CaseFilters {
  const status = query.get('status') ?? '';
  return {
    fraudTypes: (query.get('types') ?? '').split(',').filter((t) => FRAUD_TYPES.includes(t)) as FraudType[],
    status: STATUSES.includes(status) ? (status as CaseStatus) : '',
    province: query.get('province') ?? '',
    reportedFrom: query.get('from') ?? '',
    reportedTo: query.get('to') ?? '',
    minLoss: query.get('minLoss') ?? '',
    maxLoss: query.get('maxLoss') ?? '',
    search: query.get('q') ?? '',
  };
}

export function filtersToQuery(f: CaseFilters): string {
  const q = new URLSearchParams();
  if (f.fraudTypes.length) q.set('types', f.fraudTypes.join(','));
  if (f.status) q.set('status', f.status);
  if (f.province) q.set('province', f.province);
  if (f.reportedFrom) q.set('from', f.reportedFrom);
  if (f.reportedTo) q.set('to', f.reportedTo);
  if (f.minLoss.trim()) q.set('minLoss', f.minLoss.trim());
  if (f.maxLoss.trim()) q.set('maxLoss', f.maxLoss.trim());
  if (f.search.trim()) q.set('q', f.search.trim());
  return q.toString();
}

/** The api's CaseFilter: only what is set. */
export function toApiFilter(f: CaseFilters): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (f.fraudTypes.length) out.fraudTypes = f.fraudTypes;
  if (f.status) out.statuses = [f.status];
  if (f.province) out.province = f.province;
  if (f.reportedFrom) out.reportedFrom = f.reportedFrom;
  if (f.reportedTo) out.reportedTo = f.reportedTo;
  if (f.minLoss.trim()) out.minLoss = f.minLoss.trim();
  if (f.maxLoss.trim()) out.maxLoss = f.maxLoss.trim();
  if (f.search.trim()) out.search = f.search.trim();
  return Object.keys(out).length ? out : null;
}

export function activeFilterCount(f: CaseFilters): number {
  return (Object.keys(toApiFilter(f) ?? {}) as string[]).length;
}
