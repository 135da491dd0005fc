'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { ListFoot, RetryAlert } from '../../components/ListParts';
import { JobHistory } from '../../components/JobHistory';
import { UploadProgress, type UploadTexts } from '../../components/UploadProgress';
import { useAuth } from '../../lib/auth';
import { useLoadErrorMessage, useLoadReason } from '../../lib/errors';
import { useFormatDateTime, useJoinList, useRegionLabel } from '../../lib/format';
import { usePagedList } from '../../lib/paged-list';
import type { User } from '../../lib/auth';
import { AlertTable } from '../../components/alerts/AlertParts';
import styles from '../../components/alerts/alerts.module.css';
import {
  ALERT_NOTIFICATION_KINDS,
  ALERTS,
  POLL_MS,
  REQUIRED_COLUMNS,
  RISK_SIGNALS,
  SIGNAL_COLUMNS,
  SIGNAL_UPLOAD,
  SIGNAL_UPLOAD_PATH,
  SIGNAL_UPLOADS,
  signalKindsOf,
  templateHref,
  useFormatYuan,
  type RiskSignal,
  type RiskSignalKind,
  type SignalUploadSummary,
} from '../../components/alerts/shared';
import { usePolledPagedList } from './usePolledList';

const ACCEPT = '.csv,text/csv';
const EXTENSIONS = ['.csv'];
const PAGE_SIZE = 25;

