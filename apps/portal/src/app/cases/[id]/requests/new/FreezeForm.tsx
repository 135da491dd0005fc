'use client';

import { moneyProblem } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useErrorMessage } from '../../../../../lib/errors';
import { useAgencyName } from '../../../../../lib/format';
import { useIssuingBank, wrongBankOf, type IssuerLookup } from '../../../../../lib/bank-routing';
import { Alert } from '../../../../../components/Alert';
import { Field } from '../../../../../components/Field';
import { useAuth } from '../../../../../lib/auth';
import { useFormSubmit } from '../../../../../lib/forms';
import { useFormatMoney } from '../../../../../lib/money';
import { announceRequestsChanged, FREEZE_KINDS, matchBank } from '../../../../../lib/requests';
import type { FreezeKindName, UrgencyName } from '../../../../../lib/types';
import { clearOnEdit, DeadlineHint, FormAlert, RadioCards, SendBar, TargetSelect, UrgencyChoice, useRequestTargets, useSendFailure } from '../../../../../components/requests/FormParts';
import { graphql } from '../../../../../gql';

const SEND_FREEZE_REQUEST = graphql(`mutation SendFreezeRequest($input: SendFreezeRequestInput!) { sendFreezeRequest(input: $input) { ...RequestSummary } }`);

export interface FreezePrefill {
  account: string;
  bank: string;
  amount: string;
  kind: FreezeKindName;
  urgency: UrgencyName;
  sourceTransferId: string | null;
  /** Where the prefill came from, for a line above the form. */
  from: 'trace' | 'clue' | null;
}

const SHOWN = new Set(['bankAgencyId', 'kind', 'account', 'bankName', 'amount', 'legalBasisDoc', 'urgency']);

/** Where to go after sending: the request, told whether it is new, a draft, or the live one already there. */
export function afterSend(id: string, how: 'sent' | 'draft' | 'existing') {
  return `/requests/${id}?${how}=1`;
}

/** The bank a WRONG_BANK refusal named, with the sentence saying so. */
interface WrongBank {
  id: string;
  name: string;
  nameEn: string;
  message: string;
  /** Whether the refused call was a draft (the one-click fix saves the draft again, for that bank). */
  draft: boolean;
}

/**
 * What the look-up of the account's issuing bank says, under the account: the bank chosen for the sender and why, a
 * choice that differs from it (with one click to the right bank), or that no bank registered the prefix.
 */
function IssuerNote({ lookup, bankAgencyId, onChoose }: { lookup: IssuerLookup; bankAgencyId: string; onChoose(id: string): void }) {
  const t = useTranslations('bankRouting.issuer');
  const agencyName = useAgencyName();
  const found = lookup.status === 'found' ? lookup.issuer : null;
  const other = !!found && bankAgencyId !== '' && bankAgencyId !== found.bank.id;
  const state = found ? (other ? 'other' : 'found') : lookup.status;
  let body: ReactNode = null;
  if (found) {
    const values = { bank: agencyName(found.bank), prefix: found.prefix };
    body = other ? (
      <>
        {t('foundOther', values)}{' '}
        <button type="button" className="btn btn-small" onClick={() => onChoose(found.bank.id)} data-testid="freeze-choose-issuer">
          {t('chooseIssuer', values)}
        </button>
      </>
    ) : (
      t('found', values)
    );
  } else if (lookup.status === 'looking') body = t('looking');
  else if (lookup.status === 'unknown') body = t('unknown');
  else if (lookup.status === 'failed') body = t('failed');
  // Always in the page, so a screen reader hears each change (a live region must exist before its text does).
  return (
    <div className="span-all" role="status" aria-live="polite" data-testid="freeze-issuing-bank"
      data-state={state} data-bank-id={found?.bank.id ?? ''}>
      {body && <p className={other ? 'field-error' : 'field-hint'}>{body}</p>}
    </div>
  );
}

