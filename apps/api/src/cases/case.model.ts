import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessRequestStatus, AgencyKind, CASE_COUNT_CAP, CASE_SEARCH_WALK, CaseAccess, CaseStatus, FraudType, IdentifierKind, PaymentChannel, Sensitivity } from '@caselink/domain';
import { connectionType } from '../common/pagination';

registerEnumType(FraudType, {
  name: 'FraudType',
  description: 'The fraud-type taxonomy of cases (investment fraud is about a quarter of all cases)',
  valuesMap: {
    INVESTMENT: { description: 'Fake investment and wealth-management platforms (虚假投资理财)' },
    FAKE_CUSTOMER_SERVICE: { description: 'Impersonating e-commerce or logistics customer service: refunds, cancelling memberships (冒充电商物流客服)' },
    IMPERSONATING_OFFICIALS: { description: 'Impersonating police, prosecutors, courts or other officials (冒充公检法)' },
    CLICK_FARMING: { description: 'Order brushing and paid online tasks with rebates, until the deposits are lost (刷单返利)' },
    ONLINE_LOAN: { description: 'Fake online loans with up-front fees (虚假网络贷款)' },
    ROMANCE: { description: 'Online dating and romance leading to investments or transfers (网络交友, "pig butchering")' },
    ONLINE_SHOPPING: { description: 'Fake shops and services, goods never delivered (虚假购物服务)' },
    GAME_AND_LIVESTREAM: { description: 'Fake game-account and game-item trades, live-stream tipping (网络游戏虚假交易, 直播打赏)' },
    ELDERLY_CARE_AND_PENSION: { description: 'Elderly care, pension and health-product schemes aimed at older people (养老诈骗)' },
    OTHER: { description: 'Any other fraud type' },
  },
});
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: "A case's state: REPORTED → INVESTIGATING → SOLVED → CLOSED (see Case.allowedTransitions)",
  valuesMap: {
    REPORTED: { description: 'Reported, investigation not started' },
    INVESTIGATING: { description: 'Under investigation (a solved or closed case may be reopened to this)' },
    SOLVED: { description: 'Solved (破案); may still be reopened' },
    CLOSED: { description: 'Closed' },
  },
});
registerEnumType(Sensitivity, {
  name: 'Sensitivity',
  description: 'How sensitive a case is (exports mark SECRET cases TLP:RED, others TLP:AMBER)',
  valuesMap: {
    NORMAL: { description: 'Ordinary case' },
    SENSITIVE: { description: 'Sensitive: handle with care' },
    SECRET: { description: 'Secret' },
  },
});
registerEnumType(CaseAccess, {
  name: 'CaseAccess',
  description: 'What a share grants',
  valuesMap: {
    READ: { description: 'Read the case (personal data masked)' },
    CONTRIBUTE: { description: 'Read it and add statements, clues and evidence' },
  },
});
registerEnumType(IdentifierKind, {
  name: 'IdentifierKind',
  description: 'A kind of identifier (clue); canonical forms are what link cases',
  valuesMap: {
    BANK_CARD: { description: 'Bank card number (Luhn-checked)' },
    BANK_ACCOUNT: { description: 'Bank account number' },
    PHONE: { description: 'Phone number (E.164)' },
    IMEI: { description: 'Handset IMEI (Luhn-checked)' },
    IP: { description: 'IP address (canonical form)' },
    URL: { description: 'Web address' },
    DOMAIN: { description: 'Domain name (punycode)' },
    CRYPTO_WALLET: { description: 'BTC, ETH or TRON wallet address (checksummed)' },
    SOCIAL_ACCOUNT: { description: 'Account on a social or messaging platform, as platform:handle (wechat:abc)' },
    APP: { description: 'App name or package id (com.example.app)' },
    ID_NUMBER: { description: 'Resident ID number (checksummed); personal data' },
  },
});
registerEnumType(PaymentChannel, {
  name: 'PaymentChannel',
  description: 'How money moved',
  valuesMap: {
    BANK_TRANSFER: { description: 'Bank transfer or card payment' },
    THIRD_PARTY_PAYMENT: { description: 'Third-party payment (Alipay, WeChat Pay, ...)' },
    CRYPTO: { description: 'Cryptocurrency (the accounts are wallets)' },
  },
});

