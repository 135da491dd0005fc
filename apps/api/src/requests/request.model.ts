import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CooperationKind, FraudType, FreezeKind, IdentifierKind, LegalBasis, RequestState, RequestType, TelecomKind, Urgency,
} from '@caselink/domain';
import { connectionType } from '../common/pagination';
import { AgencyRef, HandlingCodeModel } from '../cases/case.model';

export enum RequestEventKind {
  STATE = 'STATE',
  MESSAGE = 'MESSAGE',
  OVERDUE = 'OVERDUE',
  EXPIRY_WARNING = 'EXPIRY_WARNING',
}
export enum DeadlineColour {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}
registerEnumType(RequestType, { name: 'RequestType' });
registerEnumType(Urgency, { name: 'Urgency' });
registerEnumType(FreezeKind, { name: 'FreezeKind', description: 'EMERGENCY_STOP holds 48 hours (extendable once); FREEZE 6 months, renewable' });
registerEnumType(TelecomKind, { name: 'TelecomKind' });
registerEnumType(CooperationKind, { name: 'CooperationKind' });
registerEnumType(LegalBasis, { name: 'LegalBasis' });
registerEnumType(RequestState, { name: 'RequestState' });
registerEnumType(RequestEventKind, { name: 'RequestEventKind' });
registerEnumType(DeadlineColour, { name: 'DeadlineColour' });

@ObjectType('SubjectIdentifier')
export class SubjectIdentifierModel {
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field() value: string;
}

@ObjectType('Subject', { description: 'A suspect named in a cooperation request' })
export class SubjectModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => [SubjectIdentifierModel]) identifiers: SubjectIdentifierModel[];
}

@ObjectType('SubscriberInfo')
export class SubscriberInfoModel {
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) idNumber: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true }) registeredOn: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('DownstreamTransfer', { description: 'Where frozen money had gone next, as the bank reported it' })
export class DownstreamTransferModel {
  @Field() toAccount: string;
  @Field(() => String, { nullable: true }) bank: string | null;
  @Field() amount: string;
  @Field() occurredAt: Date;
}

@ObjectType('RequestEvent')
export class RequestEventModel {
  @Field(() => ID) id: string;
  @Field(() => RequestEventKind) kind: RequestEventKind;
  @Field(() => RequestState, { nullable: true }) fromState: RequestState | null;
  @Field(() => RequestState, { nullable: true }) toState: RequestState | null;
  @Field(() => String, { nullable: true }) body: string | null;
  @Field(() => AgencyRef) agency: AgencyRef;
  @Field(() => String, { nullable: true }) authorName: string | null;
  @Field() createdAt: Date;
}

@ObjectType('RequestAttachment')
export class RequestAttachmentModel {
  @Field(() => ID) attachmentId: string;
  @Field() fileName: string;
  @Field() sizeBytes: string;
  @Field() sha256: string;
  @Field(() => HandlingCodeModel) handling: HandlingCodeModel;
  @Field({ description: 'GET with the bearer token; audited' }) downloadPath: string;
}

@ObjectType('AgencyRequest', { description: 'A freeze, telecom or cooperation request; the addressed agency sees only what is on it' })
export class AgencyRequestModel {
  @Field(() => ID) id: string;
  @Field(() => RequestType) type: RequestType;
  @Field({ description: 'FreezeKind, TelecomKind or CooperationKind' }) kind: string;
  @Field() reference: string;
  @Field(() => RequestState) state: RequestState;
  @Field(() => Urgency) urgency: Urgency;
  @Field() caseNumber: string;
  @Field(() => FraudType) fraudType: FraudType;
  @Field(() => ID, { nullable: true, description: "The sender's case; null for the addressed agency" }) caseId: string | null;
  @Field(() => ID, { nullable: true, description: 'Sender only: the transfer a fund trace followed to this account' }) sourceTransferId: string | null;
  @Field(() => AgencyRef) fromAgency: AgencyRef;
  @Field(() => AgencyRef) toAgency: AgencyRef;
  @Field(() => String, { nullable: true }) legalBasisDoc: string | null;
  @Field(() => LegalBasis, { nullable: true }) legalBasis: LegalBasis | null;
  @Field(() => String, { nullable: true }) account: string | null;
  @Field(() => String, { nullable: true }) bankName: string | null;
  @Field(() => String, { nullable: true }) amount: string | null;
  @Field(() => String, { nullable: true }) amountHeld: string | null;
  @Field(() => String, { nullable: true }) balance: string | null;
  @Field(() => Int) extensions: number;
  @Field(() => Date, { nullable: true }) heldAt: Date | null;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => IdentifierKind, { nullable: true }) targetKind: IdentifierKind | null;
  @Field(() => String, { nullable: true }) targetValue: string | null;
  @Field(() => SubscriberInfoModel, { nullable: true }) subscriber: SubscriberInfoModel | null;
  @Field(() => String, { nullable: true }) summary: string | null;
  @Field(() => [SubjectModel]) subjects: SubjectModel[];
  @Field(() => String, { nullable: true }) answerNote: string | null;
  @Field(() => Date, { nullable: true }) deadlineAt: Date | null;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field() overdue: boolean;
  @Field(() => Date, { nullable: true }) overdueAt: Date | null;
  @Field(() => DeadlineColour, { nullable: true, description: 'null once answered' }) deadlineColour: DeadlineColour | null;
  @Field({ description: 'Changed since the caller last opened it' }) unread: boolean;
  @Field(() => [RequestState], { description: "States the caller's side may move it to now" }) allowedTransitions: RequestState[];
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType()
export class AgencyRequestConnection extends connectionType(AgencyRequestModel, 'AgencyRequest') {}

@ObjectType('InboxCounts')
export class InboxCountsModel {
  @Field(() => Int, { description: 'Incoming requests changed since you opened them' }) unread: number;
  @Field(() => Int, { description: 'Incoming requests still awaiting your answer' }) open: number;
  @Field(() => Int, { description: 'Requests (either way) past their deadline and unanswered' }) overdue: number;
}

@ObjectType('DeadlineRule')
export class DeadlineRuleModel {
  @Field(() => RequestType) type: RequestType;
  @Field() kind: string;
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => Int) minutes: number;
}
