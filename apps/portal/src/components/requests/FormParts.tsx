'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { Alert } from '../Alert';
import { useAuth } from '../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../lib/errors';
import { useAgencyName, useRegionLabel } from '../../lib/format';
import { GqlError } from '../../lib/graphql';
import type { RequestTypeName, UrgencyName } from '../../lib/types';
import { graphql } from '../../gql';
import type { AgencyRef } from '../AgencyBadge';

const REQUEST_TARGETS = graphql(`query RequestTargets($type: RequestType!) { requestTargets(type: $type) { ...AgencyRefFields } }`);
const DEADLINE_RULES = graphql(`query DeadlineRules { deadlineRules { type kind urgency minutes } }`);

/** Banks, telecoms or partners this agency may address (requestTargets). */
export function useRequestTargets(type: RequestTypeName): { targets: AgencyRef[] | null; error: unknown } {
  const { request } = useAuth();
  const [targets, setTargets] = useState<AgencyRef[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setTargets(null);
    request(REQUEST_TARGETS, { type })
      .then((d) => live && setTargets(d.requestTargets))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [type, request]);
  return { targets, error };
}

interface DeadlineRule {
  type: RequestTypeName;
  kind: string;
  urgency: UrgencyName;
  minutes: number;
}

/** "The bank must answer within 30 minutes", from the live deadline rules (they are data, not constants). */
export function DeadlineHint({ type, kind, urgency }: { type: RequestTypeName; kind: string; urgency: UrgencyName }) {
  const t = useTranslations('requestForm');
  const { request } = useAuth();
  const [rules, setRules] = useState<DeadlineRule[] | null>(null);
  useEffect(() => {
    let live = true;
    request(DEADLINE_RULES)
      .then((d) => live && setRules(d.deadlineRules))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [request]);
  const rule = rules?.find((r) => r.type === type && r.kind === kind && r.urgency === urgency);
  if (!rule) return null;
  const days = Math.floor(rule.minutes / 1440);
  const hours = Math.floor((rule.minutes % 1440) / 60);
  const minutes = rule.minutes % 60;
  const span = [days ? t('span.days', { n: days }) : '', hours ? t('span.hours', { n: hours }) : '', minutes ? t('span.minutes', { n: minutes }) : '']
    .filter(Boolean)
    .join(' ');
  return (
    <p className="deadline-hint" data-testid="deadline-hint" data-minutes={rule.minutes}>
      {t(`answerWithin.${type}`, { span })}
    </p>
  );
}

/** A select of the agencies to address, by name and region. */
export function TargetSelect(props: {
  type: RequestTypeName;
  name: string;
  value: string;
  onChange(id: string): void;
  targets: AgencyRef[] | null;
  error?: string;
  testId: string;
}) {
  const t = useTranslations('requestForm');
  const tc = useTranslations('common');
  const agencyName = useAgencyName();
  const regionLabel = useRegionLabel();
  const { name, value, onChange, targets, error, testId, type } = props;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={`target-${name}`}>{t(`target.${type}`)}</label>
      <select id={`target-${name}`} name={name} value={value} onChange={(e) => onChange(e.target.value)} disabled={!targets} data-testid={testId}
        aria-invalid={error ? true : undefined}>
        <option value="">{targets ? t('chooseTarget') : tc('loading')}</option>
        {(targets ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {agencyName(a)} · {regionLabel(a.region)}
          </option>
        ))}
      </select>
      {error && (
        <div className="field-error" data-testid={`error-${name}`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** Two or more choices as cards with a line of help each (kind of freeze, urgency, outcome …). */
export function RadioCards<V extends string>(props: {
  legend: string;
  name: string;
  value: V;
  options: readonly { value: NoInfer<V>; label: string; help?: ReactNode; tone?: string }[];
  onChange(value: V): void;
  error?: string;
  columns?: number;
}) {
  const { legend, name, value, options, onChange, error, columns } = props;
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`} data-testid={`radio-${name}`}>
      <legend>{legend}</legend>
      <div className="radio-cards" style={columns ? { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` } : undefined}>
        {options.map((o) => (
          <label key={o.value} className={`radio-card${value === o.value ? ' selected' : ''}${o.tone ? ` ${o.tone}` : ''}`}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)}
              data-testid={`${name}-${o.value}`} />
            <span>
              <strong>{o.label}</strong>
              {o.help && <span className="muted small">{o.help}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <div className="field-error" data-testid={`error-${name}`}>
          {error}
        </div>
      )}
    </fieldset>
  );
}

/** URGENT or NORMAL, as radio cards. */
export function UrgencyChoice({ value, onChange, error }: { value: UrgencyName; onChange(u: UrgencyName): void; error?: string }) {
  const t = useTranslations('requestForm');
  const tU = useTranslations('urgency');
  return (
    <RadioCards legend={t('urgency')} name="urgency" value={value} onChange={onChange} error={error}
      options={[
        { value: 'URGENT', label: tU('URGENT'), help: t('urgencyHelp.URGENT'), tone: 'radio-urgent' },
        { value: 'NORMAL', label: tU('NORMAL'), help: t('urgencyHelp.NORMAL') },
      ]} />
  );
}

/**
 * What a refused send shows: each field error at its field, and above the form the general sentence plus any
 * field errors the form has no place for (named by their field), so none is lost.
 */
export function useSendFailure(shown: (field: string) => boolean) {
  const t = useTranslations('requestForm');
  const errorMessage = useErrorMessage();
  const serverFieldErrors = useServerFieldErrors();
  return useCallback(
    (error: unknown): { fields: Record<string, string>; message: string | null } => {
      const fields = serverFieldErrors(error);
      const keys = Object.keys(fields);
      if (!keys.length) return { fields, message: errorMessage(error) };
      const elsewhere = keys.filter((k) => !shown(k)).map((k) => `${k}: ${fields[k]}`);
      const conflict = error instanceof GqlError && error.code === 'CONFLICT';
      return { fields, message: [conflict ? errorMessage(error) : t('fixFields'), ...elsewhere].join(' ') };
    },
    [errorMessage, shown, t, serverFieldErrors],
  );
}

/** The api's field errors (in the page's language, lib/errors.ts) under their fields, introduced: "Not accepted: …". */
export function useServerFieldErrors(): (error: unknown) => Record<string, string> {
  const t = useTranslations('requestForm');
  const fieldErrors = useFieldErrors();
  return useCallback(
    (error) => Object.fromEntries(Object.entries(fieldErrors(error)).map(([k, reason]) => [k, t('notAccepted', { reason })])),
    [t, fieldErrors],
  );
}

/** A form-level change handler that clears the error of the field being edited. */
export function clearOnEdit(clearField: (name: string) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as { name?: unknown };
    if (typeof target.name === 'string' && target.name) clearField(target.name);
  };
}

/** Send, save as draft, cancel. */
export function SendBar({ busy, caseId, onDraft, draftBusy }: { busy: boolean; caseId: string; onDraft(event: MouseEvent): void; draftBusy: boolean }) {
  const t = useTranslations('requestForm');
  const tc = useTranslations('common');
  return (
    <div className="form-actions request-form-actions">
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="request-send">
        {busy && !draftBusy ? t('sending') : t('send')}
      </button>
      <button type="button" className="btn" disabled={busy} onClick={onDraft} data-testid="request-save-draft">
        {draftBusy ? t('savingDraft') : t('saveDraft')}
      </button>
      <Link href={`/cases/${caseId}`} className="btn btn-ghost-dark">
        {tc('cancel')}
      </Link>
    </div>
  );
}

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert tone="error" testId="request-form-error">
      {message}
    </Alert>
  );
}
