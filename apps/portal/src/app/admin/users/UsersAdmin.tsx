'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { USERS } from '../../../lib/documents';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useAgencyName } from '../../../lib/format';
import type { Connection, User } from '../../../lib/types';
import { CreateUserForm } from './CreateUserForm';
import { UserRow } from './UserRow';

const PAGE_SIZE = 50;

export function UsersAdmin({ me }: { me: User }) {
  const t = useTranslations('users');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const [users, setUsers] = useState<User[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setLoadError(null);
      try {
        const data = await request<{ users: Connection<User> }>(USERS, { first: PAGE_SIZE, after });
        const page = data.users.edges.map((e) => e.node);
        setUsers((prev) => (after ? [...prev, ...page] : page));
        setTotal(data.users.totalCount);
        setCursor(data.users.pageInfo.endCursor);
        setHasMore(data.users.pageInfo.hasNextPage);
      } catch (e) {
        setLoadError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [request, errorMessage],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  function replace(user: User) {
    setUsers((prev) => prev.map((u) => (u.id === user.id ? user : u)));
  }

  function created(user: User) {
    setUsers((prev) => [...prev, user]);
    setTotal((n) => n + 1);
    setNotice(t('created', { email: user.email }));
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('title', { agency: agencyName(me.agency) })}</h1>
        <span className="muted" data-testid="users-count">
          {t('count', { total })}
        </span>
      </div>
      {notice && (
        <Alert tone="success" testId="users-notice">
          {notice}
        </Alert>
      )}
      {loadError && (
        <Alert tone="error" testId="users-error">
          {loadError}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load(null)}>
            {tc('retry')}
          </button>
        </Alert>
      )}
      <section className="card table-card">
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('email')}</th>
              <th>{t('roles')}</th>
              <th>{t('status')}</th>
              <th>{t('lastLogin')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} isMe={u.id === me.id} onChanged={replace} onNotice={setNotice} />
            ))}
          </tbody>
        </table>
        {loading && <p className="muted table-status">{tc('loading')}</p>}
        {!loading && users.length === 0 && !loadError && <p className="muted table-status">{tc('empty')}</p>}
        {hasMore && !loading && (
          <div className="table-foot">
            <button type="button" className="btn" onClick={() => void load(cursor)}>
              {tc('loadMore')}
            </button>
          </div>
        )}
      </section>
      <CreateUserForm agencyKind={me.agency.kind} onCreated={created} />
    </>
  );
}
