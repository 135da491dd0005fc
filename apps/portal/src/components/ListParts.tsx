'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Alert } from './Alert';

/** A failed list load, with a button to try again. */
export function RetryAlert({ message, onRetry, testId }: { message: string; onRetry(): void; testId?: string }) {
  const tc = useTranslations('common');
  return (
    <Alert tone="error" testId={testId}>
      {message}{' '}
      <button type="button" className="btn btn-small" onClick={onRetry}>
        {tc('retry')}
      </button>
    </Alert>
  );
}

interface FootProps {
  loading: boolean;
  hasMore: boolean;
  onMore(): void;
  /** Shown when the list loaded empty; nothing when absent. */
  empty?: ReactNode;
  moreTestId?: string;
  /** Beside the "load more" button, e.g. "20 of 135 shown". */
  moreNote?: ReactNode;
}

/** Under a paged table: "loading…", the empty notice, or the "load more" button. */
export function ListFoot({ loading, hasMore, onMore, empty, moreTestId, moreNote }: FootProps) {
  const tc = useTranslations('common');
  return (
    <>
      {loading && <p className="muted table-status">{tc('loading')}</p>}
      {!loading && empty}
      {hasMore && !loading && (
        <div className="table-foot">
          <button type="button" className="btn" onClick={onMore} data-testid={moreTestId}>
            {tc('loadMore')}
          </button>
          {moreNote}
        </div>
      )}
    </>
  );
}

/** The header of a column of buttons: named for screen readers, empty on screen. */
export function ActionsHeader() {
  const tc = useTranslations('common');
  return (
    <th>
      <span className="visually-hidden">{tc('actions')}</span>
    </th>
  );
}
