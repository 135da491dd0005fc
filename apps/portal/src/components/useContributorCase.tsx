'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState, type ReactNode } from 'react';
import { useAuth } from '../lib/auth';
import { useLoadReason } from '../lib/errors';
import { GqlError } from '../lib/graphql';
import { CASE_HEAD } from '../lib/cases';
import type { CaseSummaryFragment as CaseSummary } from '../gql/graphql';

interface Texts {
  caseNotFound: string;
  backToList: string;
  readOnlyTitle: string;
  readOnlyText: string;
  backToCase: string;
}

/**
 * The head of a case for a page that adds to it (new statement, import). `gate` is what to show instead of
 * the page while the case loads, when it cannot be loaded, or when the own agency may only read it; null once
 * the page may be shown.
 */
export function useContributorCase(caseId: string, texts: Texts, readOnlyTestId: string): { head: CaseSummary | null; gate: ReactNode } {
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadReason = useLoadReason();
  const [head, setHead] = useState<CaseSummary | null>(null);
  const [headError, setHeadError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    request(CASE_HEAD, { id: caseId })
      .then((data) => live && setHead(data.case))
      .catch((e: unknown) => live && setHeadError(e));
    return () => {
      live = false;
    };
  }, [caseId, request]);

  if (headError) {
    const notFound = headError instanceof GqlError && (headError.code === 'NOT_FOUND' || headError.code === 'FORBIDDEN');
    return {
      head: null,
      gate: (
        <section className="card" data-testid="case-unavailable">
          <h1>{notFound ? texts.caseNotFound : loadReason(headError)}</h1>
          <Link href="/cases">{texts.backToList}</Link>
        </section>
      ),
    };
  }
  if (!head) return { head: null, gate: <p className="muted page-status">{tc('loading')}</p> };
  if (head.viewerAccess === 'READ') {
    return {
      head,
      gate: (
        <section className="card" data-testid={readOnlyTestId}>
          <h1>{texts.readOnlyTitle}</h1>
          <p>{texts.readOnlyText}</p>
          <Link href={`/cases/${caseId}`}>{texts.backToCase}</Link>
        </section>
      ),
    };
  }
  return { head, gate: null };
}
