'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { useAuth } from '../../lib/auth';
import { useAuthedDownload } from '../../lib/download';
import { useLoadErrorMessage } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { graphql } from '../../gql';
import type { AnchorReasonFragment, AuditAnchorStatus, AuditAnchorsQuery } from '../../gql/graphql';

type AuditAnchors = AuditAnchorsQuery['auditAnchors'];

/** The agency's signed chain heads kept outside the database (issue 13). */
graphql(`fragment AnchorReason on AuditAnchorCheck { status reasonEn reasonZh }`);
const AUDIT_ANCHORS = graphql(`query AuditAnchors { auditAnchors(first: 5) { configured total
  check { ...AnchorReason headsChecked lastAnchoredSequence lastPublishedAt problemSequence publicKeyFingerprint }
  heads { sequence publishedAt signatureValid matchesChain } } }`);

const TONE: Record<AuditAnchorStatus, 'success' | 'error' | 'info' | 'warning'> = {
  MATCHES: 'success', NOT_YET_ANCHORED: 'info', NOT_CONFIGURED: 'warning', TAMPERED: 'error', TRUNCATED: 'error', INVALID_SIGNATURE: 'error', STORE_UNAVAILABLE: 'warning',
};

/** The api's reason in the reader's language (it sends both). */
export function useAnchorReason(): (check: Pick<AnchorReasonFragment, 'reasonEn' | 'reasonZh'>) => string {
  const locale = useLocale();
  return useCallback((check) => (locale.startsWith('zh') ? check.reasonZh : check.reasonEn), [locale]);
}

/**
 * The agency's audit chain against its signed heads kept outside the database (issue 13): the last head published,
 * whether the chain still matches, and the bundle an auditor checks with OpenSSL.
 */
export function AnchorsPanel() {
  const t = useTranslations('auditAnchors');
  const { request } = useAuth();
  const errorMessage = useLoadErrorMessage();
  const formatDateTime = useFormatDateTime();
  const reasonOf = useAnchorReason();
  const { download, busy, error: downloadError } = useAuthedDownload();
  const [anchors, setAnchors] = useState<AuditAnchors | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    request(AUDIT_ANCHORS)
      .then((d) => live && setAnchors(d.auditAnchors))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [request, errorMessage]);

  const check = anchors?.check;
  return (
    <section className="card" aria-labelledby="anchors-title" data-testid="anchors-panel">
      <h2 id="anchors-title">{t('title')}</h2>
      <p className="muted small">{t('intro')}</p>
      {!anchors && !error && <p className="muted">{t('loading')}</p>}
      {error && <Alert tone="error">{error}</Alert>}
      {check && (
        <>
          <Alert tone={TONE[check.status]} testId="anchors-status">
            <strong>{t(`status.${check.status}`)}</strong>
            <div>{reasonOf(check)}</div>
          </Alert>
          {check.lastAnchoredSequence !== null ? (
            <p data-testid="anchors-last-head">
              {t('lastHead', { sequence: check.lastAnchoredSequence, time: formatDateTime(check.lastPublishedAt) })}
              <span className="muted small"> · {t('counts', { checked: check.headsChecked, total: anchors.total })}</span>
            </p>
          ) : (
            anchors.configured && <p className="muted">{t('none')}</p>
          )}
          {check.publicKeyFingerprint && (
            <p className="small">
              {t('fingerprint')}: <span className="mono" style={{ wordBreak: 'break-all' }}>{check.publicKeyFingerprint}</span>
            </p>
          )}
          {anchors.configured && (
            <div className="panel-actions">
              <button type="button" className="btn" onClick={() => void download('/api/audit/anchors', 'caselink-audit-anchors.tar')} disabled={busy} data-testid="anchors-download">
                {busy ? t('downloading') : t('download')}
              </button>
              <p className="muted small">{t('downloadHint')}</p>
            </div>
          )}
          {downloadError && <Alert tone="error">{downloadError}</Alert>}
        </>
      )}
    </section>
  );
}
