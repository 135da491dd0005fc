import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, caseTransitionProblem, CaseStatus, IdentifierKind, isPersonalData, moneyProblem, provinceOf, seesPersonalData } from '@caselink/domain';
import { Case, CaseShare, recordAudit } from '@caselink/db';
import { In, IsNull, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, paginate } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from './agency-directory';
import { CaseModel } from './case.model';
import { toCaseModel } from './case-mappers';
import { CaseFilter, CaseListArgs, CreateCaseInput } from './cases.dto';

@Injectable()
export class CasesService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  async list(actor: Actor, args: CaseListArgs, withCount = true): Promise<Connection<CaseModel>> {
    const q = this.tx.manager.getRepository(Case).createQueryBuilder('c');
    applyFilter(q, args.filter, seesPersonalData(actor));
    const page = await paginate(q, args, (c) => c, undefined, withCount);
    const cases = page.edges.map((e) => e.node);
    const shares = await this.viewerShares(actor, cases.map((c) => c.id), cases.map((c) => c.agencyId));
    const edges = await Promise.all(
      page.edges.map(async (e) => ({ cursor: e.cursor, node: toCaseModel(e.node, await this.directory.get(e.node.agencyId), actor, shares.get(e.node.id)) })),
    );
    return { ...page, edges };
  }

  async get(actor: Actor, id: string): Promise<CaseModel> {
    const c = await this.visibleCase(actor, id);
    const shares = await this.viewerShares(actor, [id]);
    return toCaseModel(c, await this.directory.get(c.agencyId), actor, shares.get(id));
  }

  async create(actor: Actor, input: CreateCaseInput, address: string): Promise<CaseModel> {
    // "Today" anywhere on earth: a Beijing morning is still yesterday in UTC.
    const latest = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
    if (Number.isNaN(Date.parse(input.reportedOn)) || input.reportedOn > latest) {
      throw badInput('input.reportedOn', 'must be a real date, not in the future');
    }
    const own = await this.directory.get(actor.agencyId);
    const provinces = new Set(input.provinces ?? []);
    const ownProvince = provinceOf(own.region);
    if (ownProvince) provinces.add(ownProvince);
    const year = Number(input.reportedOn.slice(0, 4));
    const [{ last_value }] = await this.tx.manager.query(
      `INSERT INTO case_number_counters (agency_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_value = case_number_counters.last_value + 1 RETURNING last_value`,
      [actor.agencyId, year],
    );
    const repo = this.tx.manager.getRepository(Case);
    const saved = await repo.save(repo.create({
      agencyId: actor.agencyId, caseNumber: `${own.region}-${year}-${String(last_value).padStart(6, '0')}`, title: input.title.trim(),
      description: input.description?.trim() || null, fraudType: input.fraudType, reportedOn: input.reportedOn, sensitivity: input.sensitivity,
      provinces: [...provinces].sort(), createdBy: actor.userId,
    }));
    await this.audit(actor, AuditAction.CASE_CREATED, saved.id, address, { caseNumber: saved.caseNumber });
    return this.get(actor, saved.id);
  }

  async changeStatus(actor: Actor, id: string, status: CaseStatus, address: string): Promise<CaseModel> {
    const c = await this.visibleCase(actor, id);
    if (c.agencyId !== actor.agencyId) throw forbidden('Only the owning agency changes the status of a case');
    const problem = caseTransitionProblem(c.status, status);
    if (problem) throw conflict(`The case is ${c.status}: ${problem}`, { currentState: c.status });
    await this.tx.manager.getRepository(Case).update({ id }, { status });
    await this.audit(actor, AuditAction.CASE_STATUS_CHANGED, id, address, { from: c.status, to: status });
    return this.get(actor, id);
  }

  /** The cases among `ids` the viewer may see, in the order of `ids`; the others are left out. */
  async byIds(actor: Actor, ids: readonly string[]): Promise<CaseModel[]> {
    if (ids.length === 0) return [];
    const rows = await this.tx.manager.getRepository(Case).findBy({ id: In([...ids]) });
    const shares = await this.viewerShares(actor, rows.map((c) => c.id), rows.map((c) => c.agencyId));
    const byId = new Map(rows.map((c) => [c.id, c]));
    const out: CaseModel[] = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (c) out.push(toCaseModel(c, await this.directory.get(c.agencyId), actor, shares.get(c.id)));
    }
    return out;
  }

  /** The case if the viewer may see it (row-level security decides); NOT_FOUND otherwise, never a hint. */
  async visibleCase(actor: Actor, id: string): Promise<Case> {
    const c = await this.tx.manager.getRepository(Case).findOneBy({ id });
    if (!c) throw notFound('Case', id);
    return c;
  }

  private async viewerShares(actor: Actor, caseIds: string[], ownerIds: string[] = []): Promise<Map<string, CaseShare>> {
    // A page of one's own cases needs no share look-up (the usual case for an investigator).
    if (caseIds.length === 0 || (ownerIds.length === caseIds.length && ownerIds.every((o) => o === actor.agencyId))) return new Map();
    const shares = await this.tx.manager.getRepository(CaseShare).findBy({ caseId: In(caseIds), agencyId: actor.agencyId, revokedAt: IsNull() });
    return new Map(shares.map((s) => [s.caseId, s]));
  }

  private audit(actor: Actor, action: AuditAction, caseId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.tx.manager, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'Case', entityId: caseId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}

const PERSONAL_KINDS = Object.values(IdentifierKind).filter(isPersonalData);

function applyFilter(q: SelectQueryBuilder<Case>, f: CaseFilter | undefined, seesPersonal: boolean): void {
  if (!f) return;
  if (f.fraudTypes?.length) q.andWhere('c.fraud_type IN (:...fraudTypes)', { fraudTypes: f.fraudTypes });
  if (f.statuses?.length) q.andWhere('c.status IN (:...statuses)', { statuses: f.statuses });
  if (f.province) q.andWhere(':province = ANY (c.provinces)', { province: f.province });
  if (f.reportedFrom) q.andWhere('c.reported_on >= :from', { from: f.reportedFrom });
  if (f.reportedTo) q.andWhere('c.reported_on <= :to', { to: f.reportedTo });
  for (const [field, op] of [['minLoss', '>='], ['maxLoss', '<=']] as const) {
    const value = f[field];
    if (value === undefined) continue;
    const problem = moneyProblem(value);
    if (problem) throw badInput(`filter.${field}`, problem);
    q.andWhere(`c.total_loss ${op} :${field}`, { [field]: value });
  }
  if (f.owningAgencyId) q.andWhere('c.agency_id = :owner', { owner: f.owningAgencyId });
  const search = f.search?.trim();
  if (search) {
    // ILIKE on trigram-indexed columns; the sub-selects run under the same row-level security.
    const pattern = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q.andWhere(
      `(c.title ILIKE :pattern OR c.case_number ILIKE :pattern
        OR EXISTS (SELECT 1 FROM victim_statements st WHERE st.case_id = c.id AND st.narrative ILIKE :pattern)
        OR EXISTS (SELECT 1 FROM identifiers i WHERE i.case_id = c.id AND (i.canonical ILIKE :pattern OR i.raw_value ILIKE :pattern)
                   AND (i.kind <> ALL (CAST(:personal AS text[])) OR (CAST(:seesPersonal AS boolean) AND app_can_contribute(c.id)))))`,
      // Phones and ID numbers match only where the viewer sees them in full: a match on a masked value would
      // let anyone guess it digit by digit (the same rule as masksPersonalData).
      { pattern, personal: PERSONAL_KINDS, seesPersonal },
    );
  }
}
