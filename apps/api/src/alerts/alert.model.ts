import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccountProduct, AlertStatus, IdentifierKind, JobState, RiskRule, RiskSignalKind, TransferDirection } from '@caselink/domain';
import { AgencyRef } from '../cases/case.model';
import { connectionType } from '../common/pagination';

/** The domain's job states under their GraphQL name for signal uploads (a copy: each GraphQL enum needs its own object). */
export const SignalUploadStatus = { ...JobState };
registerEnumType(RiskSignalKind, {
  name: 'RiskSignalKind',
  description: 'What a bank or telecom reports',
  valuesMap: {
    ACCOUNT_OPENING: { description: 'Bank: an account or card opened (subject, account, product)' },
    SIM_REGISTRATION: { description: 'Telecom: a SIM card registered (subject, phone)' },
    CASH_WITHDRAWAL: { description: 'Bank: cash withdrawn (account, amount)' },
    TRANSFER: { description: 'Bank: money in or out of an account (account, amount, direction, counterpart)' },
  },
});
registerEnumType(AccountProduct, {
  name: 'AccountProduct',
  description: 'ACCOUNT_OPENING only',
  valuesMap: {
    DEBIT_CARD: { description: 'A debit card' },
    CREDIT_CARD: { description: 'A credit card' },
    ACCOUNT: { description: 'An account without a card' },
  },
});
registerEnumType(TransferDirection, {
  name: 'TransferDirection',
  description: 'TRANSFER only',
  valuesMap: {
    IN: { description: 'Money into the account' },
    OUT: { description: 'Money out of the account' },
  },
});
registerEnumType(RiskRule, {
  name: 'RiskRule',
  description: 'A rule the worker evaluates over risk signals, with a threshold per region',
  valuesMap: {
    CASH_WITHDRAWAL_DAILY: { description: "One account's cash withdrawals on one day (Asia/Shanghai) over the threshold, CNY (default 20000)" },
    SIM_CARDS_PER_CARRIER: { description: 'SIM cards registered to one subject at one carrier over the threshold (default 5)' },
    DEBIT_CARDS_PER_BANK: { description: 'Debit cards opened by one subject at one bank over the threshold (default 4)' },
    ACCOUNTS_ACROSS_BANKS: { description: 'Accounts and cards of one subject across all banks over the threshold (default 10)' },
    PASS_THROUGH: { description: 'Money in, then at least 80% of it out of the same account within the threshold, minutes (default 30, inclusive)' },
  },
});
registerEnumType(AlertStatus, {
  name: 'AlertStatus',
  description: "Where an alert stands for the region's police",
  valuesMap: {
    NEW: { description: 'Raised, nobody has looked yet' },
    ACKNOWLEDGED: { description: 'Acknowledged by the police of the region' },
    DISMISSED: { description: 'Dismissed, with a reason' },
  },
});
registerEnumType(SignalUploadStatus, {
  name: 'SignalUploadStatus',
  description: 'Where a CSV upload of risk signals stands',
  valuesMap: {
    QUEUED: { description: 'Waiting for the worker' },
    RUNNING: { description: 'The worker is storing rows' },
    DONE: { description: 'Finished (some rows may have been refused)' },
    FAILED: { description: 'Nothing stored: bad header or unreadable file' },
  },
});

/**
 * One reported event. Validated by libs/domain checkRiskSignal (errors name `signals.<i>.<field>`), not by
 * class-validator: a list argument reaches the resolver as plain objects.
 */
