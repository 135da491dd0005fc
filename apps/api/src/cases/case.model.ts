import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessRequestStatus, AgencyKind, CaseAccess, CaseStatus, FraudType, IdentifierKind, PaymentChannel, Sensitivity } from '@caselink/domain';
import { connectionType } from '../common/pagination';

registerEnumType(FraudType, { name: 'FraudType' });
registerEnumType(CaseStatus, { name: 'CaseStatus' });
registerEnumType(Sensitivity, { name: 'Sensitivity' });
registerEnumType(CaseAccess, { name: 'CaseAccess', description: 'What a share grants' });
registerEnumType(IdentifierKind, { name: 'IdentifierKind' });
registerEnumType(PaymentChannel, { name: 'PaymentChannel' });

export enum ViewerAccess {
  OWNER = 'OWNER',
  CONTRIBUTE = 'CONTRIBUTE',
  READ = 'READ',
}
registerEnumType(ViewerAccess, { name: 'ViewerAccess', description: 'What the viewer holds on a case' });

export enum IdentifierSourceEnum {
  STATEMENT = 'STATEMENT',
  TRANSFER = 'TRANSFER',
  MANUAL = 'MANUAL',
  IMPORT = 'IMPORT',
  BANK_RESPONSE = 'BANK_RESPONSE',
}
registerEnumType(IdentifierSourceEnum, { name: 'IdentifierSource' });

export { AccessRequestStatus as AccessRequestStatusEnum };
registerEnumType(AccessRequestStatus, { name: 'AccessRequestStatus' });

export enum RequestDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}
registerEnumType(RequestDirection, { name: 'RequestDirection' });

/** Public directory facts about an agency (name, kind, region), never its records. */
@ObjectType()
export class AgencyRef {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() nameEn: string;
  @Field(() => AgencyKind) kind: AgencyKind;
  @Field() region: string;
}

@ObjectType('HandlingCode')
export class HandlingCodeModel {
  @Field() mayPassOn: boolean;
  @Field() mayUseInCourt: boolean;
  @Field() mustAskBeforeActing: boolean;
}

@ObjectType('Case')
export class CaseModel {
  @Field(() => ID) id: string;
  @Field() caseNumber: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => FraudType) fraudType: FraudType;
  @Field(() => CaseStatus) status: CaseStatus;
  @Field(() => [String], { description: '2-digit GB/T 2260 province codes' }) provinces: string[];
  @Field({ description: 'Exact decimal CNY' }) totalLoss: string;
  @Field(() => Int) victimCount: number;
  @Field({ description: 'YYYY-MM-DD' }) reportedOn: string;
  @Field(() => Sensitivity) sensitivity: Sensitivity;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => AgencyRef) owner: AgencyRef;
  @Field(() => ViewerAccess) viewerAccess: ViewerAccess;
  @Field(() => HandlingCodeModel, { nullable: true, description: "The share's handling code; null for the owner" })
  handling: HandlingCodeModel | null;
  @Field(() => [CaseStatus], { description: 'Empty unless the viewer owns the case' }) allowedTransitions: CaseStatus[];
  /** Personal data of this case is masked for the viewer (masksPersonalData: its access or its role). */
  masked: boolean;
}

@ObjectType()
export class CaseConnection extends connectionType(CaseModel, 'Case') {}

@ObjectType('Victim')
export class VictimModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int, { nullable: true }) age: number | null;
  @Field(() => String, { nullable: true }) gender: string | null;
  @Field(() => String, { nullable: true }) province: string | null;
  @Field(() => String, { nullable: true, description: 'Masked; full value through victimPersonalData (audited)' }) idNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Masked; full value through victimPersonalData (audited)' }) phone: string | null;
  @Field() personalDataMasked: boolean;
}

@ObjectType('Transfer')
export class TransferModel {
  @Field(() => ID) id: string;
  @Field() fromAccount: string;
  @Field() toAccount: string;
  @Field(() => String, { nullable: true }) bank: string | null;
  @Field() amount: string;
  @Field() occurredAt: Date;
  @Field(() => PaymentChannel) channel: PaymentChannel;
  // Kinds and canonical forms, for masking accounts that are personal data (not in the schema).
  fromKind: IdentifierKind;
  fromCanonical: string;
  toKind: IdentifierKind;
  toCanonical: string;
}

@ObjectType('VictimStatement')
export class VictimStatementModel {
  @Field(() => ID) id: string;
  caseId: string;
  victimId: string;
  agencyId: string;
  @Field() takenAt: Date;
  @Field() place: string;
  @Field(() => String, { nullable: true }) province: string | null;
  @Field() narrative: string;
  @Field() reportedLoss: string;
  @Field() takenByName: string;
  @Field() createdAt: Date;
  // Filled when the statement is loaded (plain fields: per-field resolvers cost more than the whole query).
  @Field(() => AgencyRef) agency: AgencyRef;
  @Field(() => VictimModel) victim: VictimModel;
  @Field(() => [TransferModel]) transfers: TransferModel[];
}

@ObjectType('Identifier')
export class IdentifierModel {
  @Field(() => ID) id: string;
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field() rawValue: string;
  @Field() canonical: string;
  @Field(() => IdentifierSourceEnum) source: IdentifierSourceEnum;
  @Field(() => ID, { nullable: true }) statementId: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdAt: Date;
}

@ObjectType('CaseShare')
export class CaseShareModel {
  @Field(() => ID) id: string;
  agencyId: string;
  @Field(() => CaseAccess) access: CaseAccess;
  @Field(() => HandlingCodeModel) handling: HandlingCodeModel;
  @Field() grantedAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('AccessRequest')
export class AccessRequestModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => String, { nullable: true, description: 'Only for the owner' }) caseNumber: string | null;
  requestingAgencyId: string;
  ownerAgencyId: string;
  @Field() reason: string;
  @Field(() => AccessRequestStatus) status: AccessRequestStatus;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ObjectType()
export class AccessRequestConnection extends connectionType(AccessRequestModel, 'AccessRequest') {}

@ObjectType()
export class VictimPersonalData {
  @Field(() => String, { nullable: true }) idNumber: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
}
