'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useAgencyName, useRegionLabel } from '../../../lib/format';
import { graphql } from '../../../gql';
import type { CaseAccess } from '../../../gql/graphql';
import type { AgencyRef } from '../../../components/AgencyBadge';
import type { CaseShare } from './Shares';

const POLICE_AGENCIES = graphql(`query PoliceAgencies { policeAgencies { ...AgencyRefFields } }`);
const SHARE_CASE = graphql(`mutation ShareCase($input: ShareCaseInput!) { shareCase(input: $input) { ...ShareFields } }`);

interface Props {
  caseId: string;
  /** Own agency and agencies that already hold an active share. */
  excludeAgencyIds: string[];
  onClose(): void;
  onShared(share: CaseShare): void;
}

export function ShareDialog({ caseId, excludeAgencyIds, onClose, onShared }: Props) {
  const t = useTranslations('case.shares');
  const tAccess = useTranslations('access');
  const th = useTranslations('case.handling');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const agencyName = useAgencyName();
  const regionLabel = useRegionLabel();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [agencies, setAgencies] = useState<AgencyRef[] | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [access, setAccess] = useState<CaseAccess>('READ');
  // Restrictive by default (SIENA-style): the owner opens up what the receiver may do.
  const [mayPassOn, setMayPassOn] = useState(false);
  const [mayUseInCourt, setMayUseInCourt] = useState(false);
  const [mustAskBeforeActing, setMustAskBeforeActing] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    request(POLICE_AGENCIES)
      .then((data) => live && setAgencies(data.policeAgencies))
      .catch((e: unknown) => live && setFormError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [request, errorMessage]);

  const choices = (agencies ?? [])
    .filter((a) => !excludeAgencyIds.includes(a.id))
    .sort((a, b) => a.region.localeCompare(b.region));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (!agencyId) {
      setErrors({ agencyId: t('chooseAgency') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const data = await request(SHARE_CASE, {
        input: { caseId, agencyId, access, mayPassOn, mayUseInCourt, mustAskBeforeActing },
      });
      onShared(data.shareCase);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" onClose={onClose} onCancel={onClose} data-testid="share-dialog" aria-labelledby="share-title">
      <form onSubmit={submit} noValidate>
        <h2 id="share-title">{t('dialogTitle')}</h2>
        <p className="muted small">{t('dialogIntro')}</p>
        <div className={`field${errors.agencyId ? ' has-error' : ''}`}>
          <label htmlFor="share-agency">{t('agency')}</label>
          <select id="share-agency" name="agencyId" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}
            disabled={!agencies} data-testid="share-agency">
            <option value="">{agencies ? t('chooseAgency') : tc('loading')}</option>
            {choices.map((a) => (
              <option key={a.id} value={a.id}>
                {agencyName(a)} · {regionLabel(a.region)}
              </option>
            ))}
          </select>
          {errors.agencyId && <div className="field-error" data-testid="error-agencyId">{errors.agencyId}</div>}
        </div>
        <fieldset className="field">
          <legend>{t('access')}</legend>
          <div className="radio-cards">
            {(['READ', 'CONTRIBUTE'] as const).map((a) => (
              <label key={a} className={`radio-card${access === a ? ' selected' : ''}`}>
                <input type="radio" name="access" value={a} checked={access === a} onChange={() => setAccess(a)}
                  data-testid={`share-access-${a}`} />
                <span>
                  <strong>{tAccess(a)}</strong>
                  <span className="muted small">{t(`accessHelp.${a}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('handling')}</legend>
          <div className="checks checks-column">
            <label className="check">
              <input type="checkbox" checked={mayPassOn} onChange={(e) => setMayPassOn(e.target.checked)} data-testid="share-mayPassOn" />
              {th('mayPassOn.label')}
            </label>
            <label className="check">
              <input type="checkbox" checked={mayUseInCourt} onChange={(e) => setMayUseInCourt(e.target.checked)}
                data-testid="share-mayUseInCourt" />
              {th('mayUseInCourt.label')}
            </label>
            <label className="check">
              <input type="checkbox" checked={mustAskBeforeActing} onChange={(e) => setMustAskBeforeActing(e.target.checked)}
                data-testid="share-mustAskBeforeActing" />
              {th('mustAskBeforeActing.label')}
            </label>
          </div>
        </fieldset>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="actions dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {tc('cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !agencies} data-testid="share-submit">
            {busy ? t('sharing') : t('confirmShare')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
