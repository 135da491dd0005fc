import { CooperationKind, FreezeKind, RequestType, TelecomKind, Urgency } from './machines';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DeadlineRule {
  type: RequestType;
  kind: string;
  urgency: Urgency;
  /** Time the addressed agency has to answer. */
  answerWithinMs: number;
}

/**
 * Default answer deadlines (the database holds the live ones, seeded from these): an emergency stop is
 * worth nothing an hour late; cross-border urgent requests get 8 hours, others 7 days.
 */
export const DEFAULT_DEADLINES: readonly DeadlineRule[] = [
  { type: RequestType.FREEZE, kind: FreezeKind.EMERGENCY_STOP, urgency: Urgency.URGENT, answerWithinMs: 30 * MINUTE },
  { type: RequestType.FREEZE, kind: FreezeKind.EMERGENCY_STOP, urgency: Urgency.NORMAL, answerWithinMs: 2 * HOUR },
  { type: RequestType.FREEZE, kind: FreezeKind.FREEZE, urgency: Urgency.URGENT, answerWithinMs: 4 * HOUR },
  { type: RequestType.FREEZE, kind: FreezeKind.FREEZE, urgency: Urgency.NORMAL, answerWithinMs: DAY },
  { type: RequestType.TELECOM, kind: TelecomKind.SUSPEND_NUMBER, urgency: Urgency.URGENT, answerWithinMs: HOUR },
  { type: RequestType.TELECOM, kind: TelecomKind.SUSPEND_NUMBER, urgency: Urgency.NORMAL, answerWithinMs: DAY },
  { type: RequestType.TELECOM, kind: TelecomKind.SUBSCRIBER_INFO, urgency: Urgency.URGENT, answerWithinMs: 4 * HOUR },
  { type: RequestType.TELECOM, kind: TelecomKind.SUBSCRIBER_INFO, urgency: Urgency.NORMAL, answerWithinMs: 3 * DAY },
  { type: RequestType.TELECOM, kind: TelecomKind.BLOCK_URL_OR_DOMAIN, urgency: Urgency.URGENT, answerWithinMs: 2 * HOUR },
  { type: RequestType.TELECOM, kind: TelecomKind.BLOCK_URL_OR_DOMAIN, urgency: Urgency.NORMAL, answerWithinMs: DAY },
  ...Object.values(CooperationKind).flatMap((kind) => [
    { type: RequestType.COOPERATION, kind, urgency: Urgency.URGENT, answerWithinMs: 8 * HOUR },
    { type: RequestType.COOPERATION, kind, urgency: Urgency.NORMAL, answerWithinMs: 7 * DAY },
  ]),
];

/** How long a freeze holds money once in place, and how long before it lapses its sender is warned. */
export function holdPeriod(kind: FreezeKind): { holdMs: number; warnBeforeMs: number } {
  return kind === FreezeKind.EMERGENCY_STOP ? { holdMs: 48 * HOUR, warnBeforeMs: 6 * HOUR } : { holdMs: 183 * DAY, warnBeforeMs: 7 * DAY };
}

/** When a hold placed (or extended) at `from` lapses. */
export function holdExpiresAt(kind: FreezeKind, from: Date): Date {
  return new Date(from.getTime() + holdPeriod(kind).holdMs);
}

/** Traffic-light urgency of an open request for inboxes: red when overdue or under a quarter of its time left. */
export function deadlineColour(sentAt: Date, deadline: Date, now: Date): 'RED' | 'AMBER' | 'GREEN' {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return 'RED';
  const total = Math.max(1, deadline.getTime() - sentAt.getTime());
  if (left < total / 4) return 'RED';
  return left < total / 2 ? 'AMBER' : 'GREEN';
}
