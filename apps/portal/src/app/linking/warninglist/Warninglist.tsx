'use client';

import { IdentifierKind } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/Fields';
import { LinkValueChip } from '../../../components/LinkBadges';
import { ActionsHeader, ListFoot, RetryAlert } from '../../../components/ListParts';
import { canAddToWarninglist } from '../../../lib/access';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors, useLoadErrorMessage } from '../../../lib/errors';
import { GqlError } from '../../../lib/graphql';
import { useFormSubmit, useFormValues } from '../../../lib/forms';
import { useAgencyName, useFormatDateTime } from '../../../lib/format';
import { usePagedList } from '../../../lib/paged-list';
import type { Connection } from '../../../lib/types';
import { LinkingTabs } from '../../../components/LinkingTabs';
import { graphql } from '../../../gql';
import type { WarninglistEntryFieldsFragment } from '../../../gql/graphql';
import type { User } from '../../../lib/auth';

type WarninglistEntry = WarninglistEntryFieldsFragment;

graphql(`fragment WarninglistEntryFields on WarninglistEntry { id kind value reason builtIn agency { ...AgencyRefFields } createdAt removable }`);
export const WARNINGLIST = graphql(`query Warninglist($first: Int, $after: String, $search: String) {
  warninglist(first: $first, after: $after, search: $search) { edges { cursor node { ...WarninglistEntryFields } } pageInfo { hasNextPage endCursor } }
}`);
const ADD_WARNINGLIST_ENTRY = graphql(`mutation AddWarninglistEntry($input: AddWarninglistEntryInput!) { addWarninglistEntry(input: $input) { ...WarninglistEntryFields } }`);
const REMOVE_WARNINGLIST_ENTRY = graphql(`mutation RemoveWarninglistEntry($id: ID!) { removeWarninglistEntry(id: $id) }`);

const PAGE_SIZE = 50;
const MIN_REASON = 3;
const MAX_REASON = 500;
const EMPTY = { kind: IdentifierKind.PHONE as string, value: '', reason: '' };

function AddEntryForm({ onAdded }: { onAdded(entry: WarninglistEntry): void }) {
  const t = useTranslations('warninglist');
  const tKind = useTranslations('identifierKinds');
  const tPlaceholder = useTranslations('case.identifiers.placeholders');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const { errors, formError, busy, submit } = useFormSubmit();
  const { values, bind, reset } = useFormValues(EMPTY, errors);
  const [notice, setNotice] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    setNotice(null);
    void submit(event, {
      validate() {
        const problems: Record<string, string> = {};
        if (!values.value.trim()) problems.value = t('required');
        if (!values.reason.trim()) problems.reason = t('required');
        else if (values.reason.trim().length < MIN_REASON) problems.reason = t('reasonTooShort', { min: MIN_REASON });
        else if (values.reason.trim().length > MAX_REASON) problems.reason = t('reasonTooLong', { max: MAX_REASON });
        return problems;
      },
      async send() {
        const data = await request(ADD_WARNINGLIST_ENTRY, {
          input: { kind: values.kind as IdentifierKind, value: values.value.trim(), reason: values.reason.trim() },
        });
        onAdded(data.addWarninglistEntry);
        setNotice(t('added', { value: data.addWarninglistEntry.value }));
        reset();
      },
      failed(error) {
        // The value is on the list already (built in, or added by any agency).
        if (error instanceof GqlError && error.code === 'CONFLICT') return { fields: { value: t('alreadyListed') }, message: null };
        const fields = fieldErrorsOf(error);
        if (fields.value) fields.value = t('invalidValue', { reason: fields.value });
        return { fields, message: Object.keys(fields).length ? null : errorMessage(error) };
      },
    });
  }

  return (
    <section className="card" data-testid="warninglist-add">
      <h2>{t('addTitle')}</h2>
      <p className="muted small">{t('addIntro')}</p>
      <form className="warninglist-form" onSubmit={onSubmit} noValidate data-testid="warninglist-form">
        <SelectField label={t('kind')} {...bind('kind')}>
          {Object.values(IdentifierKind).map((k) => (
            <option key={k} value={k}>
              {tKind(k)}
            </option>
          ))}
        </SelectField>
        <Field label={t('value')} {...bind('value')} placeholder={tPlaceholder(values.kind as IdentifierKind)} />
        <Field label={t('reason')} {...bind('reason')} maxLength={MAX_REASON} placeholder={t('reasonPlaceholder')} />
        <div className="warninglist-submit">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="warninglist-submit">
            {busy ? t('adding') : t('add')}
          </button>
        </div>
        {formError && <Alert tone="error">{formError}</Alert>}
        {notice && <Alert tone="success" testId="warninglist-notice">{notice}</Alert>}
      </form>
    </section>
  );
}

