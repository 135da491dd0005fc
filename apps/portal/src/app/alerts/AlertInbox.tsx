'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { ListFoot, RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useLoadErrorMessage } from '../../lib/errors';
import { useRegionLabel } from '../../lib/format';
import type { User } from '../../lib/auth';
import { AlertTable } from '../../components/alerts/AlertParts';
import styles from '../../components/alerts/alerts.module.css';
import { ALERT_NOTIFICATION_KINDS, ALERT_STATUSES, ALERTS, POLL_MS, RISK_RULES, type AlertStatus, type RiskRule } from '../../components/alerts/shared';
import { usePolledPagedList } from './usePolledList';

const PAGE_SIZE = 25;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => (allowed.includes(value as T) ? (value as T) : '');

/** "3 new" for the page head, read with the list. */
function useNewCount(refreshKey: unknown) {
  const { request } = useAuth();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    request(ALERTS, { status: 'NEW', first: 1 })
      .then((d) => live && setCount(d.alerts.totalCount))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [request, refreshKey]);
  return count;
}

/** The police inbox: the region's alerts, newest first, filtered by status and rule, fresh every few seconds. */
export function AlertInbox({ user }: { user: User }) {
  const t = useTranslations('alerts');
  const tRule = useTranslations('alerts.rules');
  const tStatus = useTranslations('alerts.statuses');
  const { request } = useAuth();
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams();
  const loadErrorMessage = useLoadErrorMessage();
  const regionLabel = useRegionLabel();
  const status = pick<AlertStatus>(query.get('status'), ALERT_STATUSES);
  const rule = pick<RiskRule>(query.get('rule'), RISK_RULES);

  const fetchPage = useCallback(
    async (after: string | null) =>
      (await request(ALERTS, { status: status || null, rule: rule || null, first: PAGE_SIZE, after })).alerts,
    [request, status, rule],
  );
  const list = usePolledPagedList(fetchPage, { intervalMs: POLL_MS, notificationKinds: ALERT_NOTIFICATION_KINDS });
  const newCount = useNewCount(list.total === null ? null : `${list.total}:${list.items.map((a) => a.status).join()}`);
  const loadError = list.error !== null ? loadErrorMessage(list.error) : null;

  function setFilter(name: 'status' | 'rule', value: string) {
    const next = new URLSearchParams(query.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  return (
    <div className="wide-page" data-testid="alerts-inbox">
      <div className="page-head">
        <div>
          <h1>{t('inboxTitle')}</h1>
          <p className="muted">{t('inboxIntro', { region: regionLabel(user.agency.region) })}</p>
        </div>
        <Link href="/alerts/thresholds" className="btn" data-testid="alerts-thresholds-link">
          {t('thresholdsLink')}
        </Link>
      </div>
      <div className={styles.summary} aria-live="polite">
        <button type="button" className={`${styles.summaryItem}${newCount ? ` ${styles.summaryNew}` : ''} btn`} onClick={() => setFilter('status', 'NEW')}
          data-testid="alerts-new-count" data-count={newCount ?? undefined} title={t('showNew')}>
          <strong>{newCount ?? '…'}</strong>
          <span>{t('newAlerts')}</span>
        </button>
      </div>
      {loadError && <RetryAlert message={loadError} onRetry={list.reload} />}
      <section className="card table-card">
        <div className="table-toolbar">
          <div className="toolbar-filters">
            <select aria-label={t('statusFilter')} value={status} onChange={(e) => setFilter('status', e.target.value)} data-testid="alert-status-filter">
              <option value="">{t('allStatuses')}</option>
              {ALERT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tStatus(s)}
                </option>
              ))}
            </select>
            <select aria-label={t('ruleFilter')} value={rule} onChange={(e) => setFilter('rule', e.target.value)} data-testid="alert-rule-filter">
              <option value="">{t('allRules')}</option>
              {RISK_RULES.map((r) => (
                <option key={r} value={r}>
                  {tRule(r)}
                </option>
              ))}
            </select>
          </div>
          <span className="toolbar-right">
            <span className="muted small" data-testid="alerts-refresh-note">
              {t('refreshNote', { seconds: POLL_MS / 1000 })}
            </span>
            <span className="muted" aria-live="polite" data-testid="alerts-total">
              {t('total', { total: list.total ?? 0 })}
            </span>
          </span>
        </div>
        {list.items.length > 0 && <AlertTable rows={list.items} fresh={list.fresh} viewerRegion={user.agency.region} />}
        <ListFoot loading={list.loading && list.items.length === 0} hasMore={list.hasMore} onMore={list.loadMore} moreTestId="alerts-more"
          empty={list.items.length === 0 && !loadError && (
            <p className="muted table-status" data-testid="alerts-empty">
              {status || rule ? t('emptyFiltered') : t('emptyInbox')}
            </p>
          )} />
      </section>
    </div>
  );
}
