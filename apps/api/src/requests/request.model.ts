import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CooperationKind, FraudType, RequestEventKind, FreezeKind, IdentifierKind, LegalBasis, RequestState, RequestType, TelecomKind, Urgency,
} from '@caselink/domain';
import { connectionType } from '../common/pagination';
import { AgencyRef, HandlingCodeModel } from '../cases/case.model';

export { RequestEventKind };
export enum DeadlineColour {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}
registerEnumType(RequestType, {
  name: 'RequestType',
  description: 'What a request asks and of whom',
  valuesMap: {
    FREEZE: { description: 'Police → bank: an emergency stop or a freeze of an account' },
    TELECOM: { description: 'Police → telecom operator: subscriber look-up, number suspension, URL or domain blocking' },
    COOPERATION: { description: 'Police → foreign partner agency: cross-border cooperation' },
  },
});
registerEnumType(Urgency, {
  name: 'Urgency',
  description: 'Sets the answer deadline (deadlineRules)',
  valuesMap: {
    URGENT: { description: 'Urgent: the short deadline (an emergency stop in 30 minutes, cross-border in 8 hours)' },
    NORMAL: { description: 'Normal deadline' },
  },
});
registerEnumType(FreezeKind, {
  name: 'FreezeKind',
  description: 'EMERGENCY_STOP holds 48 hours (extendable once); FREEZE 6 months, renewable',
  valuesMap: {
    EMERGENCY_STOP: { description: 'Stop-payment (紧急止付): holds the funds 48 hours, may be extended once' },
    FREEZE: { description: 'Freeze (冻结): holds the funds 6 months, renewable' },
  },
});
registerEnumType(TelecomKind, {
  name: 'TelecomKind',
  description: 'What a telecom request asks',
  valuesMap: {
    SUBSCRIBER_INFO: { description: 'Who holds a number (subscriber look-up)' },
    SUSPEND_NUMBER: { description: 'Suspend a phone number' },
    BLOCK_URL_OR_DOMAIN: { description: 'Block a URL or domain' },
  },
});
registerEnumType(CooperationKind, {
  name: 'CooperationKind',
  description: 'What a cross-border cooperation request asks',
  valuesMap: {
    INFORMATION_SHARING: { description: 'Share information the partner holds' },
    INVESTIGATIVE_ASSISTANCE: { description: 'Investigate on our behalf (entrusted investigation)' },
    JOINT_OPERATION: { description: 'Act together (a joint operation)' },
    EXTRADITION: { description: 'Extradite or repatriate a suspect' },
    ASSET_RECOVERY: { description: 'Trace, freeze and return proceeds' },
  },
});
registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'The legal ground of a cross-border request',
  valuesMap: {
    TREATY: { description: 'A bilateral or multilateral treaty' },
    MUTUAL_LEGAL_ASSISTANCE: { description: 'A mutual legal assistance agreement' },
    RECIPROCITY: { description: 'Reciprocity (no treaty)' },
  },
});
registerEnumType(RequestState, {
  name: 'RequestState',
  description: 'Where a request stands; each type has its own state machine (libs/domain/src/requests), see AgencyRequest.allowedTransitions',
  valuesMap: {
    DRAFT: { description: 'Saved by the sender, not sent (invisible to the addressed agency)' },
    SENT: { description: 'Sent; the addressed agency owes an answer by the deadline' },
    ACKNOWLEDGED: { description: 'The addressed agency is working on it' },
    FROZEN: { description: 'Freeze: the whole amount is held' },
    PARTIALLY_FROZEN: { description: 'Freeze: part of the amount is held (the balance was lower)' },
    NO_FUNDS: { description: 'Freeze: nothing left to hold' },
    ACCOUNT_NOT_FOUND: { description: 'Freeze: the bank has no such account' },
    REJECTED: { description: 'Freeze: refused by the bank (with a reason)' },
    EXTENDED: { description: 'Freeze: the hold was extended or renewed by the sender' },
    RELEASED: { description: 'Freeze: the sender released the hold' },
    EXPIRED: { description: 'Freeze: the hold lapsed at expiresAt' },
    COMPLETED: { description: 'Telecom: done (with subscriber details for a look-up)' },
    NOT_FOUND: { description: 'Telecom: no such number, URL or domain' },
    REFUSED: { description: 'Telecom: refused (with a reason)' },
    IN_PROGRESS: { description: 'Cooperation: the partner is working on it' },
    FULFILLED: { description: 'Cooperation: done' },
    PARTIALLY_FULFILLED: { description: 'Cooperation: partly done' },
    DECLINED: { description: 'Cooperation: the partner declined' },
    WITHDRAWN: { description: 'Telecom or cooperation: withdrawn by the sender' },
  },
});
registerEnumType(RequestEventKind, {
  name: 'RequestEventKind',
  description: 'What happened on a request (its thread)',
  valuesMap: {
    STATE: { description: 'The state changed' },
    MESSAGE: { description: 'A message in the thread' },
    OVERDUE: { description: 'The answer deadline passed unanswered' },
    EXPIRY_WARNING: { description: 'The hold of a freeze lapses soon' },
  },
});
registerEnumType(DeadlineColour, {
  name: 'DeadlineColour',
  description: 'Traffic light of an open request for inboxes',
  valuesMap: {
    GREEN: { description: 'Half of the time or more left' },
    AMBER: { description: 'Under half of the time left' },
    RED: { description: 'Under a quarter of the time left, or overdue' },
  },
});

