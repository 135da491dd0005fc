'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { useFormatDateTime } from '../../../lib/format';
import { CASE_GOLDEN_MINUTES, useFormatSeconds } from '../../../lib/freeze-batches';
import { useLiveRefresh } from '../../../lib/live';
import type { CaseGoldenMinutesFieldsFragment } from '../../../gql/graphql';
import styles from '../../../components/emergency-stops/emergency-stops.module.css';

/**
 * The case's golden minutes: when it was reported, when the first emergency stop (or freeze) went out and when a bank
 * first held money, with the time each leg took. Shown to those the api gives them to (investigators, supervisors and
 * analysts); nothing for others.
 */
export function CaseGoldenMinutes({ caseId }: { caseId: string }) {
  const t = useTranslations('emergencyStops');
  const { request } = useAuth();
  const formatDateTime = useFormatDateTime();
  const formatSeconds = useFormatSeconds();
  const [golden, setGolden] = useState<CaseGoldenMinutesFieldsFragment | null>(null);

  const load = useCallback(() => {
    request(CASE_GOLDEN_MINUTES, { id: caseId })
      .then((d) => setGolden(d.case.goldenMinutes ?? null))
      // The rest of the case page says when the case does not load.
      .catch(() => undefined);
  }, [caseId, request]);
  useEffect(() => load(), [load]);
  // Another agency's freeze on the case counts too: any freeze answered or sent may move the figures.
  useLiveRefresh(load, (u) => u.type === 'FREEZE', 1000);

  if (!golden) return null;
  const stopped = golden.reportToStopSeconds != null;
  const held = golden.stopToHeldSeconds != null;
  return (
    <section className="card" aria-labelledby="golden-minutes-title" data-testid="case-golden-minutes"
      data-report-to-stop={golden.reportToStopSeconds ?? ''} data-stop-to-held={golden.stopToHeldSeconds ?? ''}>
      <div className="section-head">
        <h2 id="golden-minutes-title">{t('goldenTitle')}</h2>
        <span className="muted small">{t('goldenIntro')}</span>
      </div>
      <ol className={styles.steps}>
        <li className={styles.step}>
          <strong>{t('stepReported')}</strong>
          <span data-testid="golden-reported-at">{formatDateTime(golden.reportedAt)}</span>
        </li>
        <li className={`${styles.leg}${stopped ? '' : ` ${styles.pending}`}`} aria-label={t('legReportToStop', { span: formatSeconds(golden.reportToStopSeconds) })}>
          <strong data-testid="golden-report-to-stop">{formatSeconds(golden.reportToStopSeconds)}</strong>
          <span aria-hidden="true">{t('legReportToStopShort')}</span>
        </li>
        <li className={styles.step}>
          <strong>{t('stepFirstStop')}</strong>
          <span data-testid="golden-first-stop-at">{stopped ? formatDateTime(golden.firstStopSentAt) : t('notYet')}</span>
        </li>
        <li className={`${styles.leg}${held ? '' : ` ${styles.pending}`}`} aria-label={t('legStopToHeld', { span: formatSeconds(golden.stopToHeldSeconds) })}>
          <strong data-testid="golden-stop-to-held">{formatSeconds(golden.stopToHeldSeconds)}</strong>
          <span aria-hidden="true">{t('legStopToHeldShort')}</span>
        </li>
        <li className={styles.step}>
          <strong>{t('stepFirstHeld')}</strong>
          <span data-testid="golden-first-held-at">{held ? formatDateTime(golden.firstFundsHeldAt) : t('notYet')}</span>
        </li>
      </ol>
    </section>
  );
}
