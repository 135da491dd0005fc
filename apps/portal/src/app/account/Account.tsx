'use client';

import { LOGIN_POLICY } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { RetryAlert } from '../../components/ListParts';
import { useAuth } from '../../lib/auth';
import { useErrorMessage, useFieldErrors, useLoadErrorMessage } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { GqlError } from '../../lib/graphql';
import { PasskeySetup, RecoveryCodes, TotpSetup, type FactorEnrolled, type Run } from '../../components/FactorSetup';
import { graphql } from '../../gql';
import type { MySecurityQuery, MySessionsQuery, SecondFactorFieldsFragment } from '../../gql/graphql';
import type { User } from '../../lib/auth';

type AccountSecurity = MySecurityQuery['mySecurity'];
type SignInSession = MySessionsQuery['mySessions'][number];

const MY_SECURITY = graphql(`query MySecurity {
  mySecurity { factors { ...SecondFactorFields } recoveryCodesLeft secondFactorRequired idleLockMinutes sessionHours passwordChangedAt }
}`);
const MY_SESSIONS = graphql(`query MySessions { mySessions { id method signedInAt lastActiveAt expiresAt clientAddress userAgent locked current } }`);
const REMOVE_SECOND_FACTOR = graphql(`mutation RemoveSecondFactor($input: RemoveSecondFactorInput!) { removeSecondFactor(input: $input) }`);
const REGENERATE_RECOVERY_CODES = graphql(`mutation RegenerateRecoveryCodes($password: String!) { regenerateRecoveryCodes(password: $password) }`);
const CHANGE_PASSWORD = graphql(`mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }`);
const END_SESSION = graphql(`mutation EndSession($id: ID!) { endSession(id: $id) }`);
const END_OTHER_SESSIONS = graphql(`mutation EndOtherSessions { endOtherSessions }`);

