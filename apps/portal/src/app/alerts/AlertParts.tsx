'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { AgencyBadge } from '../../components/AgencyBadge';
import { useAgencyName, useFormatDateTime, useRegionLabel } from '../../lib/format';
import styles from './alerts.module.css';
import { ALERT_STATUS_TONES, UPLOAD_STATUS_TONES, useAlertFigure, type AlertStatus, type AlertSummary, type RiskRule, type SignalUploadStatus } from './shared';

export function AlertStatusBadge({ status, testId = 'alert-status' }: { status: AlertStatus; testId?: string }) {
  const t = useTranslations('alerts.statuses');
  return (
    <span className={`status ${ALERT_STATUS_TONES[status]}`} data-testid={testId} data-status={status}>
      {t(status)}
    </span>
  );
}

export function UploadStatusBadge({ status }: { status: SignalUploadStatus }) {
  const t = useTranslations('alerts.uploadStatuses');
  return (
    <span className={`status ${UPLOAD_STATUS_TONES[status]}`} data-testid="signal-upload-status" data-status={status}>
      {t(status)}
    </span>
  );
}

/** The rule in words; the rule's code as a tooltip, for telephone calls between agencies. */
export function RuleLabel({ rule }: { rule: RiskRule }) {
  const t = useTranslations('alerts.rules');
  return (
    <span className={styles.rule} title={rule} data-testid="alert-rule" data-rule={rule}>
      {t(rule)}
    </span>
  );
}

interface TableProps {
  rows: AlertSummary[];
  /** Rows that arrived with the last refresh: briefly highlighted. */
  fresh?: ReadonlySet<string>;
  /** Leave out the reporting agency (a bank's own list: it is always the bank itself). */
  hideReporter?: boolean;
  testId?: string;
}

/** Alerts in rows coloured by status: what crossed which line, who reported it, where, and its leads. */
export function AlertTable({ rows, fresh, hideReporter = false, testId = 'alerts-table' }: TableProps) {
  const t = useTranslations('alerts');
  const figure = useAlertFigure();
  const agencyName = useAgencyName();
  const regionLabel = useRegionLabel();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="table-scroll">
      <table className={`table ${styles.alertTable}`} data-testid={testId}>
        <thead>
          <tr>
            <th>{t('colStatus')}</th>
            <th>{t('colRule')}</th>
            <th>{t('colFigure')}</th>
            {!hideReporter && <th>{t('colReporter')}</th>}
            <th>{t('colRegion')}</th>
            <th>{t('colSubject')}</th>
            <th className="num">{t('colLeads')}</th>
            <th>{t('colRaisedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-testid="alert-row" data-alert-id={a.id} data-rule={a.rule} data-status={a.status}
              className={[styles[`row${a.status}`], fresh?.has(a.id) ? styles.rowFresh : ''].join(' ').trim()}>
              <td className="nowrap">
                <AlertStatusBadge status={a.status} />
              </td>
              <td>
                <Link href={`/alerts/${a.id}`} className={styles.ruleLink} data-testid="alert-link">
                  <RuleLabel rule={a.rule} />
                </Link>
              </td>
              <td className={styles.figure} data-testid="alert-figure">
                {figure(a)}
              </td>
              {!hideReporter && (
                <td data-testid="alert-reporter">
                  <AgencyBadge kind={a.reportingAgency.kind} name={agencyName(a.reportingAgency)} />
                </td>
              )}
              <td className="nowrap" data-testid="alert-region" data-region={a.region}>
                {regionLabel(a.region)}
              </td>
              <td className="mono muted">{a.subjectKey ?? '—'}</td>
              <td className="num">
                {a.leads.length > 0 ? (
                  <Link href={`/alerts/${a.id}#leads`} className={styles.leadCount} data-testid="alert-lead-count" data-count={a.leads.length}>
                    {t('leadCount', { count: a.leads.length })}
                  </Link>
                ) : (
                  <span className="muted" data-testid="alert-lead-count" data-count={0}>
                    —
                  </span>
                )}
              </td>
              <td className="nowrap muted">{formatDateTime(a.raisedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
