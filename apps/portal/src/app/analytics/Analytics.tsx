'use client';

import { FraudType } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { CheckGroup } from '../../components/CheckGroup';
import { RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useAuthedDownload } from '../../lib/download';
import { useLoadErrorMessage } from '../../lib/errors';
import { graphql } from '../../gql';
import type { OutcomeAnalyticsQuery, OutcomeDistributionFieldsFragment } from '../../gql/graphql';
import styles from './analytics.module.css';

graphql(`fragment OutcomeDistributionFields on OutcomeDistribution { known unknown buckets { key count percent probation } }`);
const OUTCOME_ANALYTICS = graphql(`query OutcomeAnalytics($filter: OutcomeFilter) { outcomeAnalytics(filter: $filter) {
  total age { ...OutcomeDistributionFields } education { ...OutcomeDistributionFields } employment { ...OutcomeDistributionFields }
  roles { ...OutcomeDistributionFields } probation { count of percent } years { year count percent probation probationPercent }
} }`);
type Outcomes = OutcomeAnalyticsQuery['outcomeAnalytics'];
type Distribution = OutcomeDistributionFieldsFragment;

interface Filter {
  yearFrom: number | null;
  yearTo: number | null;
  fraudTypes: string[];
}

type Table = 'age' | 'education' | 'employment' | 'probation' | 'years' | 'roles';

const width = (value: number, max: number) => `${max > 0 && value > 0 ? Math.max(1.5, (value / max) * 100) : 0}%`;

function CsvButton({ table, filter }: { table: Table; filter: Filter }) {
  const t = useTranslations('analytics');
  const locale = useLocale();
  const { download, busy, error } = useAuthedDownload();

  function onClick() {
    const params = new URLSearchParams({ table, lang: locale === 'en' ? 'en' : 'zh' });
    if (filter.yearFrom !== null) params.set('yearFrom', String(filter.yearFrom));
    if (filter.yearTo !== null) params.set('yearTo', String(filter.yearTo));
    if (filter.fraudTypes.length > 0) params.set('fraudTypes', filter.fraudTypes.join(','));
    return download(`/api/analytics/outcomes.csv?${params.toString()}`, `outcomes-${table}.csv`);
  }

  return (
    <span>
      <button type="button" className="btn btn-small" onClick={() => void onClick()} disabled={busy} data-testid={`csv-${table}`} title={t('csvTitle')}>
        {t('csv')}
      </button>
      {error && <span className="field-error"> {error}</span>}
    </span>
  );
}

