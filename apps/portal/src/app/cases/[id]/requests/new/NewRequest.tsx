'use client';

import { IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useAuth } from '../../../../../lib/auth';
import { useLoadReason } from '../../../../../lib/errors';
import { GqlError } from '../../../../../lib/graphql';
import { newRequestHref, REQUEST_TYPES } from '../../../../../lib/requests';
import type { FreezeKindName, RequestTypeName, UrgencyName } from '../../../../../lib/types';
import { CooperationForm } from './CooperationForm';
import { FreezeForm, type FreezePrefill } from './FreezeForm';
import { TelecomForm, type TelecomPrefill } from './TelecomForm';
import { CASE, type CaseDetail } from '../../../../../lib/cases';

const isType = (v: string | null): v is RequestTypeName => (REQUEST_TYPES as readonly string[]).includes(v ?? '');
const isKind = (v: string | null): v is IdentifierKind => Object.values(IdentifierKind).includes(v as IdentifierKind);

/**
 * A new request for one case: the type from the address (?type=FREEZE|TELECOM|COOPERATION) and its prefill
 * (a clue's value, a fund trace's last-seen account with its bank, amount and source transfer).
 */
export function NewRequest({ caseId }: { caseId: string }) {
  const t = useTranslations('requestForm');
  const tType = useTranslations('requestTypes');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadReason = useLoadReason();
  const query = useSearchParams();
  const [data, setData] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const type: RequestTypeName = isType(query.get('type')) ? (query.get('type') as RequestTypeName) : 'FREEZE';
  const queryKey = query.toString();

  const freeze = useMemo<FreezePrefill>(() => {
    const q = new URLSearchParams(queryKey);
    const kind = q.get('kind');
    const urgency = q.get('urgency');
    return {
      account: q.get('account') ?? '',
      bank: q.get('bank') ?? '',
      amount: q.get('amount') ?? '',
      kind: kind === 'FREEZE' || kind === 'EMERGENCY_STOP' ? (kind as FreezeKindName) : 'EMERGENCY_STOP',
      urgency: urgency === 'NORMAL' || urgency === 'URGENT' ? (urgency as UrgencyName) : 'URGENT',
      sourceTransferId: q.get('sourceTransferId'),
      from: q.get('from') === 'trace' ? 'trace' : q.get('account') ? 'clue' : null,
    };
  }, [queryKey]);
  const telecom = useMemo<TelecomPrefill>(() => {
    const q = new URLSearchParams(queryKey);
    const kind = q.get('targetKind');
    return { targetKind: isKind(kind) ? kind : IdentifierKind.PHONE, targetValue: q.get('targetValue') ?? '' };
  }, [queryKey]);

  useEffect(() => {
    let live = true;
    request(CASE, { id: caseId })
      .then((d) => live && setData(d.case))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [caseId, request]);

  if (error) {
    const notFound = error instanceof GqlError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');
    return (
      <section className="card" data-testid="case-unavailable">
        <h1>{notFound ? t('caseNotFound') : loadReason(error)}</h1>
        <Link href="/cases">{t('backToList')}</Link>
      </section>
    );
  }
  if (!data) return <p className="muted page-status">{tc('loading')}</p>;

  return (
    <div className="request-form-page" data-testid="new-request" data-type={type}>
      <Link href={`/cases/${caseId}`} className="back-link">
        ← {t('backToCase')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{t(`title.${type}`)}</h1>
          <p className="muted">
            <span className="mono">{data.caseNumber}</span> · {data.title}
          </p>
        </div>
      </div>
      <nav className="tabs" aria-label={t('typeTabs')}>
        {REQUEST_TYPES.map((ty) => (
          <Link key={ty} href={newRequestHref(caseId, { type: ty })} className={ty === type ? 'tab active' : 'tab'} replace
            aria-current={ty === type ? 'page' : undefined} data-testid={`request-type-${ty}`}>
            {tType(ty)}
          </Link>
        ))}
      </nav>
      <p className="muted small form-intro">{t(`intro.${type}`)}</p>
      {type === 'FREEZE' && <FreezeForm key={queryKey} caseId={caseId} prefill={freeze} />}
      {type === 'TELECOM' && <TelecomForm key={queryKey} caseId={caseId} prefill={telecom} identifiers={data.identifiers} />}
      {type === 'COOPERATION' && <CooperationForm caseId={caseId} attachments={data.attachments.filter((a) => !a.purgedAt)} statements={data.statements} />}
    </div>
  );
}
