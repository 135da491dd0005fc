import { Injectable } from '@nestjs/common';
import {
  AlertStatus, AuditAction, AuditOutcome, canonicalThreshold, effectiveThreshold, formatRuleFigure, IdentifierKind, NATIONAL_REGION_CODE,
  NATIONAL_THRESHOLD_REGION, regionCovers, RiskRule, seesPersonalData, thresholdProblem, thresholdRegionChain, isSignalRegion,
} from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import type { AgencyRef } from '../cases/case.model';
import { shownValue } from '../cases/masking';
import { AlertLead, AlertLeadWithAlert, AlertModel, RiskThresholdModel } from './alert.model';

interface AlertRow {
  id: string;
  rule: RiskRule;
  status: AlertStatus;
  region: string;
  raised_at: Date;
  reporting_agency_id: string;
  subject_hash: Buffer | null;
  observed: string;
  threshold: string;
  window_start: Date;
  window_end: Date;
  signal_count: number;
  status_note: string | null;
}

/** A lead as the caller may see it: case id and number only when it may read the case. */
interface LeadRow {
  id: string;
  alert_id: string;
  case_id: string | null;
  case_number: string | null;
  case_owner_agency_id: string;
  matched_kind: IdentifierKind;
  matched_value: string;
  created_at: Date;
  /** The caller's agency owns the case or holds CONTRIBUTE of it (the access that may see personal data). */
  clear: boolean;
}

const ALERT_COLUMNS = `a.id, a.rule, a.status, a.region, a.raised_at, a.reporting_agency_id, a.subject_hash, a.observed::text, a.threshold::text,
  a.window_start, a.window_end, a.signal_count, a.status_note`;

