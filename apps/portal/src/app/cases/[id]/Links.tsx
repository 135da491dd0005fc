'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert } from '../../../components/Alert';
import { CaseStatusBadge } from '../../../components/CaseBadges';
import { LinkValueChip } from '../../../components/LinkBadges';
import { canReviewHubs } from '../../../lib/access';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage, useLoadReason } from '../../../lib/errors';
import { useAgencyName, useJoinList, useProvinceName } from '../../../lib/format';
import { useFormatMoney } from '../../../lib/money';
import { useScrollToHash } from '../../../lib/scroll-to-hash';
import { graphql } from '../../../gql';
import type { CaseLinksQuery, LinkValueFieldsFragment } from '../../../gql/graphql';
import type { User } from '../../../lib/auth';
import type { AgencyRef } from '../../../components/AgencyBadge';

type CaseLinks = CaseLinksQuery['caseLinks'];
type BlindHit = CaseLinks['blindHits'][number];
type LinkValue = LinkValueFieldsFragment;

graphql(`fragment LinkValueFields on LinkValue { kind value state visibleCaseCount }`);
const CASE_LINKS = graphql(`query CaseLinks($caseId: ID!) {
  caseLinks(caseId: $caseId) {
    series { ...SeriesSummary }
    linkedCases { case { ...CaseSummary } shared { ...LinkValueFields } }
    blindHits { kind value agency { ...AgencyRefFields } caseRef requested }
    hubs { ...LinkValueFields }
    warninglisted { ...LinkValueFields }
  }
}`);
const REQUEST_ACCESS = graphql(`mutation RequestAccess($input: RequestAccessInput!) { requestAccess(input: $input) { ...AccessRequestFields } }`);

/** One hidden case: the agency holding it and the values it shares with this case. */
interface HiddenCase {
  caseRef: string;
  agency: AgencyRef;
  values: Pick<BlindHit, 'kind' | 'value'>[];
  requested: boolean;
}

function groupBlindHits(hits: BlindHit[]): HiddenCase[] {
  const groups = new Map<string, HiddenCase>();
  for (const hit of hits) {
    let group = groups.get(hit.caseRef);
    if (!group) {
      group = { caseRef: hit.caseRef, agency: hit.agency, values: [], requested: false };
      groups.set(hit.caseRef, group);
    }
    group.values.push({ kind: hit.kind, value: hit.value });
    group.requested ||= hit.requested;
  }
  return [...groups.values()];
}

function BlindHitRow({ hit, caseNumber, onRequested }: { hit: HiddenCase; caseNumber: string; onRequested(caseRef: string): void }) {
  const t = useTranslations('links');
  const tKind = useTranslations('identifierKinds');
  const { request } = useAuth();
  const errorMessage = useErrorMessage();
  const agencyName = useAgencyName();
  const joinList = useJoinList();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function requestAccess() {
    setBusy(true);
    setError(null);
    const values = joinList(hit.values.map((v) => `${tKind(v.kind)} ${v.value}`));
    try {
      await request(REQUEST_ACCESS, { input: { caseId: hit.caseRef, reason: t('defaultReason', { caseNumber, values }) } });
      onRequested(hit.caseRef);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="blind-hit" data-testid="blind-hit" data-agency-id={hit.agency.id}>
      <div className="blind-hit-text">
        <span>
          <strong data-testid="blind-hit-agency">{agencyName(hit.agency)}</strong>{' '}
          {t('blindHit', { count: hit.values.length })}
        </span>
        <span className="blind-hit-values">
          {hit.values.map((v) => (
            <LinkValueChip key={`${v.kind}:${v.value}`} kind={v.kind} value={v.value} />
          ))}
        </span>
        {error && <span className="field-error" role="alert">{error}</span>}
      </div>
      {hit.requested ? (
        <span className="status status-warn" data-testid="blind-hit-requested" title={t('requestedHint')}>
          ✓ {t('requested')}
        </span>
      ) : (
        <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void requestAccess()}
          data-testid="request-access">
          {busy ? t('requesting') : t('requestAccess')}
        </button>
      )}
    </li>
  );
}

function MutedValues({ title, intro, values, testId, action }: { title: string; intro: string; values: LinkValue[]; testId: string; action?: ReactNode }) {
  const t = useTranslations('links');
  if (values.length === 0) return null;
  return (
    <div className="links-muted" data-testid={testId}>
      <h3 className="subhead">
        {title} <span className="count">{values.length}</span>
      </h3>
      <p className="muted small">{intro}</p>
      <ul className="muted-values">
        {values.map((v) => (
          <li key={`${v.kind}:${v.value}`}>
            <LinkValueChip kind={v.kind} value={v.value} muted />
            <span className="muted small">{t('visibleCases', { count: v.visibleCaseCount })}</span>
          </li>
        ))}
      </ul>
      {action}
    </div>
  );
}

