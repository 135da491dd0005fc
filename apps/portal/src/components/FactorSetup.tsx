'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from './Alert';
import { Field } from './Field';
import { useErrorMessage, useFieldErrors } from '../lib/errors';
import { isPasskeyCancelled, passkeyAttestation } from '../lib/passkeys';
import { graphql } from '../gql';
import type { FactorEnrolledFieldsFragment, StartTotpEnrolmentMutation } from '../gql/graphql';
import type { Document, VariablesOf } from '../lib/graphql';

export type FactorEnrolled = FactorEnrolledFieldsFragment;
type TotpEnrolment = StartTotpEnrolmentMutation['startTotpEnrolment'];

graphql(`fragment SecondFactorFields on SecondFactor { id kind label createdAt lastUsedAt }`);
graphql(`fragment FactorEnrolledFields on FactorEnrolled { factor { ...SecondFactorFields } recoveryCodes }`);
const START_TOTP_ENROLMENT = graphql(`mutation StartTotpEnrolment { startTotpEnrolment { secret otpauthUri qrCodeSvg expiresAt } }`);
const CONFIRM_TOTP_ENROLMENT = graphql(`mutation ConfirmTotpEnrolment($input: ConfirmTotpInput!) { confirmTotpEnrolment(input: $input) { ...FactorEnrolledFields } }`);
const PASSKEY_REGISTRATION_OPTIONS = graphql(`mutation PasskeyRegistrationOptions { passkeyRegistrationOptions }`);
const REGISTER_PASSKEY = graphql(`mutation RegisterPasskey($input: RegisterPasskeyInput!) { registerPasskey(input: $input) { ...FactorEnrolledFields } }`);

/** Runs a GraphQL call as the user: with the session's token on /account, with the enrolment token at log-in. */
export type Run = <TResult, TVariables>(document: Document<TResult, TVariables>, ...variables: VariablesOf<TVariables>) => Promise<TResult>;

/** The api's QR code as an image (never inserted as markup). */
function qrSource(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Adds an authenticator app: start, show the QR code and the secret, confirm with a code. */
export function TotpSetup({ run, onDone, onCancel }: { run: Run; onDone(result: FactorEnrolled): void; onCancel?(): void }) {
  const t = useTranslations('account');
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment((await run(START_TOTP_ENROLMENT)).startTotpEnrolment);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!/^\s*\d{3}\s?\d{3}\s*$/.test(code)) {
      setError(t('codeFormat'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await run(CONFIRM_TOTP_ENROLMENT, {
        input: { code: code.replace(/\s/g, ''), label: label.trim() || t('defaultTotpLabel') },
      });
      onDone(data.confirmTotpEnrolment);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setError(fields.code ? t('codeWrong') : errorMessage(e));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  if (!enrolment) {
    return (
      <div className="factor-setup" data-testid="totp-setup">
        <p className="muted">{t('totpIntro')}</p>
        {error && <Alert tone="error" testId="totp-error">{error}</Alert>}
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={busy} data-testid="totp-start">
            {t('totpStart')}
          </button>
          {onCancel && (
            <button type="button" className="btn" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <form className="factor-setup" onSubmit={confirm} noValidate data-testid="totp-setup">
      <p>{t('totpScan')}</p>
      <div className="totp-qr">
        <img src={qrSource(enrolment.qrCodeSvg)} alt={t('qrAlt')} width={200} height={200} data-testid="totp-qr" />
        <div>
          <p className="muted">{t('totpManual')}</p>
          <code className="totp-secret" data-testid="totp-secret">
            {enrolment.secret}
          </code>
        </div>
      </div>
      <Field label={t('label')} name="factor-label" value={label} placeholder={t('defaultTotpLabel')} onChange={(e) => setLabel(e.target.value)} autoComplete="off" />
      <Field
        label={t('totpCode')}
        name="totp-confirm-code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]*"
        maxLength={7}
        hint={t('totpCodeHint')}
      />
      {error && <Alert tone="error" testId="totp-error">{error}</Alert>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="totp-confirm">
          {t('totpConfirm')}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Adds a passkey through the browser's own prompt. */
export function PasskeySetup({ run, onDone, onCancel }: { run: Run; onDone(result: FactorEnrolled): void; onCancel?(): void }) {
  const t = useTranslations('account');
  const errorMessage = useErrorMessage();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function register(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const options = (await run(PASSKEY_REGISTRATION_OPTIONS)).passkeyRegistrationOptions;
      const response = await passkeyAttestation(options);
      const data = await run(REGISTER_PASSKEY, { input: { response, label: label.trim() || t('defaultPasskeyLabel') } });
      onDone(data.registerPasskey);
    } catch (e) {
      setError(isPasskeyCancelled(e) ? t('passkeyCancelled') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="factor-setup" onSubmit={register} noValidate data-testid="passkey-setup">
      <p className="muted">{t('passkeyIntro')}</p>
      <Field label={t('label')} name="passkey-label" value={label} placeholder={t('defaultPasskeyLabel')} onChange={(e) => setLabel(e.target.value)} autoComplete="off" />
      {error && <Alert tone="error" testId="passkey-error">{error}</Alert>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="passkey-register">
          {t('passkeyRegister')}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** New recovery codes, shown once, until the user says they are saved. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved(): void }) {
  const t = useTranslations('account');
  const [saved, setSaved] = useState(false);
  return (
    <div className="recovery-codes" data-testid="recovery-codes">
      <Alert tone="warning">{t('codesOnce')}</Alert>
      <ol className="codes-list">
        {codes.map((c) => (
          <li key={c}>
            <code data-testid="recovery-code">{c}</code>
          </li>
        ))}
      </ol>
      <label className="check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} data-testid="codes-saved-check" />
        {t('codesSavedCheck')}
      </label>
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={!saved} onClick={onSaved} data-testid="codes-saved">
          {t('codesSaved')}
        </button>
      </div>
    </div>
  );
}
