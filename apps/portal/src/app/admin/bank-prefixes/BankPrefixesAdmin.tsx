'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { RetryAlert } from '../../../components/ListParts';
import { type User } from '../../../lib/auth';
import { useAuth } from '../../../lib/auth';
import { useLoadErrorMessage } from '../../../lib/errors';
import { useAgencyName, useFormatDateTime } from '../../../lib/format';
import { graphql } from '../../../gql';
import type { BankPrefixFieldsFragment } from '../../../gql/graphql';
import { AddBankPrefixesForm } from './AddBankPrefixesForm';
import { RemovePrefixDialog } from './RemovePrefixDialog';
import styles from './bank-prefixes.module.css';

export type BankPrefix = BankPrefixFieldsFragment;

graphql(`fragment BankPrefixFields on BankPrefix { prefix label createdAt removable bank { ...AgencyRefFields } }`);
const BANK_PREFIXES = graphql(`query BankPrefixes($bankAgencyId: ID) { bankPrefixes(bankAgencyId: $bankAgencyId) { ...BankPrefixFields } }`);

const byPrefix = (a: BankPrefix, b: BankPrefix) => a.prefix.localeCompare(b.prefix);

/** The bank's registered card BINs and account-number prefixes, for its admins: list, register several, remove. */
export function BankPrefixesAdmin({ me }: { me: User }) {
  const t = useTranslations('bankRouting');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const [prefixes, setPrefixes] = useState<BankPrefix[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [removing, setRemoving] = useState<BankPrefix | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    request(BANK_PREFIXES, { bankAgencyId: me.agency.id })
      .then((data) => live && setPrefixes([...data.bankPrefixes].sort(byPrefix)))
      .catch((e: unknown) => live && setLoadError(e ?? new Error('load failed')));
    return () => {
      live = false;
    };
  }, [request, me.agency.id, attempt]);

  function added(entries: BankPrefix[]) {
    setPrefixes((prev) => {
      const fresh = new Set(entries.map((e) => e.prefix));
      return [...(prev ?? []).filter((p) => !fresh.has(p.prefix)), ...entries].sort(byPrefix);
    });
    setNotice(t('notice.added', { count: entries.length, prefixes: entries.map((e) => e.prefix).join(', ') }));
  }

  function removed(prefix: string) {
    setPrefixes((prev) => (prev ?? []).filter((p) => p.prefix !== prefix));
    setNotice(t('notice.removed', { prefix }));
    setRemoving(null);
  }

  const count = prefixes?.length ?? 0;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title', { agency: agencyName(me.agency) })}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      {notice && (
        <Alert tone="success" testId="bp-notice">
          {notice}
        </Alert>
      )}
      {loadError !== null && <RetryAlert message={loadErrorMessage(loadError)} onRetry={() => setAttempt((n) => n + 1)} testId="bp-error" />}
      <section className="card table-card">
        <div className={styles.toolbar}>
          <span className="muted" data-testid="bp-count" data-count={prefixes === null ? undefined : count}>
            {prefixes === null ? '' : t('count', { total: count })}
          </span>
        </div>
        <table className="table" data-testid="bp-table">
          <caption className="visually-hidden">{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.prefix')}</th>
              <th scope="col">{t('columns.label')}</th>
              <th scope="col">{t('columns.added')}</th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(prefixes ?? []).map((p) => (
              <tr key={p.prefix} data-testid={`bp-row-${p.prefix}`}>
                <td className="nowrap">
                  <strong className="mono" data-testid="bp-prefix">{p.prefix}</strong>{' '}
                  <span className="muted small">{t('digits', { count: p.prefix.length })}</span>
                </td>
                <td data-testid="bp-label">{p.label ?? t('noLabel')}</td>
                <td className="nowrap muted">{formatDateTime(p.createdAt)}</td>
                <td className="actions-cell">
                  {p.removable ? (
                    <button type="button" className="btn btn-small btn-danger" onClick={() => setRemoving(p)}
                      aria-label={t('removeLabel', { prefix: p.prefix })} data-testid="bp-remove">
                      {t('remove')}
                    </button>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {prefixes === null && loadError === null && <p className="muted table-status">{tc('loading')}</p>}
        {prefixes !== null && count === 0 && (
          <p className="muted table-status" data-testid="bp-empty">
            {t('empty')}
          </p>
        )}
      </section>
      <AddBankPrefixesForm onAdded={added} />
      {removing && <RemovePrefixDialog key={removing.prefix} prefix={removing} onClose={() => setRemoving(null)} onRemoved={removed} />}
    </>
  );
}
