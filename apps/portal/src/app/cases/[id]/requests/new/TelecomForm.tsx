'use client';

import type { IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type MouseEvent } from 'react';
import { Alert } from '../../../../../components/Alert';
import { Field } from '../../../../../components/Field';
import { SelectField } from '../../../../../components/Fields';
import { useAuth } from '../../../../../lib/auth';
import { useFormSubmit } from '../../../../../lib/forms';
import { announceRequestsChanged, TELECOM_KINDS, TELECOM_TARGET_KINDS, telecomKindFor } from '../../../../../lib/requests';
import type { TelecomKindName, UrgencyName } from '../../../../../lib/types';
import { clearOnEdit, DeadlineHint, FormAlert, RadioCards, SendBar, TargetSelect, UrgencyChoice, useRequestTargets, useSendFailure } from '../../../../../components/requests/FormParts';
import { afterSend } from './FreezeForm';
import { graphql } from '../../../../../gql';
import type { IdentifierFieldsFragment as Identifier } from '../../../../../gql/graphql';

const SEND_TELECOM_REQUEST = graphql(`mutation SendTelecomRequest($input: SendTelecomRequestInput!) { sendTelecomRequest(input: $input) { ...RequestSummary } }`);

export interface TelecomPrefill {
  targetKind: IdentifierKind;
  targetValue: string;
}

const SHOWN = new Set(['telecomAgencyId', 'kind', 'targetKind', 'targetValue', 'legalBasisDoc', 'urgency']);

/** A subscriber look-up, number suspension or URL/domain block to a telecom; prefilled from a clue. */
export function TelecomForm({ caseId, prefill, identifiers }: { caseId: string; prefill: TelecomPrefill; identifiers: Identifier[] }) {
  const t = useTranslations('requestForm');
  const tKind = useTranslations('requestKinds');
  const tIdKind = useTranslations('identifierKinds');
  const { request } = useAuth();
  const router = useRouter();
  const { targets, error: targetsError } = useRequestTargets('TELECOM');
  const [telecomAgencyId, setTelecomAgencyId] = useState('');
  const [kind, setKind] = useState<TelecomKindName>(telecomKindFor(prefill.targetKind));
  const [targetKind, setTargetKind] = useState<IdentifierKind>(prefill.targetKind);
  const [targetValue, setTargetValue] = useState(prefill.targetValue);
  const [legalBasisDoc, setLegalBasisDoc] = useState('');
  const [urgency, setUrgency] = useState<UrgencyName>('URGENT');
  const [asDraft, setAsDraft] = useState(false);
  const { errors, formError, busy, submit, clearField } = useFormSubmit();
  const failed = useSendFailure((f) => SHOWN.has(f));
  // The case's clues of the chosen kind, offered while typing the target.
  const suggestions = identifiers.filter((i) => i.kind === targetKind);

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!telecomAgencyId) out.telecomAgencyId = t('chooseTarget');
    if (!targetValue.trim()) out.targetValue = t('required');
    if (!legalBasisDoc.trim()) out.legalBasisDoc = t('required');
    else if (legalBasisDoc.trim().length > 100) out.legalBasisDoc = t('tooLong', { max: 100 });
    return out;
  }

  async function send(draft: boolean): Promise<'leaving'> {
    const input = { caseId, telecomAgencyId, kind, targetKind, targetValue: targetValue.trim(), legalBasisDoc: legalBasisDoc.trim(), urgency, draft };
    const data = await request(SEND_TELECOM_REQUEST, { input });
    announceRequestsChanged();
    router.push(afterSend(data.sendTelecomRequest.id, draft ? 'draft' : 'sent'));
    return 'leaving';
  }

  function run(event: FormEvent | MouseEvent, draft: boolean) {
    setAsDraft(draft);
    void submit(event as FormEvent, { validate, send: () => send(draft), failed, invalidMessage: t('fixFields') });
  }

  return (
    <form onSubmit={(e) => run(e, false)} onChange={clearOnEdit(clearField)} noValidate data-testid="telecom-form">
      {targetsError !== null && <Alert tone="error">{t('targetsFailed')}</Alert>}
      <section className="card">
        <h2>{t('telecom.whatTitle')}</h2>
        <RadioCards<TelecomKindName> legend={t('telecom.kind')} name="kind" value={kind} onChange={setKind} error={errors.kind} columns={3}
          options={TELECOM_KINDS.map((k) => ({ value: k, label: tKind(k), help: t(`telecom.kindHelp.${k}`) }))} />
        <div className="form-grid">
          <TargetSelect type="TELECOM" name="telecomAgencyId" value={telecomAgencyId} onChange={setTelecomAgencyId} targets={targets}
            error={errors.telecomAgencyId} testId="telecom-agency" />
          <SelectField label={t('telecom.targetKind')} name="targetKind" value={targetKind}
            onChange={(e) => setTargetKind(e.target.value as IdentifierKind)} error={errors.targetKind}>
            {TELECOM_TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {tIdKind(k)}
              </option>
            ))}
          </SelectField>
          <Field label={t('telecom.targetValue')} name="targetValue" value={targetValue} onChange={(e) => setTargetValue(e.target.value)}
            error={errors.targetValue} list="telecom-target-suggestions" autoComplete="off"
            hint={suggestions.length ? t('telecom.fromClues', { count: suggestions.length }) : undefined} />
          <datalist id="telecom-target-suggestions">
            {suggestions.map((i) => (
              <option key={i.id} value={i.canonical} />
            ))}
          </datalist>
        </div>
      </section>
      <section className="card">
        <h2>{t('basisTitle')}</h2>
        <div className="form-grid">
          <Field label={t('legalBasisDoc')} name="legalBasisDoc" value={legalBasisDoc} onChange={(e) => setLegalBasisDoc(e.target.value)}
            error={errors.legalBasisDoc} placeholder={t('telecom.legalBasisDocPlaceholder')} hint={t('legalBasisDocHint')} autoComplete="off" />
        </div>
        <UrgencyChoice value={urgency} onChange={setUrgency} error={errors.urgency} />
        <DeadlineHint type="TELECOM" kind={kind} urgency={urgency} />
      </section>
      <FormAlert message={formError} />
      <SendBar busy={busy} caseId={caseId} draftBusy={busy && asDraft} onDraft={(e) => run(e, true)} />
    </form>
  );
}
