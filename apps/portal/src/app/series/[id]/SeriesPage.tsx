'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { CaseStatusBadge, ViewerAccessBadge } from '../../../components/CaseBadges';
import { Unavailable } from '../../../components/Unavailable';
import { useAuth } from '../../../lib/auth';
import { useAgencyName, useFormatDateTime, useJoinList, useProvinceName, useRegionName } from '../../../lib/format';
import { fenToDecimal, toFen, useFormatMoney } from '../../../lib/money';
import { SERIES, type Series } from '../../../lib/series';
import { canCreateTaskForce } from '../../../lib/access';

/** Loss of the visible cases by the province of the agency that reported them, largest first (exact, in fen). */
function lossByProvince(series: Series): { region: string; fen: bigint; cases: number }[] {
  const sums = new Map<string, { fen: bigint; cases: number }>();
  for (const c of series.cases) {
    const region = c.owner.region.length === 6 ? `${c.owner.region.slice(0, 2)}0000` : c.owner.region;
    const s = sums.get(region) ?? { fen: 0n, cases: 0 };
    s.fen += toFen(c.totalLoss) ?? 0n;
    s.cases += 1;
    sums.set(region, s);
  }
  return [...sums.entries()].map(([region, s]) => ({ region, ...s })).sort((a, b) => (b.fen > a.fen ? 1 : b.fen < a.fen ? -1 : 0));
}

export function SeriesPage({ id }: { id: string }) {
  const t = useTranslations('series');
  const tc = useTranslations('common');
  const tType = useTranslations('fraudTypes');
  const tForce = useTranslations('taskForces');
  const { request, session } = useAuth();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const regionName = useRegionName();
  const joinList = useJoinList();
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const [series, setSeries] = useState<Series | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setSeries((await request(SERIES, { id })).series);
    } catch (e) {
      setError(e);
    }
  }, [id, request]);

  useEffect(() => {
    void load();
  }, [load]);

  const bars = useMemo(() => (series ? lossByProvince(series) : []), [series]);

  if (error && !series) return <Unavailable error={error} messages="series" backHref="/series" onRetry={() => void load()} testId="series-unavailable" />;
  if (!series) return <p className="muted page-status">{tc('loading')}</p>;

  const maxFen = bars.reduce((m, b) => (b.fen > m ? b.fen : m), 0n);
  const visible = series.cases.length;

  return (
    <div className="wide-page" data-testid="series-page" data-series-id={series.id}>
      <Link href="/series" className="back-link">
        ← {t('backToList')}
      </Link>
      <section className="card series-head">
        <div className="case-head">
          <div>
            <div className="case-number mono">{series.id}</div>
            <h1 data-testid="series-title">★ {t('seriesTitle', { count: series.caseCount })}</h1>
            {session && canCreateTaskForce(session.user) && (
              <Link href={`/task-forces?series=${series.id}`} className="btn btn-primary btn-small" data-testid="series-form-task-force">
                {tForce('formTaskForce')}
              </Link>
            )}
            <p className="muted">
              {t('spans', {
                provinces: joinList(series.provinces.map((p) => provinceName(p))) || '—',
                agencies: series.agencies.length,
              })}
            </p>
          </div>
          <div className="case-loss">
            <div className="case-loss-label">{t('totalLossVisible')}</div>
            <div className="case-loss-value" data-testid="series-total-loss">
              {formatMoney(series.totalLoss)}
            </div>
            <div className="muted small" data-testid="series-victims">
              {t('victimCount', { count: series.victimCount })}
            </div>
          </div>
        </div>
        <dl className="facts case-facts">
          <div>
            <dt>{t('cases')}</dt>
            <dd data-testid="series-case-count">{series.caseCount}</dd>
          </div>
          <div>
            <dt>{t('agencies')}</dt>
            <dd>{joinList(series.agencies.map((a) => agencyName(a)))}</dd>
          </div>
          <div>
            <dt>{t('createdAt')}</dt>
            <dd>{formatDateTime(series.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('updatedAt')}</dt>
            <dd>{formatDateTime(series.updatedAt)}</dd>
          </div>
        </dl>
        {series.hiddenCaseCount > 0 && (
          <Alert tone="info" testId="series-hidden-note">
            {t('hiddenNote', { count: series.hiddenCaseCount })}
          </Alert>
        )}
      </section>

      <div className="series-grid">
        <section className="card table-card">
          <div className="table-toolbar">
            <strong>{t('casesTitle')}</strong>
            <span className="muted small">{t('visibleOf', { visible, total: series.caseCount })}</span>
          </div>
          <div className="table-scroll">
            <table className="table cases-table" data-testid="series-cases">
              <thead>
                <tr>
                  <th>{t('caseNumber')}</th>
                  <th>{t('caseTitle')}</th>
                  <th>{t('agency')}</th>
                  <th>{t('provinces')}</th>
                  <th>{t('fraudType')}</th>
                  <th>{t('status')}</th>
                  <th className="num">{t('loss')}</th>
                  <th className="num">{t('victims')}</th>
                </tr>
              </thead>
              <tbody>
                {series.cases.map((c) => (
                  <tr key={c.id} data-testid="series-case" data-case-id={c.id}>
                    <td className="mono nowrap">
                      <Link href={`/cases/${c.id}`}>{c.caseNumber}</Link>
                    </td>
                    <td className="case-title-cell">
                      <span className="clamp-2">{c.title}</span>
                      <ViewerAccessBadge access={c.viewerAccess} />
                    </td>
                    <td className="owner-cell">{agencyName(c.owner)}</td>
                    <td className="prov-cell">{joinList(c.provinces.map((p) => provinceName(p))) || '—'}</td>
                    <td className="nowrap">{tType(c.fraudType)}</td>
                    <td>
                      <CaseStatusBadge status={c.status} />
                    </td>
                    <td className="num nowrap">{formatMoney(c.totalLoss)}</td>
                    <td className="num">{c.victimCount}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="table-total">
                  <td colSpan={6}>{t('sumVisible')}</td>
                  <td className="num nowrap">{formatMoney(series.totalLoss)}</td>
                  <td className="num">{series.victimCount}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>

        {bars.length > 0 && (
          <section className="card bar-card" data-testid="loss-by-province">
            <h2>{t('lossByProvince')}</h2>
            <p className="muted small">{t('lossByProvinceNote')}</p>
            <ul className="bars">
              {bars.map((b) => (
                <li key={b.region} className="bar-row">
                  <span className="bar-label">{regionName(b.region)}</span>
                  <span className="bar-track" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${maxFen > 0n ? Math.max(2, Number((b.fen * 1000n) / maxFen) / 10) : 0}%` }} />
                  </span>
                  <span className="bar-value">
                    {formatMoney(fenToDecimal(b.fen))}
                    <span className="muted small"> · {t('casesShort', { count: b.cases })}</span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
