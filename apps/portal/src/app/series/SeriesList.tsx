'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback } from 'react';
import { ListFoot, RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useLoadErrorMessage } from '../../lib/errors';
import { useAgencyName, useFormatDateTime, useJoinList, useProvinceName } from '../../lib/format';
import { useFormatMoney } from '../../lib/money';
import { usePagedList } from '../../lib/paged-list';
import type { Connection } from '../../lib/types';
import { graphql } from '../../gql';
import type { SeriesSummaryFragment } from '../../gql/graphql';

export type SeriesSummary = SeriesSummaryFragment;

/** A series as summed up (the case page, the list): without its cases. */
graphql(`fragment SeriesSummary on Series {
  id caseCount hiddenCaseCount totalLoss victimCount provinces agencies { ...AgencyRefFields } createdAt updatedAt
}`);
const SERIES_LIST = graphql(`query SeriesList($first: Int, $after: String) {
  seriesList(first: $first, after: $after) { edges { cursor node { ...SeriesSummary } } pageInfo { hasNextPage endCursor } }
}`);

const PAGE_SIZE = 20;

/** The series (connected cases) that hold at least one case the caller may read. */
export function SeriesList() {
  const t = useTranslations('series');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const joinList = useJoinList();
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const fetchPage = useCallback(async (after: string | null): Promise<Connection<SeriesSummary>> => {
    const page = (await request(SERIES_LIST, { first: PAGE_SIZE, after })).seriesList;
    return { ...page, totalCount: -1 };
  }, [request]);
  const { items, hasMore, loading, error, reload, loadMore } = usePagedList(fetchPage);

  return (
    <div className="wide-page">
      <div className="page-head">
        <div>
          <h1>{t('listTitle')}</h1>
          <p className="muted">{t('listIntro')}</p>
        </div>
      </div>
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={reload} />}
      <section className="card table-card">
        <div className="table-scroll">
          <table className="table" data-testid="series-table">
            <thead>
              <tr>
                <th>{t('series')}</th>
                <th className="num">{t('cases')}</th>
                <th>{t('provinces')}</th>
                <th>{t('agencies')}</th>
                <th className="num">{t('totalLoss')}</th>
                <th className="num">{t('victims')}</th>
                <th>{t('updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-testid="series-row" data-series-id={s.id}>
                  <td className="nowrap">
                    <Link href={`/series/${s.id}`} data-testid="series-link">
                      ★ {t('seriesName', { id: s.id.slice(0, 8) })}
                    </Link>
                  </td>
                  <td className="num nowrap">
                    {s.caseCount}
                    {s.hiddenCaseCount > 0 && (
                      <span className="muted small" title={t('hiddenNote', { count: s.hiddenCaseCount })}>
                        {' '}
                        ({t('hiddenShort', { count: s.hiddenCaseCount })})
                      </span>
                    )}
                  </td>
                  <td>{joinList(s.provinces.map((p) => provinceName(p)))}</td>
                  <td className="details">{joinList(s.agencies.map((a) => agencyName(a)))}</td>
                  <td className="num nowrap">{formatMoney(s.totalLoss)}</td>
                  <td className="num">{s.victimCount}</td>
                  <td className="nowrap muted">{formatDateTime(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore}
          empty={items.length === 0 && error === null && <p className="muted table-status" data-testid="series-empty">{t('listEmpty')}</p>} />
      </section>
    </div>
  );
}
