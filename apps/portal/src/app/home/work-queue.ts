import { workItemColour } from '@caselink/domain';
import { graphql } from '../../gql';
import type { DeadlineColour, WorkItemFieldsFragment, WorkItemKind, WorkQueueQuery } from '../../gql/graphql';

export type WorkItem = WorkItemFieldsFragment;
export type WorkQueueData = WorkQueueQuery['workQueue'];
export type WorkGroup = WorkQueueData['groups'][number];
export type { WorkItemKind };

graphql(`fragment WorkItemFields on WorkItem {
  kind id title { zh en } target { path } dueAt since caseNumber reference requestState urgency agency { ...AgencyRefFields } amount notificationId
}`);
export const WORK_QUEUE = graphql(`query WorkQueue($first: Int) {
  workQueue(first: $first) { at total overdueTotal groups { kind count overdueCount items { ...WorkItemFields } } }
}`);

/** Items shown per kind on the home page; "show all" opens the kind's own list. */
export const ITEMS_SHOWN = 5;

/** Where "show all" of a kind goes: the list the kind's items come from, filtered as near as that list allows. */
export const SHOW_ALL: Readonly<Record<WorkItemKind, string>> = {
  REQUEST_TO_ANSWER: '/requests?direction=INCOMING&show=OPEN',
  REQUEST_OVERDUE: '/requests?direction=OUTGOING&show=OVERDUE',
  HOLD_LAPSING: '/requests?direction=OUTGOING&type=FREEZE',
  ACCESS_REQUEST: '/access-requests',
  TASK_DUE: '/task-forces',
  ALERT_NEW: '/alerts?status=NEW',
  LINK_HIT: '/notifications',
  ALERT_LEAD: '/notifications',
  BULLETIN_UNREAD: '/bulletins',
};

/** Notices that leave the queue once opened: the item's click marks its notification read. */
export const READ_ON_OPEN: ReadonlySet<WorkItemKind> = new Set<WorkItemKind>(['LINK_HIT', 'ALERT_LEAD']);

/** The deadline's traffic light at `now` (the api's rule, recomputed on the page's clock); null for news without a deadline. */
export function colourAt(item: Pick<WorkItem, 'dueAt' | 'since'>, now: number): DeadlineColour | null {
  if (!item.dueAt) return null;
  return workItemColour(new Date(item.since), new Date(item.dueAt), new Date(now));
}

export const isOverdueAt = (item: Pick<WorkItem, 'dueAt'>, now: number): boolean => !!item.dueAt && new Date(item.dueAt).getTime() <= now;

/** Whether an item shown as on time has since passed its deadline: the counts are then asked for again. */
export function crossedDeadline(queue: WorkQueueData, now: number): boolean {
  const at = new Date(queue.at).getTime();
  return queue.groups.some((g) => g.items.some((i) => !isOverdueAt(i, at) && isOverdueAt(i, now)));
}
