import { Caller, mayCall, Operation } from './access-policy';
import { PROVINCES } from './agency';
import { CooperationKind, deadlineColour, FreezeKind, TelecomKind } from './requests';
import { RiskRule } from './risk';

/**
 * The work queue (issue 16, part 5): what is waiting for a signed-in user, by kind, each item one click from its
 * action. Which kinds a user has follows the access table: a kind is in the queue only for callers who may use the
 * operation its action needs (WORK_ITEM_ACTION), so the queue never shows work the caller could not do. Which rows
 * each kind holds is the database's (row-level security, acting as the caller; libs/db/src/work-queue).
 */
export enum WorkItemKind {
  /** Addressed agency (bank, telecom, partner): a request sent to it that still owes an answer. Soonest deadline first. */
  REQUEST_TO_ANSWER = 'REQUEST_TO_ANSWER',
  /** Sending police agency: a request past its answer deadline, unanswered. Longest overdue first. */
  REQUEST_OVERDUE = 'REQUEST_OVERDUE',
  /** Sending police agency: a freeze holding money whose expiry warning is due (request_hold_rules.warn_before). Soonest lapse first. */
  HOLD_LAPSING = 'HOLD_LAPSING',
  /** Case owner's supervisors: another police agency asks for access to a case. Oldest first. */
  ACCESS_REQUEST = 'ACCESS_REQUEST',
  /** A task-force task assigned to the agency (to nobody in particular, or to the user), open. Soonest due first. */
  TASK_DUE = 'TASK_DUE',
  /** Police bureaus of the alert's region (as the rules engine tells them: not the national centre): a risk alert nobody has acknowledged or dismissed yet. Newest first. */
  ALERT_NEW = 'ALERT_NEW',
  /** The user's unread notice that a case of theirs shares a value with another agency's case. Newest first. */
  LINK_HIT = 'LINK_HIT',
  /** The user's unread notice that a risk alert names a value or subject of a case of theirs. Newest first. */
  ALERT_LEAD = 'ALERT_LEAD',
  /** A bulletin addressed to (or published by) the agency the user has not opened. Newest first. */
  BULLETIN_UNREAD = 'BULLETIN_UNREAD',
}

/** The kinds in the order a home page shows them: deadlines first, then decisions, then news. */
export const WORK_ITEM_KINDS: readonly WorkItemKind[] = [
  WorkItemKind.REQUEST_TO_ANSWER,
  WorkItemKind.REQUEST_OVERDUE,
  WorkItemKind.HOLD_LAPSING,
  WorkItemKind.ACCESS_REQUEST,
  WorkItemKind.TASK_DUE,
  WorkItemKind.ALERT_NEW,
  WorkItemKind.LINK_HIT,
  WorkItemKind.ALERT_LEAD,
  WorkItemKind.BULLETIN_UNREAD,
];

/** The operation each kind's action needs (access table): a caller who may not use it never sees the kind. */
export const WORK_ITEM_ACTION = {
  [WorkItemKind.REQUEST_TO_ANSWER]: 'acknowledgeRequest',
  [WorkItemKind.REQUEST_OVERDUE]: 'caseRequests',
  [WorkItemKind.HOLD_LAPSING]: 'caseRequests',
  [WorkItemKind.ACCESS_REQUEST]: 'decideAccessRequest',
  [WorkItemKind.TASK_DUE]: 'setTaskStatus',
  [WorkItemKind.ALERT_NEW]: 'acknowledgeAlert',
  [WorkItemKind.LINK_HIT]: 'caseLinks',
  [WorkItemKind.ALERT_LEAD]: 'caseAlertLeads',
  [WorkItemKind.BULLETIN_UNREAD]: 'bulletin',
} as const satisfies Record<WorkItemKind, Operation>;

/** The kinds of work this caller can have, in WORK_ITEM_KINDS order (empty for, say, an auditor). */
export function workItemKindsFor(caller: Caller): WorkItemKind[] {
  return WORK_ITEM_KINDS.filter((k) => mayCall(caller, WORK_ITEM_ACTION[k]));
}

/** Notifications the queue reads as items (the linker's and the rules engine's notices to a case's author). */
export const WORK_ITEM_NOTIFICATION_KIND = {
  [WorkItemKind.LINK_HIT]: 'LINK_HIT',
  [WorkItemKind.ALERT_LEAD]: 'ALERT_LEAD',
} as const;

/**
 * Which kinds a new notification may change, for the live queue: the notices read as items, and those telling of a
 * new alert or bulletin (the other kinds change with request and task-force events).
 */