/** The columns in a table: name, needed or not, what goes in. */
function ColumnHelp() {
  const t = useTranslations('alerts.columns');
  const tu = useTranslations('alerts.upload');
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="signal-columns">
        <thead>
          <tr>
            <th>{tu('column')}</th>
            <th>{tu('needed')}</th>
            <th>{tu('meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {SIGNAL_COLUMNS.map((c) => (
            <tr key={c}>
              <td className="mono nowrap">{c}</td>
              <td className="nowrap">
                {REQUIRED_COLUMNS.includes(c) ? <span className="status status-warn">{tu('required')}</span> : <span className="muted">{tu('depends')}</span>}
              </td>
              <td>{t(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the file holds and its template, over the file picker; then the upload followed until the worker is done. */
function ReportSignals({ user, currentId, onStarted, onFinished }: { user: User; currentId: string | null; onStarted(upload: { id: string }): void; onFinished(): void }) {
  const t = useTranslations('alerts.upload');
  const tKind = useTranslations('alerts.signalKinds');
  const { request } = useAuth();
  const joinList = useJoinList();
  const kinds = signalKindsOf(user.agency.kind);
  const loadUpload = useCallback(async (id: string) => (await request(SIGNAL_UPLOAD, { id })).signalUpload, [request]);
  const texts: UploadTexts = {
    file: t('file'), fileHint: t('fileHint'), upload: t('upload'), chooseFirst: t('chooseFirst'), wrongType: t('wrongType'),
    title: (file) => t('progressTitle', { file }),
  };

  return (
    <UploadProgress testId="signal-upload" uploadPath={SIGNAL_UPLOAD_PATH} accept={ACCEPT} extensions={EXTENSIONS} texts={texts}
      jobId={currentId} onStarted={onStarted} loadJob={loadUpload} onFinished={onFinished}
      counts={(u) => [
        { value: u.accepted, label: t('accepted'), testId: 'signal-upload-accepted', tone: 'ok' },
        { value: u.duplicates, label: t('duplicates'), testId: 'signal-upload-duplicates' },
        { value: u.errors.length, label: t('errorRows'), testId: 'signal-upload-error-count', tone: 'bad' },
      ]}
      summary={(u) => t('summary', { accepted: u.accepted, duplicates: u.duplicates, errors: u.errors.length })}
      failure={() => t('failed')}>
      <div className="section-head">
        <h2>{t('title')}</h2>
        <a className="btn" href={templateHref(user.agency.kind)} download="caselink-risk-signals-template.csv" data-testid="signal-template-link">
          ⤓ {t('template')}
        </a>
      </div>
      <p>{t('intro', { kinds: joinList(kinds.map((k) => tKind(k))) })}</p>
      <details className={`column-details ${styles.columnsHelp}`} data-testid="signal-columns-help">
        <summary>{t('columnsSummary')}</summary>
        <p className={`muted small ${styles.columns}`}>{t('columnsNote')}</p>
        <ColumnHelp />
      </details>
    </UploadProgress>
  );
}

/** What one signal says, in one cell: the account or phone, the amount and direction, the product. */
function SignalFacts({ s }: { s: RiskSignal }) {
  const t = useTranslations('alerts');
  const yuan = useFormatYuan();
  const parts: string[] = [];
  if (s.product) parts.push(t(`products.${s.product}`));
  if (s.direction) parts.push(t(`directions.${s.direction}`));
  if (s.amount) parts.push(yuan(s.amount));
  return (
    <span className="request-subject">
      {(s.account ?? s.phone) && <span className="mono">{s.account ?? s.phone}</span>}
      {parts.length > 0 && <span className="small">{parts.join(' · ')}</span>}
      {s.counterpartAccount && <span className="small muted">{t('counterpart', { account: s.counterpartAccount })}</span>}
    </span>
  );
}

/** The agency's own signals, newest first, by kind. */
function OwnSignals({ reloadKey }: { reloadKey: number }) {
  const t = useTranslations('alerts');
  const tKind = useTranslations('alerts.signalKinds');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const formatDateTime = useFormatDateTime();
  const regionLabel = useRegionLabel();
  const [kind, setKind] = useState<RiskSignalKind | ''>('');
  const fetchPage = useCallback(
    async (after: string | null) => {
      void reloadKey;
      return (await request(RISK_SIGNALS, { kind: kind || null, first: PAGE_SIZE, after })).riskSignals;
    },
    [request, kind, reloadKey],
  );
  const { items, total, hasMore, loading, error, reload, loadMore } = usePagedList(fetchPage, { clearOnError: true });
  return (
    <section className="card table-card" data-testid="own-signals">
      <div className="table-toolbar">
        <strong>{t('signalsTitle')}</strong>
        <span className="toolbar-right">
          <select aria-label={t('kindFilter')} value={kind} onChange={(e) => setKind(e.target.value as RiskSignalKind | '')} data-testid="signal-kind-filter">
            <option value="">{t('allKinds')}</option>
            {(['ACCOUNT_OPENING', 'SIM_REGISTRATION', 'CASH_WITHDRAWAL', 'TRANSFER'] as const).map((k) => (
              <option key={k} value={k}>
                {tKind(k)}
              </option>
            ))}
          </select>
          <span className="muted" data-testid="signals-total">
            {t('total', { total: total ?? 0 })}
          </span>
        </span>
      </div>
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={reload} />}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="signals-table">
            <thead>
              <tr>
                <th>{t('colKind')}</th>
                <th>{t('colReference')}</th>
                <th>{t('colWhat')}</th>
                <th>{t('colSubject')}</th>
                <th>{t('colRegion')}</th>
                <th>{t('colOccurredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-testid="signal-row" data-kind={s.kind} data-reference={s.reference}>
                  <td className="nowrap">
                    <span className="kind-tag">{tKind(s.kind)}</span>
                  </td>
                  <td className="mono">{s.reference}</td>
                  <td>
                    <SignalFacts s={s} />
                  </td>
                  <td className="mono muted">{s.subjectKey ?? '—'}</td>
                  <td className="nowrap">{regionLabel(s.region)}</td>
                  <td className="nowrap muted">{formatDateTime(s.occurredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore} moreTestId="signals-more"
        empty={items.length === 0 && error === null && <p className="muted table-status" data-testid="signals-empty">{t('signalsEmpty')}</p>} />
    </section>
  );
}

/**
 * The alerts raised from this agency's signals (the police of the region work them). `nudge` changes when an
 * upload finished: the rules run in the worker just after, so look again a few times rather than wait for the poll.
 */
function ReporterAlerts({ nudge }: { nudge: number }) {
  const t = useTranslations('alerts');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const fetchPage = useCallback(
    async (after: string | null) => (await request(ALERTS, { first: PAGE_SIZE, after })).alerts,
    [request],
  );
  const list = usePolledPagedList(fetchPage, { intervalMs: POLL_MS, notificationKinds: ALERT_NOTIFICATION_KINDS });
  const { refresh } = list;
  useEffect(() => {
    if (nudge === 0) return;
    const timers = [500, 2000, 5000].map((ms) => setTimeout(() => void refresh(), ms));
    return () => timers.forEach(clearTimeout);
  }, [nudge, refresh]);
  return (
    <section className="card table-card" data-testid="reporter-alerts">
      <div className="table-toolbar">
        <div>
          <strong>{t('reporterAlertsTitle')}</strong>
          <div className="muted small">{t('reporterAlertsIntro')}</div>
        </div>
        <span className="muted" data-testid="alerts-total">
          {t('total', { total: list.total ?? 0 })}
        </span>
      </div>
      {list.error !== null && <RetryAlert message={loadErrorMessage(list.error)} onRetry={list.reload} />}
      {list.items.length > 0 && <AlertTable rows={list.items} fresh={list.fresh} hideReporter hideLeads />}
      <ListFoot loading={list.loading && list.items.length === 0} hasMore={list.hasMore} onMore={list.loadMore} moreTestId="alerts-more"
        empty={list.items.length === 0 && list.error === null && <p className="muted table-status" data-testid="alerts-empty">{t('reporterAlertsEmpty')}</p>} />
    </section>
  );
}

/** /alerts for banks and telecoms: report signals by CSV, follow the upload, see the signals and the alerts they raised. */
export function ReporterDesk({ user }: { user: User }) {
  const t = useTranslations('alerts');
  const { request } = useAuth();
  const loadReason = useLoadReason();
  const [uploads, setUploads] = useState<SignalUploadSummary[] | null>(null);
  const [uploadsError, setUploadsError] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [signalsKey, setSignalsKey] = useState(0);

  const loadUploads = useCallback(async () => {
    try {
      setUploads((await request(SIGNAL_UPLOADS, { first: 10 })).signalUploads);
      setUploadsError(null);
    } catch (e) {
      setUploadsError(loadReason(e));
    }
  }, [request, loadReason]);

  useEffect(() => {
    void loadUploads();
  }, [loadUploads]);

  const finished = useCallback(() => {
    void loadUploads();
    setSignalsKey((k) => k + 1);
  }, [loadUploads]);

  return (
    <div className="wide-page" data-testid="reporter-desk">
      <div className="page-head">
        <div>
          <h1>{t('reporterTitle')}</h1>
          <p className="muted">{t('reporterIntro')}</p>
        </div>
      </div>
      <ReportSignals user={user} currentId={currentId} onFinished={finished} onStarted={(u) => {
        setCurrentId(u.id);
        void loadUploads();
      }} />
      <ReporterAlerts nudge={signalsKey} />
      <JobHistory testId="signal-upload" title={t('upload.recentTitle')} empty={t('upload.recentEmpty')} jobs={uploads} error={uploadsError}
        currentId={currentId} onShow={setCurrentId}
        columns={[
          { header: t('upload.colAccepted'), cell: (u) => u.accepted, num: true },
          { header: t('upload.colDuplicates'), cell: (u) => u.duplicates, num: true },
          { header: t('upload.rows'), cell: (u) => u.rowsTotal ?? '—', num: true },
        ]} />
      <OwnSignals reloadKey={signalsKey} />
    </div>
  );
}
