import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { RequestState, RequestType, Urgency, WORK_QUEUE_DEFAULT_ITEMS, WORK_QUEUE_MAX_ITEMS, WorkItemKind, WorkTargetKind } from '@caselink/domain';
import { AgencyRef } from '../cases/case.model';
import { DeadlineColour } from '../requests/request.model';

export { WorkItemKind, WorkTargetKind };
registerEnumType(WorkItemKind, {
  name: 'WorkItemKind',
  description: "What is waiting: each kind is in a caller's queue only if the access table allows the caller its action",
  valuesMap: {
    REQUEST_TO_ANSWER: { description: 'Bank, telecom, partner (LIAISON, ADMIN): a request addressed to the agency that still owes an answer; soonest deadline first' },
    REQUEST_OVERDUE: { description: 'Police (INVESTIGATOR, SUPERVISOR): a request the agency sent, past its deadline and unanswered; longest overdue first' },
    HOLD_LAPSING: { description: 'Police (INVESTIGATOR, SUPERVISOR): a freeze holding money whose expiry warning is due (extend or renew it); soonest lapse first' },
    ACCESS_REQUEST: { description: "Police SUPERVISOR: another agency asks for access to one of the agency's cases; oldest first" },
    TASK_DUE: { description: 'Police (INVESTIGATOR, SUPERVISOR): an open task-force task assigned to the agency (to nobody in particular, or to you); soonest due first' },
    ALERT_NEW: {
      description: "Police bureaus (INVESTIGATOR, SUPERVISOR, ADMIN; not the national centre): a risk alert of the bureau's region nobody has acknowledged or dismissed; newest first",
    },
    LINK_HIT: { description: "Police: your unread notice that a case of yours shares a value with another agency's case; newest first" },
    ALERT_LEAD: { description: 'Police (INVESTIGATOR, SUPERVISOR): your unread notice that a risk alert names a value or suspect of a case of yours; newest first' },
    BULLETIN_UNREAD: { description: 'A bulletin you may read and have not opened; newest first' },
  },
});
registerEnumType(WorkTargetKind, {
  name: 'WorkTargetKind',
  description: 'The kind of record a work item opens',
  valuesMap: {
    REQUEST: { description: 'A request (request(id))' },
    CASE: { description: 'A case (case(id))' },
    ACCESS_REQUEST: { description: 'An access request (accessRequests, incoming)' },
    TASK_FORCE: { description: 'A task force (taskForce(id)); the task is the item id' },
    ALERT: { description: 'A risk alert (alert(id))' },
    BULLETIN: { description: 'A bulletin (bulletin(id), which marks it read)' },
  },
});

@ArgsType()
export class WorkQueueArgs {
  @Field(() => Int, {
    defaultValue: WORK_QUEUE_DEFAULT_ITEMS,
    description: `Items per kind, 0 to ${WORK_QUEUE_MAX_ITEMS} (0: counts only); counts always cover every waiting item`,
  })
  @IsInt({ message: 'must be a whole number · 须为整数' })
  @Min(0, { message: 'must not be negative · 不得为负数' })
  @Max(WORK_QUEUE_MAX_ITEMS, { message: `must not exceed ${WORK_QUEUE_MAX_ITEMS} · 不得超过 ${WORK_QUEUE_MAX_ITEMS}` })
  first: number = WORK_QUEUE_DEFAULT_ITEMS;
}

@ObjectType('WorkItemTitle', { description: 'A title in both languages, from numbers and agency names only (never personal data)' })
export class WorkItemTitleModel {
  @Field({ description: 'Chinese' }) zh: string;
  @Field({ description: 'English' }) en: string;
}

@ObjectType('WorkTarget', { description: 'What a work item opens: one click from its action' })
export class WorkTargetModel {
  @Field(() => WorkTargetKind, { description: 'The kind of record' }) kind: WorkTargetKind;
  @Field(() => ID, { description: 'Its id' }) id: string;
  @Field({ description: "The portal's route, with the section as a fragment (#links, #alert-leads on a case; the access request's id; #task-<id> on a board)" })
  path: string;
}