export function Warninglist({ user }: { user: User }) {
  const t = useTranslations('warninglist');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const errorMessage = useErrorMessage();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const locale = useLocale();
  // The built-in entries' reasons are the domain's English (libs/domain warninglist): in Chinese, one sentence per kind.
  const reasonOf = (e: WarninglistEntry) => (e.builtIn && locale !== 'en' && t.has(`builtInReasons.${e.kind}`) ? t(`builtInReasons.${e.kind}`) : e.reason);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fetchPage = useCallback(
    async (after: string | null): Promise<Connection<WarninglistEntry>> => {
      const page = (
        await request(WARNINGLIST, { first: PAGE_SIZE, after, search: search || null })
      ).warninglist;
      return { ...page, totalCount: -1 };
    },
    [request, search],
  );
  const { items, setItems, hasMore, loading, error, reload, loadMore } = usePagedList(fetchPage, { clearOnError: true });

  async function remove(entry: WarninglistEntry) {
    if (!window.confirm(t('removeConfirm', { value: entry.value }))) return;
    setBusy(entry.id);
    setRowError(null);
    setNotice(null);
    try {
      await request(REMOVE_WARNINGLIST_ENTRY, { id: entry.id });
      setItems((prev) => prev.filter((e) => e.id !== entry.id));
      setNotice(t('removed', { value: entry.value }));
    } catch (e) {
      setRowError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <LinkingTabs user={user} />
      {canAddToWarninglist(user) && <AddEntryForm onAdded={(entry) => setItems((prev) => [entry, ...prev.filter((e) => e.id !== entry.id)])} />}
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={reload} />}
      {notice && <Alert tone="success" testId="warninglist-removed">{notice}</Alert>}
      {rowError && <Alert tone="error">{rowError}</Alert>}
      <section className="card table-card">
        <form className="table-toolbar" role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(searchText.trim());
          }}>
          <div className="inline-form">
            <input type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} placeholder={t('searchPlaceholder')}
              aria-label={t('search')} data-testid="warninglist-search" className="search-input" />
            <button type="submit" className="btn btn-small">
              {t('search')}
            </button>
            {search && (
              <button type="button" className="btn btn-small" onClick={() => { setSearchText(''); setSearch(''); }}>
                {t('clear')}
              </button>
            )}
          </div>
          <span className="muted small">{search ? t('searchingFor', { search }) : t('shown', { count: items.length })}</span>
        </form>
        <div className="table-scroll">
          <table className="table table-compact" data-testid="warninglist-table">
            <thead>
              <tr>
                <th>{t('value')}</th>
                <th>{t('reason')}</th>
                <th>{t('addedBy')}</th>
                <th>{t('addedAt')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-testid="warninglist-row" data-value={e.value} data-kind={e.kind}>
                  <td>
                    <LinkValueChip kind={e.kind} value={e.value} />
                  </td>
                  <td className="details">{reasonOf(e)}</td>
                  <td>
                    {e.builtIn ? <span className="status status-off">{t('builtIn')}</span> : e.agency ? agencyName(e.agency) : '—'}
                  </td>
                  <td className="nowrap muted">{formatDateTime(e.createdAt)}</td>
                  <td className="actions-cell">
                    {e.removable && (
                      <button type="button" className="btn btn-small btn-danger" disabled={busy === e.id} onClick={() => void remove(e)}
                        data-testid="warninglist-remove">
                        {t('remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ListFoot loading={loading} hasMore={hasMore} onMore={loadMore}
          empty={items.length === 0 && error === null && <p className="muted table-status">{search ? t('noMatch') : tc('empty')}</p>} />
      </section>
    </>
  );
}