function DistributionCard({ table, title, dist, filter, label }: { table: Table; title: string; dist: Distribution; filter: Filter; label(key: string): string }) {
  const t = useTranslations('analytics');
  const max = dist.buckets.reduce((m, b) => Math.max(m, b.count), 0);
  return (
    <section className={`card ${styles.card}`} data-testid={`analytics-${table}`}>
      <div className={styles.head}>
        <h2>{title}</h2>
        <CsvButton table={table} filter={filter} />
      </div>
      <ul className="bars">
        {dist.buckets.map((b) => (
          <li key={b.key} className={styles.row} data-testid="analytics-bucket" data-key={b.key} data-count={b.count}>
            <span className={styles.label}>{label(b.key)}</span>
            <span className="bar-track" aria-hidden="true">
              <span className={styles.fill} style={{ width: width(b.count, max) }} />
            </span>
            <span className={styles.value}>{t('percentCount', { percent: b.percent.toFixed(1), count: b.count })}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('knownUnknown', { known: dist.known, unknown: dist.unknown })}</p>
    </section>
  );
}

export function Analytics() {
  const t = useTranslations('analytics');
  const tType = useTranslations('fraudTypes');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const [yearFrom, setYearFrom] = useState('');
  const [yearTo, setYearTo] = useState('');
  const [fraudTypes, setFraudTypes] = useState<string[]>([]);
  const [filter, setFilter] = useState<Filter>({ yearFrom: null, yearTo: null, fraudTypes: [] });
  const [data, setData] = useState<Outcomes | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const vars = {
        filter: {
          yearFrom: filter.yearFrom, yearTo: filter.yearTo, fraudTypes: filter.fraudTypes.length > 0 ? (filter.fraudTypes as FraudType[]) : null,
        },
      };
      setData((await request(OUTCOME_ANALYTICS, vars)).outcomeAnalytics);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [filter, request]);

  useEffect(() => {
    void load();
  }, [load]);

  function onApply(event: FormEvent) {
    event.preventDefault();
    const parse = (v: string) => (v.trim() === '' ? null : Number(v));
    const from = parse(yearFrom);
    const to = parse(yearTo);
    const bad = (y: number | null) => y !== null && (!Number.isInteger(y) || y < 1997 || y > 2100);
    if (bad(from) || bad(to)) return setFormError(t('yearInvalid'));
    if (from !== null && to !== null && from > to) return setFormError(t('yearOrder'));
    setFormError(null);
    setFilter({ yearFrom: from, yearTo: to, fraudTypes });
  }

  function onReset() {
    setYearFrom('');
    setYearTo('');
    setFraudTypes([]);
    setFormError(null);
    setFilter({ yearFrom: null, yearTo: null, fraudTypes: [] });
  }

  const maxYear = data ? data.years.reduce((m, y) => Math.max(m, y.count), 0) : 0;

  return (
    <div className="wide-page" data-testid="analytics-page">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="card">
        <form className={styles.filters} onSubmit={onApply} data-testid="analytics-filter">
          <div className="field">
            <label htmlFor="analytics-year-from">{t('yearFrom')}</label>
            <input id="analytics-year-from" name="yearFrom" className={styles.year} inputMode="numeric" placeholder="2020" value={yearFrom} onChange={(e) => setYearFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="analytics-year-to">{t('yearTo')}</label>
            <input id="analytics-year-to" name="yearTo" className={styles.year} inputMode="numeric" placeholder="2026" value={yearTo} onChange={(e) => setYearTo(e.target.value)} />
          </div>
          <div className="filter-actions">
            <button type="submit" className="btn btn-primary" data-testid="analytics-apply">
              {t('apply')}
            </button>
            <button type="button" className="btn" onClick={onReset}>
              {t('reset')}
            </button>
          </div>
          <CheckGroup
            legend={t('fraudTypes')} name="fraudTypes" className={styles.types}
            options={Object.values(FraudType).map((v) => ({ value: v, label: tType(v) }))}
            selected={fraudTypes} onToggle={(v) => setFraudTypes((s) => (s.includes(v) ? s.filter((x) => x !== v) : [...s, v]))}
          />
          {formError && <div className="field-error" data-testid="analytics-filter-error">{formError}</div>}
        </form>
      </section>

      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}
      {!data && error === null && <p className="muted page-status">{t('loading')}</p>}
      {data && data.total === 0 && (
        <section className="card" data-testid="analytics-empty">
          <h2>{t('emptyTitle')}</h2>
          <p className="muted">{t('emptyText')}</p>
        </section>
      )}
      {data && data.total > 0 && (
        <>
          <Alert tone="info" testId="analytics-total">
            {t('total', { count: data.total })}
            {loading ? ` · ${t('loading')}` : ''}
          </Alert>
          <div className={styles.grid}>
            <DistributionCard table="age" title={t('age')} dist={data.age} filter={filter} label={(k) => t(`ageBands.${k}`)} />
            <DistributionCard table="education" title={t('education')} dist={data.education} filter={filter} label={(k) => t(`educationLevels.${k}`)} />
            <DistributionCard table="employment" title={t('employment')} dist={data.employment} filter={filter} label={(k) => t(`employmentKinds.${k}`)} />
            <DistributionCard table="roles" title={t('roles')} dist={data.roles} filter={filter} label={(k) => t(`suspectRoles.${k}`)} />
            <section className={`card ${styles.card}`} data-testid="analytics-probation">
              <div className={styles.head}>
                <h2>{t('probation')}</h2>
                <CsvButton table="probation" filter={filter} />
              </div>
              <div className={styles.big}>{data.probation.percent.toFixed(1)}%</div>
              <span className="bar-track" aria-hidden="true" style={{ display: 'block', margin: '8px 0' }}>
                <span className={styles.fillProbation} style={{ width: `${Math.min(100, data.probation.percent)}%` }} />
              </span>
              <p className="muted small">{t('probationOf', { count: data.probation.count, of: data.probation.of })}</p>
            </section>
            <section className={`card ${styles.card}`} data-testid="analytics-years">
              <div className={styles.head}>
                <h2>{t('years')}</h2>
                <CsvButton table="years" filter={filter} />
              </div>
              <ul className="bars">
                {data.years.map((y) => (
                  <li key={y.year} className={styles.row} data-testid="analytics-year" data-year={y.year} data-count={y.count}>
                    <span className={styles.label}>{y.year}</span>
                    <span className="bar-track" aria-hidden="true">
                      <span className={styles.fill} style={{ width: width(y.count, maxYear) }} />
                    </span>
                    <span className={styles.value} title={t('yearProbation', { percent: y.probationPercent.toFixed(1) })}>
                      {t('percentCount', { percent: y.percent.toFixed(1), count: y.count })}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="muted small">{t('yearsNote')}</p>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