@ObjectType('SubjectIdentifier', { description: 'An identifier of a subject (phone, account, ID number ...)' })
export class SubjectIdentifierModel {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'The value as written' }) value: string;
}

@ObjectType('Subject', { description: 'A suspect named in a cooperation request' })
export class SubjectModel {
  @Field({ description: 'Name' }) name: string;
  @Field(() => String, { nullable: true, description: 'Free note' }) note: string | null;
  @Field(() => [SubjectIdentifierModel], { description: 'Identifiers of the subject' }) identifiers: SubjectIdentifierModel[];
}

@ObjectType('SubscriberInfo', { description: 'Who holds a number, as the telecom answered a subscriber look-up' })
export class SubscriberInfoModel {
  @Field(() => String, { nullable: true, description: 'Subscriber name' }) name: string | null;
  @Field(() => String, { nullable: true, description: 'ID document number' }) idNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Registered address' }) address: string | null;
  @Field(() => String, { nullable: true, description: 'Registration date (YYYY-MM-DD)' }) registeredOn: string | null;
  @Field(() => String, { nullable: true, description: 'Anything else the operator adds' }) note: string | null;
}

@ObjectType('DownstreamTransfer', { description: 'Where frozen money had gone next, as the bank reported it' })
export class DownstreamTransferModel {
  @Field({ description: 'The account it went to' }) toAccount: string;
  @Field(() => String, { nullable: true, description: 'Its bank' }) bank: string | null;
  @Field({ description: 'Decimal CNY' }) amount: string;
  @Field({ description: 'When it left' }) occurredAt: Date;
}

@ObjectType('RequestEvent', { description: 'An entry of the request thread: a state change, a message, an overdue or expiry notice' })
export class RequestEventModel {
  @Field(() => ID, { description: 'Event id' }) id: string;
  @Field(() => RequestEventKind, { description: 'What happened' }) kind: RequestEventKind;
  @Field(() => RequestState, { nullable: true, description: 'STATE: the state before' }) fromState: RequestState | null;
  @Field(() => RequestState, { nullable: true, description: 'STATE: the state after' }) toState: RequestState | null;
  @Field(() => String, { nullable: true, description: 'MESSAGE: the text; STATE: the note or reason given' }) body: string | null;
  @Field(() => AgencyRef, { description: 'The agency whose side wrote it (the sender for system events)' }) agency: AgencyRef;
  @Field(() => String, { nullable: true, description: 'Who wrote it; null for system events' }) authorName: string | null;
  @Field({ description: 'When it happened' }) createdAt: Date;
}

@ObjectType('RequestAttachment', { description: 'Evidence of the case the sender chose to pass on with a cooperation request' })
export class RequestAttachmentModel {
  @Field(() => ID, { description: 'Attachment id' }) attachmentId: string;
  @Field({ description: 'File name' }) fileName: string;
  @Field({ description: 'Size in bytes' }) sizeBytes: string;
  @Field({ description: 'Hex sha256 of the content' }) sha256: string;
  @Field(() => HandlingCodeModel, { description: 'What the partner may do with it' }) handling: HandlingCodeModel;
  @Field({ description: 'GET with the bearer token; audited' }) downloadPath: string;
}

