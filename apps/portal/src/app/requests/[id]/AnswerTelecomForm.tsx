'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { TextAreaField } from '../../../components/Fields';
import { useAuth } from '../../../lib/auth';
import { useFormSubmit } from '../../../lib/forms';
import type { TELECOM_OUTCOMES } from '../../../lib/requests';
import { clearOnEdit, RadioCards, useServerFieldErrors } from '../../../components/requests/FormParts';
import { useActionError } from './useRequestAction';
import { graphql } from '../../../gql';
import type { AgencyRequest } from './RequestPage';

const ANSWER_TELECOM = graphql(`mutation AnswerTelecom($input: AnswerTelecomInput!) { answerTelecom(input: $input) { ...RequestDetail } }`);

type Outcome = (typeof TELECOM_OUTCOMES)[number];
const EMPTY = { name: '', idNumber: '', address: '', registeredOn: '', note: '' };
const TONES: Partial<Record<Outcome, string>> = { COMPLETED: 'radio-ok', REFUSED: 'radio-bad' };

/**
 * The telecom's answer: done (with the subscriber's details for a look-up), no such number or site, or refused
 * with a reason.
 */
export function AnswerTelecomForm({ data, outcomes, onDone, onConflict }: {
  data: AgencyRequest;
  outcomes: Outcome[];
  onDone(next: AgencyRequest): void;
  onConflict(): void;
}) {
  const t = useTranslations('answerTelecom');
  const tState = useTranslations('requestStates');
  const tKind = useTranslations('requestKinds');
  const { request } = useAuth();
  const actionError = useActionError();
  const serverFieldErrors = useServerFieldErrors();
  const [outcome, setOutcome] = useState<Outcome>(outcomes.includes('COMPLETED') ? 'COMPLETED' : outcomes[0]);
  const [subscriber, setSubscriber] = useState(EMPTY);
  const [reason, setReason] = useState('');
  const { errors, formError, busy, submit, clearField } = useFormSubmit();
  const lookUp = data.kind === 'SUBSCRIBER_INFO' && outcome === 'COMPLETED';
  const setS = (name: keyof typeof EMPTY, value: string) => setSubscriber((s) => ({ ...s, [name]: value }));

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (outcome === 'REFUSED' && !reason.trim()) out.reason = t('reasonRequired');
    if (lookUp && !subscriber.name.trim() && !subscriber.idNumber.trim()) out['subscriber.name'] = t('subscriberRequired');
    return out;
  }

  async function send() {
    const opt = (s: string) => s.trim() || null;
    const input = {
      id: data.id,
      outcome,
      reason: opt(reason),
      subscriber: lookUp
        ? {
            name: opt(subscriber.name), idNumber: opt(subscriber.idNumber), address: opt(subscriber.address),
            registeredOn: opt(subscriber.registeredOn), note: opt(subscriber.note),
          }
        : null,
    };
    const result = await request(ANSWER_TELECOM, { input });
    onDone(result.answerTelecom);
  }

  function failed(e: unknown) {
    const fields = serverFieldErrors(e);
    const { message, conflict } = actionError(e);
    if (conflict) onConflict();
    return { fields, message: Object.keys(fields).length ? t('fixFields') : message };
  }

  return (
    <section className="card answer-form-card" data-testid="answer-telecom">
      <h2>{t('title', { kind: tKind(data.kind) })}</h2>
      <form onSubmit={(e: FormEvent) => void submit(e, { validate, send, failed, invalidMessage: t('fixFields') })} onChange={clearOnEdit(clearField)} noValidate>
        <RadioCards<Outcome> legend={t('outcome')} name="outcome" value={outcome} onChange={setOutcome} error={errors.outcome} columns={outcomes.length}
          options={outcomes.map((o) => ({ value: o, label: tState(o), help: t(`outcomeHelp.${o}`), tone: TONES[o] }))} />
        {lookUp && (
          <fieldset className="subscriber-fields" data-testid="subscriber-fields">
            <legend>{t('subscriber')}</legend>
            <div className="form-grid">
              <Field label={t('name')} name="subscriber.name" value={subscriber.name} onChange={(e) => setS('name', e.target.value)}
                error={errors['subscriber.name']} />
              <Field label={t('idNumber')} name="subscriber.idNumber" value={subscriber.idNumber} onChange={(e) => setS('idNumber', e.target.value)}
                error={errors['subscriber.idNumber']} className="mono" />
              <Field label={t('registeredOn')} name="subscriber.registeredOn" type="date" value={subscriber.registeredOn}
                onChange={(e) => setS('registeredOn', e.target.value)} error={errors['subscriber.registeredOn']} />
              <Field label={t('address')} name="subscriber.address" value={subscriber.address} onChange={(e) => setS('address', e.target.value)}
                error={errors['subscriber.address']} />
              <div className="span-all">
                <Field label={t('subscriberNote')} name="subscriber.note" value={subscriber.note} onChange={(e) => setS('note', e.target.value)}
                  error={errors['subscriber.note']} />
              </div>
            </div>
          </fieldset>
        )}
        <TextAreaField label={outcome === 'REFUSED' ? t('reason') : t('note')} name="reason" value={reason} rows={2}
          onChange={(e) => setReason(e.target.value)} error={errors.reason} maxLength={2000} />
        {formError && <Alert tone="error" testId="answer-error">{formError}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="answer-submit">
            {busy ? t('sending') : t('submit', { outcome: tState(outcome) })}
          </button>
        </div>
      </form>
    </section>
  );
}
