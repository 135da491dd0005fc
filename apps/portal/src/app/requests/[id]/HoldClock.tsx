'use client';

import { FreezeKind, holdPeriod } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { useNow } from '../../../lib/clock';
import { useFormatDateTime } from '../../../lib/format';
import type { AgencyRequest } from './RequestPage';

const HOUR = 3_600_000;

/** How long a freeze still holds the money: amber once its sender is warned (6 hours before for an emergency stop, 7 days for a freeze). */
export function HoldClock({ request }: { request: AgencyRequest }) {
  const t = useTranslations('requestPage.hold');
  const now = useNow();
  const formatDateTime = useFormatDateTime();
  if (!request.expiresAt) return null;
  const left = new Date(request.expiresAt).getTime() - now;
  const { warnBeforeMs: warnMs } = holdPeriod(request.kind === FreezeKind.EMERGENCY_STOP ? FreezeKind.EMERGENCY_STOP : FreezeKind.FREEZE);
  const tone = left <= 0 ? 'RED' : left < warnMs ? 'AMBER' : 'GREEN';
  const days = Math.floor(Math.max(0, left) / (24 * HOUR));
  const hours = Math.floor((Math.max(0, left) % (24 * HOUR)) / HOUR);
  const minutes = Math.floor((Math.max(0, left) % HOUR) / 60_000);
  return (
    <div className="hold-clock" data-testid="hold-clock">
      <div className="muted small">{t('holdsUntil', { time: formatDateTime(request.expiresAt) })}</div>
      <div className={`deadline deadline-${tone}`}>
        {left <= 0 ? t('lapsed') : days > 0 ? t('leftDays', { d: days, h: hours }) : t('leftHours', { h: hours, m: minutes })}
      </div>
      {request.extensions > 0 && <div className="muted small">{t('extended', { count: request.extensions })}</div>}
    </div>
  );
}
