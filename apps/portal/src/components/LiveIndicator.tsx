'use client';

import { useTranslations } from 'next-intl';
import { useLiveStatus } from '../lib/live';

/** Whether pushed changes arrive: a green "live" dot, or "reconnecting" while the socket is down. */
export function LiveIndicator() {
  const t = useTranslations('live');
  const status = useLiveStatus();
  const live = status === 'open';
  return (
    <span className={`live-indicator${live ? ' live-on' : ''}`} data-testid="live-status" data-status={status} title={t(`${status}Hint`)}>
      <span className="live-dot" aria-hidden="true" />
      {t(status)}
    </span>
  );
}
