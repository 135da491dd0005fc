'use client';

import { BANK_PREFIX_MAX_LENGTH, BANK_PREFIX_MIN_LENGTH, bankPrefixProblem } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { TextAreaField } from '../../../components/Fields';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormSubmit } from '../../../lib/forms';
import { graphql } from '../../../gql';
import type { BankPrefix } from './BankPrefixesAdmin';

const ADD = graphql(`mutation AddBankPrefixes($input: AddBankPrefixesInput!) { addBankPrefixes(input: $input) { ...BankPrefixFields } }`);

/** The api's limits (AddBankPrefixesInput). */
const MOST = 500;
const LABEL_MAX = 200;

/** Prefixes as typed: separated by spaces, commas (also the Chinese ones), semicolons or new lines. */
export const splitPrefixes = (text: string) => text.split(/[\s,，;；、]+/).filter(Boolean);

/** Several prefixes at once with one label; every prefix is checked here first, then all are registered or none. */
export function AddBankPrefixesForm({ onAdded }: { onAdded(entries: BankPrefix[]): void }) {
  const t = useTranslations('bankRouting.add');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const { errors, formError, busy, submit, clearField } = useFormSubmit();
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const limits = { min: BANK_PREFIX_MIN_LENGTH, max: BANK_PREFIX_MAX_LENGTH };

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    const prefixes = splitPrefixes(text);
    const bad = prefixes.filter((p) => bankPrefixProblem(p) !== null);
    if (prefixes.length === 0) out.prefixes = t('required');
    else if (bad.length) out.prefixes = bad.map((p) => t('badPrefix', { prefix: p, ...limits })).join(' ');
    else if (prefixes.length > MOST) out.prefixes = t('tooMany', { most: MOST });
    if ([...label.trim()].length > LABEL_MAX) out.label = t('labelTooLong', { max: LABEL_MAX });
    return out;
  }

  async function send() {
    const data = await request(ADD, { input: { prefixes: splitPrefixes(text), label: label.trim() || null } });
    onAdded(data.addBankPrefixes);
    setText('');
    setLabel('');
  }

  /** The api names a refused prefix by its place in the list (input.prefixes.3): shown under the field with the prefix itself. */
  function failed(e: unknown) {
    const prefixes = splitPrefixes(text);
    const fields: Record<string, string> = {};
    const refused: string[] = [];
    for (const [field, reason] of Object.entries(fieldErrorsOf(e))) {
      const at = /^prefixes\.(\d+)$/.exec(field);
      if (at) refused.push(t('refused', { prefix: prefixes[Number(at[1])] ?? '', reason }));
      else fields[field] = reason;
    }
    if (refused.length) fields.prefixes = [fields.prefixes, ...refused].filter(Boolean).join(' ');
    return { fields, message: Object.keys(fields).length ? null : errorMessage(e) };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, send, failed });

  return (
    <section className="card" aria-labelledby="bp-add-title">
      <h2 id="bp-add-title">{t('title')}</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid" data-testid="bp-add-form">
        <TextAreaField label={t('prefixes')} name="prefixes" value={text} rows={3} className="mono" autoComplete="off" spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            clearField('prefixes');
          }}
          error={errors.prefixes} hint={t('prefixesHint', { ...limits, most: MOST })} />
        <Field label={t('label')} name="label" value={label} autoComplete="off"
          onChange={(e) => {
            setLabel(e.target.value);
            clearField('label');
          }}
          error={errors.label} hint={t('labelHint', { max: LABEL_MAX })} />
        {formError && <Alert tone="error" testId="bp-add-error">{formError}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="bp-add-submit">
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
