'use client';

import type { CaseStatus } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '../../../components/Alert';
import { CaseStatusBadge, SensitivityBadge, ViewerAccessBadge } from '../../../components/CaseBadges';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { GqlError } from '../../../lib/graphql';
import { useAgencyName, useFormatDate, useFormatDateTime, useJoinList, useProvinceName } from '../../../lib/format';
import { useFormatMoney } from '../../../lib/money';
import { graphql } from '../../../gql';
import type { CaseDetail } from '../../../lib/cases';

const CHANGE_CASE_STATUS = graphql(`mutation ChangeCaseStatus($id: ID!, $status: CaseStatus!) { changeCaseStatus(id: $id, status: $status) { ...CaseDetail } }`);

export function CaseSummaryCard({ data, onChanged }: { data: CaseDetail; onChanged(next: CaseDetail): void }) {
  const t = useTranslations('case');
  const tType = useTranslations('fraudTypes');
  const tStatus = useTranslations('caseStatus');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const joinList = useJoinList();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const formatMoney = useFormatMoney();
  const [busy, setBusy] = useState<CaseStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function changeStatus(status: CaseStatus) {
    setBusy(status);
    setError(null);
    try {
      const result = await request(CHANGE_CASE_STATUS, { id: data.id, status });
      onChanged(result.changeCaseStatus);
    } catch (e) {
      // CONFLICT names the current state (someone else changed it first): show the api's words.
      setError(e instanceof GqlError && e.code === 'CONFLICT' ? t('statusConflict', { reason: errorMessage(e) }) : errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card case-summary" data-testid="case-summary">
      <div className="case-head">
        <div>
          <div className="case-number mono" data-testid="case-number">
            {data.caseNumber}
          </div>
          <h1 data-testid="case-title">{data.title}</h1>
          <div className="badges">
            <CaseStatusBadge status={data.status} />
            <ViewerAccessBadge access={data.viewerAccess} />
            {data.sensitivity !== 'NORMAL' && <SensitivityBadge sensitivity={data.sensitivity} />}
          </div>
        </div>
        <div className="case-loss">
          <div className="case-loss-label">{t('totalLoss')}</div>
          <div className="case-loss-value" data-testid="case-total-loss">
            {formatMoney(data.totalLoss)}
          </div>
          <div className="muted small" data-testid="case-victim-count">
            {t('victimCount', { count: data.victimCount })}
          </div>
        </div>
      </div>
      <dl className="facts case-facts">
        <div>
          <dt>{t('fraudType')}</dt>
          <dd data-testid="case-fraud-type">{tType(data.fraudType)}</dd>
        </div>
        <div>
          <dt>{t('owner')}</dt>
          <dd data-testid="case-owner">{agencyName(data.owner)}</dd>
        </div>
        <div>
          <dt>{t('provinces')}</dt>
          <dd>{joinList(data.provinces.map((p) => provinceName(p))) || '—'}</dd>
        </div>
        <div>
          <dt>{t('reportedOn')}</dt>
          <dd>{formatDate(data.reportedOn)}</dd>
        </div>
        <div>
          <dt>{t('updatedAt')}</dt>
          <dd>{formatDateTime(data.updatedAt)}</dd>
        </div>
      </dl>
      {data.description && <p className="case-description">{data.description}</p>}
      {data.allowedTransitions.length > 0 && (
        <div className="status-actions" data-testid="status-actions">
          <span className="muted">{t('changeStatus')}</span>
          {data.allowedTransitions.map((s) => (
            <button
              key={s}
              type="button"
              className={`btn btn-small status-btn status-btn-${s}`}
              disabled={busy !== null}
              onClick={() => void changeStatus(s)}
              data-testid={`status-to-${s}`}
            >
              {busy === s ? t('changing') : t('moveTo', { status: tStatus(s) })}
            </button>
          ))}
        </div>
      )}
      {error && (
        <Alert tone="error" testId="status-error">
          {error}
        </Alert>
      )}
    </section>
  );
}
