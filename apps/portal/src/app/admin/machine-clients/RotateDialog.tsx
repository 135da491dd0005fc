'use client';

import { MACHINE_CLIENT_POLICY } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormSubmit, useFormValues } from '../../../lib/forms';
import { graphql } from '../../../gql';
import type { MachineClientCredentials } from './CredentialsDialog';
import type { MachineClient } from './MachineClientRow';
import { Modal } from './Modal';

const ROTATE = graphql(`mutation RotateMachineClientSecret($id: ID!, $graceHours: Int) {
  rotateMachineClientSecret(id: $id, graceHours: $graceHours) { ...MachineClientCredentialsFields }
}`);

const { defaultGraceHours, maxGraceHours } = MACHINE_CLIENT_POLICY;
const INITIAL = { graceHours: String(defaultGraceHours) };

/** A new secret for the client; the old ones keep working for the hours chosen (0: stop now, for a leaked secret). */
export function RotateDialog({ client, onClose, onRotated }: { client: MachineClient; onClose(): void; onRotated(c: MachineClientCredentials): void }) {
  const t = useTranslations('machineClients.rotateDialog');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const { errors, formError, busy, submit } = useFormSubmit();
  const { values, bind } = useFormValues(INITIAL, errors);
  const hours = values.graceHours.trim();

  function validate(): Record<string, string> {
    return /^\d{1,3}$/.test(hours) && Number(hours) <= maxGraceHours ? {} : { graceHours: t('graceInvalid', { max: maxGraceHours }) };
  }

  async function send() {
    const data = await request(ROTATE, { id: client.id, graceHours: Number(hours) });
    onRotated(data.rotateMachineClientSecret);
  }

  function failed(e: unknown) {
    const fields = fieldErrorsOf(e);
    return { fields, message: Object.keys(fields).length ? null : errorMessage(e) };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, send, failed });

  return (
    <Modal labelledBy="mc-rotate-title" describedBy="mc-rotate-intro" testId="mc-rotate-dialog" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="mc-rotate-title">{t('title', { name: client.name })}</h2>
        <p id="mc-rotate-intro" className="muted">{t('intro')}</p>
        <Field label={t('graceHours')} type="number" inputMode="numeric" min={0} max={maxGraceHours} step={1} {...bind('graceHours')}
          hint={t('graceHint', { max: maxGraceHours, default: defaultGraceHours })} />
        {hours === '0' && <Alert tone="warning" testId="mc-rotate-zero">{t('zeroWarning')}</Alert>}
        {formError && <Alert tone="error" testId="mc-rotate-error">{formError}</Alert>}
        <div className="actions dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {tc('cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="mc-rotate-submit">
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
