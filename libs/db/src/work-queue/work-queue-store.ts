import type { EntityManager } from 'typeorm';
import {
  AccessRequestStatus, AlertStatus, HOLDING_STATES, NATIONAL_REGION_CODE, OPEN_REQUEST_STATES, OPEN_TASK_STATUSES, RequestState, RequestType, Urgency,
  WORK_ITEM_NOTIFICATION_KIND, WorkItemKind,
} from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * The work queue (issue 16, part 5): what is waiting for the acting user, every kind in one statement. It runs in the
 * caller's acting transaction and reads through row-level security as the caller, like every store; the conditions
 * below pick the caller's own side of what it may see (app_agency() as addressee, sender, case owner, assignee;
 * app_user() for notices and reads), from the acting context rather than a parameter, so no argument can point the
 * queue at another agency's work. Lists of states come from `@caselink/domain` as parameters.
 */

/** One waiting item, in the columns every kind shares (null where a kind has nothing). */
export interface WorkQueueItemRow {
  kind: WorkItemKind;
  /** The record itself: request, access request, task, alert, notification (LINK_HIT, ALERT_LEAD) or bulletin. */
  id: string;
  /** What it opens: request, access request, task force, alert, case or bulletin. */
  target_id: string;
  /** ALERT_LEAD: the alert that named the case. */
  related_id: string | null;
  due_at: Date | null;
  /** Since when it has been waiting (sent, held, asked, dispatched, raised, noticed, published). */
  since: Date;
  case_id: string | null;
  case_number: string | null;
  reference: string | null;
  request_type: RequestType | null;
  request_kind: string | null;
  request_state: RequestState | null;
  urgency: Urgency | null;
  /** The other agency: sender, addressee, requester, task-force lead, reporter, other holder, publisher. */
  agency_id: string | null;
  /** A freeze's amount asked (to answer) or held (lapsing), exact, as text. */
  amount: string | null;
  /** Words as written: a task's or a bulletin's title, an access request's reason. */
  subject: string | null;
  /** A task's kind, an alert's rule, a bulletin's fraud type, a link's identifier kind. */
  detail: string | null;
  /** An alert's region, a task's province. */
  region: string | null;
  /** How many items of this kind are waiting in all, and how many of them are past due. */
  total: number;
  overdue: number;
  /** Position within its kind, most urgent first (1-based). */
  n: number;
}

export interface WorkQueueQuery {
  /** The kinds the caller may have (workItemKindsFor): the others are not read at all. */
  kinds: readonly WorkItemKind[];
  /** Items per kind (counts cover all of them). */
  limit: number;
}

