'use client';

import { deadlineColour as colourAt } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useNow } from '../lib/clock';
import { useFormatDateTime } from '../lib/format';
import { stateTone } from '../lib/requests';
import type { DeadlineColourName, RequestStateName, RequestTypeName, UrgencyName } from '../lib/types';
import type { AgencyRequestSummary } from './requests/RequestTable';

/** A request's state in its colour family (lib/requests.ts stateTone). */
export function RequestStateBadge({ state, testId = 'request-state' }: { state: RequestStateName; testId?: string }) {
  const t = useTranslations('requestStates');
  return (
    <span className={`status rq-${stateTone(state)}`} data-testid={testId} data-state={state}>
      {t(state)}
    </span>
  );
}

/** URGENT as a red tag; a normal request says so quietly. */
export function UrgencyTag({ urgency }: { urgency: UrgencyName }) {
  const t = useTranslations('urgency');
  return urgency === 'URGENT' ? (
    <span className="urgent-tag" data-testid="urgency" data-urgency={urgency}>
      {t('URGENT')}
    </span>
  ) : (
    <span className="muted small" data-testid="urgency" data-urgency={urgency}>
      {t('NORMAL')}
    </span>
  );
}

/** "Freeze · Emergency stop" */
export function RequestKindLabel({ type, kind }: { type: RequestTypeName; kind: string }) {
  const tType = useTranslations('requestTypes');
  const tKind = useTranslations('requestKinds');
  return (
    <span className="request-kind" data-testid="request-kind" data-type={type} data-kind={kind}>
      <span className={`type-tag type-${type}`}>{tType(type)}</span> {tKind.has(kind) ? tKind(kind) : kind}
    </span>
  );
}

/** A small blue dot for a request changed since the user last opened it. */
export function UnreadDot({ unread }: { unread: boolean }) {
  const t = useTranslations('requests');
  if (!unread) return null;
  return <span className="unread-dot" role="img" aria-label={t('unread')} title={t('unread')} data-testid="unread-dot" />;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2d 03h", "1h 05m", "04m 09s": coarse far away, to the second when it matters. */
function useSpan(): (ms: number) => string {
  const t = useTranslations('countdown');
  return (ms) => {
    const abs = Math.max(0, Math.floor(ms / SECOND) * SECOND);
    const d = Math.floor(abs / DAY);
    const h = Math.floor((abs % DAY) / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    const s = Math.floor((abs % MINUTE) / SECOND);
    const two = (n: number) => String(n).padStart(2, '0');
    if (d > 0) return t('days', { d, h: two(h) });
    if (h > 0) return t('hours', { h, m: two(m) });
    return t('minutes', { m: two(m), s: two(s) });
  };
}

type Clock = Pick<AgencyRequestSummary, 'deadlineAt' | 'sentAt' | 'overdue' | 'deadlineColour'>;

/**
 * The time left to answer, ticking, in the request's deadline colour (GREEN/AMBER/RED, recomputed each second
 * with the api's rule so it turns without a reload); "OVERDUE" with the time past once the deadline went by.
 * Nothing once answered (the api then gives no colour).
 */
export function DeadlineCountdown({ request, compact }: { request: Clock; compact?: boolean }) {
  const t = useTranslations('countdown');
  const now = useNow();
  const span = useSpan();
  const formatDateTime = useFormatDateTime();
  if (!request.deadlineAt || request.deadlineColour == null) {
    return <span className="muted small" data-testid="deadline" data-colour="NONE">—</span>;
  }
  const deadline = new Date(request.deadlineAt);
  const left = deadline.getTime() - now;
  const overdue = request.overdue || left <= 0;
  const colour: DeadlineColourName = overdue
    ? 'RED'
    : request.sentAt
      ? colourAt(new Date(request.sentAt), deadline, new Date(now))
      : request.deadlineColour;
  return (
    <span className={`deadline deadline-${colour}${overdue ? ' deadline-overdue' : ''}`} data-testid="deadline" data-colour={colour}
      data-overdue={overdue ? 'true' : 'false'} title={t('due', { time: formatDateTime(request.deadlineAt) })}>
      {overdue ? (
        <>
          <strong className="overdue-tag" data-testid="overdue">{t('overdue')}</strong>
          {!compact && <span className="deadline-time"> {t('pastBy', { span: span(-left) })}</span>}
        </>
      ) : (
        <span className="deadline-time">{t('left', { span: span(left) })}</span>
      )}
    </span>
  );
}
