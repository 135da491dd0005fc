import { Injectable } from '@nestjs/common';
import { WORK_ITEM_TARGET, WorkItemKind, workItemColour, workItemKindsFor, workItemTitle, workTargetPath } from '@caselink/domain';
import { WorkQueueItemRow, workQueueItems } from '@caselink/db';
import type { Actor } from '../common/actor';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import type { AgencyRef } from '../cases/case.model';
import { DeadlineColour } from '../requests/request.model';
import { WorkItemModel, WorkQueueGroupModel, WorkQueueModel } from './work-queue.model';

const NOTICES: ReadonlySet<WorkItemKind> = new Set([WorkItemKind.LINK_HIT, WorkItemKind.ALERT_LEAD]);
const ALERTS: ReadonlySet<WorkItemKind> = new Set([WorkItemKind.ALERT_NEW, WorkItemKind.ALERT_LEAD]);

/**
 * The work queue (issue 16, part 5): the kinds the caller's roles have (access table, WORK_ITEM_ACTION), their counts
 * and first items read in one statement of the caller's one transaction (workQueueItems, under row-level security),
 * named from the agency directory and titled in both languages by the domain.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  async queue(actor: Actor, first: number): Promise<WorkQueueModel> {
    const at = new Date();
    const kinds = workItemKindsFor(actor);
    const rows = await workQueueItems(this.tx.manager, { kinds, limit: first });
    const agencies = await this.agenciesOf(rows);
    const groups: WorkQueueGroupModel[] = kinds.map((kind) => {
      const mine = rows.filter((r) => r.kind === kind);
      return {
        kind, count: mine[0]?.total ?? 0, overdueCount: mine[0]?.overdue ?? 0,
        items: mine.slice(0, first).map((r) => toItem(r, r.agency_id ? agencies.get(r.agency_id) ?? null : null, at)),
      };
    });
    return {
      at, groups, total: groups.reduce((sum, g) => sum + g.count, 0), overdueTotal: groups.reduce((sum, g) => sum + g.overdueCount, 0),
    };
  }

  /** The other agencies of these items, from the cached directory (reloaded, in this transaction, only for an agency it has not seen). */
  private async agenciesOf(rows: readonly WorkQueueItemRow[]): Promise<Map<string, AgencyRef>> {
    const ids = [...new Set(rows.flatMap((r) => (r.agency_id ? [r.agency_id] : [])))];
    const all = ids.length > 0 ? await this.directory.all(this.tx.manager) : new Map<string, AgencyRef>();
    const found = new Map<string, AgencyRef>();
    for (const id of ids) {
      const ref = all.get(id) ?? (await this.directory.get(id, this.tx.manager).catch(() => undefined));
      if (ref) found.set(id, ref);
    }
    return found;
  }
}

function toItem(r: WorkQueueItemRow, agency: AgencyRef | null, at: Date): WorkItemModel {
  const title = workItemTitle({
    kind: r.kind, reference: r.reference, requestKind: r.request_kind, caseNumber: r.case_number, agency, subject: r.subject, rule: r.detail,
    region: r.region,
  });
  return {
    kind: r.kind,
    id: r.id,
    title,
    target: { kind: WORK_ITEM_TARGET[r.kind], id: r.target_id, path: workTargetPath(r.kind, { id: r.target_id, subId: r.kind === WorkItemKind.TASK_DUE ? r.id : null }) },
    dueAt: r.due_at,
    since: r.since,
    overdue: !!r.due_at && r.due_at.getTime() <= at.getTime(),
    colour: workItemColour(r.since, r.due_at, at) as DeadlineColour | null,
    caseId: r.case_id,
    caseNumber: r.case_number,
    reference: r.reference,
    requestType: r.request_type,
    requestKind: r.request_kind,
    requestState: r.request_state,
    urgency: r.urgency,
    agency,
    amount: r.amount,
    subject: r.subject,
    detail: r.detail,
    region: r.region,
    notificationId: NOTICES.has(r.kind) ? r.id : null,
    alertId: r.kind === WorkItemKind.ALERT_LEAD ? r.related_id : ALERTS.has(r.kind) ? r.id : null,
  };
}
