'use client';

import { PaymentChannel, moneyProblem, provinceOf } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../../../components/Alert';
import { Field } from '../../../../../components/Field';
import { SelectField, TextAreaField } from '../../../../../components/Fields';
import { useAuth } from '../../../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../../../lib/errors';
import { useFormSubmit } from '../../../../../lib/forms';
import { beijingWallClock, useProvinceOptions, wallClockToIso } from '../../../../../lib/format';
import { sumAmounts, toFen, useFormatMoney } from '../../../../../lib/money';
import { useContributorCase } from '../../../../../components/useContributorCase';
import { graphql } from '../../../../../gql';
import type { User } from '../../../../../lib/auth';

const ADD_STATEMENT = graphql(`mutation AddStatement($input: AddStatementInput!) { addStatement(input: $input) { ...StatementFields } }`);

interface TransferRow {
  key: number;
  fromAccount: string;
  toAccount: string;
  bank: string;
  amount: string;
  occurredAt: string;
  channel: PaymentChannel;
}

const EMPTY_VICTIM = { name: '', idNumber: '', phone: '', age: '', gender: '', province: '' };

export function NewStatementForm({ caseId, user }: { caseId: string; user: User }) {
  const t = useTranslations('statementForm');
  const tc = useTranslations('common');
  const tChannel = useTranslations('channels');
  const { request } = useAuth();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const formatMoney = useFormatMoney();
  const provinces = useProvinceOptions();
  const ownProvince = provinceOf(user.agency.region) ?? '';
  const nextKey = useRef(1);
  const { head, gate } = useContributorCase(
    caseId,
    { caseNotFound: t('caseNotFound'), backToList: t('backToList'), readOnlyTitle: t('readOnlyTitle'), readOnlyText: t('readOnlyText'), backToCase: t('backToCase') },
    'statement-read-only',
  );

  const [victim, setVictim] = useState({ ...EMPTY_VICTIM, province: ownProvince });
  const [takenAt, setTakenAt] = useState(() => beijingWallClock(Date.now()));
  const [place, setPlace] = useState('');
  const [province, setProvince] = useState(ownProvince);
  const [narrative, setNarrative] = useState('');
  const [reportedLoss, setReportedLoss] = useState('');
  const [transfers, setTransfers] = useState<TransferRow[]>([]);
  const { errors, setErrors, formError, busy, submit } = useFormSubmit();

  function setV(name: keyof typeof EMPTY_VICTIM, value: string) {
    setVictim((v) => ({ ...v, [name]: value }));
  }

  function addTransfer() {
    const key = nextKey.current++;
    setTransfers((rows) => [
      ...rows,
      { key, fromAccount: '', toAccount: '', bank: '', amount: '', occurredAt: takenAt, channel: PaymentChannel.BANK_TRANSFER },
    ]);
  }

  function setT(key: number, name: keyof Omit<TransferRow, 'key'>, value: string) {
    setTransfers((rows) => rows.map((r) => (r.key === key ? { ...r, [name]: value } : r)));
  }

  function removeTransfer(key: number) {
    setTransfers((rows) => rows.filter((r) => r.key !== key));
    // Row indexes shift, so stale per-row errors would point at the wrong row.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('transfers.'))));
  }

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    const required = t('required');
    if (!victim.name.trim()) out['victim.name'] = required;
    if (victim.age.trim() && !/^\d{1,3}$/.test(victim.age.trim())) out['victim.age'] = t('badAge');
    if (!takenAt) out.takenAt = required;
    if (!place.trim()) out.place = required;
    if (!narrative.trim()) out.narrative = required;
    if (!reportedLoss.trim()) out.reportedLoss = required;
    else if (moneyProblem(reportedLoss)) out.reportedLoss = t('badAmount');
    transfers.forEach((r, i) => {
      if (!r.fromAccount.trim()) out[`transfers.${i}.fromAccount`] = required;
      if (!r.toAccount.trim()) out[`transfers.${i}.toAccount`] = required;
      if (!r.occurredAt) out[`transfers.${i}.occurredAt`] = required;
      if (!r.amount.trim()) out[`transfers.${i}.amount`] = required;
      else if (moneyProblem(r.amount)) out[`transfers.${i}.amount`] = t('badAmount');
    });
    return out;
  }

  async function send(): Promise<'leaving'> {
    const opt = (s: string) => s.trim() || null;
    const input = {
      caseId,
      victim: {
        name: victim.name.trim(),
        idNumber: opt(victim.idNumber),
        phone: opt(victim.phone),
        age: victim.age.trim() ? Number(victim.age.trim()) : null,
        gender: opt(victim.gender),
        province: opt(victim.province),
      },
      takenAt: wallClockToIso(takenAt),
      place: place.trim(),
      province: opt(province),
      narrative: narrative.trim(),
      reportedLoss: reportedLoss.trim(),
      transfers: transfers.map((r) => ({
        fromAccount: r.fromAccount.trim(),
        toAccount: r.toAccount.trim(),
        bank: opt(r.bank),
        amount: r.amount.trim(),
        occurredAt: wallClockToIso(r.occurredAt),
        channel: r.channel,
      })),
    };
    await request(ADD_STATEMENT, { input });
    router.push(`/cases/${caseId}?statement=1`);
    return 'leaving';
  }

  function failed(e: unknown) {
    const fields = fieldErrorsOf(e);
    return { fields, message: Object.keys(fields).length ? t('fixFields') : errorMessage(e) };
  }

  const onSubmit = (event: FormEvent) => submit(event, { validate, invalidMessage: t('fixFields'), send, failed });

  if (gate || !head) return gate;

  const transfersTotal = sumAmounts(transfers.map((r) => r.amount));
  const lossFen = toFen(reportedLoss);
  const totalFen = toFen(transfersTotal) ?? 0n;
  const e = (name: string) => errors[name];

  return (
    <>
      <div className="page-head">
        <div>
          <Link href={`/cases/${caseId}`} className="back-link">
            ← {head.caseNumber} {head.title}
          </Link>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <form onSubmit={onSubmit} noValidate data-testid="statement-form">
        {formError && <Alert tone="error" testId="form-error">{formError}</Alert>}
        <section className="card">
          <h2>{t('victim')}</h2>
          <div className="form-grid">
            <Field label={t('victimName')} name="victim.name" value={victim.name} onChange={(ev) => setV('name', ev.target.value)}
              error={e('victim.name')} autoComplete="off" />
            <Field label={t('idNumber')} name="victim.idNumber" value={victim.idNumber}
              onChange={(ev) => setV('idNumber', ev.target.value)} error={e('victim.idNumber')} autoComplete="off"
              hint={t('idNumberHint')} />
            <Field label={t('phone')} name="victim.phone" type="tel" value={victim.phone}
              onChange={(ev) => setV('phone', ev.target.value)} error={e('victim.phone')} autoComplete="off" />
            <Field label={t('age')} name="victim.age" inputMode="numeric" value={victim.age}
              onChange={(ev) => setV('age', ev.target.value)} error={e('victim.age')} />
            <SelectField label={t('gender')} name="victim.gender" value={victim.gender}
              onChange={(ev) => setV('gender', ev.target.value)} error={e('victim.gender')}>
              <option value="">{t('unknown')}</option>
              <option value="M">{t('male')}</option>
              <option value="F">{t('female')}</option>
            </SelectField>
            <SelectField label={t('victimProvince')} name="victim.province" value={victim.province}
              onChange={(ev) => setV('province', ev.target.value)} error={e('victim.province')}>
              <option value="">{t('unknown')}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          </div>
        </section>
        <section className="card">
          <h2>{t('statement')}</h2>
          <div className="form-grid">
            <Field label={t('takenAt')} name="takenAt" type="datetime-local" value={takenAt}
              onChange={(ev) => setTakenAt(ev.target.value)} error={e('takenAt')} />
            <Field label={t('place')} name="place" value={place} onChange={(ev) => setPlace(ev.target.value)}
              error={e('place')} placeholder={t('placePlaceholder')} />
            <SelectField label={t('province')} name="province" value={province} onChange={(ev) => setProvince(ev.target.value)}
              error={e('province')}>
              <option value="">{t('unknown')}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <div className="span-all">
              <TextAreaField label={t('narrative')} name="narrative" value={narrative} rows={6}
                onChange={(ev) => setNarrative(ev.target.value)} error={e('narrative')} hint={t('narrativeHint')} />
            </div>
            <Field label={t('reportedLoss')} name="reportedLoss" inputMode="decimal" value={reportedLoss}
              onChange={(ev) => setReportedLoss(ev.target.value)} error={e('reportedLoss')}
              hint={lossFen !== null ? formatMoney(reportedLoss.trim()) : t('amountHint')} />
          </div>
        </section>
        <section className="card" data-testid="transfers">
          <div className="section-head">
            <h2>
              {t('transfers')} <span className="count">{transfers.length}</span>
            </h2>
            <span className="muted small">{t('transfersIntro')}</span>
          </div>
          {transfers.map((r, i) => (
            <fieldset key={r.key} className="transfer-row" data-testid="transfer-input-row">
              <legend>{t('transferN', { n: i + 1 })}</legend>
              <Field label={t('fromAccount')} name={`transfers.${i}.fromAccount`} value={r.fromAccount}
                onChange={(ev) => setT(r.key, 'fromAccount', ev.target.value)} error={e(`transfers.${i}.fromAccount`)} />
              <Field label={t('toAccount')} name={`transfers.${i}.toAccount`} value={r.toAccount}
                onChange={(ev) => setT(r.key, 'toAccount', ev.target.value)} error={e(`transfers.${i}.toAccount`)} />
              <Field label={t('bank')} name={`transfers.${i}.bank`} value={r.bank}
                onChange={(ev) => setT(r.key, 'bank', ev.target.value)} error={e(`transfers.${i}.bank`)} />
              <Field label={t('amount')} name={`transfers.${i}.amount`} inputMode="decimal" value={r.amount}
                onChange={(ev) => setT(r.key, 'amount', ev.target.value)} error={e(`transfers.${i}.amount`)} />
              <Field label={t('occurredAt')} name={`transfers.${i}.occurredAt`} type="datetime-local" value={r.occurredAt}
                onChange={(ev) => setT(r.key, 'occurredAt', ev.target.value)} error={e(`transfers.${i}.occurredAt`)} />
              <SelectField label={t('channel')} name={`transfers.${i}.channel`} value={r.channel}
                onChange={(ev) => setT(r.key, 'channel', ev.target.value)} error={e(`transfers.${i}.channel`)}>
                {Object.values(PaymentChannel).map((c) => (
                  <option key={c} value={c}>
                    {tChannel(c)}
                  </option>
                ))}
              </SelectField>
              <div className="transfer-remove">
                <button type="button" className="btn btn-small btn-danger" onClick={() => removeTransfer(r.key)}
                  data-testid="remove-transfer">
                  {t('removeTransfer')}
                </button>
              </div>
            </fieldset>
          ))}
          <div className="transfers-foot">
            <button type="button" className="btn" onClick={addTransfer} data-testid="add-transfer">
              + {t('addTransfer')}
            </button>
            {transfers.length > 0 && (
              <span className="muted" data-testid="transfers-total">
                {t('transfersTotal', { total: formatMoney(transfersTotal) })}
                {lossFen !== null && totalFen > lossFen && <strong className="warn-text"> {t('transfersExceedLoss')}</strong>}
                {!reportedLoss.trim() && totalFen > 0n && (
                  <button type="button" className="btn btn-small btn-link" onClick={() => setReportedLoss(transfersTotal)}>
                    {t('useAsLoss')}
                  </button>
                )}
              </span>
            )}
          </div>
        </section>
        <div className="form-actions sticky-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="statement-submit">
            {busy ? t('saving') : t('save')}
          </button>
          <Link href={`/cases/${caseId}`} className="btn">
            {tc('cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