export enum ViewerAccess {
  OWNER = 'OWNER',
  CONTRIBUTE = 'CONTRIBUTE',
  READ = 'READ',
}
registerEnumType(ViewerAccess, {
  name: 'ViewerAccess',
  description: 'What the viewer holds on a case',
  valuesMap: {
    OWNER: { description: "The viewer's agency owns the case" },
    CONTRIBUTE: { description: "Shared with the viewer's agency to read and add to" },
    READ: { description: "Shared with the viewer's agency (or its task force) to read; personal data masked" },
  },
});

export enum IdentifierSourceEnum {
  STATEMENT = 'STATEMENT',
  TRANSFER = 'TRANSFER',
  MANUAL = 'MANUAL',
  IMPORT = 'IMPORT',
  BANK_RESPONSE = 'BANK_RESPONSE',
}
registerEnumType(IdentifierSourceEnum, {
  name: 'IdentifierSource',
  description: 'Where a clue came from',
  valuesMap: {
    STATEMENT: { description: 'A victim statement' },
    TRANSFER: { description: 'An account of a payment trail' },
    MANUAL: { description: 'Added by hand (addIdentifier); may be corrected or removed' },
    IMPORT: { description: 'A spreadsheet import' },
    BANK_RESPONSE: { description: "A bank's answer to a freeze (downstream transfers)" },
  },
});

export { AccessRequestStatus as AccessRequestStatusEnum };
registerEnumType(AccessRequestStatus, {
  name: 'AccessRequestStatus',
  description: 'An access request is decided once, by the owner',
  valuesMap: {
    PENDING: { description: 'Waiting for the owner' },
    APPROVED: { description: 'Approved: the case is shared' },
    DENIED: { description: 'Denied' },
  },
});

export enum RequestDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}
registerEnumType(RequestDirection, {
  name: 'RequestDirection',
  description: 'Whose side of a request the list shows',
  valuesMap: {
    INCOMING: { description: "Addressed to the caller's agency" },
    OUTGOING: { description: "Sent by the caller's agency" },
  },
});

/** Public directory facts about an agency (name, kind, region), never its records. */
@ObjectType({ description: 'Public directory facts about an agency (name, kind, region), never its records' })
export class AgencyRef {
  @Field(() => ID, { description: 'Agency id' }) id: string;
  @Field({ description: 'Name in Chinese' }) name: string;
  @Field({ description: 'Name in English' }) nameEn: string;
  @Field(() => AgencyKind, { description: 'What kind of body it is' }) kind: AgencyKind;
  @Field({ description: 'GB/T 2260 code (domestic) or ISO 3166-1 alpha-2 country (foreign partner)' }) region: string;
}

@ObjectType('HandlingCode', { description: 'What the receiving agency may do with shared material (after Europol SIENA handling codes)' })
export class HandlingCodeModel {
  @Field({ description: 'May pass it on to another agency' }) mayPassOn: boolean;
  @Field({ description: 'May use it as evidence in court' }) mayUseInCourt: boolean;
  @Field({ description: 'Must ask the owner before acting on it' }) mustAskBeforeActing: boolean;
}

