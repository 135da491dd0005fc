import { Injectable } from '@nestjs/common';
import { AgencyKind, AuditAction, AuditOutcome, normalizeIdentifier } from '@caselink/domain';
import { AccessRequest, CaseShare, Identifier, recordAudit } from '@caselink/db';
import { IsNull } from 'typeorm';
import { isUniqueViolation } from '../common/db-errors';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, paginate } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from './agency-directory';
import { AccessRequestModel, CaseShareModel, IdentifierModel, RequestDirection, VictimPersonalData, ViewerAccess } from './case.model';
import { toAccessRequestModel, toIdentifierModel, toShareModel } from './case-mappers';
import { AccessRequestArgs, AddIdentifierInput, DecideAccessRequestInput, RequestAccessInput, ShareCaseInput } from './cases.dto';
import { CasesService } from './cases.service';

/** Shares, access requests, manual clues and audited reads of personal data. */
@Injectable()
export class SharingService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly directory: AgencyDirectory,
  ) {}

  private audit(actor: Actor, action: AuditAction, entityType: string, entityId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.tx.manager, {
      action, outcome: AuditOutcome.SUCCESS, entityType, entityId, agencyId: actor.agencyId, actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }

  async share(actor: Actor, input: ShareCaseInput, address: string): Promise<CaseShareModel> {
    const c = await this.cases.visibleCase(actor, input.caseId);
    if (c.agencyId !== actor.agencyId) throw forbidden('Only the owning agency shares a case');
    const target = (await this.directory.all()).get(input.agencyId);
    if (!target) throw badInput('input.agencyId', 'is not an agency');
    if (target.kind !== AgencyKind.POLICE) throw badInput('input.agencyId', 'cases are shared with police agencies only');
    if (target.id === actor.agencyId) throw badInput('input.agencyId', 'is your own agency');
    const repo = this.tx.manager.getRepository(CaseShare);
    // A new grant replaces the live one, so the history of who could see what stays in the table.
    await repo.update({ caseId: c.id, agencyId: target.id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy: actor.userId });
    const share = await repo.save(repo.create({
      caseId: c.id, ownerAgencyId: actor.agencyId, agencyId: target.id, access: input.access, mayPassOn: input.mayPassOn,
      mayUseInCourt: input.mayUseInCourt, mustAskBeforeActing: input.mustAskBeforeActing, grantedBy: actor.userId,
    }));
    await this.audit(actor, AuditAction.CASE_SHARED, 'CaseShare', share.id, address, { caseId: c.id, agencyId: target.id, access: input.access });
    return toShareModel(await repo.findOneByOrFail({ id: share.id }));
  }

  async revoke(actor: Actor, shareId: string, address: string): Promise<CaseShareModel> {
    const repo = this.tx.manager.getRepository(CaseShare);
    const share = await repo.findOneBy({ id: shareId, ownerAgencyId: actor.agencyId });
    if (!share) throw notFound('CaseShare', shareId);
    if (share.revokedAt) throw conflict('This share is already revoked', { currentState: 'REVOKED' });
    await repo.update({ id: shareId }, { revokedAt: new Date(), revokedBy: actor.userId });
    await this.audit(actor, AuditAction.SHARE_REVOKED, 'CaseShare', shareId, address, { caseId: share.caseId, agencyId: share.agencyId });
    return toShareModel(await repo.findOneByOrFail({ id: shareId }));
  }

  async requestAccess(actor: Actor, input: RequestAccessInput, address: string): Promise<AccessRequestModel> {
    const [{ owner }] = await this.tx.manager.query('SELECT case_owner($1) AS owner', [input.caseId]);
    if (!owner) throw notFound('Case', input.caseId);
    if (owner === actor.agencyId) throw badInput('input.caseId', 'is a case of your own agency');
    const live = await this.tx.manager.getRepository(CaseShare).existsBy({ caseId: input.caseId, agencyId: actor.agencyId, revokedAt: IsNull() });
    if (live) throw conflict('Your agency already has access to this case');
    const repo = this.tx.manager.getRepository(AccessRequest);
    let saved: AccessRequest;
    try {
      saved = await repo.save(repo.create({ caseId: input.caseId, ownerAgencyId: owner, requestingAgencyId: actor.agencyId, requestedBy: actor.userId, reason: input.reason.trim() }));
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('A request for this case is already pending');
      throw e;
    }
    await this.audit(actor, AuditAction.ACCESS_REQUESTED, 'AccessRequest', saved.id, address, { caseId: input.caseId, ownerAgencyId: owner });
    return toAccessRequestModel(await repo.findOneByOrFail({ id: saved.id }), null);
  }

  async decide(actor: Actor, input: DecideAccessRequestInput, address: string): Promise<AccessRequestModel> {
    const repo = this.tx.manager.getRepository(AccessRequest);
    const req = await repo.findOneBy({ id: input.id, ownerAgencyId: actor.agencyId });
    if (!req) throw notFound('AccessRequest', input.id);
    if (req.status !== 'PENDING') throw conflict(`The request is already ${req.status}`, { currentState: req.status });
    await repo.update({ id: req.id }, { status: input.approve ? 'APPROVED' : 'DENIED', decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note?.trim() || null });
    if (input.approve) {
      // Granted through a request: conservative handling until the owner says otherwise.
      await this.share(actor, { caseId: req.caseId, agencyId: req.requestingAgencyId, access: input.access, mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true }, address);
    }
    await this.audit(actor, AuditAction.ACCESS_REQUEST_DECIDED, 'AccessRequest', req.id, address, { approve: input.approve, access: input.approve ? input.access : null });
    const c = await this.cases.visibleCase(actor, req.caseId);
    return toAccessRequestModel(await repo.findOneByOrFail({ id: req.id }), c.caseNumber);
  }

  async listRequests(actor: Actor, args: AccessRequestArgs): Promise<Connection<AccessRequestModel>> {
    const q = this.tx.manager.getRepository(AccessRequest).createQueryBuilder('r')
      .where(args.direction === RequestDirection.INCOMING ? 'r.owner_agency_id = :me' : 'r.requesting_agency_id = :me', { me: actor.agencyId });
    if (args.status) q.andWhere('r.status = :status', { status: args.status });
    const page = await paginate(q, args, (r) => r);
    const numbers = new Map<string, string>();
    if (args.direction === RequestDirection.INCOMING && page.edges.length > 0) {
      const rows: Array<{ id: string; case_number: string }> = await this.tx.manager.query('SELECT id, case_number FROM cases WHERE id = ANY ($1)', [page.edges.map((e) => e.node.caseId)]);
      for (const r of rows) numbers.set(r.id, r.case_number);
    }
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAccessRequestModel(e.node, numbers.get(e.node.caseId) ?? null) })) };
  }

  async addIdentifier(actor: Actor, input: AddIdentifierInput, address: string): Promise<IdentifierModel> {
    const model = await this.cases.get(actor, input.caseId);
    if (model.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow adding clues; ask the owner for CONTRIBUTE');
    const r = normalizeIdentifier(input.kind, input.value);
    if (!r.ok) throw badInput('input.value', r.reason);
    const repo = this.tx.manager.getRepository(Identifier);
    let saved: Identifier;
    try {
      saved = await repo.save(repo.create({
        caseId: input.caseId, agencyId: actor.agencyId, kind: input.kind, rawValue: input.value.trim(), canonical: r.canonical, source: 'MANUAL',
        note: input.note?.trim() || null, createdBy: actor.userId,
      }));
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`input.value: ${r.canonical} is already a clue of this case`, { field: 'input.value' });
      throw e;
    }
    await this.audit(actor, AuditAction.IDENTIFIER_ADDED, 'Identifier', saved.id, address, { caseId: input.caseId, kind: input.kind });
    return toIdentifierModel(await repo.findOneByOrFail({ id: saved.id }));
  }

  /**
   * Corrects a manual clue (a typo in a phone number, say). The linking outbox trigger re-links the
   * case, so a link that rested on the wrong value disappears and one on the right value appears.
   */
  async correctIdentifier(actor: Actor, id: string, value: string, address: string): Promise<IdentifierModel> {
    const clue = await this.manualClue(actor, id);
    const r = normalizeIdentifier(clue.kind, value);
    if (!r.ok) throw badInput('value', r.reason);
    try {
      await this.tx.manager.getRepository(Identifier).update({ id }, { rawValue: value.trim(), canonical: r.canonical });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`value: ${r.canonical} is already a clue of this case`, { field: 'value' });
      throw e;
    }
    await this.audit(actor, AuditAction.IDENTIFIER_CORRECTED, 'Identifier', id, address, { caseId: clue.caseId, kind: clue.kind });
    return toIdentifierModel(await this.tx.manager.getRepository(Identifier).findOneByOrFail({ id }));
  }

  async removeIdentifier(actor: Actor, id: string, address: string): Promise<boolean> {
    const clue = await this.manualClue(actor, id);
    await this.tx.manager.getRepository(Identifier).delete({ id });
    await this.audit(actor, AuditAction.IDENTIFIER_REMOVED, 'Identifier', id, address, { caseId: clue.caseId, kind: clue.kind });
    return true;
  }

  /** Clues from statements follow their statement; only manual clues are corrected or removed by hand. */
  private async manualClue(actor: Actor, id: string): Promise<Identifier> {
    const clue = await this.tx.manager.getRepository(Identifier).findOneBy({ id });
    if (!clue) throw notFound('Identifier', id);
    const model = await this.cases.get(actor, clue.caseId);
    if (model.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow changing clues; ask the owner for CONTRIBUTE');
    if (clue.source !== 'MANUAL') throw conflict(`The clue comes from a ${clue.source.toLowerCase()} and changes with it`, { currentState: clue.source });
    if (clue.agencyId !== actor.agencyId) throw forbidden('Only the agency that added a clue changes it');
    return clue;
  }

  /** Full ID number and phone: only with OWNER or CONTRIBUTE access; the database function audits the read. */
  async personalData(actor: Actor, victimId: string): Promise<VictimPersonalData> {
    const [row]: Array<{ id_number: string | null; phone: string | null }> = await this.tx.manager.query('SELECT * FROM victim_personal_data($1)', [victimId]);
    if (!row) throw forbidden('Your access to this case does not include personal data (READ grants see masked values)');
    return { idNumber: row.id_number, phone: row.phone };
  }
}
