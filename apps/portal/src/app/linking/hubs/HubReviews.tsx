'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { LinkStateBadge, LinkValueChip } from '../../../components/LinkBadges';
import { RetryAlert } from '../../../components/ListParts';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useLoadErrorMessage } from '../../../lib/errors';
import { useFormatDateTime } from '../../../lib/format';
import type { HubDecision } from '../../../lib/types';
import { LinkingTabs } from '../../../components/LinkingTabs';
import { graphql } from '../../../gql';
import type { HubFieldsFragment } from '../../../gql/graphql';
import type { User } from '../../../lib/auth';

type HubReview = HubFieldsFragment;

graphql(`fragment HubFields on HubReview { kind value caseCount state flaggedAt reviewedAt }`);
const HUB_REVIEWS = graphql(`query HubReviews { hubReviews { ...HubFields } }`);
const REVIEW_HUB = graphql(`mutation ReviewHub($input: ReviewHubInput!) { reviewHub(input: $input) { ...HubFields } }`);

const keyOf = (h: Pick<HubReview, 'kind' | 'value'>) => `${h.kind}:${h.value}`;

function ReviewForm({ hub, onReviewed }: { hub: HubReview; onReviewed(decision: HubDecision, next: HubReview | null): void }) {
  const t = useTranslations('hubs');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<HubDecision | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: HubDecision) {
    if (decision === 'WARNINGLIST' && !reason.trim()) {
      setError(t('reasonRequired'));
      return;
    }
    setBusy(decision);
    setError(null);
    try {
      const data = await request(REVIEW_HUB, {
        input: { kind: hub.kind, value: hub.value, decision, reason: reason.trim() || null },
      });
      onReviewed(decision, data.reviewHub);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="decide" data-testid="hub-review-form">
      <div className="decide-row">
        <input aria-label={t('reason')} placeholder={t('reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)}
          maxLength={500} data-testid="hub-reason" />
      </div>
      <div className="decide-row">
        <button type="button" className="btn btn-small btn-primary" disabled={busy !== null} onClick={() => void decide('CONFIRM')}
          title={t('confirmHint')} data-testid="hub-confirm">
          {busy === 'CONFIRM' ? t('saving') : t('confirm')}
        </button>
        <button type="button" className="btn btn-small btn-danger" disabled={busy !== null} onClick={() => void decide('WARNINGLIST')}
          title={t('warninglistHint')} data-testid="hub-warninglist">
          {busy === 'WARNINGLIST' ? t('saving') : t('warninglist')}
        </button>
      </div>
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

export function HubReviews({ user }: { user: User }) {
  const t = useTranslations('hubs');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const formatDateTime = useFormatDateTime();
  const [hubs, setHubs] = useState<HubReview[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setHubs((await request(HUB_REVIEWS)).hubReviews);
    } catch (e) {
      setError(e);
    }
  }, [request]);

  useEffect(() => {
    void load();
  }, [load]);

  function reviewed(hub: HubReview, decision: HubDecision, next: HubReview | null) {
    setHubs((prev) =>
      (prev ?? []).flatMap((h) => (keyOf(h) !== keyOf(hub) ? [h] : next ? [next] : [])),
    );
    setNotice(decision === 'CONFIRM' ? t('confirmed', { value: hub.value }) : t('warninglisted', { value: hub.value }));
  }

  const waiting = (hubs ?? []).filter((h) => h.state === 'HUB_REVIEW').length;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <LinkingTabs user={user} />
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}
      {notice && <Alert tone="success" testId="hub-notice">{notice}</Alert>}
      <section className="card table-card">
        <div className="table-toolbar">
          <span className="muted small">{t('help')}</span>
          <span className="muted" data-testid="hubs-waiting">
            {t('waiting', { count: waiting })}
          </span>
        </div>
        <div className="table-scroll">
          <table className="table" data-testid="hubs-table">
            <thead>
              <tr>
                <th>{t('value')}</th>
                <th className="num">{t('cases')}</th>
                <th>{t('state')}</th>
                <th>{t('flaggedAt')}</th>
                <th>{t('decision')}</th>
              </tr>
            </thead>
            <tbody>
              {(hubs ?? []).map((h) => (
                <tr key={keyOf(h)} data-testid="hub-row" data-value={h.value}>
                  <td>
                    <LinkValueChip kind={h.kind} value={h.value} />
                  </td>
                  <td className="num">{h.caseCount}</td>
                  <td>
                    <LinkStateBadge state={h.state} />
                  </td>
                  <td className="nowrap">{formatDateTime(h.flaggedAt)}</td>
                  <td>
                    {h.state === 'HUB_REVIEW' ? (
                      <ReviewForm hub={h} onReviewed={(d, next) => reviewed(h, d, next)} />
                    ) : (
                      <span className="small muted">{h.reviewedAt ? t('reviewedAt', { time: formatDateTime(h.reviewedAt) }) : ''}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {hubs === null && error === null && <p className="muted table-status">{tc('loading')}</p>}
        {hubs?.length === 0 && <p className="muted table-status" data-testid="hubs-empty">{t('empty')}</p>}
      </section>
    </>
  );
}
