'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { stateTone } from '../../lib/requests';
import type { RequestStateName } from '../../lib/types';
import type { CaseGroup, RequestCount, SeriesPoint } from './data';
import { requestsHref } from './data';
import styles from './dashboard.module.css';

/** Request-state colour families, the chart fills of the badges' tones (globals.css .rq-*). */
const TONE_FILL: Record<ReturnType<typeof stateTone>, string> = {
  draft: '#94a3b8',
  sent: '#1748a0',
  working: '#d08a1c',
  done: '#2e9150',
  empty: '#64748b',
  refused: '#c0392b',
  over: '#9ca3af',
};
const OPEN_FILL = '#1f5fbf';
const CLOSED_FILL = '#a9c1e6';
const LOSS_FILL = '#c77d12';

const compact = (locale: string) => (n: number) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);

interface GroupChartProps {
  testId: string;
  groups: CaseGroup[];
  label(key: string): string;
  href(key: string): string;
  locale: string;
  formatMoney(amount: string): string;
}

/**
 * Cases per group (open and closed stacked) and their losses; a click on a group opens the case list with its filter.
 * Horizontal bars: province and fraud-type names stay readable in both languages.
 */
export function CaseGroupChart({ testId, groups, label, href, locale, formatMoney }: GroupChartProps) {
  const t = useTranslations('dashboard');
  const router = useRouter();
  const rows = groups.map((g) => ({ key: g.key, name: label(g.key), open: g.openCases, closed: g.cases - g.openCases, loss: Number(g.totalLoss), lossText: formatMoney(g.totalLoss) }));
  const height = Math.max(160, rows.length * 30 + 60);
  const open = (key: string | undefined) => key && router.push(href(key));
  return (
    <div className={styles.chartPair} data-testid={testId}>
      <div className={styles.chart} style={{ height }} data-testid={`${testId}-cases`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={compact(locale)} />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar isAnimationActive={false} dataKey="open" name={t('openCases')} stackId="cases" fill={OPEN_FILL} cursor="pointer" onClick={(d: { payload?: { key?: string } }) => open(d.payload?.key)} />
            <Bar isAnimationActive={false} dataKey="closed" name={t('closedCases')} stackId="cases" fill={CLOSED_FILL} cursor="pointer" onClick={(d: { payload?: { key?: string } }) => open(d.payload?.key)} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className={styles.chart} style={{ height }} data-testid={`${testId}-loss`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={compact(locale)} />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(_value, _name, item) => [(item.payload as { lossText: string }).lossText, t('loss')]} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar isAnimationActive={false} dataKey="loss" name={t('loss')} fill={LOSS_FILL} cursor="pointer" onClick={(d: { payload?: { key?: string } }) => open(d.payload?.key)} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* The same drill-downs as links: keyboard, screen readers and browser tests. */}
      <ul className={styles.drillList}>
        {rows.map((r) => (
          <li key={r.key}>
            <a href={href(r.key)} data-testid={`${testId}-drill`} data-key={r.key} onClick={(e) => { e.preventDefault(); router.push(href(r.key)); }}>
              {r.name} · {r.open + r.closed}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Series growth: cases in a series and series formed, cumulative over the period. */
export function SeriesGrowthChart({ points, formatStart, locale }: { points: SeriesPoint[]; formatStart(date: string): string; locale: string }) {
  const t = useTranslations('dashboard');
  const rows = points.map((p) => ({ ...p, label: formatStart(p.start) }));
  return (
    <div className={styles.chart} style={{ height: 260 }} data-testid="dashboard-series-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis allowDecimals={false} tickFormatter={compact(locale)} width={48} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {/* One axis: a series holds two cases or more, so its line stays under the cases' and both stay readable. */}
          <Area isAnimationActive={false} type="linear" dataKey="linkedCases" name={t('linkedCases')} stroke="#1f5fbf" strokeWidth={2} fill="#1f5fbf" fillOpacity={0.15} />
          <Area isAnimationActive={false} type="linear" dataKey="series" name={t('seriesCount')} stroke="#c77d12" strokeWidth={2} fill="#c77d12" fillOpacity={0.2} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Requests by type, stacked by state in the request-state colours; a click opens the outgoing requests in that state. */
export function RequestsByStateChart({ counts }: { counts: RequestCount[] }) {
  const t = useTranslations('dashboard');
  const tType = useTranslations('requestTypes');
  const tState = useTranslations('requestStates');
  const router = useRouter();
  const types = [...new Set(counts.map((c) => c.type))];
  const states = [...new Set(counts.map((c) => c.state))] as RequestStateName[];
  const rows = types.map((type) => ({
    type,
    name: tType(type),
    ...Object.fromEntries(counts.filter((c) => c.type === type).map((c) => [c.state, c.count])),
  }));
  return (
    <div data-testid="dashboard-requests-chart">
      <div className={styles.chart} style={{ height: Math.max(150, types.length * 44 + 70) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {states.map((state) => (
              <Bar key={state} isAnimationActive={false} dataKey={state} name={tState(state)} stackId="states" fill={TONE_FILL[stateTone(state)]} stroke="#fff" strokeWidth={0.5} cursor="pointer"
                onClick={(d: { payload?: { type?: string } }) => d.payload?.type && router.push(requestsHref(d.payload.type, state))} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.drillList} aria-label={t('requestsByState')}>
        {counts.map((c) => (
          <li key={`${c.type}-${c.state}`}>
            <a href={requestsHref(c.type, c.state)} data-testid="dashboard-requests-drill" data-type={c.type} data-state={c.state}
              onClick={(e) => { e.preventDefault(); router.push(requestsHref(c.type, c.state)); }}>
              <span className={styles.swatch} style={{ background: TONE_FILL[stateTone(c.state)] }} aria-hidden="true" />
              {tType(c.type)} · {tState(c.state)} · {c.count}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
