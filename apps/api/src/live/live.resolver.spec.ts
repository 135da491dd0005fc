import { AgencyKind, Role } from '@caselink/domain';
import type { RequestUpdateEvent } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { seesUpdate } from './live.resolver';

const actor = (agencyId: string): Actor => ({ userId: 'u', agencyId, agencyKind: AgencyKind.BANK, email: 'x@y', roles: [Role.LIAISON], nationalAdmin: false });
const update = (state: string, sent = state !== 'DRAFT'): RequestUpdateEvent => ({
  requestId: 'r', reference: 'FR-1', type: 'FREEZE', state, eventKind: 'STATE', overdue: false, sent, fromAgencyId: 'police', toAgencyId: 'bank', at: new Date().toISOString(),
});

describe('seesUpdate', () => {
  it('delivers to the two agencies of a request only', () => {
    expect(seesUpdate(update('SENT'), actor('bank'))).toBe(true);
    expect(seesUpdate(update('SENT'), actor('police'))).toBe(true);
    expect(seesUpdate(update('SENT'), actor('other-bank'))).toBe(false);
    expect(seesUpdate(update('SENT'), undefined)).toBe(false);
  });

  it('keeps a draft from the addressed agency, also one withdrawn without being sent', () => {
    expect(seesUpdate(update('DRAFT'), actor('bank'))).toBe(false);
    expect(seesUpdate(update('DRAFT'), actor('police'))).toBe(true);
    expect(seesUpdate(update('WITHDRAWN', false), actor('bank'))).toBe(false);
    expect(seesUpdate(update('WITHDRAWN', true), actor('bank'))).toBe(true);
  });
});
