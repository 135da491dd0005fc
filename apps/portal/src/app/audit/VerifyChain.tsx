'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { useAuth } from '../../lib/auth';
import { useErrorMessage, useInLanguage } from '../../lib/errors';
import { useAnchorReason } from './AnchorsPanel';
import { graphql } from '../../gql';
import type { VerifyAuditChainQuery } from '../../gql/graphql';

type AuditChainVerification = VerifyAuditChainQuery['verifyAuditChain'];

const VERIFY_AUDIT_CHAIN = graphql(`query VerifyAuditChain {
  verifyAuditChain { ok checkedCount firstBrokenEventId firstBrokenSequence reason anchors { ...AnchorReason } }
}`);

export function VerifyChain() {
  const t = useTranslations('audit');
  const tAnchors = useTranslations('auditAnchors');
  const reasonOf = useAnchorReason();
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const inLanguage = useInLanguage();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditChainVerification | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const data = await request(VERIFY_AUDIT_CHAIN);
      setResult(data.verifyAuditChain);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page-head">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <div className="verify">
        <button type="button" className="btn btn-primary" onClick={() => void verify()} disabled={busy} data-testid="verify-chain">
          {busy ? t('verifying') : t('verify')}
        </button>
        {result?.ok && (
          <Alert tone="success" testId="verify-result">
            {t('verifyOk', { count: result.checkedCount })}
          </Alert>
        )}
        {result?.ok && (
          <Alert tone={result.anchors.status === 'MATCHES' ? 'success' : 'info'} testId="verify-anchors">
            {tAnchors('verifyAnchors', { reason: reasonOf(result.anchors) })}
          </Alert>
        )}
        {result && !result.ok && (
          <Alert tone="error" testId="verify-result">
            {result.firstBrokenSequence !== null ? (
              <>
                {t('verifyBroken', { sequence: result.firstBrokenSequence, id: result.firstBrokenEventId ?? '?' })}
                {result.reason && <div>{t('verifyReason', { reason: inLanguage(result.reason) })}</div>}
              </>
            ) : (
              // The rows add up in the database, but not to what was signed outside it.
              <div>{tAnchors('verifyAnchors', { reason: reasonOf(result.anchors) })}</div>
            )}
          </Alert>
        )}
        {error && <Alert tone="error">{error}</Alert>}
      </div>
    </div>
  );
}
