'use client';

import { AgencyKind, FraudType, IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { CheckGroup } from '../../../components/CheckGroup';
import { Field } from '../../../components/Field';
import { SelectField, TextAreaField } from '../../../components/Fields';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useAgencyName } from '../../../lib/format';
import type { AgencyRef } from '../../../components/AgencyBadge';
import type { User } from '../../../lib/auth';
import type { HandlingCode } from '../../../components/HandlingBanner';
import { AGENCY_KINDS, BULLETIN_RECIPIENT_AGENCIES, FRAUD_TYPES, IDENTIFIER_KINDS, PUBLISH_BULLETIN } from '../../../components/bulletins/shared';
import styles from '../../../components/bulletins/bulletins.module.css';

interface IdRow {
  key: number;
  kind: IdentifierKind;
  value: string;
}

const HANDLING_KEYS = ['mayPassOn', 'mayUseInCourt', 'mustAskBeforeActing'] as const;
const TITLE_MAX = 200;
const BODY_MAX = 20_000;

/** Publish a bulletin: text, fraud type, handling code, recipients (kinds and chosen agencies) and identifiers to watch. */
export function PublishForm({ user }: { user: User }) {
  const t = useTranslations('bulletins');
  const tc = useTranslations('common');
  const tFraud = useTranslations('fraudTypes');
  const tKind = useTranslations('kinds');
  const tId = useTranslations('identifierKinds');
  const th = useTranslations('bulletins.handlingCode');
  const { request } = useAuth();
  const router = useRouter();
  const agencyName = useAgencyName();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const nextKey = useRef(1);
  const [agencies, setAgencies] = useState<AgencyRef[] | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [fraudType, setFraudType] = useState<FraudType>(FraudType.INVESTMENT);
  const [handling, setHandling] = useState<HandlingCode>({ mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true });
  const [kinds, setKinds] = useState<AgencyKind[]>([]);
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [rows, setRows] = useState<IdRow[]>([{ key: 0, kind: IdentifierKind.BANK_CARD, value: '' }]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    request(BULLETIN_RECIPIENT_AGENCIES)
      .then((d) => live && setAgencies(d.bulletinRecipientAgencies.filter((a) => a.id !== user.agency.id)))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [request, user.agency.id]);

  // Agencies of a kind already checked are addressed anyway; the picker offers the others.
  const pickable = useMemo(() => (agencies ?? []).filter((a) => !kinds.includes(a.kind)), [agencies, kinds]);
  const server = fieldErrorsOf(error);
  const errors = { ...server, ...local };
  const errorOf = (field: string) => errors[field];

  function toggle<V extends string>(set: (f: (s: V[]) => V[]) => void) {
    return (v: string) => set((s) => (s.includes(v as V) ? s.filter((x) => x !== v) : [...s, v as V]));
  }
  function setRow(key: number, patch: Partial<IdRow>) {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!title.trim()) out.title = t('required');
    else if (title.trim().length > TITLE_MAX) out.title = t('tooLong', { max: TITLE_MAX });
    if (!body.trim()) out.body = t('required');
    else if (body.trim().length > BODY_MAX) out.body = t('tooLong', { max: BODY_MAX });
    if (kinds.length === 0 && agencyIds.filter((id) => pickable.some((a) => a.id === id)).length === 0) out.recipientKinds = t('chooseRecipients');
    rows.forEach((r, i) => {
      if (!r.value.trim()) out[`identifiers.${i}.value`] = t('required');
    });
    return out;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = validate();
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const input = {
        title: title.trim(), body: body.trim(), fraudType, handling, recipientKinds: kinds,
        recipientAgencyIds: agencyIds.filter((id) => pickable.some((a) => a.id === id)),
        identifiers: rows.map((r) => ({ kind: r.kind, value: r.value.trim() })),
      };
      const data = await request(PUBLISH_BULLETIN, { input });
      router.push(`/bulletins/${data.publishBulletin.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <div className="wide-page" data-testid="bulletin-publish-page">
      <Link href="/bulletins" className="back-link">
        ← {t('backToList')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{t('newTitle')}</h1>
          <p className="muted">{t('newIntro')}</p>
        </div>
      </div>
      <section className="card table-card">
        <form className={styles.form} onSubmit={onSubmit} noValidate data-testid="bulletin-form">
          <div className={styles.wide}>
            <Field label={t('title')} name="title" value={title} maxLength={TITLE_MAX} onChange={(e) => setTitle(e.target.value)} error={errorOf('title')}
              data-testid="bulletin-title-input" />
          </div>
          <div className={styles.wide}>
            <TextAreaField label={t('body')} name="body" value={body} rows={8} onChange={(e) => setBody(e.target.value)} error={errorOf('body')}
              hint={t('bodyHint')} data-testid="bulletin-body-input" />
          </div>
          <SelectField label={t('fraudType')} name="fraudType" value={fraudType} onChange={(e) => setFraudType(e.target.value as FraudType)} error={errorOf('fraudType')}
            data-testid="bulletin-fraud-type-input">
            {FRAUD_TYPES.map((f) => (
              <option key={f} value={f}>
                {tFraud(f)}
              </option>
            ))}
          </SelectField>
          <fieldset className="field" data-testid="bulletin-handling">
            <legend>{t('handling')}</legend>
            <div className="checks handling-checks">
              {HANDLING_KEYS.map((k) => (
                <label key={k} className="check">
                  <input type="checkbox" checked={handling[k]} onChange={(e) => setHandling((h) => ({ ...h, [k]: e.target.checked }))} data-testid={`bulletin-handling-${k}`} />
                  {th(`${k}.label`)}
                </label>
              ))}
            </div>
          </fieldset>

          <CheckGroup
            legend={t('recipientKinds')} name="recipientKinds" className={styles.wide} hint={t('recipientKindsHint')}
            options={AGENCY_KINDS.map((k) => ({ value: k, label: t('allOfKind', { kind: k }) }))} selected={kinds} onToggle={toggle(setKinds)}
            error={errorOf('recipientKinds')} testId="bulletin-recipient-kinds"
          />
          <CheckGroup
            legend={t('recipientAgencies')} name="recipientAgencyIds" className={styles.wide} checksClassName={styles.agencyChecks}
            hint={agencies === null ? tc('loading') : kinds.length > 0 ? t('recipientAgenciesHintKinds') : t('recipientAgenciesHint')}
            options={pickable.map((a) => ({ value: a.id, label: `${agencyName(a)} · ${tKind(a.kind)}` }))} selected={agencyIds} onToggle={toggle(setAgencyIds)}
            error={Object.entries(errors).find(([k]) => k.startsWith('recipientAgencyIds'))?.[1]} testId="bulletin-recipient-agencies"
          />

          <fieldset className={`field ${styles.wide}`} data-testid="bulletin-identifiers-input">
            <legend>{t('identifiersTitle')}</legend>
            <div className="field-hint">{t('identifiersHint')}</div>
            {rows.map((r, i) => (
              <div key={r.key} className={styles.idRow} data-testid="bulletin-identifier-row">
                <SelectField label={t('identifierKind')} name={`identifiers.${i}.kind`} value={r.kind} onChange={(e) => setRow(r.key, { kind: e.target.value as IdentifierKind })}
                  error={errorOf(`identifiers.${i}.kind`)} data-testid="bulletin-identifier-kind">
                  {IDENTIFIER_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {tId(k)}
                    </option>
                  ))}
                </SelectField>
                <Field label={t('identifierValue')} name={`identifiers.${i}.value`} value={r.value} onChange={(e) => setRow(r.key, { value: e.target.value })}
                  error={errorOf(`identifiers.${i}.value`)} data-testid="bulletin-identifier-value" />
                <div className="row-remove">
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    data-testid="bulletin-identifier-remove">
                    {t('remove')}
                  </button>
                </div>
              </div>
            ))}
            <div className="row-actions">
              <button type="button" className="btn btn-small" onClick={() => setRows((rs) => [...rs, { key: nextKey.current++, kind: IdentifierKind.PHONE, value: '' }])}
                data-testid="bulletin-identifier-add">
                {t('addIdentifier')}
              </button>
            </div>
          </fieldset>

          {error !== null && (
            <div className={styles.wide}>
              <Alert tone="error" testId="bulletin-form-error">
                {errorMessage(error)}
              </Alert>
            </div>
          )}
          <div className={`actions ${styles.wide}`}>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="bulletin-publish">
              {busy ? t('publishing') : t('publish')}
            </button>
            <Link href="/bulletins" className="btn">
              {tc('cancel')}
            </Link>
          </div>
        </form>
      </section>
    </div>
  );
}
