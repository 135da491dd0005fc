'use client';

import { FraudType, Sensitivity, provinceOf } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { CheckGroup } from '../../../components/CheckGroup';
import { Field } from '../../../components/Field';
import { SelectField, TextAreaField } from '../../../components/Fields';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormSubmit } from '../../../lib/forms';
import { beijingDay, useProvinceOptions } from '../../../lib/format';
import { graphql } from '../../../gql';
import type { User } from '../../../lib/auth';

const CREATE_CASE = graphql(`mutation CreateCase($input: CreateCaseInput!) { createCase(input: $input) { ...CaseSummary } }`);

export function NewCaseForm({ user }: { user: User }) {
  const t = useTranslations('cases.form');
  const tType = useTranslations('fraudTypes');
  const tSens = useTranslations('sensitivity');
  const { request } = useAuth();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const provinceOptions = useProvinceOptions();
  const own = provinceOf(user.agency.region);

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [fraudType, setFraudType] = useState<FraudType | ''>('');
  const [reportedOn, setReportedOn] = useState(() => beijingDay());
  const [sensitivity, setSensitivity] = useState<Sensitivity>(Sensitivity.NORMAL);
  const [provinces, setProvinces] = useState<string[]>(own ? [own] : []);
  const { errors, formError, busy, submit } = useFormSubmit();

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!title.trim()) out.title = t('required');
    if (!fraudType) out.fraudType = t('required');
    if (!reportedOn) out.reportedOn = t('required');
    else if (reportedOn > beijingDay()) out.reportedOn = t('futureDate');
    return out;
  }

  async function send(): Promise<'leaving'> {
    // validate() refuses an empty fraud type before send() runs.
    const input = {
      title: title.trim(),
      description: description.trim() || null,
      fraudType: fraudType as FraudType,
      reportedOn,
      sensitivity,
      provinces,
    };
    const data = await request(CREATE_CASE, { input });
    router.push(`/cases/${data.createCase.id}?created=1`);
    return 'leaving';
  }

  function failed(e: unknown) {
    const fields = fieldErrorsOf(e);
    return { fields, message: Object.keys(fields).length ? t('fixFields') : errorMessage(e) };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, send, failed });

  // The api may name one element of the list ("input.provinces.1").
  const provincesError = errors.provinces ?? Object.entries(errors).find(([k]) => k.startsWith('provinces.'))?.[1];

  function toggleProvince(code: string) {
    setProvinces((ps) => (ps.includes(code) ? ps.filter((p) => p !== code) : [...ps, code].sort()));
  }

  return (
    <>
      <div className="page-head">
        <div>
          <Link href="/cases" className="back-link">
            ← {t('backToList')}
          </Link>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="card">
        <form onSubmit={onSubmit} noValidate className="form-grid" data-testid="new-case-form">
          {formError && <Alert tone="error" testId="form-error">{formError}</Alert>}
          <div className="span-all">
            <Field label={t('caseTitle')} name="title" value={title} onChange={(e) => setTitle(e.target.value)}
              error={errors.title} hint={t('caseTitleHint')} autoFocus />
          </div>
          <SelectField label={t('fraudType')} name="fraudType" value={fraudType}
            onChange={(e) => setFraudType(e.target.value as FraudType)} error={errors.fraudType}>
            <option value="">{t('choose')}</option>
            {Object.values(FraudType).map((f) => (
              <option key={f} value={f}>
                {tType(f)}
              </option>
            ))}
          </SelectField>
          <Field label={t('reportedOn')} name="reportedOn" type="date" max={beijingDay()} value={reportedOn}
            onChange={(e) => setReportedOn(e.target.value)} error={errors.reportedOn} />
          <SelectField label={t('sensitivity')} name="sensitivity" value={sensitivity}
            onChange={(e) => setSensitivity(e.target.value as Sensitivity)} error={errors.sensitivity}
            hint={t('sensitivityHint')}>
            {Object.values(Sensitivity).map((s) => (
              <option key={s} value={s}>
                {tSens(s)}
              </option>
            ))}
          </SelectField>
          <div className="span-all">
            <TextAreaField label={t('description')} name="description" value={description}
              onChange={(e) => setDescription(e.target.value)} error={errors.description} hint={t('descriptionHint')} />
          </div>
          <CheckGroup legend={t('provinces')} name="provinces" className="span-all" checksClassName="province-checks"
            testId="provinces-field" hint={t('provincesHint')} error={provincesError} selected={provinces} onToggle={toggleProvince}
            options={provinceOptions.map((p) => ({ value: p.code, label: p.name }))} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="create-case-submit">
              {busy ? t('creating') : t('create')}
            </button>
            <Link href="/cases" className="btn">
              {t('cancel')}
            </Link>
          </div>
        </form>
      </section>
    </>
  );
}
