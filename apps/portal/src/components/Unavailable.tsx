'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useLoadReason } from '../lib/errors';
import { GqlError } from '../lib/graphql';

interface Props {
  /** Why the record did not load. NOT_FOUND and FORBIDDEN read as "not found" (no retry); anything else as a failed load. */
  error: unknown;
  /** The page's texts: notFoundTitle, loadFailedTitle, notFoundText and backToList. */
  messages: 'case' | 'requestPage' | 'series' | 'taskForces' | 'emergencyStops';
  /** The list the page belongs to. */
  backHref: string;
  onRetry(): void;
  testId: string;
}

/** A detail page whose record is not there for this user, or failed to load: what happened, back to the list, retry. */
export function Unavailable({ error, messages, backHref, onRetry, testId }: Props) {
  const t = useTranslations(messages);
  const tc = useTranslations('common');
  const loadReason = useLoadReason();
  const notFound = error instanceof GqlError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');
  return (
    <section className="card" data-testid={testId}>
      <h1>{notFound ? t('notFoundTitle') : t('loadFailedTitle')}</h1>
      <p>{notFound ? t('notFoundText') : loadReason(error)}</p>
      <div className="actions">
        <Link href={backHref} className="btn">
          {t('backToList')}
        </Link>
        {!notFound && (
          <button type="button" className="btn" onClick={onRetry}>
            {tc('retry')}
          </button>
        )}
      </div>
    </section>
  );
}
