'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert as Notice } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors, useLoadReason } from '../../../lib/errors';
import { useAgencyName, useFormatDateTime, useRegionLabel } from '../../../lib/format';
import { GqlError } from '../../../lib/graphql';
import type { User } from '../../../lib/auth';
import { AgencyLabel, AlertStatusBadge, RuleLabel } from '../../../components/alerts/AlertParts';
import styles from '../../../components/alerts/alerts.module.css';
import { ACKNOWLEDGE_ALERT, ALERT_DETAIL, DISMISS_ALERT, useAlertFigure, type Alert, type AlertLead } from '../../../components/alerts/shared';
import { canActOnAlert, canActOnAlerts } from '../../../lib/access';

function Leads({ leads }: { leads: AlertLead[] }) {
  const t = useTranslations('alerts.detail');
  const tKind = useTranslations('identifierKinds');
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  return (
    <section className="card" id="leads" data-testid="alert-leads">
      <div className="section-head">
        <h2>
          {t('leadsTitle')} <span className="count" data-testid="alert-leads-count">{leads.length}</span>
        </h2>
        <span className="muted small">{t('leadsIntro')}</span>
      </div>
      {leads.length === 0 ? (
        <p className="muted" data-testid="alert-leads-empty">
          {t('leadsEmpty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="alert-leads-table">
            <thead>
              <tr>
                <th>{t('leadCase')}</th>
                <th>{t('leadOwner')}</th>
                <th>{t('leadMatched')}</th>
                <th>{t('leadFound')}</th>
              </tr>
            </thead>
            <tbody>
              {leads.map((l) => (
                <tr key={l.id} data-testid="alert-lead" data-case-id={l.caseId ?? undefined} data-can-open={l.canOpen && l.caseId ? 'true' : 'false'}>
                  <td className="nowrap">
                    {l.canOpen && l.caseId ? (
                      <Link href={`/cases/${l.caseId}`} data-testid="alert-lead-link">
                        <strong>{l.caseNumber}</strong> →
                      </Link>
                    ) : (
                      // Another agency's case: who holds it and on what it matched, as a blind hit tells; not which case.
                      <span data-testid="alert-lead-closed" className="muted" title={t('leadClosedHint')}>
                        {t('leadClosed')}
                      </span>
                    )}
                  </td>
                  <td data-testid="alert-lead-owner">
                    <AgencyLabel kind={l.ownerAgency.kind} name={agencyName(l.ownerAgency)} />
                  </td>
                  <td>
                    <span className="kind-tag">{tKind(l.matchedKind)}</span> <span className="mono">{l.matchedValue}</span>
                  </td>
                  <td className="nowrap muted">{formatDateTime(l.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Acknowledge ("we are on it") or dismiss with a reason; only police of the region get here (the api checks). */
function AlertActions({ alert, onChanged }: { alert: Alert; onChanged(a: Alert): void }) {
  const t = useTranslations('alerts.detail');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(call: () => Promise<Alert>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await call());
      setDismissing(false);
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const acknowledge = () => run(async () => (await request(ACKNOWLEDGE_ALERT, { id: alert.id })).acknowledgeAlert);

  function dismiss(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(t('reasonRequired'));
      return;
    }
    setReasonError(null);
    void run(async () => (await request(DISMISS_ALERT, { id: alert.id, reason: reason.trim() })).dismissAlert);
  }

  const fieldError = fieldErrorsOf(error).reason;
  return (
    <div className={styles.actionsBox} data-testid="alert-actions">
      <div className="actions">
        {alert.status === 'NEW' && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void acknowledge()} data-testid="alert-acknowledge">
            ✓ {t('acknowledge')}
          </button>
        )}
        {!dismissing && (
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setDismissing(true)} data-testid="alert-dismiss">
            {t('dismiss')}
          </button>
        )}
      </div>
      {alert.status === 'NEW' && <p className="muted small">{t('acknowledgeHint')}</p>}
      {dismissing && (
        <form className={styles.dismissForm} onSubmit={dismiss} noValidate data-testid="alert-dismiss-form">
          <label htmlFor="dismiss-reason" className="field-label">
            {t('dismissReason')}
          </label>
          <textarea id="dismiss-reason" value={reason} maxLength={2000} autoFocus onChange={(e) => setReason(e.target.value)}
            placeholder={t('dismissPlaceholder')} aria-invalid={reasonError || fieldError ? true : undefined} data-testid="alert-dismiss-reason" />
          {(reasonError || fieldError) && <div className="field-error">{reasonError ?? fieldError}</div>}
          <div className="actions">
            <button type="submit" className="btn btn-danger" disabled={busy} data-testid="alert-dismiss-confirm">
              {t('dismissConfirm')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setDismissing(false)}>
              {tc('cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && !fieldError && (
        <Notice tone="error" testId="alert-action-error">
          {errorMessage(error)}
        </Notice>
      )}
    </div>
  );
}

export function AlertDetail({ id, user }: { id: string; user: User }) {
  const t = useTranslations('alerts.detail');
  const ta = useTranslations('alerts');
  const tc = useTranslations('common');
  const tKind = useTranslations('identifierKinds');
  const { request } = useAuth();
  const loadReason = useLoadReason();
  const figure = useAlertFigure();
  const agencyName = useAgencyName();
  const regionLabel = useRegionLabel();
  const formatDateTime = useFormatDateTime();
  const [alert, setAlert] = useState<Alert | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setAlert((await request(ALERT_DETAIL, { id })).alert);
    } catch (e) {
      setError(e);
    }
  }, [id, request]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened from "2 leads" in the inbox: bring the leads into view once they are there.
  useEffect(() => {
    if (alert && window.location.hash === '#leads') document.getElementById('leads')?.scrollIntoView();
  }, [alert]);

  const back = (
    <Link href="/alerts" className="back-link" data-testid="back-to-alerts">
      ← {ta('backToList')}
    </Link>
  );

  if (error !== null && !alert) {
    const gone = error instanceof GqlError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');
    return (
      <section className="card" data-testid="alert-unavailable">
        {back}
        <h1>{gone ? t('notFoundTitle') : t('loadFailedTitle')}</h1>
        <p>{gone ? t('notFoundText') : loadReason(error)}</p>
        {!gone && (
          <button type="button" className="btn" onClick={() => void load()}>
            {tc('retry')}
          </button>
        )}
      </section>
    );
  }
  if (alert === undefined) return <p className="muted page-status">{tc('loading')}</p>;
  if (alert === null) {
    return (
      <section className="card" data-testid="alert-unavailable">
        {back}
        <h1>{t('notFoundTitle')}</h1>
        <p>{t('notFoundText')}</p>
      </section>
    );
  }

  function changed(next: Alert) {
    setAlert(next);
    setNotice(next.status === 'DISMISSED' ? t('dismissed') : t('acknowledged'));
  }

  return (
    <div data-testid="alert-page" data-alert-id={alert.id} data-status={alert.status} data-rule={alert.rule}>
      {back}
      {notice && <Notice tone="success" testId="alert-notice">{notice}</Notice>}
      <section className={`card ${styles.head} ${styles[`head${alert.status}`]}`}>
        <div className={styles.titleLine}>
          <h1>
            <RuleLabel rule={alert.rule} />
          </h1>
          <AlertStatusBadge status={alert.status} />
        </div>
        <div className={styles.bigFigure} data-testid="alert-figure">
          {figure(alert)}
        </div>
        <dl className="facts">
          <div>
            <dt>{t('region')}</dt>
            <dd data-testid="alert-region" data-region={alert.region}>
              {regionLabel(alert.region)}
            </dd>
          </div>
          <div>
            <dt>{t('reporter')}</dt>
            <dd data-testid="alert-reporter">
              <AgencyLabel kind={alert.reportingAgency.kind} name={agencyName(alert.reportingAgency)} />
            </dd>
          </div>
          <div>
            <dt>{t('raisedAt')}</dt>
            <dd>{formatDateTime(alert.raisedAt)}</dd>
          </div>
          <div>
            <dt>{t('window')}</dt>
            <dd data-testid="alert-window">{t('windowRange', { start: formatDateTime(alert.windowStart), end: formatDateTime(alert.windowEnd) })}</dd>
          </div>
          <div>
            <dt>{t('signals')}</dt>
            <dd data-testid="alert-signal-count" data-count={alert.signalCount}>
              {t('signalCount', { count: alert.signalCount })}
            </dd>
          </div>
          <div>
            <dt>{t('subject')}</dt>
            <dd className="mono" title={t('subjectHint')}>
              {alert.subjectKey ?? '—'}
            </dd>
          </div>
        </dl>
        {alert.statusNote && (
          <div className={styles.note} data-testid="alert-status-note">
            <strong>{t('statusNote')}</strong> {alert.statusNote}
          </div>
        )}
        {canActOnAlert(user, alert.region) && alert.status !== 'DISMISSED' && <AlertActions alert={alert} onChanged={changed} />}
        {canActOnAlerts(user) && !canActOnAlert(user, alert.region) && (
          <p className="muted small" data-testid="alert-other-region-note">
            {ta('otherRegionHint')}
          </p>
        )}
      </section>
      <section className="card" data-testid="alert-identifiers">
        <h2>{t('identifiersTitle')}</h2>
        {alert.identifiers.length === 0 ? (
          <p className="muted">{t('identifiersEmpty')}</p>
        ) : (
          <ul className={styles.identifiers}>
            {alert.identifiers.map((i) => (
              <li key={`${i.kind}:${i.value}`} data-testid="alert-identifier" data-kind={i.kind}>
                <span className="kind-tag">{tKind(i.kind)}</span>
                <span className="mono">{i.value}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{t('identifiersNote')}</p>
      </section>
      <Leads leads={alert.leads} />
    </div>
  );
}
