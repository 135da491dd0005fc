'use client';

import { rolesAllowedFor, type Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { CheckGroup } from '../../../components/CheckGroup';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { graphql } from '../../../gql';
import type { AdminUserFieldsFragment } from '../../../gql/graphql';
import type { User } from '../../../lib/auth';

export type AdminUser = AdminUserFieldsFragment;

/** A user as the agency's admin sees one: with the second factors enrolled (null for anyone else). */
graphql(`fragment AdminUserFields on User { ...UserFields secondFactors }`);
const SET_USER_ROLES = graphql(`mutation SetUserRoles($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { ...AdminUserFields } }`);
const RESET_USER_SECOND_FACTORS = graphql(`mutation ResetUserSecondFactors($id: ID!) { resetUserSecondFactors(id: $id) { ...AdminUserFields } }`);
const END_USER_SESSIONS = graphql(`mutation EndUserSessions($id: ID!) { endUserSessions(id: $id) }`);

/** The user's second factors at a glance: TOTP / passkey, or none (red when none). */
export function FactorStatus({ user }: { user: AdminUser }) {
  const t = useTranslations('adminSecurity');
  const kinds = user.secondFactors;
  if (kinds == null) return <span className="muted">—</span>;
  if (kinds.length === 0) return <span className="status status-off" data-testid="factor-status">{t('factorNone')}</span>;
  return (
    <span className="badges" data-testid="factor-status">
      {[...new Set(kinds)].map((k) => (
        <span key={k} className="status status-ok">{t(`kinds.${k}`)}</span>
      ))}
    </span>
  );
}

interface Props {
  user: AdminUser;
  isMe: boolean;
  busy: boolean;
  setBusy(busy: boolean): void;
  onChanged(user: User): void;
  onNotice(text: string): void;
  onError(text: string | null): void;
}

/** An admin's sign-in actions on one user: roles, reset second factors, end sessions (each confirmed). */
export function UserSecurityActions({ user, isMe, busy, setBusy, onChanged, onNotice, onError }: Props) {
  const t = useTranslations('adminSecurity');
  const tRoles = useTranslations('roles');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<Role[]>(user.roles);

  async function run(call: () => Promise<void>) {
    setBusy(true);
    onError(null);
    try {
      await call();
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function saveRoles(event: FormEvent) {
    event.preventDefault();
    if (roles.length === 0) return onError(t('rolesRequired'));
    void run(async () => {
      const data = await request(SET_USER_ROLES, { id: user.id, roles });
      onChanged(data.setUserRoles);
      onNotice(t('rolesSaved', { email: user.email }));
      setEditing(false);
    });
  }

  function resetFactors() {
    if (!window.confirm(t('resetFactorsConfirm', { email: user.email }))) return;
    void run(async () => {
      const data = await request(RESET_USER_SECOND_FACTORS, { id: user.id });
      onChanged(data.resetUserSecondFactors);
      onNotice(t('factorsReset', { email: user.email }));
    });
  }

  function endSessions() {
    if (!window.confirm(t('endSessionsConfirm', { email: user.email }))) return;
    void run(async () => {
      const data = await request(END_USER_SESSIONS, { id: user.id });
      onNotice(t('sessionsEnded', { email: user.email, count: data.endUserSessions }));
    });
  }

  if (editing) {
    return (
      <form onSubmit={saveRoles} data-testid={`roles-form-${user.email}`}>
        <CheckGroup
          legend={t('rolesLegend', { email: user.email })}
          name={`roles-${user.id}`}
          options={rolesAllowedFor(user.agency.kind).map((r) => ({ value: r, label: tRoles(r) }))}
          selected={roles}
          onToggle={(r) => setRoles((cur) => (cur.includes(r as Role) ? cur.filter((x) => x !== r) : [...cur, r as Role]))}
          checksClassName="checks-column"
        />
        <div className="actions">
          <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
            {t('saveRoles')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => { setEditing(false); setRoles(user.roles); }}>
            {tc('cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => { setRoles(user.roles); setEditing(true); }}>
        {t('changeRoles')}
      </button>
      {!isMe && (user.secondFactors?.length ?? 0) > 0 && (
        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={resetFactors} data-testid="reset-factors">
          {t('resetFactors')}
        </button>
      )}
      {!isMe && (
        <button type="button" className="btn btn-small" disabled={busy} onClick={endSessions} data-testid="end-user-sessions">
          {t('endSessions')}
        </button>
      )}
    </>
  );
}
