'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { regionCovers, type AgencyKind } from '@caselink/domain';
import { KindBadge } from '../AgencyBadge';
import { useAgencyName, useFormatDateTime, useRegionName } from '../../lib/format';
import styles from './alerts.module.css';
import { ALERT_STATUS_TONES, useAlertFigure, type AlertStatus, type AlertSummary, type RiskRule } from './shared';

export function AlertStatusBadge({ status, testId = 'alert-status' }: { status: AlertStatus; testId?: string }) {
  const t = useTranslations('alerts.statuses');
  return (
    <span className={`status ${ALERT_STATUS_TONES[status]}`} data-testid={testId} data-status={status}>
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

/** A region's name, with the code underneath for a city or county (the name alone is the province's). */
export function RegionCell({ region }: { region: string }) {
  const regionName = useRegionName();
  return (
    <>
      {regionName(region)}
      {/^\d{6}$/.test(region) && !region.endsWith('0000') && <div className="muted small mono">{region}</div>}
    </>
  );
}

/** An agency on a light card: its kind's coloured pill, then its name (components/AgencyBadge is for the dark top bar). */
export function AgencyLabel({ kind, name }: { kind: AgencyKind; name: string }) {
  return (
    <span className={styles.agency} title={name}>
      <KindBadge kind={kind} />
      <span data-testid="agency-name">{name}</span>
    </span>
  );
}

interface TableProps {
  rows: AlertSummary[];
  /** Rows that arrived with the last refresh: briefly highlighted. */
  fresh?: ReadonlySet<string>;
  /** Leave out the reporting agency (a bank's own list: it is always the bank itself). */
  hideReporter?: boolean;
  /** Leave out the leads (banks and telecoms do not see which cases match). */
  hideLeads?: boolean;
  /** The police viewer's region: alerts of other regions (reached through a lead on an own case) are marked. */
  viewerRegion?: string;
  testId?: string;
}

/** Alerts in rows coloured by status: what crossed which line, who reported it, where, and its leads. */
export function AlertTable({ rows, fresh, hideReporter = false, hideLeads = false, viewerRegion, testId = 'alerts-table' }: TableProps) {
  const t = useTranslations('alerts');
  const figure = useAlertFigure();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  // Only the ID-number rules have a subject: without one on the page, the column would be all dashes.
  const subjects = rows.some((a) => a.subjectKey);
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
            {subjects && <th>{t('colSubject')}</th>}
            {!hideLeads && <th className="num">{t('colLeads')}</th>}
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
                  <AgencyLabel kind={a.reportingAgency.kind} name={agencyName(a.reportingAgency)} />
                </td>
              )}
              <td data-testid="alert-region" data-region={a.region}>
                <RegionCell region={a.region} />
                {viewerRegion && !regionCovers(viewerRegion, a.region) && (
                  <div className={styles.otherRegion} title={t('otherRegionHint')} data-testid="alert-other-region">
                    {t('otherRegion')}
                  </div>
                )}
              </td>
              {subjects && <td className="mono muted">{a.subjectKey ?? '—'}</td>}
              {!hideLeads && (
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
              )}
              <td className="nowrap muted">{formatDateTime(a.raisedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
