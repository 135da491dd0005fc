import { DashboardBucket } from './dashboard.model';
import type { FigureRow } from '@caselink/db';
import { addDays, bucketFor, bucketStarts, chinaToday, foldFigures, periodStart } from './dashboard.service';

const day = (date: string) => String(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
const row = (figure: string, k1: string | null, n: number | null, n2: number | null = null, amount: string | null = null, amount2: string | null = null): FigureRow =>
  ({ figure, k1, k2: null, n: n === null ? null : String(n), n2: n2 === null ? null : String(n2), amount, amount2 });

describe('dashboard figures', () => {
  it('periods are China calendar days ending today', () => {
    expect(chinaToday(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
    expect(periodStart('2026-11-23', 1)).toBe('2026-11-23');
    expect(periodStart('2026-03-01', 30)).toBe('2026-01-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('buckets: days, 7-day windows from the start, calendar months (the first partial)', () => {
    expect([bucketFor(30), bucketFor(31), bucketFor(90), bucketFor(184), bucketFor(365)]).toEqual(['DAY', 'DAY', 'WEEK', 'WEEK', 'MONTH']);
    expect(bucketStarts('2026-11-20', '2026-11-22', DashboardBucket.DAY)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    expect(bucketStarts('2026-11-01', '2026-11-15', DashboardBucket.WEEK)).toEqual(['2026-11-01', '2026-11-08', '2026-11-15']);
    expect(bucketStarts('2025-11-24', '2026-02-03', DashboardBucket.MONTH)).toEqual(['2025-11-24', '2025-12-01', '2026-01-01', '2026-02-01']);
  });

  it('folds the rows: totals, groups by size, exact money, freeze rate and median, cumulative series', () => {
    const rows: FigureRow[] = [
      row('cases', null, 3, 2, '15800.5'),
      row('fraud_type', 'ROMANCE', 1, 0, '5000.5'),
      row('fraud_type', 'INVESTMENT', 2, 2, '10800'),
      row('province', '53', 2, 1, '5800.50'),
      row('province', '52', 2, 1, '15000.50'),
      row('freezes', null, 3, 2, '4000.00', '1800.4'),
      row('overdue_requests', null, 1),
      row('tasks', null, 1, 2),
      row('series_before', null, 2, 1),
      row('series_joined', day('2026-11-20'), 1),
      row('series_joined', day('2026-11-22'), 2),
      row('series_new', day('2026-11-20'), 1),
      { figure: 'requests', k1: 'FREEZE', k2: 'SENT', n: '1', n2: null, amount: null, amount2: null },
      { figure: 'requests', k1: 'FREEZE', k2: 'FROZEN', n: '2', n2: null, amount: null, amount2: null },
    ];
    const d = foldFigures(rows, { days: 3, since: '2026-11-20', today: '2026-11-22', fraudType: null });
    expect(d.cases).toEqual({ cases: 3, openCases: 2, totalLoss: '15800.50' });
    expect(d.byFraudType.map((g) => g.key)).toEqual(['INVESTMENT', 'ROMANCE']);
    expect(d.byFraudType[0].totalLoss).toBe('10800.00');
    expect(d.byProvince.map((g) => g.key)).toEqual(['52', '53']);
    expect(d.freezes).toEqual({ answered: 3, held: 2, successRate: 2 / 3, amountHeld: '4000.00', medianAnswerSeconds: 1800 });
    expect(d.requestsByState).toEqual([{ type: 'FREEZE', state: 'FROZEN', count: 2 }, { type: 'FREEZE', state: 'SENT', count: 1 }]);
    expect([d.overdueRequestCount, d.openTasks, d.overdueTasks]).toEqual([1, 2, 1]);
    expect(d.seriesGrowth).toEqual([
      { start: '2026-11-20', newSeries: 1, joinedCases: 1, series: 2, linkedCases: 3 },
      { start: '2026-11-21', newSeries: 0, joinedCases: 0, series: 2, linkedCases: 3 },
      { start: '2026-11-22', newSeries: 0, joinedCases: 2, series: 2, linkedCases: 5 },
    ]);
  });

  it('no rows: zeros, no rate, no median', () => {
    const d = foldFigures([], { days: 1, since: '2026-11-22', today: '2026-11-22', fraudType: null });
    expect(d.cases).toEqual({ cases: 0, openCases: 0, totalLoss: '0.00' });
    expect(d.freezes).toEqual({ answered: 0, held: 0, successRate: null, amountHeld: '0.00', medianAnswerSeconds: null });
    expect(d.seriesGrowth).toEqual([{ start: '2026-11-22', newSeries: 0, joinedCases: 0, series: 0, linkedCases: 0 }]);
  });
});