@ObjectType('Case', { description: "A fraud case owned by one police agency, visible to agencies it is shared with and to its task forces' members" })
export class CaseModel {
  @Field(() => ID, { description: 'Case id' }) id: string;
  @Field({ description: "Human-readable number, unique in the owner's agency per year" }) caseNumber: string;
  @Field({ description: 'Short title' }) title: string;
  @Field(() => String, { nullable: true, description: 'Longer description' }) description: string | null;
  @Field(() => FraudType, { description: 'Fraud type' }) fraudType: FraudType;
  @Field(() => CaseStatus, { description: 'Where the case stands' }) status: CaseStatus;
  @Field(() => [String], { description: '2-digit GB/T 2260 province codes' }) provinces: string[];
  @Field({ description: 'Exact decimal CNY' }) totalLoss: string;
  @Field(() => Int, { description: 'Victims recorded on the case (one per statement)' }) victimCount: number;
  @Field({ description: 'YYYY-MM-DD' }) reportedOn: string;
  @Field(() => Sensitivity, { description: 'How sensitive it is' }) sensitivity: Sensitivity;
  @Field({ description: 'When it was created' }) createdAt: Date;
  @Field({ description: 'Last change' }) updatedAt: Date;
  @Field(() => AgencyRef, { description: 'The agency that owns it' }) owner: AgencyRef;
  @Field(() => ViewerAccess, { description: "What the viewer's agency holds on it" }) viewerAccess: ViewerAccess;
  @Field(() => HandlingCodeModel, { nullable: true, description: "The share's handling code; null for the owner" })
  handling: HandlingCodeModel | null;
  @Field(() => [CaseStatus], { description: 'Empty unless the viewer owns the case' }) allowedTransitions: CaseStatus[];
  /** Personal data of this case is masked for the viewer (masksPersonalData: its access or its role). */
  masked: boolean;
}

@ObjectType({ description: 'A page of cases' })
export class CaseConnection extends connectionType(CaseModel, 'Case') {
  @Field({ description: `totalCount is a lower bound: counting stopped at ${CASE_COUNT_CAP}, or a search in words counted the newest ${CASE_SEARCH_WALK} candidates only (a full count costs seconds at national scale); false when totalCount is exact` })
  totalCountCapped: boolean;
}

@ObjectType('Victim', { description: 'A victim, as on a statement' })
export class VictimModel {
  @Field(() => ID, { description: 'Victim id (for victimPersonalData)' }) id: string;
  @Field({ description: 'Name' }) name: string;
  @Field(() => Int, { nullable: true, description: 'Age in years' }) age: number | null;
  @Field(() => String, { nullable: true, description: 'M, F or X' }) gender: string | null;
  @Field(() => String, { nullable: true, description: '2-digit GB/T 2260 province code of residence' }) province: string | null;
  @Field(() => String, { nullable: true, description: 'Masked; full value through victimPersonalData (audited)' }) idNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Masked; full value through victimPersonalData (audited)' }) phone: string | null;
  @Field({ description: 'ID number and phone are masked for the viewer' }) personalDataMasked: boolean;
}

@ObjectType('Transfer', { description: 'A payment of a payment trail: from the victim (or a downstream account) to another account' })
export class TransferModel {
  @Field(() => ID, { description: 'Transfer id (for fundTrace)' }) id: string;
  @Field({ description: 'Paying account (masked like a clue when it is personal data)' }) fromAccount: string;
  @Field({ description: 'Receiving account (masked like a clue when it is personal data)' }) toAccount: string;
  @Field(() => String, { nullable: true, description: 'Receiving bank' }) bank: string | null;
  @Field({ description: 'Exact decimal CNY' }) amount: string;
  @Field({ description: 'When the money moved' }) occurredAt: Date;
  @Field(() => PaymentChannel, { description: 'How it moved' }) channel: PaymentChannel;
  // Kinds and canonical forms, for masking accounts that are personal data (not in the schema).
  fromKind: IdentifierKind;
  fromCanonical: string;
  toKind: IdentifierKind;
  toCanonical: string;
}

@ObjectType('VictimStatement', { description: "A victim's statement with its payment trail, taken by an agency with OWNER or CONTRIBUTE access" })
export class VictimStatementModel {
  @Field(() => ID, { description: 'Statement id' }) id: string;
  caseId: string;
  victimId: string;
  agencyId: string;
  @Field({ description: 'When it was taken' }) takenAt: Date;
  @Field({ description: 'Where it was taken' }) place: string;
  @Field(() => String, { nullable: true, description: '2-digit GB/T 2260 province code where it was taken' }) province: string | null;
  @Field({ description: 'What the victim said happened' }) narrative: string;
  @Field({ description: 'Loss the victim reported, exact decimal CNY (the case total is their sum)' }) reportedLoss: string;
  @Field({ description: 'The officer who took it' }) takenByName: string;
  @Field({ description: 'When it was recorded' }) createdAt: Date;
  // Filled when the statement is loaded (plain fields: per-field resolvers cost more than the whole query).
  @Field(() => AgencyRef, { description: 'The agency that took it' }) agency: AgencyRef;
  @Field(() => VictimModel, { description: 'The victim' }) victim: VictimModel;
  @Field(() => [TransferModel], { description: 'Payment trail: the transfers the victim made' }) transfers: TransferModel[];
}

