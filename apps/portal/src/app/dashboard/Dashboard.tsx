'use client';

import { FraudType } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useLoadErrorMessage } from '../../lib/errors';
import { useAgencyName, useFormatDate, useFormatDateTime, useProvinceName, useRegionName } from '../../lib/format';
import { useFormatMoney } from '../../lib/money';
import type { User } from '../../lib/auth';
import { CaseGroupChart, RequestsByStateChart, SeriesGrowthChart } from './Charts';
import { GoldenMinutes } from './GoldenMinutes';
import { casesHref, OVERDUE_REQUESTS_HREF, PERIODS, SUPERVISOR_DASHBOARD, type DashboardData, type Scope } from './data';
import styles from './dashboard.module.css';
import { seesRegion } from '../../lib/access';

/** A duration in seconds as the largest two units (2 h 5 min, 3 d 4 h). */
function useFormatDuration(): (seconds: number | null) => string {
  const t = useTranslations('dashboard.duration');
  return useCallback(
    (seconds) => {
      if (seconds === null) return '—';
      const m = Math.round(seconds / 60);
      if (m < 60) return t('minutes', { m });
      const h = Math.floor(m / 60);
      if (h < 48) return t('hours', { h, m: m % 60 });
      return t('days', { d: Math.floor(h / 24), h: h % 24 });
    },
    [t],
  );
}

interface KpiProps {
  testId: string;
  label: string;
  value: string;
  /** The exact value when the tile shows it rounded. */
  title?: string;
  note?: string;
  alert?: boolean;
  href?: string;
}

function Kpi({ testId, label, value, title, note, alert = false, href }: KpiProps) {
  const body = (
    <>
      <span className={styles.kpiLabel}>{label}</span>
      <span className={styles.kpiValue} title={title}>{value}</span>
      {note && <span className={styles.kpiNote}>{note}</span>}
    </>
  );
  const className = `card ${styles.kpi} ${alert ? styles.kpiAlert : ''}`;
  return href ? (
    <Link href={href} className={className} data-testid={testId} data-alert={alert}>
      {body}
    </Link>
  ) : (
    <div className={className} data-testid={testId} data-alert={alert}>
      {body}
    </div>
  );
}

/**
 * The supervisor dashboard: KPI tiles, cases and losses per province and fraud type, series growth, requests by
 * state and the overdue lists, for a period and a fraud type; supervisors choose between their region's figures
 * and what they may read. Every chart leads to the list behind it, which shows only what the viewer may open.
 */
