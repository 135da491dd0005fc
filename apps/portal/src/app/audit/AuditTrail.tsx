'use client';

import { AuditAction } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { useAuth } from '../../lib/auth';
import { useLoadErrorMessage } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import type { Connection } from '../../lib/types';
import { graphql } from '../../gql';
import type { AuditEventsQuery } from '../../gql/graphql';

type AuditEvent = AuditEventsQuery['auditEvents']['edges'][number]['node'];

const AUDIT_EVENTS = graphql(`query AuditEvents($first: Int, $after: String, $action: String) {
  auditEvents(first: $first, after: $after, action: $action) {
    edges { cursor node { id sequence occurredAt actorUserId actorEmail agencyId action entityType entityId clientAddress outcome details } }
    pageInfo { hasNextPage endCursor } totalCount
  }
}`);

const PAGE_SIZE = 50;
const OUTCOME_TONE: Record<string, string> = { SUCCESS: 'status-ok', DENIED: 'status-bad', FAILURE: 'status-warn' };

/** Long ids (UUIDs) shortened to their first block to keep rows on one line; the full id is in the tooltip. */
function ShortId({ id }: { id: string }) {
  const short = id.length > 13 ? `${id.slice(0, 8)}…` : id;
  return (
    <div className="mono muted small" title={id}>
      {short}
    </div>
  );
}

function Actor({ event }: { event: AuditEvent }) {
  const t = useTranslations('audit');
  if (event.actorEmail) return <>{event.actorEmail}</>;
  if (event.actorUserId) return <ShortId id={event.actorUserId} />;
  return <span className="muted">{t('system')}</span>;
}

export function AuditTrail() {
  const t = useTranslations('audit');
  const tAction = useTranslations('auditAction');
  const tc = useTranslations('common');
  const tOutcome = useTranslations('outcomes');
  const { request } = useAuth();
  const errorMessage = useLoadErrorMessage();
  const formatDateTime = useFormatDateTime();
  const [action, setAction] = useState('');
  // Cursor that starts each visited page: forward-only paging, kept as a stack to allow "previous".
  const [starts, setStarts] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Connection<AuditEvent> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const after = starts[starts.length - 1];

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const data = await request(AUDIT_EVENTS, {
        first: PAGE_SIZE,
        after,
        action: action || null,
      });
      setPage(data.auditEvents);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [request, errorMessage, after, action]);

  useEffect(() => {
    void load();
  }, [load]);

  function outcomeLabel(outcome: string) {
    return outcome in OUTCOME_TONE ? tOutcome(outcome as 'SUCCESS') : outcome;
  }

  return (
    <section className="card table-card">
      <div className="table-toolbar">
        <label>
          {t('filter')}{' '}
          <select
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setStarts([null]);
            }}
            data-testid="audit-filter"
          >
            <option value="">{t('allActions')}</option>
            {Object.values(AuditAction).map((a) => (
              <option key={a} value={a}>
                {tAction(a)}
              </option>
            ))}
          </select>
        </label>
        {page && (
          <span className="muted" data-testid="audit-total">
            {t('total', { total: page.totalCount })}
          </span>
        )}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="table-scroll">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('sequence')}</th>
              <th>{t('time')}</th>
              <th>{t('actor')}</th>
              <th>{t('action')}</th>
              <th>{t('entity')}</th>
              <th>{t('outcome')}</th>
              <th>{t('address')}</th>
              <th>{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {page?.edges.map(({ node: ev }) => (
              <tr key={ev.id}>
                <td className="mono">{ev.sequence}</td>
                <td className="nowrap">{formatDateTime(ev.occurredAt)}</td>
                <td>
                  <Actor event={ev} />
                </td>
                <td>
                  {ev.action in AuditAction ? tAction(ev.action as AuditAction) : ev.action}
                  <span className="mono muted audit-code"> {ev.action}</span>
                </td>
                <td>
                  {ev.entityType}
                  {ev.entityId && <ShortId id={ev.entityId} />}
                </td>
                <td>
                  <span className={`status ${OUTCOME_TONE[ev.outcome] ?? ''}`}>{outcomeLabel(ev.outcome)}</span>
                </td>
                <td className="mono small">{ev.clientAddress ?? ''}</td>
                <td className="details small">{ev.details ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loading && <p className="muted table-status">{tc('loading')}</p>}
      {!loading && page?.edges.length === 0 && <p className="muted table-status">{tc('empty')}</p>}
      <div className="table-foot pager">
        <button type="button" className="btn btn-small" disabled={starts.length < 2 || loading}
          onClick={() => setStarts((s) => s.slice(0, -1))} data-testid="audit-prev">
          {tc('previous')}
        </button>
        <span className="muted">{t('page', { page: starts.length })}</span>
        <button type="button" className="btn btn-small" disabled={!page?.pageInfo.hasNextPage || loading}
          onClick={() => setStarts((s) => [...s, page?.pageInfo.endCursor ?? null])} data-testid="audit-next">
          {tc('next')}
        </button>
      </div>
    </section>
  );
}
