'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { GqlError } from '../lib/graphql';
import { isPasskeyCancelled, passkeyAssertion } from '../lib/passkeys';
import type { User } from '../lib/auth';
import { Alert } from './Alert';
import { Field } from './Field';

interface Props {
  /** Who is locked out (null when the page was loaded onto a locked session). */
  user: User | null;
  onUnlock(proof: { password?: string; passkey?: string }): Promise<void>;
  passkeyOptions(): Promise<string>;
  onLogout(): Promise<void>;
}

/**
 * The idle lock: a modal over the page (which stays mounted underneath, so nothing typed is lost) asking for the
 * password or a passkey again. Escape does not close it.
 */
export function LockScreen({ user, onUnlock, passkeyOptions, onLogout }: Props) {
  const t = useTranslations('lock');
  const tErrors = useTranslations('errors');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function reasonText(e: unknown): string {
    if (e instanceof GqlError) {
      const reason = e.first?.reason;
      if (e.code === 'UNAUTHENTICATED' && (reason === 'INVALID_CREDENTIALS' || reason === 'INVALID_SECOND_FACTOR')) return t('wrong');
      if (reason === 'ACCOUNT_LOCKED') return t('accountLocked');
      if (e.code === 'TOO_MANY_REQUESTS') return t('tooMany', { seconds: e.first?.retryAfterSeconds ?? 60 });
      return tErrors(e.code);
    }
    return tErrors('INTERNAL_SERVER_ERROR');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setError(t('passwordRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onUnlock({ password });
    } catch (e) {
      setError(reasonText(e));
      setPassword('');
      setBusy(false);
    }
  }

  async function signWithPasskey() {
    setBusy(true);
    setError(null);
    try {
      const passkey = await passkeyAssertion(await passkeyOptions());
      await onUnlock({ passkey });
    } catch (e) {
      setError(isPasskeyCancelled(e) ? t('passkeyCancelled') : reasonText(e));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog lock-screen"
      aria-labelledby="lock-title"
      aria-describedby="lock-intro"
      data-testid="lock-screen"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="lock-title">{t('title')}</h2>
      <p id="lock-intro" className="muted">
        {user ? t('introUser', { name: user.displayName, email: user.email }) : t('intro')}
      </p>
      <form onSubmit={submit} noValidate data-testid="lock-form">
        <Field
          label={t('password')}
          name="unlock-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
        {error && (
          <Alert tone="error" testId="lock-error">
            {error}
          </Alert>
        )}
        <div className="actions dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={() => void onLogout()} disabled={busy} data-testid="lock-logout">
            {t('logout')}
          </button>
          <button type="button" className="btn" onClick={() => void signWithPasskey()} disabled={busy} data-testid="lock-passkey">
            {t('usePasskey')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="lock-submit">
            {busy ? t('unlocking') : t('unlock')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
