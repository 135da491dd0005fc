'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useAuth } from '../../lib/auth';
import { useAgencyName, useFormatDateTime } from '../../lib/format';
import { CASE_BULLETIN_HITS, type CaseBulletinHit } from './shared';
import styles from './bulletins.module.css';

/**
 * "Matches bulletin X" on a case page: bulletins the viewer may read whose watched identifiers this case
 * holds. Renders nothing while loading, on failure, or when there are none (it is a pointer, not a panel).
 */
export function CaseBulletinHits({ caseId }: { caseId: string }) {
  const t = useTranslations('bulletins');
  const tFraud = useTranslations('fraudTypes');
  const tId = useTranslations('identifierKinds');
  const { request } = useAuth();
  const agencyName = useAgencyName();
  const formatDateTime = useFormatDateTime();
  const [hits, setHits] = useState<CaseBulletinHit[]>([]);

  useEffect(() => {
    let live = true;
    request(CASE_BULLETIN_HITS, { caseId })
      .then((d) => live && setHits(d.caseBulletinHits))
      .catch(() => live && setHits([]));
    return () => {
      live = false;
    };
  }, [request, caseId]);

  if (hits.length === 0) return null;
  return (
    <section className={`card ${styles.hitsCard}`} data-testid="case-bulletin-hits">
      <div className="section-head">
        <h2>{t('caseHitsTitle', { count: hits.length })}</h2>
        <span className="muted small">{t('caseHitsIntro')}</span>
      </div>
      <ul className={styles.hits}>
        {hits.map((h) => (
          <li key={h.bulletin.id} data-testid="case-bulletin-hit" data-bulletin-id={h.bulletin.id}>
            <div className={styles.hitHead}>
              <span aria-hidden="true">⚠</span>
              <Link href={`/bulletins/${h.bulletin.id}`} data-testid="case-bulletin-link">
                {t('matchesBulletin', { title: h.bulletin.title })}
              </Link>
              <span className="chip">{tFraud(h.bulletin.fraudType)}</span>
              {!h.bulletin.read && <span className="chip">{t('unread')}</span>}
            </div>
            <span className="muted small">
              {t('publishedBy', { agency: agencyName(h.bulletin.publisher) })} · {formatDateTime(h.bulletin.publishedAt)}
            </span>
            <span className={styles.values}>
              {h.values.map((v) => (
                <span key={`${v.kind}:${v.canonical}`} className={styles.value}>
                  {tId(v.kind)} {v.canonical}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
