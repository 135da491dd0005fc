'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { Alert } from '../../components/Alert';
import { ProgressBar } from '../../components/ProgressBar';
import { useAuth } from '../../lib/auth';
import { toCsv } from '../../lib/files';
import { useFormatDateTime } from '../../lib/format';
import { usePolledJob } from '../../lib/polled-job';
import { saveBlob } from '../../lib/rest';
import { UploadStatusBadge } from './AlertParts';
import styles from './alerts.module.css';
import { SIGNAL_UPLOAD, uploadFinished, type SignalUpload } from './shared';

/** Follows one CSV upload once a second until it is DONE or FAILED, then shows what was accepted and the row errors. */
export function SignalUploadProgress({ uploadId, onFinished }: { uploadId: string; onFinished(upload: SignalUpload): void }) {
  const t = useTranslations('alerts.upload');
  const { request } = useAuth();
  const formatDateTime = useFormatDateTime();
  const load = useCallback(
    async () => (await request(SIGNAL_UPLOAD, { id: uploadId })).signalUpload,
    [uploadId, request],
  );
  const { job: upload, error, missing } = usePolledJob(load, uploadFinished, onFinished);

  if (!upload) {
    return (
      <section className="card" data-testid="signal-upload-progress">
        {missing ? <Alert tone="error">{t('missing')}</Alert> : error ? <Alert tone="error">{error}</Alert> : <p className="muted">{t('loadingUpload')}</p>}
      </section>
    );
  }

  function downloadErrors() {
    if (!upload) return;
    const rows = [[t('errorRow'), t('errorColumn'), t('errorMessage')], ...upload.errors.map((e) => [e.row, e.column ?? '', e.message])];
    const base = upload.fileName.replace(/\.[^.]+$/, '') || 'signals';
    saveBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), `${base}-errors.csv`);
  }

  const done = uploadFinished(upload);
  const errorCount = upload.errors.length;
  return (
    <section className={`card${upload.status === 'DONE' ? ` ${styles.uploadDone}` : ''}`} data-testid="signal-upload-progress"
      data-upload-id={upload.id} data-status={upload.status}>
      <div className="section-head">
        <h2>{t('progressTitle', { file: upload.fileName })}</h2>
        <UploadStatusBadge status={upload.status} />
        <span className="muted small">
          {done ? t('finishedAt', { time: formatDateTime(upload.finishedAt) }) : t('startedAt', { time: formatDateTime(upload.createdAt) })}
        </span>
      </div>
      {error && <Alert tone="warning">{error}</Alert>}
      {upload.status !== 'FAILED' && (
        <ProgressBar value={upload.rowsDone} max={done ? Math.max(upload.rowsTotal ?? 0, 1) : upload.rowsTotal} testId="signal-upload-bar"
          label={upload.rowsTotal == null ? t('readingFile') : t('rowsDone', { done: upload.rowsDone, total: upload.rowsTotal })} />
      )}
      <div className={styles.uploadCounts}>
        <div className={`${styles.uploadCount} ${styles.countOk}`}>
          <strong data-testid="signal-upload-accepted">{upload.accepted}</strong>
          <span>{t('accepted')}</span>
        </div>
        <div className={styles.uploadCount}>
          <strong data-testid="signal-upload-duplicates">{upload.duplicates}</strong>
          <span>{t('duplicates')}</span>
        </div>
        <div className={`${styles.uploadCount}${errorCount > 0 ? ` ${styles.countBad}` : ''}`}>
          <strong data-testid="signal-upload-error-count">{errorCount}</strong>
          <span>{t('errorRows')}</span>
        </div>
      </div>
      {upload.status === 'FAILED' && (
        <Alert tone="error" testId="signal-upload-failed">
          {t('failed')}
        </Alert>
      )}
      {upload.status === 'DONE' && (
        <Alert tone={errorCount > 0 ? 'warning' : 'success'} testId="signal-upload-summary">
          {t('summary', { accepted: upload.accepted, duplicates: upload.duplicates, errors: errorCount })}
        </Alert>
      )}
      {errorCount > 0 && (
        <>
          <div className="section-head">
            <h3 className="subhead">{t('errorReport')}</h3>
            <button type="button" className="btn btn-small" onClick={downloadErrors} data-testid="signal-upload-download-errors">
              {t('downloadErrors')}
            </button>
          </div>
          <div className="table-scroll">
            <table className="table table-compact" data-testid="signal-upload-errors">
              <thead>
                <tr>
                  <th className="num">{t('errorRow')}</th>
                  <th>{t('errorColumn')}</th>
                  <th>{t('errorMessage')}</th>
                </tr>
              </thead>
              <tbody>
                {upload.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column ?? ''}-${i}`} data-testid="signal-upload-error-row" data-row={e.row} data-column={e.column ?? ''}>
                    <td className="num">{e.row}</td>
                    <td className="mono">{e.column ?? <span className="muted">{t('wholeRow')}</span>}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
