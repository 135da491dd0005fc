'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { LiveIndicator } from '../../../components/LiveIndicator';
import { DeadlineCountdown, RequestKindLabel, RequestStateBadge, UrgencyTag } from '../../../components/RequestBadges';
import { Unavailable } from '../../../components/Unavailable';
import { useAuth } from '../../../lib/auth';
import { useAgencyName, useFormatDateTime } from '../../../lib/format';
import { useRequestUpdates } from '../../../lib/live';
import { announceRequestsChanged, FREEZE_OUTCOMES, HOLDING_STATES, PARTNER_STATES, TELECOM_OUTCOMES } from '../../../lib/requests';
import { AnswerFreezeForm } from './AnswerFreezeForm';
import { AnswerTelecomForm } from './AnswerTelecomForm';
import { HoldClock } from './HoldClock';
import { PartnerActions } from './PartnerActions';
import { RequestDates, RequestDetails } from './RequestDetails';
import { AcknowledgeButton, SenderActions } from './SenderActions';
import { Timeline } from './Timeline';
import { graphql } from '../../../gql';
import type { RequestDetailFragment } from '../../../gql/graphql';
import type { User } from '../../../lib/auth';
import type { RequestEvent } from './Timeline';

export type AgencyRequest = RequestDetailFragment;

graphql(`fragment RequestDetail on AgencyRequest {
  ...RequestSummary legalBasisDoc legalBasis balance extensions heldAt expiresAt
  downstream { toAccount bank amount occurredAt }
  subscriber { name idNumber address registeredOn note }
  summary subjects { name note identifiers { kind value } }
  attachments { attachmentId fileName sizeBytes sha256 handling { ...HandlingFields } downloadPath }
  answerNote acknowledgedAt overdueAt allowedTransitions events { ...RequestEventFields }
}`);
const REQUEST = graphql(`query Request($id: ID!) { request(id: $id) { ...RequestDetail } }`);
const MARK_REQUEST_READ = graphql(`mutation MarkRequestRead($id: ID!) { markRequestRead(id: $id) { id unread } }`);

type Notice = 'sent' | 'draft' | 'existing' | 'updated';

/**
 * One request as the viewer's side sees it: what was asked and answered, the clock, the timeline with its
 * messages, and what the viewer may do next (allowedTransitions). Opening it marks it read; a pushed change
 * loads it again (and marks it read again, since the viewer is looking at it).
 */
