'use client';

import { moneyProblem } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { TextAreaField } from '../../../components/Fields';
import { useAuth } from '../../../lib/auth';
import { useFormSubmit } from '../../../lib/forms';
import { sumAmounts, toFen, useFormatMoney } from '../../../lib/money';
import { beijingWallClock, wallClockToIso } from '../../../lib/format';
import type { FREEZE_OUTCOMES } from '../../../lib/requests';
import { clearOnEdit, RadioCards, useServerFieldErrors } from '../../../components/requests/FormParts';
import { useActionError } from './useRequestAction';
import { graphql } from '../../../gql';
import type { AgencyRequest } from './RequestPage';

const ANSWER_FREEZE = graphql(`mutation AnswerFreeze($input: AnswerFreezeInput!) { answerFreeze(input: $input) { ...RequestDetail } }`);

type Outcome = (typeof FREEZE_OUTCOMES)[number];

interface Row {
  key: number;
  toAccount: string;
  bank: string;
  amount: string;
  occurredAt: string;
}

/** Outcomes that hold money, and those after which the bank can say where the money went. */
const HOLDS: readonly Outcome[] = ['FROZEN', 'PARTIALLY_FROZEN'];
const WITH_DOWNSTREAM: readonly Outcome[] = ['FROZEN', 'PARTIALLY_FROZEN', 'NO_FUNDS'];
const WITH_BALANCE: readonly Outcome[] = ['FROZEN', 'PARTIALLY_FROZEN', 'NO_FUNDS'];
const TONES: Partial<Record<Outcome, string>> = { FROZEN: 'radio-ok', PARTIALLY_FROZEN: 'radio-ok', REJECTED: 'radio-bad' };

/**
 * The bank's answer to a freeze: what it held, the balance, and where the rest went (transfers out of the account,
 * which enter the case and its fund trace), or why it could not act.
 */
