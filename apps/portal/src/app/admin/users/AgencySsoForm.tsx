'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormatDateTime } from '../../../lib/format';
import { useFormSubmit, useFormValues } from '../../../lib/forms';
import { graphql } from '../../../gql';
import type { AgencySsoFieldsFragment } from '../../../gql/graphql';

type AgencySso = AgencySsoFieldsFragment;

graphql(`fragment AgencySsoFields on AgencySso { agencyId issuer clientId emailDomain rolesClaim requireMfa enabled updatedAt redirectUri }`);
const AGENCY_SSO = graphql(`query AgencySso($agencyId: ID!) { agencySso(agencyId: $agencyId) { ...AgencySsoFields } }`);
const SET_AGENCY_SSO = graphql(`mutation SetAgencySso($input: SetAgencySsoInput!) { setAgencySso(input: $input) { ...AgencySsoFields } }`);


const EMPTY = { issuer: '', clientId: '', clientSecret: '', emailDomain: '', rolesClaim: 'roles' };
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/** The agency's OpenID Connect settings, for its admin. The client secret is write-only: never shown, kept when left empty. */
export function AgencySsoForm({ agencyId }: { agencyId: string }) {
  const t = useTranslations('sso.admin');
  const tUsers = useTranslations('users');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const formatDateTime = useFormatDateTime();
  const { errors, formError, busy, submit } = useFormSubmit();
  const { values, set, bind } = useFormValues(EMPTY, errors);
  const [current, setCurrent] = useState<AgencySso | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [requireMfa, setRequireMfa] = useState(false);
  const [enabled, setEnabled] = useState(true);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    request(AGENCY_SSO, { agencyId })
      .then(({ agencySso }) => {
        if (!live) return;
        setCurrent(agencySso);
        if (agencySso) {
          for (const k of ['issuer', 'clientId', 'emailDomain', 'rolesClaim'] as const) set(k, agencySso[k]);
          setRequireMfa(agencySso.requireMfa);
          setEnabled(agencySso.enabled);
        }
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [agencyId, request, set]);

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(values.issuer.trim())) out.issuer = t('issuerHint');
    if (!values.clientId.trim()) out.clientId = tUsers('required');
    if (!current && !values.clientSecret) out.clientSecret = t('clientSecretFirst');
    if (!DOMAIN.test(values.emailDomain.trim())) out.emailDomain = t('emailDomainHint');
    if (!values.rolesClaim.trim()) out.rolesClaim = tUsers('required');
    return out;
  }

  async function send() {
    setSaved(false);
    const input = {
      agencyId, issuer: values.issuer.trim(), clientId: values.clientId.trim(), clientSecret: values.clientSecret || null,
      emailDomain: values.emailDomain.trim().toLowerCase(), rolesClaim: values.rolesClaim.trim(), requireMfa, enabled,
    };
    const { setAgencySso } = await request(SET_AGENCY_SSO, { input });
    setCurrent(setAgencySso);
    set('clientSecret', '');
    setSaved(true);
  }

  function failed(e: unknown) {
    const fields = fieldErrorsOf(e);
    return { fields, message: Object.keys(fields).length ? null : errorMessage(e) };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, send, failed });

  return (
    <section className="card" aria-labelledby="agency-sso-title" data-testid="agency-sso">
      <h2 id="agency-sso-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {current && (
        <p>
          {t('redirectUri')}: <code data-testid="agency-sso-redirect">{current.redirectUri}</code>{' '}
          <span className="muted">{t('lastChanged', { time: formatDateTime(current.updatedAt) })}</span>
        </p>
      )}
      {loaded && !current && <p className="muted">{t('notConfigured')}</p>}
      {saved && (
        <Alert tone="success" testId="agency-sso-saved">
          {t('saved')}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate className="form-grid" data-testid="agency-sso-form">
        <Field label={t('issuer')} type="url" {...bind('issuer')} hint={t('issuerHint')} />
        <Field label={t('clientId')} {...bind('clientId')} />
        <Field label={t('clientSecret')} type="password" {...bind('clientSecret')} autoComplete="new-password"
          hint={current ? t('clientSecretHint') : t('clientSecretFirst')} />
        <Field label={t('emailDomain')} {...bind('emailDomain')} hint={t('emailDomainHint')} />
        <Field label={t('rolesClaim')} {...bind('rolesClaim')} hint={t('rolesClaimHint')} />
        <div className="field">
          <label>
            <input type="checkbox" name="requireMfa" checked={requireMfa} onChange={(e) => setRequireMfa(e.target.checked)} /> {t('requireMfa')}
          </label>
          <label>
            <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('enabled')}
          </label>
        </div>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="agency-sso-submit">
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
