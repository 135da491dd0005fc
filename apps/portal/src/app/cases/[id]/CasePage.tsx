'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { Unavailable } from '../../../components/Unavailable';
import { canReadFreezeBatches, canSeePersonalData, canSendRequests, canWriteCases } from '../../../lib/access';
import { useAuth } from '../../../lib/auth';
import { CaseBatches } from './CaseBatches';
import { CaseGoldenMinutes } from './CaseGoldenMinutes';
import { CaseRequests } from './CaseRequests';
import { CaseSummaryCard } from './CaseSummaryCard';
import { Evidence } from './Evidence';
import { HandlingBanner } from '../../../components/HandlingBanner';
import { LegalHoldPanel } from './LegalHoldPanel';
import { Identifiers } from './Identifiers';
import { ClueExchange } from './ClueExchange';
import { Links } from './Links';
import { CaseAlertLeads } from '../../../components/alerts/CaseAlertLeads';
import { CaseBulletinHits } from '../../../components/bulletins/CaseBulletinHits';
import { Shares } from './Shares';
import { Statements } from './Statements';
import { graphql } from '../../../gql';
import { CASE, type CaseDetail } from '../../../lib/cases';
import type { User } from '../../../lib/auth';
import type { Attachment } from './Evidence';
import type { Identifier } from './Identifiers';

graphql(`fragment CaseDetail on Case {
  ...CaseSummary description createdAt updatedAt handling { ...HandlingFields } allowedTransitions
  statements { ...StatementFields } identifiers { ...IdentifierFields } shares { ...ShareFields }
  attachments { ...AttachmentFields } legalHold { ...LegalHoldFields }
}`);

export function CasePage({ id, user }: { id: string; user: User }) {
  const t = useTranslations('case');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const query = useSearchParams();
  const [data, setData] = useState<CaseDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // One-shot notices ("created", "statement added") are read once, then dropped from the address so they do
  // not come back on reload or linger after later actions.
  const [notice] = useState(() => (query.get('created') ? 'created' : query.get('statement') ? 'statementAdded' : null));
  useEffect(() => {
    if (notice) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [notice]);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const result = await request(CASE, { id });
      setData(result.case);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id, request]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loading && !data) return <p className="muted page-status">{tc('loading')}</p>;
  if (error && !data) return <Unavailable error={error} messages="case" backHref="/cases" onRetry={() => void load()} testId="case-unavailable" />;
  if (!data) return null;

  // The case allows writing, and the user's role does (analysts read only).
  const canContribute = (data.viewerAccess === 'OWNER' || data.viewerAccess === 'CONTRIBUTE') && canWriteCases(user);
  // The api sends requests for investigators and supervisors holding more than READ, unless the owner asked to be consulted first.
  const requestBlock = data.viewerAccess === 'READ' ? 'read' : data.handling?.mustAskBeforeActing && data.viewerAccess !== 'OWNER' ? 'ask' : null;
  const mayRequest = canSendRequests(user) && requestBlock === null;

  function addIdentifier(identifier: Identifier) {
    setData((d) => (d ? { ...d, identifiers: [...d.identifiers, identifier] } : d));
  }

  function addAttachment(attachment: Attachment) {
    setData((d) => (d ? { ...d, attachments: [...d.attachments, attachment] } : d));
  }

  return (
    <div className="case-page" data-testid="case-page" data-case-id={data.id}>
      <Link href="/cases" className="back-link">
        ← {t('backToList')}
      </Link>
      {notice && <Alert tone="success" testId="case-notice">{t(notice)}</Alert>}
      {data.handling && data.viewerAccess !== 'OWNER' && <HandlingBanner handling={data.handling} owner={data.owner} />}
      <CaseSummaryCard data={data} onChanged={setData} />
      <LegalHoldPanel data={data} user={user} onChanged={(legalHold) => setData((d) => (d ? { ...d, legalHold } : d))} />
      <CaseAlertLeads caseId={data.id} />
      <CaseBulletinHits caseId={data.id} />
      <Links caseId={data.id} caseNumber={data.caseNumber} user={user} />
      <CaseRequests caseId={data.id} ownAgencyId={user.agency.id} mayRequest={mayRequest} blockedBy={requestBlock} />
      <CaseGoldenMinutes caseId={data.id} />
      {canReadFreezeBatches(user) && data.viewerAccess !== 'READ' && <CaseBatches caseId={data.id} ownAgencyId={user.agency.id} />}
      <Statements
        caseId={data.id}
        statements={data.statements}
        canContribute={canContribute}
        viewerAccess={data.viewerAccess}
        seesPersonalData={canSeePersonalData(user)}
        totalLoss={data.totalLoss}
      />
      <Identifiers caseId={data.id} identifiers={data.identifiers} statements={data.statements}
        canContribute={canContribute} canRequest={mayRequest} onAdded={addIdentifier} />
      <ClueExchange data={data} user={user} onAdded={addIdentifier} />
      <Evidence caseId={data.id} attachments={data.attachments} statements={data.statements} canContribute={canContribute}
        onAdded={addAttachment} />
      {data.viewerAccess === 'OWNER' && (
        <Shares caseId={data.id} ownAgencyId={user.agency.id} shares={data.shares}
          onChanged={(shares) => setData((d) => (d ? { ...d, shares } : d))} />
      )}
    </div>
  );
}
