'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert } from '../../../../../components/Alert';
import { LiveIndicator } from '../../../../../components/LiveIndicator';
import { ProgressBar } from '../../../../../components/ProgressBar';
import { DeadlineCountdown, RequestStateBadge } from '../../../../../components/RequestBadges';
import { RetryAlert } from '../../../../../components/ListParts';
import { Unavailable } from '../../../../../components/Unavailable';
import { useAuth } from '../../../../../lib/auth';
import { useNow } from '../../../../../lib/clock';
import { useLoadErrorMessage } from '../../../../../lib/errors';
import { useAgencyName, useFormatDateTime } from '../../../../../lib/format';
import {
  answeredOf, bankTone, CASE_GOLDEN_MINUTES, FREEZE_BATCH, useFormatSeconds, type FreezeBatch, type FreezeBatchBank, type FreezeBatchItem,
} from '../../../../../lib/freeze-batches';
import { useLiveRefresh } from '../../../../../lib/live';
import { useFormatMoney } from '../../../../../lib/money';
import type { CaseGoldenMinutesFieldsFragment } from '../../../../../gql/graphql';
import styles from '../../../../../components/emergency-stops/emergency-stops.module.css';

const seconds = (fromIso: string, to: number) => Math.max(0, Math.floor((to - new Date(fromIso).getTime()) / 1000));

/** Time since the report and since the stops went out, ticking; once a bank held money, the golden minutes it took. */
function Clock({ batch, golden }: { batch: FreezeBatch; golden: CaseGoldenMinutesFieldsFragment | null }) {
  const t = useTranslations('emergencyStops');
  const now = useNow();
  const formatSeconds = useFormatSeconds();
  const formatDateTime = useFormatDateTime();
  const heldAt = batch.totals.firstHeldAt;
  return (
    <div className={styles.figures} data-testid="batch-clock">
      {golden && (
        <div className={`${styles.figure} ${styles.figureClock}`} title={t('reportedAt', { at: formatDateTime(golden.reportedAt) })}>
          <strong data-testid="clock-since-report">{formatSeconds(seconds(golden.reportedAt, now))}</strong>
          <span>{t('sinceReport')}</span>
          <span>{t('reportedAt', { at: formatDateTime(golden.reportedAt) })}</span>
        </div>
      )}
      <div className={`${styles.figure} ${styles.figureClock}`}>
        <strong data-testid="clock-since-sent">{formatSeconds(seconds(batch.createdAt, now))}</strong>
        <span>{t('sinceSent')}</span>
        <span>{t('sentAt', { at: formatDateTime(batch.createdAt) })}</span>
      </div>
      <div className={`${styles.figure} ${styles.figureClock}${heldAt ? ` ${styles.figureHeld}` : ''}`}>
        <strong data-testid="clock-first-held">{heldAt ? formatSeconds(seconds(batch.createdAt, new Date(heldAt).getTime())) : '—'}</strong>
        <span>{t('sentToHeld')}</span>
        <span>{heldAt ? t('firstHeldAt', { at: formatDateTime(heldAt) }) : t('noneHeldYet')}</span>
      </div>
      {batch.totals.nextDeadlineAt && (
        <div className={`${styles.figure} ${styles.figureClock}`}>
          <strong data-testid="clock-next-deadline">{formatDateTime(batch.totals.nextDeadlineAt)}</strong>
          <span>{t('nextDeadline')}</span>
        </div>
      )}
    </div>
  );
}

