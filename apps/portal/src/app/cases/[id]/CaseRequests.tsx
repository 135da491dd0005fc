'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { LiveIndicator } from '../../../components/LiveIndicator';
import { RetryAlert } from '../../../components/ListParts';
import { useAuth } from '../../../lib/auth';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useLiveRefresh } from '../../../lib/live';
import { RequestTable } from '../../../components/requests/RequestTable';
import { CASE_REQUESTS, newRequestHref } from '../../../lib/requests';
import type { AgencyRequestSummary } from '../../../components/requests/RequestTable';

/** The requests this agency sent for the case, with their states and deadlines, and buttons for new ones. */
interface Props {
  caseId: string;
  ownAgencyId: string;
  /** Whether the viewer may send requests from this case (role, access, handling code). */
  mayRequest: boolean;
  /** Why not, when the case itself stands in the way: a READ grant, or the owner must be asked first. */
  blockedBy: 'read' | 'ask' | null;
}

export function CaseRequests({ caseId, ownAgencyId, mayRequest, blockedBy }: Props) {
  const t = useTranslations('caseRequests');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const [rows, setRows] = useState<AgencyRequestSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const data = await request(CASE_REQUESTS, { caseId });
      setRows(data.caseRequests);
    } catch (e) {
      setError(e);
    }
  }, [caseId, request]);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(() => void load(), (u) => u.fromAgencyId === ownAgencyId);

  return (
    <section className="card requests-card" data-testid="case-requests" data-loaded={rows ? 'true' : undefined}>
      <div className="section-head">
        <h2>
          {t('title')} <span className="count" data-testid="case-requests-count">{rows?.length ?? 0}</span>
        </h2>
        <span className="muted small">{t('intro')}</span>
        {mayRequest && (
          <div className="section-actions">
            <Link className="btn btn-primary" href={newRequestHref(caseId, { type: 'FREEZE' })} data-testid="new-freeze-request">
              {t('newFreeze')}
            </Link>
            <Link className="btn" href={newRequestHref(caseId, { type: 'TELECOM' })} data-testid="new-telecom-request">
              {t('newTelecom')}
            </Link>
            <Link className="btn" href={newRequestHref(caseId, { type: 'COOPERATION' })} data-testid="new-cooperation-request">
              {t('newCooperation')}
            </Link>
          </div>
        )}
      </div>
      {blockedBy && <p className="muted small" data-testid="case-requests-blocked">{t(`blocked.${blockedBy}`)}</p>}
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}
      {rows && rows.length > 0 && (
        <>
          <RequestTable rows={rows} direction="OUTGOING" hideCase testId="case-requests-table" />
          <div className="table-foot-note">
            <LiveIndicator />
          </div>
        </>
      )}
      {rows?.length === 0 && <p className="muted" data-testid="case-requests-empty">{t('empty')}</p>}
      {!rows && error === null && <p className="muted">{t('loading')}</p>}
    </section>
  );
}
