import { AgencyKind } from '../agency';
import { allowedRequestTransitions, awaitsAnswer, isFinal, RequestState, RequestType } from './machines';

/**
 * The words of requests that more than one place needs (issue 15 part 6): the api, the worker, the dashboard, the
 * portal and SQL all take them from here. SQL gets them as parameters (`state = ANY ($1)`), or, in functions, policies
 * and indexes, from the IMMUTABLE `vocab_…()` functions generated from these lists (libs/db/src/vocabulary).
 */

const S = RequestState;

/** States in which the addressed agency still owes an answer, for any type (its deadline runs; `awaitsAnswer` per type). */
export const OPEN_REQUEST_STATES: readonly RequestState[] = [S.SENT, S.ACKNOWLEDGED, S.IN_PROGRESS];

/** States in which a freeze holds money (and can lapse): `HOLDING_STATES`, next to the machines. */

/** States in which the bank still owes its answer to a freeze (and may report where the money went on). */
export const FREEZE_AWAITING_STATES: readonly RequestState[] = Object.values(S).filter((s) => awaitsAnswer(RequestType.FREEZE, s));

/** A freeze that may still act (a draft, waiting, or holding money): one per case, account and kind. */
export const LIVE_FREEZE_STATES: readonly RequestState[] = Object.values(S).filter((s) => allowedRequestTransitions(RequestType.FREEZE, s).length > 0);

/** The ends of a freeze: after these the same freeze may be sent again. */
export const ENDED_FREEZE_STATES: readonly RequestState[] = Object.values(S).filter(
  (s) => isFinal(RequestType.FREEZE, s) && Object.values(S).some((from) => allowedRequestTransitions(RequestType.FREEZE, from).includes(s)),
);

/** The bank's answers to a freeze, the telecom's to its request. */
export const FREEZE_OUTCOMES: readonly RequestState[] = allowedRequestTransitions(RequestType.FREEZE, S.SENT, 'RECIPIENT').filter((s) => s !== S.ACKNOWLEDGED);
export const TELECOM_OUTCOMES: readonly RequestState[] = allowedRequestTransitions(RequestType.TELECOM, S.SENT, 'RECIPIENT').filter((s) => s !== S.ACKNOWLEDGED);

/** The entries of a request's timeline: a move, a message, the clock marking it overdue or warning of a hold's end. */
export enum RequestEventKind {
  STATE = 'STATE',
  MESSAGE = 'MESSAGE',
  OVERDUE = 'OVERDUE',
  EXPIRY_WARNING = 'EXPIRY_WARNING',
}

/** The kind of agency each type of request goes to. */
export const REQUEST_TARGET_KIND: Readonly<Record<RequestType, AgencyKind>> = {
  [RequestType.FREEZE]: AgencyKind.BANK,
  [RequestType.TELECOM]: AgencyKind.TELECOM,
  [RequestType.COOPERATION]: AgencyKind.FOREIGN_PARTNER,
};

/** The letters a reference starts with: FR-440000-2026-000042. */
export const REQUEST_REFERENCE_PREFIX: Readonly<Record<RequestType, string>> = {
  [RequestType.FREEZE]: 'FR',
  [RequestType.TELECOM]: 'TR',
  [RequestType.COOPERATION]: 'CR',
};
