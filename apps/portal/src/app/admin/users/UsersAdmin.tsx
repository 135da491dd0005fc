'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { ListFoot, RetryAlert } from '../../../components/ListParts';
import { useAuth } from '../../../lib/auth';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useAgencyName } from '../../../lib/format';
import { usePagedList } from '../../../lib/paged-list';
import { CreateUserForm } from './CreateUserForm';
import { RoleCapabilities } from './RoleCapabilities';
import { UserRow } from './UserRow';
import { AgencySsoForm } from './AgencySsoForm';
import { SignInPolicyForm } from './SignInPolicyForm';
import { may } from '../../../lib/access';
import { graphql } from '../../../gql';
import type { User } from '../../../lib/auth';

const ADMIN_USERS = graphql(`query AdminUsers($first: Int, $after: String) {
  users(first: $first, after: $after) { edges { cursor node { ...AdminUserFields } } pageInfo { hasNextPage endCursor } totalCount }
}`);

const PAGE_SIZE = 50;

export function UsersAdmin({ me }: { me: User }) {
  const t = useTranslations('users');
  const tc = useTranslations('common');
  const tSecurity = useTranslations('adminSecurity');
  const { request } = useAuth();
  const errorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const fetchPage = useCallback(
    async (after: string | null) => (await request(ADMIN_USERS, { first: PAGE_SIZE, after })).users,
    [request],
  );
  const { items: users, setItems: setUsers, total, setTotal, hasMore, loading, error, reload, loadMore } = usePagedList(fetchPage);
  const loadError = error !== null ? errorMessage(error) : null;
  const [notice, setNotice] = useState<string | null>(null);

  function replace(user: User) {
    // Answers that leave out secondFactors keep the value shown.
    setUsers((prev) => prev.map((u) => (u.id === user.id ? { ...u, ...user } : u)));
  }

  function created(user: User) {
    // No second factors asked for: shown as unknown, as before the first reload.
    setUsers((prev) => [...prev, { ...user, secondFactors: null }]);
    setTotal((n) => (n ?? 0) + 1);
    setNotice(t('created', { email: user.email }));
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('title', { agency: agencyName(me.agency) })}</h1>
        <span className="muted" data-testid="users-count">
          {t('count', { total: total ?? 0 })}
        </span>
      </div>
      {notice && (
        <Alert tone="success" testId="users-notice">
          {notice}
        </Alert>
      )}
      {loadError && <RetryAlert message={loadError} onRetry={reload} testId="users-error" />}
      <section className="card table-card">
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('email')}</th>
              <th>{t('roles')}</th>
              <th>{t('status')}</th>
              <th>{t('lastLogin')}</th>
              <th>{tSecurity('secondFactor')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} isMe={u.id === me.id} onChanged={replace} onNotice={setNotice} />
            ))}
          </tbody>
        </table>
        <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore}
          empty={users.length === 0 && !loadError && <p className="muted table-status">{tc('empty')}</p>} />
      </section>
      <CreateUserForm agencyKind={me.agency.kind} onCreated={created} />
      <RoleCapabilities kind={me.agency.kind} />
      {may(me, 'setAgencySso') && <AgencySsoForm agencyId={me.agency.id} />}
      {may(me, 'setAgencySignInPolicy') && <SignInPolicyForm />}
    </>
  );
}
