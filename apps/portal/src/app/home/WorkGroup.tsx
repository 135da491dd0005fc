'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { MARK_NOTIFICATION_READ } from '../../components/NotificationBell';
import { RequestStateBadge, UrgencyTag } from '../../components/RequestBadges';
import { useAuth } from '../../lib/auth';
import { useAgencyName, useFormatDateTime } from '../../lib/format';
import { useFormatMoney } from '../../lib/money';
import { announceNotificationsChanged } from '../../lib/requests';
import { colourAt, isOverdueAt, READ_ON_OPEN, SHOW_ALL, type WorkGroup, type WorkItem } from './work-queue';
import styles from './work-queue.module.css';

/** How long an item has to its deadline, in words and colour (never colour alone), with the deadline and its zone. */
function Due({ item, now }: { item: WorkItem; now: number }) {
  const t = useTranslations('workQueue');
  const formatDateTime = useFormatDateTime();
  const colour = colourAt(item, now);
  if (!item.dueAt || !colour) {
    return <span className="muted">{t('since', { time: formatDateTime(item.since) })}</span>;
  }
  const overdue = isOverdueAt(item, now);
  return (
    <>
      <span className={`${styles.status} ${styles[`status-${overdue ? 'OVERDUE' : colour}`]}`} data-testid="work-item-status">
        {t(`colours.${overdue ? 'OVERDUE' : colour}`)}
      </span>
      <span className={overdue ? styles.overdueTime : undefined} data-testid="work-item-due">
        {t(overdue ? 'wasDue' : 'due', { time: formatDateTime(item.dueAt) })}
      </span>
    </>
  );
}

/** One waiting item: a link to where its action is, with what there is to know before opening it. */
function WorkItemRow({ item, now }: { item: WorkItem; now: number }) {
  const t = useTranslations('workQueue');
  const locale = useLocale();
  const { request } = useAuth();
  const agencyName = useAgencyName();
  const formatMoney = useFormatMoney();
  const colour = colourAt(item, now);
  const overdue = isOverdueAt(item, now);

  // A notice leaves the queue once opened: marked read as it is followed (the next page does not wait for it).
  function opened() {
    if (!READ_ON_OPEN.has(item.kind) || !item.notificationId) return;
    request(MARK_NOTIFICATION_READ, { id: item.notificationId })
      .then(() => announceNotificationsChanged())
      .catch(() => undefined);
  }

  return (
    <li className={styles.item} data-testid="work-item" data-kind={item.kind} data-id={item.id} data-colour={colour ?? 'NONE'}
      data-overdue={overdue ? 'true' : 'false'}>
      <Link href={item.target.path} className={`${styles.itemLink} ${styles[`edge-${overdue ? 'OVERDUE' : colour ?? 'NONE'}`]}`}
        onClick={opened} data-testid="work-item-link">
        <span className={styles.itemTitle} data-testid="work-item-title">{locale === 'en' ? item.title.en : item.title.zh}</span>
        <span className={styles.itemFacts}>
          <Due item={item} now={now} />
          {item.urgency === 'URGENT' && <UrgencyTag urgency={item.urgency} />}
          {item.requestState && <RequestStateBadge state={item.requestState} testId="work-item-state" />}
          {item.agency && <span data-testid="work-item-agency">{t(`agency.${item.kind}`, { agency: agencyName(item.agency) })}</span>}
          {item.amount && (
            <strong data-testid="work-item-amount">{t(item.kind === 'HOLD_LAPSING' ? 'held' : 'amount', { amount: formatMoney(item.amount) })}</strong>
          )}
          {item.caseNumber && <span className="mono">{t('case', { number: item.caseNumber })}</span>}
        </span>
      </Link>
    </li>
  );
}

/** A kind of work: how much is waiting (and overdue, in red), the first items, and the way to all of them. */
export function WorkGroupSection({ group, now }: { group: WorkGroup; now: number }) {
  const t = useTranslations('workQueue');
  const label = t(`kinds.${group.kind}`);
  const headingId = `work-group-${group.kind}`;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid="work-group" data-kind={group.kind} data-count={group.count}
      data-overdue-count={group.overdueCount}>
      <div className={styles.groupHead}>
        <h3 id={headingId}>
          {label} <span className="count" data-testid="work-group-count">{group.count}</span>
        </h3>
        {group.overdueCount > 0 && (
          <span className={styles.overdueCount} data-testid="work-group-overdue">
            {t('overdueCount', { count: group.overdueCount })}
          </span>
        )}
        <span className="muted small">{t(`hints.${group.kind}`)}</span>
        <Link href={SHOW_ALL[group.kind]} className={styles.showAll} aria-label={t('showAllLabel', { group: label })} data-testid="work-group-all">
          {t('showAll')}
        </Link>
      </div>
      <ul className={styles.items}>
        {group.items.map((item) => (
          <WorkItemRow key={item.id} item={item} now={now} />
        ))}
      </ul>
    </section>
  );
}
