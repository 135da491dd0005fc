'use client';

import { useTranslations } from 'next-intl';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useAuth } from '../../lib/auth';
import { useErrorMessage } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { GqlError } from '../../lib/graphql';

/** Only same-site paths: an open redirect after login would be a phishing aid. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginForm() {
  const t = useTranslations('login');
  const tApp = useTranslations('app');
  const { status, login } = useAuth();
  const router = useRouter();
  const params = useSearchParams();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = safeNext(params.get('next'));

  useEffect(() => {
    if (status === 'authenticated') router.replace(target);
  }, [status, router, target]);

  function loginError(e: unknown): string {
    if (e instanceof GqlError && e.code === 'UNAUTHENTICATED') {
      const { reason, lockedUntil } = e.first ?? {};
      if (reason === 'ACCOUNT_LOCKED') return t('locked', { time: formatDateTime(lockedUntil) });
      if (reason === 'ACCOUNT_INACTIVE') return t('inactive');
      return t('invalidCredentials');
    }
    return errorMessage(e);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      // The effect above navigates once the session is in place.
    } catch (e) {
      setError(loginError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-wrap">
      <section className="card login-card">
        <p className="login-tagline">{tApp('tagline')}</p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <form onSubmit={onSubmit} noValidate data-testid="login-form">
          <Field
            label={t('email')}
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
          <Field
            label={t('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <Alert tone="error" testId="login-error">
              {error}
            </Alert>
          )}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
            {busy ? t('submitting') : t('submit')}
          </button>
        </form>
        <p className="login-notice">{t('notice')}</p>
      </section>
    </div>
  );
}