const K = WorkItemKind;
// Each branch: its rows with a rank by urgency, the count of its kind and of those past due. Columns as in WorkQueueItemRow.
const BRANCHES = [
  // Addressed to the caller's agency, sent and still owing an answer: soonest deadline first. Banks never read the case.
  `SELECT '${K.REQUEST_TO_ANSWER}' AS kind, r.id, r.id AS target_id, NULL::uuid AS related_id, r.deadline_at AS due_at, r.sent_at AS since,
          NULL::uuid AS case_id, r.case_number, r.reference, r.type AS request_type, r.kind AS request_kind, r.state AS request_state, r.urgency,
          r.from_agency_id AS agency_id, r.amount::text AS amount, NULL::text AS subject, NULL::text AS detail, NULL::text AS region,
          count(*) OVER ()::int AS total, (count(*) FILTER (WHERE r.deadline_at <= now()) OVER ())::int AS overdue,
          row_number() OVER (ORDER BY r.deadline_at NULLS LAST, r.sent_at, r.id)::int AS n
   FROM agency_requests r
   WHERE '${K.REQUEST_TO_ANSWER}' = ANY ($1::text[]) AND r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL AND r.state = ANY ($3::text[])`,
  // Sent by the caller's agency, past the deadline and unanswered (whether or not the clock has marked it yet): longest overdue first.
  `SELECT '${K.REQUEST_OVERDUE}', r.id, r.id, NULL::uuid, r.deadline_at, r.sent_at, r.case_id, r.case_number, r.reference, r.type, r.kind, r.state, r.urgency,
          r.to_agency_id, r.amount::text, NULL, NULL, NULL,
          count(*) OVER ()::int, count(*) OVER ()::int, row_number() OVER (ORDER BY r.deadline_at, r.id)::int
   FROM agency_requests r
   WHERE '${K.REQUEST_OVERDUE}' = ANY ($1::text[]) AND r.from_agency_id = app_agency() AND r.state = ANY ($3::text[]) AND r.deadline_at <= now()`,
  // The caller's freezes holding money whose expiry warning is due (the hold rule's warn_before): soonest lapse first.
  `SELECT '${K.HOLD_LAPSING}', r.id, r.id, NULL::uuid, r.expires_at, coalesce(r.held_at, r.sent_at), r.case_id, r.case_number, r.reference, r.type, r.kind,
          r.state, r.urgency, r.to_agency_id, r.amount_held::text, NULL, NULL, NULL,
          count(*) OVER ()::int, (count(*) FILTER (WHERE r.expires_at <= now()) OVER ())::int, row_number() OVER (ORDER BY r.expires_at, r.id)::int
   FROM agency_requests r JOIN request_hold_rules h ON h.kind = r.kind
   WHERE '${K.HOLD_LAPSING}' = ANY ($1::text[]) AND r.from_agency_id = app_agency() AND r.type = $8 AND r.state = ANY ($4::text[])
     AND r.expires_at - h.warn_before <= now()`,
  // Pending requests for access to the caller's agency's cases: oldest first.
  `SELECT '${K.ACCESS_REQUEST}', a.id, a.id, NULL::uuid, NULL::timestamptz, a.created_at, c.id, c.case_number, NULL, NULL, NULL, NULL, NULL,
          a.requesting_agency_id, NULL, a.reason, NULL, NULL,
          count(*) OVER ()::int, 0, row_number() OVER (ORDER BY a.created_at, a.id)::int
   FROM access_requests a JOIN cases c ON c.id = a.case_id
   WHERE '${K.ACCESS_REQUEST}' = ANY ($1::text[]) AND a.owner_agency_id = app_agency() AND a.status = $6`,
  // Open tasks of live task forces assigned to the agency, to nobody in particular or to the user: soonest due first.
  `SELECT '${K.TASK_DUE}', t.id, t.task_force_id, NULL::uuid, t.due_at, t.created_at, c.id, c.case_number, NULL, NULL, NULL, NULL, NULL,
          f.lead_agency_id, NULL, t.title, t.kind, t.province,
          count(*) OVER ()::int, (count(*) FILTER (WHERE t.due_at <= now()) OVER ())::int, row_number() OVER (ORDER BY t.due_at, t.id)::int
   FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id LEFT JOIN cases c ON c.id = t.case_id
   WHERE '${K.TASK_DUE}' = ANY ($1::text[]) AND t.assignee_agency_id = app_agency() AND t.status = ANY ($5::text[]) AND f.closed_at IS NULL
     AND (t.assignee_user_id IS NULL OR t.assignee_user_id = app_user())`,
  // New alerts of the region the caller's police bureau covers (those it may acknowledge; as the rules engine tells them,
  // not the national centre, which covers every region): newest first.
  `SELECT '${K.ALERT_NEW}', a.id, a.id, NULL::uuid, NULL::timestamptz, a.raised_at, NULL::uuid, NULL, NULL, NULL, NULL, NULL, NULL,
          a.reporting_agency_id, NULL, NULL, a.rule, a.region,
          count(*) OVER ()::int, 0, row_number() OVER (ORDER BY a.raised_at DESC, a.id DESC)::int
   FROM alerts a
   WHERE '${K.ALERT_NEW}' = ANY ($1::text[]) AND a.status = $7 AND app_police_region() <> $11 AND risk_region_covers(app_police_region(), a.region)`,
  // The user's unread link notices, on cases it still reads: newest first.
  `SELECT '${K.LINK_HIT}', n.id, c.id, NULL::uuid, NULL::timestamptz, n.created_at, c.id, c.case_number, NULL, NULL, NULL, NULL, NULL,
          (n.payload->>'otherAgencyId')::uuid, NULL, NULL, n.payload->>'kind', NULL,
          count(*) OVER ()::int, 0, row_number() OVER (ORDER BY n.created_at DESC, n.id DESC)::int
   FROM notifications n JOIN cases c ON c.id = (n.payload->>'caseId')::uuid
   WHERE '${K.LINK_HIT}' = ANY ($1::text[]) AND n.user_id = app_user() AND n.kind = $9 AND n.read_at IS NULL`,
  // The user's unread alert-lead notices, on cases it still reads: newest first.
  `SELECT '${K.ALERT_LEAD}', n.id, c.id, (n.payload->>'alertId')::uuid, NULL::timestamptz, n.created_at, c.id, c.case_number, NULL, NULL, NULL, NULL, NULL,
          NULL::uuid, NULL, NULL, n.payload->>'rule', NULL,
          count(*) OVER ()::int, 0, row_number() OVER (ORDER BY n.created_at DESC, n.id DESC)::int
   FROM notifications n JOIN cases c ON c.id = (n.payload->>'caseId')::uuid
   WHERE '${K.ALERT_LEAD}' = ANY ($1::text[]) AND n.user_id = app_user() AND n.kind = $10 AND n.read_at IS NULL`,
  // Bulletins the user may read and has not opened: newest first.
  `SELECT '${K.BULLETIN_UNREAD}', b.id, b.id, NULL::uuid, NULL::timestamptz, b.published_at, NULL::uuid, NULL, NULL, NULL, NULL, NULL, NULL,
          b.publisher_agency_id, NULL, b.title, b.fraud_type, NULL,
          count(*) OVER ()::int, 0, row_number() OVER (ORDER BY b.published_at DESC, b.id DESC)::int
   FROM bulletins b
   WHERE '${K.BULLETIN_UNREAD}' = ANY ($1::text[]) AND NOT EXISTS (SELECT 1 FROM bulletin_reads r WHERE r.bulletin_id = b.id AND r.user_id = app_user())`,
];

// At least the first item of every kind comes back, so that counts arrive even when no items are asked for.
const WORK_QUEUE_SQL = `SELECT q.* FROM (${BRANCHES.join('\n  UNION ALL\n  ')}) q WHERE q.n <= greatest($2, 1) ORDER BY q.kind, q.n`;

/**
 * The first `limit` items of every kind asked for, most urgent first, each row carrying its kind's counts: one
 * statement for the whole queue. A kind with nothing waiting has no row.
 */
export async function workQueueItems(m: EntityManager, q: WorkQueueQuery): Promise<WorkQueueItemRow[]> {
  if (q.kinds.length === 0) return [];
  return rowsOf<WorkQueueItemRow>(await m.query(WORK_QUEUE_SQL, [
    q.kinds, q.limit, OPEN_REQUEST_STATES, HOLDING_STATES, OPEN_TASK_STATUSES, AccessRequestStatus.PENDING, AlertStatus.NEW,
    RequestType.FREEZE, WORK_ITEM_NOTIFICATION_KIND[K.LINK_HIT], WORK_ITEM_NOTIFICATION_KIND[K.ALERT_LEAD], NATIONAL_REGION_CODE,
  ]));
}