@ObjectType('WorkItem', { description: 'One thing waiting for you, with what the portal needs to show it and where it leads' })
export class WorkItemModel {
  @Field(() => WorkItemKind, { description: 'What kind of work' }) kind: WorkItemKind;
  @Field(() => ID, { description: 'The record itself: request, access request, task, alert, notification (LINK_HIT, ALERT_LEAD) or bulletin' }) id: string;
  @Field(() => WorkItemTitleModel, { description: 'A ready title in Chinese and English (the portal may compose its own from the fields below)' }) title: WorkItemTitleModel;
  @Field(() => WorkTargetModel, { description: 'What to open' }) target: WorkTargetModel;
  @Field(() => Date, { nullable: true, description: 'Deadline: the answer deadline, when a hold lapses, when a task is due; null for news' }) dueAt: Date | null;
  @Field({ description: 'Since when it has been waiting (sent, held, asked, dispatched, raised, noticed, published)' }) since: Date;
  @Field({ description: 'Past its deadline' }) overdue: boolean;
  @Field(() => DeadlineColour, { nullable: true, description: 'Traffic light of the time left (as request inboxes colour theirs); null without a deadline' })
  colour: DeadlineColour | null;
  @Field(() => ID, { nullable: true, description: 'The case, where you may open it (never for requests addressed to you)' }) caseId: string | null;
  @Field(() => String, { nullable: true, description: 'The case number (also on requests addressed to you)' }) caseNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Request reference' }) reference: string | null;
  @Field(() => RequestType, { nullable: true, description: 'Request type' }) requestType: RequestType | null;
  @Field(() => String, { nullable: true, description: 'What the request asks: a FreezeKind, TelecomKind or CooperationKind' }) requestKind: string | null;
  @Field(() => RequestState, { nullable: true, description: 'Request state now' }) requestState: RequestState | null;
  @Field(() => Urgency, { nullable: true, description: 'Request urgency' }) urgency: Urgency | null;
  @Field(() => AgencyRef, {
    nullable: true,
    description: 'The other agency: sender (to answer), addressee (overdue, lapsing), requester (access), task-force lead, reporter (alert), other holder (link), publisher (bulletin)',
  })
  agency: AgencyRef | null;
  @Field(() => String, { nullable: true, description: 'A freeze: amount asked (to answer, overdue) or held (lapsing), exact decimal' }) amount: string | null;
  @Field(() => String, { nullable: true, description: "Words as written: a task's or a bulletin's title, an access request's reason" }) subject: string | null;
  @Field(() => String, { nullable: true, description: "A task's TaskKind, an alert's or lead's RiskRule, a bulletin's FraudType, a link's IdentifierKind" }) detail: string | null;
  @Field(() => String, { nullable: true, description: "An alert's region (GB/T 2260), a task's 2-digit province" }) region: string | null;
  @Field(() => ID, { nullable: true, description: 'LINK_HIT, ALERT_LEAD: your notification (mark it read with markNotificationRead when opened: the item leaves the queue)' })
  notificationId: string | null;
  @Field(() => ID, { nullable: true, description: 'ALERT_NEW, ALERT_LEAD: the alert' }) alertId: string | null;
}

@ObjectType('WorkQueueGroup', { description: 'The work of one kind: how much is waiting and the most urgent first items' })
export class WorkQueueGroupModel {
  @Field(() => WorkItemKind, { description: 'The kind' }) kind: WorkItemKind;
  @Field(() => Int, { description: 'Items waiting in all' }) count: number;
  @Field(() => Int, { description: 'Of which past their deadline' }) overdueCount: number;
  @Field(() => [WorkItemModel], { description: 'The first items (workQueue(first)), most urgent first' }) items: WorkItemModel[];
}

@ObjectType('WorkQueue', { description: 'What is waiting for you: one group per kind of work your roles have (empty groups too), in the order a home page shows them' })
export class WorkQueueModel {
  @Field({ description: 'When it was read (colours are as of then)' }) at: Date;
  @Field(() => Int, { description: 'Items waiting in all kinds' }) total: number;
  @Field(() => Int, { description: 'Of which past their deadline' }) overdueTotal: number;
  @Field(() => [WorkQueueGroupModel], { description: 'Per kind, deadlines first, then decisions, then news' }) groups: WorkQueueGroupModel[];
}

@ObjectType('WorkQueueChange', { description: 'Something your queue shows may have changed: ask workQueue again (carries kinds only)' })
export class WorkQueueChangeModel {
  @Field(() => [WorkItemKind], { description: 'The kinds that may have changed (only kinds your roles have)' }) kinds: WorkItemKind[];
  @Field({ description: 'When it happened' }) at: Date;
}
