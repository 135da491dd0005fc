'use client';

import { AUDIT_TRAIL_MIN_DAYS, RETENTION_MAX_DAYS } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import styles from './retention.module.css';
import { SET_RETENTION_RULE, useClassText, type RetentionRule } from './shared';

/** The national admin's inline editor of one period: a labelled number input, save, and the refusal naming the field. */
function PeriodEditor({ rule, name, onSaved }: { rule: RetentionRule; name: string; onSaved(rule: RetentionRule): void }) {
  const t = useTranslations('retention');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(String(rule.periodDays));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => setValue(String(rule.periodDays)), [rule.periodDays]);

  const field = t('periodField', { name });
  const refuse = (reason: string) => {
    setError(t('fieldError', { field, reason }));
    input.current?.focus();
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const v = value.trim();
    // Only the shape is checked here: the floor and the ceiling are the api's to refuse (and it names the field).
    if (!/^\d{1,6}$/.test(v)) {
      refuse(t('wholeNumber'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = (await request(SET_RETENTION_RULE, { input: { dataClass: rule.dataClass, periodDays: Number(v) } }))
        .setRetentionRule;
      onSaved(next);
      setSaved(true);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      const reason = fields.periodDays ?? fields.dataClass;
      if (reason) refuse(reason);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <>
      <form className={styles.periodForm} onSubmit={save} noValidate data-testid="retention-period-form">
        <label htmlFor={id} className="visually-hidden">
          {t('periodLabel', { name })}
        </label>
        <input ref={input} id={id} type="number" inputMode="numeric" step={1} min={rule.minDays} max={RETENTION_MAX_DAYS} value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setSaved(false);
          }}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${hintId} ${errorId}` : hintId} data-testid="retention-period-input" />
        <span className="muted small" id={hintId}>
          {t('periodHint', { min: rule.minDays })}
        </span>
        <button type="submit" className="btn btn-small btn-primary" disabled={busy || value.trim() === String(rule.periodDays)}
          data-testid="retention-period-save">
          {busy ? t('saving') : t('save')}
        </button>
        <span role="status" className={saved ? 'chip-ok' : undefined} data-testid={saved ? 'retention-period-saved' : undefined}>
          {saved ? t('saved') : ''}
        </span>
      </form>
      {error && (
        <div className={`field-error ${styles.periodError}`} id={errorId} role="alert" data-testid="retention-period-error">
          {error}
        </div>
      )}
    </>
  );
}

/** One rule per data class: what it covers and from when, the period, its floor, whether a legal hold keeps it, who changed it. */
export function RulesTable({ rules, editable, onSaved }: { rules: RetentionRule[]; editable: boolean; onSaved(rule: RetentionRule): void }) {
  const t = useTranslations('retention');
  const classText = useClassText();
  const formatDateTime = useFormatDateTime();

  return (
    <div className="table-scroll">
      <table className={`table ${styles.rules}`} data-testid="retention-rules">
        <thead>
          <tr>
            <th scope="col">{t('col.dataClass')}</th>
            <th scope="col">{t('col.period')}</th>
            <th scope="col" className="num">
              {t('col.floor')}
            </th>
            <th scope="col">{t('col.legalHold')}</th>
            <th scope="col">{t('col.changed')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => {
            const { name, from } = classText(r.dataClass);
            return (
              <tr key={r.dataClass} className={r.purged ? undefined : styles.auditRow} data-testid="retention-rule" data-class={r.dataClass}
                data-period={r.periodDays} data-purged={r.purged}>
                <th scope="row" className={styles.rowHead}>
                  <strong>{name}</strong>
                  <span className={styles.classCode}>{r.dataClass}</span>
                  <span className={`muted small ${styles.counted}`}>{t('counted', { from })}</span>
                  {!r.purged && (
                    <span className={styles.auditMark} data-testid="retention-never-purged">
                      {t('auditMark', { days: Math.max(AUDIT_TRAIL_MIN_DAYS, r.minDays) })}
                    </span>
                  )}
                </th>
                <td>
                  {editable ? (
                    <PeriodEditor rule={r} name={name} onSaved={onSaved} />
                  ) : (
                    <span className={styles.period} data-testid="retention-period">
                      {t('days', { count: r.periodDays })}
                    </span>
                  )}
                </td>
                <td className="num nowrap">{t('days', { count: r.minDays })}</td>
                <td>
                  {r.caseBound ? (
                    <>
                      <span className="chip-ok">{t('holdApplies')}</span>
                      <span className={`muted small ${styles.counted}`}>{t('holdAppliesNote')}</span>
                    </>
                  ) : (
                    <span className="muted small">{r.purged ? t('holdNotApplicable') : t('neverPurged')}</span>
                  )}
                </td>
                <td className="small">
                  {/* Only the national centre sets rules (the defaults are its own): who, when the viewer may see that user. */}
                  <div>{r.updatedByEmail ?? <span className="muted" title={t('whoHidden')}>{t('nationalCentre')}</span>}</div>
                  <div className="muted nowrap">{formatDateTime(r.updatedAt)}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
