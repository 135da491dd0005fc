import { AgencyKind, Role, WorkItemKind } from '@caselink/domain';
import type { RequestUpdateEvent } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { workQueueKindsTouched } from './work-queue-live';

const actor = (agencyId: string, agencyKind: AgencyKind, ...roles: Role[]): Actor => ({ userId: `${agencyId}-user`, agencyId, agencyKind, email: 'x@y', roles, nationalAdmin: false });
const update = (sent = true): RequestUpdateEvent => ({
  requestId: 'r', reference: 'FR-1', type: 'FREEZE', state: sent ? 'SENT' : 'DRAFT', eventKind: 'STATE', overdue: false, sent, fromAgencyId: 'police', toAgencyId: 'bank', at: '',
});
const notice = (userId: string, kind: string) => ({ notificationAdded: { id: 'n', userId, agencyId: 'police', kind, payload: {}, createdAt: '' } });
const K = WorkItemKind;

describe('workQueueKindsTouched', () => {
  const liaison = actor('bank', AgencyKind.BANK, Role.LIAISON);
  const investigator = actor('police', AgencyKind.POLICE, Role.INVESTIGATOR);

  it("tells a request's two agencies which side of their queue changed, the addressee only once it is sent", () => {
    expect(workQueueKindsTouched({ requestUpdates: update() }, liaison)).toEqual([K.REQUEST_TO_ANSWER]);
    expect(workQueueKindsTouched({ requestUpdates: update() }, investigator)).toEqual([K.REQUEST_OVERDUE, K.HOLD_LAPSING]);
    expect(workQueueKindsTouched({ requestUpdates: update(false) }, liaison)).toEqual([]);
    expect(workQueueKindsTouched({ requestUpdates: update() }, actor('other-bank', AgencyKind.BANK, Role.LIAISON))).toEqual([]);
    expect(workQueueKindsTouched({ requestUpdates: update() }, undefined)).toEqual([]);
  });

  it("hears the user's own notices of the kinds the queue shows, and only kinds the user's roles have", () => {
    expect(workQueueKindsTouched(notice('police-user', 'LINK_HIT'), investigator)).toEqual([K.LINK_HIT]);
    expect(workQueueKindsTouched(notice('police-user', 'ALERT_RAISED'), investigator)).toEqual([K.ALERT_NEW]);
    expect(workQueueKindsTouched(notice('police-user', 'REQUEST_ANSWERED'), investigator)).toEqual([]);
    expect(workQueueKindsTouched(notice('someone-else', 'LINK_HIT'), investigator)).toEqual([]);
    expect(workQueueKindsTouched(notice('bank-user', 'ALERT_RAISED'), liaison)).toEqual([]);
    expect(workQueueKindsTouched(notice('police-user', 'LINK_HIT'), actor('police', AgencyKind.POLICE, Role.AUDITOR))).toEqual([]);
  });

  it("hears task-force changes of the agency's forces", () => {
    const force = (agencyIds: string[]) => ({ taskForceUpdates: { taskForceId: 'f', agencyIds, kind: 'TASK' as const, taskId: 't', at: '' } });
    expect(workQueueKindsTouched(force(['police']), investigator)).toEqual([K.TASK_DUE]);
    expect(workQueueKindsTouched(force(['elsewhere']), investigator)).toEqual([]);
  });
});
