'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { useAgencyName } from '../../../lib/format';
import { graphql } from '../../../gql';
import type { AgencyPolicyFieldsFragment, NationalSignInPolicyQuery } from '../../../gql/graphql';

export type AgencyPolicy = AgencyPolicyFieldsFragment;
type NationalSignInPolicy = NationalSignInPolicyQuery['nationalSignInPolicy'];

/** An agency with its sign-in policy (agency administration). */
graphql(`fragment AgencyPolicyFields on Agency { ...AgencyFields active secondFactorRequired idleLockMinutes sessionHours }`);
const AGENCY_POLICIES = graphql(`query AgencyPolicies($first: Int, $after: String) {
  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyPolicyFields } } pageInfo { hasNextPage endCursor } totalCount }
}`);
const NATIONAL_SIGN_IN_POLICY = graphql(`query NationalSignInPolicy { nationalSignInPolicy { secondFactorRequiredForAll updatedAt } }`);
const SET_NATIONAL_SIGN_IN_POLICY = graphql(`mutation SetNationalSignInPolicy($required: Boolean!) {
  setNationalSignInPolicy(secondFactorRequiredForAll: $required) { secondFactorRequiredForAll updatedAt }
}`);
const DEACTIVATE_AGENCY = graphql(`mutation DeactivateAgency($id: ID!) { deactivateAgency(id: $id) { ...AgencyPolicyFields } }`);
const REACTIVATE_AGENCY = graphql(`mutation ReactivateAgency($id: ID!) { reactivateAgency(id: $id) { ...AgencyPolicyFields } }`);

/** The national admin: the "second factor for everyone" rule, and switching agencies off and on. */
export function AgencySignIn() {
  const t = useTranslations('adminSecurity');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const agencyName = useAgencyName();
  const [national, setNational] = useState<NationalSignInPolicy | null>(null);
  const [agencies, setAgencies] = useState<AgencyPolicy[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [n, a] = await Promise.all([
        request(NATIONAL_SIGN_IN_POLICY),
        request(AGENCY_POLICIES, { first: 100 }),
      ]);
      setNational(n.nationalSignInPolicy);
      setAgencies(a.agencies.edges.map((e) => e.node));
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  }, [request, errorMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(call: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ tone: 'success', text: await call() });
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  function toggleNational(required: boolean) {
    void run(async () => {
      const data = await request(SET_NATIONAL_SIGN_IN_POLICY, { required });
      setNational(data.setNationalSignInPolicy);
      return t('nationalSaved');
    });
  }

  function toggleAgency(a: AgencyPolicy) {
    const name = agencyName(a);
    if (!window.confirm(a.active ? t('deactivateConfirm', { agency: name }) : t('reactivateConfirm', { agency: name }))) return;
    void run(async () => {
      const data = a.active
        ? (await request(DEACTIVATE_AGENCY, { id: a.id })).deactivateAgency
        : (await request(REACTIVATE_AGENCY, { id: a.id })).reactivateAgency;
      setAgencies((prev) => prev.map((x) => (x.id === data.id ? data : x)));
      return data.active ? t('reactivated', { agency: name }) : t('deactivated', { agency: name });
    });
  }

  return (
    <section className="card table-card" aria-labelledby="national-sign-in-title" data-testid="agency-sign-in">
      <h2 id="national-sign-in-title">{t('nationalTitle')}</h2>
      {message && <Alert tone={message.tone} testId="agency-sign-in-message">{message.text}</Alert>}
      <div className="table-toolbar">
        <label className="check">
          <input type="checkbox" checked={national?.secondFactorRequiredForAll ?? false} disabled={!national || busy}
            onChange={(e) => toggleNational(e.target.checked)} data-testid="national-second-factor" />
          {t('nationalSwitch')}
        </label>
        <span className={`status ${national?.secondFactorRequiredForAll ? 'status-ok' : 'status-off'}`}>
          {national?.secondFactorRequiredForAll ? t('nationalOn') : t('nationalOff')}
        </span>
      </div>
      <table className="table" data-testid="agency-sign-in-table">
        <thead>
          <tr>
            <th>{t('agencyStatus')}</th>
            <th>{t('agencyPolicy')}</th>
            <th>
              <span className="visually-hidden">{t('deactivate')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id} className={a.active ? undefined : 'row-inactive'}>
              <td>
                {agencyName(a)}{' '}
                <span className={`status ${a.active ? 'status-ok' : 'status-bad'}`}>{a.active ? t('agencyActive') : t('agencyInactive')}</span>
              </td>
              <td className="muted">{t('policySummary', { factor: String(a.secondFactorRequired), idle: a.idleLockMinutes, hours: a.sessionHours })}</td>
              <td className="actions-cell">
                {!a.coordinating && (
                  <button type="button" className={`btn btn-small${a.active ? ' btn-danger' : ''}`} disabled={busy} onClick={() => toggleAgency(a)}>
                    {a.active ? t('deactivate') : t('reactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