/** A freeze or emergency stop to a bank: account, amount, legal document; prefilled from a clue or a fund trace. */
export function FreezeForm({ caseId, prefill }: { caseId: string; prefill: FreezePrefill }) {
  const t = useTranslations('requestForm');
  const tKind = useTranslations('requestKinds');
  const tRouting = useTranslations('bankRouting.wrongBank');
  const { request } = useAuth();
  const router = useRouter();
  const formatMoney = useFormatMoney();
  const { targets, error: targetsError } = useRequestTargets('FREEZE');
  const [bankAgencyId, setBankAgencyId] = useState('');
  const [kind, setKind] = useState<FreezeKindName>(prefill.kind);
  const [account, setAccount] = useState(prefill.account);
  const [bankName, setBankName] = useState(prefill.bank);
  const [amount, setAmount] = useState(prefill.amount);
  const [legalBasisDoc, setLegalBasisDoc] = useState('');
  const [urgency, setUrgency] = useState<UrgencyName>(prefill.urgency);
  const [asDraft, setAsDraft] = useState(false);
  const { errors, formError, busy, submit, clearField } = useFormSubmit();
  const sendFailure = useSendFailure((f) => SHOWN.has(f));
  const errorMessage = useErrorMessage();
  const agencyName = useAgencyName();
  const lookup = useIssuingBank(account);
  // The account whose issuing bank was last chosen for the sender: a later choice by hand stands until the account changes.
  const [routedFor, setRoutedFor] = useState<string | null>(null);
  const [wrongBank, setWrongBank] = useState<WrongBank | null>(null);

  // The issuing bank of the account as typed is the bank the freeze goes to: chosen, and said so (IssuerNote).
  useEffect(() => {
    if (lookup.status !== 'found' || lookup.account === routedFor) return;
    setRoutedFor(lookup.account);
    setBankAgencyId(lookup.issuer.bank.id);
    clearField('bankAgencyId');
  }, [lookup, routedFor, clearField]);

  /** A WRONG_BANK refusal becomes a sentence naming the right bank with a one-click "send to it instead"; others as before. */
  function failedAs(draft: boolean) {
    return (error: unknown) => {
      const bank = wrongBankOf(error);
      if (!bank) return sendFailure(error);
      setWrongBank({ ...bank, message: errorMessage(error), draft });
      return { fields: {}, message: null };
    };
  }

  // The bank of the payment trail, once the list of banks is there.
  useEffect(() => {
    if (!targets || bankAgencyId) return;
    const match = matchBank(prefill.bank, targets);
    if (match) setBankAgencyId(match.id);
  }, [targets, prefill.bank, bankAgencyId]);

  function validate(bank = bankAgencyId): Record<string, string> {
    const out: Record<string, string> = {};
    if (!bank) out.bankAgencyId = t('chooseTarget');
    if (!account.trim()) out.account = t('required');
    if (!amount.trim()) out.amount = t('required');
    else if (moneyProblem(amount) || /^0+(\.0+)?$/.test(amount.trim())) out.amount = t('badAmount');
    if (!legalBasisDoc.trim()) out.legalBasisDoc = t('required');
    else if (legalBasisDoc.trim().length > 100) out.legalBasisDoc = t('tooLong', { max: 100 });
    return out;
  }

  async function send(draft: boolean, bank = bankAgencyId): Promise<'leaving'> {
    const started = Date.now();
    const input = {
      caseId, bankAgencyId: bank, kind, account: account.trim(), bankName: bankName.trim() || null, amount: amount.trim(),
      legalBasisDoc: legalBasisDoc.trim(), urgency, sourceTransferId: prefill.sourceTransferId, draft,
    };
    const data = await request(SEND_FREEZE_REQUEST, { input });
    const sent = data.sendFreezeRequest;
    announceRequestsChanged();
    // The same case, account and kind again gives the live request instead of a second one.
    const existing = new Date(sent.createdAt).getTime() < started - 5_000;
    router.push(afterSend(sent.id, existing ? 'existing' : draft ? 'draft' : 'sent'));
    return 'leaving';
  }

  function run(event: FormEvent | MouseEvent, draft: boolean, bank = bankAgencyId) {
    setAsDraft(draft);
    setWrongBank(null);
    void submit(event as FormEvent, { validate: () => validate(bank), send: () => send(draft, bank), failed: failedAs(draft), invalidMessage: t('fixFields') });
  }

  /** The one-click fix of a WRONG_BANK refusal: the bank it named is chosen, and the same request goes to it. */
  function sendInstead(event: MouseEvent, fix: WrongBank) {
    setBankAgencyId(fix.id);
    clearField('bankAgencyId');
    run(event, fix.draft, fix.id);
  }

  function chooseBank(id: string) {
    setBankAgencyId(id);
    setWrongBank(null);
    clearField('bankAgencyId');
  }

  return (
    <form onSubmit={(e) => run(e, false)} onChange={clearOnEdit(clearField)} noValidate data-testid="freeze-form">
      {prefill.from && (
        <Alert tone="info" testId="freeze-prefill">
          {prefill.from === 'trace' ? t('freeze.fromTrace') : t('freeze.fromClue')}
        </Alert>
      )}
      {targetsError !== null && <Alert tone="error">{t('targetsFailed')}</Alert>}
      <section className="card">
        <h2>{t('freeze.whatTitle')}</h2>
        <RadioCards<FreezeKindName> legend={t('freeze.kind')} name="kind" value={kind} onChange={setKind} error={errors.kind}
          options={FREEZE_KINDS.map((k) => ({ value: k, label: tKind(k), help: t(`freeze.kindHelp.${k}`) }))} />
        <div className="form-grid">
          <TargetSelect type="FREEZE" name="bankAgencyId" value={bankAgencyId} onChange={chooseBank} targets={targets}
            error={errors.bankAgencyId} testId="freeze-bank-agency" />
          <Field label={t('freeze.bankName')} name="bankName" value={bankName} onChange={(e) => setBankName(e.target.value)}
            error={errors.bankName} hint={t('freeze.bankNameHint')} />
          <Field label={t('freeze.account')} name="account" value={account} onChange={(e) => setAccount(e.target.value)}
            error={errors.account} className="mono" autoComplete="off" />
          <IssuerNote lookup={lookup} bankAgencyId={bankAgencyId} onChoose={chooseBank} />
          <Field label={t('freeze.amount')} name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)}
            error={errors.amount} hint={!moneyProblem(amount) && amount.trim() ? formatMoney(amount.trim()) : t('amountHint')} />
        </div>
      </section>
      <section className="card">
        <h2>{t('basisTitle')}</h2>
        <div className="form-grid">
          <Field label={t('legalBasisDoc')} name="legalBasisDoc" value={legalBasisDoc} onChange={(e) => setLegalBasisDoc(e.target.value)}
            error={errors.legalBasisDoc} placeholder={t('freeze.legalBasisDocPlaceholder')} hint={t('legalBasisDocHint')} autoComplete="off" />
        </div>
        <UrgencyChoice value={urgency} onChange={setUrgency} error={errors.urgency} />
        <DeadlineHint type="FREEZE" kind={kind} urgency={urgency} />
      </section>
      {wrongBank && (
        <Alert tone="error" testId="freeze-wrong-bank">
          <span data-testid="freeze-wrong-bank-text">{wrongBank.message}</span>{' '}
          <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={(e) => sendInstead(e, wrongBank)}
            data-testid="freeze-send-instead" data-bank-id={wrongBank.id}>
            {tRouting(wrongBank.draft ? 'draftInstead' : 'sendInstead', { bank: agencyName(wrongBank) })}
          </button>
        </Alert>
      )}
      <FormAlert message={formError} />
      <SendBar busy={busy} caseId={caseId} draftBusy={busy && asDraft} onDraft={(e) => run(e, true)} />
    </form>
  );
}
