'use client';

import { AgencyKind, LOGIN_POLICY, PROVINCES } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { CREATE_AGENCY } from '../../../lib/documents';
import { conflictFieldsOf, fieldErrorsOf, useErrorMessage } from '../../../lib/errors';
import { GqlError } from '../../../lib/graphql';
import type { Agency } from '../../../lib/types';

const EMPTY = { name: '', nameEn: '', region: '', adminEmail: '', adminDisplayName: '', adminPassword: '' };
type Values = typeof EMPTY;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateAgencyForm({ onCreated }: { onCreated(agency: Agency, adminEmail: string): void }) {
  const t = useTranslations('agencies');
  const tKinds = useTranslations('kinds');
  const locale = useLocale();
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<Values>(EMPTY);
  const [kind, setKind] = useState<AgencyKind>(AgencyKind.POLICE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const min = LOGIN_POLICY.minPasswordLength;
  const foreign = kind === AgencyKind.FOREIGN_PARTNER;

  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    error: errors[name],
    autoComplete: 'off',
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of Object.keys(EMPTY) as (keyof Values)[]) if (!values[key].trim()) out[key] = t('required');
    if (values.adminEmail.trim() && !EMAIL_SHAPE.test(values.adminEmail.trim())) out.adminEmail = t('invalidEmail');
    if (values.adminPassword && [...values.adminPassword].length < min) out.adminPassword = t('passwordTooShort', { min });
    return out;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const problems = validate();
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const input = {
        name: values.name.trim(),
        nameEn: values.nameEn.trim(),
        kind,
        region: foreign ? values.region.trim().toUpperCase() : values.region.trim(),
        adminEmail: values.adminEmail.trim(),
        adminDisplayName: values.adminDisplayName.trim(),
        adminPassword: values.adminPassword,
      };
      const data = await request<{ createAgency: Agency }>(CREATE_AGENCY, { input });
      onCreated(data.createAgency, input.adminEmail);
      setValues(EMPTY);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      for (const field of conflictFieldsOf(e)) fields[field] = t('conflict');
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(e instanceof GqlError && e.code === 'CONFLICT' ? t('conflict') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2>{t('createTitle')}</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid" data-testid="create-agency-form">
        <Field label={t('name')} {...bind('name')} />
        <Field label={t('nameEn')} {...bind('nameEn')} />
        <div className="field">
          <label htmlFor="agency-kind">{t('kind')}</label>
          <select id="agency-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
            {Object.values(AgencyKind).map((k) => (
              <option key={k} value={k}>{tKinds(k)}</option>
            ))}
          </select>
        </div>
        <Field label={t('regionCode')} {...bind('region')} list={foreign ? undefined : 'province-codes'}
          hint={foreign ? t('regionHintForeign') : t('regionHintDomestic')} />
        <datalist id="province-codes">
          {Object.entries(PROVINCES).map(([code, names]) => (
            <option key={code} value={`${code}0000`}>{locale === 'en' ? names.en : names.zh}</option>
          ))}
        </datalist>
        <Field label={t('adminEmail')} type="email" {...bind('adminEmail')} />
        <Field label={t('adminDisplayName')} {...bind('adminDisplayName')} />
        <Field label={t('adminPassword')} type="password" {...bind('adminPassword')} autoComplete="new-password" />
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="create-agency-submit">
            {busy ? t('creating') : t('create')}
          </button>
        </div>
      </form>
    </section>
  );
}