export function AnswerFreezeForm({ data, outcomes, onDone, onConflict }: {
  data: AgencyRequest;
  outcomes: Outcome[];
  onDone(next: AgencyRequest): void;
  onConflict(): void;
}) {
  const t = useTranslations('answerFreeze');
  const tState = useTranslations('requestStates');
  const { request } = useAuth();
  const formatMoney = useFormatMoney();
  const actionError = useActionError();
  const serverFieldErrors = useServerFieldErrors();
  const nextKey = useRef(1);
  const [outcome, setOutcome] = useState<Outcome>(outcomes.includes('FROZEN') ? 'FROZEN' : outcomes[0]);
  const [amountHeld, setAmountHeld] = useState(data.amount ?? '');
  const [balance, setBalance] = useState('');
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const { errors, setErrors, formError, busy, submit, clearField } = useFormSubmit();

  const holds = HOLDS.includes(outcome);
  const withDownstream = WITH_DOWNSTREAM.includes(outcome);
  const downstreamTotal = sumAmounts(rows.map((r) => r.amount));

  function addRow() {
    const key = nextKey.current++;
    setRows((rs) => [...rs, { key, toAccount: '', bank: '', amount: '', occurredAt: beijingWallClock(Date.now()) }]);
  }
  function setRow(key: number, name: keyof Omit<Row, 'key'>, value: string) {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [name]: value } : r)));
  }
  function removeRow(key: number) {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('downstream.'))));
  }

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    const money = (name: string, value: string, required: boolean) => {
      if (!value.trim()) {
        if (required) out[name] = t('required');
      } else if (moneyProblem(value)) out[name] = t('badAmount');
    };
    money('amountHeld', amountHeld, holds);
    if (outcome === 'PARTIALLY_FROZEN' && !out.amountHeld && data.amount && (toFen(amountHeld) ?? 0n) >= (toFen(data.amount) ?? 0n)) {
      out.amountHeld = t('partialLess', { amount: formatMoney(data.amount) });
    }
    if (holds && !out.amountHeld && (toFen(amountHeld) ?? 0n) === 0n) out.amountHeld = t('heldPositive');
    money('balance', balance, false);
    if (outcome === 'REJECTED' && !reason.trim()) out.reason = t('reasonRequired');
    if (withDownstream) {
      rows.forEach((r, i) => {
        if (!r.toAccount.trim()) out[`downstream.${i}.toAccount`] = t('required');
        if (!r.occurredAt) out[`downstream.${i}.occurredAt`] = t('required');
        if (!r.amount.trim()) out[`downstream.${i}.amount`] = t('required');
        else if (moneyProblem(r.amount)) out[`downstream.${i}.amount`] = t('badAmount');
      });
    }
    return out;
  }

  async function send() {
    const input = {
      id: data.id,
      outcome,
      amountHeld: holds ? amountHeld.trim() : null,
      balance: WITH_BALANCE.includes(outcome) && balance.trim() ? balance.trim() : null,
      reason: reason.trim() || null,
      downstream: withDownstream
        ? rows.map((r) => ({ toAccount: r.toAccount.trim(), bank: r.bank.trim() || null, amount: r.amount.trim(), occurredAt: wallClockToIso(r.occurredAt) }))
        : [],
    };
    const result = await request(ANSWER_FREEZE, { input });
    onDone(result.answerFreeze);
  }

  function failed(e: unknown) {
    const fields = serverFieldErrors(e);
    const { message, conflict } = actionError(e);
    if (conflict) onConflict();
    return { fields, message: Object.keys(fields).length ? t('fixFields') : message };
  }

  return (
    <section className="card answer-form-card" data-testid="answer-freeze">
      <h2>{t('title')}</h2>
      <p className="muted small">{t('intro', { amount: formatMoney(data.amount), account: data.account ?? '' })}</p>
      <form onSubmit={(e: FormEvent) => void submit(e, { validate, send, failed, invalidMessage: t('fixFields') })} onChange={clearOnEdit(clearField)} noValidate>
        <RadioCards<Outcome> legend={t('outcome')} name="outcome" value={outcome} onChange={setOutcome} error={errors.outcome} columns={outcomes.length > 3 ? 3 : outcomes.length}
          options={outcomes.map((o) => ({ value: o, label: tState(o), help: t(`outcomeHelp.${o}`), tone: TONES[o] }))} />
        <div className="form-grid">
          {holds && (
            <Field label={t('amountHeld')} name="amountHeld" inputMode="decimal" value={amountHeld} onChange={(e) => setAmountHeld(e.target.value)}
              error={errors.amountHeld} hint={amountHeld.trim() && !moneyProblem(amountHeld) ? formatMoney(amountHeld.trim()) : t('amountHint')} />
          )}
          {WITH_BALANCE.includes(outcome) && (
            <Field label={t('balance')} name="balance" inputMode="decimal" value={balance} onChange={(e) => setBalance(e.target.value)}
              error={errors.balance} hint={t('balanceHint')} />
          )}
        </div>
        <TextAreaField label={outcome === 'REJECTED' ? t('reason') : t('note')} name="reason" value={reason} rows={2}
          onChange={(e) => setReason(e.target.value)} error={errors.reason} maxLength={2000} />

        {withDownstream && (
          <div className="downstream-edit" data-testid="downstream-edit">
            <div className="section-head">
              <h3 className="subhead">
                {t('downstreamTitle')} <span className="count">{rows.length}</span>
              </h3>
              <span className="muted small">{t('downstreamIntro')}</span>
            </div>
            {rows.map((r, i) => (
              <fieldset key={r.key} className="downstream-row" data-testid="downstream-input-row">
                <legend>{t('transferN', { n: i + 1 })}</legend>
                <Field label={t('toAccount')} name={`downstream.${i}.toAccount`} value={r.toAccount} className="mono"
                  onChange={(e) => setRow(r.key, 'toAccount', e.target.value)} error={errors[`downstream.${i}.toAccount`]} />
                <Field label={t('bank')} name={`downstream.${i}.bank`} value={r.bank}
                  onChange={(e) => setRow(r.key, 'bank', e.target.value)} error={errors[`downstream.${i}.bank`]} />
                <Field label={t('amount')} name={`downstream.${i}.amount`} inputMode="decimal" value={r.amount}
                  onChange={(e) => setRow(r.key, 'amount', e.target.value)} error={errors[`downstream.${i}.amount`]} />
                <Field label={t('occurredAt')} name={`downstream.${i}.occurredAt`} type="datetime-local" value={r.occurredAt}
                  onChange={(e) => setRow(r.key, 'occurredAt', e.target.value)} error={errors[`downstream.${i}.occurredAt`]} />
                <div className="row-remove">
                  <button type="button" className="btn btn-small btn-danger" onClick={() => removeRow(r.key)} data-testid="remove-downstream"
                    aria-label={t('removeTransferN', { n: i + 1 })}>
                    ×
                  </button>
                </div>
              </fieldset>
            ))}
            <div className="transfers-foot">
              <button type="button" className="btn btn-small" onClick={addRow} data-testid="add-downstream">
                + {t('addTransfer')}
              </button>
              {rows.length > 0 && <span className="muted small" data-testid="downstream-total">{t('total', { total: formatMoney(downstreamTotal) })}</span>}
            </div>
          </div>
        )}
        {formError && <Alert tone="error" testId="answer-error">{formError}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="answer-submit">
            {busy ? t('sending') : t('submit', { outcome: tState(outcome) })}
          </button>
        </div>
      </form>
    </section>
  );
}
