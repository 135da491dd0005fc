'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useProblemText, useUploadErrorMessage } from '../lib/errors';
import { extensionOf, toCsv, useFormatBytes } from '../lib/files';
import { useFormatDateTime } from '../lib/format';
import { usePolledJob } from '../lib/polled-job';
import { saveBlob } from '../lib/rest';
import { useUpload } from '../lib/upload';
import { Alert } from './Alert';
import { FilePicker } from './FilePicker';
import { ProgressBar } from './ProgressBar';

/*
 * A file sent to the api, which queues a job in the worker that reads it row by row (a statement import into a
 * case, a CSV of risk signals): the file picker (a drop zone too), the bytes on their way up, then the job once a
 * second until it is DONE or FAILED, with its counts, its outcome and the rows it refused.
 */

export type JobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** Status colours: queued grey, running amber, done green, failed red (the status-* pills, the card's edge). */
const STATUS_TONES: Record<JobStatus, string> = { QUEUED: 'status-off', RUNNING: 'status-warn', DONE: 'status-ok', FAILED: 'status-bad' };

export const jobFinished = (job: { status: JobStatus } | null | undefined) => job?.status === 'DONE' || job?.status === 'FAILED';

/** A row the job refused: its number in the file, the column (none: the whole row) and why. */
export interface JobRowError {
  row: number;
  column?: string | null;
  message: string;
}

/** What the progress shows of a job; a page maps its own job onto it (and keeps its other fields for `counts` etc.). */
export interface UploadJob {
  id: string;
  fileName: string;
  status: JobStatus;
  createdAt: string;
  finishedAt: string | null;
  rowsDone: number;
  /** Null until the worker has counted the file's rows. */
  rowsTotal: number | null;
  errors: readonly JobRowError[];
  /** How many rows were refused when the api lists only the first of them (default: all are listed). */
  errorCount?: number;
}

/** One of the figures under the bar; above 0, an `ok` one shows green, a `bad` one red. */
export interface JobCount {
  value: ReactNode;
  label: string;
  testId: string;
  tone?: 'ok' | 'bad';
}

/** The page's own words: what the file is, which files it takes, what the job is called and how it ended. */
export interface UploadTexts {
  file: string;
  fileHint: string;
  upload: string;
  chooseFirst: string;
  wrongType: string;
  title(fileName: string): string;
}

interface Props<T extends UploadJob, S extends { id: string }> {
  /**
   * The data-testid of every part starts with this: `-card`, `-form`, `-file`, `-submit`, `-bytes`, `-file-error`;
   * the job's `-progress` (with data-status and data-job-id), `-status`, `-bar`, `-failed`, `-summary`, `-errors`,
   * `-error-row` (data-row, data-column), `-error-column`, `-error-reason`, `-download-errors`.
   */
  testId: string;
  /** What heads the upload card (a title, what the file holds, its template). */
  children?: ReactNode;
  /** The REST route the file is posted to; the api answers with the job it queued. */
  uploadPath: string;
  accept: string;
  /** The extensions taken, lower case with the dot; another file is refused before it is sent. */
  extensions: readonly string[];
  texts: UploadTexts;
  /** The job followed (just uploaded, or picked from a list); null for none. */
  jobId: string | null;
  /** The api took the file: `answer` is the job it queued; the page usually follows it (jobId). */
  onStarted(answer: S): void;
  /** Reads the job (keep its identity: useCallback); null when there is none. */
  loadJob(id: string): Promise<T | null>;
  onFinished(job: T): void;
  counts(job: T): JobCount[];
  /** The outcome of a DONE job, in a sentence (links may follow it). */
  summary(job: T): ReactNode;
  /** Why a FAILED job stored nothing. */
  failure(job: T): ReactNode;
  /** A column's header in the page's language (the column's own name is shown beside it when it differs). */
  columnLabel?(column: string): string;
}

export function UploadProgress<T extends UploadJob, S extends { id: string } = { id: string }>(props: Props<T, S>) {
  const { testId, children, jobId } = props;
  return (
    <>
      <section className="card" data-testid={`${testId}-card`}>
        {children}
        <UploadForm {...props} />
      </section>
      {jobId && <JobProgress key={jobId} {...props} jobId={jobId} />}
    </>
  );
}

/** The status of a job in words and colour (also for the lists of earlier jobs). */
export function JobStatusBadge({ status, testId }: { status: JobStatus; testId: string }) {
  const t = useTranslations('upload.statuses');
  return (
    <span className={`status ${STATUS_TONES[status]}`} data-testid={testId} data-status={status}>
      {t(status)}
    </span>
  );
}

function UploadForm<T extends UploadJob, S extends { id: string }>({ testId, uploadPath, accept, extensions, texts, onStarted }: Props<T, S>) {
  const t = useTranslations('upload');
  const uploadError = useUploadErrorMessage();
  const formatBytes = useFormatBytes();
  const { send, busy, progress } = useUpload<S>();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  // Kept as what went wrong, not as words: a switch of language says it again in the other one.
  const [fileError, setFileError] = useState<{ refused: 'chooseFirst' | 'wrongType' } | { failed: unknown } | null>(null);
  const fileErrorText = fileError && ('refused' in fileError ? texts[fileError.refused] : uploadError(fileError.failed));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setFileError({ refused: 'chooseFirst' });
    if (!extensions.includes(extensionOf(file.name))) return setFileError({ refused: 'wrongType' });
    setFileError(null);
    try {
      const started = await send(uploadPath, file);
      setFile(null);
      if (input.current) input.current.value = '';
      onStarted(started);
    } catch (e) {
      // Leaving the page aborts the upload: nothing to say.
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setFileError({ failed: e });
    }
  }

  return (
    <form className="upload-form" onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <div className="upload-row">
        <FilePicker ref={input} label={texts.file} file={file} accept={accept} disabled={busy} testId={`${testId}-file`} error={!!fileError}
          hint={texts.fileHint} dropzone onChange={(chosen) => {
            setFile(chosen);
            setFileError(null);
          }} />
        <div className="upload-submit">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid={`${testId}-submit`}>
            {busy ? t('uploading') : texts.upload}
          </button>
        </div>
      </div>
      {progress && (
        <ProgressBar value={progress.loaded} max={progress.total} testId={`${testId}-bytes`}
          label={t('sent', { loaded: formatBytes(progress.loaded), total: formatBytes(progress.total) })} />
      )}
      {fileErrorText && <Alert tone="error" testId={`${testId}-file-error`}>{fileErrorText}</Alert>}
    </form>
  );
}

