/**
 * Requests between agencies as explicit state machines: who (the sending police agency, the addressed
 * agency, or the system's clock) may move a request from which state to which. Pure data and checks;
 * services turn a problem into a CONFLICT naming the current state.
 */
/** Who moves a request: the sending police agency, the addressed agency, or the system's clock. */
export const REQUEST_PARTIES = ['SENDER', 'RECIPIENT', 'SYSTEM'] as const;
export type RequestParty = (typeof REQUEST_PARTIES)[number];

export enum RequestType {
  FREEZE = 'FREEZE',
  TELECOM = 'TELECOM',
  COOPERATION = 'COOPERATION',
}

export enum Urgency {
  URGENT = 'URGENT',
  NORMAL = 'NORMAL',
}

export enum FreezeKind {
  /** Stop-payment: holds funds 48 hours, may be extended once. */
  EMERGENCY_STOP = 'EMERGENCY_STOP',
  /** Freeze: 6 months, renewable. */
  FREEZE = 'FREEZE',
}

export enum TelecomKind {
  SUBSCRIBER_INFO = 'SUBSCRIBER_INFO',
  SUSPEND_NUMBER = 'SUSPEND_NUMBER',
  BLOCK_URL_OR_DOMAIN = 'BLOCK_URL_OR_DOMAIN',
}

export enum CooperationKind {
  INFORMATION_SHARING = 'INFORMATION_SHARING',
  INVESTIGATIVE_ASSISTANCE = 'INVESTIGATIVE_ASSISTANCE',
  JOINT_OPERATION = 'JOINT_OPERATION',
  EXTRADITION = 'EXTRADITION',
  ASSET_RECOVERY = 'ASSET_RECOVERY',
}

export enum LegalBasis {
  TREATY = 'TREATY',
  MUTUAL_LEGAL_ASSISTANCE = 'MUTUAL_LEGAL_ASSISTANCE',
  RECIPROCITY = 'RECIPROCITY',
}

export enum RequestState {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  // freeze answers and after
  FROZEN = 'FROZEN',
  PARTIALLY_FROZEN = 'PARTIALLY_FROZEN',
  NO_FUNDS = 'NO_FUNDS',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  REJECTED = 'REJECTED',
  EXTENDED = 'EXTENDED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
  // telecom answers
  COMPLETED = 'COMPLETED',
  NOT_FOUND = 'NOT_FOUND',
  REFUSED = 'REFUSED',
  // cooperation
  IN_PROGRESS = 'IN_PROGRESS',
  FULFILLED = 'FULFILLED',
  PARTIALLY_FULFILLED = 'PARTIALLY_FULFILLED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

type Machine = Partial<Record<RequestState, Partial<Record<RequestState, RequestParty>>>>;

const S = RequestState;
const HELD = { [S.EXTENDED]: 'SENDER', [S.RELEASED]: 'SENDER', [S.EXPIRED]: 'SYSTEM' } as const;
const FREEZE_ANSWERS = {
  [S.FROZEN]: 'RECIPIENT', [S.PARTIALLY_FROZEN]: 'RECIPIENT', [S.NO_FUNDS]: 'RECIPIENT', [S.ACCOUNT_NOT_FOUND]: 'RECIPIENT', [S.REJECTED]: 'RECIPIENT',
} as const;

const MACHINES: Record<RequestType, Machine> = {
  [RequestType.FREEZE]: {
    [S.DRAFT]: { [S.SENT]: 'SENDER' },
    [S.SENT]: { [S.ACKNOWLEDGED]: 'RECIPIENT', ...FREEZE_ANSWERS },
    [S.ACKNOWLEDGED]: { ...FREEZE_ANSWERS },
    [S.FROZEN]: HELD,
    [S.PARTIALLY_FROZEN]: HELD,
    [S.EXTENDED]: HELD,
  },
  [RequestType.TELECOM]: {
    [S.DRAFT]: { [S.SENT]: 'SENDER', [S.WITHDRAWN]: 'SENDER' },
    [S.SENT]: { [S.ACKNOWLEDGED]: 'RECIPIENT', [S.COMPLETED]: 'RECIPIENT', [S.NOT_FOUND]: 'RECIPIENT', [S.REFUSED]: 'RECIPIENT', [S.WITHDRAWN]: 'SENDER' },
    [S.ACKNOWLEDGED]: { [S.COMPLETED]: 'RECIPIENT', [S.NOT_FOUND]: 'RECIPIENT', [S.REFUSED]: 'RECIPIENT', [S.WITHDRAWN]: 'SENDER' },
  },
  [RequestType.COOPERATION]: {
    [S.DRAFT]: { [S.SENT]: 'SENDER', [S.WITHDRAWN]: 'SENDER' },
    [S.SENT]: { [S.ACKNOWLEDGED]: 'RECIPIENT', [S.DECLINED]: 'RECIPIENT', [S.WITHDRAWN]: 'SENDER' },
    [S.ACKNOWLEDGED]: { [S.IN_PROGRESS]: 'RECIPIENT', [S.FULFILLED]: 'RECIPIENT', [S.PARTIALLY_FULFILLED]: 'RECIPIENT', [S.DECLINED]: 'RECIPIENT', [S.WITHDRAWN]: 'SENDER' },
    [S.IN_PROGRESS]: { [S.FULFILLED]: 'RECIPIENT', [S.PARTIALLY_FULFILLED]: 'RECIPIENT', [S.DECLINED]: 'RECIPIENT', [S.WITHDRAWN]: 'SENDER' },
  },
};

/** The states a request of this type can end up in after `from`, for whom. */
export function allowedRequestTransitions(type: RequestType, from: RequestState, by?: RequestParty): RequestState[] {
  return Object.entries(MACHINES[type][from] ?? {})
    .filter(([, who]) => by === undefined || who === by)
    .map(([to]) => to as RequestState);
}

/**
 * Why `by` may not move a request of `type` from `from` to `to`, or null when it may. Emergency stops
 * extend once; freezes renew as often as their legal documents allow.
 */
export function requestTransitionProblem(
  type: RequestType,
  from: RequestState,
  to: RequestState,
  by: RequestParty,
  context: { freezeKind?: FreezeKind; extensions?: number } = {},
): string | null {
  const who = MACHINES[type][from]?.[to];
  if (!who) {
    const next = allowedRequestTransitions(type, from);
    return next.length === 0 ? `${from} is final` : `${from} can only become ${next.join(', ')}`;
  }
  if (who !== by) return `only the ${who === 'SENDER' ? 'sending agency' : who === 'RECIPIENT' ? 'addressed agency' : 'system'} moves a request from ${from} to ${to}`;
  if (to === S.EXTENDED && context.freezeKind === FreezeKind.EMERGENCY_STOP && (context.extensions ?? 0) >= 1) {
    return 'an emergency stop may be extended once; send a FREEZE to hold the funds longer';
  }
  return null;
}

/** States in which the addressed agency still owes an answer (the deadline runs). */
export function awaitsAnswer(type: RequestType, state: RequestState): boolean {
  if (state === S.SENT || state === S.ACKNOWLEDGED) return true;
  return type === RequestType.COOPERATION && state === S.IN_PROGRESS;
}

/** States in which a freeze holds money (and can lapse). */
export const HOLDING_STATES: readonly RequestState[] = [S.FROZEN, S.PARTIALLY_FROZEN, S.EXTENDED];

export function isFinal(type: RequestType, state: RequestState): boolean {
  return allowedRequestTransitions(type, state).length === 0 && state !== S.DRAFT;
}