/**
 * Alerts the rules engine raised. Who sees which is row-level security's: the reporter the alerts from its own
 * signals (and of their identifiers those its signals carried), police their region's (a province bureau its
 * province and its cities), readers of a case its leads and their alerts. Of a lead on a case it may not read,
 * the region's police learn what a blind hit tells (the owner agency and the matched value), through the
 * database's alert_region_leads; never the case's id or number. The service adds the checks of acts:
 * the region's police change an alert's status, police admins and supervisors set their region's thresholds.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  async list(actor: Actor, filter: { status?: AlertStatus | null; rule?: RiskRule | null }, page: PageArgs, withCount: boolean): Promise<Connection<AlertModel>> {
    const params: unknown[] = [filter.status ?? null, filter.rule ?? null];
    const base = `($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR a.rule = $2)`;
    let where = base;
    if (page.after) {
      params.push(decodeCursor(page.after));
      where += ` AND (a.raised_at, a.id) < (SELECT c.raised_at, c.id FROM alerts c WHERE c.id = $${params.length})`;
    }
    params.push(page.first + 1);
    const rows = (await this.tx.manager.query(
      `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE ${where} ORDER BY a.raised_at DESC, a.id DESC LIMIT $${params.length}`, params,
    )) as AlertRow[];
    const totalCount = withCount
      ? ((await this.tx.manager.query(`SELECT count(*)::int AS n FROM alerts a WHERE ${base}`, params.slice(0, 2))) as Array<{ n: number }>)[0].n
      : -1;
    const models = await this.toModels(actor, rows.slice(0, page.first));
    const edges = models.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  async get(actor: Actor, id: string): Promise<AlertModel | null> {
    const [row] = (await this.tx.manager.query(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = $1`, [id])) as AlertRow[];
    return row ? (await this.toModels(actor, [row]))[0] : null;
  }

  /** The leads on a case the caller may read, each with its alert (visible through the lead). */
  async caseLeads(actor: Actor, caseId: string): Promise<AlertLeadWithAlert[]> {
    const [c] = (await this.tx.manager.query('SELECT 1 FROM cases WHERE id = $1', [caseId])) as unknown[];
    if (!c) throw notFound('Case', caseId);
    const leads = await this.readableLeads(`l.case_id = $1`, [caseId]);
    if (leads.length === 0) return [];
    const rows = (await this.tx.manager.query(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ANY($1::uuid[])`, [[...new Set(leads.map((l) => l.alert_id))]])) as AlertRow[];
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
    const [a] = (await this.tx.manager.query(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = $1`, [id])) as AlertRow[];
    if (!a) throw notFound('Alert', id);
    const own = await this.directory.get(actor.agencyId);
    if (!regionCovers(own.region, a.region)) throw forbidden("Only the police of the alert's region change its status");
    const from = to === AlertStatus.ACKNOWLEDGED ? [AlertStatus.NEW] : [AlertStatus.NEW, AlertStatus.ACKNOWLEDGED];
    if (!from.includes(a.status)) throw conflict(`The alert is ${a.status}: it cannot become ${to}`, { currentState: a.status });
    // Conditional on the state read: a concurrent change is a CONFLICT, not a lost update.
    const [changed] = (await this.tx.manager.query(
      `UPDATE alerts SET status = $2, status_note = coalesce($3, status_note), status_by = $4, status_at = now(), updated_at = now()
       WHERE id = $1 AND status = $5 RETURNING id`,
      [id, to, note, actor.userId, a.status],
    )) as [unknown[], number];
    if (changed.length === 0) throw conflict('The alert changed meanwhile; reload it', { currentState: a.status });
    await recordAudit(this.tx.manager, {
      action: AuditAction.ALERT_STATUS_CHANGED, outcome: AuditOutcome.SUCCESS, entityType: 'Alert', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { from: a.status, to, rule: a.rule, region: a.region, note },
    });
    return (await this.get(actor, id)) as AlertModel;
  }

  /** Effective thresholds of every rule for a region (the viewer's own by default; the national defaults for the centre). */
  async thresholds(actor: Actor, region: string | null | undefined): Promise<RiskThresholdModel[]> {
    let target = region?.trim();
    if (!target) {
      const own = (await this.directory.get(actor.agencyId)).region;
      target = own === NATIONAL_REGION_CODE || !isSignalRegion(own) ? NATIONAL_THRESHOLD_REGION : own;
    }
    if (target !== NATIONAL_THRESHOLD_REGION && !isSignalRegion(target)) throw badInput('region', 'must be a 6-digit GB/T 2260 code such as 440000, or 000000 for the national defaults');
    const set = (await this.tx.manager.query('SELECT region, rule, value::text FROM risk_thresholds WHERE region = ANY($1::text[])', [thresholdRegionChain(target)])) as Array<{
      region: string; rule: RiskRule; value: string;
    }>;
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
    const [before] = (await this.tx.manager.query('SELECT value::text FROM risk_thresholds WHERE region = $1 AND rule = $2', [target, rule])) as Array<{ value: string }>;
    await this.tx.manager.query(
      `INSERT INTO risk_thresholds (region, rule, value, set_by, set_by_agency) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (region, rule) DO UPDATE SET value = EXCLUDED.value, set_by = EXCLUDED.set_by, set_by_agency = EXCLUDED.set_by_agency, updated_at = now()`,
      [target, rule, canonical, actor.userId, actor.agencyId],
    );
    await recordAudit(this.tx.manager, {
      action: AuditAction.RISK_THRESHOLD_SET, outcome: AuditOutcome.SUCCESS, entityType: 'RiskThreshold', entityId: `${target}:${rule}`, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { region: target, rule, from: before?.value ?? null, to: canonical },
    });
    return { region: target, rule, value: formatRuleFigure(rule, canonical), source: target };
  }

  /** Leads on cases the caller may read (alert_leads' policy), the case number read from the case under its own. */
  private async readableLeads(where: string, params: unknown[]): Promise<LeadRow[]> {
    return (await this.tx.manager.query(
      `SELECT l.id, l.alert_id, c.id AS case_id, c.case_number, l.case_owner_agency_id, l.matched_kind, l.matched_value, l.created_at,
              c.id IS NOT NULL AND app_can_contribute(c.id) AS clear
       FROM alert_leads l LEFT JOIN cases c ON c.id = l.case_id WHERE ${where} ORDER BY l.created_at, l.id`,
      params,
    )) as LeadRow[];
  }

  /** All leads of these alerts the caller may know of: those it may read, and (region police) the blind rest. */
  private async leadsOf(alertIds: string[]): Promise<LeadRow[]> {
    const readable = await this.readableLeads('l.alert_id = ANY($1::uuid[])', [alertIds]);
    const blind = (await this.tx.manager.query(
      `SELECT id, alert_id, NULL AS case_id, NULL AS case_number, owner_agency_id AS case_owner_agency_id, matched_kind, matched_value, created_at, false AS clear
       FROM alert_region_leads($1::uuid[])`,
      [alertIds],
    )) as LeadRow[];
    const seen = new Set(readable.map((l) => l.id));
    return [...readable, ...blind.filter((l) => !seen.has(l.id))]
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The matched value as a clue of the case would be shown (masksPersonalData): masked unless owner/CONTRIBUTE and a role that needs it. */
  private toLead(actor: Actor, l: LeadRow, agencies: Map<string, AgencyRef>): AlertLead {
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
    const identifiers = (await this.tx.manager.query(
      'SELECT alert_id, kind, value FROM alert_identifiers WHERE alert_id = ANY($1::uuid[]) ORDER BY kind, value', [ids],
    )) as Array<{ alert_id: string; kind: IdentifierKind; value: string }>;
    const leads = await this.leadsOf(ids);
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