@ObjectType('Identifier', { description: 'A clue on a case (phone, card, wallet, site ...): its canonical value links cases across agencies' })
export class IdentifierModel {
  @Field(() => ID, { description: 'Identifier id' }) id: string;
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'As entered (masked like canonical when it is personal data the viewer may not see)' }) rawValue: string;
  @Field({ description: 'Normalised form, what linking compares' }) canonical: string;
  @Field(() => IdentifierSourceEnum, { description: 'Where it came from' }) source: IdentifierSourceEnum;
  @Field(() => ID, { nullable: true, description: 'The statement it came from, if any' }) statementId: string | null;
  @Field(() => String, { nullable: true, description: 'Free note' }) note: string | null;
  @Field({ description: 'When it was recorded' }) createdAt: Date;
}

@ObjectType('CaseShare', { description: 'A case shared with another police agency' })
export class CaseShareModel {
  @Field(() => ID, { description: 'Share id (for revokeShare)' }) id: string;
  agencyId: string;
  @Field(() => CaseAccess, { description: 'What the share grants' }) access: CaseAccess;
  @Field(() => HandlingCodeModel, { description: 'What the receiver may do with the material' }) handling: HandlingCodeModel;
  @Field({ description: 'When it was granted' }) grantedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while live' }) revokedAt: Date | null;
}

@ObjectType('AccessRequest', { description: "A police agency's request to read a case it saw a blind hit of; the owner decides" })
export class AccessRequestModel {
  @Field(() => ID, { description: 'Access request id' }) id: string;
  @Field(() => ID, { description: 'The case asked for' }) caseId: string;
  @Field(() => String, { nullable: true, description: 'Only for the owner' }) caseNumber: string | null;
  requestingAgencyId: string;
  ownerAgencyId: string;
  @Field({ description: 'Why the requester needs it' }) reason: string;
  @Field(() => AccessRequestStatus, { description: 'Pending or decided' }) status: AccessRequestStatus;
  @Field(() => String, { nullable: true, description: "The owner's note on the decision" }) decisionNote: string | null;
  @Field({ description: 'When it was asked' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was decided; null while pending' }) decidedAt: Date | null;
}

@ObjectType({ description: 'A page of access requests' })
export class AccessRequestConnection extends connectionType(AccessRequestModel, 'AccessRequest') {}

@ObjectType({ description: "A victim's unmasked ID number and phone (reading them is audited)" })
export class VictimPersonalData {
  @Field(() => String, { nullable: true, description: 'Full resident ID number' }) idNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Full phone number' }) phone: string | null;
}

@ObjectType('CaseGoldenMinutes', {
  description:
    'The golden minutes of a case: from the report to the first emergency stop (or freeze) sent, and from there to the first money a bank held. ' +
    "Counts every agency's freezes on the case (their times only)",
})
export class CaseGoldenMinutesModel {
  @Field({ description: 'When it was reported: its first victim statement was taken (when the case was opened, if it has none)' }) reportedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the first emergency stop or freeze of the case was sent; null before' }) firstStopSentAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a bank first held money on a freeze of the case; null before' }) firstFundsHeldAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds from the report to the first stop sent (0 when a stop went out before the statement was taken); null before' })
  reportToStopSeconds: number | null;
  @Field(() => Int, { nullable: true, description: 'Seconds from the first stop sent to the first money held; null before' }) stopToHeldSeconds: number | null;
}
