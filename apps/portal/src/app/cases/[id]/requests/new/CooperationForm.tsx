'use client';

import { IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { Alert } from '../../../../../components/Alert';
import { Field } from '../../../../../components/Field';
import { SelectField, TextAreaField } from '../../../../../components/Fields';
import { useAuth } from '../../../../../lib/auth';
import { useFormatBytes } from '../../../../../lib/files';
import { useFormSubmit } from '../../../../../lib/forms';
import { announceRequestsChanged, COOPERATION_KINDS, LEGAL_BASES } from '../../../../../lib/requests';
import type { CooperationKindName, LegalBasisName, UrgencyName } from '../../../../../lib/types';
import { clearOnEdit, DeadlineHint, FormAlert, SendBar, TargetSelect, UrgencyChoice, useRequestTargets, useSendFailure } from '../../../../../components/requests/FormParts';
import { afterSend } from './FreezeForm';
import { graphql } from '../../../../../gql';
import type { HandlingCode } from '../../../../../components/HandlingBanner';
import type { AttachmentFieldsFragment as Attachment, StatementFieldsFragment as VictimStatement } from '../../../../../gql/graphql';

const SEND_COOPERATION_REQUEST = graphql(`mutation SendCooperationRequest($input: SendCooperationRequestInput!) { sendCooperationRequest(input: $input) { ...RequestSummary } }`);

interface IdRow {
  key: number;
  kind: IdentifierKind;
  value: string;
}

interface SubjectRow {
  key: number;
  name: string;
  note: string;
  identifiers: IdRow[];
}

/** Restrictive by default, as when sharing a case: the sender opens up what the partner may do. */
const DEFAULT_HANDLING: HandlingCode = { mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true };
const HANDLING_KEYS = ['mayPassOn', 'mayUseInCourt', 'mustAskBeforeActing'] as const;
const SUMMARY_MAX = 4000;

const TOP_FIELDS = new Set(['partnerAgencyId', 'kind', 'legalBasis', 'legalBasisDoc', 'summary', 'urgency']);

/**
 * A cooperation request to a foreign partner: kind, legal basis, a summary, the people concerned with their
 * identifiers, and evidence files chosen from the case, each with its handling code.
 */
export function CooperationForm({ caseId, attachments, statements }: { caseId: string; attachments: Attachment[]; statements: VictimStatement[] }) {
  const t = useTranslations('requestForm');
  const tKind = useTranslations('requestKinds');
  const tBasis = useTranslations('legalBases');
  const tIdKind = useTranslations('identifierKinds');
  const th = useTranslations('case.handling');
  const { request } = useAuth();
  const router = useRouter();
  const formatBytes = useFormatBytes();
  const { targets, error: targetsError } = useRequestTargets('COOPERATION');
  const nextKey = useRef(1);
  const [partnerAgencyId, setPartnerAgencyId] = useState('');
  const [kind, setKind] = useState<CooperationKindName>('INVESTIGATIVE_ASSISTANCE');
  const [legalBasis, setLegalBasis] = useState<LegalBasisName>('MUTUAL_LEGAL_ASSISTANCE');
  const [legalBasisDoc, setLegalBasisDoc] = useState('');
  const [summary, setSummary] = useState('');
  const [subjects, setSubjects] = useState<SubjectRow[]>([]);
  const [chosen, setChosen] = useState<Record<string, HandlingCode>>({});
  const [urgency, setUrgency] = useState<UrgencyName>('NORMAL');
  const [asDraft, setAsDraft] = useState(false);
  const { errors, setErrors, formError, busy, submit, clearField } = useFormSubmit();
  // Attachments go out in evidence order; a server error names them by that index.
  const chosenList = attachments.filter((a) => chosen[a.id]);
  const failed = useSendFailure((f) => TOP_FIELDS.has(f) || f.startsWith('subjects.') || f.startsWith('attachments.'));
  const key = () => nextKey.current++;
  const statementNumber = (id: string | null) => (id ? statements.findIndex((s) => s.id === id) + 1 : 0);

  function clearRowErrors(prefix: string) {
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix))));
  }
  function addSubject() {
    setSubjects((rows) => [...rows, { key: key(), name: '', note: '', identifiers: [] }]);
  }
  function setSubject(k: number, patch: Partial<Omit<SubjectRow, 'key'>>) {
    setSubjects((rows) => rows.map((r) => (r.key === k ? { ...r, ...patch } : r)));
  }
  function removeSubject(k: number) {
    setSubjects((rows) => rows.filter((r) => r.key !== k));
    clearRowErrors('subjects.');
  }
  function addId(k: number) {
    setSubjects((rows) => rows.map((r) => (r.key === k ? { ...r, identifiers: [...r.identifiers, { key: key(), kind: IdentifierKind.PHONE, value: '' }] } : r)));
  }
  function setId(k: number, idKey: number, patch: Partial<Omit<IdRow, 'key'>>) {
    setSubjects((rows) =>
      rows.map((r) => (r.key === k ? { ...r, identifiers: r.identifiers.map((i) => (i.key === idKey ? { ...i, ...patch } : i)) } : r)),
    );
  }
  function removeId(k: number, idKey: number) {
    setSubjects((rows) => rows.map((r) => (r.key === k ? { ...r, identifiers: r.identifiers.filter((i) => i.key !== idKey) } : r)));
    clearRowErrors('subjects.');
  }
  function toggleAttachment(id: string) {
    setChosen((c) => {
      const next = { ...c };
      if (next[id]) delete next[id];
      else next[id] = { ...DEFAULT_HANDLING };
      return next;
    });
    clearRowErrors('attachments.');
  }
  function setHandling(id: string, name: keyof HandlingCode, value: boolean) {
    setChosen((c) => ({ ...c, [id]: { ...c[id], [name]: value } }));
  }

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!partnerAgencyId) out.partnerAgencyId = t('chooseTarget');
    if (!summary.trim()) out.summary = t('required');
    else if (summary.trim().length > SUMMARY_MAX) out.summary = t('tooLong', { max: SUMMARY_MAX });
    if (legalBasisDoc.trim().length > 100) out.legalBasisDoc = t('tooLong', { max: 100 });
    subjects.forEach((s, i) => {
      if (!s.name.trim()) out[`subjects.${i}.name`] = t('required');
      s.identifiers.forEach((id, j) => {
        if (!id.value.trim()) out[`subjects.${i}.identifiers.${j}.value`] = t('required');
      });
    });
    return out;
  }

  async function send(draft: boolean): Promise<'leaving'> {
    const input = {
      caseId, partnerAgencyId, kind, legalBasis, legalBasisDoc: legalBasisDoc.trim() || null, summary: summary.trim(), urgency, draft,
      subjects: subjects.map((s) => ({
        name: s.name.trim(), note: s.note.trim() || null,
        identifiers: s.identifiers.map((i) => ({ kind: i.kind, value: i.value.trim() })),
      })),
      attachments: chosenList.map((a) => ({ attachmentId: a.id, ...chosen[a.id] })),
    };
    const data = await request(SEND_COOPERATION_REQUEST, { input });
    announceRequestsChanged();
    router.push(afterSend(data.sendCooperationRequest.id, draft ? 'draft' : 'sent'));
    return 'leaving';
  }

  function run(event: FormEvent | MouseEvent, draft: boolean) {
    setAsDraft(draft);
    void submit(event as FormEvent, { validate, send: () => send(draft), failed, invalidMessage: t('fixFields') });
  }

  return (
    <form onSubmit={(e) => run(e, false)} onChange={clearOnEdit(clearField)} noValidate data-testid="cooperation-form">
      {targetsError !== null && <Alert tone="error">{t('targetsFailed')}</Alert>}
      <section className="card">
        <h2>{t('cooperation.whatTitle')}</h2>
        <div className="form-grid">
          <TargetSelect type="COOPERATION" name="partnerAgencyId" value={partnerAgencyId} onChange={setPartnerAgencyId} targets={targets}
            error={errors.partnerAgencyId} testId="partner-agency" />
          <SelectField label={t('cooperation.kind')} name="kind" value={kind} onChange={(e) => setKind(e.target.value as CooperationKindName)}
            error={errors.kind}>
            {COOPERATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {tKind(k)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('cooperation.legalBasis')} name="legalBasis" value={legalBasis}
            onChange={(e) => setLegalBasis(e.target.value as LegalBasisName)} error={errors.legalBasis}>
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {tBasis(b)}
              </option>
            ))}
          </SelectField>
          <Field label={t('cooperation.legalBasisDoc')} name="legalBasisDoc" value={legalBasisDoc}
            onChange={(e) => setLegalBasisDoc(e.target.value)} error={errors.legalBasisDoc} hint={t('cooperation.legalBasisDocHint')}
            autoComplete="off" />
          <div className="span-all">
            <TextAreaField label={t('cooperation.summary')} name="summary" value={summary} rows={6} maxLength={SUMMARY_MAX}
              onChange={(e) => setSummary(e.target.value)} error={errors.summary}
              hint={t('cooperation.summaryHint', { used: summary.trim().length, max: SUMMARY_MAX })} />
          </div>
        </div>
        <UrgencyChoice value={urgency} onChange={setUrgency} error={errors.urgency} />
        <DeadlineHint type="COOPERATION" kind={kind} urgency={urgency} />
      </section>

      <section className="card" data-testid="subjects">
        <div className="section-head">
          <h2>
            {t('cooperation.subjects')} <span className="count">{subjects.length}</span>
          </h2>
          <span className="muted small">{t('cooperation.subjectsIntro')}</span>
        </div>
        {subjects.map((s, i) => (
          <fieldset key={s.key} className="subject-row" data-testid="subject-row">
            <legend>{t('cooperation.subjectN', { n: i + 1 })}</legend>
            <div className="form-grid">
              <Field label={t('cooperation.subjectName')} name={`subjects.${i}.name`} value={s.name}
                onChange={(e) => setSubject(s.key, { name: e.target.value })} error={errors[`subjects.${i}.name`]} />
              <Field label={t('cooperation.subjectNote')} name={`subjects.${i}.note`} value={s.note}
                onChange={(e) => setSubject(s.key, { note: e.target.value })} error={errors[`subjects.${i}.note`]} />
            </div>
            {s.identifiers.map((id, j) => (
              <div key={id.key} className="subject-id-row" data-testid="subject-identifier-row">
                <SelectField label={t('cooperation.idKind')} name={`subjects.${i}.identifiers.${j}.kind`} value={id.kind}
                  onChange={(e) => setId(s.key, id.key, { kind: e.target.value as IdentifierKind })} error={errors[`subjects.${i}.identifiers.${j}.kind`]}>
                  {Object.values(IdentifierKind).map((k) => (
                    <option key={k} value={k}>
                      {tIdKind(k)}
                    </option>
                  ))}
                </SelectField>
                <Field label={t('cooperation.idValue')} name={`subjects.${i}.identifiers.${j}.value`} value={id.value}
                  onChange={(e) => setId(s.key, id.key, { value: e.target.value })} error={errors[`subjects.${i}.identifiers.${j}.value`]} />
                <div className="row-remove">
                  <button type="button" className="btn btn-small btn-danger" onClick={() => removeId(s.key, id.key)} data-testid="remove-subject-identifier">
                    {t('remove')}
                  </button>
                </div>
              </div>
            ))}
            <div className="row-actions">
              <button type="button" className="btn btn-small" onClick={() => addId(s.key)} data-testid="add-subject-identifier">
                + {t('cooperation.addIdentifier')}
              </button>
              <button type="button" className="btn btn-small btn-danger" onClick={() => removeSubject(s.key)} data-testid="remove-subject">
                {t('cooperation.removeSubject')}
              </button>
            </div>
          </fieldset>
        ))}
        <button type="button" className="btn" onClick={addSubject} data-testid="add-subject">
          + {t('cooperation.addSubject')}
        </button>
      </section>

      <section className="card" data-testid="cooperation-attachments">
        <div className="section-head">
          <h2>
            {t('cooperation.attachments')} <span className="count" data-testid="chosen-attachments-count">{chosenList.length}</span>
          </h2>
          <span className="muted small">{t('cooperation.attachmentsIntro')}</span>
        </div>
        {attachments.length === 0 ? (
          <p className="muted">{t('cooperation.noEvidence')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('cooperation.include')}</th>
                  <th>{t('cooperation.fileName')}</th>
                  <th className="num">{t('cooperation.size')}</th>
                  <th>{t('cooperation.handling')}</th>
                </tr>
              </thead>
              <tbody>
                {attachments.map((a) => {
                  const h = chosen[a.id];
                  const index = chosenList.findIndex((c) => c.id === a.id);
                  const rowError = index >= 0 ? Object.entries(errors).find(([k]) => k.startsWith(`attachments.${index}.`))?.[1] : undefined;
                  return (
                    <tr key={a.id} data-testid="cooperation-attachment-row" data-attachment-id={a.id} className={h ? 'row-current' : undefined}>
                      <td>
                        <input type="checkbox" checked={!!h} onChange={() => toggleAttachment(a.id)} aria-label={t('cooperation.includeFile', { name: a.fileName })}
                          data-testid="attachment-include" />
                      </td>
                      <td className="file-cell">
                        <span className="file-name">{a.fileName}</span>
                        {statementNumber(a.statementId) > 0 && (
                          <span className="muted small"> · {t('cooperation.forStatement', { n: statementNumber(a.statementId) })}</span>
                        )}
                        {rowError && <div className="field-error" data-testid={`error-attachments.${index}`}>{rowError}</div>}
                      </td>
                      <td className="num nowrap">{formatBytes(a.sizeBytes)}</td>
                      <td>
                        {h ? (
                          <div className="checks handling-checks">
                            {HANDLING_KEYS.map((k) => (
                              <label key={k} className="check">
                                <input type="checkbox" checked={h[k]} onChange={(e) => setHandling(a.id, k, e.target.checked)} data-testid={`handling-${k}`} />
                                {th(`${k}.label`)}
                              </label>
                            ))}
                          </div>
                        ) : (
                          <span className="muted small">{t('cooperation.notIncluded')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <FormAlert message={formError} />
      <SendBar busy={busy} caseId={caseId} draftBusy={busy && asDraft} onDraft={(e) => run(e, true)} />
    </form>
  );
}
