'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { CopyHash } from '../../../components/CopyHash';
import { FilePicker } from '../../../components/FilePicker';
import { ProgressBar } from '../../../components/ProgressBar';
import { may } from '../../../lib/access';
import { useAuth } from '../../../lib/auth';
import { useAuthedDownload } from '../../../lib/download';
import { useUploadErrorMessage } from '../../../lib/errors';
import { useFormatBytes } from '../../../lib/files';
import { beijingDay, useFormatDate, useFormatDateTime } from '../../../lib/format';
import { apiPath } from '../../../lib/rest';
import { useUpload } from '../../../lib/upload';
import styles from './retention.module.css';
import { graphql } from '../../../gql';
import type { AttachmentFieldsFragment } from '../../../gql/graphql';
import type { VictimStatement } from './Statements';
import { ActionsHeader } from '../../../components/ListParts';

export type Attachment = AttachmentFieldsFragment;

graphql(`fragment AttachmentFields on Attachment { id statementId fileName contentType sizeBytes sha256 downloadPath createdAt purgedAt }`);

function UploadForm({ caseId, statements, onAdded }: { caseId: string; statements: VictimStatement[]; onAdded(a: Attachment): void }) {
  const t = useTranslations('case.evidence');
  const uploadError = useUploadErrorMessage();
  const formatBytes = useFormatBytes();
  const { send, busy, progress } = useUpload<Attachment>();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [statementId, setStatementId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (!file) {
      setError(t('chooseFirst'));
      return;
    }
    setError(null);
    const query = statementId ? `?statementId=${encodeURIComponent(statementId)}` : '';
    try {
      const added = await send(apiPath(`/cases/${caseId}/attachments${query}`), file);
      onAdded(added);
      setNotice(t('uploaded', { name: added.fileName }));
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setError(uploadError(e));
    }
  }

  return (
    <form className="upload-form" onSubmit={submit} noValidate data-testid="evidence-upload-form">
      <div className="upload-row">
        <FilePicker ref={input} label={t('file')} file={file} disabled={busy} testId="evidence-file" error={!!error}
          onChange={(chosen) => {
            setFile(chosen);
            setError(null);
            setNotice(null);
          }} />
        {statements.length > 0 && (
          <div className="field">
            <label htmlFor="evidence-statement">{t('attachTo')}</label>
            <select id="evidence-statement" value={statementId} disabled={busy} onChange={(e) => setStatementId(e.target.value)}
              data-testid="evidence-statement">
              <option value="">{t('wholeCase')}</option>
              {statements.map((s, i) => (
                <option key={s.id} value={s.id}>
                  {t('statementN', { n: i + 1, name: s.victim.name })}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="upload-submit">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="evidence-upload">
            {busy ? t('uploading') : t('upload')}
          </button>
        </div>
      </div>
      {progress && (
        <ProgressBar value={progress.loaded} max={progress.total} testId="evidence-progress"
          label={t('progress', { loaded: formatBytes(progress.loaded), total: formatBytes(progress.total) })} />
      )}
      {error && <Alert tone="error" testId="evidence-error">{error}</Alert>}
      {notice && <Alert tone="success" testId="evidence-notice">{notice}</Alert>}
    </form>
  );
}

function DownloadButton({ attachment }: { attachment: Attachment }) {
  const t = useTranslations('case.evidence');
  const { download, busy, error } = useAuthedDownload();
  const { session } = useAuth();
  // Evidence files carry personal data: only the roles the access table lets download them see the button.
  if (!session || !may(session.user, 'GET /attachments/:id')) return null;
  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void download(apiPath(attachment.downloadPath), attachment.fileName)}
        data-testid="attachment-download">
        {busy ? t('downloading') : t('download')}
      </button>
      {error && <div className="field-error" role="alert">{error}</div>}
    </>
  );
}

interface Props {
  caseId: string;
  attachments: Attachment[];
  statements: VictimStatement[];
  canContribute: boolean;
  onAdded(attachment: Attachment): void;
}

export function Evidence({ caseId, attachments, statements, canContribute, onAdded }: Props) {
  const t = useTranslations('case.evidence');
  const tRetention = useTranslations('retention');
  const formatBytes = useFormatBytes();
  const formatDate = useFormatDate();
  // The day the file was purged, in Beijing (purgedAt is a timestamp, not a calendar date).
  const purgedOn = (iso: string) => formatDate(beijingDay(iso));
  const formatDateTime = useFormatDateTime();
  const statementNumber = (id: string | null) => (id ? statements.findIndex((s) => s.id === id) + 1 : 0);
  // Newest first; the api lists in upload order.
  const rows = useMemo(() => [...attachments].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [attachments]);

  return (
    <section className="card" data-testid="evidence">
      <div className="section-head">
        <h2>
          {t('title')} <span className="count" data-testid="attachment-count">{attachments.length}</span>
        </h2>
        <span className="muted small">{t('intro')}</span>
      </div>
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="attachments-table">
            <thead>
              <tr>
                <th>{t('fileName')}</th>
                <th className="num">{t('size')}</th>
                <th>{t('sha256')}</th>
                <th>{t('uploadedAt')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-testid="attachment-row" data-attachment-id={a.id} data-purged={a.purgedAt ? 'true' : undefined}>
                  <td className="file-cell">
                    <span className={`file-name${a.purgedAt ? ` ${styles.purgedName}` : ''}`} data-testid="attachment-name">{a.fileName}</span>
                    <span className="muted small">
                      {' '}
                      {a.contentType}
                      {statementNumber(a.statementId) > 0 && ` · ${t('forStatement', { n: statementNumber(a.statementId) })}`}
                    </span>
                  </td>
                  <td className="num nowrap" data-testid="attachment-size" data-bytes={a.sizeBytes}>
                    {formatBytes(a.sizeBytes)}
                  </td>
                  <td className="nowrap">
                    <CopyHash value={a.sha256} testId="attachment-sha256" />
                  </td>
                  <td className="nowrap muted">{formatDateTime(a.createdAt)}</td>
                  <td className="actions-cell">
                    {/* The retention queue removed the file; its record (name, size, sha256) stays, the download would answer 410. */}
                    {a.purgedAt ? (
                      <span className={styles.purgedFile} data-testid="attachment-purged" title={formatDateTime(a.purgedAt)}>
                        {tRetention('purgedFile', { date: purgedOn(a.purgedAt) })}
                      </span>
                    ) : (
                      <DownloadButton attachment={a} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted" data-testid="attachments-empty">{t('empty')}</p>
      )}
      {canContribute && (
        <>
          <h3 className="subhead">{t('addTitle')}</h3>
          <UploadForm caseId={caseId} statements={statements} onAdded={onAdded} />
        </>
      )}
    </section>
  );
}
