import { Injectable } from '@nestjs/common';
import {
  AlertStatus, AuditAction, AuditOutcome, canonicalThreshold, effectiveThreshold, formatRuleFigure, IdentifierKind, NATIONAL_REGION_CODE,
  NATIONAL_THRESHOLD_REGION, regionCovers, RiskRule, seesPersonalData, thresholdProblem, thresholdRegionChain, isSignalRegion,
} from '@caselink/domain';
import {
  AlertLeadRow, alertById, alertIdentifiersOf, AlertRow, alertsByIds, changeAlertStatus, leadsOfAlerts, leadsOnCase, listAlerts, recordAudit, riskThresholdsOf,
  setRiskThreshold,
} from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import type { AgencyRef } from '../cases/case.model';
import { shownValue } from '../cases/masking';
import { AlertLead, AlertLeadWithAlert, AlertModel, RiskThresholdModel } from './alert.model';

/**
 * Alerts the rules engine raised. Who sees which is row-level security's: the reporter the alerts from its own
 * signals (and of their identifiers those its signals carried), police their region's (a province bureau its
 * province and its cities), readers of a case its leads and their alerts. Of a lead on a case it may not read,
 * the region's police learn what a blind hit tells (the owner agency and the matched value), through the
 * database's alert_region_leads; never the case's id or number. The service adds the checks of acts:
 * the region's police change an alert's status, police admins and supervisors set their region's thresholds.
 * Its SQL is the risk store's (libs/db/src/risk: alert-store.ts, threshold-store.ts).
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  async list(actor: Actor, filter: { status?: AlertStatus | null; rule?: RiskRule | null }, page: PageArgs, withCount: boolean): Promise<Connection<AlertModel>> {
    const { rows, total } = await listAlerts(this.tx.manager, {
      status: filter.status, rule: filter.rule, afterId: page.after ? decodeCursor(page.after) : null, limit: page.first + 1, count: withCount,
    });
    const totalCount = total ?? -1;
    const models = await this.toModels(actor, rows.slice(0, page.first));
    const edges = models.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  async get(actor: Actor, id: string): Promise<AlertModel | null> {
    const row = await alertById(this.tx.manager, id);
    return row ? (await this.toModels(actor, [row]))[0] : null;
  }

  /** The leads on a case the caller may read, each with its alert (visible through the lead). */
  async caseLeads(actor: Actor, caseId: string): Promise<AlertLeadWithAlert[]> {
    const leads = await leadsOnCase(this.tx.manager, caseId);
    if (!leads) throw notFound('Case', caseId);
    if (leads.length === 0) return [];
    const rows = await alertsByIds(this.tx.manager, [...new Set(leads.map((l) => l.alert_id))]);
    const alerts = new Map((await this.toModels(actor, rows)).map((a) => [a.id, a]));
    const agencies = await this.agenciesOf(leads.map((l) => l.case_owner_agency_id));
    return leads.filter((l) => alerts.has(l.alert_id)).map((l) => ({ lead: this.toLead(actor, l, agencies), alert: alerts.get(l.alert_id) as AlertModel }));
  }

  async acknowledge(actor: Actor, id: string, address: string): Promise<AlertModel> {
    return this.move(actor, id, AlertStatus.ACKNOWLEDGED, null, address);
  }

  async dismiss(actor: Actor, id: string, reason: string, address: string): Promise<AlertModel> {
    const why = reason.trim();
    if (why === '') throw badInput('reason', 'must not be empty');
    if (why.length > 2000) throw badInput('reason', 'must be at most 2000 characters');
    return this.move(actor, id, AlertStatus.DISMISSED, why, address);
  }

  private async move(actor: Actor, id: string, to: AlertStatus, note: string | null, address: string): Promise<AlertModel> {
    const a = await alertById(this.tx.manager, id);
    if (!a) throw notFound('Alert', id);
    const own = await this.directory.get(actor.agencyId);
    if (!regionCovers(own.region, a.region)) throw forbidden("Only the police of the alert's region change its status");
    const from = to === AlertStatus.ACKNOWLEDGED ? [AlertStatus.NEW] : [AlertStatus.NEW, AlertStatus.ACKNOWLEDGED];
    if (!from.includes(a.status)) throw conflict(`The alert is ${a.status}: it cannot become ${to}`, { currentState: a.status });
    // Conditional on the state read: a concurrent change is a CONFLICT, not a lost update.
    const changed = await changeAlertStatus(this.tx.manager, { id, from: a.status, to, note, userId: actor.userId });
    if (!changed) throw conflict('The alert changed meanwhile; reload it', { currentState: a.status });
    await recordAudit(this.tx.manager, {
      action: AuditAction.ALERT_STATUS_CHANGED, outcome: AuditOutcome.SUCCESS, entityType: 'Alert', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { from: a.status, to, rule: a.rule, region: a.region, note },
    });
    return (await this.toModels(actor, [changed]))[0];
  }

  /** Effective thresholds of every rule for a region (the viewer's own by default; the national defaults for the centre). */
  async thresholds(actor: Actor, region: string | null | undefined): Promise<RiskThresholdModel[]> {
    let target = region?.trim();
    if (!target) {
      const own = (await this.directory.get(actor.agencyId)).region;
      target = own === NATIONAL_REGION_CODE || !isSignalRegion(own) ? NATIONAL_THRESHOLD_REGION : own;
    }
    if (target !== NATIONAL_THRESHOLD_REGION && !isSignalRegion(target)) throw badInput('region', 'must be a 6-digit GB/T 2260 code such as 440000, or 000000 for the national defaults');
    const set = await riskThresholdsOf(this.tx.manager, thresholdRegionChain(target));
    return Object.values(RiskRule).map((rule) => {
      const e = effectiveThreshold(rule, target as string, set);
      return { region: target as string, rule, value: formatRuleFigure(rule, e.value), source: e.source };
    });
  }

  async setThreshold(actor: Actor, region: string, rule: RiskRule, value: string, address: string): Promise<RiskThresholdModel> {
    const target = region.trim();
    if (target !== NATIONAL_THRESHOLD_REGION && !isSignalRegion(target)) throw badInput('region', 'must be a 6-digit GB/T 2260 code such as 440000, or 000000 for the national defaults');
    const own = (await this.directory.get(actor.agencyId)).region;
    const mine = own === NATIONAL_REGION_CODE || (target !== NATIONAL_THRESHOLD_REGION && regionCovers(own, target));
    if (!mine) throw forbidden(target === NATIONAL_THRESHOLD_REGION ? 'The national centre sets the national defaults' : 'You set thresholds for your own region only');
    const problem = thresholdProblem(rule, value);
    if (problem) throw badInput('value', problem);
    const canonical = canonicalThreshold(rule, value);
    const { previous } = await setRiskThreshold(this.tx.manager, { region: target, rule, value: canonical, setBy: actor.userId, setByAgency: actor.agencyId });
    await recordAudit(this.tx.manager, {
      action: AuditAction.RISK_THRESHOLD_SET, outcome: AuditOutcome.SUCCESS, entityType: 'RiskThreshold', entityId: `${target}:${rule}`, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { region: target, rule, from: previous, to: canonical },
    });
    return { region: target, rule, value: formatRuleFigure(rule, canonical), source: target };
  }

  /** The matched value as a clue of the case would be shown (masksPersonalData): masked unless owner/CONTRIBUTE and a role that needs it. */
  private toLead(actor: Actor, l: AlertLeadRow, agencies: Map<string, AgencyRef>): AlertLead {
    return {
      id: l.id, caseId: l.case_id, caseNumber: l.case_number, ownerAgency: agencies.get(l.case_owner_agency_id) as AgencyRef, matchedKind: l.matched_kind,
      // An ID_NUMBER lead carries the subject key (a keyed hash), not the number: nothing to mask.
      matchedValue: l.matched_kind === IdentifierKind.ID_NUMBER ? l.matched_value : shownValue(l.matched_kind, l.matched_value, !l.clear || !seesPersonalData(actor)), canOpen: l.case_id !== null, createdAt: l.created_at,
    };
  }

  private async agenciesOf(ids: Iterable<string>): Promise<Map<string, AgencyRef>> {
    const out = new Map<string, AgencyRef>();
    for (const id of new Set(ids)) out.set(id, await this.directory.get(id, this.tx.manager));
    return out;
  }

  /** Alerts with their identifiers and leads, as far as the caller may see them (four queries for a page). */
  private async toModels(actor: Actor, rows: AlertRow[]): Promise<AlertModel[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const identifiers = await alertIdentifiersOf(this.tx.manager, ids);
    const leads = await leadsOfAlerts(this.tx.manager, ids);
    const agencies = await this.agenciesOf([...rows.map((r) => r.reporting_agency_id), ...leads.map((l) => l.case_owner_agency_id)]);
    return rows.map((r) => ({
      id: r.id, rule: r.rule, status: r.status, region: r.region, raisedAt: r.raised_at, reportingAgency: agencies.get(r.reporting_agency_id) as AgencyRef,
      subjectKey: r.subject_hash ? r.subject_hash.toString('hex').slice(0, 8) : null,
      identifiers: identifiers.filter((i) => i.alert_id === r.id).map((i) => ({ kind: i.kind, value: i.value })),
      observed: formatRuleFigure(r.rule, r.observed), threshold: formatRuleFigure(r.rule, r.threshold),
      windowStart: r.window_start, windowEnd: r.window_end, signalCount: r.signal_count,
      leads: leads.filter((l) => l.alert_id === r.id).map((l) => this.toLead(actor, l, agencies)), statusNote: r.status_note,
    }));
  }
}
