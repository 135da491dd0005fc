'use client';

import { IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormatDateTime } from '../../../lib/format';
import { sumAmounts } from '../../../lib/money';
import { accountDigits, FREEZABLE_KINDS, newRequestHref, TELECOM_CLUE_KINDS } from '../../../lib/requests';
import { graphql } from '../../../gql';
import type { IdentifierFieldsFragment } from '../../../gql/graphql';
import type { VictimStatement } from './Statements';
import { ActionsHeader } from '../../../components/ListParts';
import { IssuingBankTag } from '../../../components/IssuingBankTag';

export type Identifier = IdentifierFieldsFragment;

graphql(`fragment IdentifierFields on Identifier { id kind rawValue canonical source statementId note createdAt issuingBank { ...IssuingBankFields } }`);
const ADD_IDENTIFIER = graphql(`mutation AddIdentifier($input: AddIdentifierInput!) { addIdentifier(input: $input) { ...IdentifierFields } }`);

interface Props {
  caseId: string;
  identifiers: Identifier[];
  statements: VictimStatement[];
  canContribute: boolean;
  /** Whether the viewer may send freeze and telecom requests from a clue. */
  canRequest?: boolean;
  onAdded(identifier: Identifier): void;
}

/**
 * The request form a clue leads to, prefilled: a card or account to a freeze (with the bank, the sum paid into it
 * and the latest transfer that paid it, from the payment trails), a phone, URL or domain to a telecom request.
 */
function requestLink(caseId: string, i: Identifier, statements: VictimStatement[]): { href: string; type: 'FREEZE' | 'TELECOM' } | null {
  if (FREEZABLE_KINDS.includes(i.kind)) {
    const digits = accountDigits(i.canonical);
    const transfers = statements.flatMap((s) => s.transfers);
    const into = transfers.filter((tr) => accountDigits(tr.toAccount) === digits);
    // A victim's own account (money only left it) is nothing to freeze.
    if (into.length === 0 && transfers.some((tr) => accountDigits(tr.fromAccount) === digits)) return null;
    const latest = [...into].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))[0];
    return {
      type: 'FREEZE',
      href: newRequestHref(caseId, {
        type: 'FREEZE', account: i.canonical, bank: into.find((tr) => tr.bank)?.bank,
        amount: into.length ? sumAmounts(into.map((tr) => tr.amount)) : null, sourceTransferId: latest?.id,
      }),
    };
  }
  if (TELECOM_CLUE_KINDS.includes(i.kind)) {
    return { type: 'TELECOM', href: newRequestHref(caseId, { type: 'TELECOM', targetKind: i.kind, targetValue: i.canonical }) };
  }
  return null;
}

function AddIdentifierForm({ caseId, onAdded }: { caseId: string; onAdded(identifier: Identifier): void }) {
  const t = useTranslations('case.identifiers');
  const tKind = useTranslations('identifierKinds');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [kind, setKind] = useState<IdentifierKind>(IdentifierKind.PHONE);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (!value.trim()) {
      setErrors({ value: t('required') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const data = await request(ADD_IDENTIFIER, {
        input: { caseId, kind, value: value.trim(), note: note.trim() || null },
      });
      onAdded(data.addIdentifier);
      setValue('');
      setNote('');
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.value) fields.value = t('invalidValue', { reason: fields.value });
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="clue-form" onSubmit={submit} noValidate data-testid="add-identifier-form">
      <div className="field">
        <label htmlFor="clue-kind">{t('kind')}</label>
        <select id="clue-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as IdentifierKind)}>
          {Object.values(IdentifierKind).map((k) => (
            <option key={k} value={k}>
              {tKind(k)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field clue-value${errors.value ? ' has-error' : ''}`}>
        <label htmlFor="clue-value">{t('value')}</label>
        <input id="clue-value" name="value" value={value} onChange={(e) => setValue(e.target.value)}
          placeholder={t(`placeholders.${kind}`)} aria-invalid={errors.value ? true : undefined}
          aria-describedby={errors.value ? 'clue-value-error' : undefined} />
        {errors.value && (
          <div className="field-error" id="clue-value-error" data-testid="error-value">
            {errors.value}
          </div>
        )}
      </div>
      <div className="field clue-note">
        <label htmlFor="clue-note">{t('note')}</label>
        <input id="clue-note" name="note" value={note} onChange={(e) => setNote(e.target.value)} />
        {errors.note && <div className="field-error">{errors.note}</div>}
      </div>
      <div className="clue-submit">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="add-identifier-submit">
          {busy ? t('adding') : t('add')}
        </button>
      </div>
      {formError && <Alert tone="error">{formError}</Alert>}
    </form>
  );
}

export function Identifiers({ caseId, identifiers, statements, canContribute, canRequest = false, onAdded }: Props) {
  const t = useTranslations('case.identifiers');
  const tKind = useTranslations('identifierKinds');
  const tSource = useTranslations('identifierSources');
  const formatDateTime = useFormatDateTime();
  const statementNumber = (id: string | null) => (id ? statements.findIndex((s) => s.id === id) + 1 : 0);
  return (
    <section className="card" data-testid="identifiers">
      <div className="section-head">
        <h2>
          {t('title')} <span className="count">{identifiers.length}</span>
        </h2>
        <span className="muted small">{t('intro')}</span>
      </div>
      {identifiers.length > 0 ? (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="identifiers-table">
            <thead>
              <tr>
                <th>{t('kind')}</th>
                <th>{t('raw')}</th>
                <th>{t('canonical')}</th>
                <th>{t('source')}</th>
                <th>{t('note')}</th>
                <th>{t('added')}</th>
                {canRequest && <ActionsHeader />}
              </tr>
            </thead>
            <tbody>
              {identifiers.map((i) => (
                <tr key={i.id} data-testid="identifier-row">
                  <td className="nowrap">
                    <span className="kind-tag">{tKind(i.kind)}</span>
                  </td>
                  <td className="mono">{i.rawValue}</td>
                  <td>
                    <span className="mono" data-testid="identifier-canonical">
                      {i.canonical}
                    </span>
                    {/* Cards and accounts: the bank that issues it, where a freeze of it goes. */}
                    {FREEZABLE_KINDS.includes(i.kind) && <IssuingBankTag issuer={i.issuingBank} testId="identifier-issuing-bank" />}
                  </td>
                  <td className="nowrap">
                    {tSource(i.source)}
                    {statementNumber(i.statementId) > 0 && <span className="muted"> #{statementNumber(i.statementId)}</span>}
                  </td>
                  <td>{i.note ?? ''}</td>
                  <td className="nowrap muted">{formatDateTime(i.createdAt)}</td>
                  {canRequest && (
                    <td className="actions-cell">
                      {(() => {
                        const link = requestLink(caseId, i, statements);
                        if (!link) return null;
                        return (
                          <Link href={link.href} className="btn btn-small" data-testid={link.type === 'FREEZE' ? 'identifier-freeze' : 'identifier-telecom'}>
                            {link.type === 'FREEZE' ? t('freeze') : t('telecom')}
                          </Link>
                        );
                      })()}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
      {canContribute && (
        <>
          <h3 className="subhead">{t('addTitle')}</h3>
          <AddIdentifierForm caseId={caseId} onAdded={onAdded} />
        </>
      )}
    </section>
  );
}