export const WORK_ITEM_KINDS_BY_NOTIFICATION: Readonly<Record<string, readonly WorkItemKind[]>> = {
  LINK_HIT: [WorkItemKind.LINK_HIT],
  ALERT_LEAD: [WorkItemKind.ALERT_LEAD],
  ALERT_RAISED: [WorkItemKind.ALERT_NEW],
  BULLETIN_PUBLISHED: [WorkItemKind.BULLETIN_UNREAD],
};

/** Items per kind a caller gets when it does not say, and the most it may ask for. */
export const WORK_QUEUE_DEFAULT_ITEMS = 5;
export const WORK_QUEUE_MAX_ITEMS = 20;

/** What an item opens. */
export enum WorkTargetKind {
  REQUEST = 'REQUEST',
  CASE = 'CASE',
  ACCESS_REQUEST = 'ACCESS_REQUEST',
  TASK_FORCE = 'TASK_FORCE',
  ALERT = 'ALERT',
  BULLETIN = 'BULLETIN',
}

/**
 * The portal's route for an item: the page where its action is, with the section to scroll to as a fragment
 * (`#links` and `#alert-leads` on a case, the access request's row, the task on its force's board).
 */
export function workTargetPath(kind: WorkItemKind, target: { id: string; subId?: string | null }): string {
  switch (kind) {
    case WorkItemKind.REQUEST_TO_ANSWER:
    case WorkItemKind.REQUEST_OVERDUE:
    case WorkItemKind.HOLD_LAPSING:
      return `/requests/${target.id}`;
    case WorkItemKind.ACCESS_REQUEST:
      return `/access-requests#${target.id}`;
    case WorkItemKind.TASK_DUE:
      return `/task-forces/${target.id}${target.subId ? `#task-${target.subId}` : ''}`;
    case WorkItemKind.ALERT_NEW:
      return `/alerts/${target.id}`;
    case WorkItemKind.LINK_HIT:
      return `/cases/${target.id}#links`;
    case WorkItemKind.ALERT_LEAD:
      return `/cases/${target.id}#alert-leads`;
    case WorkItemKind.BULLETIN_UNREAD:
      return `/bulletins/${target.id}`;
  }
}

/** The kind of record each item kind opens. */
export const WORK_ITEM_TARGET: Readonly<Record<WorkItemKind, WorkTargetKind>> = {
  [WorkItemKind.REQUEST_TO_ANSWER]: WorkTargetKind.REQUEST,
  [WorkItemKind.REQUEST_OVERDUE]: WorkTargetKind.REQUEST,
  [WorkItemKind.HOLD_LAPSING]: WorkTargetKind.REQUEST,
  [WorkItemKind.ACCESS_REQUEST]: WorkTargetKind.ACCESS_REQUEST,
  [WorkItemKind.TASK_DUE]: WorkTargetKind.TASK_FORCE,
  [WorkItemKind.ALERT_NEW]: WorkTargetKind.ALERT,
  [WorkItemKind.LINK_HIT]: WorkTargetKind.CASE,
  [WorkItemKind.ALERT_LEAD]: WorkTargetKind.CASE,
  [WorkItemKind.BULLETIN_UNREAD]: WorkTargetKind.BULLETIN,
};

/** Traffic light of an item with a deadline (as the request inboxes colour theirs); null for news without one. */
export function workItemColour(since: Date | null, dueAt: Date | null, now: Date): 'RED' | 'AMBER' | 'GREEN' | null {
  if (!dueAt) return null;
  return deadlineColour(since ?? dueAt, dueAt, now);
}

export interface WorkLabel {
  zh: string;
  en: string;
}

/** Names of what a request asks, for titles (the portal has its own message files). */
export const REQUEST_KIND_LABELS: Readonly<Record<FreezeKind | TelecomKind | CooperationKind, WorkLabel>> = {
  [FreezeKind.EMERGENCY_STOP]: { zh: '紧急止付', en: 'emergency stop' },
  [FreezeKind.FREEZE]: { zh: '冻结', en: 'freeze' },
  [TelecomKind.SUBSCRIBER_INFO]: { zh: '机主信息查询', en: 'subscriber look-up' },
  [TelecomKind.SUSPEND_NUMBER]: { zh: '号码停机', en: 'number suspension' },
  [TelecomKind.BLOCK_URL_OR_DOMAIN]: { zh: '网址/域名封堵', en: 'URL or domain block' },
  [CooperationKind.INFORMATION_SHARING]: { zh: '信息共享', en: 'information sharing' },
  [CooperationKind.INVESTIGATIVE_ASSISTANCE]: { zh: '委托调查', en: 'entrusted investigation' },
  [CooperationKind.JOINT_OPERATION]: { zh: '联合行动', en: 'joint operation' },
  [CooperationKind.EXTRADITION]: { zh: '引渡遣返', en: 'extradition' },
  [CooperationKind.ASSET_RECOVERY]: { zh: '追赃挽损', en: 'asset recovery' },
};