function BankCard({ b }: { b: FreezeBatchBank }) {
  const t = useTranslations('emergencyStops');
  const agencyName = useAgencyName();
  const formatMoney = useFormatMoney();
  const tone = bankTone(b);
  return (
    <li className={`${styles.bank} ${styles[`bank-${tone}`]}`} data-testid="batch-bank" data-bank-id={b.bank.id} data-tone={tone}
      data-holding={b.holding} data-awaiting={b.awaiting} data-amount-held={b.amountHeld}>
      <h3>
        <span>{agencyName(b.bank)}</span>
        <span className={`${styles.tone} ${styles[`tone-${tone}`]}`} data-testid="batch-bank-tone">{t(`tone.${tone}`)}</span>
      </h3>
      <ProgressBar value={answeredOf(b)} max={b.holding + b.ended + b.awaiting} label={t('bankAnswered', { answered: answeredOf(b), total: b.holding + b.ended + b.awaiting })} />
      <ul className={styles.bankCounts}>
        <li>{t('counts.awaiting', { count: b.awaiting })}</li>
        <li>{t('counts.holding', { count: b.holding })}</li>
        <li>{t('counts.ended', { count: b.ended })}</li>
        {b.overdue > 0 && <li className={styles.bad}>{t('counts.overdue', { count: b.overdue })}</li>}
      </ul>
      <div className={styles.bankMoney}>
        <strong data-testid="batch-bank-held">{formatMoney(b.amountHeld)}</strong> <span className="muted small">{t('heldOfAsked', { asked: formatMoney(b.amountAsked) })}</span>
      </div>
    </li>
  );
}

function ItemRow({ item }: { item: FreezeBatchItem }) {
  const t = useTranslations('emergencyStops');
  const tKind = useTranslations('identifierKinds');
  const agencyName = useAgencyName();
  const formatMoney = useFormatMoney();
  return (
    <tr data-testid="batch-item" data-account={item.account} data-outcome={item.outcome} data-state={item.state ?? ''}>
      <td className="num">{item.position + 1}</td>
      <td>
        <span className="mono">{item.account}</span>
        <span className={styles.sub}>{tKind(item.accountKind)}</span>
      </td>
      <td>{item.bank ? agencyName(item.bank) : <span className="muted">—</span>}</td>
      <td className="num nowrap">{formatMoney(item.amountAsked)}</td>
      <td className="num nowrap" data-testid="batch-item-held">{item.amountHeld ? formatMoney(item.amountHeld) : '—'}</td>
      <td>
        {item.state ? <RequestStateBadge state={item.state} testId="batch-item-state" /> : null}
        {item.outcome !== 'SENT' && <span className={styles.sub}>{t(`outcome.${item.outcome}`)}</span>}
      </td>
      <td>{item.request && item.state ? <DeadlineCountdown request={item.request} compact /> : <span className="muted">—</span>}</td>
      <td>
        {item.request ? (
          <Link href={`/requests/${item.request.id}`} className="mono small" data-testid="batch-item-request">
            {item.request.reference}
          </Link>
        ) : (
          <span className="muted small">{t('noRequest')}</span>
        )}
      </td>
    </tr>
  );
}

/**
 * One batch of emergency stops: how many the banks answered (a progress bar), each bank in its status colour with the
 * money held so far, every stop with its state and clock, the time since the report and since the stops went out.
 * Live: a push about one of its requests reads the batch again; the summary is announced to screen readers.
 */
