'use client';

import type { FraudType } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { ListFoot, RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useLoadErrorMessage } from '../../lib/errors';
import { useAgencyName, useFormatDateTime, useJoinList } from '../../lib/format';
import { usePagedList } from '../../lib/paged-list';
import type { User } from '../../lib/auth';
import { BULLETINS, FRAUD_TYPES } from '../../components/bulletins/shared';
import styles from '../../components/bulletins/bulletins.module.css';
import { canPublishBulletins } from '../../lib/access';

/** Bulletins published by or addressed to the user's agency, newest first; unread ones in bold. */
export function BulletinList({ user }: { user: User }) {
  const t = useTranslations('bulletins');
  const tFraud = useTranslations('fraudTypes');
  const { request } = useAuth();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const joinList = useJoinList();
  const loadErrorMessage = useLoadErrorMessage();
  const [fraudType, setFraudType] = useState<FraudType | ''>('');
  const [unreadOnly, setUnreadOnly] = useState(false);

  const fetchPage = useCallback(
    async (after: string | null) =>
      (await request(BULLETINS, { first: 20, after, fraudType: fraudType || null, unreadOnly })).bulletins,
    [request, fraudType, unreadOnly],
  );
  const list = usePagedList(fetchPage, { clearOnError: true });

  return (
    <div className="wide-page" data-testid="bulletins-page">
      <div className="page-head">
        <div>
          <h1>{t('listTitle')}</h1>
          <p className="muted">{t('listIntro')}</p>
        </div>
        {canPublishBulletins(user) && (
          <Link href="/bulletins/new" className="btn btn-primary" data-testid="new-bulletin">
            {t('newButton')}
          </Link>
        )}
      </div>
      {list.error !== null && <RetryAlert message={loadErrorMessage(list.error)} onRetry={list.reload} testId="bulletins-error" />}
      <section className="card table-card">
        <div className="table-toolbar">
          <div className={styles.filters}>
            <label className={styles.inline}>
              <span>{t('fraudType')}</span>
              <select value={fraudType} onChange={(e) => setFraudType(e.target.value as FraudType | '')} data-testid="bulletins-fraud-type">
                <option value="">{t('allFraudTypes')}</option>
                {FRAUD_TYPES.map((f) => (
                  <option key={f} value={f}>
                    {tFraud(f)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid="bulletins-unread-only" />
              {t('unreadOnly')}
            </label>
          </div>
          {list.total !== null && list.total >= 0 && (
            <span className="muted small" aria-live="polite" data-testid="bulletins-total">
              {t('total', { total: list.total })}
            </span>
          )}
        </div>
        <div className="table-scroll">
          <table className="table" data-testid="bulletins-table">
            <thead>
              <tr>
                <th>{t('title')}</th>
                <th>{t('fraudType')}</th>
                <th>{t('publisher')}</th>
                <th>{t('recipients')}</th>
                <th>{t('publishedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((b) => (
                <tr key={b.id} className={b.read ? undefined : styles.unread} data-testid="bulletin-row" data-bulletin-id={b.id} data-read={b.read ? 'true' : 'false'}>
                  <td className={styles.titleCell}>
                    {!b.read && <span className={styles.dot} role="img" aria-label={t('unread')} title={t('unread')} />}
                    <Link href={`/bulletins/${b.id}`} data-testid="bulletin-link">
                      {b.title}
                    </Link>
                    {b.isPublisher && <span className="chip badge-after">{t('publishedByYou')}</span>}
                  </td>
                  <td>
                    <span className="chip">{tFraud(b.fraudType)}</span>
                  </td>
                  <td>{agencyName(b.publisher)}</td>
                  <td className="muted small">
                    {joinList([...b.recipients.kinds.map((k) => t('allOfKind', { kind: k })), ...b.recipients.agencies.map((a) => agencyName(a))])}
                  </td>
                  <td className="nowrap muted">{formatDateTime(b.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ListFoot
          loading={list.loading} hasMore={list.hasMore} onMore={list.loadMore} moreTestId="bulletins-more"
          empty={list.items.length === 0 && list.error === null ? <p className="muted table-status" data-testid="bulletins-empty">{unreadOnly || fraudType ? t('emptyFiltered') : t('empty')}</p> : undefined}
        />
      </section>
    </div>
  );
}
