'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useFormatSeconds } from '../../lib/freeze-batches';
import type { DashboardData } from './data';
import dash from './dashboard.module.css';
import styles from '../../components/emergency-stops/emergency-stops.module.css';

/**
 * The golden minutes over the period's cases: the median time from the report to the first emergency stop sent, and
 * from there to the first money a bank held, as two bars on one scale with the figures beside them; how many cases
 * got that far under them.
 */
export function GoldenMinutes({ golden }: { golden: DashboardData['goldenMinutes'] }) {
  const t = useTranslations('emergencyStops');
  const locale = useLocale();
  const formatSeconds = useFormatSeconds();
  const legs = [
    { key: 'reportToStop', seconds: golden.medianReportToStopSeconds, fill: styles.barStop, count: golden.stopped },
    { key: 'stopToHeld', seconds: golden.medianStopToHeldSeconds, fill: styles.barHeld, count: golden.held },
  ] as const;
  const scale = Math.max(1, ...legs.map((l) => l.seconds ?? 0));
  // On one scale; a leg of a few seconds beside one of days still shows as a sliver.
  const barWidth = (s: number | null) => (s == null ? '0%' : `${Math.max(2, Math.round((s / scale) * 100))}%`);
  const percent = (n: number) => (golden.cases === 0 ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(n / golden.cases));
  return (
    <section className={`card ${dash.card}`} aria-labelledby="dashboard-golden-title" data-testid="dashboard-golden-minutes"
      data-cases={golden.cases} data-stopped={golden.stopped} data-held={golden.held}
      data-median-report-to-stop={golden.medianReportToStopSeconds ?? ''} data-median-stop-to-held={golden.medianStopToHeldSeconds ?? ''}>
      <h2 id="dashboard-golden-title">{t('goldenTitle')}</h2>
      <p className="muted small">{t('dashboardGoldenIntro')}</p>
      <div className={styles.bars}>
        {legs.map((l) => (
          <div key={l.key} className={styles.barRow} data-testid={`golden-median-${l.key}`}>
            <span id={`golden-leg-${l.key}`}>{t(`median.${l.key}`)}</span>
            <div className={styles.barTrack} role="img" aria-labelledby={`golden-leg-${l.key} golden-value-${l.key}`}>
              <div className={`${styles.barFill} ${l.fill}`} style={{ width: barWidth(l.seconds) }} />
            </div>
            <span className={styles.barValue} id={`golden-value-${l.key}`} data-testid={`golden-median-${l.key}-value`}>
              {formatSeconds(l.seconds)}
            </span>
          </div>
        ))}
      </div>
      <ul className={styles.bankCounts}>
        <li data-testid="golden-cases">{t('goldenCases', { count: golden.cases })}</li>
        <li data-testid="golden-stopped">{t('goldenStopped', { count: golden.stopped, share: percent(golden.stopped) })}</li>
        <li data-testid="golden-held">{t('goldenHeld', { count: golden.held, share: percent(golden.held) })}</li>
      </ul>
    </section>
  );
}
