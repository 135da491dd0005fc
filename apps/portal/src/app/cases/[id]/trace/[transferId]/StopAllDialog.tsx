'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../../../components/Alert';
import { Field } from '../../../../../components/Field';
import { useAuth } from '../../../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../../../lib/errors';
import { useAgencyName } from '../../../../../lib/format';
import { SEND_EMERGENCY_STOPS, type FreezeBatch } from '../../../../../lib/freeze-batches';
import { sumAmounts, useFormatMoney } from '../../../../../lib/money';
import { FREEZABLE_KINDS } from '../../../../../lib/requests';
import type { FundNodeFragment } from '../../../../../gql/graphql';
import styles from '../../../../../components/emergency-stops/emergency-stops.module.css';

/** What sendEmergencyStops will do with a last-seen account, as far as the page can tell before sending. */
export type StopPlan = 'SEND' | 'ALREADY_LIVE' | 'UNKNOWN_BANK' | 'NOT_A_BANK_ACCOUNT';

const PLAN_TONE: Record<StopPlan, string> = { SEND: 'tone-waiting', ALREADY_LIVE: 'tone-ended', UNKNOWN_BANK: 'tone-partial', NOT_A_BANK_ACCOUNT: 'tone-partial' };

export function planOf(node: FundNodeFragment, live: boolean): StopPlan {
  if (!FREEZABLE_KINDS.includes(node.kind)) return 'NOT_A_BANK_ACCOUNT';
  if (live) return 'ALREADY_LIVE';
  return node.issuingBank ? 'SEND' : 'UNKNOWN_BANK';
}

/** A key made once per action: a retry of the same action (a dropped answer) answers the batch already sent. */
function newClientKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Props {
  caseId: string;
  caseNumber: string | null;
  /** The trace as shown: its transfer and hops, or the background run it came from. */
  trace: { transferId: string; maxHops: number; fundTraceRunId: string | null };
  lastSeen: FundNodeFragment[];
  isLive(accountId: string): boolean;
  onClose(): void;
  onSent(batch: FreezeBatch): void;
}

/**
 * The confirmation of "stop all last-seen accounts": every account with its issuing bank and the money last seen
 * there, what will happen to it, and the legal document every stop carries; one click sends them all as one batch.
 */
export function StopAllDialog({ caseNumber, trace, lastSeen, isLive, onClose, onSent }: Props) {
  const t = useTranslations('emergencyStops');
  const tKind = useTranslations('identifierKinds');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const agencyName = useAgencyName();
  const formatMoney = useFormatMoney();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();
  const [clientKey] = useState(newClientKey);
  const [legalBasisDoc, setLegalBasisDoc] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const rows = lastSeen.map((n) => ({ node: n, plan: planOf(n, isLive(n.id)) }));
  const toSend = rows.filter((r) => r.plan === 'SEND');
  const banks = new Set(toSend.map((r) => r.node.issuingBank?.bank.id));
  const total = sumAmounts(toSend.map((r) => r.node.amountHeld));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (!legalBasisDoc.trim()) {
      setErrors({ legalBasisDoc: t('required') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const input = trace.fundTraceRunId
        ? { fundTraceRunId: trace.fundTraceRunId, clientKey, legalBasisDoc: legalBasisDoc.trim() }
        : { transferId: trace.transferId, maxHops: trace.maxHops, clientKey, legalBasisDoc: legalBasisDoc.trim() };
      const data = await request(SEND_EMERGENCY_STOPS, { input });
      onSent(data.sendEmergencyStops);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(fields);
      if (!fields.legalBasisDoc || Object.keys(fields).length > 1) setFormError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className={`dialog ${styles.dialog}`} aria-labelledby={titleId} aria-describedby={introId} data-testid="stop-all-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('confirmTitle')}</h2>
        <p id={introId} className="muted small">
          {caseNumber && <span className="mono">{caseNumber} · </span>}
          {toSend.length > 0 ? t('confirmIntro', { count: toSend.length, banks: banks.size, amount: formatMoney(total) }) : t('confirmIntroNone')}
        </p>
        <div className="table-scroll">
          <table className="table table-compact" data-testid="stop-all-table">
            <caption className="visually-hidden">{t('confirmTableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account')}</th>
                <th scope="col">{t('issuingBank')}</th>
                <th scope="col" className="num">{t('amount')}</th>
                <th scope="col">{t('whatHappens')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ node, plan }) => (
                <tr key={node.id} data-testid="stop-all-row" data-account={node.id} data-plan={plan}>
                  <td>
                    <span className="mono">{node.label}</span>
                    <span className={styles.sub}>{tKind(node.kind)}</span>
                  </td>
                  <td data-testid="stop-all-bank">
                    {node.issuingBank ? (
                      <>
                        {agencyName(node.issuingBank.bank)}
                        <span className={styles.sub}>{t('prefix', { prefix: node.issuingBank.prefix })}</span>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num nowrap">{formatMoney(node.amountHeld)}</td>
                  <td>
                    <span className={`${styles.tone} ${styles[PLAN_TONE[plan]]}`}>
                      {t(`plan.${plan}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Field label={t('legalBasisDoc')} name="legalBasisDoc" value={legalBasisDoc} onChange={(e) => setLegalBasisDoc(e.target.value)}
          error={errors.legalBasisDoc} hint={t('legalBasisDocHint')} autoComplete="off" maxLength={200} data-testid="stop-all-legal-basis" />
        <p className="muted small">{t('urgentNote')}</p>
        {formError && <Alert tone="error" testId="stop-all-error">{formError}</Alert>}
        <div className="actions dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy} data-testid="stop-all-cancel">
            {tc('cancel')}
          </button>
          <button type="submit" className={`btn ${styles.stopAll}`} disabled={busy || toSend.length === 0} data-testid="stop-all-confirm">
            {busy ? t('sending') : t('confirmSend', { count: toSend.length })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
