import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, caseTransitionProblem, CaseStatus, moneyProblem, provinceOf } from '@caselink/domain';
import { CaseListFilter, CaseRow, insertCase, listCases, nextCaseNumber, recordAudit, setCaseStatus, visibleCaseById, visibleCasesByIds, VisibleCaseRow } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
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

  async list(actor: Actor, args: CaseListArgs, withCount = true): Promise<Connection<CaseModel> & { totalCountCapped: boolean }> {
    const filter = listFilter(args.filter);
    const { rows, total, capped } = await listCases(this.tx.manager, filter, {
      afterId: args.after ? decodeCursor(args.after) : null, limit: args.first + 1, withCount,
    });
    const edges = await Promise.all(rows.slice(0, args.first).map(async (c) => ({ cursor: encodeCursor(c.id), node: await this.toModel(actor, c) })));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total, totalCountCapped: capped };
  }

  async get(actor: Actor, id: string): Promise<CaseModel> {
    return this.toModel(actor, await this.visibleCase(actor, id));
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
    const number = await nextCaseNumber(this.tx.manager, actor.agencyId, year);
    const saved = await insertCase(this.tx.manager, {
      agencyId: actor.agencyId, caseNumber: `${own.region}-${year}-${String(number).padStart(6, '0')}`, title: input.title.trim(),
      description: input.description?.trim() || null, fraudType: input.fraudType, reportedOn: input.reportedOn, sensitivity: input.sensitivity,
      provinces: [...provinces].sort(), createdBy: actor.userId,
    });
    await this.audit(actor, AuditAction.CASE_CREATED, saved.id, address, { caseNumber: saved.case_number });
    return toCaseModel(saved, own, actor);
  }

  async changeStatus(actor: Actor, id: string, status: CaseStatus, address: string): Promise<CaseModel> {
    const c = await this.visibleCase(actor, id);
    if (c.agency_id !== actor.agencyId) throw forbidden('Only the owning agency changes the status of a case');
    const problem = caseTransitionProblem(c.status, status);
    if (problem) throw conflict(`The case is ${c.status}: ${problem}`, { currentState: c.status });
    const changed = await setCaseStatus(this.tx.manager, id, status);
    if (!changed) throw notFound('Case', id);
    await this.audit(actor, AuditAction.CASE_STATUS_CHANGED, id, address, { from: c.status, to: status });
    return this.toModel(actor, changed);
  }

  /** The cases among `ids` the viewer may see, in the order of `ids`; the others are left out. */
  async byIds(actor: Actor, ids: readonly string[]): Promise<CaseModel[]> {
    const byId = new Map((await visibleCasesByIds(this.tx.manager, ids)).map((c) => [c.id, c]));
    const out: CaseModel[] = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (c) out.push(await this.toModel(actor, c));
    }
    return out;
  }

  /** The case if the viewer may see it (row-level security decides), with the viewer's live share; NOT_FOUND otherwise, never a hint. */
  async visibleCase(actor: Actor, id: string): Promise<VisibleCaseRow> {
    const c = await visibleCaseById(this.tx.manager, id);
    if (!c) throw notFound('Case', id);
    return c;
  }

  private async toModel(actor: Actor, c: CaseRow | VisibleCaseRow): Promise<CaseModel> {
    return toCaseModel(c, await this.directory.get(c.agency_id), actor);
  }

  private audit(actor: Actor, action: AuditAction, caseId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.tx.manager, {
      action, outcome: AuditOutcome.SUCCESS, entityType: 'Case', entityId: caseId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}

/** The list's conditions, with the money bounds checked (BAD_USER_INPUT naming the field). */
function listFilter(f: CaseFilter | undefined): CaseListFilter {
  if (!f) return {};
  for (const field of ['minLoss', 'maxLoss'] as const) {
    const value = f[field];
    if (value === undefined) continue;
    const problem = moneyProblem(value);
    if (problem) throw badInput(`filter.${field}`, problem);
  }
  return { ...f, search: f.search?.trim() || null };
}
