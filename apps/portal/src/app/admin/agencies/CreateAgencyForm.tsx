'use client';

import { AgencyKind, LOGIN_POLICY, PROVINCES } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { conflictFieldsOf, useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormSubmit, useFormValues } from '../../../lib/forms';
import { GqlError } from '../../../lib/graphql';
import { graphql } from '../../../gql';
import type { AgencyFieldsFragment } from '../../../gql/graphql';

const CREATE_AGENCY = graphql(`mutation CreateAgency($input: CreateAgencyInput!) { createAgency(input: $input) { ...AgencyFields } }`);

const EMPTY = { name: '', nameEn: '', region: '', adminEmail: '', adminDisplayName: '', adminPassword: '' };
type Values = typeof EMPTY;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateAgencyForm({ onCreated }: { onCreated(agency: AgencyFieldsFragment, adminEmail: string): void }) {
  const t = useTranslations('agencies');
  const tKinds = useTranslations('kinds');
  const locale = useLocale();
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const { errors, formError, busy, submit } = useFormSubmit();
  const { values, reset, bind } = useFormValues<Values>(EMPTY, errors);
  const [kind, setKind] = useState<AgencyKind>(AgencyKind.POLICE);
  const min = LOGIN_POLICY.minPasswordLength;
  const foreign = kind === AgencyKind.FOREIGN_PARTNER;

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of Object.keys(EMPTY) as (keyof Values)[]) if (!values[key].trim()) out[key] = t('required');
    if (values.adminEmail.trim() && !EMAIL_SHAPE.test(values.adminEmail.trim())) out.adminEmail = t('invalidEmail');
    if (values.adminPassword && [...values.adminPassword].length < min) out.adminPassword = t('passwordTooShort', { min });
    return out;
  }

  async function send() {
    const input = {
      name: values.name.trim(),
      nameEn: values.nameEn.trim(),
      kind,
      region: foreign ? values.region.trim().toUpperCase() : values.region.trim(),
      adminEmail: values.adminEmail.trim(),
      adminDisplayName: values.adminDisplayName.trim(),
      adminPassword: values.adminPassword,
    };
    const data = await request(CREATE_AGENCY, { input });
    onCreated(data.createAgency, input.adminEmail);
    reset();
  }

  function failed(e: unknown) {
    const fields = fieldErrorsOf(e);
    for (const field of conflictFieldsOf(e)) fields[field] = t('conflict');
    const message = Object.keys(fields).length ? null : e instanceof GqlError && e.code === 'CONFLICT' ? t('conflict') : errorMessage(e);
    return { fields, message };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, send, failed });

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
