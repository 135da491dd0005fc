'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { CaseStatusBadge, SensitivityBadge, ViewerAccessBadge } from '../../components/CaseBadges';
import { ListFoot, RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useFieldErrors, useLoadErrorMessage } from '../../lib/errors';
import { useAgencyName, useFormatDate, useJoinList, useProvinceName } from '../../lib/format';
import { useFormatMoney } from '../../lib/money';
import { usePagedList } from '../../lib/paged-list';
import { FilterBar } from './FilterBar';
import { activeFilterCount, filtersFromQuery, filtersToQuery, toApiFilter, type CaseFilters } from './filters';
import { graphql } from '../../gql';
import type { CaseSummaryFragment } from '../../gql/graphql';

export type CaseSummary = CaseSummaryFragment;

/** A case as listed: everything but the nested records. */
graphql(`fragment CaseSummary on Case {
  id caseNumber title fraudType status provinces totalLoss victimCount reportedOn sensitivity owner { ...AgencyRefFields } viewerAccess
}`);
const CASES = graphql(`query Cases($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) { edges { cursor node { ...CaseSummary } } pageInfo { hasNextPage endCursor } totalCount totalCountCapped }
}`);

const PAGE_SIZE = 20;

export function CaseList({ ownAgencyId }: { ownAgencyId: string }) {
  const t = useTranslations('cases');
  const tc = useTranslations('common');
  const tType = useTranslations('fraudTypes');
  const { request } = useAuth();
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams();
  const queryKey = query.toString();
  // Parsed once per address so effects below do not loop on a new object each render.
  const applied = useMemo(() => filtersFromQuery(new URLSearchParams(queryKey)), [queryKey]);
  const loadErrorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const joinList = useJoinList();
  const formatDate = useFormatDate();
  const formatMoney = useFormatMoney();

  const fetchPage = useCallback(
    async (after: string | null) =>
      (await request(CASES, { first: PAGE_SIZE, after, filter: toApiFilter(applied) })).cases,
    [request, applied],
  );
  const { items: cases, total, totalCapped, hasMore, loading, error, reload, loadMore } = usePagedList(fetchPage, { clearOnError: true });
  // A filter the api refuses is shown at its field; any other failure above the table.
  const fieldErrorsOf = useFieldErrors();
  const apiErrors = useMemo(() => fieldErrorsOf(error), [fieldErrorsOf, error]);
  const loadError = error !== null && Object.keys(apiErrors).length === 0 ? loadErrorMessage(error) : null;

  function apply(filters: CaseFilters) {
    const qs = filtersToQuery(filters);
    // The same filters again: the address does not change, so load anew here.
    if (qs === queryKey) reload();
    else router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  const filtered = activeFilterCount(applied) > 0;

  return (
    <div className="wide-page">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <Link href="/cases/new" className="btn btn-primary" data-testid="new-case">
          + {t('newCase')}
        </Link>
      </div>
      <FilterBar applied={applied} apiErrors={apiErrors} onApply={apply} />
      {loadError && <RetryAlert message={loadError} onRetry={reload} testId="cases-error" />}
      <section className="card table-card">
        <div className="table-toolbar">
          <span className="muted" data-testid="cases-total">
            {total === null ? tc('loading') : totalCapped ? t('totalAtLeast', { total }) : filtered ? t('totalFiltered', { total }) : t('total', { total })}
          </span>
        </div>
        <div className="table-scroll">
          <table className="table cases-table" data-testid="cases-table">
            <thead>
              <tr>
                <th>{t('columns.caseNumber')}</th>
                <th>{t('columns.title')}</th>
                <th>{t('columns.fraudType')}</th>
                <th>{t('columns.status')}</th>
                <th>{t('columns.owner')}</th>
                <th>{t('columns.provinces')}</th>
                <th className="num">{t('columns.totalLoss')}</th>
                <th className="num">{t('columns.victims')}</th>
                <th>{t('columns.reportedOn')}</th>
                <th>{t('columns.access')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} data-testid="case-row" data-case-id={c.id}>
                  <td className="mono nowrap">
                    <Link href={`/cases/${c.id}`}>{c.caseNumber}</Link>
                  </td>
                  <td className="case-title-cell">
                    <Link href={`/cases/${c.id}`} className="case-title-link" data-testid="case-link">
                      {c.title}
                    </Link>
                    {c.sensitivity !== 'NORMAL' && <SensitivityBadge sensitivity={c.sensitivity} />}
                  </td>
                  <td className="nowrap">{tType(c.fraudType)}</td>
                  <td>
                    <CaseStatusBadge status={c.status} />
                  </td>
                  <td className="owner-cell" title={agencyName(c.owner)}>
                    {c.owner.id === ownAgencyId ? (
                      <span className="own-agency">{t('ownAgency')}</span>
                    ) : (
                      <span className="clamp-2">{agencyName(c.owner)}</span>
                    )}
                  </td>
                  <td>{joinList(c.provinces.map((p) => provinceName(p))) || '—'}</td>
                  <td className="num nowrap" data-testid="case-total-loss">
                    {formatMoney(c.totalLoss)}
                  </td>
                  <td className="num">{c.victimCount}</td>
                  <td className="nowrap">{formatDate(c.reportedOn)}</td>
                  <td>
                    <ViewerAccessBadge access={c.viewerAccess} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore} moreTestId="load-more"
          moreNote={<span className="muted small">{t(totalCapped ? 'shownOfAtLeast' : 'shown', { shown: cases.length, total: total ?? 0 })}</span>}
          empty={
            cases.length === 0 &&
            !loadError && (
              <p className="muted table-status" data-testid="cases-empty">
                {filtered ? t('emptyFiltered') : t('empty')}
              </p>
            )
          } />
      </section>
    </div>
  );
}