@ObjectType('AgencyRequest', { description: 'A freeze, telecom or cooperation request; the addressed agency sees only what is on it' })
export class AgencyRequestModel {
  @Field(() => ID, { description: 'Request id' }) id: string;
  @Field(() => RequestType, { description: 'Freeze, telecom or cooperation' }) type: RequestType;
  @Field({ description: 'FreezeKind, TelecomKind or CooperationKind' }) kind: string;
  @Field({ description: 'Human-readable reference (prefix by type), the same for both agencies' }) reference: string;
  @Field(() => RequestState, { description: 'Where it stands' }) state: RequestState;
  @Field(() => Urgency, { description: 'Urgency (sets the deadline)' }) urgency: Urgency;
  @Field({ description: "The sender's case number" }) caseNumber: string;
  @Field(() => FraudType, { description: "The case's fraud type" }) fraudType: FraudType;
  @Field(() => ID, { nullable: true, description: "The sender's case; null for the addressed agency" }) caseId: string | null;
  @Field(() => ID, { nullable: true, description: 'Sender only: the transfer a fund trace followed to this account' }) sourceTransferId: string | null;
  @Field(() => AgencyRef, { description: 'The sending police agency' }) fromAgency: AgencyRef;
  @Field(() => AgencyRef, { description: 'The addressed bank, telecom or partner' }) toAgency: AgencyRef;
  @Field(() => String, { nullable: true, description: 'Number of the legal document (e.g. 协助冻结财产通知书)' }) legalBasisDoc: string | null;
  @Field(() => LegalBasis, { nullable: true, description: 'Cooperation: the legal ground' }) legalBasis: LegalBasis | null;
  @Field(() => String, { nullable: true, description: 'Freeze: the card or account' }) account: string | null;
  @Field(() => String, { nullable: true, description: 'Freeze: the bank as the sender named it' }) bankName: string | null;
  @Field(() => String, { nullable: true, description: 'Freeze: amount to hold (decimal CNY)' }) amount: string | null;
  @Field(() => String, { nullable: true, description: 'Freeze: amount the bank holds (decimal CNY)' }) amountHeld: string | null;
  @Field(() => String, { nullable: true, description: 'Freeze: the account balance the bank reported (decimal CNY)' }) balance: string | null;
  @Field(() => Int, { description: 'Freeze: times the hold was extended or renewed' }) extensions: number;
  @Field(() => Date, { nullable: true, description: 'Freeze: when the hold was placed (or last extended)' }) heldAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Freeze: when the hold lapses unless extended' }) expiresAt: Date | null;
  @Field(() => IdentifierKind, { nullable: true, description: 'Telecom: what kind of value the target is' }) targetKind: IdentifierKind | null;
  @Field(() => String, { nullable: true, description: 'Telecom: the number, URL or domain' }) targetValue: string | null;
  @Field(() => SubscriberInfoModel, { nullable: true, description: 'Telecom: the subscriber details answered' }) subscriber: SubscriberInfoModel | null;
  @Field(() => String, { nullable: true, description: 'Cooperation: what is asked and why' }) summary: string | null;
  @Field(() => [SubjectModel], { description: 'Cooperation: the suspects named' }) subjects: SubjectModel[];
  @Field(() => String, { nullable: true, description: "The addressed agency's note or reason with its answer" }) answerNote: string | null;
  @Field(() => Date, { nullable: true, description: 'The answer is due then; null for a draft' }) deadlineAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was sent' }) sentAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the addressed agency acknowledged it' }) acknowledgedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was first answered' }) answeredAt: Date | null;
  @Field({ description: 'The deadline passed before an answer' }) overdue: boolean;
  @Field(() => Date, { nullable: true, description: 'When it turned overdue' }) overdueAt: Date | null;
  @Field(() => DeadlineColour, { nullable: true, description: 'null once answered' }) deadlineColour: DeadlineColour | null;
  @Field({ description: 'Changed since the caller last opened it' }) unread: boolean;
  @Field(() => [RequestState], { description: "States the caller's side may move it to now" }) allowedTransitions: RequestState[];
  @Field({ description: 'When it was created' }) createdAt: Date;
  @Field({ description: 'Last change' }) updatedAt: Date;
}

@ObjectType({ description: 'A page of requests' })
export class AgencyRequestConnection extends connectionType(AgencyRequestModel, 'AgencyRequest') {}

@ObjectType('InboxCounts', { description: "Counts for the caller's request inbox" })
export class InboxCountsModel {
  @Field(() => Int, { description: 'Incoming requests changed since you opened them' }) unread: number;
  @Field(() => Int, { description: 'Incoming requests still awaiting your answer' }) open: number;
  @Field(() => Int, { description: 'Requests (either way) past their deadline and unanswered' }) overdue: number;
}

@ObjectType('DeadlineRule', { description: 'How long the addressed agency has to answer a request of one type, kind and urgency' })
export class DeadlineRuleModel {
  @Field(() => RequestType, { description: 'Request type' }) type: RequestType;
  @Field({ description: 'FreezeKind, TelecomKind or CooperationKind' }) kind: string;
  @Field(() => Urgency, { description: 'Urgency' }) urgency: Urgency;
  @Field(() => Int, { description: 'Minutes to answer' }) minutes: number;
}