/** Follows one job once a second until it is DONE or FAILED, then shows its outcome and the rows it refused. */
function JobProgress<T extends UploadJob, S extends { id: string }>(props: Props<T, S> & { jobId: string }) {
  const { testId, jobId, loadJob, onFinished, texts, counts, summary, failure, columnLabel } = props;
  const t = useTranslations('upload');
  const formatDateTime = useFormatDateTime();
  const problemText = useProblemText();
  const load = useCallback(() => loadJob(jobId), [loadJob, jobId]);
  const { job, error, missing } = usePolledJob(load, jobFinished, onFinished);

  if (!job) {
    return (
      <section className="card upload-job" data-testid={`${testId}-progress`}>
        {missing ? <Alert tone="error">{t('missing')}</Alert> : error ? <Alert tone="error">{error}</Alert> : <p className="muted">{t('loadingJob')}</p>}
      </section>
    );
  }

  const done = jobFinished(job);
  const errorCount = job.errorCount ?? job.errors.length;
  const shownColumn = (column: string | null | undefined) => (column ? (columnLabel?.(column) ?? column) : t('wholeRow'));

  function downloadErrors() {
    if (!job) return;
    const rows = columnLabel
      ? [[t('errorRow'), t('errorColumn'), t('errorColumnName'), t('errorReason')], ...job.errors.map((e) => [e.row, shownColumn(e.column), e.column ?? '', e.message])]
      : [[t('errorRow'), t('errorColumn'), t('errorReason')], ...job.errors.map((e) => [e.row, e.column ?? '', e.message])];
    const base = job.fileName.replace(/\.[^.]+$/, '') || testId;
    saveBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), `${base}-errors.csv`);
  }

  return (
    <section className="card upload-job" data-testid={`${testId}-progress`} data-job-id={job.id} data-status={job.status}
      data-errors={errorCount > 0 || undefined}>
      <div className="section-head">
        <h2>{texts.title(job.fileName)}</h2>
        <JobStatusBadge status={job.status} testId={`${testId}-status`} />
        <span className="muted small">
          {done ? t('finishedAt', { time: formatDateTime(job.finishedAt) }) : t('startedAt', { time: formatDateTime(job.createdAt) })}
        </span>
      </div>
      {error && <Alert tone="warning">{error}</Alert>}
      {job.status !== 'FAILED' && (
        <ProgressBar value={job.rowsDone} max={done ? Math.max(job.rowsTotal ?? 0, 1) : job.rowsTotal} testId={`${testId}-bar`}
          label={job.rowsTotal == null ? t('readingFile') : t('rowsDone', { done: job.rowsDone, total: job.rowsTotal })} />
      )}
      <div className="tallies">
        {counts(job).map((c) => (
          <div key={c.testId} className={`tally${c.tone && Number(c.value) > 0 ? ` tally-${c.tone}` : ''}`}>
            <strong data-testid={c.testId}>{c.value}</strong>
            <span>{c.label}</span>
          </div>
        ))}
      </div>
      {job.status === 'FAILED' && (
        <Alert tone="error" testId={`${testId}-failed`}>
          {failure(job)}
        </Alert>
      )}
      {job.status === 'DONE' && (
        <Alert tone={errorCount > 0 ? 'warning' : 'success'} testId={`${testId}-summary`}>
          {summary(job)}
        </Alert>
      )}
      {job.errors.length > 0 && (
        <>
          <div className="section-head errors-head">
            <h3 className="subhead">{t('errorReport')}</h3>
            {errorCount > job.errors.length && (
              <span className="muted small">{t('errorsTruncated', { shown: job.errors.length, total: errorCount })}</span>
            )}
            <button type="button" className="btn btn-small" onClick={downloadErrors} data-testid={`${testId}-download-errors`}>
              {t('downloadErrors')}
            </button>
          </div>
          <div className="table-scroll">
            <table className="table table-compact" data-testid={`${testId}-errors`}>
              <thead>
                <tr>
                  <th className="num">{t('errorRow')}</th>
                  <th>{t('errorColumn')}</th>
                  <th>{t('errorReason')}</th>
                </tr>
              </thead>
              <tbody>
                {job.errors.map((e, i) => {
                  const shown = shownColumn(e.column);
                  return (
                    <tr key={`${e.row}-${e.column ?? ''}-${i}`} data-testid={`${testId}-error-row`} data-row={e.row} data-column={e.column ?? ''}>
                      <td className="num">{e.row}</td>
                      <td className={e.column ? 'nowrap' : 'muted'} data-testid={`${testId}-error-column`}>
                        {e.column && !columnLabel ? <span className="mono">{shown}</span> : shown}
                        {e.column && shown !== e.column && <span className="mono muted small"> {e.column}</span>}
                      </td>
                      <td data-testid={`${testId}-error-reason`}>{problemText(e.message)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
