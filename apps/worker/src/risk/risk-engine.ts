import type { DataSource } from 'typeorm';
import { Role } from '@caselink/domain';
import {
  claimRiskBatch, collectRiskCandidates, lockRiskEvaluation, matchAlertLeads, notifyAlertRegion, notifyLeadAuthors, RiskNotificationRow,
  unevaluatedBatches, unfinishedSignalUploads, upsertRiskAlerts,
} from '@caselink/db';

/**
 * The rules engine. Connected as the linking role: rules cross reporters (accounts across banks) and alerts are
 * matched against every case's identifiers, which the app role may not read. Its SQL is the risk store's
 * (libs/db/src/risk/risk-rule-store.ts): set-based per batch and idempotent, serialised by one transaction-scoped
 * advisory lock. Here: the order of the steps, who hears of what, and the live pushes once committed.
 */

/** A notification the engine wrote, to push to its reader live once committed. */
export interface RiskNotice {
  id: string;
  agencyId: string;
  userId: string;
  kind: 'ALERT_RAISED' | 'ALERT_LEAD';
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface EvaluationOutcome {
  signals: number;
  raised: number;
  updated: number;
  leads: number;
}

/** Who at the police bureaus of an alert's region hears of it. */
const ALERT_READERS: readonly Role[] = [Role.INVESTIGATOR, Role.SUPERVISOR];

const toNotice = (n: RiskNotificationRow): RiskNotice => ({
  id: n.id, agencyId: n.agency_id, userId: n.user_id, kind: n.kind, payload: n.payload, createdAt: n.created_at,
});

export class RiskEngine {
  private readonly publish: (n: RiskNotice) => Promise<void>;

  constructor(
    private readonly ds: DataSource,
    options: { publish?: (n: RiskNotice) => Promise<void> } = {},
  ) {
    this.publish = options.publish ?? (() => Promise.resolve());
  }

  /** Evaluates one batch; signals already evaluated are left alone (a second delivery finds nothing to do). */
  async evaluate(batchId: string): Promise<EvaluationOutcome> {
    const notices: RiskNotificationRow[] = [];
    const outcome = await this.ds.transaction(async (m) => {
      await lockRiskEvaluation(m);
      const signals = await claimRiskBatch(m, batchId);
      if (signals === 0) return { signals: 0, raised: 0, updated: 0, leads: 0 };
      await collectRiskCandidates(m);
      const upserted = await upsertRiskAlerts(m);
      const raised = upserted.filter((u) => u.inserted).map((u) => u.id);
      notices.push(...(await notifyAlertRegion(m, raised, ALERT_READERS)));
      const leads = await matchAlertLeads(m);
      // Each new lead's case author hears of it.
      notices.push(...(await notifyLeadAuthors(m, leads)));
      return { signals, raised: raised.length, updated: upserted.length - raised.length, leads: leads.length };
    });
    for (const x of notices) await this.publish(toNotice(x)).catch(() => undefined);
    return outcome;
  }

  /** Batches stored but never evaluated (their job lost with Redis, or a worker died between store and evaluation). */
  pendingBatches(minAgeMs: number, limit = 500): Promise<string[]> {
    return unevaluatedBatches(this.ds.manager, minAgeMs, limit);
  }

  /** Uploads queued or running for longer than `minAgeMs`: the sweep checks their job is still alive. */
  unfinishedUploads(minAgeMs: number): Promise<Array<{ id: string; agency_id: string }>> {
    return unfinishedSignalUploads(this.ds.manager, minAgeMs);
  }
}
