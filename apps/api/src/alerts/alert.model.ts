import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccountProduct, AlertStatus, IdentifierKind, RiskRule, RiskSignalKind, TransferDirection } from '@caselink/domain';
import { AgencyRef } from '../cases/case.model';
import { connectionType } from '../common/pagination';

export enum SignalUploadStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(RiskSignalKind, { name: 'RiskSignalKind' });
registerEnumType(AccountProduct, { name: 'AccountProduct', description: 'ACCOUNT_OPENING only' });
registerEnumType(TransferDirection, { name: 'TransferDirection', description: 'TRANSFER only' });
registerEnumType(RiskRule, { name: 'RiskRule' });
registerEnumType(AlertStatus, { name: 'AlertStatus' });
registerEnumType(SignalUploadStatus, { name: 'SignalUploadStatus' });

/**
 * One reported event. Validated by libs/domain checkRiskSignal (errors name `signals.<i>.<field>`), not by
 * class-validator: a list argument reaches the resolver as plain objects.
 */
@InputType()
export class RiskSignalInput {
  @Field(() => RiskSignalKind) kind: RiskSignalKind;
  @Field({ description: "the reporter's own event id: the same reference twice from one agency is one signal" }) reference: string;
  @Field() occurredAt: Date;
  @Field({ description: "GB/T 2260 code of where it happened (province or city); the alert goes to that region's police" }) region: string;
  @Field(() => String, { nullable: true, description: '18-digit resident ID number, checksum-validated, hashed on arrival (required for ACCOUNT_OPENING and SIM_REGISTRATION)' })
  subjectIdNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'card or account number (ACCOUNT_OPENING, CASH_WITHDRAWAL, TRANSFER)' }) account?: string | null;
  @Field(() => AccountProduct, { nullable: true }) product?: AccountProduct | null;
  @Field(() => String, { nullable: true, description: 'mobile number (SIM_REGISTRATION)' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'exact decimal CNY, e.g. "25000.00", more than 0 and at most 1000000000.00 (CASH_WITHDRAWAL, TRANSFER)' }) amount?: string | null;
  @Field(() => TransferDirection, { nullable: true }) direction?: TransferDirection | null;
  @Field(() => String, { nullable: true }) counterpartAccount?: string | null;
}

@ObjectType()
export class ReportRiskSignalsResult {
  @Field(() => Int) accepted: number;
  @Field(() => Int) duplicates: number;
}

@ObjectType('RiskSignal')
export class RiskSignalModel {
  @Field(() => ID) id: string;
  @Field(() => RiskSignalKind) kind: RiskSignalKind;
  @Field() reference: string;
  @Field() occurredAt: Date;
  @Field() region: string;
  @Field(() => String, { nullable: true, description: 'first 8 hex characters of the subject hash (enough to tell subjects apart on screen), null when none' })
  subjectKey: string | null;
  @Field(() => String, { nullable: true }) account: string | null;
  @Field(() => AccountProduct, { nullable: true }) product: AccountProduct | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) amount: string | null;
  @Field(() => TransferDirection, { nullable: true }) direction: TransferDirection | null;
  @Field(() => String, { nullable: true }) counterpartAccount: string | null;
  @Field() reportedAt: Date;
}

@ObjectType()
export class RiskSignalConnection extends connectionType(RiskSignalModel, 'RiskSignal') {}

@ObjectType()
export class SignalUploadError {
  @Field(() => Int) row: number;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field() message: string;
}

@ObjectType('SignalUpload')
export class SignalUploadModel {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field(() => SignalUploadStatus) status: SignalUploadStatus;
  @Field(() => Int, { nullable: true }) rowsTotal: number | null;
  @Field(() => Int) rowsDone: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) duplicates: number;
  @Field(() => [SignalUploadError]) errors: SignalUploadError[];
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType()
export class AlertIdentifier {
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field() value: string;
}

/**
 * A case holding one of an alert's identifiers. Who may read the case sees which case; the alert's region's
 * police otherwise learn what a blind hit tells: the agency that holds a matching case, and the value.
 */
@ObjectType()
export class AlertLead {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: 'null when you may not read the case' }) caseId: string | null;
  @Field(() => String, { nullable: true, description: 'null when you may not read the case' }) caseNumber: string | null;
  @Field(() => AgencyRef, { description: 'the agency that owns the case' }) ownerAgency: AgencyRef;
  @Field(() => IdentifierKind) matchedKind: IdentifierKind;
  @Field({ description: "the alert's identifier the case holds (ID_NUMBER: the subject key)" }) matchedValue: string;
  @Field({ description: 'true when the viewer may open the case (own, shared, task force)' }) canOpen: boolean;
  @Field() createdAt: Date;
}

@ObjectType('Alert')
export class AlertModel {
  @Field(() => ID) id: string;
  @Field(() => RiskRule) rule: RiskRule;
  @Field(() => AlertStatus) status: AlertStatus;
  @Field() region: string;
  @Field() raisedAt: Date;
  @Field(() => AgencyRef, { description: 'the reporting bank or telecom' }) reportingAgency: AgencyRef;
  @Field(() => String, { nullable: true }) subjectKey: string | null;
  @Field(() => [AlertIdentifier]) identifiers: AlertIdentifier[];
  @Field({ description: 'the figure that crossed the threshold (CNY total, SIM count, card count, account count, or minutes)' }) observed: string;
  @Field() threshold: string;
  @Field() windowStart: Date;
  @Field() windowEnd: Date;
  @Field(() => Int, { description: "the signals behind the alert (the reporter and the region's police see them)" }) signalCount: number;
  @Field(() => [AlertLead]) leads: AlertLead[];
  @Field(() => String, { nullable: true }) statusNote: string | null;
}

@ObjectType()
export class AlertConnection extends connectionType(AlertModel, 'Alert') {}

@ObjectType()
export class AlertLeadWithAlert {
  @Field(() => AlertLead) lead: AlertLead;
  @Field(() => AlertModel) alert: AlertModel;
}

@ObjectType('RiskThreshold')
export class RiskThresholdModel {
  @Field() region: string;
  @Field(() => RiskRule) rule: RiskRule;
  @Field() value: string;
  @Field({ description: "the region the value comes from (a province's value applies to its cities unless a city sets its own; '000000' national default)" })
  source: string;
}