export function Dashboard({ user }: { user: User }) {
  const t = useTranslations('dashboard');
  const tType = useTranslations('fraudTypes');
  const tTaskStatus = useTranslations('taskStatuses');
  const tRequestType = useTranslations('requestTypes');
  const locale = useLocale();
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const provinceName = useProvinceName();
  const regionName = useRegionName();
  const agencyName = useAgencyName();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const formatDuration = useFormatDuration();
  const region = seesRegion(user);
  const [periodDays, setPeriodDays] = useState<number>(90);
  const [fraudType, setFraudType] = useState<string>('');
  const [scope, setScope] = useState<Scope>(region ? 'REGION' : 'READABLE');
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const filter = { periodDays, fraudType: (fraudType || null) as FraudType | null, scope };
      setData((await request(SUPERVISOR_DASHBOARD, { filter })).supervisorDashboard);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [request, periodDays, fraudType, scope]);

  useEffect(() => {
    void load();
  }, [load]);

  // Tiles show money compactly (¥26.2万, CN¥24.5B); the exact amount is in the tooltip and the charts.
  const compactMoney = (amount: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 2 }).format(Number(amount));
  const percent = (share: number | null) => (share === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share));
  const lossNumber = data ? Number(data.cases.totalLoss) : 0;
  const heldShare = data && lossNumber > 0 ? Number(data.freezes.amountHeld) / lossNumber : null;

  return (
    <div className="wide-page" data-testid="dashboard-page">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">
            {data?.scope === 'REGION' && data.region ? t('introRegion', { region: regionName(data.region) }) : t('introReadable')}
          </p>
        </div>
      </div>

      <section className={`card ${styles.filters}`} data-testid="dashboard-filters">
        <div className="field">
          <label htmlFor="dashboard-period">{t('period')}</label>
          <select id="dashboard-period" value={periodDays} onChange={(e) => setPeriodDays(Number(e.target.value))} data-testid="dashboard-period">
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t('lastDays', { days: p })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-fraud-type">{t('fraudType')}</label>
          <select id="dashboard-fraud-type" value={fraudType} onChange={(e) => setFraudType(e.target.value)} data-testid="dashboard-fraud-type">
            <option value="">{t('allFraudTypes')}</option>
            {Object.values(FraudType).map((v) => (
              <option key={v} value={v}>
                {tType(v)}
              </option>
            ))}
          </select>
        </div>
        {region && (
          <div className="field">
            <span className={styles.fieldLabel}>{t('scope')}</span>
            <div className={styles.segmented} role="radiogroup" aria-label={t('scope')}>
              {(['REGION', 'READABLE'] as const).map((s) => (
                <button key={s} type="button" role="radio" aria-checked={scope === s} className={scope === s ? styles.segOn : styles.seg}
                  onClick={() => setScope(s)} data-testid={`dashboard-scope-${s}`}>
                  {t(`scopes.${s}`)}
                </button>
              ))}
            </div>
          </div>
        )}
        <span className={`muted small ${styles.filterNote}`}>
          {data && t('since', { date: formatDate(data.since) })}
          {loading && ` · ${t('loading')}`}
        </span>
      </section>

      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}
      {!data && error === null && <p className="muted page-status">{t('loading')}</p>}
      {data && (
        <>
          <div className={styles.kpis}>
            <Kpi testId="kpi-open-cases" label={t('kpi.openCases')} value={String(data.cases.openCases)} note={t('kpi.ofCases', { count: data.cases.cases })} />
            <Kpi testId="kpi-loss" label={t('kpi.loss')} value={compactMoney(data.cases.totalLoss)} title={formatMoney(data.cases.totalLoss)} note={formatMoney(data.cases.totalLoss)} />
            <Kpi testId="kpi-held" label={t('kpi.held')} value={compactMoney(data.freezes.amountHeld)} title={formatMoney(data.freezes.amountHeld)}
              note={t('kpi.heldOfLoss', { share: percent(heldShare) })} />
            <Kpi testId="kpi-freeze-rate" label={t('kpi.freezeRate')} value={percent(data.freezes.successRate)}
              note={t('kpi.freezeRateOf', { held: data.freezes.held, answered: data.freezes.answered })} />
            <Kpi testId="kpi-answer-time" label={t('kpi.answerTime')} value={formatDuration(data.freezes.medianAnswerSeconds)} note={t('kpi.answerTimeNote')} />
            <Kpi testId="kpi-overdue-requests" label={t('kpi.overdueRequests')} value={String(data.overdueRequests.count)} alert={data.overdueRequests.count > 0}
              href={OVERDUE_REQUESTS_HREF} />
            <Kpi testId="kpi-overdue-tasks" label={t('kpi.overdueTasks')} value={String(data.tasks.overdue)} alert={data.tasks.overdue > 0}
              note={t('kpi.openTasks', { count: data.tasks.open })} href="/task-forces" />
          </div>

          {data.scope === 'REGION' && <p className={`muted small ${styles.scopeNote}`}>{t('regionNote')}</p>}

          <div className={styles.grid}>
            <GoldenMinutes golden={data.goldenMinutes} />
            <section className={`card ${styles.card}`} data-testid="dashboard-provinces">
              <h2>{t('byProvince')}</h2>
              {data.byProvince.length === 0 ? (
                <p className="muted">{t('noCases')}</p>
              ) : (
                <CaseGroupChart testId="chart-province" groups={data.byProvince} label={provinceName} locale={locale} formatMoney={formatMoney}
                  href={(key) => casesHref(data.since, { province: key, fraudType: data.fraudType })} />
              )}
              <p className="muted small">{t('byProvinceNote')}</p>
            </section>
            <section className={`card ${styles.card}`} data-testid="dashboard-fraud-types">
              <h2>{t('byFraudType')}</h2>
              {data.byFraudType.length === 0 ? (
                <p className="muted">{t('noCases')}</p>
              ) : (
                <CaseGroupChart testId="chart-fraud-type" groups={data.byFraudType} label={(k) => tType(k)} locale={locale} formatMoney={formatMoney}
                  href={(key) => casesHref(data.since, { fraudType: key })} />
              )}
            </section>
            <section className={`card ${styles.card}`} data-testid="dashboard-series">
              <h2>{t('seriesGrowth')}</h2>
              <SeriesGrowthChart points={data.seriesGrowth} formatStart={formatDate} locale={locale} />
              <p className="muted small">{t(`seriesNote.${data.seriesBucket}`)}</p>
            </section>
            <section className={`card ${styles.card}`} data-testid="dashboard-requests">
              <h2>{t('requestsByState')}</h2>
              {data.requestsByState.length === 0 ? <p className="muted">{t('noRequests')}</p> : <RequestsByStateChart counts={data.requestsByState} />}
            </section>
            <section className={`card ${styles.card}`} data-testid="dashboard-overdue-requests">
              <div className={styles.head}>
                <h2>{t('overdueRequests')}</h2>
                <Link href={OVERDUE_REQUESTS_HREF} className="btn btn-small" data-testid="dashboard-overdue-requests-all">
                  {t('showAll')}
                </Link>
              </div>
              {data.overdueRequests.items.length === 0 ? (
                <p className="muted">{t('noneOverdue')}</p>
              ) : (
                <ul className={styles.list}>
                  {data.overdueRequests.items.map((r) => (
                    <li key={r.id}>
                      <Link href={`/requests/${r.id}`} data-testid="dashboard-overdue-request" data-id={r.id}>
                        {r.reference}
                      </Link>
                      <span className="muted small">
                        {tRequestType(r.type)} · {agencyName(r.toAgency)} · {r.caseNumber}
                      </span>
                      <span className={styles.overdue}>{t('dueAt', { at: formatDateTime(r.deadlineAt) })}</span>
                    </li>
                  ))}
                </ul>
              )}
              {data.overdueRequests.count > data.overdueRequests.items.length && (
                <p className="muted small">{t('overdueElsewhere', { count: data.overdueRequests.count - data.overdueRequests.items.length })}</p>
              )}
            </section>
            <section className={`card ${styles.card}`} data-testid="dashboard-overdue-tasks">
              <div className={styles.head}>
                <h2>{t('overdueTasks')}</h2>
                <Link href="/task-forces" className="btn btn-small" data-testid="dashboard-overdue-tasks-all">
                  {t('taskForces')}
                </Link>
              </div>
              {data.tasks.items.length === 0 ? (
                <p className="muted">{t('noneOverdue')}</p>
              ) : (
                <ul className={styles.list}>
                  {data.tasks.items.map((task) => (
                    <li key={task.id}>
                      <Link href={`/task-forces/${task.taskForceId}`} data-testid="dashboard-overdue-task" data-id={task.id}>
                        {task.title}
                      </Link>
                      <span className="muted small">
                        {task.taskForceName} · {agencyName(task.assigneeAgency)}
                        {task.province ? ` · ${provinceName(task.province)}` : ''} · {tTaskStatus(task.status)}
                      </span>
                      <span className={styles.overdue}>{t('dueAt', { at: formatDateTime(task.dueAt) })}</span>
                    </li>
                  ))}
                </ul>
              )}
              {data.tasks.overdue > data.tasks.items.length && (
                <p className="muted small">{t('overdueElsewhere', { count: data.tasks.overdue - data.tasks.items.length })}</p>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
