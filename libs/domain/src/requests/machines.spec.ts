import { DEFAULT_DEADLINES, deadlineColour, holdExpiresAt } from './deadlines';
import {
  allowedRequestTransitions, awaitsAnswer, CooperationKind, FreezeKind, isFinal, RequestState as S, requestTransitionProblem, RequestType, TelecomKind, Urgency,
} from './machines';

describe('request state machines', () => {
  it('lets a freeze go DRAFT → SENT → ACKNOWLEDGED → PARTIALLY_FROZEN → EXTENDED → RELEASED with the right party each time', () => {
    const path: Array<[S, S, 'SENDER' | 'RECIPIENT' | 'SYSTEM']> = [
      [S.DRAFT, S.SENT, 'SENDER'], [S.SENT, S.ACKNOWLEDGED, 'RECIPIENT'], [S.ACKNOWLEDGED, S.PARTIALLY_FROZEN, 'RECIPIENT'],
      [S.PARTIALLY_FROZEN, S.EXTENDED, 'SENDER'], [S.EXTENDED, S.RELEASED, 'SENDER'],
    ];
    for (const [from, to, by] of path) expect({ from, to, problem: requestTransitionProblem(RequestType.FREEZE, from, to, by, { freezeKind: FreezeKind.FREEZE }) }).toEqual({ from, to, problem: null });
  });

  it('names the current state and what it can become when a move is not allowed', () => {
    expect(requestTransitionProblem(RequestType.FREEZE, S.FROZEN, S.SENT, 'SENDER')).toBe('FROZEN can only become EXTENDED, RELEASED, EXPIRED');
    expect(requestTransitionProblem(RequestType.FREEZE, S.RELEASED, S.FROZEN, 'RECIPIENT')).toBe('RELEASED is final');
  });

  it('keeps each side to its own moves: banks answer, police send, extend and release, the clock expires', () => {
    expect(requestTransitionProblem(RequestType.FREEZE, S.SENT, S.FROZEN, 'SENDER')).toMatch(/only the addressed agency/);
    expect(requestTransitionProblem(RequestType.FREEZE, S.FROZEN, S.RELEASED, 'RECIPIENT')).toMatch(/only the sending agency/);
    expect(requestTransitionProblem(RequestType.FREEZE, S.FROZEN, S.EXPIRED, 'SENDER')).toMatch(/only the system/);
    expect(allowedRequestTransitions(RequestType.FREEZE, S.SENT, 'RECIPIENT')).toEqual([S.ACKNOWLEDGED, S.FROZEN, S.PARTIALLY_FROZEN, S.NO_FUNDS, S.ACCOUNT_NOT_FOUND, S.REJECTED]);
    expect(allowedRequestTransitions(RequestType.FREEZE, S.SENT, 'SENDER')).toEqual([]);
  });

  it('extends an emergency stop once, a freeze as often as renewed', () => {
    expect(requestTransitionProblem(RequestType.FREEZE, S.FROZEN, S.EXTENDED, 'SENDER', { freezeKind: FreezeKind.EMERGENCY_STOP, extensions: 0 })).toBeNull();
    expect(requestTransitionProblem(RequestType.FREEZE, S.EXTENDED, S.EXTENDED, 'SENDER', { freezeKind: FreezeKind.EMERGENCY_STOP, extensions: 1 })).toMatch(/extended once/);
    expect(requestTransitionProblem(RequestType.FREEZE, S.EXTENDED, S.EXTENDED, 'SENDER', { freezeKind: FreezeKind.FREEZE, extensions: 5 })).toBeNull();
  });

  it('telecom and cooperation requests: withdrawn by the sender until answered, answered by the recipient', () => {
    expect(requestTransitionProblem(RequestType.TELECOM, S.ACKNOWLEDGED, S.WITHDRAWN, 'SENDER')).toBeNull();
    expect(requestTransitionProblem(RequestType.TELECOM, S.COMPLETED, S.WITHDRAWN, 'SENDER')).toBe('COMPLETED is final');
    expect(requestTransitionProblem(RequestType.COOPERATION, S.SENT, S.FULFILLED, 'RECIPIENT')).toBe('SENT can only become ACKNOWLEDGED, DECLINED, WITHDRAWN');
    expect(requestTransitionProblem(RequestType.COOPERATION, S.IN_PROGRESS, S.PARTIALLY_FULFILLED, 'RECIPIENT')).toBeNull();
    expect(isFinal(RequestType.COOPERATION, S.DECLINED)).toBe(true);
    expect(isFinal(RequestType.COOPERATION, S.DRAFT)).toBe(false);
  });

  it('the deadline runs while an answer is owed', () => {
    expect(awaitsAnswer(RequestType.FREEZE, S.ACKNOWLEDGED)).toBe(true);
    expect(awaitsAnswer(RequestType.FREEZE, S.FROZEN)).toBe(false);
    expect(awaitsAnswer(RequestType.COOPERATION, S.IN_PROGRESS)).toBe(true);
    expect(awaitsAnswer(RequestType.TELECOM, S.DRAFT)).toBe(false);
  });
});

describe('deadlines', () => {
  it('has a rule for every type, kind and urgency, urgent always sooner', () => {
    const kinds: Array<[RequestType, string[]]> = [
      [RequestType.FREEZE, Object.values(FreezeKind)], [RequestType.TELECOM, Object.values(TelecomKind)], [RequestType.COOPERATION, Object.values(CooperationKind)],
    ];
    for (const [type, list] of kinds) {
      for (const kind of list) {
        const urgent = DEFAULT_DEADLINES.find((d) => d.type === type && d.kind === kind && d.urgency === Urgency.URGENT);
        const normal = DEFAULT_DEADLINES.find((d) => d.type === type && d.kind === kind && d.urgency === Urgency.NORMAL);
        expect(urgent && normal && urgent.answerWithinMs < normal.answerWithinMs).toBe(true);
      }
    }
    const coop = DEFAULT_DEADLINES.filter((d) => d.type === RequestType.COOPERATION);
    expect(new Set(coop.map((d) => `${d.urgency}:${d.answerWithinMs / 3600_000}h`))).toEqual(new Set(['URGENT:8h', 'NORMAL:168h']));
  });

  it('holds an emergency stop 48 hours and a freeze about six months', () => {
    const from = new Date('2026-11-22T00:00:00Z');
    expect(holdExpiresAt(FreezeKind.EMERGENCY_STOP, from).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(holdExpiresAt(FreezeKind.FREEZE, from).toISOString()).toBe('2027-05-24T00:00:00.000Z');
  });

  it('colours a countdown green, amber under half the time left, red under a quarter and when overdue', () => {
    const sent = new Date(0);
    const due = new Date(100_000);
    expect(deadlineColour(sent, due, new Date(10_000))).toBe('GREEN');
    expect(deadlineColour(sent, due, new Date(60_000))).toBe('AMBER');
    expect(deadlineColour(sent, due, new Date(80_000))).toBe('RED');
    expect(deadlineColour(sent, due, new Date(100_001))).toBe('RED');
  });
});
