'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/Alert';
import { FilePicker } from '../../../../components/FilePicker';
import { ProgressBar } from '../../../../components/ProgressBar';
import { useAuth } from '../../../../lib/auth';
import { useAuthedDownload } from '../../../../lib/download';
import { useLoadReason, useUploadErrorMessage } from '../../../../lib/errors';
import { extensionOf, useFormatBytes } from '../../../../lib/files';
import { apiPath } from '../../../../lib/rest';
import { useUpload } from '../../../../lib/upload';
import { useContributorCase } from '../useContributorCase';
import { MAX_TRANSFERS, STATEMENT_COLUMNS, TRANSFER_COLUMNS } from './columns';
import { ImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import { graphql } from '../../../../gql';
import type { StatementImport, StatementImportSummary } from './ImportProgress';

const STATEMENT_IMPORTS = graphql(`query StatementImports($caseId: ID!) { statementImports(caseId: $caseId) { ...ImportSummary } }`);

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the columns mean, per language; headers as the template of that language writes them. */
function ColumnGuide() {
  const t = useTranslations('importPage');
  const zh = useLocale() !== 'en';
  const row = (header: string, other: string, required: boolean, description: string, key: string) => (
    <tr key={key}>
      <td className="nowrap">
        <strong>{header}</strong>
        {other !== header && <span className="mono muted small"> {other}</span>}
      </td>
      <td className="nowrap">{required ? <span className="status status-warn">{t('required')}</span> : <span className="muted">{t('optional')}</span>}</td>
      <td>{description}</td>
    </tr>
  );
  return (
    <div className="table-scroll">
      <table className="table table-compact column-guide" data-testid="column-guide">
        <thead>
          <tr>
            <th>{t('column')}</th>
            <th>{t('needed')}</th>
            <th>{t('meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {STATEMENT_COLUMNS.map((c) =>
            row(zh ? c.zh : c.name, zh ? c.name : c.zh, c.required, t(`columns.${c.name}`), c.name),
          )}
          {TRANSFER_COLUMNS.map((c) =>
            row(zh ? `转账N${c.zh}` : `transferN_${c.name}`, zh ? `transferN_${c.name}` : `转账N${c.zh}`, c.required,
              t(`transferColumns.${c.name}`), `t-${c.name}`),
          )}
        </tbody>
      </table>
      <p className="muted small">{t('transfersNote', { max: MAX_TRANSFERS })}</p>
    </div>
  );
}

export function ImportPage({ caseId }: { caseId: string }) {
  const t = useTranslations('importPage');
  const locale = useLocale();
  const { request } = useAuth();
  const loadReason = useLoadReason();
  const uploadError = useUploadErrorMessage();
  const formatBytes = useFormatBytes();
  const query = useSearchParams();
  const { send, busy, progress } = useUpload<StatementImport>();
  const input = useRef<HTMLInputElement>(null);

  const { head, gate } = useContributorCase(
    caseId,
    { caseNotFound: t('caseNotFound'), backToList: t('backToList'), readOnlyTitle: t('readOnlyTitle'), readOnlyText: t('readOnlyText'), backToCase: t('backToCase') },
    'import-read-only',
  );
  const [imports, setImports] = useState<StatementImportSummary[] | null>(null);
  const [importsError, setImportsError] = useState<string | null>(null);
  // The import followed on this page; kept in the address so a reload keeps following it.
  const [currentId, setCurrentId] = useState<string | null>(() => query.get('import'));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { download, busy: templateBusy, error: templateError } = useAuthedDownload();
  // The column guide gives way to the import being followed, so its progress is in view.
  const [guideOpen, setGuideOpen] = useState(() => !query.get('import'));

  const loadImports = useCallback(async () => {
    try {
      const data = await request(STATEMENT_IMPORTS, { caseId });
      setImports(data.statementImports);
      setImportsError(null);
    } catch (e) {
      setImportsError(loadReason(e));
    }
  }, [caseId, request, loadReason]);

  useEffect(() => {
    void loadImports();
  }, [loadImports]);

  function follow(id: string) {
    setCurrentId(id);
    setGuideOpen(false);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?import=${encodeURIComponent(id)}`);
  }

  function downloadTemplate() {
    const lang = locale === 'en' ? 'en' : 'zh';
    return download(apiPath(`/imports/template.csv?lang=${lang}`), `caselink-statements-template${lang === 'zh' ? '-zh' : ''}.csv`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError(t('chooseFirst'));
      return;
    }
    if (!['.csv', '.xlsx'].includes(extensionOf(file.name))) {
      setFileError(t('wrongType'));
      return;
    }
    setFileError(null);
    try {
      const started = await send(apiPath(`/cases/${caseId}/imports`), file);
      setFile(null);
      if (input.current) input.current.value = '';
      follow(started.id);
      setImports((list) => [started, ...(list ?? []).filter((i) => i.id !== started.id)]);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setFileError(uploadError(e));
    }
  }

  const finished = useCallback(() => void loadImports(), [loadImports]);

  if (gate || !head) return gate;

  return (
    <div data-testid="import-page">
      <div className="page-head">
        <div>
          <Link href={`/cases/${caseId}`} className="back-link" data-testid="back-to-case">
            ← {head.caseNumber} {head.title}
          </Link>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="card">
        <div className="section-head">
          <h2>{t('prepareTitle')}</h2>
          <button type="button" className="btn" disabled={templateBusy} onClick={() => void downloadTemplate()} data-testid="download-template">
            ⤓ {templateBusy ? t('downloadingTemplate') : t('downloadTemplate')}
          </button>
        </div>
        <p>{t('prepareText')}</p>
        {templateError && <Alert tone="error">{templateError}</Alert>}
        <details className="column-details" open={guideOpen} onToggle={(e) => setGuideOpen(e.currentTarget.open)}>
          <summary>{t('columnsSummary')}</summary>
          <ColumnGuide />
        </details>
      </section>
      <section className="card">
        <h2>{t('uploadTitle')}</h2>
        <form className="upload-form" onSubmit={submit} noValidate data-testid="import-upload-form">
          <div className="upload-row">
            <FilePicker ref={input} label={t('file')} file={file} accept={ACCEPT} disabled={busy} testId="import-file" error={!!fileError}
              hint={t('fileHint')} onChange={(chosen) => {
                setFile(chosen);
                setFileError(null);
              }} />
            <div className="upload-submit">
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="import-upload">
                {busy ? t('uploading') : t('upload')}
              </button>
            </div>
          </div>
          {progress && (
            <ProgressBar value={progress.loaded} max={progress.total} testId="import-upload-progress"
              label={t('uploadProgress', { loaded: formatBytes(progress.loaded), total: formatBytes(progress.total) })} />
          )}
          {fileError && <Alert tone="error" testId="import-file-error">{fileError}</Alert>}
        </form>
      </section>
      {currentId && <ImportProgress key={currentId} importId={currentId} onFinished={finished} />}
      <ImportHistory imports={imports} error={importsError} currentId={currentId} onShow={follow} />
    </div>
  );
}
