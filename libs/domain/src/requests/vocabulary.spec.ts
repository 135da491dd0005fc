import { AgencyKind } from '../agency';
import { holdPeriod } from './deadlines';
import { awaitsAnswer, FreezeKind, HOLDING_STATES, RequestState as S, RequestType } from './machines';
import { ENDED_FREEZE_STATES, FREEZE_OUTCOMES, LIVE_FREEZE_STATES, OPEN_REQUEST_STATES, REQUEST_TARGET_KIND, TELECOM_OUTCOMES } from './vocabulary';

describe('request vocabularies', () => {
  it('the open states are those in which some type still awaits an answer', () => {
    const open = Object.values(S).filter((s) => Object.values(RequestType).some((t) => awaitsAnswer(t, s)));
    expect([...OPEN_REQUEST_STATES].sort()).toEqual(open.sort());
    expect(OPEN_REQUEST_STATES).toEqual([S.SENT, S.ACKNOWLEDGED, S.IN_PROGRESS]);
  });

  it('a freeze is live until it ends, and the two lists cover every state a freeze reaches', () => {
    expect(LIVE_FREEZE_STATES).toEqual([S.DRAFT, S.SENT, S.ACKNOWLEDGED, S.FROZEN, S.PARTIALLY_FROZEN, S.EXTENDED]);
    expect(ENDED_FREEZE_STATES).toEqual([S.NO_FUNDS, S.ACCOUNT_NOT_FOUND, S.REJECTED, S.RELEASED, S.EXPIRED]);
    expect(HOLDING_STATES.every((s) => LIVE_FREEZE_STATES.includes(s))).toBe(true);
  });

  it('answers, targets and warning periods', () => {
    expect(FREEZE_OUTCOMES).toEqual([S.FROZEN, S.PARTIALLY_FROZEN, S.NO_FUNDS, S.ACCOUNT_NOT_FOUND, S.REJECTED]);
    expect(TELECOM_OUTCOMES).toEqual([S.COMPLETED, S.NOT_FOUND, S.REFUSED]);
    expect(REQUEST_TARGET_KIND).toEqual({ FREEZE: AgencyKind.BANK, TELECOM: AgencyKind.TELECOM, COOPERATION: AgencyKind.FOREIGN_PARTNER });
    expect(holdPeriod(FreezeKind.EMERGENCY_STOP).warnBeforeMs).toBe(6 * 3600_000);
    expect(holdPeriod(FreezeKind.FREEZE).warnBeforeMs).toBe(7 * 24 * 3600_000);
  });
});
