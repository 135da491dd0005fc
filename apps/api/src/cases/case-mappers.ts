import { allowedCaseTransitions, CaseAccess, mayCall } from '@caselink/domain';
import type { AccessRequestRow, CaseRow, CaseShareRow, IdentifierRow, TrailTransferRow, VictimStatementRow, VisibleCaseRow } from '@caselink/db';
import {
  AccessRequestModel, AgencyRef, CaseModel, CaseShareModel, HandlingCodeModel, IdentifierModel, IdentifierSourceEnum, TransferModel, VictimModel,
  VictimStatementModel, ViewerAccess,
} from './case.model';
import type { Actor } from '../common/actor';
import { masksPersonalData } from './masking';

/**
 * A case as `actor` sees it: its access, masking (masksPersonalData) and the moves its roles may make (access table).
 * A row without the share columns (a case just written by its owner) is the owner's.
 */
export function toCaseModel(c: CaseRow | VisibleCaseRow, owner: AgencyRef, actor: Actor): CaseModel {
  const isOwner = c.agency_id === actor.agencyId;
  const share = 'share_access' in c && c.share_access !== null ? c : null;
  const viewerAccess = isOwner ? ViewerAccess.OWNER : share?.share_access === CaseAccess.CONTRIBUTE ? ViewerAccess.CONTRIBUTE : ViewerAccess.READ;
  return Object.assign(new CaseModel(), {
    id: c.id, caseNumber: c.case_number, title: c.title, description: c.description, fraudType: c.fraud_type, status: c.status,
    provinces: c.provinces, totalLoss: c.total_loss, victimCount: c.victim_count, reportedOn: c.reported_on, sensitivity: c.sensitivity,
    createdAt: c.created_at, updatedAt: c.updated_at, owner,
    viewerAccess, masked: masksPersonalData(actor, viewerAccess),
    handling: isOwner || !share ? null : handlingOf(share.share_may_pass_on, share.share_may_use_in_court, share.share_must_ask_before_acting),
    allowedTransitions: isOwner && mayCall(actor, 'changeCaseStatus') ? [...allowedCaseTransitions(c.status)] : [],
  });
}

const handlingOf = (mayPassOn: boolean | null, mayUseInCourt: boolean | null, mustAskBeforeActing: boolean | null): HandlingCodeModel => ({
  mayPassOn: mayPassOn === true, mayUseInCourt: mayUseInCourt === true, mustAskBeforeActing: mustAskBeforeActing === true,
});

export const toShareModel = (s: CaseShareRow): CaseShareModel =>
  Object.assign(new CaseShareModel(), {
    id: s.id, agencyId: s.agency_id, access: s.access, handling: handlingOf(s.may_pass_on, s.may_use_in_court, s.must_ask_before_acting),
    grantedAt: s.granted_at, revokedAt: s.revoked_at,
  });

export const toStatementModel = (s: VictimStatementRow, agency: AgencyRef, transfers: readonly TrailTransferRow[]): VictimStatementModel =>
  Object.assign(new VictimStatementModel(), {
    id: s.id, caseId: s.case_id, victimId: s.victim_id, agencyId: s.agency_id, takenAt: s.taken_at, place: s.place, province: s.province,
    narrative: s.narrative, reportedLoss: s.reported_loss, takenByName: s.taken_by_name, createdAt: s.created_at,
    agency, victim: toVictimModel(s), transfers: transfers.map(toTransferModel),
  });

/** Always the masked copies: full values only through victimPersonalData, which audits the read. */
const toVictimModel = (s: VictimStatementRow): VictimModel =>
  Object.assign(new VictimModel(), {
    id: s.victim_id, name: s.victim_name, age: s.victim_age, gender: s.victim_gender, province: s.victim_province,
    idNumber: s.victim_id_number_masked, phone: s.victim_phone_masked, personalDataMasked: true,
  });

const toTransferModel = (t: TrailTransferRow): TransferModel =>
  Object.assign(new TransferModel(), {
    id: t.id, fromAccount: t.from_account, toAccount: t.to_account, bank: t.bank, amount: t.amount, occurredAt: t.occurred_at, channel: t.channel,
    fromKind: t.from_kind, fromCanonical: t.from_canonical, toKind: t.to_kind, toCanonical: t.to_canonical,
  });

export const toIdentifierModel = (i: IdentifierRow): IdentifierModel =>
  Object.assign(new IdentifierModel(), {
    id: i.id, kind: i.kind, rawValue: i.raw_value, canonical: i.canonical, source: i.source as IdentifierSourceEnum, statementId: i.statement_id,
    note: i.note, createdAt: i.created_at,
  });

export const toAccessRequestModel = (r: AccessRequestRow, caseNumber: string | null): AccessRequestModel =>
  Object.assign(new AccessRequestModel(), {
    id: r.id, caseId: r.case_id, caseNumber, requestingAgencyId: r.requesting_agency_id, ownerAgencyId: r.owner_agency_id, reason: r.reason,
    status: r.status, decisionNote: r.decision_note, createdAt: r.created_at, decidedAt: r.decided_at,
  });
