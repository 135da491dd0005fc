'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useFormatDateTime } from '../lib/format';
import type { RequestStateName } from '../lib/types';

/** The facts a notification may carry (apps/worker, apps/api requests); any may be missing. */
interface Payload {
  caseId?: string;
  caseNumber?: string;
  requestId?: string;
  reference?: string;
  state?: string;
  kind?: string;
  expiresAt?: string;
  subjectEmail?: string;
  lockedUntil?: string;
  bulletinId?: string;
  title?: string;
  alertId?: string;
  rule?: string;
  region?: string;
}

export interface NotificationView {
  text: string;
  /** Where it leads: the case of a link hit, the request of a request notification; null when nowhere. */
  href: string | null;
}

function parse(payload: string): Payload {
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === 'object' ? (value as Payload) : {};
  } catch {
    return {};
  }
}

/** A sentence and a link for a notification of any known kind; unknown kinds still say something. */
export function useNotificationView(): (n: { kind: string; payload: string }) => NotificationView {
  const t = useTranslations('notifications.kinds');
  const tState = useTranslations('requestStates');
  const tKind = useTranslations('identifierKinds');
  const tAlert = useTranslations('alertNotifications');
  const formatDateTime = useFormatDateTime();
  const tBulletin = useTranslations('bulletins.notice');
  const ruleText = useCallback((rule?: string) => (rule && tAlert.has(`rules.${rule}`) ? tAlert(`rules.${rule}`) : tAlert('aRule')), [tAlert]);
  return useCallback(
    (n) => {
      const p = parse(n.payload);
      const reference = p.reference ?? '—';
      const caseNumber = p.caseNumber ?? '—';
      const requestHref = p.requestId ? `/requests/${p.requestId}` : null;
      switch (n.kind) {
        case 'ACCOUNT_LOCKED':
          return {
            text: t('ACCOUNT_LOCKED', { email: p.subjectEmail ?? '—', until: formatDateTime(p.lockedUntil) }),
            href: '/admin/users',
          };
        case 'LINK_HIT':
          return {
            text: t('LINK_HIT', { caseNumber, kind: p.kind && tKind.has(p.kind) ? tKind(p.kind) : t('aClue') }),
            href: p.caseId ? `/cases/${p.caseId}` : null,
          };
        case 'REQUEST_OVERDUE':
          return { text: t('REQUEST_OVERDUE', { reference, caseNumber }), href: requestHref };
        case 'REQUEST_ANSWERED':
          return {
            text:
              p.state && tState.has(p.state)
                ? t('REQUEST_ANSWERED_STATE', { reference, caseNumber, state: tState(p.state as RequestStateName) })
                : t('REQUEST_ANSWERED', { reference, caseNumber }),
            href: requestHref,
          };
        case 'HOLD_EXPIRING':
          return {
            text: p.expiresAt
              ? t('HOLD_EXPIRING_AT', { reference, caseNumber, time: formatDateTime(p.expiresAt) })
              : t('HOLD_EXPIRING', { reference, caseNumber }),
            href: requestHref,
          };
        case 'HOLD_EXPIRED':
          return { text: t('HOLD_EXPIRED', { reference, caseNumber }), href: requestHref };
        case 'BULLETIN_PUBLISHED':
          return { text: tBulletin('BULLETIN_PUBLISHED', { title: p.title ?? '—' }), href: p.bulletinId ? `/bulletins/${p.bulletinId}` : null };
        case 'BULLETIN_MATCH':
          return { text: tBulletin('BULLETIN_MATCH', { caseNumber, title: p.title ?? '—' }), href: p.caseId ? `/cases/${p.caseId}` : null };
        case 'ALERT_RAISED':
          return { text: tAlert('ALERT_RAISED', { region: p.region ?? '—', rule: ruleText(p.rule) }), href: p.alertId ? `/alerts/${p.alertId}` : '/alerts' };
        case 'ALERT_LEAD':
          return {
            text: tAlert('ALERT_LEAD', { caseNumber, rule: ruleText(p.rule), kind: p.kind && tKind.has(p.kind) ? tKind(p.kind) : t('aClue') }),
            href: p.caseId ? `/cases/${p.caseId}` : '/alerts',
          };
        default:
          return { text: t('other', { kind: n.kind }), href: requestHref ?? (p.caseId ? `/cases/${p.caseId}` : null) };
      }
    },
    [t, tState, tKind, tAlert, ruleText, formatDateTime, tBulletin],
  );
}
