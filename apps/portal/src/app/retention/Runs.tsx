'use client';

import { PURGED_CLASSES } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useId, useMemo } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { useFormatDateTime } from '../../lib/format';
import styles from './retention.module.css';
import { runActive, useClassText, type RetentionRun, type RetentionRunStatusName } from './shared';

function useNumber() {
  const locale = useLocale();
  return useCallback((n: number) => new Intl.NumberFormat(locale).format(n), [locale]);
}

/** Queued grey, running blue with a spinner, done green, failed red. */
const TONES: Record<RetentionRunStatusName, string> = { QUEUED: 'status-off', RUNNING: styles.statusRunning, DONE: 'status-ok', FAILED: 'status-bad' };

export function RunStatusBadge({ status, testId }: { status: RetentionRunStatusName; testId?: string }) {
  const t = useTranslations('retention.status');
  return (
    <span className={`status ${TONES[status] ?? 'status-off'}`} data-testid={testId ?? 'retention-run-status'} data-status={status}>
      {status === 'RUNNING' && <span className={`spinner ${styles.spin}`} aria-hidden="true" />}
      {t.has(status) ? t(status) : status}
    </span>
  );
}

/** Purged rows per class of one run: a horizontal bar per purged class (the numbers are text, the bars decoration). */
function RunChart({ run }: { run: RetentionRun }) {
  const t = useTranslations('retention');
  const tStatus = useTranslations('retention.status');
  const classText = useClassText();
  const formatDateTime = useFormatDateTime();
  const formatNumber = useNumber();
  const titleId = useId();

  const perClass = useMemo(() => {
    const sums = new Map<string, number>(PURGED_CLASSES.map((c) => [c, 0]));
    for (const c of run.counts) sums.set(c.dataClass, (sums.get(c.dataClass) ?? 0) + c.purged);
    return [...sums.entries()];
  }, [run.counts]);
  const max = Math.max(1, ...perClass.map(([, n]) => n));
  const byAgency = useMemo(
    () => [...run.counts].filter((c) => c.purged > 0).sort((a, b) => a.agencyName.localeCompare(b.agencyName) || PURGED_CLASSES.indexOf(a.dataClass as never) - PURGED_CLASSES.indexOf(b.dataClass as never)),
    [run.counts],
  );
  const active = runActive(run);

  return (
    <section className={styles.runDetail} aria-labelledby={titleId} data-testid="retention-run-detail" data-run-id={run.id} data-status={run.status}>
      <h3 id={titleId}>{t('chartTitle')}</h3>
      <p className="muted small">
        {t('chartFor', { time: formatDateTime(run.queuedAt), status: tStatus.has(run.status) ? tStatus(run.status) : run.status })}
      </p>
      {active ? (
        <>
          <ProgressBar value={0} max={null} label={run.status === 'RUNNING' ? t('runningNote') : t('runQueued')} testId="retention-run-progress" />
          <p className="muted small">{t('chartWaiting')}</p>
        </>
      ) : (
        <>
          {run.status === 'FAILED' && (
            <p className={styles.failure} data-testid="retention-run-failure">
              {t('failedReason', { reason: run.failure ?? '—' })}
            </p>
          )}
          <ul className={styles.bars} data-testid="retention-chart">
            {perClass.map(([c, n]) => (
              <li key={c} data-testid="retention-bar" data-class={c} data-purged={n}>
                <span className={styles.barLabel}>{classText(c).name}</span>
                <span className={styles.barTrack} aria-hidden="true">
                  <span className={`${styles.barFill}${n > 0 ? ` ${styles.barFillSome}` : ''}`} style={{ width: `${(n / max) * 100}%` }} />
                </span>
                <span className={`${styles.barValue}${n === 0 ? ` ${styles.barZero}` : ''}`}>{formatNumber(n)}</span>
              </li>
            ))}
          </ul>
          <p className={styles.total} data-testid="retention-run-total">
            {run.purgedTotal > 0 ? t('chartTotal', { count: run.purgedTotal }) : t('chartEmpty')}
          </p>
          {byAgency.length > 0 && (
            <details className={styles.byAgency}>
              <summary>{t('countsShow', { count: byAgency.length })}</summary>
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{t('col.agency')}</th>
                    <th scope="col">{t('col.dataClass')}</th>
                    <th scope="col" className="num">
                      {t('col.purged')}
                    </th>
                    <th scope="col" className="num">
                      {t('col.rule')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {byAgency.map((c) => (
                    <tr key={`${c.agencyId}:${c.dataClass}`} data-testid="retention-count">
                      <td>{c.agencyName}</td>
                      <td>{classText(c.dataClass).name}</td>
                      <td className="num">{formatNumber(c.purged)}</td>
                      <td className="num nowrap">{t('days', { count: c.ruleDays })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
    </section>
  );
}

interface Props {
  runs: RetentionRun[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/** The last runs of the retention queue, and the chart of the selected one (the latest unless another is chosen). */
export function Runs({ runs, selectedId, onSelect }: Props) {
  const t = useTranslations('retention');
  const formatDateTime = useFormatDateTime();
  const formatNumber = useNumber();
  const selected = runs.find((r) => r.id === selectedId) ?? runs[0] ?? null;

  return (
    <>
      <div className="table-scroll">
        <table className={`table table-compact ${styles.runsTable}`} data-testid="retention-runs">
          <thead>
            <tr>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.when')}</th>
              <th scope="col">{t('col.trigger')}</th>
              <th scope="col">{t('col.who')}</th>
              <th scope="col" className="num">
                {t('col.purged')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('show')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const isSelected = selected?.id === r.id;
              return (
                <tr key={r.id} className={isSelected ? styles.selected : undefined} data-testid="retention-run" data-run-id={r.id} data-status={r.status}
                  data-trigger={r.trigger}>
                  <td>
                    <RunStatusBadge status={r.status} />
                    {r.status === 'FAILED' && r.failure && <div className={`small ${styles.failure}`}>{r.failure}</div>}
                  </td>
                  <td className="nowrap">
                    <div>{formatDateTime(r.queuedAt)}</div>
                    <div className="muted small">
                      {r.finishedAt ? t('finishedAt', { time: formatDateTime(r.finishedAt) }) : r.startedAt ? t('startedAt', { time: formatDateTime(r.startedAt) }) : ''}
                    </div>
                  </td>
                  <td>{t(`trigger.${r.trigger}`)}</td>
                  <td className="small">
                    {/* A manual run is the national admin's; other agencies are not shown who. */}
                    {r.requestedByEmail ?? (r.trigger === 'MANUAL' ? <span className="muted" title={t('whoHidden')}>{t('nationalCentre')}</span> : <span className="muted">{t('scheduled')}</span>)}
                  </td>
                  <td className="num" data-testid="retention-run-purged">
                    {runActive(r) ? '—' : formatNumber(r.purgedTotal)}
                  </td>
                  <td className="actions-cell">
                    <button type="button" className="btn btn-small" aria-pressed={isSelected} onClick={() => onSelect(r.id)}
                      aria-label={t('showRun', { time: formatDateTime(r.queuedAt) })} data-testid="retention-run-show">
                      {t('show')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {selected && <RunChart run={selected} />}
    </>
  );
}
