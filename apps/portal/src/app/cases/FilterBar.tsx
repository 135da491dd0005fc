'use client';

import { CaseStatus, FraudType, moneyProblem } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useJoinList, useProvinceOptions } from '../../lib/format';
import { NO_FILTERS, type CaseFilters } from './filters';

interface Props {
  applied: CaseFilters;
  /** Field errors from the api, keyed like "filter.minLoss". */
  apiErrors: Record<string, string>;
  onApply(filters: CaseFilters): void;
}

function FraudTypePicker({ value, onChange }: { value: FraudType[]; onChange(v: FraudType[]): void }) {
  const t = useTranslations('cases.filters');
  const tType = useTranslations('fraudTypes');
  const ref = useRef<HTMLDetailsElement>(null);
  const joinList = useJoinList();

  // Close the dropdown on a click elsewhere.
  useEffect(() => {
    function onDocClick(event: MouseEvent) {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    }
    document.addEventListener('click', onDocClick);
    return () => document.removeEventListener('click', onDocClick);
  }, []);

  const summary =
    value.length === 0 ? t('allTypes') : value.length <= 2 ? joinList(value.map((v) => tType(v))) : t('typesSelected', { count: value.length });
  return (
    <div className="field">
      <span className="field-label">{t('fraudTypes')}</span>
      <details className="multi" ref={ref} data-testid="filter-fraud-types">
        <summary>{summary}</summary>
        <div className="multi-menu" role="group" aria-label={t('fraudTypes')}>
          {Object.values(FraudType).map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                value={type}
                checked={value.includes(type)}
                onChange={() => onChange(value.includes(type) ? value.filter((v) => v !== type) : [...value, type])}
              />
              {tType(type)}
            </label>
          ))}
        </div>
      </details>
    </div>
  );
}

export function FilterBar({ applied, apiErrors, onApply }: Props) {
  const t = useTranslations('cases.filters');
  const tStatus = useTranslations('caseStatus');
  const provinces = useProvinceOptions();
  const [draft, setDraft] = useState<CaseFilters>(applied);
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Follow the address when it changes from outside (back button, reset).
  useEffect(() => setDraft(applied), [applied]);

  function set<K extends keyof CaseFilters>(key: K, value: CaseFilters[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (draft.minLoss.trim() && moneyProblem(draft.minLoss)) problems.minLoss = t('badAmount');
    if (draft.maxLoss.trim() && moneyProblem(draft.maxLoss)) problems.maxLoss = t('badAmount');
    if (draft.reportedFrom && draft.reportedTo && draft.reportedFrom > draft.reportedTo) problems.reportedTo = t('badRange');
    setErrors(problems);
    if (Object.keys(problems).length === 0) onApply(draft);
  }

  function reset() {
    setDraft(NO_FILTERS);
    setErrors({});
    onApply(NO_FILTERS);
  }

  const err = (key: keyof CaseFilters) => errors[key] ?? apiErrors[`filter.${key}`];

  return (
    <form className="card filter-bar" onSubmit={submit} noValidate data-testid="case-filters">
      <div className="field filter-search">
        <label htmlFor="case-search">{t('search')}</label>
        <input
          id="case-search"
          name="search"
          type="search"
          placeholder={t('searchPlaceholder')}
          value={draft.search}
          onChange={(e) => set('search', e.target.value)}
        />
      </div>
      <FraudTypePicker value={draft.fraudTypes} onChange={(v) => set('fraudTypes', v)} />
      <div className="field">
        <label htmlFor="case-status">{t('status')}</label>
        <select id="case-status" name="status" value={draft.status} onChange={(e) => set('status', e.target.value as CaseStatus | '')}>
          <option value="">{t('allStatuses')}</option>
          {Object.values(CaseStatus).map((s) => (
            <option key={s} value={s}>
              {tStatus(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-province">{t('province')}</label>
        <select id="case-province" name="province" value={draft.province} onChange={(e) => set('province', e.target.value)}>
          <option value="">{t('allProvinces')}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${err('reportedTo') || err('reportedFrom') ? ' has-error' : ''}`}>
        <span className="field-label">{t('reported')}</span>
        <div className="range">
          <input type="date" name="reportedFrom" aria-label={t('reportedFrom')} value={draft.reportedFrom}
            onChange={(e) => set('reportedFrom', e.target.value)} />
          <span aria-hidden="true">–</span>
          <input type="date" name="reportedTo" aria-label={t('reportedTo')} value={draft.reportedTo}
            onChange={(e) => set('reportedTo', e.target.value)} />
        </div>
        {(err('reportedFrom') || err('reportedTo')) && <div className="field-error">{err('reportedFrom') ?? err('reportedTo')}</div>}
      </div>
      <div className={`field${err('minLoss') || err('maxLoss') ? ' has-error' : ''}`}>
        <span className="field-label">{t('loss')}</span>
        <div className="range">
          <input inputMode="decimal" name="minLoss" aria-label={t('minLoss')} placeholder={t('min')} value={draft.minLoss}
            onChange={(e) => set('minLoss', e.target.value)} />
          <span aria-hidden="true">–</span>
          <input inputMode="decimal" name="maxLoss" aria-label={t('maxLoss')} placeholder={t('max')} value={draft.maxLoss}
            onChange={(e) => set('maxLoss', e.target.value)} />
        </div>
        {(err('minLoss') || err('maxLoss')) && (
          <div className="field-error" data-testid="error-loss">
            {err('minLoss') ?? err('maxLoss')}
          </div>
        )}
      </div>
      <div className="filter-actions">
        <button type="submit" className="btn btn-primary" data-testid="apply-filters">
          {t('apply')}
        </button>
        <button type="button" className="btn" onClick={reset} data-testid="reset-filters">
          {t('reset')}
        </button>
      </div>
    </form>
  );
}
