'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { DeadlineCountdown, RequestKindLabel, RequestStateBadge, UnreadDot, UrgencyTag } from '../RequestBadges';
import { useAgencyName, useFormatDateTime } from '../../lib/format';
import { useFormatMoney } from '../../lib/money';
import type { RequestDirection } from '../../lib/types';
import { graphql } from '../../gql';
import type { RequestSummaryFragment } from '../../gql/graphql';

export type AgencyRequestSummary = RequestSummaryFragment;

/** A request as listed in an inbox or on a case: no timeline, subjects or attachments. */
graphql(`fragment RequestSummary on AgencyRequest {
  id type kind reference state urgency caseNumber fraudType caseId
  fromAgency { ...AgencyRefFields } toAgency { ...AgencyRefFields } account bankName amount amountHeld targetKind targetValue
  deadlineAt sentAt answeredAt overdue deadlineColour unread createdAt updatedAt
}`);

/** What the request is about, in one cell: the account and amount of a freeze, the target of a telecom request. */
export function RequestSubject({ r }: { r: AgencyRequestSummary }) {
  const t = useTranslations('requests');
  const tKind = useTranslations('identifierKinds');
  const formatMoney = useFormatMoney();
  if (r.type === 'FREEZE') {
    return (
      <span className="request-subject">
        <span className="mono" data-testid="request-account">{r.account}</span>
        <span className="small">
          <strong data-testid="request-amount">{formatMoney(r.amount)}</strong>
          {r.bankName && <span className="muted"> · {r.bankName}</span>}
        </span>
        {r.amountHeld && (
          <span className="small held-line" data-testid="request-amount-held">
            {t('held', { amount: formatMoney(r.amountHeld) })}
          </span>
        )}
      </span>
    );
  }
  if (r.type === 'TELECOM' && r.targetValue) {
    return (
      <span className="request-subject">
        {r.targetKind && <span className="kind-tag">{tKind(r.targetKind)}</span>}
        <span className="mono" data-testid="request-target">{r.targetValue}</span>
      </span>
    );
  }
  return <span className="muted">—</span>;
}

interface Props {
  rows: AgencyRequestSummary[];
  /** Incoming rows name the sender, outgoing rows the addressed agency. */
  direction: RequestDirection;
  /** Rows changed a moment ago (pushed): briefly highlighted. */
  flashed?: ReadonlySet<string>;
  /** Leave out the case number column (the case page lists its own requests). */
  hideCase?: boolean;
  testId?: string;
}

export function RequestTable({ rows, direction, flashed, hideCase, testId = 'requests-table' }: Props) {
  const t = useTranslations('requests');
  const tType = useTranslations('fraudTypes');
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const incoming = direction === 'INCOMING';
  return (
    <div className="table-scroll">
      <table className="table requests-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('reference')}</th>
            <th>{t('type')}</th>
            {!hideCase && <th>{t('case')}</th>}
            <th>{incoming ? t('from') : t('to')}</th>
            <th>{t('subject')}</th>
            <th>{t('state')}</th>
            <th>{t('urgency')}</th>
            <th>{t('deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="request-row" data-request-id={r.id} data-reference={r.reference} data-state={r.state}
              data-unread={r.unread ? 'true' : 'false'}
              className={[r.unread ? 'row-unread' : '', flashed?.has(r.id) ? 'row-flash' : '', r.overdue ? 'row-overdue' : ''].join(' ').trim() || undefined}>
              <td className="nowrap">
                <UnreadDot unread={r.unread} />
                <Link href={`/requests/${r.id}`} className="mono request-ref" data-testid="request-link">
                  {r.reference}
                </Link>
                <div className="muted small request-updated" title={t('updated')}>
                  {formatDateTime(r.updatedAt)}
                </div>
              </td>
              <td className="nowrap">
                <RequestKindLabel type={r.type} kind={r.kind} />
              </td>
              {!hideCase && (
                <td className="nowrap">
                  <span className="mono" data-testid="request-case-number">{r.caseNumber}</span>
                  <div className="muted small">{tType(r.fraudType)}</div>
                </td>
              )}
              <td className="agency-cell">{agencyName(incoming ? r.fromAgency : r.toAgency)}</td>
              <td>
                <RequestSubject r={r} />
              </td>
              <td className="nowrap">
                <RequestStateBadge state={r.state} />
              </td>
              <td className="nowrap">
                <UrgencyTag urgency={r.urgency} />
              </td>
              <td className="nowrap">
                <DeadlineCountdown request={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
