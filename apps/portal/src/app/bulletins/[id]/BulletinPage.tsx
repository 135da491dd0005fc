'use client';

import { AgencyKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { useAuth } from '../../../lib/auth';
import { useLoadReason } from '../../../lib/errors';
import { useAgencyName, useFormatDateTime, useJoinList } from '../../../lib/format';
import { GqlError } from '../../../lib/graphql';
import type { User } from '../../../lib/auth';
import { HandlingBanner } from '../../../components/HandlingBanner';
import { BULLETIN, type Bulletin } from '../../../components/bulletins/shared';
import styles from '../../../components/bulletins/bulletins.module.css';

/** One bulletin: opening it marks it read. Text, identifiers to watch, handling code, and the matching cases the viewer may open. */
export function BulletinPage({ id, user }: { id: string; user: User }) {
  const t = useTranslations('bulletins');
  const tFraud = useTranslations('fraudTypes');
  const tId = useTranslations('identifierKinds');
  const { request } = useAuth();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const joinList = useJoinList();
  const loadReason = useLoadReason();
  const [bulletin, setBulletin] = useState<Bulletin | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setBulletin((await request(BULLETIN, { id })).bulletin);
    } catch (e) {
      setError(e);
    }
  }, [request, id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Matching runs in the worker right after publication: look again shortly until it has.
  useEffect(() => {
    if (!bulletin || bulletin.processed) return;
    const timer = setTimeout(() => void load(), 2000);
    return () => clearTimeout(timer);
  }, [bulletin, load]);

  if (error !== null) {
    const missing = error instanceof GqlError && error.code === 'NOT_FOUND';
    return (
      <section className="card" data-testid="bulletin-unavailable">
        <h1>{missing ? t('notFoundTitle') : t('loadFailedTitle')}</h1>
        <p>{missing ? t('notFoundText') : loadReason(error)}</p>
        <Link href="/bulletins">{t('backToList')}</Link>
      </section>
    );
  }
  if (!bulletin) return <p className="muted page-status">{t('loading')}</p>;

  const recipients = [...bulletin.recipients.kinds.map((k) => t('allOfKind', { kind: k })), ...bulletin.recipients.agencies.map((a) => agencyName(a))];
  // Banks, telecoms and partners never see a case: the matches section is for police readers and the publisher.
  const showMatches = bulletin.isPublisher || user.agency.kind === AgencyKind.POLICE;

  return (
    <div className="wide-page" data-testid="bulletin-page" data-bulletin-id={bulletin.id}>
      <Link href="/bulletins" className="back-link">
        ← {t('backToList')}
      </Link>
      <section className="card">
        <h1 data-testid="bulletin-title">{bulletin.title}</h1>
        <div className={styles.meta}>
          <span className="chip" data-testid="bulletin-fraud-type">{tFraud(bulletin.fraudType)}</span>
          <span data-testid="bulletin-publisher">{t('publishedBy', { agency: agencyName(bulletin.publisher) })}</span>
          <span>{formatDateTime(bulletin.publishedAt)}</span>
          <span data-testid="bulletin-recipients">{t('sentTo', { recipients: joinList(recipients) })}</span>
        </div>
        <HandlingBanner handling={bulletin.handling} owner={bulletin.publisher} messages="bulletins.handlingCode" testId="bulletin-handling" />
        <p className={styles.body} data-testid="bulletin-body">
          {bulletin.body}
        </p>
      </section>

      <section className={`card table-card ${styles.section}`} data-testid="bulletin-identifiers">
        <div className="table-toolbar">
          <strong>{t('identifiersTitle')}</strong>
          <span className="muted small">{t('identifiersIntro')}</span>
        </div>
        {bulletin.identifiers.length === 0 ? (
          <p className="muted table-status">{t('noIdentifiers')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('identifierKind')}</th>
                  <th>{t('identifierValue')}</th>
                  <th>{t('identifierCanonical')}</th>
                </tr>
              </thead>
              <tbody>
                {bulletin.identifiers.map((i) => (
                  <tr key={`${i.kind}:${i.canonical}`} data-testid="bulletin-identifier">
                    <td>{tId(i.kind)}</td>
                    <td>
                      <span className={styles.value}>{i.value}</span>
                    </td>
                    <td className="muted small">{i.canonical}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {showMatches && (
        <section className={`card table-card ${styles.section}`} data-testid="bulletin-matches">
          <div className="table-toolbar">
            <strong>{t('matchesTitle')}</strong>
            {!bulletin.processed && <span className="muted small" data-testid="bulletin-matching">{t('matching')}</span>}
          </div>
          {bulletin.isPublisher && bulletin.matchedCaseCount !== null && (
            <p className="table-status" data-testid="bulletin-match-count">
              <span className={styles.count}>{bulletin.matchedCaseCount}</span>
              {t('matchCount', { count: bulletin.matchedCaseCount })}
            </p>
          )}
          {bulletin.matchingCases.length === 0 ? (
            <p className="muted table-status" data-testid="bulletin-matches-empty">
              {bulletin.isPublisher ? t('noVisibleMatchesPublisher') : t('noVisibleMatches')}
            </p>
          ) : (
            <div className="table-scroll">
              <table className="table" data-testid="bulletin-matching-cases">
                <thead>
                  <tr>
                    <th>{t('caseNumber')}</th>
                    <th>{t('caseTitle')}</th>
                    <th>{t('caseOwner')}</th>
                    <th>{t('matchedValues')}</th>
                    <th>{t('matchedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {bulletin.matchingCases.map((c) => (
                    <tr key={c.caseId} data-testid="bulletin-matching-case" data-case-id={c.caseId}>
                      <td className="nowrap">
                        <Link href={`/cases/${c.caseId}`} data-testid="bulletin-case-link">
                          {c.caseNumber}
                        </Link>
                      </td>
                      <td>{c.caseTitle}</td>
                      <td>{agencyName(c.owner)}</td>
                      <td>
                        <span className={styles.values}>
                          {c.values.map((v) => (
                            <span key={`${v.kind}:${v.canonical}`} className={styles.value}>
                              {tId(v.kind)} {v.canonical}
                            </span>
                          ))}
                        </span>
                      </td>
                      <td className="nowrap muted">{formatDateTime(c.matchedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {bulletin.isPublisher && (
        <Alert tone="info" testId="bulletin-publisher-note">
          {t('publisherNote')}
        </Alert>
      )}
    </div>
  );
}
