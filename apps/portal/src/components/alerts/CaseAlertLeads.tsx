'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../lib/auth';
import { useAgencyName, useFormatDateTime } from '../../lib/format';
import { AgencyLabel, AlertStatusBadge, RuleLabel } from './AlertParts';
import styles from './alerts.module.css';
import { ALERT_NOTIFICATION_KINDS, CASE_ALERT_LEADS, POLL_MS, useAlertFigure, type AlertLeadWithAlert } from './shared';
import { useNotificationAdded } from '../../lib/live';
import { useScrollToHash } from '../../lib/scroll-to-hash';
import { ActionsHeader } from '../ListParts';

/**
 * Alerts whose identifiers match this case (leads), for the case page: the rule, what crossed the line, when,
 * who reported it, and a link to the alert. Renders nothing while there are none (or the viewer may not read
 * them), so a case without leads shows no empty panel. Reads again when an alert notification is pushed and
 * every little while, since leads come from the worker at any time.
 */
export function CaseAlertLeads({ caseId }: { caseId: string }) {
  const t = useTranslations('alerts.caseLeads');
  const tKind = useTranslations('identifierKinds');
  const { request } = useAuth();
  const figure = useAlertFigure();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const [rows, setRows] = useState<AlertLeadWithAlert[]>([]);

  const load = useCallback(async () => {
    try {
      setRows((await request(CASE_ALERT_LEADS, { caseId })).caseAlertLeads);
    } catch {
      // A panel on someone else's page: a failed read leaves it out rather than put an error on the case.
    }
  }, [caseId, request]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (!document.hidden) void load();
    }, POLL_MS * 3);
    return () => clearInterval(timer);
  }, [load]);
  useNotificationAdded((n) => {
    if (ALERT_NOTIFICATION_KINDS.includes(n.kind)) void load();
  });

  useScrollToHash(rows.length > 0);

  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.alert.raisedAt.localeCompare(a.alert.raisedAt));

  return (
    <section className={`card ${styles.leadsCard}`} id="alert-leads" data-testid="case-alert-leads">
      <div className="section-head">
        <h2>
          {t('title')} <span className="count" data-testid="case-alert-leads-count">{rows.length}</span>
        </h2>
        <span className="muted small">{t('intro')}</span>
      </div>
      <div className="table-scroll">
        <table className="table table-compact" data-testid="case-alert-leads-table">
          <thead>
            <tr>
              <th>{t('rule')}</th>
              <th>{t('figure')}</th>
              <th>{t('matched')}</th>
              <th>{t('reporter')}</th>
              <th>{t('raisedAt')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ lead, alert }) => (
              <tr key={lead.id} data-testid="case-alert-lead" data-alert-id={alert.id} data-rule={alert.rule} data-status={alert.status}>
                <td>
                  <RuleLabel rule={alert.rule} /> <AlertStatusBadge status={alert.status} />
                </td>
                <td className={styles.figure}>{figure(alert)}</td>
                <td>
                  <span className="kind-tag">{tKind(lead.matchedKind)}</span> <span className="mono">{lead.matchedValue}</span>
                </td>
                <td>
                  <AgencyLabel kind={alert.reportingAgency.kind} name={agencyName(alert.reportingAgency)} />
                </td>
                <td className="nowrap muted">{formatDateTime(alert.raisedAt)}</td>
                <td className="actions-cell">
                  <Link href={`/alerts/${alert.id}`} className="btn btn-small" data-testid="case-alert-link">
                    {t('open')} →
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
