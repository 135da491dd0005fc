'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { useFieldErrors } from '../../../lib/errors';
import type { RequestStateName } from '../../../lib/types';
import { useActionError } from './useRequestAction';
import { graphql } from '../../../gql';
import type { AgencyRequest } from './RequestPage';

const SEND_DRAFT = graphql(`mutation SendDraft($id: ID!) { sendDraft(id: $id) { ...RequestDetail } }`);
const ACKNOWLEDGE_REQUEST = graphql(`mutation AcknowledgeRequest($id: ID!) { acknowledgeRequest(id: $id) { ...RequestDetail } }`);
/** Moves a request along its state machine (sender and partner alike). */
export const CHANGE_REQUEST_STATE = graphql(`mutation ChangeRequestState($input: ChangeRequestStateInput!) { changeRequestState(input: $input) { ...RequestDetail } }`);

type Done = (next: AgencyRequest) => void;

/** Runs one action on the request: busy while it runs, the refusal in words, a reload on CONFLICT. */
function useAction(onDone: Done, onConflict: () => void) {
  const actionError = useActionError();
  const fieldErrorsOf = useFieldErrors();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  async function run(name: string, call: () => Promise<AgencyRequest>): Promise<boolean> {
    setBusy(name);
    setError(null);
    setFields({});
    try {
      onDone(await call());
      return true;
    } catch (e) {
      const f = fieldErrorsOf(e);
      setFields(f);
      const { message, conflict } = actionError(e);
      if (conflict) onConflict();
      if (!Object.keys(f).length) setError(message);
      return false;
    } finally {
      setBusy(null);
    }
  }
  return { busy, error, fields, run };
}

/** The addressed agency confirms it has the request and is working on it (the deadline keeps running). */
export function AcknowledgeButton({ id, onDone, onConflict }: { id: string; onDone: Done; onConflict(): void }) {
  const t = useTranslations('requestPage');
  const { request } = useAuth();
  const { busy, error, run } = useAction(onDone, onConflict);
  return (
    <div className="action-block">
      <button type="button" className="btn btn-primary btn-block" disabled={!!busy} data-testid="acknowledge"
        onClick={() => void run('ack', async () => (await request(ACKNOWLEDGE_REQUEST, { id })).acknowledgeRequest)}>
        {busy ? t('acknowledging') : t('acknowledge')}
      </button>
      <p className="muted small">{t('acknowledgeHint')}</p>
      {error && <div className="field-error" role="alert" data-testid="action-error">{error}</div>}
    </div>
  );
}

/**
 * What the sending police agency may do: send a draft; extend a hold (with the new legal document), release it;
 * withdraw a telecom or cooperation request. Each with an optional note for the other side.
 */
export function SenderActions({ data, onDone, onConflict }: { data: AgencyRequest; onDone: Done; onConflict(): void }) {
  const t = useTranslations('senderActions');
  const { request } = useAuth();
  const { busy, error, fields, run } = useAction(onDone, onConflict);
  const [open, setOpen] = useState<RequestStateName | null>(null);
  const [note, setNote] = useState('');
  const [legalBasisDoc, setLegalBasisDoc] = useState('');
  const [missing, setMissing] = useState(false);
  const allowed = data.allowedTransitions;
  const canSend = data.state === 'DRAFT' && allowed.includes('SENT');
  const choices = (['EXTENDED', 'RELEASED', 'WITHDRAWN'] as const).filter((s) => allowed.includes(s));

  async function change(to: RequestStateName) {
    if (to === 'EXTENDED' && !legalBasisDoc.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await run(to, async () =>
      (
        await request(CHANGE_REQUEST_STATE, {
          input: { id: data.id, to, note: note.trim() || null, legalBasisDoc: to === 'EXTENDED' ? legalBasisDoc.trim() : null },
        })
      ).changeRequestState,
    );
    if (ok) {
      setOpen(null);
      setNote('');
      setLegalBasisDoc('');
    }
  }

  if (!canSend && choices.length === 0) return null;
  return (
    <div className="sender-actions" data-testid="sender-actions">
      {canSend && (
        <div className="action-block">
          <button type="button" className="btn btn-primary btn-block" disabled={!!busy} data-testid="send-draft"
            onClick={() => void run('send', async () => (await request(SEND_DRAFT, { id: data.id })).sendDraft)}>
            {busy === 'send' ? t('sending') : t('sendDraft')}
          </button>
          <p className="muted small">{t('sendDraftHint')}</p>
        </div>
      )}
      {choices.map((s) => (
        <div key={s} className="action-block">
          {open === s ? (
            <div className="action-form" data-testid={`action-form-${s}`}>
              <strong>{t(`${s}.title`)}</strong>
              <p className="muted small">{t(`${s}.help`, { count: data.extensions })}</p>
              {s === 'EXTENDED' && (
                <Field label={t('legalBasisDoc')} name="legalBasisDoc" value={legalBasisDoc} onChange={(e) => setLegalBasisDoc(e.target.value)}
                  error={fields.legalBasisDoc ?? (missing ? t('legalBasisDocRequired') : undefined)} autoComplete="off" />
              )}
              <Field label={t('note')} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} autoComplete="off" />
              <div className="actions">
                <button type="button" className={`btn btn-small ${s === 'EXTENDED' ? 'btn-primary' : 'btn-danger'}`} disabled={!!busy}
                  onClick={() => void change(s)} data-testid={`confirm-${s}`}>
                  {busy === s ? t('saving') : t(`${s}.confirm`)}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setOpen(null)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className={`btn btn-block ${s === 'EXTENDED' ? '' : 'btn-danger'}`} onClick={() => setOpen(s)} data-testid={`action-${s}`}>
              {t(`${s}.button`)}
            </button>
          )}
        </div>
      ))}
      {error && <div className="field-error" role="alert" data-testid="action-error">{error}</div>}
    </div>
  );
}