@InputType({ description: 'One event a bank or telecom reports' })
export class RiskSignalInput {
  @Field(() => RiskSignalKind, { description: 'What happened' }) kind: RiskSignalKind;
  @Field({ description: "the reporter's own event id: the same reference twice from one agency is one signal" }) reference: string;
  @Field({ description: 'When it happened' }) occurredAt: Date;
  @Field({ description: "GB/T 2260 code of where it happened (province or city); the alert goes to that region's police" }) region: string;
  @Field(() => String, { nullable: true, description: '18-digit resident ID number, checksum-validated, hashed on arrival (required for ACCOUNT_OPENING and SIM_REGISTRATION)' })
  subjectIdNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'card or account number (ACCOUNT_OPENING, CASH_WITHDRAWAL, TRANSFER)' }) account?: string | null;
  @Field(() => AccountProduct, { nullable: true, description: 'ACCOUNT_OPENING: what was opened' }) product?: AccountProduct | null;
  @Field(() => String, { nullable: true, description: 'mobile number (SIM_REGISTRATION)' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'exact decimal CNY, e.g. "25000.00", more than 0 and at most 1000000000.00 (CASH_WITHDRAWAL, TRANSFER)' }) amount?: string | null;
  @Field(() => TransferDirection, { nullable: true, description: 'TRANSFER: in or out of the account' }) direction?: TransferDirection | null;
  @Field(() => String, { nullable: true, description: 'TRANSFER: the other account' }) counterpartAccount?: string | null;
}

@ObjectType({ description: 'What became of reported signals' })
export class ReportRiskSignalsResult {
  @Field(() => Int, { description: 'New signals stored' }) accepted: number;
  @Field(() => Int, { description: 'Signals already known (same reference from your agency), left as they were' }) duplicates: number;
}

@ObjectType('RiskSignal', { description: 'An event a bank or telecom reported (the subject only as a keyed hash of the ID number)' })
export class RiskSignalModel {
  @Field(() => ID, { description: 'Signal id' }) id: string;
  @Field(() => RiskSignalKind, { description: 'What happened' }) kind: RiskSignalKind;
  @Field({ description: "The reporter's own event id" }) reference: string;
  @Field({ description: 'When it happened' }) occurredAt: Date;
  @Field({ description: 'GB/T 2260 code of where it happened' }) region: string;
  @Field(() => String, { nullable: true, description: 'first 8 hex characters of the subject hash (enough to tell subjects apart on screen), null when none' })
  subjectKey: string | null;
  @Field(() => String, { nullable: true, description: 'Card or account number' }) account: string | null;
  @Field(() => AccountProduct, { nullable: true, description: 'ACCOUNT_OPENING: what was opened' }) product: AccountProduct | null;
  @Field(() => String, { nullable: true, description: 'SIM_REGISTRATION: the mobile number' }) phone: string | null;
  @Field(() => String, { nullable: true, description: 'Decimal CNY (CASH_WITHDRAWAL, TRANSFER)' }) amount: string | null;
  @Field(() => TransferDirection, { nullable: true, description: 'TRANSFER: in or out' }) direction: TransferDirection | null;
  @Field(() => String, { nullable: true, description: 'TRANSFER: the other account' }) counterpartAccount: string | null;
  @Field({ description: 'When it was reported' }) reportedAt: Date;
}

@ObjectType({ description: 'A page of risk signals' })
export class RiskSignalConnection extends connectionType(RiskSignalModel, 'RiskSignal') {}

@ObjectType({ description: 'A refused row of a CSV upload' })
export class SignalUploadError {
  @Field(() => Int, { description: 'CSV row (header = row 1)' }) row: number;
  @Field(() => String, { nullable: true, description: 'The column at fault; null when the row as a whole was refused' }) column: string | null;
  @Field({ description: 'Why' }) message: string;
}

@ObjectType('SignalUpload', { description: 'A CSV file of risk signals (POST /risk-signals/uploads) being stored by the worker' })
export class SignalUploadModel {
  @Field(() => ID, { description: 'Upload id' }) id: string;
  @Field({ description: 'File name as uploaded' }) fileName: string;
  @Field(() => SignalUploadStatus, { description: 'Where it stands' }) status: JobState;
  @Field(() => Int, { nullable: true, description: 'Data rows in the file, once read' }) rowsTotal: number | null;
  @Field(() => Int, { description: 'Rows handled so far' }) rowsDone: number;
  @Field(() => Int, { description: 'New signals stored' }) accepted: number;
  @Field(() => Int, { description: 'Rows already known (same reference), left as they were' }) duplicates: number;
  @Field(() => [SignalUploadError], { description: 'Refused rows' }) errors: SignalUploadError[];
  @Field({ description: 'When it was uploaded' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it finished' }) finishedAt: Date | null;
}

@ObjectType({ description: 'An identifier an alert is about (account, phone ...)' })
export class AlertIdentifier {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'The value' }) value: string;
}

