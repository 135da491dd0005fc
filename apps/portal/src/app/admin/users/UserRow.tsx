'use client';

import { LOGIN_POLICY } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { RoleChips } from '../../../components/RoleChips';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormatDateTime } from '../../../lib/format';
import { FactorStatus, UserSecurityActions } from './UserSecurity';
import { graphql } from '../../../gql';
import type { User } from '../../../lib/auth';
import type { AdminUser } from './UserSecurity';

const DEACTIVATE_USER = graphql(`mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }`);
const REACTIVATE_USER = graphql(`mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }`);
const RESET_PASSWORD = graphql(`mutation ResetUserPassword($id: ID!, $newPassword: String!) { resetUserPassword(id: $id, newPassword: $newPassword) { ...UserFields } }`);

interface Props {
  user: AdminUser;
  isMe: boolean;
  onChanged(user: User): void;
  onNotice(text: string): void;
}

function StatusPill({ user }: { user: User }) {
  const t = useTranslations('users');
  const formatDateTime = useFormatDateTime();
  if (!user.active) return <span className="status status-off">{t('inactive')}</span>;
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
    return <span className="status status-warn">{t('lockedUntil', { time: formatDateTime(user.lockedUntil) })}</span>;
  }
  return <span className="status status-ok">{t('active')}</span>;
}

export function UserRow({ user, isMe, onChanged, onNotice }: Props) {
  const t = useTranslations('users');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const formatDateTime = useFormatDateTime();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const [newPassword, setNewPassword] = useState('');

  async function toggleActive() {
    setBusy(true);
    setError(null);
    try {
      if (user.active) {
        const data = await request(DEACTIVATE_USER, { id: user.id });
        onChanged(data.deactivateUser);
        onNotice(t('deactivated', { email: user.email }));
      } else {
        const data = await request(REACTIVATE_USER, { id: user.id });
        onChanged(data.reactivateUser);
        onNotice(t('reactivated', { email: user.email }));
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function resetPassword(event: FormEvent) {
    event.preventDefault();
    if ([...newPassword].length < LOGIN_POLICY.minPasswordLength) {
      setError(t('passwordTooShort', { min: LOGIN_POLICY.minPasswordLength }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await request(RESET_PASSWORD, { id: user.id, newPassword });
      onChanged(data.resetUserPassword);
      onNotice(t('passwordResetDone', { email: user.email }));
      setResetting(false);
      setNewPassword('');
    } catch (e) {
      setError(fieldErrorsOf(e).newPassword ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid={`user-row-${user.email}`} className={user.active ? undefined : 'row-inactive'}>
      <td>
        {user.displayName}
        {isMe && <span className="badge badge-neutral badge-after">{t('you')}</span>}
      </td>
      <td>{user.email}</td>
      <td>
        <RoleChips roles={user.roles} />
      </td>
      <td>
        <StatusPill user={user} />
      </td>
      <td className="nowrap">{formatDateTime(user.lastLoginAt)}</td>
      <td>
        <FactorStatus user={user} />
      </td>
      <td>
        {resetting ? (
          <form className="inline-form" onSubmit={resetPassword}>
            <input
              type="password"
              autoComplete="new-password"
              aria-label={t('newPassword')}
              placeholder={t('newPassword')}
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
              autoFocus
            />
            <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
              {tc('save')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setResetting(false)}>
              {tc('cancel')}
            </button>
          </form>
        ) : (
          <div className="actions">
            {!isMe && (
              <button
                type="button"
                className={`btn btn-small${user.active ? ' btn-danger' : ''}`}
                disabled={busy}
                onClick={() => void toggleActive()}
              >
                {user.active ? t('deactivate') : t('reactivate')}
              </button>
            )}
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => setResetting(true)}>
              {t('resetPassword')}
            </button>
            <UserSecurityActions user={user} isMe={isMe} busy={busy} setBusy={setBusy} onChanged={onChanged} onNotice={onNotice} onError={setError} />
          </div>
        )}
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}