export function BatchPage({ caseId, batchId }: { caseId: string; batchId: string }) {
  const t = useTranslations('emergencyStops');
  const tc = useTranslations('common');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const query = useSearchParams();
  const [notice] = useState(() => (query.get('replayed') ? 'replayed' : query.get('sent') ? 'sent' : null));
  useEffect(() => {
    if (notice) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [notice]);
  const [batch, setBatch] = useState<FreezeBatch | null>(null);
  const [golden, setGolden] = useState<CaseGoldenMinutesFieldsFragment | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const d = await request(FREEZE_BATCH, { id: batchId });
      setBatch(d.freezeBatch);
      setError(null);
    } catch (e) {
      setError(e);
    }
    // The report time for the clock; the batch works without it.
    request(CASE_GOLDEN_MINUTES, { id: caseId })
      .then((d) => setGolden(d.case.goldenMinutes ?? null))
      .catch(() => undefined);
  }, [batchId, caseId, request]);
  useEffect(() => {
    void load();
  }, [load]);

  const requestIds = useMemo(() => new Set(batch?.items.flatMap((i) => (i.request ? [i.request.id] : [])) ?? []), [batch]);
  useLiveRefresh(() => void load(), (u) => requestIds.has(u.requestId));

  if (!batch && error) return <Unavailable error={error} messages="emergencyStops" backHref={`/cases/${caseId}`} onRetry={() => void load()} testId="batch-unavailable" />;
  if (!batch) return <p className="muted page-status">{tc('loading')}</p>;

  const totals = batch.totals;
  const followed = totals.awaiting + totals.holding + totals.ended;
  const answered = answeredOf(totals);
  const summary = t('summary', { answered, total: followed, holding: totals.holding, held: formatMoney(totals.amountHeld), asked: formatMoney(totals.amountAsked) });

  return (
    <div className="wide-page" data-testid="batch-page" data-batch-id={batch.id} data-answered={answered} data-total={followed}
      data-holding={totals.holding} data-amount-held={totals.amountHeld}>
      <Link href={`/cases/${caseId}`} className="back-link">
        ← {t('backToCase')}
      </Link>
      {notice === 'sent' && (
        <Alert tone="success" testId="batch-notice">
          {t('sentNotice', { count: totals.sent, banks: batch.banks.length })}
        </Alert>
      )}
      {notice === 'replayed' && <Alert tone="info" testId="batch-notice">{t('replayedNotice')}</Alert>}
      <div className="page-head">
        <div>
          <h1>{t('batchTitle')}</h1>
          <p className="muted">
            <span className="mono">{batch.caseNumber}</span> · {t('batchMeta', { at: formatDateTime(batch.createdAt), by: batch.createdByName ?? '—', doc: batch.legalBasisDoc })}
          </p>
        </div>
        <div className="actions">
          <LiveIndicator />
          <Link href={`/cases/${caseId}/trace/${batch.transferId}`} className="btn btn-small" data-testid="batch-trace">
            {t('openTrace')}
          </Link>
        </div>
      </div>
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={() => void load()} />}

      <section className="card" aria-labelledby="batch-progress-title" data-testid="batch-progress-card">
        <h2 id="batch-progress-title">{t('progressTitle')}</h2>
        <ProgressBar value={answered} max={followed} testId="batch-progress" label={t('progressLabel', { answered, total: followed })} />
        <div className={styles.figures}>
          <div className={`${styles.figure} ${styles.figureHeld}`}>
            <strong data-testid="batch-amount-held">{formatMoney(totals.amountHeld)}</strong>
            <span>{t('heldSoFar', { asked: formatMoney(totals.amountAsked) })}</span>
          </div>
          <div className={styles.figure}>
            <strong data-testid="batch-holding">{totals.holding}</strong>
            <span>{t('holdingStops')}</span>
          </div>
          <div className={styles.figure}>
            <strong data-testid="batch-awaiting">{totals.awaiting}</strong>
            <span>{t('awaitingStops')}</span>
          </div>
          {totals.overdue > 0 && (
            <div className={styles.figure}>
              <strong className={styles.bad}>{totals.overdue}</strong>
              <span>{t('overdueStops')}</span>
            </div>
          )}
          {(totals.notSent > 0 || totals.alreadyLive > 0) && (
            <div className={styles.figure}>
              <strong>{totals.notSent + totals.alreadyLive}</strong>
              <span>{t('notSentStops', { notSent: totals.notSent, alreadyLive: totals.alreadyLive })}</span>
            </div>
          )}
        </div>
        <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="batch-live-summary">
          {summary}
        </p>
        <h3>{t('clockTitle')}</h3>
        <Clock batch={batch} golden={golden} />
      </section>

      <section className="card" aria-labelledby="batch-banks-title">
        <h2 id="batch-banks-title">
          {t('banksTitle')} <span className="count">{batch.banks.length}</span>
        </h2>
        {batch.banks.length === 0 ? <p className="muted">{t('noBanks')}</p> : (
          <ul className={styles.banks} data-testid="batch-banks">
            {batch.banks.map((b) => <BankCard key={b.bank.id} b={b} />)}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="batch-items-title">
        <h2 id="batch-items-title">
          {t('itemsTitle')} <span className="count">{batch.items.length}</span>
        </h2>
        <div className="table-scroll">
          <table className="table table-compact" data-testid="batch-items">
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">{t('account')}</th>
                <th scope="col">{t('issuingBank')}</th>
                <th scope="col" className="num">{t('amountAsked')}</th>
                <th scope="col" className="num">{t('amountHeld')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('deadline')}</th>
                <th scope="col">{t('request')}</th>
              </tr>
            </thead>
            <tbody>
              {batch.items.map((item) => <ItemRow key={item.position} item={item} />)}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
