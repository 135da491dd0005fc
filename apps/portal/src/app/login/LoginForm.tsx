'use client';

import { safeLocalPath } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useAuth, type SecondFactorChallenge } from '../../lib/auth';
import { useErrorMessage } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { GqlError, gqlFetch } from '../../lib/graphql';
import { isPasskeyCancelled, passkeyAssertion } from '../../lib/passkeys';
import { PasskeySetup, RecoveryCodes, TotpSetup, type FactorEnrolled, type Run } from '../../components/FactorSetup';
import type { SecondFactorMethod } from '../../gql/graphql';


type Step = 'password' | 'enrol' | 'codes' | 'second';

/** `alternatives`: other ways in (single sign-on), shown only at the password step. */
export function LoginForm({ alternatives }: { alternatives?: ReactNode }) {
  const t = useTranslations('login');
  const ts = useTranslations('signIn');
  const tApp = useTranslations('app');
  const { status, login, verifySecondFactor, passkeySignInOptions, endedReason } = useAuth();
  const router = useRouter();
  const params = useSearchParams();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('password');
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const [methods, setMethods] = useState<SecondFactorMethod[]>([]);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [enrolKind, setEnrolKind] = useState<'TOTP' | 'PASSKEY'>('TOTP');
  const [newCodes, setNewCodes] = useState<string[]>([]);
  const target = safeLocalPath(params.get('next'));

  useEffect(() => {
    if (status === 'authenticated') router.replace(target);
  }, [status, router, target]);

  function loginError(e: unknown): string {
    if (e instanceof GqlError && e.code === 'UNAUTHENTICATED') {
      const { reason, lockedUntil } = e.first ?? {};
      if (reason === 'ACCOUNT_LOCKED') return t('locked', { time: formatDateTime(lockedUntil) });
      if (reason === 'ACCOUNT_INACTIVE') return t('inactive');
      if (reason === 'AGENCY_INACTIVE') return ts('agencyInactive');
      if (reason === 'INVALID_SECOND_FACTOR') return ts('secondFactorWrong');
      if (reason === 'CHALLENGE_INVALID') return ts('challengeInvalid');
      return t('invalidCredentials');
    }
    if (e instanceof GqlError && e.code === 'TOO_MANY_REQUESTS') return ts('tooMany', { seconds: e.first?.retryAfterSeconds ?? 60 });
    return errorMessage(e);
  }

  /** Back to the password when the second step can no longer succeed (expired challenge, locked account). */
  function failSecondStep(e: unknown) {
    setError(loginError(e));
    const reason = e instanceof GqlError ? e.first?.reason : undefined;
    if (reason === 'CHALLENGE_INVALID' || reason === 'ACCOUNT_LOCKED' || reason === 'AGENCY_INACTIVE' || reason === 'ACCOUNT_INACTIVE') {
      setStep('password');
      setChallenge(null);
      setPassword('');
    }
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
      const due = await login(email.trim(), password);
      // Without a second step the effect above navigates once the session is in place.
      if (due) {
        setChallenge(due);
        setMethods(due.methods);
        setUseRecovery(false);
        setCode('');
        setStep(due.enrolmentRequired ? 'enrol' : 'second');
        setPassword('');
      }
    } catch (e) {
      setError(loginError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  async function onCode(event: FormEvent) {
    event.preventDefault();
    if (!challenge) return;
    const value = code.trim();
    if (useRecovery ? !value : !/^\d{3}\s?\d{3}$/.test(value)) {
      setError(useRecovery ? ts('recoveryRequired') : ts('codeFormat'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await verifySecondFactor(challenge.challenge, useRecovery ? { recoveryCode: value } : { totpCode: value.replace(/\s/g, '') });
    } catch (e) {
      failSecondStep(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  async function onPasskey() {
    if (!challenge) return;
    setBusy(true);
    setError(null);
    try {
      const passkey = await passkeyAssertion(await passkeySignInOptions(challenge.challenge));
      await verifySecondFactor(challenge.challenge, { passkey });
    } catch (e) {
      if (isPasskeyCancelled(e)) setError(ts('passkeyCancelled'));
      else failSecondStep(e);
    } finally {
      setBusy(false);
    }
  }

  function enrolled(result: FactorEnrolled) {
    setMethods([result.factor.kind, 'RECOVERY_CODE']);
    setUseRecovery(false);
    setCode('');
    setError(null);
    setNewCodes(result.recoveryCodes);
    setStep(result.recoveryCodes.length ? 'codes' : 'second');
  }

  function restart() {
    setStep('password');
    setChallenge(null);
    setError(null);
    setCode('');
  }

  const run: Run = (document, ...[variables]) => gqlFetch(document, variables ?? ({} as never), challenge?.enrolmentToken ?? undefined);

  return (
    <>
    <div className="login-wrap">
      <section className="card login-card">
        <p className="login-tagline">{tApp('tagline')}</p>
        {step === 'password' && (
          <>
            <h1>{t('title')}</h1>
            <p className="muted">{t('intro')}</p>
            {endedReason && !error && (
              <Alert tone="info" testId="login-ended">
                {ts.has(`ended.${endedReason}`) ? ts(`ended.${endedReason}`) : ts('ended.other')}
              </Alert>
            )}
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
          </>
        )}

        {step === 'enrol' && challenge && (
          <div data-testid="enrol-step">
            <h1>{ts('enrolTitle')}</h1>
            <p className="muted">{ts('enrolIntro')}</p>
            <div className="segmented" role="group" aria-label={ts('enrolChoose')}>
              <button type="button" className={`btn btn-small${enrolKind === 'TOTP' ? ' btn-primary' : ''}`} aria-pressed={enrolKind === 'TOTP'}
                onClick={() => setEnrolKind('TOTP')} data-testid="enrol-totp">
                {ts('enrolTotp')}
              </button>
              <button type="button" className={`btn btn-small${enrolKind === 'PASSKEY' ? ' btn-primary' : ''}`} aria-pressed={enrolKind === 'PASSKEY'}
                onClick={() => setEnrolKind('PASSKEY')} data-testid="enrol-passkey">
                {ts('enrolPasskey')}
              </button>
            </div>
            {enrolKind === 'TOTP' ? <TotpSetup run={run} onDone={enrolled} /> : <PasskeySetup run={run} onDone={enrolled} />}
            <button type="button" className="btn-link" onClick={restart}>
              {ts('startOver')}
            </button>
          </div>
        )}

        {step === 'codes' && (
          <div data-testid="codes-step">
            <h1>{ts('codesTitle')}</h1>
            <RecoveryCodes codes={newCodes} onSaved={() => setStep('second')} />
          </div>
        )}

        {step === 'second' && challenge && (
          <div data-testid="second-step">
            <h1>{ts('secondTitle')}</h1>
            <p className="muted">
              {useRecovery
                ? ts('recoveryIntro')
                : methods.includes('TOTP') && methods.includes('PASSKEY')
                  ? ts('secondIntro')
                  : methods.includes('PASSKEY')
                    ? ts('secondIntroPasskey')
                    : ts('secondIntroTotp')}
            </p>
            {(methods.includes('TOTP') || useRecovery) && (
              <form onSubmit={onCode} noValidate data-testid="second-form">
                {useRecovery ? (
                  <Field
                    key="recovery"
                    label={ts('recoveryCode')}
                    name="recovery-code"
                    autoComplete="off"
                    autoCapitalize="none"
                    spellCheck={false}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    autoFocus
                  />
                ) : (
                  <Field
                    key="totp"
                    label={ts('totpCode')}
                    name="totp-code"
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    pattern="[0-9 ]*"
                    maxLength={7}
                    hint={ts('totpHint')}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    autoFocus
                  />
                )}
                {error && (
                  <Alert tone="error" testId="login-error">
                    {error}
                  </Alert>
                )}
                <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="second-submit">
                  {busy ? t('submitting') : ts('verify')}
                </button>
              </form>
            )}
            {!methods.includes('TOTP') && !useRecovery && error && (
              <Alert tone="error" testId="login-error">
                {error}
              </Alert>
            )}
            {methods.includes('PASSKEY') && !useRecovery && (
              <button type="button" className="btn btn-block" onClick={() => void onPasskey()} disabled={busy} data-testid="second-passkey">
                {ts('usePasskey')}
              </button>
            )}
            <p className="second-links">
              {methods.includes('RECOVERY_CODE') && (
                <button type="button" className="btn-link" data-testid="second-recovery"
                  onClick={() => { setUseRecovery((r) => !r); setCode(''); setError(null); }}>
                  {useRecovery ? ts('useAuthenticator') : ts('useRecovery')}
                </button>
              )}
              <button type="button" className="btn-link" onClick={restart}>
                {ts('startOver')}
              </button>
            </p>
          </div>
        )}
        <p className="login-notice">{t('notice')}</p>
      </section>
    </div>
    {step === 'password' && alternatives}
    </>
  );
}
