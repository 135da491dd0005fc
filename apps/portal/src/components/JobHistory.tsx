'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormatDateTime } from '../lib/format';
import { JobStatusBadge, type JobStatus } from './UploadProgress';
import { ActionsHeader } from './ListParts';

/** A figure of the list's own (imported rows, accepted signals, ...), between the status and the times. */
export interface JobColumn<J> {
  header: string;
  cell(job: J): ReactNode;
  num?: boolean;
}

interface Props<J extends { id: string; fileName: string; status: JobStatus; createdAt: string; finishedAt: string | null }> {
  /** data-testid prefix: `-history`, `-history-table`, `-history-empty`, `-row` (data-job-id, data-status), `-status`, `-show`. */
  testId: string;
  title: string;
  intro?: string;
  empty: string;
  jobs: J[] | null;
  error: string | null;
  /** The job followed above (UploadProgress): marked, and without a "show" button. */
  currentId: string | null;
  onShow(id: string): void;
  columns: JobColumn<J>[];
  /** Said after the file's name (its format). */
  fileNote?(job: J): ReactNode;
}

/** The earlier uploads of a kind, newest first; any of them can be followed in the UploadProgress above. */
export function JobHistory<J extends { id: string; fileName: string; status: JobStatus; createdAt: string; finishedAt: string | null }>(
  { testId, title, intro, empty, jobs, error, currentId, onShow, columns, fileNote }: Props<J>,
) {
  const t = useTranslations('upload.history');
  const tc = useTranslations('common');
  const formatDateTime = useFormatDateTime();
  return (
    <section className="card" data-testid={`${testId}-history`}>
      <div className="section-head">
        <h2>
          {title} {jobs && <span className="count">{jobs.length}</span>}
        </h2>
        {intro && <span className="muted small">{intro}</span>}
      </div>
      {error && <p className="field-error">{error}</p>}
      {!jobs && !error && <p className="muted">{tc('loading')}</p>}
      {jobs?.length === 0 && <p className="muted" data-testid={`${testId}-history-empty`}>{empty}</p>}
      {jobs && jobs.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact" data-testid={`${testId}-history-table`}>
            <thead>
              <tr>
                <th>{t('file')}</th>
                <th>{t('status')}</th>
                {columns.map((c) => (
                  <th key={c.header} className={c.num ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
                <th>{t('uploadedAt')}</th>
                <th>{t('finishedAt')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} data-testid={`${testId}-row`} data-job-id={job.id} data-status={job.status}
                  className={job.id === currentId ? 'row-current' : undefined}>
                  <td>
                    {job.fileName}
                    {fileNote && <span className="muted small"> {fileNote(job)}</span>}
                  </td>
                  <td>
                    <JobStatusBadge status={job.status} testId={`${testId}-status`} />
                  </td>
                  {columns.map((c) => (
                    <td key={c.header} className={c.num ? 'num' : undefined}>
                      {c.cell(job)}
                    </td>
                  ))}
                  <td className="nowrap muted">{formatDateTime(job.createdAt)}</td>
                  <td className="nowrap muted">{formatDateTime(job.finishedAt)}</td>
                  <td className="actions-cell">
                    {job.id !== currentId && (
                      <button type="button" className="btn btn-small" onClick={() => onShow(job.id)} data-testid={`${testId}-show`}>
                        {t('show')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
