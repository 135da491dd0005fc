'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { RetryAlert } from '../../../components/ListParts';
import { ProgressBar } from '../../../components/ProgressBar';
import { useAuth } from '../../../lib/auth';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useFormatDateTime } from '../../../lib/format';
import { answeredOf, batchHref, CASE_FREEZE_BATCHES, type FreezeBatchSummary } from '../../../lib/freeze-batches';
import { GqlError } from '../../../lib/graphql';
import { useLiveRefresh } from '../../../lib/live';
import { useFormatMoney } from '../../../lib/money';

/** The batches of emergency stops the agency sent for the case (newest first), each with its progress and a link. */
export function CaseBatches({ caseId, ownAgencyId }: { caseId: string; ownAgencyId: string }) {
  const t = useTranslations('emergencyStops');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const formatDateTime = useFormatDateTime();
  const formatMoney = useFormatMoney();
  const [rows, setRows] = useState<FreezeBatchSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setRows((await request(CASE_FREEZE_BATCHES, { caseId })).caseFreezeBatches);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [caseId, request]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(() => void load(), (u) => u.type === 'FREEZE' && u.fromAgencyId === ownAgencyId, 500);

  // A case the agency only reads: it sends no stops from it, so there is nothing to list.
  if (error instanceof GqlError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;

  return (
    <section className="card" aria-labelledby="case-batches-title" data-testid="case-batches" data-loaded={rows ? 'true' : undefined}>
      <div className="section-head">
        <h2 id="case-batches-title">
          {t('caseBatchesTitle')} <span className="count" data-testid="case-batches-count">{rows?.length ?? 0}</span>
        </h2>
        <span className="muted small">{t('caseBatchesIntro')}</span>
      </div>
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}
      {rows?.length === 0 && <p className="muted" data-testid="case-batches-empty">{t('caseBatchesEmpty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('sentAtColumn')}</th>
                <th scope="col">{t('legalBasisDoc')}</th>
                <th scope="col" className="num">{t('stopsColumn')}</th>
                <th scope="col">{t('progressTitle')}</th>
                <th scope="col" className="num">{t('amountHeld')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => {
                const total = b.totals.awaiting + b.totals.holding + b.totals.ended;
                const answered = answeredOf(b.totals);
                return (
                  <tr key={b.id} data-testid="case-batch" data-batch-id={b.id}>
                    <td>
                      <Link href={batchHref(caseId, b.id)} data-testid="case-batch-link">
                        {formatDateTime(b.createdAt)}
                      </Link>
                      {b.createdByName && <span className="muted small"> · {b.createdByName}</span>}
                    </td>
                    <td className="small">{b.legalBasisDoc}</td>
                    <td className="num">{b.totals.sent}</td>
                    <td>
                      <ProgressBar value={answered} max={total} label={t('progressLabel', { answered, total })} />
                    </td>
                    <td className="num nowrap">{formatMoney(b.totals.amountHeld)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!rows && error === null && <p className="muted">{t('loading')}</p>}
    </section>
  );
}
