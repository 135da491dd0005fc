'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { KindBadge } from '../../../components/AgencyBadge';
import { useAuth } from '../../../lib/auth';
import { AGENCIES } from '../../../lib/documents';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useFormatDateTime, useRegionName } from '../../../lib/format';
import type { Agency, Connection } from '../../../lib/types';
import { CreateAgencyForm } from './CreateAgencyForm';

const PAGE_SIZE = 100;

export function AgenciesAdmin() {
  const t = useTranslations('agencies');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useLoadErrorMessage();
  const regionName = useRegionName();
  const formatDateTime = useFormatDateTime();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const data = await request<{ agencies: Connection<Agency> }>(AGENCIES, { first: PAGE_SIZE, after });
        const rows = data.agencies.edges.map((e) => e.node);
        setAgencies((prev) => (after ? [...prev, ...rows] : rows));
        setTotal(data.agencies.totalCount);
        setCursor(data.agencies.pageInfo.endCursor);
        setHasMore(data.agencies.pageInfo.hasNextPage);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [request, errorMessage],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  function created(agency: Agency, adminEmail: string) {
    setAgencies((prev) => [...prev, agency]);
    setTotal((n) => n + 1);
    setNotice(t('createdOk', { name: agency.name, email: adminEmail }));
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted">{t('count', { total })}</span>
      </div>
      {notice && <Alert tone="success" testId="agencies-notice">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
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
        {loading && <p className="muted table-status">{tc('loading')}</p>}
        {hasMore && !loading && (
          <div className="table-foot">
            <button type="button" className="btn" onClick={() => void load(cursor)}>{tc('loadMore')}</button>
          </div>
        )}
      </section>
      <CreateAgencyForm onCreated={created} />
    </>
  );
}
