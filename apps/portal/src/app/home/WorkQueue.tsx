'use client';

import { AgencyKind, Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { LiveIndicator } from '../../components/LiveIndicator';
import { RetryAlert } from '../../components/ListParts';
import { useAuth, type User } from '../../lib/auth';
import { useLoadErrorMessage } from '../../lib/errors';
import { useFormatDateTime, useJoinList } from '../../lib/format';
import { useWorkQueueRefresh } from '../../lib/live';
import { PENDING_CHANGED_EVENT } from '../../lib/pending';
import { NOTIFICATIONS_CHANGED_EVENT, REQUESTS_CHANGED_EVENT } from '../../lib/requests';
import { WorkGroupSection } from './WorkGroup';
import { crossedDeadline, ITEMS_SHOWN, WORK_QUEUE, type WorkQueueData } from './work-queue';
import styles from './work-queue.module.css';

const MINUTE = 60_000;
/** Same-tab changes the api pushes nothing for (a decision, a read notice, a request opened here): ask again. */
const LOCAL_CHANGES = [REQUESTS_CHANGED_EVENT, NOTIFICATIONS_CHANGED_EVENT, PENDING_CHANGED_EVENT];

/** The page's clock for the deadline colours: a tick a minute, not a second (nothing here counts seconds). */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The empty state's sentence: the user's first role's (a police liaison's has no queue of its own). */
function emptyTextKey(user: User, role: Role | undefined): string {
  if (!role) return Role.ADMIN;
  return role === Role.LIAISON && user.agency.kind === AgencyKind.POLICE ? 'LIAISON_POLICE' : role;
}

/**
 * What is waiting for the signed-in user (workQueue): one group per kind of work the user's roles have, in the api's
 * order (deadlines, decisions, news), each with its first items one click from their action. Asked again when the
 * api says the queue may have changed, after a reconnect, and after a change made in this tab; the deadline colours
 * follow a minute clock, and an item passing its deadline asks for the counts again. `role`: the user's first in the
 * home page's order, whose sentence the empty state says.
 */
export function WorkQueue({ user, role }: { user: User; role: Role | undefined }) {
  const t = useTranslations('workQueue');
  const { request } = useAuth();
  const loadErrorMessage = useLoadErrorMessage();
  const formatDateTime = useFormatDateTime();
  const joinList = useJoinList();
  const now = useMinuteClock();
  const [queue, setQueue] = useState<WorkQueueData | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    request(WORK_QUEUE, { first: ITEMS_SHOWN })
      .then((data) => {
        setQueue(data.workQueue);
        setError(null);
      })
      // What is shown stays; the alert offers to try again.
      .catch((e: unknown) => setError(e));
  }, [request]);

  useEffect(() => {
    load();
    for (const name of LOCAL_CHANGES) window.addEventListener(name, load);
    return () => {
      for (const name of LOCAL_CHANGES) window.removeEventListener(name, load);
    };
  }, [load]);
  useWorkQueueRefresh(load);
  useEffect(() => {
    if (queue && crossedDeadline(queue, now)) load();
  }, [queue, now, load]);

  const waiting = queue?.groups.filter((g) => g.count > 0) ?? [];
  const idle = queue?.groups.filter((g) => g.count === 0) ?? [];

  return (
    <section className={`card ${styles.queue}`} aria-labelledby="work-queue-title" data-testid="work-queue"
      data-loaded={queue ? 'true' : undefined} data-total={queue?.total} data-overdue={queue?.overdueTotal}>
      <div className="section-head">
        <h2 id="work-queue-title">{t('title')}</h2>
        {queue && (
          <span className={styles.summary} data-testid="work-queue-summary">
            {t('summary', { total: queue.total })}
            {queue.overdueTotal > 0 && (
              <span className={styles.overdueCount} data-testid="work-queue-overdue">
                {t('summaryOverdue', { count: queue.overdueTotal })}
              </span>
            )}
          </span>
        )}
        <span className={styles.headRight}>
          {queue && <span className="muted small">{t('updated', { time: formatDateTime(queue.at) })}</span>}
          <LiveIndicator />
        </span>
      </div>
      {error !== null && <RetryAlert message={loadErrorMessage(error)} onRetry={load} testId="work-queue-error" />}
      <div aria-live="polite" aria-busy={!queue && error === null} data-testid="work-queue-list">
        {!queue && error === null && <p className="muted">{t('loading')}</p>}
        {queue && waiting.length === 0 && (
          <div className={styles.empty} data-testid="work-queue-empty">
            <p className={styles.emptyTitle}>{t('empty.title')}</p>
            <p className="muted">{t(`empty.${emptyTextKey(user, role)}`)}</p>
          </div>
        )}
        {waiting.map((g) => (
          <WorkGroupSection key={g.kind} group={g} now={now} />
        ))}
        {queue && waiting.length > 0 && idle.length > 0 && (
          <p className="muted small" data-testid="work-queue-idle">
            {t('nothingIn', { kinds: joinList(idle.map((g) => t(`kinds.${g.kind}`))) })}
          </p>
        )}
      </div>
    </section>
  );
}