/** Names of the risk rules, for titles. */
export const RISK_RULE_LABELS: Readonly<Record<RiskRule, WorkLabel>> = {
  [RiskRule.CASH_WITHDRAWAL_DAILY]: { zh: '单日大额取现', en: 'daily cash withdrawals' },
  [RiskRule.SIM_CARDS_PER_CARRIER]: { zh: '同一运营商多卡', en: 'SIM cards per carrier' },
  [RiskRule.DEBIT_CARDS_PER_BANK]: { zh: '同一银行多卡', en: 'debit cards per bank' },
  [RiskRule.ACCOUNTS_ACROSS_BANKS]: { zh: '跨行多账户', en: 'accounts across banks' },
  [RiskRule.PASS_THROUGH]: { zh: '快进快出', en: 'money passed straight on' },
};

/** What a title is made of (whatever the kind has). */
export interface WorkTitleFacts {
  kind: WorkItemKind;
  reference?: string | null;
  requestKind?: string | null;
  caseNumber?: string | null;
  /** The other agency (sender, addressee, requester, lead, publisher), by name. */
  agency?: { name: string; nameEn: string } | null;
  /** The record's own words (a task's or a bulletin's title), shown as written. */
  subject?: string | null;
  rule?: string | null;
  region?: string | null;
}

const label = (table: Readonly<Record<string, WorkLabel>>, key: string | null | undefined): WorkLabel =>
  (key ? table[key] : undefined) ?? { zh: key ?? '', en: key ?? '' };

/** The item's title in both languages, from its facts (no personal data: numbers and names of agencies only). */
export function workItemTitle(f: WorkTitleFacts): WorkLabel {
  const what = label(REQUEST_KIND_LABELS, f.requestKind);
  const rule = label(RISK_RULE_LABELS, f.rule);
  const agency = f.agency ?? { name: '—', nameEn: '—' };
  const province = f.region ? PROVINCES[f.region.slice(0, 2)] : undefined;
  const region = province ?? { zh: f.region ?? '', en: f.region ?? '' };
  const ref = f.reference ?? '';
  const caseNo = f.caseNumber ?? '—';
  switch (f.kind) {
    case WorkItemKind.REQUEST_TO_ANSWER:
      return { zh: `待答复：${what.zh} ${ref}（${agency.name}）`, en: `To answer: ${what.en} ${ref} from ${agency.nameEn}` };
    case WorkItemKind.REQUEST_OVERDUE:
      return { zh: `逾期未复：${what.zh} ${ref}（${agency.name}）`, en: `Overdue: ${what.en} ${ref} to ${agency.nameEn}` };
    case WorkItemKind.HOLD_LAPSING:
      return { zh: `即将到期：${what.zh} ${ref}（案件 ${caseNo}）`, en: `Hold lapses soon: ${what.en} ${ref} (case ${caseNo})` };
    case WorkItemKind.ACCESS_REQUEST:
      return { zh: `${agency.name} 申请查阅案件 ${caseNo}`, en: `${agency.nameEn} asks for access to case ${caseNo}` };
    case WorkItemKind.TASK_DUE:
      return { zh: `专案任务：${f.subject ?? ''}`, en: `Task-force task: ${f.subject ?? ''}` };
    case WorkItemKind.ALERT_NEW:
      return { zh: `新预警：${rule.zh}（${region.zh}）`, en: `New alert: ${rule.en} (${region.en})` };
    case WorkItemKind.LINK_HIT:
      return { zh: `新串并：案件 ${caseNo} 与其他单位的案件有相同线索`, en: `New link: case ${caseNo} shares a clue with another agency's case` };
    case WorkItemKind.ALERT_LEAD:
      return { zh: `预警线索：案件 ${caseNo}（${rule.zh}）`, en: `Alert lead on case ${caseNo} (${rule.en})` };
    case WorkItemKind.BULLETIN_UNREAD:
      return { zh: `未读通报：${f.subject ?? ''}`, en: `Unread bulletin: ${f.subject ?? ''}` };
  }
}
