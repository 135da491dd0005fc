import { Injectable } from '@nestjs/common';
import { AccessRequestStatus, AgencyKind, AuditAction, AuditOutcome, normalizeIdentifier } from '@caselink/domain';
import {
  accessRequestToOwner, AccessRequestRow, correctIdentifierValue, decideAccessRequest, deleteIdentifier, hasLiveShare, identifierById, IdentifierRow,
  insertAccessRequest, insertManualIdentifier, insertShare, listAccessRequests, ownerOfAnyCase, recordAudit, revokeShares, shareGrantedBy,
  victimPersonalData, visibleCasesByIds,
} from '@caselink/db';
import { isUniqueViolation } from '../common/db-errors';
import type { Actor } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
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
    if (c.agency_id !== actor.agencyId) throw forbidden('Only the owning agency shares a case');
    const target = (await this.directory.all()).get(input.agencyId);
    if (!target) throw badInput('input.agencyId', 'is not an agency');
    if (target.kind !== AgencyKind.POLICE) throw badInput('input.agencyId', 'cases are shared with police agencies only');
    if (target.id === actor.agencyId) throw badInput('input.agencyId', 'is your own agency');
    // A new grant replaces the live one, so the history of who could see what stays in the table.
    await revokeShares(this.tx.manager, { caseId: c.id, agencyId: target.id }, actor.userId);
    const share = await insertShare(this.tx.manager, {
      caseId: c.id, ownerAgencyId: actor.agencyId, agencyId: target.id, access: input.access, mayPassOn: input.mayPassOn,
      mayUseInCourt: input.mayUseInCourt, mustAskBeforeActing: input.mustAskBeforeActing, grantedBy: actor.userId,
    });
    await this.audit(actor, AuditAction.CASE_SHARED, 'CaseShare', share.id, address, { caseId: c.id, agencyId: target.id, access: input.access });
    return toShareModel(share);
  }

  async revoke(actor: Actor, shareId: string, address: string): Promise<CaseShareModel> {
    const share = await shareGrantedBy(this.tx.manager, shareId, actor.agencyId);
    if (!share) throw notFound('CaseShare', shareId);
    if (share.revoked_at) throw conflict('This share is already revoked', { currentState: 'REVOKED' });
    const [revoked] = await revokeShares(this.tx.manager, { id: shareId }, actor.userId);
    await this.audit(actor, AuditAction.SHARE_REVOKED, 'CaseShare', shareId, address, { caseId: share.case_id, agencyId: share.agency_id });
    return toShareModel(revoked);
  }

  async requestAccess(actor: Actor, input: RequestAccessInput, address: string): Promise<AccessRequestModel> {
    const owner = await ownerOfAnyCase(this.tx.manager, input.caseId);
    if (!owner) throw notFound('Case', input.caseId);
    if (owner === actor.agencyId) throw badInput('input.caseId', 'is a case of your own agency');
    if (await hasLiveShare(this.tx.manager, input.caseId, actor.agencyId)) throw conflict('Your agency already has access to this case');
    let saved: AccessRequestRow;
    try {
      saved = await insertAccessRequest(this.tx.manager, {
        caseId: input.caseId, ownerAgencyId: owner, requestingAgencyId: actor.agencyId, requestedBy: actor.userId, reason: input.reason.trim(),
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('A request for this case is already pending');
      throw e;
    }
    await this.audit(actor, AuditAction.ACCESS_REQUESTED, 'AccessRequest', saved.id, address, { caseId: input.caseId, ownerAgencyId: owner });
    return toAccessRequestModel(saved, null);
  }

  async decide(actor: Actor, input: DecideAccessRequestInput, address: string): Promise<AccessRequestModel> {
    const req = await accessRequestToOwner(this.tx.manager, input.id, actor.agencyId);
    if (!req) throw notFound('AccessRequest', input.id);
    if (req.status !== AccessRequestStatus.PENDING) throw conflict(`The request is already ${req.status}`, { currentState: req.status });
    const decided = await decideAccessRequest(this.tx.manager, {
      id: req.id, status: input.approve ? AccessRequestStatus.APPROVED : AccessRequestStatus.DENIED, decidedBy: actor.userId, note: input.note?.trim() || null,
    });
    if (input.approve) {
      // Granted through a request: conservative handling until the owner says otherwise.
      await this.share(actor, { caseId: req.case_id, agencyId: req.requesting_agency_id, access: input.access, mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: true }, address);
    }
    await this.audit(actor, AuditAction.ACCESS_REQUEST_DECIDED, 'AccessRequest', req.id, address, { approve: input.approve, access: input.approve ? input.access : null });
    const c = await this.cases.visibleCase(actor, req.case_id);
    return toAccessRequestModel(decided, c.case_number);
  }

  async listRequests(actor: Actor, args: AccessRequestArgs): Promise<Connection<AccessRequestModel>> {
    const incoming = args.direction === RequestDirection.INCOMING;
    const { rows, total } = await listAccessRequests(this.tx.manager, {
      agencyId: actor.agencyId, incoming, status: args.status, afterId: args.after ? decodeCursor(args.after) : null, limit: args.first + 1,
    });
    const page = rows.slice(0, args.first);
    // Case numbers only for the owner: a requester must not learn them from its own request.
    const numbers = new Map<string, string>();
    if (incoming) for (const c of await visibleCasesByIds(this.tx.manager, page.map((r) => r.case_id))) numbers.set(c.id, c.case_number);
    const edges = page.map((r) => ({ cursor: encodeCursor(r.id), node: toAccessRequestModel(r, numbers.get(r.case_id) ?? null) }));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  async addIdentifier(actor: Actor, input: AddIdentifierInput, address: string): Promise<IdentifierModel> {
    const model = await this.cases.get(actor, input.caseId);
    if (model.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow adding clues; ask the owner for CONTRIBUTE');
    const r = normalizeIdentifier(input.kind, input.value);
    if (!r.ok) throw badInput('input.value', r.reason);
    let saved: IdentifierRow;
    try {
      saved = await insertManualIdentifier(this.tx.manager, {
        caseId: input.caseId, agencyId: actor.agencyId, kind: input.kind, rawValue: input.value.trim(), canonical: r.canonical,
        note: input.note?.trim() || null, createdBy: actor.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`input.value: ${r.canonical} is already a clue of this case`, { field: 'input.value' });
      throw e;
    }
    await this.audit(actor, AuditAction.IDENTIFIER_ADDED, 'Identifier', saved.id, address, { caseId: input.caseId, kind: input.kind });
    return toIdentifierModel(saved);
  }

  /**
   * Corrects a manual clue (a typo in a phone number, say). The linking outbox trigger re-links the
   * case, so a link that rested on the wrong value disappears and one on the right value appears.
   */
  async correctIdentifier(actor: Actor, id: string, value: string, address: string): Promise<IdentifierModel> {
    const clue = await this.manualClue(actor, id);
    const r = normalizeIdentifier(clue.kind, value);
    if (!r.ok) throw badInput('value', r.reason);
    let corrected: IdentifierRow;
    try {
      corrected = await correctIdentifierValue(this.tx.manager, id, value.trim(), r.canonical);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`value: ${r.canonical} is already a clue of this case`, { field: 'value' });
      throw e;
    }
    await this.audit(actor, AuditAction.IDENTIFIER_CORRECTED, 'Identifier', id, address, { caseId: clue.case_id, kind: clue.kind });
    return toIdentifierModel(corrected);
  }

  async removeIdentifier(actor: Actor, id: string, address: string): Promise<boolean> {
    const clue = await this.manualClue(actor, id);
    await deleteIdentifier(this.tx.manager, id);
    await this.audit(actor, AuditAction.IDENTIFIER_REMOVED, 'Identifier', id, address, { caseId: clue.case_id, kind: clue.kind });
    return true;
  }

  /** Clues from statements follow their statement; only manual clues are corrected or removed by hand. */
  private async manualClue(actor: Actor, id: string): Promise<IdentifierRow> {
    const clue = await identifierById(this.tx.manager, id);
    if (!clue) throw notFound('Identifier', id);
    const model = await this.cases.get(actor, clue.case_id);
    if (model.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow changing clues; ask the owner for CONTRIBUTE');
    if (clue.source !== 'MANUAL') throw conflict(`The clue comes from a ${clue.source.toLowerCase()} and changes with it`, { currentState: clue.source });
    if (clue.agency_id !== actor.agencyId) throw forbidden('Only the agency that added a clue changes it');
    return clue;
  }

  /** Full ID number and phone: only with OWNER or CONTRIBUTE access; the database function audits the read. */
  async personalData(actor: Actor, victimId: string): Promise<VictimPersonalData> {
    const row = await victimPersonalData(this.tx.manager, victimId);
    if (!row) throw forbidden('Your access to this case does not include personal data (READ grants see masked values)');
    return { idNumber: row.id_number, phone: row.phone };
  }
}
