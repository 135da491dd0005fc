'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback } from 'react';
import { Alert } from '../../../../components/Alert';
import { ImportStatusBadge } from '../../../../components/CaseBadges';
import { ProgressBar } from '../../../../components/ProgressBar';
import { useAuth } from '../../../../lib/auth';
import { toCsv } from '../../../../lib/files';
import { useFormatDateTime } from '../../../../lib/format';
import { usePolledJob } from '../../../../lib/polled-job';
import { saveBlob } from '../../../../lib/rest';
import { headerOf } from './columns';
import { graphql } from '../../../../gql';
import type { ImportSummaryFragment, StatementImportQuery } from '../../../../gql/graphql';

/** An import as listed: the per-row errors are read for one import at a time. */
export type StatementImportSummary = ImportSummaryFragment;
export type StatementImport = NonNullable<StatementImportQuery['statementImport']>;

graphql(`fragment ImportSummary on StatementImport { id caseId fileName format status totalRows processedRows importedRows errorRows failure createdAt finishedAt }`);
export const STATEMENT_IMPORT = graphql(`query StatementImport($id: ID!) { statementImport(id: $id) { ...ImportSummary errors { row field reason } } }`);

const finished = (i: StatementImport | null) => i?.status === 'DONE' || i?.status === 'FAILED';

/** Follows one import once a second until it is DONE or FAILED, then shows its outcome and row errors. */
export function ImportProgress({ importId, onFinished }: { importId: string; onFinished(imp: StatementImport): void }) {
  const t = useTranslations('importPage');
  const locale = useLocale();
  const zh = locale !== 'en';
  const { request } = useAuth();
  const formatDateTime = useFormatDateTime();
  const load = useCallback(
    async () => (await request(STATEMENT_IMPORT, { id: importId })).statementImport,
    [importId, request],
  );
  const { job: imp, error } = usePolledJob(load, finished, onFinished);

  if (!imp) {
    return (
      <section className="card" data-testid="import-progress">
        {error ? <Alert tone="error">{error}</Alert> : <p className="muted">{t('loadingImport')}</p>}
      </section>
    );
  }

  const wholeRow = (field: string) => !field || field === 'row';
  const columnLabel = (field: string) => (wholeRow(field) ? t('wholeRow') : headerOf(field, zh));

  function downloadErrors() {
    if (!imp) return;
    const rows = [
      [t('errorRow'), t('errorColumn'), t('errorColumnName'), t('errorReason')],
      ...imp.errors.map((e) => [e.row, columnLabel(e.field), e.field, e.reason]),
    ];
    const base = imp.fileName.replace(/\.[^.]+$/, '') || 'import';
    saveBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), `${base}-errors.csv`);
  }

  const done = finished(imp);
  const progressLabel =
    imp.totalRows == null
      ? t('readingFile')
      : t('rowsProcessed', { processed: imp.processedRows, total: imp.totalRows });

  return (
    <section className="card import-progress" data-testid="import-progress" data-import-id={imp.id} data-status={imp.status}>
      <div className="section-head">
        <h2>{t('progressTitle', { file: imp.fileName })}</h2>
        <ImportStatusBadge status={imp.status} />
        <span className="muted small">
          {done ? t('finishedAt', { time: formatDateTime(imp.finishedAt) }) : t('startedAt', { time: formatDateTime(imp.createdAt) })}
        </span>
      </div>
      {error && <Alert tone="warning">{error}</Alert>}
      {imp.status !== 'FAILED' && (
        <ProgressBar value={imp.processedRows} max={done ? Math.max(imp.totalRows ?? 0, 1) : imp.totalRows}
          label={progressLabel} testId="import-progress-bar" />
      )}
      <div className="import-counts">
        <div className="import-count import-count-ok">
          <strong data-testid="import-imported">{imp.importedRows}</strong>
          <span>{t('imported')}</span>
        </div>
        <div className={`import-count${imp.errorRows > 0 ? ' import-count-bad' : ''}`}>
          <strong data-testid="import-error-count">{imp.errorRows}</strong>
          <span>{t('errorRows')}</span>
        </div>
        <div className="import-count">
          <strong data-testid="import-total">{imp.totalRows ?? '—'}</strong>
          <span>{t('totalRows')}</span>
        </div>
      </div>
      {imp.status === 'FAILED' && (
        <Alert tone="error" testId="import-failure">
          {t('failed', { reason: imp.failure ?? '—' })}
        </Alert>
      )}
      {imp.status === 'DONE' && (
        <Alert tone={imp.errorRows > 0 ? 'warning' : 'success'} testId="import-summary">
          {t('summary', { imported: imp.importedRows, errors: imp.errorRows })}{' '}
          {imp.importedRows > 0 && (
            <Link href={`/cases/${imp.caseId}`} data-testid="import-back-to-case">
              {t('seeStatements')}
            </Link>
          )}
        </Alert>
      )}
      {imp.errors.length > 0 && (
        <>
          <div className="section-head errors-head">
            <h3 className="subhead">{t('errorReport')}</h3>
            {imp.errorRows > imp.errors.length && (
              <span className="muted small">{t('errorsTruncated', { shown: imp.errors.length, total: imp.errorRows })}</span>
            )}
            <button type="button" className="btn btn-small" onClick={downloadErrors} data-testid="download-errors">
              {t('downloadErrors')}
            </button>
          </div>
          <div className="table-scroll">
            <table className="table table-compact" data-testid="import-errors-table">
              <thead>
                <tr>
                  <th className="num">{t('errorRow')}</th>
                  <th>{t('errorColumn')}</th>
                  <th>{t('errorReason')}</th>
                </tr>
              </thead>
              <tbody>
                {imp.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.field}-${i}`} data-testid="import-error-row" data-row={e.row} data-field={e.field}>
                    <td className="num">{e.row}</td>
                    <td className="nowrap" data-testid="import-error-column">
                      {columnLabel(e.field)}
                      {zh && !wholeRow(e.field) && <span className="mono muted small"> {e.field}</span>}
                    </td>
                    <td data-testid="import-error-reason">{e.reason}</td>
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
