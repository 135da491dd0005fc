'use client';

import { useTranslations } from 'next-intl';
import { ImportStatusBadge } from '../../../../components/CaseBadges';
import { useFormatDateTime } from '../../../../lib/format';
import type { StatementImportSummary } from './ImportProgress';

interface Props {
  imports: StatementImportSummary[] | null;
  error: string | null;
  currentId: string | null;
  onShow(id: string): void;
}

/** Earlier imports into this case by the own agency, newest first. */
export function ImportHistory({ imports, error, currentId, onShow }: Props) {
  const t = useTranslations('importPage');
  const tc = useTranslations('common');
  const formatDateTime = useFormatDateTime();
  return (
    <section className="card" data-testid="import-history">
      <div className="section-head">
        <h2>
          {t('historyTitle')} {imports && <span className="count">{imports.length}</span>}
        </h2>
        <span className="muted small">{t('historyIntro')}</span>
      </div>
      {error && <p className="field-error">{error}</p>}
      {!imports && !error && <p className="muted">{tc('loading')}</p>}
      {imports && imports.length === 0 && <p className="muted">{t('historyEmpty')}</p>}
      {imports && imports.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="imports-table">
            <thead>
              <tr>
                <th>{t('file')}</th>
                <th>{t('status')}</th>
                <th className="num">{t('colImported')}</th>
                <th className="num">{t('colErrors')}</th>
                <th className="num">{t('colRows')}</th>
                <th>{t('uploadedAt')}</th>
                <th>{t('finished')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id} data-testid="import-row" data-import-id={i.id} className={i.id === currentId ? 'row-current' : undefined}>
                  <td>
                    {i.fileName} <span className="muted small">{i.format}</span>
                  </td>
                  <td>
                    <ImportStatusBadge status={i.status} />
                  </td>
                  <td className="num">{i.importedRows}</td>
                  <td className="num">{i.errorRows}</td>
                  <td className="num">{i.totalRows ?? '—'}</td>
                  <td className="nowrap muted">{formatDateTime(i.createdAt)}</td>
                  <td className="nowrap muted">{formatDateTime(i.finishedAt)}</td>
                  <td>
                    {i.id !== currentId && (
                      <button type="button" className="btn btn-small" onClick={() => onShow(i.id)} data-testid="show-import">
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
