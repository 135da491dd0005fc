'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useFieldErrors } from '../../../lib/errors';
import { useFormatDateTime } from '../../../lib/format';
import styles from './retention.module.css';
import { graphql } from '../../../gql';
import type { LegalHoldFieldsFragment } from '../../../gql/graphql';
import type { User } from '../../../lib/auth';
import type { CaseDetail } from '../../../lib/cases';
import { canSetLegalHold } from '../../../lib/access';

type LegalHold = LegalHoldFieldsFragment;

/** Set by a police supervisor of the owning agency (issue 13): keeps the case's material from every retention purge. */
graphql(`fragment LegalHoldFields on LegalHold { caseId reason setAt setByEmail }`);
const SET_LEGAL_HOLD = graphql(`mutation SetLegalHold($input: SetLegalHoldInput!) { setLegalHold(input: $input) { ...LegalHoldFields } }`);
const RELEASE_LEGAL_HOLD = graphql(`mutation ReleaseLegalHold($caseId: ID!) { releaseLegalHold(caseId: $caseId) }`);

const REASON_MAX = 500;

/** The badge: "Legal hold / 法律保全". */
export function LegalHoldBadge() {
  const t = useTranslations('retention.legalHold');
  return (
    <span className={styles.holdBadge} data-testid="legal-hold-badge">
      <span aria-hidden="true">⚖</span>
      {t('badge')}
    </span>
  );
}

function PlaceHoldForm({ caseId, onPlaced, onCancel }: { caseId: string; onPlaced(hold: LegalHold): void; onCancel(): void }) {
  const t = useTranslations('retention.legalHold');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => area.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setFieldError(t('reasonRequired'));
      area.current?.focus();
      return;
    }
    if (text.length > REASON_MAX) {
      setFieldError(t('reasonTooLong', { max: REASON_MAX }));
      area.current?.focus();
      return;
    }
    setBusy(true);
    setFieldError(null);
    setError(null);
    try {
      const hold = (await request(SET_LEGAL_HOLD, { input: { caseId, reason: text } })).setLegalHold;
      onPlaced(hold);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.reason) {
        setFieldError(fields.reason);
        area.current?.focus();
      } else setError(fields.caseId ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  return (
    <form className={styles.holdForm} onSubmit={submit} noValidate data-testid="legal-hold-form">
      <label htmlFor={id} className="field-label">
        {t('reasonLabel')}
      </label>
      <textarea ref={area} id={id} value={reason} maxLength={REASON_MAX} required aria-required="true" aria-invalid={fieldError ? true : undefined}
        aria-describedby={[hintId, countId, fieldError ? errorId : null].filter(Boolean).join(' ')} disabled={busy}
        onChange={(e) => {
          setReason(e.target.value);
          setFieldError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
        data-testid="legal-hold-reason" />
      <div className="field-hint muted small" id={hintId}>
        {t('reasonHint', { max: REASON_MAX })}
      </div>
      <div className={`muted small ${styles.holdCount}`} id={countId}>
        {t('reasonCount', { count: reason.length, max: REASON_MAX })}
      </div>
      {fieldError && (
        <div className="field-error" id={errorId} role="alert" data-testid="legal-hold-reason-error">
          {t('fieldError', { field: t('reasonLabel'), reason: fieldError })}
        </div>
      )}
      {error && <Alert tone="error" testId="legal-hold-error">{error}</Alert>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="legal-hold-submit">
          {busy ? t('placing') : t('submit')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onCancel} data-testid="legal-hold-cancel">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * A case's legal hold: the badge with the reason, who and when, for everyone who reads the case; a police supervisor of
 * the owning agency places and releases it. Nothing is shown to others while the case has no hold.
 */
export function LegalHoldPanel({ data, user, onChanged }: { data: CaseDetail; user: User; onChanged(hold: LegalHold | null): void }) {
  const t = useTranslations('retention.legalHold');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const placeButton = useRef<HTMLButtonElement>(null);
  const releaseButton = useRef<HTMLButtonElement>(null);
  const [placing, setPlacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hold = data.legalHold ?? null;
  const manages = canSetLegalHold(user) && data.viewerAccess === 'OWNER' && data.owner.id === user.agency.id;
  // Focus goes back to the button that opened a form or a question when it closes.
  const [returnFocus, setReturnFocus] = useState<'place' | 'release' | null>(null);
  useEffect(() => {
    if (returnFocus === 'place') placeButton.current?.focus();
    if (returnFocus === 'release') releaseButton.current?.focus();
  }, [returnFocus, hold]);

  if (!hold && !manages) return null;

  async function release() {
    setBusy(true);
    setError(null);
    try {
      await request(RELEASE_LEGAL_HOLD, { caseId: data.id });
      setConfirming(false);
      setNotice(t('released'));
      onChanged(null);
      setReturnFocus('place');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`card ${styles.hold}${hold ? ` ${styles.holdActive}` : ''}`} aria-labelledby="legal-hold-title" data-testid="legal-hold"
      data-held={hold ? 'true' : 'false'}>
      <div className={styles.holdHead}>
        <h2 id="legal-hold-title">{t('title')}</h2>
        {hold && <LegalHoldBadge />}
        {manages && !hold && !placing && (
          <button ref={placeButton} type="button" className="btn" onClick={() => {
            setPlacing(true);
            setNotice(null);
            setReturnFocus(null);
          }} data-testid="legal-hold-place">
            {t('place')}
          </button>
        )}
        {manages && hold && !confirming && (
          <button ref={releaseButton} type="button" className="btn btn-danger" onClick={() => {
            setConfirming(true);
            setNotice(null);
            setReturnFocus(null);
          }} data-testid="legal-hold-release">
            {t('release')}
          </button>
        )}
      </div>
      {hold ? (
        <>
          <p className="muted small">{t('heldText')}</p>
          <div className={styles.holdReason} data-testid="legal-hold-reason-text">
            <span className="visually-hidden">{t('reason')}: </span>
            {hold.reason}
          </div>
          <p className="small" data-testid="legal-hold-set-by">
            {hold.setByEmail ? t('setBy', { who: hold.setByEmail, time: formatDateTime(hold.setAt) }) : t('setByUnknown', { time: formatDateTime(hold.setAt) })}
          </p>
        </>
      ) : (
        !placing && <p className="muted small">{t('none')}</p>
      )}
      {manages && !hold && placing && (
        <PlaceHoldForm caseId={data.id}
          onPlaced={(next) => {
            setPlacing(false);
            setNotice(t('placed'));
            onChanged(next);
            setReturnFocus('release');
          }}
          onCancel={() => {
            setPlacing(false);
            setReturnFocus('place');
          }} />
      )}
      {manages && hold && confirming && (
        <div className={styles.confirmRow} role="group" aria-label={t('release')}>
          <span>{t('releaseConfirm')}</span>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void release()} data-testid="legal-hold-release-confirm">
            {busy ? t('releasing') : t('releaseYes')}
          </button>
          {/* The question takes the focus on its harmless answer. */}
          <button type="button" className="btn" disabled={busy} autoFocus onClick={() => {
            setConfirming(false);
            setReturnFocus('release');
          }} data-testid="legal-hold-release-cancel">
            {t('cancel')}
          </button>
        </div>
      )}
      {error && <Alert tone="error" testId="legal-hold-error">{error}</Alert>}
      {notice && <Alert tone="success" testId="legal-hold-notice">{notice}</Alert>}
    </section>
  );
}
