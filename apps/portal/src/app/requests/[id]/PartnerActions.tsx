'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { TextAreaField } from '../../../components/Fields';
import { useAuth } from '../../../lib/auth';
import { useFormSubmit } from '../../../lib/forms';
import type { PARTNER_STATES } from '../../../lib/requests';
import { clearOnEdit, useServerFieldErrors } from '../../../components/requests/FormParts';
import { useActionError } from './useRequestAction';
import type { AgencyRequest } from './RequestPage';
import { CHANGE_REQUEST_STATE } from './SenderActions';

type PartnerState = (typeof PARTNER_STATES)[number];
const TONES: Record<PartnerState, string> = { IN_PROGRESS: '', FULFILLED: 'radio-ok', PARTIALLY_FULFILLED: 'radio-ok', DECLINED: 'radio-bad' };

/** A foreign partner moves a cooperation request on: in progress, fulfilled (fully or partly), or declined, with a note. */
export function PartnerActions({ data, states, onDone, onConflict }: {
  data: AgencyRequest;
  states: PartnerState[];
  onDone(next: AgencyRequest): void;
  onConflict(): void;
}) {
  const t = useTranslations('partnerActions');
  const tState = useTranslations('requestStates');
  const { request } = useAuth();
  const actionError = useActionError();
  const serverFieldErrors = useServerFieldErrors();
  const [to, setTo] = useState<PartnerState>(states[0]);
  const [note, setNote] = useState('');
  const { errors, formError, busy, submit, clearField } = useFormSubmit();

  function validate(): Record<string, string> {
    return to === 'DECLINED' && !note.trim() ? { note: t('noteRequired') } : {};
  }

  async function send() {
    const result = await request(CHANGE_REQUEST_STATE, {
      input: { id: data.id, to, note: note.trim() || null },
    });
    setNote('');
    onDone(result.changeRequestState);
  }

  function failed(e: unknown) {
    const fields = serverFieldErrors(e);
    const { message, conflict } = actionError(e);
    if (conflict) onConflict();
    return { fields, message: Object.keys(fields).length ? null : message };
  }

  return (
    <form className="partner-actions" onSubmit={(e: FormEvent) => void submit(e, { validate, send, failed })} onChange={clearOnEdit(clearField)} noValidate data-testid="partner-actions">
      <fieldset className="field">
        <legend>{t('moveTo')}</legend>
        <div className="checks checks-column">
          {states.map((s) => (
            <label key={s} className={`check radio-line ${TONES[s]}`}>
              <input type="radio" name="to" value={s} checked={to === s} onChange={() => setTo(s)} data-testid={`partner-${s}`} />
              <span>
                <strong>{tState(s)}</strong> <span className="muted small">{t(`help.${s}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField label={to === 'DECLINED' ? t('reason') : t('note')} name="note" value={note} rows={3} maxLength={2000}
        onChange={(e) => setNote(e.target.value)} error={errors.note} />
      {formError && <Alert tone="error" testId="partner-error">{formError}</Alert>}
      <button type="submit" className={`btn ${to === 'DECLINED' ? 'btn-danger' : 'btn-primary'} btn-block`} disabled={busy} data-testid="partner-submit">
        {busy ? t('saving') : t('submit', { state: tState(to) })}
      </button>
    </form>
  );
}
