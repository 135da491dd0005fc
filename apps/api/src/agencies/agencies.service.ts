import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, regionProblem, Role } from '@caselink/domain';
import { Agency, recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput, conflict, notFound } from '../common/errors';
import { Connection, PageArgs, paginate } from '../common/pagination';
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
    const agency = await this.tx.manager.getRepository(Agency).findOneBy({ id });
    if (!agency) throw notFound('Agency', id);
    return AgencyModel.from(agency);
  }

  /** Row-level security decides: one's own agency, or every agency for the national admin. */
  list(page: PageArgs): Promise<Connection<AgencyModel>> {
    return paginate(this.tx.manager.getRepository(Agency).createQueryBuilder('a'), page, AgencyModel.from);
  }

  /** A new agency and its first admin, in one transaction: never an agency nobody can administer. */
  async create(actor: Actor, input: CreateAgencyInput, address: string): Promise<AgencyModel> {
    const region = input.region.trim().toUpperCase();
    const problem = regionProblem(input.kind, region);
    if (problem) throw badInput('input.region', problem);
    const repo = this.tx.manager.getRepository(Agency);
    if (await repo.exists({ where: { name: input.name.trim() } })) {
      throw conflict(`input.name: an agency named ${input.name.trim()} already exists`, { field: 'input.name' });
    }
    let agency: Agency;
    try {
      agency = await repo.save(repo.create({ name: input.name.trim(), nameEn: input.nameEn.trim(), kind: input.kind, region }));
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