export function RequestPage({ id, user }: { id: string; user: User }) {
  const t = useTranslations('requestPage');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const query = useSearchParams();
  const [data, setData] = useState<AgencyRequest | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(() =>
    query.get('sent') ? 'sent' : query.get('draft') ? 'draft' : query.get('existing') ? 'existing' : null,
  );
  const [changedBy, setChangedBy] = useState<string | null>(null);

  useEffect(() => {
    if (notice && notice !== 'updated') window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [notice]);

  const markRead = useCallback(async () => {
    try {
      await request(MARK_REQUEST_READ, { id });
      announceRequestsChanged();
    } catch {
      // Still unread: the inbox keeps its dot.
    }
  }, [id, request]);

  const load = useCallback(async (): Promise<AgencyRequest | null> => {
    setError(null);
    try {
      const result = await request(REQUEST, { id });
      setData(result.request);
      if (result.request.unread) void markRead();
      return result.request;
    } catch (e) {
      setError(e);
      return null;
    }
  }, [id, request, markRead]);

  useEffect(() => {
    void load();
  }, [load]);

  // Pushed changes of this request: load again, and say so when the other side made them.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // (A push does not say who made the change: the newest event of the timeline does.)
  useRequestUpdates((u) => {
    if (u.requestId !== id) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void load().then((next) => {
        const latest = next?.events.reduce<RequestEvent | null>((a, e) => (!a || e.createdAt >= a.createdAt ? e : a), null);
        if (!latest || latest.agency.id === user.agency.id) return;
        setChangedBy(latest.agency.id);
        setNotice('updated');
      });
    }, 200);
  });

  function changed(next: AgencyRequest) {
    setData(next);
    setNotice(null);
    announceRequestsChanged();
  }

  function messagePosted(event: RequestEvent) {
    setData((d) => (d && !d.events.some((e) => e.id === event.id) ? { ...d, events: [...d.events, event] } : d));
  }

  if (!data && !error) return <p className="muted page-status">{tc('loading')}</p>;
  if (!data) return <Unavailable error={error} messages="requestPage" backHref="/requests" onRetry={() => void load()} testId="request-unavailable" />;

  const sender = data.fromAgency.id === user.agency.id;
  const allowed = data.allowedTransitions;
  const freezeAnswers = data.type === 'FREEZE' ? FREEZE_OUTCOMES.filter((s) => allowed.includes(s)) : [];
  const telecomAnswers = data.type === 'TELECOM' ? TELECOM_OUTCOMES.filter((s) => allowed.includes(s)) : [];
  const partnerStates = data.type === 'COOPERATION' && !sender ? PARTNER_STATES.filter((s) => allowed.includes(s)) : [];
  const counterpart = sender ? data.toAgency : data.fromAgency;
  const otherName = changedBy === data.fromAgency.id ? agencyName(data.fromAgency) : changedBy === data.toAgency.id ? agencyName(data.toAgency) : null;

  return (
    <div className="wide-page request-page" data-testid="request-page" data-request-id={data.id} data-state={data.state} data-type={data.type}>
      <Link href={sender ? '/requests?direction=OUTGOING' : '/requests?direction=INCOMING'} className="back-link">
        ← {t('backToList')}
      </Link>
      {notice === 'updated' ? (
        <Alert tone="info" testId="request-updated">
          {otherName ? t('updatedBy', { agency: otherName }) : t('updated')}
        </Alert>
      ) : notice ? (
        <Alert tone={notice === 'existing' ? 'warning' : 'success'} testId="request-notice">
          {t(`notices.${notice}`)}
        </Alert>
      ) : null}

      <section className={`card request-head request-head-${data.type}`} data-testid="request-head">
        <div className="request-head-main">
          <div className="request-ref mono" data-testid="request-reference">
            {data.reference}
          </div>
          <h1>
            <RequestKindLabel type={data.type} kind={data.kind} />
          </h1>
          <div className="badges">
            <RequestStateBadge state={data.state} />
            <UrgencyTag urgency={data.urgency} />
            {data.overdue && <span className="status status-bad">{t('overdueSince', { time: formatDateTime(data.overdueAt) })}</span>}
          </div>
          <p className="request-route">
            <span>{agencyName(data.fromAgency)}</span> <span aria-hidden="true">→</span> <span>{agencyName(data.toAgency)}</span>
          </p>
        </div>
        <div className="request-clock" data-testid="request-clock">
          {data.deadlineColour ? (
            <>
              <div className="muted small">{t('answerDue', { time: formatDateTime(data.deadlineAt) })}</div>
              <div className="request-clock-big">
                <DeadlineCountdown request={data} />
              </div>
            </>
          ) : data.answeredAt ? (
            <div className="muted small">{t('answeredAt', { time: formatDateTime(data.answeredAt) })}</div>
          ) : (
            <div className="muted small">{data.state === 'DRAFT' ? t('notSentYet') : '—'}</div>
          )}
          {HOLDING_STATES.includes(data.state) && <HoldClock request={data} />}
          <LiveIndicator />
        </div>
      </section>

      <div className="request-grid">
        <div className="request-main">
          {!sender && freezeAnswers.length > 0 && <AnswerFreezeForm data={data} outcomes={freezeAnswers} onDone={changed} onConflict={() => void load()} />}
          {!sender && telecomAnswers.length > 0 && <AnswerTelecomForm data={data} outcomes={telecomAnswers} onDone={changed} onConflict={() => void load()} />}
          <RequestDetails data={data} sender={sender} />
          <Timeline data={data} ownAgencyId={user.agency.id} onPosted={messagePosted} />
        </div>
        <aside className="request-side">
          <section className="card request-actions" data-testid="request-actions">
            <h2>{t('actionsTitle')}</h2>
            {allowed.length === 0 && <p className="muted small" data-testid="no-actions">{t('noActions', { agency: agencyName(counterpart) })}</p>}
            {!sender && allowed.includes('ACKNOWLEDGED') && <AcknowledgeButton id={data.id} onDone={changed} onConflict={() => void load()} />}
            {sender && <SenderActions data={data} onDone={changed} onConflict={() => void load()} />}
            {!sender && partnerStates.length > 0 && <PartnerActions key={data.state} data={data} states={partnerStates} onDone={changed} onConflict={() => void load()} />}
            {!sender && (freezeAnswers.length > 0 || telecomAnswers.length > 0) && <p className="muted small">{t('answerBelow')}</p>}
          </section>
          <RequestDates data={data} />
        </aside>
      </div>
    </div>
  );
}
