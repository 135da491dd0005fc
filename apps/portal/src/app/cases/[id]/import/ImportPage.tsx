'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../../components/Alert';
import { JobHistory } from '../../../../components/JobHistory';
import { UploadProgress, type UploadTexts } from '../../../../components/UploadProgress';
import { useAuth } from '../../../../lib/auth';
import { useAuthedDownload } from '../../../../lib/download';
import { useLoadReason } from '../../../../lib/errors';
import { apiPath } from '../../../../lib/rest';
import { useContributorCase } from '../../../../components/useContributorCase';
import { headerOf, MAX_TRANSFERS, STATEMENT_COLUMNS, TRANSFER_COLUMNS } from './columns';
import { graphql } from '../../../../gql';
import type { ImportSummaryFragment, StatementImportQuery } from '../../../../gql/graphql';

/** An import as listed (and as the api answers an upload): the per-row errors are read for one import at a time. */
type StatementImportSummary = ImportSummaryFragment;

graphql(`fragment ImportSummary on StatementImport { id caseId fileName format status totalRows processedRows importedRows errorRows failure createdAt finishedAt }`);
const STATEMENT_IMPORTS = graphql(`query StatementImports($caseId: ID!) { statementImports(caseId: $caseId) { ...ImportSummary } }`);
const STATEMENT_IMPORT = graphql(`query StatementImport($id: ID!) { statementImport(id: $id) { ...ImportSummary errors { row field reason } } }`);

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXTENSIONS = ['.csv', '.xlsx'];

/** An import as its progress shows it; the api's row errors name a field, or "row" for the whole row. */
function asJob(imp: StatementImportQuery['statementImport']) {
  return {
    ...imp,
    rowsDone: imp.processedRows,
    rowsTotal: imp.totalRows,
    errorCount: imp.errorRows,
    errors: imp.errors.map((e) => ({ row: e.row, column: !e.field || e.field === 'row' ? null : e.field, message: e.reason })),
  };
}
type FollowedImport = ReturnType<typeof asJob>;

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
  const query = useSearchParams();

  const { head, gate } = useContributorCase(
    caseId,
    { caseNotFound: t('caseNotFound'), backToList: t('backToList'), readOnlyTitle: t('readOnlyTitle'), readOnlyText: t('readOnlyText'), backToCase: t('backToCase') },
    'import-read-only',
  );
  const [imports, setImports] = useState<StatementImportSummary[] | null>(null);
  const [importsError, setImportsError] = useState<string | null>(null);
  // The import followed on this page; kept in the address so a reload keeps following it.
  const [currentId, setCurrentId] = useState<string | null>(() => query.get('import'));
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

  function started(imp: StatementImportSummary) {
    follow(imp.id);
    setImports((list) => [imp, ...(list ?? []).filter((i) => i.id !== imp.id)]);
  }

  const loadImport = useCallback(async (id: string) => asJob((await request(STATEMENT_IMPORT, { id })).statementImport), [request]);
  const finished = useCallback(() => void loadImports(), [loadImports]);
  const texts: UploadTexts = {
    file: t('file'), fileHint: t('fileHint'), upload: t('upload'), chooseFirst: t('chooseFirst'), wrongType: t('wrongType'),
    title: (file) => t('progressTitle', { file }),
  };

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
      <UploadProgress<FollowedImport, StatementImportSummary> testId="import" uploadPath={apiPath(`/cases/${caseId}/imports`)} accept={ACCEPT}
        extensions={EXTENSIONS} texts={texts} jobId={currentId} onStarted={started} loadJob={loadImport} onFinished={finished}
        columnLabel={(field) => headerOf(field, locale !== 'en')}
        counts={(imp) => [
          { value: imp.importedRows, label: t('imported'), testId: 'import-imported', tone: 'ok' },
          { value: imp.errorRows, label: t('errorRows'), testId: 'import-error-count', tone: 'bad' },
          { value: imp.totalRows ?? '—', label: t('totalRows'), testId: 'import-total' },
        ]}
        summary={(imp) => (
          <>
            {t('summary', { imported: imp.importedRows, errors: imp.errorRows })}{' '}
            {imp.importedRows > 0 && (
              <Link href={`/cases/${imp.caseId}`} data-testid="import-back-to-case">
                {t('seeStatements')}
              </Link>
            )}
          </>
        )}
        failure={(imp) => t('failed', { reason: imp.failure ?? '—' })}>
        <h2>{t('uploadTitle')}</h2>
      </UploadProgress>
      <JobHistory testId="import" title={t('historyTitle')} intro={t('historyIntro')} empty={t('historyEmpty')} jobs={imports} error={importsError}
        currentId={currentId} onShow={follow} fileNote={(i) => i.format}
        columns={[
          { header: t('colImported'), cell: (i) => i.importedRows, num: true },
          { header: t('colErrors'), cell: (i) => i.errorRows, num: true },
          { header: t('colRows'), cell: (i) => i.totalRows ?? '—', num: true },
        ]} />
    </div>
  );
}
