import { WORK_ITEM_KINDS_BY_NOTIFICATION, WorkItemKind, workItemKindsFor } from '@caselink/domain';
import type { NotificationEvent, RequestUpdateEvent, TaskForceUpdateEvent } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { seesUpdate } from '../live/live.resolver';

/** A live event as the bus hands it over: keyed by the subscription it was published for. */
export interface LiveEvent {
  requestUpdates?: RequestUpdateEvent;
  notificationAdded?: NotificationEvent;
  taskForceUpdates?: TaskForceUpdateEvent;
}

/**
 * The kinds of the caller's queue an event may have changed (empty: not the caller's business). Requests tell both
 * of their agencies (the addressee once sent), notifications their one user, task-force changes the force's
 * agencies; the answer keeps only kinds the caller's roles have, so an event carries nothing past the access table.
 */
export function workQueueKindsTouched(event: LiveEvent, actor: Actor | undefined): WorkItemKind[] {
  if (!actor) return [];
  const touched = new Set<WorkItemKind>();
  const request = event.requestUpdates;
  if (request && seesUpdate(request, actor)) {
    if (request.fromAgencyId === actor.agencyId) {
      touched.add(WorkItemKind.REQUEST_OVERDUE);
      touched.add(WorkItemKind.HOLD_LAPSING);
    }
    if (request.toAgencyId === actor.agencyId) touched.add(WorkItemKind.REQUEST_TO_ANSWER);
  }
  const notice = event.notificationAdded;
  if (notice && notice.userId === actor.userId) for (const k of WORK_ITEM_KINDS_BY_NOTIFICATION[notice.kind] ?? []) touched.add(k);
  const force = event.taskForceUpdates;
  if (force && force.agencyIds.includes(actor.agencyId)) touched.add(WorkItemKind.TASK_DUE);
  return workItemKindsFor(actor).filter((k) => touched.has(k));
}
