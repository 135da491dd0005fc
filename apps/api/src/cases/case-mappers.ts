import { allowedCaseTransitions, CaseAccess, mayCall } from '@caselink/domain';
import type { AccessRequest, Case, CaseShare, Identifier, Transfer, Victim, VictimStatement } from '@caselink/db';
import {
  AccessRequestModel, AccessRequestStatusEnum, AgencyRef, CaseModel, CaseShareModel, IdentifierModel, IdentifierSourceEnum, TransferModel, VictimModel,
  VictimStatementModel, ViewerAccess,
} from './case.model';
import type { Actor } from '../common/actor';
import { masksPersonalData } from './masking';

/** A case as `actor` sees it: its access, masking (masksPersonalData) and the moves its roles may make (access table). */
export function toCaseModel(c: Case, owner: AgencyRef, actor: Actor, share: CaseShare | undefined): CaseModel {
  const isOwner = c.agencyId === actor.agencyId;
  const viewerAccess = isOwner ? ViewerAccess.OWNER : share?.access === CaseAccess.CONTRIBUTE ? ViewerAccess.CONTRIBUTE : ViewerAccess.READ;
  return Object.assign(new CaseModel(), {
    id: c.id, caseNumber: c.caseNumber, title: c.title, description: c.description, fraudType: c.fraudType, status: c.status,
    provinces: c.provinces, totalLoss: c.totalLoss, victimCount: c.victimCount, reportedOn: c.reportedOn, sensitivity: c.sensitivity,
    createdAt: c.createdAt, updatedAt: c.updatedAt, owner,
    viewerAccess, masked: masksPersonalData(actor, viewerAccess),
    handling: isOwner || !share ? null : handlingOf(share),
    allowedTransitions: isOwner && mayCall(actor, 'changeCaseStatus') ? [...allowedCaseTransitions(c.status)] : [],
  });
}

export const handlingOf = (s: CaseShare) => ({ mayPassOn: s.mayPassOn, mayUseInCourt: s.mayUseInCourt, mustAskBeforeActing: s.mustAskBeforeActing });

export const toShareModel = (s: CaseShare): CaseShareModel =>
  Object.assign(new CaseShareModel(), { id: s.id, agencyId: s.agencyId, access: s.access, handling: handlingOf(s), grantedAt: s.grantedAt, revokedAt: s.revokedAt });

export const toStatementModel = (s: VictimStatement, agency: AgencyRef, victim: Victim, transfers: Transfer[]): VictimStatementModel =>
  Object.assign(new VictimStatementModel(), {
    id: s.id, caseId: s.caseId, victimId: s.victimId, agencyId: s.agencyId, takenAt: s.takenAt, place: s.place, province: s.province,
    narrative: s.narrative, reportedLoss: s.reportedLoss, takenByName: s.takenByName, createdAt: s.createdAt,
    agency, victim: toVictimModel(victim), transfers: transfers.map(toTransferModel),
  });

/** Always the masked copies: full values only through victimPersonalData, which audits the read. */
export const toVictimModel = (v: Victim): VictimModel =>
  Object.assign(new VictimModel(), {
    id: v.id, name: v.name, age: v.age, gender: v.gender, province: v.province, idNumber: v.idNumberMasked, phone: v.phoneMasked, personalDataMasked: true,
  });

export const toTransferModel = (t: Transfer): TransferModel =>
  Object.assign(new TransferModel(), {
    id: t.id, fromAccount: t.fromAccount, toAccount: t.toAccount, bank: t.bank, amount: t.amount, occurredAt: t.occurredAt, channel: t.channel,
    fromKind: t.fromKind, fromCanonical: t.fromCanonical, toKind: t.toKind, toCanonical: t.toCanonical,
  });

export const toIdentifierModel = (i: Identifier): IdentifierModel =>
  Object.assign(new IdentifierModel(), {
    id: i.id, kind: i.kind, rawValue: i.rawValue, canonical: i.canonical, source: i.source as IdentifierSourceEnum, statementId: i.statementId, note: i.note, createdAt: i.createdAt,
  });

export const toAccessRequestModel = (r: AccessRequest, caseNumber: string | null): AccessRequestModel =>
  Object.assign(new AccessRequestModel(), {
    id: r.id, caseId: r.caseId, caseNumber, requestingAgencyId: r.requestingAgencyId, ownerAgencyId: r.ownerAgencyId, reason: r.reason,
    status: r.status as AccessRequestStatusEnum, decisionNote: r.decisionNote, createdAt: r.createdAt, decidedAt: r.decidedAt,
  });
