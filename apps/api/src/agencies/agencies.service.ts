import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, regionProblem, Role } from '@caselink/domain';
import { agencyById, agencyNameTaken, AgencyRow, insertAgency, listAgencies, recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { isUniqueViolation } from '../common/db-errors';
import { UsersService } from '../users/users.service';
import { AgencyModel } from './agency.model';
import { CreateAgencyInput } from './agencies.dto';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly users: UsersService,
  ) {}

  async get(id: string): Promise<AgencyModel> {
    const agency = await agencyById(this.tx.manager, id);
    if (!agency) throw notFound('Agency', id);
    return AgencyModel.from(agency);
  }

  /** Row-level security decides: one's own agency, or every agency for the national admin. */
  async list(page: PageArgs): Promise<Connection<AgencyModel>> {
    const { rows, total } = await listAgencies(this.tx.manager, { afterId: page.after ? decodeCursor(page.after) : null, limit: page.first + 1 });
    const edges = rows.slice(0, page.first).map((a) => ({ cursor: encodeCursor(a.id), node: AgencyModel.from(a) }));
    return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  /** A new agency and its first admin, in one transaction: never an agency nobody can administer. */
  async create(actor: Actor, input: CreateAgencyInput, address: string): Promise<AgencyModel> {
    const region = input.region.trim().toUpperCase();
    const problem = regionProblem(input.kind, region);
    if (problem) throw badInput('input.region', problem);
    if (await agencyNameTaken(this.tx.manager, input.name.trim())) {
      throw conflict(`input.name: an agency named ${input.name.trim()} already exists`, { field: 'input.name' });
    }
    let agency: AgencyRow;
    try {
      agency = await insertAgency(this.tx.manager, { name: input.name.trim(), nameEn: input.nameEn.trim(), kind: input.kind, region });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`input.name: an agency named ${input.name.trim()} already exists`, { field: 'input.name' });
      throw e;
    }
    await recordAudit(this.tx.manager, {
      action: AuditAction.AGENCY_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'Agency', entityId: agency.id,
      agencyId: actor.agencyId, actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { name: agency.name, kind: agency.kind, region },
    });
    await this.users.create(
      actor,
      { email: input.adminEmail, displayName: input.adminDisplayName, roles: [Role.ADMIN], password: input.adminPassword },
      address,
      agency.id,
      'input.admin',
    );
    return AgencyModel.from(agency);
  }
}
