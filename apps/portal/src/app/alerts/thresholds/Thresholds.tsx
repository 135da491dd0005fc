'use client';

import { NATIONAL_REGION_CODE, PROVINCES } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { RetryAlert } from '../../../components/ListParts';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors, useLoadErrorMessage } from '../../../lib/errors';
import { useRegionLabel } from '../../../lib/format';
import type { User } from '../../../lib/auth';
import { RuleLabel } from '../../../components/alerts/AlertParts';
import styles from '../../../components/alerts/alerts.module.css';
import { NATIONAL_DEFAULT_SOURCES, RISK_RULES, RISK_THRESHOLDS, SET_RISK_THRESHOLD, useThresholdValue, type RiskRule, type RiskThreshold } from '../../../components/alerts/shared';
import { alertsViewOf, canSetThresholds, canSetThresholdsOf } from '../../../lib/access';

const REGION = /^\d{6}$/;

/** Where a value comes from: this region itself, a province above it, or the national default. */
function SourceLabel({ threshold }: { threshold: RiskThreshold }) {
  const t = useTranslations('alerts.thresholds');
  const regionLabel = useRegionLabel();
  if (threshold.source === threshold.region && !NATIONAL_DEFAULT_SOURCES.includes(threshold.source)) {
    return (
      <span className={styles.own} data-testid="threshold-source" data-source={threshold.source}>
        {t('ownValue')}
      </span>
    );
  }
  const text = NATIONAL_DEFAULT_SOURCES.includes(threshold.source) ? t('nationalDefault') : t('inheritedFrom', { region: regionLabel(threshold.source) });
  return (
    <span className={styles.inherited} data-testid="threshold-source" data-source={threshold.source}>
      {text}
    </span>
  );
}

function ThresholdRow({ threshold, editable, onSaved }: { threshold: RiskThreshold; editable: boolean; onSaved(t: RiskThreshold): void }) {
  const t = useTranslations('alerts.thresholds');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const valueText = useThresholdValue();
  const [value, setValue] = useState(threshold.value);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => setValue(threshold.value), [threshold.value]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const v = value.trim();
    if (!/^\d+(\.\d{1,2})?$/.test(v) || Number(v) <= 0) {
      setError(t('valueInvalid'));
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = (await request(SET_RISK_THRESHOLD, { region: threshold.region, rule: threshold.rule, value: v })).setRiskThreshold;
      onSaved(next);
      setSaved(true);
    } catch (e) {
      setError(fieldErrorsOf(e).value ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid="threshold-row" data-rule={threshold.rule} data-value={threshold.value} data-source={threshold.source}>
      <td>
        <RuleLabel rule={threshold.rule} />
        <div className="muted small">{t(`explain.${threshold.rule}`)}</div>
      </td>
      <td className="nowrap">
        <strong data-testid="threshold-value">{valueText(threshold.rule, threshold.value)}</strong>
      </td>
      <td>
        <SourceLabel threshold={threshold} />
      </td>
      {editable && (
        <td>
          <form className={styles.thresholdInput} onSubmit={save} noValidate>
            <input aria-label={t('newValue')} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined}
              data-testid="threshold-input" />
            <span className="muted small">{t(`unit.${threshold.rule}`)}</span>
            <button type="submit" className="btn btn-small btn-primary" disabled={busy || value.trim() === threshold.value} data-testid="threshold-save">
              {tc('save')}
            </button>
            {saved && (
              <span className="chip-ok" data-testid="threshold-saved">
                {t('saved')}
              </span>
            )}
          </form>
          {error && (
            <div className="field-error" data-testid="threshold-error">
              {error}
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

/** The effective thresholds of a region per rule, with where each comes from; admins and supervisors change them. */
export function Thresholds({ user }: { user: User }) {
  const t = useTranslations('alerts.thresholds');
  const ta = useTranslations('alerts');
  const locale = useLocale();
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const regionLabel = useRegionLabel();
  const own = user.agency.region;
  const [region, setRegion] = useState(own);
  const [typed, setTyped] = useState('');
  const [rows, setRows] = useState<RiskThreshold[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const setter = canSetThresholds(user);
  // The rows say which region they are of (the national centre's own view is the defaults, '000000').
  const editable = !!rows && rows.length > 0 && canSetThresholdsOf(user, rows[0].region);

  const load = useCallback(async () => {
    setError(null);
    setRows(null);
    try {
      const data = await request(RISK_THRESHOLDS, { region: region === own ? null : region });
      const order = (r: RiskRule) => RISK_RULES.indexOf(r);
      setRows([...data.riskThresholds].sort((a, b) => order(a.rule) - order(b.rule)));
    } catch (e) {
      setError(e);
    }
  }, [request, region, own]);

  useEffect(() => {
    void load();
  }, [load]);

  function showTyped(event: FormEvent) {
    event.preventDefault();
    if (REGION.test(typed.trim())) setRegion(typed.trim());
  }

  const provinces = Object.entries(PROVINCES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, names]) => ({ code: `${code}0000`, name: locale === 'en' ? names.en : names.zh }));
  const options = [{ code: own, name: regionLabel(own) }, ...provinces.filter((p) => p.code !== own)];
  if (!options.some((o) => o.code === region)) options.push({ code: region, name: regionLabel(region) });

  return (
    <div className="wide-page" data-testid="thresholds-page" data-region={region}>
      <div className="page-head">
        <div>
          <Link href="/alerts" className="back-link">
            ← {alertsViewOf(user) === 'police' ? ta('backToList') : ta('backToDesk')}
          </Link>
          <h1>{t('title')}</h1>
          <p className="muted">{setter ? t('introEditable') : t('introReadOnly')}</p>
        </div>
      </div>
      <section className="card table-card">
        <div className="table-toolbar">
          <div className={styles.regionPicker}>
            <label htmlFor="threshold-region" className="field-label">
              {t('region')}
            </label>
            <select id="threshold-region" value={region} onChange={(e) => setRegion(e.target.value)} data-testid="threshold-region-select">
              {options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code === NATIONAL_REGION_CODE ? t('nationalOption') : o.name}
                  {o.code === own ? ` ${t('ownMark')}` : ''}
                </option>
              ))}
            </select>
            <form className={styles.regionPicker} onSubmit={showTyped}>
              <input aria-label={t('cityCode')} placeholder={t('cityCodePlaceholder')} value={typed} maxLength={6} inputMode="numeric"
                onChange={(e) => setTyped(e.target.value)} data-testid="threshold-region-code" />
              <button type="submit" className="btn btn-small" disabled={!REGION.test(typed.trim())}>
                {t('showRegion')}
              </button>
            </form>
          </div>
          <span className="muted small">{regionLabel(region)}</span>
        </div>
        {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}
        {rows && (
          <div className="table-scroll">
            <table className="table" data-testid="thresholds-table">
              <thead>
                <tr>
                  <th>{t('rule')}</th>
                  <th>{t('value')}</th>
                  <th>{t('source')}</th>
                  {editable && <th>{t('change')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <ThresholdRow key={`${r.region}:${r.rule}`} threshold={r} editable={editable}
                    onSaved={(next) => setRows((list) => (list ?? []).map((x) => (x.rule === next.rule ? next : x)))} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!rows && error === null && <p className="muted table-status">{t('loading')}</p>}
      </section>
      {editable && <Alert tone="info">{t('inheritNote')}</Alert>}
      {setter && rows && !editable && (
        <Alert tone="info" testId="thresholds-not-yours">
          {t('notYourRegion')}
        </Alert>
      )}
    </div>
  );
}
