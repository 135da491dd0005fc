'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { RequestStatusBadge } from '../../components/CaseBadges';
import { ListFoot, RetryAlert } from '../../components/ListParts';
import { tabId, Tabs } from '../../components/Tabs';
import { canDecideAccessRequests } from '../../lib/access';
import { useAuth } from '../../lib/auth';
import { useErrorMessage, useLoadErrorMessage } from '../../lib/errors';
import { useAgencyName, useFormatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/paged-list';
import { announcePendingChanged } from '../../lib/pending';
import { useScrollToHash } from '../../lib/scroll-to-hash';
import type { AccessRequestStatus, CaseAccessName, RequestDirection } from '../../lib/types';
import { graphql } from '../../gql';
import type { AccessRequestFieldsFragment } from '../../gql/graphql';

type AccessRequest = AccessRequestFieldsFragment;

graphql(`fragment AccessRequestFields on AccessRequest {
  id caseId caseNumber requestingAgency { ...AgencyRefFields } ownerAgency { ...AgencyRefFields } reason status decisionNote createdAt decidedAt
}`);
const ACCESS_REQUESTS = graphql(`query AccessRequests($direction: RequestDirection!, $status: AccessRequestStatus, $first: Int, $after: String) {
  accessRequests(direction: $direction, status: $status, first: $first, after: $after) {
    edges { cursor node { ...AccessRequestFields } } pageInfo { hasNextPage endCursor } totalCount
  }
}`);
const DECIDE_ACCESS_REQUEST = graphql(`mutation DecideAccessRequest($input: DecideAccessRequestInput!) { decideAccessRequest(input: $input) { ...AccessRequestFields } }`);

const PAGE_SIZE = 20;
const PANEL_ID = 'access-requests-panel';

function DecideForm({ item, onDecided }: { item: AccessRequest; onDecided(next: AccessRequest): void }) {
  const t = useTranslations('accessRequests');
  const tAccess = useTranslations('access');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const [access, setAccess] = useState<CaseAccessName>('READ');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(approve: boolean) {
    setBusy(true);
    setError(null);
    try {
      const data = await request(DECIDE_ACCESS_REQUEST, {
        input: { id: item.id, approve, access, note: note.trim() || null },
      });
      onDecided(data.decideAccessRequest);
      announcePendingChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="decide" data-testid="decide-form">
      <div className="decide-row">
        <select aria-label={t('grant')} value={access} onChange={(e) => setAccess(e.target.value as CaseAccessName)}
          data-testid="decide-access">
          <option value="READ">{tAccess('READ')}</option>
          <option value="CONTRIBUTE">{tAccess('CONTRIBUTE')}</option>
        </select>
        <input aria-label={t('note')} placeholder={t('notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)}
          data-testid="decide-note" />
      </div>
      <div className="decide-row">
        <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void decide(true)}
          data-testid="approve">
          {t('approve', { access: tAccess(access) })}
        </button>
        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => void decide(false)}
          data-testid="deny">
          {t('deny')}
        </button>
      </div>
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

export function AccessRequests() {
  const t = useTranslations('accessRequests');
  const { request, session } = useAuth();
  // Deciding is a supervisor's call (access table); investigators follow the list.
  const mayDecide = !!session && canDecideAccessRequests(session.user);
  const loadErrorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const [direction, setDirection] = useState<RequestDirection>('INCOMING');
  const [status, setStatus] = useState<AccessRequestStatus | ''>('PENDING');
  const fetchPage = useCallback(
    async (after: string | null) =>
      (
        await request(ACCESS_REQUESTS, {
          direction,
          status: status || null,
          first: PAGE_SIZE,
          after,
        })
      ).accessRequests,
    [request, direction, status],
  );
  const { items, setItems, total, hasMore, loading, error, reload, loadMore } = usePagedList(fetchPage, { clearOnError: true });
  const loadError = error !== null ? loadErrorMessage(error) : null;
  useScrollToHash(items.length > 0);

  function decided(next: AccessRequest) {
    setItems((prev) => prev.map((i) => (i.id === next.id ? next : i)));
  }

  const incoming = direction === 'INCOMING';

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <Tabs<RequestDirection> label={t('directionsLabel')} value={direction} onChange={setDirection} panelId={PANEL_ID}
        options={(['INCOMING', 'OUTGOING'] as const).map((d) => ({ value: d, label: t(`directions.${d}`), testId: `tab-${d}` }))}>
        <select className="tabs-filter" aria-label={t('statusFilter')} value={status}
          onChange={(e) => setStatus(e.target.value as AccessRequestStatus | '')} data-testid="request-status-filter">
          <option value="">{t('allStatuses')}</option>
          {(['PENDING', 'APPROVED', 'DENIED'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </Tabs>
      {loadError && <RetryAlert message={loadError} onRetry={reload} />}
      <section className="card table-card" id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(PANEL_ID, direction)}>
        <div className="table-toolbar">
          <span className="muted small">{incoming ? t('incomingHelp') : t('outgoingHelp')}</span>
          <span className="muted" aria-live="polite" data-testid="requests-total">
            {t('total', { total: total ?? 0 })}
          </span>
        </div>
        <div className="table-scroll">
          <table className="table" data-testid="requests-table">
            <thead>
              <tr>
                <th>{t('case')}</th>
                <th>{incoming ? t('requestingAgency') : t('ownerAgency')}</th>
                <th>{t('reason')}</th>
                <th>{t('requestedAt')}</th>
                <th>{t('status')}</th>
                <th>{incoming ? t('decision') : t('answer')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} id={r.id} data-testid="request-row">
                  <td className="mono nowrap">
                    {r.caseNumber ? (
                      <Link href={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
                    ) : r.status === 'APPROVED' ? (
                      <Link href={`/cases/${r.caseId}`}>{t('openCase')}</Link>
                    ) : (
                      <span className="muted">{t('hiddenCase')}</span>
                    )}
                  </td>
                  <td>{agencyName(incoming ? r.requestingAgency : r.ownerAgency)}</td>
                  <td className="details">{r.reason}</td>
                  <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                  <td>
                    <RequestStatusBadge status={r.status} />
                  </td>
                  <td>
                    {incoming && r.status === 'PENDING' && mayDecide ? (
                      <DecideForm item={r} onDecided={decided} />
                    ) : r.decidedAt ? (
                      <span className="small">
                        {formatDateTime(r.decidedAt)}
                        {r.decisionNote && <span className="muted"> · {r.decisionNote}</span>}
                      </span>
                    ) : (
                      <span className="muted small">{incoming && r.status === 'PENDING' ? t('awaitingSupervisor') : t('awaiting')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore}
          empty={items.length === 0 && !loadError && <p className="muted table-status">{t('empty')}</p>} />
      </section>
    </>
  );
}
