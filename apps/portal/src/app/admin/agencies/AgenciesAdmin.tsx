'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { KindBadge } from '../../../components/AgencyBadge';
import { ListFoot } from '../../../components/ListParts';
import { useAuth } from '../../../lib/auth';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useFormatDateTime, useRegionName } from '../../../lib/format';
import { usePagedList } from '../../../lib/paged-list';
import { AgencySignIn } from './AgencySignIn';
import { CreateAgencyForm } from './CreateAgencyForm';
import { graphql } from '../../../gql';
import type { AgencyFieldsFragment } from '../../../gql/graphql';

const AGENCIES = graphql(`query Agencies($first: Int, $after: String) {
  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyFields } } pageInfo { hasNextPage endCursor } totalCount }
}`);

const PAGE_SIZE = 100;

export function AgenciesAdmin() {
  const t = useTranslations('agencies');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useLoadErrorMessage();
  const regionName = useRegionName();
  const formatDateTime = useFormatDateTime();
  const fetchPage = useCallback(
    async (after: string | null) => (await request(AGENCIES, { first: PAGE_SIZE, after })).agencies,
    [request],
  );
  const { items: agencies, setItems: setAgencies, total, setTotal, hasMore, loading, error, loadMore } = usePagedList(fetchPage);
  const [notice, setNotice] = useState<string | null>(null);

  function created(agency: AgencyFieldsFragment, adminEmail: string) {
    setAgencies((prev) => [...prev, agency]);
    setTotal((n) => (n ?? 0) + 1);
    setNotice(t('createdOk', { name: agency.name, email: adminEmail }));
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted">{t('count', { total: total ?? 0 })}</span>
      </div>
      {notice && <Alert tone="success" testId="agencies-notice">{notice}</Alert>}
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <section className="card table-card">
        <table className="table" data-testid="agencies-table">
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('nameEn')}</th>
              <th>{t('kind')}</th>
              <th>{t('region')}</th>
              <th>{t('coordinating')}</th>
              <th>{t('created')}</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.nameEn}</td>
                <td><KindBadge kind={a.kind} /></td>
                <td>{regionName(a.region)} <span className="mono muted small">{a.region}</span></td>
                <td>{a.coordinating ? tc('yes') : tc('no')}</td>
                <td className="nowrap">{formatDateTime(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore} />
      </section>
      <CreateAgencyForm onCreated={created} />
      <AgencySignIn />
    </>
  );
}