/** A short name for a browser from its user agent ("Chrome 131 · Linux"), or the raw string's start. */
function browserOf(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\/(\d+)/.exec(ua) ? `Edge ${/Edg\/(\d+)/.exec(ua)?.[1]}`
    : /Firefox\/(\d+)/.exec(ua) ? `Firefox ${/Firefox\/(\d+)/.exec(ua)?.[1]}`
    : /(?:Chrome|HeadlessChrome|Chromium)\/(\d+)/.exec(ua) ? `Chrome ${/(?:Chrome|HeadlessChrome|Chromium)\/(\d+)/.exec(ua)?.[1]}`
    : /Version\/(\d+).*Safari/.exec(ua) ? `Safari ${/Version\/(\d+)/.exec(ua)?.[1]}` : ua.slice(0, 40);
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} · ${os}` : browser;
}

function usePasswordError() {
  const t = useTranslations('account');
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  return useCallback(
    (e: unknown) => {
      if (e instanceof GqlError && e.code === 'UNAUTHENTICATED' && e.first?.reason === 'INVALID_CREDENTIALS') return t('passwordWrong');
      if (e instanceof GqlError && e.first?.reason === 'SECOND_FACTOR_REQUIRED') return t('lastFactorRequired');
      if (e instanceof GqlError && e.code === 'TOO_MANY_REQUESTS') return t('tooMany', { seconds: e.first?.retryAfterSeconds ?? 60 });
      const fields = fieldErrorsOf(e);
      return fields.password ?? fields.currentPassword ?? fields.newPassword ?? errorMessage(e);
    },
    [t, errorMessage, fieldErrorsOf],
  );
}

export function Account({ me }: { me: User }) {
  const t = useTranslations('account');
  const { request } = useAuth();
  const loadError = useLoadErrorMessage();
  const [security, setSecurity] = useState<AccountSecurity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setSecurity((await request(MY_SECURITY)).mySecurity);
    } catch (e) {
      setError(loadError(e));
    }
  }, [request, loadError]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted">{me.email}</span>
      </div>
      {notice && (
        <Alert tone="success" testId="account-notice">
          {notice}
        </Alert>
      )}
      {error && <RetryAlert message={error} onRetry={() => void load()} testId="account-error" />}
      {security && <Factors security={security} reload={load} onNotice={setNotice} />}
      <PasswordChange onNotice={setNotice} />
      <Sessions onNotice={setNotice} />
    </>
  );
}

function Factors({ security, reload, onNotice }: { security: AccountSecurity; reload(): Promise<void>; onNotice(text: string): void }) {
  const t = useTranslations('account');
  const { request } = useAuth();
  const formatDateTime = useFormatDateTime();
  const passwordError = usePasswordError();
  const [adding, setAdding] = useState<'TOTP' | 'PASSKEY' | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [removing, setRemoving] = useState<SecondFactorFieldsFragment | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run: Run = request;

  function enrolled(result: FactorEnrolled) {
    setAdding(null);
    onNotice(t('factorAdded', { label: result.factor.label }));
    if (result.recoveryCodes.length) setCodes(result.recoveryCodes);
    void reload();
  }

  async function confirmWithPassword(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setError(t('passwordRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (removing) {
        await request(REMOVE_SECOND_FACTOR, { input: { id: removing.id, password } });
        onNotice(t('factorRemoved', { label: removing.label }));
        setRemoving(null);
      } else {
        const data = await request(REGENERATE_RECOVERY_CODES, { password });
        setCodes(data.regenerateRecoveryCodes);
        setRegenerating(false);
      }
      setPassword('');
      await reload();
    } catch (e) {
      setError(passwordError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const asking = removing !== null || regenerating;
  return (
    <section className="card" aria-labelledby="factors-title" data-testid="factors">
      <h2 id="factors-title">{t('factorsTitle')}</h2>
      <p className="muted">
        {security.secondFactorRequired ? t('required') : t('optional')} {t('policy', { idle: security.idleLockMinutes, hours: security.sessionHours })}
      </p>
      {security.factors.length === 0 ? (
        <p data-testid="no-factors">
          <span className={`status ${security.secondFactorRequired ? 'status-bad' : 'status-off'}`}>{t('noFactors')}</span>
        </p>
      ) : (
        <table className="table" data-testid="factors-table">
          <thead>
            <tr>
              <th>{t('kind')}</th>
              <th>{t('label')}</th>
              <th>{t('added')}</th>
              <th>{t('lastUsed')}</th>
              <th>
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {security.factors.map((f) => (
              <tr key={f.id} data-testid={`factor-${f.kind}`}>
                <td>
                  <span className="status status-ok">{t(`kinds.${f.kind}`)}</span>
                </td>
                <td>{f.label}</td>
                <td className="nowrap">{formatDateTime(f.createdAt)}</td>
                <td className="nowrap">{f.lastUsedAt ? formatDateTime(f.lastUsedAt) : t('never')}</td>
                <td className="actions-cell">
                  <button type="button" className="btn btn-small btn-danger" disabled={asking || busy}
                    onClick={() => { setRemoving(f); setError(null); }} data-testid={`remove-factor-${f.kind}`}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {security.factors.length > 0 && <p data-testid="recovery-left">
        <span className={`status ${security.recoveryCodesLeft > 3 ? 'status-ok' : security.recoveryCodesLeft > 0 ? 'status-warn' : 'status-off'}`}>
          {t('codesLeft', { count: security.recoveryCodesLeft })}
        </span>
      </p>}
      {codes && <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} />}
      {asking && (
        <form className="confirm-box" onSubmit={confirmWithPassword} noValidate data-testid="password-confirm">
          <p>{removing ? t('removeConfirm', { label: removing.label }) : t('regenerateConfirm')}</p>
          <Field label={t('currentPassword')} name="confirm-password" type="password" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} autoFocus />
          {error && <Alert tone="error" testId="password-confirm-error">{error}</Alert>}
          <div className="actions">
            <button type="submit" className={`btn ${removing ? 'btn-danger' : 'btn-primary'}`} disabled={busy} data-testid="password-confirm-submit">
              {removing ? t('remove') : t('regenerate')}
            </button>
            <button type="button" className="btn" onClick={() => { setRemoving(null); setRegenerating(false); setPassword(''); setError(null); }}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {!adding && !asking && !codes && (
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => setAdding('TOTP')} data-testid="add-totp">
            {t('addTotp')}
          </button>
          <button type="button" className="btn" onClick={() => setAdding('PASSKEY')} data-testid="add-passkey">
            {t('addPasskey')}
          </button>
          {security.factors.length > 0 && (
            <button type="button" className="btn" onClick={() => { setRegenerating(true); setError(null); }} data-testid="regenerate-codes">
              {t('regenerate')}
            </button>
          )}
        </div>
      )}
      {adding === 'TOTP' && <TotpSetup run={run} onDone={enrolled} onCancel={() => setAdding(null)} />}
      {adding === 'PASSKEY' && <PasskeySetup run={run} onDone={enrolled} onCancel={() => setAdding(null)} />}
    </section>
  );
}

function PasswordChange({ onNotice }: { onNotice(text: string): void }) {
  const t = useTranslations('account');
  const { request } = useAuth();
  const passwordError = usePasswordError();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!current || !next) return setError(t('passwordRequired'));
    if ([...next].length < LOGIN_POLICY.minPasswordLength) return setError(t('passwordTooShort', { min: LOGIN_POLICY.minPasswordLength }));
    if (next !== repeat) return setError(t('passwordMismatch'));
    setBusy(true);
    setError(null);
    try {
      await request(CHANGE_PASSWORD, { input: { currentPassword: current, newPassword: next } });
      onNotice(t('passwordChanged'));
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (e) {
      setError(passwordError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('passwordTitle')}</h2>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <Field label={t('currentPassword')} name="current-password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        <Field label={t('newPassword')} name="new-password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)}
          hint={t('passwordTooShort', { min: LOGIN_POLICY.minPasswordLength })} />
        <Field label={t('repeatPassword')} name="repeat-password" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        {error && <Alert tone="error" testId="password-error">{error}</Alert>}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="password-submit">
          {t('changePassword')}
        </button>
      </form>
    </section>
  );
}

function Sessions({ onNotice }: { onNotice(text: string): void }) {
  const t = useTranslations('account');
  const { request } = useAuth();
  const formatDateTime = useFormatDateTime();
  const errorMessage = useErrorMessage();
  const [sessions, setSessions] = useState<SignInSession[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSessions((await request(MY_SESSIONS)).mySessions);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [request, errorMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(call: () => Promise<unknown>, confirmText: string, done: string) {
    if (!window.confirm(confirmText)) return;
    setBusy(true);
    setError(null);
    try {
      await call();
      onNotice(done);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const others = (sessions ?? []).filter((s) => !s.current).length;
  return (
    <section className="card table-card" aria-labelledby="sessions-title" data-testid="sessions">
      <h2 id="sessions-title">{t('sessionsTitle')}</h2>
      {error && <Alert tone="error" testId="sessions-error">{error}</Alert>}
      <table className="table" data-testid="sessions-table">
        <thead>
          <tr>
            <th>{t('method')}</th>
            <th>{t('signedIn')}</th>
            <th>{t('lastActive')}</th>
            <th>{t('ends')}</th>
            <th>{t('address')}</th>
            <th>{t('browser')}</th>
            <th>
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(sessions ?? []).map((s) => (
            <tr key={s.id} data-testid={s.current ? 'session-current' : 'session-other'}>
              <td>{t(`methods.${s.method}`)}</td>
              <td className="nowrap">{formatDateTime(s.signedInAt)}</td>
              <td className="nowrap">{formatDateTime(s.lastActiveAt)}</td>
              <td className="nowrap">{formatDateTime(s.expiresAt)}</td>
              <td>{s.clientAddress ?? '—'}</td>
              <td title={s.userAgent ?? undefined}>{browserOf(s.userAgent)}</td>
              <td className="actions-cell">
                {s.current ? (
                  <span className="status status-ok">{t('thisSession')}</span>
                ) : (
                  <>
                    {s.locked && <span className="status status-warn">{t('locked')}</span>}{' '}
                    <button type="button" className="btn btn-small btn-danger" disabled={busy}
                      onClick={() => void act(() => request(END_SESSION, { id: s.id }), t('endConfirm'), t('ended'))}>
                      {t('end')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 && (
        <div className="actions table-status">
          <button type="button" className="btn btn-danger" disabled={busy} data-testid="end-other-sessions"
            onClick={() => void act(() => request(END_OTHER_SESSIONS), t('endOthersConfirm', { count: others }), t('endedOthers'))}>
            {t('endOthers')}
          </button>
        </div>
      )}
    </section>
  );
}