/** What links this case to others: its series, the linked cases, blind hits, and values that do not link. */
export function Links({ caseId, caseNumber, user }: { caseId: string; caseNumber: string; user: User }) {
  const t = useTranslations('links');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadReason = useLoadReason();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const joinList = useJoinList();
  const formatMoney = useFormatMoney();
  const [links, setLinks] = useState<CaseLinks | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setLinks((await request(CASE_LINKS, { caseId })).caseLinks);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [caseId, request]);

  useEffect(() => {
    void load();
  }, [load]);

  const hidden = useMemo(() => groupBlindHits(links?.blindHits ?? []), [links]);
  useScrollToHash(links !== null);

  function requested(caseRef: string) {
    const hit = hidden.find((h) => h.caseRef === caseRef);
    setLinks((l) => (l ? { ...l, blindHits: l.blindHits.map((b) => (b.caseRef === caseRef ? { ...b, requested: true } : b)) } : l));
    if (hit) setNotice(t('requestedNotice', { agency: agencyName(hit.agency) }));
  }

  const nothing =
    links && !links.series && links.linkedCases.length === 0 && hidden.length === 0 && links.hubs.length === 0 && links.warninglisted.length === 0;

  return (
    <section className="card links-card" id="links" data-testid="links" data-loaded={links ? 'true' : undefined}>
      <div className="section-head">
        <h2>{t('title')}</h2>
        <span className="muted small">{t('intro')}</span>
        <div className="section-actions">
          <button type="button" className="btn" onClick={() => void load()} disabled={loading} data-testid="links-refresh">
            {t('refresh')}
          </button>
          <Link href={`/cases/${caseId}/graph`} className="btn btn-primary" data-testid="open-graph">
            {t('openGraph')}
          </Link>
        </div>
      </div>
      {loading && !links && <p className="muted">{tc('loading')}</p>}
      {error !== null && <Alert tone="error" testId="links-error">{t('loadFailed', { reason: loadReason(error) })}</Alert>}
      {notice && <Alert tone="success" testId="links-notice">{notice}</Alert>}
      {nothing && <p className="muted" data-testid="links-empty">{t('empty')}</p>}

      {links?.series && (
        <div className="series-strip" data-testid="series-badge" data-series-id={links.series.id}>
          <Link href={`/series/${links.series.id}`} className="series-pill" data-testid="series-link">
            <span aria-hidden="true">★</span> {t('seriesBadge', { count: links.series.caseCount })}
          </Link>
          <span className="series-facts">
            <span>{t('seriesLoss', { loss: formatMoney(links.series.totalLoss) })}</span>
            <span>{t('seriesVictims', { count: links.series.victimCount })}</span>
            {links.series.provinces.length > 0 && <span>{joinList(links.series.provinces.map((p) => provinceName(p)))}</span>}
          </span>
          {links.series.hiddenCaseCount > 0 && (
            <span className="muted small" data-testid="series-hidden">
              {t('seriesHidden', { count: links.series.hiddenCaseCount })}
            </span>
          )}
        </div>
      )}

      {links && links.linkedCases.length > 0 && (
        <>
          <h3 className="subhead">
            {t('linkedTitle')} <span className="count" data-testid="linked-count">{links.linkedCases.length}</span>
          </h3>
          <div className="table-scroll">
            <table className="table table-compact" data-testid="linked-cases">
              <thead>
                <tr>
                  <th>{t('caseNumber')}</th>
                  <th>{t('caseTitle')}</th>
                  <th>{t('agency')}</th>
                  <th>{t('status')}</th>
                  <th>{t('shared')}</th>
                </tr>
              </thead>
              <tbody>
                {links.linkedCases.map((l) => (
                  <tr key={l.case.id} data-testid="linked-case" data-case-id={l.case.id}>
                    <td className="mono nowrap">
                      <Link href={`/cases/${l.case.id}`} data-testid="linked-case-link">
                        {l.case.caseNumber}
                      </Link>
                    </td>
                    <td>{l.case.title}</td>
                    <td>{agencyName(l.case.owner)}</td>
                    <td>
                      <CaseStatusBadge status={l.case.status} />
                    </td>
                    <td>
                      <span className="value-list">
                        {l.shared.map((v) => (
                          <LinkValueChip key={`${v.kind}:${v.value}`} kind={v.kind} value={v.value} />
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {hidden.length > 0 && (
        <>
          <h3 className="subhead">
            {t('blindTitle')} <span className="count">{hidden.length}</span>
          </h3>
          <p className="muted small">{t('blindIntro')}</p>
          <ul className="blind-hits" data-testid="blind-hits">
            {hidden.map((h) => (
              <BlindHitRow key={h.caseRef} hit={h} caseNumber={caseNumber} onRequested={requested} />
            ))}
          </ul>
        </>
      )}

      {links && (
        <MutedValues title={t('hubsTitle')} intro={t('hubsIntro')} values={links.hubs} testId="links-hubs"
          action={canReviewHubs(user) ? <Link href="/linking/hubs" className="small">{t('reviewHubs')}</Link> : undefined} />
      )}
      {links && (
        <MutedValues title={t('warninglistedTitle')} intro={t('warninglistedIntro')} values={links.warninglisted} testId="links-warninglisted" />
      )}
    </section>
  );
}
