'use client';

import { SIGN_IN_POLICY } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { graphql } from '../../../gql';
import type { AgencyPolicyFieldsFragment as AgencyPolicy } from '../../../gql/graphql';

const MY_AGENCY_POLICY = graphql(`query MyAgencyPolicy { me { agency { ...AgencyPolicyFields } } }`);
const SET_AGENCY_SIGN_IN_POLICY = graphql(`mutation SetAgencySignInPolicy($input: SetAgencySignInPolicyInput!) {
  setAgencySignInPolicy(input: $input) { ...AgencyPolicyFields }
}`);

const { idleLockMinutes: IDLE, sessionHours: HOURS } = SIGN_IN_POLICY;

/** The agency admin's sign-in policy: second factor required, idle lock minutes, session hours. */
export function SignInPolicyForm() {
  const t = useTranslations('adminSecurity');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [agency, setAgency] = useState<AgencyPolicy | null>(null);
  const [required, setRequired] = useState(false);
  const [idle, setIdle] = useState('');
  const [hours, setHours] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  function show(a: AgencyPolicy) {
    setAgency(a);
    setRequired(a.secondFactorRequired);
    setIdle(String(a.idleLockMinutes));
    setHours(String(a.sessionHours));
  }

  useEffect(() => {
    let live = true;
    request(MY_AGENCY_POLICY)
      .then((d) => live && show(d.me.agency))
      .catch((e: unknown) => live && setMessage({ tone: 'error', text: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [request, errorMessage]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!agency) return;
    const idleN = Number(idle);
    const hoursN = Number(hours);
    const problems: Record<string, string> = {};
    if (!Number.isInteger(idleN) || idleN < IDLE.min || idleN > IDLE.max) problems.idleLockMinutes = t('rangeError', { min: IDLE.min, max: IDLE.max });
    if (!Number.isInteger(hoursN) || hoursN < HOURS.min || hoursN > HOURS.max) problems.sessionHours = t('rangeError', { min: HOURS.min, max: HOURS.max });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setMessage(null);
    try {
      const data = await request(SET_AGENCY_SIGN_IN_POLICY, {
        input: { agencyId: agency.id, secondFactorRequired: required, idleLockMinutes: idleN, sessionHours: hoursN },
      });
      show(data.setAgencySignInPolicy);
      setMessage({ tone: 'success', text: t('policySaved') });
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="sign-in-policy-title" data-testid="sign-in-policy">
      <h2 id="sign-in-policy-title">{t('policyTitle')}</h2>
      <p className="muted">{t('policyIntro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label className="check">
            <input type="checkbox" name="secondFactorRequired" checked={required} onChange={(e) => setRequired(e.target.checked)} disabled={!agency} />
            {t('secondFactorRequired')}
          </label>
        </div>
        <Field label={t('idleLockMinutes')} name="idleLockMinutes" type="number" min={IDLE.min} max={IDLE.max} value={idle}
          onChange={(e) => setIdle(e.target.value)} error={errors.idleLockMinutes} disabled={!agency} />
        <Field label={t('sessionHours')} name="sessionHours" type="number" min={HOURS.min} max={HOURS.max} value={hours}
          onChange={(e) => setHours(e.target.value)} error={errors.sessionHours} disabled={!agency} />
        {message && <Alert tone={message.tone} testId="sign-in-policy-message">{message.text}</Alert>}
        <button type="submit" className="btn btn-primary" disabled={busy || !agency} data-testid="sign-in-policy-save">
          {t('savePolicy')}
        </button>
      </form>
    </section>
  );
}