/**
 * A case holding one of an alert's identifiers. Who may read the case sees which case; the alert's region's
 * police otherwise learn what a blind hit tells: the agency that holds a matching case, and the value.
 */
@ObjectType({ description: "A case holding one of an alert's identifiers: who may read the case sees which; the region's police otherwise only the owner and the value, as a blind hit" })
export class AlertLead {
  @Field(() => ID, { description: 'Lead id' }) id: string;
  @Field(() => ID, { nullable: true, description: 'null when you may not read the case' }) caseId: string | null;
  @Field(() => String, { nullable: true, description: 'null when you may not read the case' }) caseNumber: string | null;
  @Field(() => AgencyRef, { description: 'the agency that owns the case' }) ownerAgency: AgencyRef;
  @Field(() => IdentifierKind, { description: 'What kind of identifier matched' }) matchedKind: IdentifierKind;
  @Field({ description: "the alert's identifier the case holds (ID_NUMBER: the subject key)" }) matchedValue: string;
  @Field({ description: 'true when the viewer may open the case (own, shared, task force)' }) canOpen: boolean;
  @Field({ description: 'When the match was found' }) createdAt: Date;
}

@ObjectType('Alert', { description: 'A risk rule crossed its threshold: raised once to the police of the region where it happened' })
export class AlertModel {
  @Field(() => ID, { description: 'Alert id' }) id: string;
  @Field(() => RiskRule, { description: 'The rule that fired' }) rule: RiskRule;
  @Field(() => AlertStatus, { description: 'Where it stands' }) status: AlertStatus;
  @Field({ description: 'GB/T 2260 code of where it happened (its police receive it)' }) region: string;
  @Field({ description: 'When it was raised' }) raisedAt: Date;
  @Field(() => AgencyRef, { description: 'the reporting bank or telecom' }) reportingAgency: AgencyRef;
  @Field(() => String, { nullable: true, description: 'First 8 hex characters of the subject hash, for rules about a subject' }) subjectKey: string | null;
  @Field(() => [AlertIdentifier], { description: 'The accounts and phones involved (a bank sees those its own signals carried)' }) identifiers: AlertIdentifier[];
  @Field({ description: 'the figure that crossed the threshold (CNY total, SIM count, card count, account count, or minutes)' }) observed: string;
  @Field({ description: 'The threshold in force (same unit as observed)' }) threshold: string;
  @Field({ description: 'Start of the window the rule looked at' }) windowStart: Date;
  @Field({ description: 'End of that window' }) windowEnd: Date;
  @Field(() => Int, { description: "the signals behind the alert (the reporter and the region's police see them)" }) signalCount: number;
  @Field(() => [AlertLead], { description: 'Cases holding its identifiers (police only; banks and telecoms never see leads)' }) leads: AlertLead[];
  @Field(() => String, { nullable: true, description: 'Why it was dismissed' }) statusNote: string | null;
}

@ObjectType({ description: 'A page of alerts' })
export class AlertConnection extends connectionType(AlertModel, 'Alert') {}

@ObjectType({ description: 'A lead on a case with its alert' })
export class AlertLeadWithAlert {
  @Field(() => AlertLead, { description: 'The lead' }) lead: AlertLead;
  @Field(() => AlertModel, { description: 'The alert it comes from' }) alert: AlertModel;
}

@ObjectType('RiskThreshold', { description: 'The threshold of a rule in force for a region' })
export class RiskThresholdModel {
  @Field({ description: 'GB/T 2260 code asked for' }) region: string;
  @Field(() => RiskRule, { description: 'The rule' }) rule: RiskRule;
  @Field({ description: 'CNY for CASH_WITHDRAWAL_DAILY, minutes for PASS_THROUGH, else a count' }) value: string;
  @Field({ description: "the region the value comes from (a province's value applies to its cities unless a city sets its own; '000000' national default)" })
  source: string;
}
